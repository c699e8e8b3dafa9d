"""Word import: typed and automatic labels, tracked changes, notes, tables, fields, headings."""

from __future__ import annotations

import pytest
from wordgen import abstract, lvl, make_docx, normalised, num, p

from app.model import Kind
from app.parse import parse_file
from app.parse.docx import read_docx


@pytest.mark.parametrize("variant", ["typed", "automatic"])
def test_corpus_docx_imports_like_the_text(corpus_docx, corpus_doc, variant):
    doc = parse_file(corpus_docx[variant])
    assert doc.labels() == corpus_doc.labels()
    assert normalised(doc) == normalised(corpus_doc)
    assert doc.title == corpus_doc.title
    assert doc.situation == "Mali" and doc.meeting_date == "2020-11-20"
    assert doc.warnings == ()


def test_corpus_labels_cover_the_whole_document(corpus_docx):
    labels = read_docx(corpus_docx["automatic"]).labels()
    # Letters restart under each paragraph; the annex list restarts at 1 (w:startOverride).
    assert labels[:6] == ["1", "2", "3", "4", "5", "5(a)"]
    assert "5(dd)" in labels and "6(a)" in labels and "12(g)" in labels
    assert [x for x in labels if x.startswith("annex-")] == [f"annex-{n}" for n in range(1, 18)]


def _labels(tmp_path, body, numbering, styles_extra=""):
    return read_docx(make_docx(tmp_path / "n.docx", body, numbering, styles_extra=styles_extra))


def test_start_values_and_a_level_that_never_restarts(tmp_path):
    # Paragraphs start at 3 (w:start); letters never restart (w:lvlRestart 0): 3 (a) (b) 4 (c).
    numbering = abstract(1, lvl(0, "decimal", "%1.", start=3), lvl(1, "lowerLetter", "(%2)", restart=0)) + num(1, 1)
    body = "".join([
        p("Title of the conclusions"),
        p("The Working Group met.", num=(1, 0)),
        p("Urging one;", num=(1, 1)),
        p("Urging two;", num=(1, 1)),
        p("The Working Group agreed:", num=(1, 0)),
        p("Urging three.", num=(1, 1)),
    ])
    doc = _labels(tmp_path, body, numbering)
    assert doc.labels() == ["3", "3(a)", "3(b)", "4", "4(c)"]
    assert doc.segment("4(c)").text == "Urging three."


def test_start_override_restarts_a_shared_list_and_default_restart(tmp_path):
    numbering = (
        abstract(1, lvl(0, "decimal", "%1."), lvl(1, "lowerLetter", "(%2)"))
        + num(1, 1) + num(2, 1, {0: 1})
    )
    body = "".join([
        p("Conclusions on children and armed conflict in Testland"),
        p("First paragraph.", num=(1, 0)),
        p("Second paragraph:", num=(1, 0)),
        p("Letter a;", num=(1, 1)),
        p("Letter b.", num=(1, 1)),
        p("Third paragraph:", num=(1, 0)),
        p("Letter a again.", num=(1, 1)),
        p("Annex", style="Heading1"),
        p("Statement by the representative", style="Heading1"),
        p("Annex paragraph one.", num=(2, 0)),
        p("Annex paragraph two.", num=(2, 0)),
    ])
    doc = _labels(tmp_path, body, numbering)
    assert doc.labels() == ["1", "2", "2(a)", "2(b)", "3", "3(a)", "annex-1", "annex-2"]
    assert doc.segment("3(a)").text == "Letter a again."


def test_lists_sharing_a_definition_continue_each_other(tmp_path):
    numbering = abstract(1, lvl(0, "decimal", "%1.")) + num(1, 1) + num(2, 1)
    body = p("Title") + p("One.", num=(1, 0)) + p("Two.", num=(2, 0)) + p("Three.", num=(1, 0))
    assert _labels(tmp_path, body, numbering).labels() == ["1", "2", "3"]


