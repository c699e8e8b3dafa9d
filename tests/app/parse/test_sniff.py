"""The format comes from the content, not the name; unreadable formats are refused by name."""

from __future__ import annotations

import io
import zipfile

import pytest
from pdfgen import text_pdf
from wordgen import make_docx, p

from app.errors import ImportRefused
from app.parse import parse_file

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
TEXT = "Conclusions on children and armed conflict in Testland\n\n1. The Working Group met.\n"


def _zip(names: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for n, d in names.items():
            zf.writestr(n, d)
    return buf.getvalue()


def test_pdf_named_docx_is_read_as_pdf(tmp_path):
    path = tmp_path / "really-a-pdf.docx"
    path.write_bytes(text_pdf(["Conclusions on Testland", "", "1. The Working Group met."]))
    assert parse_file(path).segment("1").text == "The Working Group met."


def test_docx_named_txt_is_read_as_word(tmp_path):
    path = make_docx(tmp_path / "w.docx", p("Conclusions on Testland") + p("1. The Working Group met."))
    renamed = path.rename(tmp_path / "notes.txt")
    assert parse_file(renamed).segment("1").text == "The Working Group met."


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "cp1252"])
def test_text_in_any_common_encoding(tmp_path, encoding):
    path = tmp_path / "t.txt"
    path.write_bytes((TEXT + "2. It welcomed the report’s findings.\n").encode(encoding))
    doc = parse_file(path)
    assert doc.labels() == ["1", "2"]
    assert doc.segment("2").text == "It welcomed the report’s findings."


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "a PNG image, not a document Concord can read"),
    ("scan.docx", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4, "a JPEG image, not a document Concord can read"),
    ("old.doc", OLE, "a legacy Word 97-2003 (.doc) file; save it as .docx and import that"),
    ("locked.docx", OLE + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64,
     "a password-protected Word file; remove the password in Word and import it again"),
    ("c.odt", _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}),
     "an OpenDocument file (.odt/.ods); save it as .docx and import that"),
    ("book.xlsx", _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<w/>"}),
     "an Excel workbook, not a Word document"),
    ("a.zip", _zip({"readme.txt": b"hello"}), "a ZIP archive that is not a Word document"),
    ("page.txt", b"<!DOCTYPE html><html><body>1. Text</body></html>",
     "an HTML page; save it as .docx or text and import that"),
    ("c.rtf", b"{\\rtf1\\ansi 1. The Working Group met.}", "a Rich Text Format (.rtf) file; save it as .docx and import that"),
    ("db.txt", b"SQLite format 3\x00" + b"\x00" * 200, "an SQLite database, not a document Concord can read"),
])
def test_unreadable_formats_are_refused_by_name(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ImportRefused) as e:
        parse_file(path)
    assert str(e.value) == f"{name}: {reason}"


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(ImportRefused, match=r"^nope\.docx: no such file$"):
        parse_file(tmp_path / "nope.docx")
    with pytest.raises(ImportRefused, match=r": not a regular file$"):
        parse_file(tmp_path)
