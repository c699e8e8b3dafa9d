"""The document export: the layout of published conclusions, styles defined once."""

from __future__ import annotations

import importlib.util
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from exportkit import lines

from app.errors import ExportError
from app.export import docx_layout as lay
from app.export import ooxml_reader as reader
from app.export.document import passage_document
from app.model import Document, Kind, Passage, Segment, letters
from app.services.library import passage_of

W = {"w": reader.W}


@pytest.fixture
def corpus_docx(corpus_doc, tmp_path):
    path = tmp_path / "mali.docx"
    passage_document(Passage(corpus_doc, corpus_doc.segments, "1")).save(path)
    return path


def _body(path):
    return docx.Document(str(path)).paragraphs


def _numbered(path) -> bool:
    """Whether the file numbers its paragraphs automatically (its styles name a list)."""
    styles = reader.read_parts(path).styles
    return styles is not None and styles.find(
        ".//w:style[@w:styleId='ConclusionsParagraph']/w:pPr/w:numPr", W) is not None


def _save(passage, path, **kw):
    passage_document(passage, **kw).save(path)
    return path


def test_every_segment_is_a_paragraph_with_its_label(corpus_doc, corpus_docx):
    assert _numbered(corpus_docx)
    assert reader.paragraphs(corpus_docx) == lines(corpus_doc.segments)
    # the labels are Word's numbers, not text: python-docx sees the text alone, except in
    # the annex, a statement quoted as delivered, whose "1." .. "17." are typed
    assert [p.text for p in _body(corpus_docx)] == [
        f"{s.label[6:]}.\t{s.text}" if s.label.startswith("annex-") else s.text
        for s in corpus_doc.segments
    ]


def test_typed_labels_are_text(corpus_doc, tmp_path):
    path = _save(Passage(corpus_doc, corpus_doc.segments, "1"), tmp_path / "typed.docx", numbering="typed")
    assert not _numbered(path)
    assert [p.text for p in _body(path)] == lines(corpus_doc.segments)


def test_unknown_numbering_is_refused(corpus_doc):
    with pytest.raises(ExportError, match="unknown numbering 'roman'"):
        passage_document(Passage(corpus_doc, corpus_doc.segments, "1"), numbering="roman")


def test_one_multilevel_list_linked_to_the_styles(corpus_docx):
    parts = reader.read_parts(corpus_docx)
    d = docx.Document(str(corpus_docx))
    numbering = parts.numbering
    linked = [d.styles[name].element.find(".//w:numPr", W) for name in
              (lay.PARAGRAPH, lay.SUBPARAGRAPH, lay.SUBSUBPARAGRAPH)]
    (main_id,) = {n.find("w:numId", W).get(f"{{{reader.W}}}val") for n in linked}
    assert [n.find("w:ilvl", W).get(f"{{{reader.W}}}val") for n in linked] == ["0", "1", "2"]
    num = numbering.find(f"w:num[@w:numId='{main_id}']", W)
    aid = num.find("w:abstractNumId", W).get(f"{{{reader.W}}}val")
    levels = numbering.findall(f"w:abstractNum[@w:abstractNumId='{aid}']/w:lvl", W)

    def val(lvl, tag):
        return lvl.find(f"w:{tag}", W).get(f"{{{reader.W}}}val")

    assert [(val(lv, "numFmt"), val(lv, "lvlText"), val(lv, "start")) for lv in levels] == [
        ("decimal", "%1.", "1"), ("lowerLetter", "(%2)", "1"), ("lowerRoman", "(%3)", "1")]
    # the annex is a second list over the same definition, restarting at 1
    annex = [n for n in numbering.findall("w:num", W)
             if n.find("w:abstractNumId", W).get(f"{{{reader.W}}}val") == aid and n is not num]
    assert [val(a.find("w:lvlOverride", W), "startOverride") for a in annex] == ["1"]


@pytest.mark.parametrize(
    "label, kind, style",
    [
        ("", Kind.TITLE, lay.TITLE),
        ("", Kind.HEADING, lay.HEADING),  # "Public statement by the Chair of the Working Group"
        ("", Kind.ADDRESSEE, lay.ADDRESSEE),  # "To the Government of Mali"
        ("5", Kind.PARAGRAPH, lay.PARAGRAPH),
        ("5(n)", Kind.SUBPARAGRAPH, lay.SUBPARAGRAPH),
        # the annex's numbers are typed: the paragraph style's unnumbered twin
        ("annex-3", Kind.PARAGRAPH, lay.TYPED[lay.PARAGRAPH]),
        ("", Kind.TEXT, lay.TEXT),  # "Mister Chairman;" in the annex
    ],
)
def test_each_kind_of_segment_has_its_style(corpus_doc, corpus_docx, label, kind, style):
    pairs = list(zip(corpus_doc.segments, _body(corpus_docx), strict=True))
    found = [p for s, p in pairs if s.kind is kind and s.label == label]
    assert found and {p.style.name for p in found} == {style}


