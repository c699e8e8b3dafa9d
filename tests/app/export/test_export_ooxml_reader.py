"""The OOXML reader: text with all changes accepted or rejected, on hand-written bodies."""

from __future__ import annotations

import zipfile

import pytest

from app.errors import ExportError
from app.export import ooxml_reader as reader

W = reader.W


def _docx(tmp_path, body: str):
    path = tmp_path / "hand.docx"
    xml = f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", xml)
    return path


# Word's own markup for: "A cat sat." -> "A dog sat.", then a paragraph deleted with its mark.
BODY = (
    '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>'
    '<w:r><w:t xml:space="preserve">A </w:t></w:r>'
    '<w:del w:id="1" w:author="x" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>cat</w:delText></w:r></w:del>'
    '<w:ins w:id="2" w:author="x" w:date="2024-01-01T00:00:00Z"><w:r><w:t>dog</w:t></w:r></w:ins>'
    '<w:r><w:tab/><w:t xml:space="preserve">sat.</w:t></w:r></w:p>'
    '<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="x" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr>'
    '<w:del w:id="4" w:author="x" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>Gone.</w:delText></w:r></w:del></w:p>'
    '<w:p><w:r><w:t>Last.</w:t></w:r></w:p>'
)


@pytest.mark.parametrize(
    "view, expected",
    [
        ("accept", ["A dog\tsat.", "Last."]),  # the deleted mark joins "" to "Last."
        ("reject", ["A cat\tsat.", "Gone.", "Last."]),
        ("markup", ["A catdog\tsat.", "Gone.", "Last."]),
    ],
)
def test_views(tmp_path, view, expected):
    assert reader.paragraphs(_docx(tmp_path, BODY), view) == expected


def test_revisions_list_text_and_paragraph_marks(tmp_path):
    revs = reader.revisions(_docx(tmp_path, BODY))
    assert [(r.kind, r.text, r.paragraph_mark) for r in revs] == [
        ("del", "cat", False), ("ins", "dog", False), ("del", "", True), ("del", "Gone.", False),
    ]


def test_not_a_word_file(tmp_path):
    bad = tmp_path / "x.docx"
    bad.write_text("plain text")
    with pytest.raises(ExportError, match="not a readable Word document"):
        reader.paragraphs(bad)


# A list as Word writes one: "%1." then "(%2)"; the second subparagraph deleted with its mark.
NUMBERING = (
    f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="4">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>'
    '</w:abstractNum><w:num w:numId="9"><w:abstractNumId w:val="4"/></w:num></w:numbering>'
)


def _numbered(level: int, text: str, deleted: bool = False) -> str:
    mark = '<w:rPr><w:del w:id="1" w:author="x" w:date="2024-01-01T00:00:00Z"/></w:rPr>' if deleted else ""
    run = (f'<w:del w:id="2" w:author="x" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>{text}</w:delText>'
           '</w:r></w:del>') if deleted else f"<w:r><w:t>{text}</w:t></w:r>"
    return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="9"/></w:numPr>{mark}</w:pPr>'
            f"{run}</w:p>")


@pytest.mark.parametrize(
    "view, expected",
    [
        ("accept", ["1.\tAgreed:", "(a)\tOne;", "(b)\tThree;", "Unnumbered."]),  # (c) reads (b)
        ("reject", ["1.\tAgreed:", "(a)\tOne;", "(b)\tTwo;", "(c)\tThree;", "Unnumbered."]),
    ],
)
def test_automatic_numbers_are_computed_in_each_view(tmp_path, view, expected):
    body = (_numbered(0, "Agreed:") + _numbered(1, "One;") + _numbered(1, "Two;", deleted=True)
            + _numbered(1, "Three;") + "<w:p><w:r><w:t>Unnumbered.</w:t></w:r></w:p>")
    path = _docx(tmp_path, body)
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("word/numbering.xml", NUMBERING)
    assert reader.paragraphs(path, view) == expected
