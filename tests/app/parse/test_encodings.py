"""Encodings and line ends of text files."""

import pytest

from app.errors import ImportRefused
from app.parse import parse_file

TEXT = "Conclusions on children and armed conflict in Côte d’Ivoire\r\n\r\n1. The Working Group’s meeting.\r\n\r\n2. Second – paragraph.\r\n"


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"],
)
def test_encodings(tmp_path, encoding):
    f = tmp_path / "doc.txt"
    f.write_bytes(TEXT.encode(encoding))
    doc = parse_file(f)
    assert doc.labels() == ["1", "2"]
    assert doc.situation == "Côte d’Ivoire"
    assert doc.segment("1").text == "The Working Group’s meeting."
    assert doc.segment("2").text == "Second – paragraph."


def test_empty_file_is_refused(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    with pytest.raises(ImportRefused, match="empty.txt: the file is empty"):
        parse_file(f)