def test_numbering_from_the_paragraph_style_and_numid_zero(tmp_path):
    numbering = abstract(1, lvl(0, "decimal", "%1.")) + num(7, 1)
    style = ('<w:style w:type="paragraph" w:styleId="Para"><w:name w:val="UN Para"/>'
             '<w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>')
    body = "".join([
        p("Title"),
        p("Numbered by its style.", style="Para"),
        # numId 0 switches numbering off for this paragraph although its style numbers.
        '<w:p><w:pPr><w:pStyle w:val="Para"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>'
        "<w:r><w:t>Not numbered, continues.</w:t></w:r></w:p>",
        p("Numbered again.", style="Para"),
    ])
    doc = _labels(tmp_path, body, numbering, styles_extra=style)
    assert doc.labels() == ["1", "2"]
    assert doc.segment("2").text == "Numbered again."


@pytest.mark.parametrize(("fmt", "text", "expected"), [
    ("lowerLetter", "(%1)", ["(a)", "(b)"]),
    ("upperRoman", "%1.", ["I.", "II."]),
    ("decimal", "%1)", ["1)", "2)"]),
])
def test_number_formats(fmt, text, expected):
    from lxml import etree

    from app.parse.numbering import Numbering

    xml = (f'<w:numbering xmlns:w="{_W}">' + abstract(1, lvl(0, fmt, text)) + num(1, 1) + "</w:numbering>")
    numbering = Numbering(etree.fromstring(xml.encode()), None)
    para = etree.fromstring(
        f'<w:p xmlns:w="{_W}"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p>'
    )
    assert [numbering.label_for(para)[0] for _ in expected] == expected


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _tracked_body():
    ins = '<w:ins w:id="{}" w:author="A" w:date="2020-11-20T00:00:00Z"><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:ins>'
    dele = '<w:del w:id="{}" w:author="A" w:date="2020-11-20T00:00:00Z"><w:r><w:delText xml:space="preserve">{}</w:delText></w:r></w:del>'
    return "".join([
        p("Conclusions on children and armed conflict in Testland"),
        p(inner='<w:r><w:t xml:space="preserve">1. The Working Group </w:t></w:r>'
              + dele.format(1, "welcomed") + ins.format(2, "took note of")
              + '<w:r><w:t xml:space="preserve"> the report.</w:t></w:r>'),
        p(inner='<w:r><w:t xml:space="preserve">2. Members </w:t></w:r>'
              + '<w:moveFrom w:id="3" w:author="A"><w:r><w:t>strongly </w:t></w:r></w:moveFrom>'
              + '<w:r><w:t xml:space="preserve">condemned </w:t></w:r>'
              + '<w:moveTo w:id="4" w:author="A"><w:r><w:t>strongly </w:t></w:r></w:moveTo>'
              + '<w:r><w:t>all violations.</w:t></w:r>'),
        p(inner=ins.format(5, "3. An inserted paragraph.")),
    ])


def test_tracked_changes_accepted_by_default_and_counted(tmp_path):
    path = make_docx(tmp_path / "tracked.docx", _tracked_body())
    doc = parse_file(path)
    assert doc.segment("1").text == "The Working Group took note of the report."
    assert doc.segment("2").text == "Members condemned strongly all violations."
    assert doc.segment("3").text == "An inserted paragraph."
    assert "contains 5 tracked changes; imported with all changes accepted" in doc.warnings


def test_tracked_changes_rejected_on_request(tmp_path):
    path = make_docx(tmp_path / "tracked.docx", _tracked_body())
    doc = parse_file(path, revisions="reject")
    assert doc.segment("1").text == "The Working Group welcomed the report."
    assert doc.segment("2").text == "Members strongly condemned all violations."
    assert "3" not in doc.labels()
    assert "contains 5 tracked changes; imported with all changes rejected" in doc.warnings


def test_python_docx_alone_would_lose_the_deleted_reading(tmp_path):
    import docx

    path = make_docx(tmp_path / "tracked.docx", _tracked_body())
    plain = [para.text for para in docx.Document(str(path)).paragraphs]
    assert not any("welcomed" in t for t in plain)  # why revisions are read from the XML


