"""Structure recognition on small documents written for the cases the corpus lacks."""

from app.model import Kind, letters
from app.parse import parse_text

SECOND_DEGREE = """Conclusions on children and armed conflict in the Sudan

1. At its meeting on 3 May 2022, the Working Group examined the report (S/2022/123).

2. The Working Group agreed to address a message:

(a) Urging the parties:

(i) To release all children;

(ii) To end recruitment;

(iii) To allow access;

(b) Calling upon donors to support reintegration;
"""


def test_second_degree_subparagraphs():
    doc = parse_text(SECOND_DEGREE)
    assert doc.labels() == ["1", "2", "2(a)", "2(a)(i)", "2(a)(ii)", "2(a)(iii)", "2(b)"]
    assert doc.segment("2(a)(ii)").text == "To end recruitment;"
    assert doc.situation == "Sudan"
    assert doc.meeting_date == "2022-05-03"
    assert doc.report_symbol == "S/2022/123"


def test_letter_i_after_h_is_a_letter_not_a_numeral():
    body = "\n\n".join(f"({letters(i)}) Item {i};" for i in range(1, 11))
    doc = parse_text(f"1. Opening:\n\n{body}\n")
    assert doc.labels()[-3:] == ["1(h)", "1(i)", "1(j)"]


def test_double_letters_after_z():
    body = "\n\n".join(f"({letters(i)}) Item number {i};" for i in range(1, 31))
    doc = parse_text(f"1. The Working Group agreed:\n\n{body}\n\n2. Closing.\n")
    labels = doc.labels()
    assert labels[26:31] == ["1(z)", "1(aa)", "1(bb)", "1(cc)", "1(dd)"]
    assert doc.segment("1(bb)").text == "Item number 28;"
    assert labels[-1] == "2"


def test_document_without_annex():
    doc = parse_text("1. First paragraph.\n\n2. Second paragraph.\n")
    assert doc.labels() == ["1", "2"]
    assert not any(s.label.startswith("annex") for s in doc.segments)
    assert doc.warnings == ()


def test_annex_numbering_restarts():
    doc = parse_text("1. Body.\n\n2. More.\n\nAnnex\n\n1. Statement one.\n\n2. Statement two.\n")
    assert doc.labels() == ["1", "2", "annex-1", "annex-2"]


def test_text_that_is_not_conclusions_is_kept_as_unlabelled_text_with_a_warning():
    doc = parse_text("Dear colleagues,\n\nPlease find attached the minutes.\n\nBest regards\n")
    assert doc.labels() == []
    assert [s.kind for s in doc.segments].count(Kind.TEXT) >= 2
    assert any("no numbered paragraphs" in w for w in doc.warnings)
    assert "Please find attached the minutes." in [s.text for s in doc.segments]


def test_a_number_at_line_start_inside_a_paragraph_is_not_a_label():
    doc = parse_text(
        "1. The Council adopted resolutions 1612 (2005) and\n2427 (2018) and on 15 October\n"
        "2020. It also noted progress.\n\n2. Next paragraph.\n"
    )
    assert doc.labels() == ["1", "2"]
    assert "2020. It also noted progress." in doc.segment("1").text


def test_label_on_its_own_line_attaches_to_following_text():
    doc = parse_text("1. First.\n\n2.\n\nSecond paragraph text.\n\n(a)\n\nItem text;\n")
    assert doc.segment("2").text == "Second paragraph text."
    assert doc.segment("2(a)").text == "Item text;"


def test_markup_is_stored_verbatim():
    doc = parse_text('1. Text with <script>alert(1)</script> and <img src="http://x/y.png">.\n')
    assert doc.segment("1").text == 'Text with <script>alert(1)</script> and <img src="http://x/y.png">.'


def test_addressee_applies_until_next_numbered_paragraph():
    doc = parse_text(
        "1. The Working Group agreed to address a message:\n\nTo the Government of Chad\n\n"
        "(a) Urging it to act;\n\n(b) Welcoming progress;\n\n2. Another paragraph:\n\n(a) Requesting more;\n"
    )
    assert doc.segment("1(b)").addressee == "To the Government of Chad"
    assert doc.segment("2(a)").addressee == ""


def test_pasted_run_of_subparagraphs_keeps_its_letters(corpus_doc):
    # What a drafter copies from the public statement: 5(n) to 5(p), without paragraph 5.
    pasted = "\n".join(f"({s.label[2:-1]}) {s.text}" for s in corpus_doc.segments
                       if s.label in ("5(n)", "5(o)", "5(p)"))
    doc = parse_text(pasted)
    assert doc.labels() == ["(n)", "(o)", "(p)"]
    assert [s.kind for s in doc.segments] == [Kind.SUBPARAGRAPH] * 3
    assert doc.segments[1].text == corpus_doc.segment("5(o)").text
    assert doc.warnings == ()
