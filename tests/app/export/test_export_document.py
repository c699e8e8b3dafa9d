"""The document export: the layout of published conclusions, styles defined once."""

from __future__ import annotations

import importlib.util
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from exportkit import lines

from app.export import docx_layout as lay
from app.export.document import passage_document
from app.model import Document, Kind, Passage, Segment
from app.services.library import passage_of


@pytest.fixture
def corpus_docx(corpus_doc, tmp_path):
    path = tmp_path / "mali.docx"
    passage_document(Passage(corpus_doc, corpus_doc.segments, "1")).save(path)
    return path


def _body(path):
    return docx.Document(str(path)).paragraphs


def test_every_segment_is_a_paragraph_with_its_label(corpus_doc, corpus_docx):
    assert [p.text for p in _body(corpus_docx)] == lines(corpus_doc.segments)


@pytest.mark.parametrize(
    "label, kind, style",
    [
        ("", Kind.TITLE, lay.TITLE),
        ("", Kind.HEADING, lay.HEADING),  # "Public statement by the Chair of the Working Group"
        ("", Kind.ADDRESSEE, lay.ADDRESSEE),  # "To the Government of Mali"
        ("5", Kind.PARAGRAPH, lay.PARAGRAPH),
        ("5(n)", Kind.SUBPARAGRAPH, lay.SUBPARAGRAPH),
        ("annex-3", Kind.PARAGRAPH, lay.PARAGRAPH),
        ("", Kind.TEXT, lay.TEXT),  # "Mister Chairman;" in the annex
    ],
)
def test_each_kind_of_segment_has_its_style(corpus_doc, corpus_docx, label, kind, style):
    pairs = list(zip(corpus_doc.segments, _body(corpus_docx), strict=True))
    found = [p for s, p in pairs if s.kind is kind and s.label == label]
    assert found and {p.style.name for p in found} == {style}


def test_no_direct_formatting_on_runs_or_paragraphs(corpus_docx):
    with zipfile.ZipFile(corpus_docx) as z:
        body = z.read("word/document.xml").decode()
    assert "<w:rPr>" not in body and "<w:rPr/>" not in body
    root = docx.Document(str(corpus_docx)).element.body
    for ppr in root.iter(qn("w:pPr")):
        assert [c.tag for c in ppr] == [qn("w:pStyle")]


def test_styles_are_defined_once_with_the_un_geometry(corpus_docx):
    d = docx.Document(str(corpus_docx))
    with zipfile.ZipFile(corpus_docx) as z:
        styles_xml = z.read("word/styles.xml").decode()
    for name in (lay.PARAGRAPH, lay.SUBPARAGRAPH, lay.ADDRESSEE, lay.TEXT):
        assert styles_xml.count(f'w:styleId="{name.replace(" ", "")}"') == 1
    normal = d.styles["Normal"].font
    assert (normal.name, normal.size) == ("Times New Roman", Pt(12))
    para = d.styles[lay.PARAGRAPH].paragraph_format
    assert para.left_indent == Cm(1.27) and para.first_line_indent == -Cm(1.27)  # number at margin
    sub = d.styles[lay.SUBPARAGRAPH].paragraph_format
    assert sub.left_indent == Cm(2.54) and sub.first_line_indent == -Cm(1.27)  # (a) indented
    assert d.styles[lay.HEADING].font.bold is True
    assert d.styles[lay.TITLE].font.name == "Times New Roman"
    assert "majorHAnsi" not in styles_xml.split('w:styleId="Title"')[1].split("</w:style>")[0]


def test_footer_numbers_the_pages(corpus_docx):
    with zipfile.ZipFile(corpus_docx) as z:
        footers = [z.read(n).decode() for n in z.namelist() if n.startswith("word/footer")]
    assert any('w:instr=" PAGE "' in f and 'w:instr=" NUMPAGES "' in f for f in footers)


def test_a_range_keeps_its_labels_under_the_document_title(corpus_doc, tmp_path):
    passage = passage_of(corpus_doc, "5(n)", "5(v)", "1:5(n)..5(v)")
    path = tmp_path / "range.docx"
    passage_document(passage).save(path)
    texts = [p.text for p in _body(path)]
    assert texts[:2] == [corpus_doc.title, "Paragraphs 5(n) to 5(v)"]
    assert texts[2:] == lines(passage.segments)
    assert texts[2].startswith("(n)\tStressing the primary role")


@pytest.mark.parametrize(
    "label, printed",
    [("5", "5."), ("5(n)", "(n)"), ("5(aa)", "(aa)"), ("5(a)(ii)", "(ii)"), ("annex-3", "3."),
     ("annex-2(b)", "(b)"), ("", "")],
)
def test_label_text(label, printed):
    assert lay.label_text(label) == printed


def test_subsubparagraphs_are_indented_one_step_more(tmp_path):
    doc = Document("Conclusions on children and armed conflict in X", (
        Segment(Kind.PARAGRAPH, "The Working Group agreed:", "7"),
        Segment(Kind.SUBPARAGRAPH, "Urging the parties:", "7(a)"),
        Segment(Kind.SUBPARAGRAPH, "to release all children;", "7(a)(i)"),
    ))
    path = tmp_path / "x.docx"
    passage_document(Passage(doc, doc.segments, "x")).save(path)
    body = _body(path)
    assert [p.style.name for p in body] == [lay.TITLE, lay.PARAGRAPH, lay.SUBPARAGRAPH, lay.SUBSUBPARAGRAPH]
    assert body[3].text == "(i)\tto release all children;"


@pytest.mark.skipif(importlib.util.find_spec("app.parse.docx") is None,
                    reason="the Word reader (app.parse.docx) is not there yet")
def test_reimporting_the_export_gives_the_same_segments(corpus_doc, corpus_docx):
    from app.parse import parse_file

    again = parse_file(corpus_docx)
    assert again.segments == corpus_doc.segments
    assert (again.title, again.situation, again.meeting_date, again.report_symbol) == (
        corpus_doc.title, corpus_doc.situation, corpus_doc.meeting_date, corpus_doc.report_symbol)