def test_deleted_paragraph_mark_joins_paragraphs_when_accepted(tmp_path):
    body = (p("Title") + '<w:p><w:pPr><w:rPr><w:del w:id="9" w:author="A"/></w:rPr></w:pPr>'
            '<w:r><w:t xml:space="preserve">1. The Working Group met </w:t></w:r></w:p>'
            + p("and agreed."))
    path = make_docx(tmp_path / "mark.docx", body)
    assert parse_file(path).segment("1").text == "The Working Group met and agreed."
    rejected = parse_file(path, revisions="reject")
    assert rejected.segment("1").text == "The Working Group met"


def test_footnotes_tables_fields_and_hidden_text(tmp_path):
    footnotes = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:t>See S/2020/1105, para. 12.</w:t></w:r></w:p></w:footnote>'
    )
    table = (
        "<w:tbl><w:tr><w:tc>" + p("2. A paragraph kept in a table cell.") + "</w:tc>"
        "<w:tc>" + p("3. The next cell.") + "</w:tc></w:tr></w:tbl>"
    )
    body = "".join([
        p("Conclusions on children and armed conflict in Testland"),
        p(inner='<w:r><w:t xml:space="preserve">1. The report</w:t></w:r>'
              '<w:r><w:footnoteReference w:id="1"/></w:r>'
              '<w:r><w:t xml:space="preserve"> was presented on </w:t></w:r>'
              '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
              '<w:r><w:instrText xml:space="preserve"> DATE \\@ "d MMMM yyyy" </w:instrText></w:r>'
              '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
              '<w:r><w:t>20 November 2020</w:t></w:r>'
              '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
              '<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden words</w:t></w:r>'
              '<w:r><w:t>.</w:t></w:r>'),
        table,
        p(inner='<w:fldSimple w:instr="REF x"><w:r><w:t>4. Field result text.</w:t></w:r></w:fldSimple>'),
    ])
    doc = read_docx(make_docx(tmp_path / "notes.docx", body, footnotes=footnotes))
    assert doc.segment("1").text == "The report was presented on 20 November 2020."
    assert doc.segment("2").text == "A paragraph kept in a table cell."
    assert doc.segment("3").text == "The next cell."
    assert doc.segment("4").text == "Field result text."
    notes = [s for s in doc.segments if s.section == "Notes" and s.kind == Kind.TEXT]
    assert [s.text for s in notes] == ["[1] See S/2020/1105, para. 12."]


def test_headings_by_style_and_by_bold_type(tmp_path):
    body = "".join([
        p("Conclusions on children and armed conflict in Testland", style="Title"),
        p("1. The Working Group met."),
        p("Messages to the parties", style="Heading2"),
        p("2. The Working Group agreed."),
        p(inner="<w:r><w:rPr><w:b/></w:rPr><w:t>Further action</w:t></w:r>"),
        p("3. The Working Group decided."),
        p(inner="<w:r><w:rPr><w:b/></w:rPr><w:t>To the Government of Testland</w:t></w:r>"),
        p("(a) Urging it to act."),
    ])
    doc = read_docx(make_docx(tmp_path / "h.docx", body))
    kinds = {s.text: s.kind for s in doc.segments}
    assert kinds["Messages to the parties"] == Kind.HEADING
    assert kinds["Further action"] == Kind.HEADING
    assert kinds["To the Government of Testland"] == Kind.ADDRESSEE
    assert doc.segment("3(a)").addressee == "To the Government of Testland"
    assert doc.segment("3").section == "Further action"


def test_plain_heading_before_an_automatically_numbered_paragraph(tmp_path):
    numbering = abstract(1, lvl(0, "decimal", "%1.")) + num(1, 1)
    body = "".join([
        p("Conclusions on children and armed conflict in Testland"),
        p("The Working Group met.", num=(1, 0)),
        p("Further steps by the Group"),
        p("The Working Group agreed.", num=(1, 0)),
    ])
    doc = _labels(tmp_path, body, numbering)
    assert doc.labels() == ["1", "2"]
    assert doc.segment("2").section == "Further steps by the Group"