def test_no_direct_formatting_on_runs_or_paragraphs(corpus_doc, corpus_docx):
    with zipfile.ZipFile(corpus_docx) as z:
        body = z.read("word/document.xml").decode()
    assert "<w:rPr>" not in body and "<w:rPr/>" not in body
    root = docx.Document(str(corpus_docx)).element.body
    pprs = [p.find(qn("w:pPr")) for p in root.iter(qn("w:p"))]
    for segment, ppr in zip(corpus_doc.segments, pprs, strict=True):
        # a style and nothing else: the numbers come from the styles' list, the annex's
        # typed ones from the text
        assert [c.tag for c in ppr] == [qn("w:pStyle")], segment.label


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


@pytest.mark.parametrize(
    "start, end, first",
    [
        ("5(n)", "5(v)", "(n)\tStressing the primary role"),  # starts at a letter
        ("5(n)", "7(c)", "(n)\tStressing the primary role"),  # ... and runs into 6 and 7
        ("5", "7", "5.\tThe Working Group agreed to address a message"),  # starts at paragraph 5
        ("12(f)", "annex-3", "(f)\tRequesting donors to fully fund"),  # into the annex
        ("annex-3", "annex-5", "3.\tWe welcome the conclusions"),  # the annex alone
    ],
)
def test_a_range_keeps_its_labels_under_the_document_title(corpus_doc, tmp_path, start, end, first):
    passage = passage_of(corpus_doc, start, end, f"1:{start}..{end}")
    path = _save(passage, tmp_path / "range.docx")
    assert _numbered(path)
    texts = reader.paragraphs(path)
    assert texts[:2] == [corpus_doc.title, f"Paragraphs {start} to {end}"]
    assert texts[2:] == lines(passage.segments)
    assert texts[2].startswith(first)


def test_twenty_seven_subparagraphs_reach_aa(tmp_path):
    segments = (Segment(Kind.PARAGRAPH, "The Working Group agreed:", "3"),
                *(Segment(Kind.SUBPARAGRAPH, f"Item {n};", f"3({letters(n)})") for n in range(1, 30)))
    doc = Document("Conclusions", segments)
    path = _save(Passage(doc, segments, "x"), tmp_path / "long.docx")
    assert _numbered(path)
    assert reader.paragraphs(path)[27:31] == ["(z)\tItem 26;", "(aa)\tItem 27;", "(bb)\tItem 28;",
                                              "(cc)\tItem 29;"]


@pytest.mark.parametrize(
    "labels",
    [
        # romans that would restart at (ii) under the next letter: one list cannot do it
        ["5(a)(ii)", "5(a)(iii)", "5(b)", "5(b)(i)"],
        # a letter skipped, as in a text being renumbered by hand
        ["5", "5(a)", "5(c)"],
    ],
)
def test_labels_no_list_can_show_are_typed(tmp_path, labels):
    segments = tuple(Segment(Kind.SUBPARAGRAPH if "(" in x else Kind.PARAGRAPH, f"Text {x}.", x)
                     for x in labels)
    doc = Document("Conclusions", segments)
    path = _save(Passage(doc, segments, "x"), tmp_path / "odd.docx")
    assert not _numbered(path)
    assert [p.text for p in _body(path)][1:] == lines(segments)


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
    assert reader.paragraphs(path)[1:] == ["7.\tThe Working Group agreed:", "(a)\tUrging the parties:",
                                           "(i)\tto release all children;"]


@pytest.mark.skipif(importlib.util.find_spec("app.parse.docx") is None,
                    reason="the Word reader (app.parse.docx) is not there yet")
def test_reimporting_the_export_gives_the_same_segments(corpus_doc, corpus_docx):
    from app.parse import parse_file

    assert _numbered(corpus_docx)  # the labels come back from Word's list numbers
    again = parse_file(corpus_docx)
    assert again.segments == corpus_doc.segments
    assert (again.title, again.situation, again.meeting_date, again.report_symbol) == (
        corpus_doc.title, corpus_doc.situation, corpus_doc.meeting_date, corpus_doc.report_symbol)


def test_characters_xml_cannot_hold_never_break_the_export(tmp_path):
    # Older libraries or pasted text may hold a control character; python-docx refuses them.
    from app.model import Document, Kind, Passage, Segment
    from app.services.export import export_passage_docx

    segs = (Segment(Kind.PARAGRAPH, "Bad\x01char and a\x0bline break.", "1"),)
    passage = Passage(Document(title="Odd\x02title", segments=segs), segs, "x")
    out = export_passage_docx(passage, tmp_path / "odd.docx")
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "Bad\ufffdchar and a\ufffdline break." in " ".join(texts)
    assert lay.xml_safe("a\x00b\ud800c") == "a\ufffdb\ufffdc"
