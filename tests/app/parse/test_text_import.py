"""The corpus document, as extracted from the published PDF, imports to the exact structure."""

import re

import pytest

from app.model import Kind, letters


def _expected_labels() -> list[str]:
    subs = {5: 30, 6: 2, 7: 9, 8: 3, 9: 3, 10: 2, 11: 3, 12: 7}
    out = []
    for n in range(1, 13):
        out.append(str(n))
        out += [f"{n}({letters(i)})" for i in range(1, subs.get(n, 0) + 1)]
    out += [f"annex-{n}" for n in range(1, 18)]
    return out


def test_labels_are_exactly_those_of_the_document(corpus_doc):
    assert corpus_doc.labels() == _expected_labels()
    assert "5(dd)" in corpus_doc.labels() and "5(ee)" not in corpus_doc.labels()


def test_headings_and_addressees(corpus_doc):
    headings = [s.text for s in corpus_doc.segments if s.kind == Kind.HEADING]
    assert headings[:3] == [
        "Public statement by the Chair of the Working Group",
        "Recommendations to the Security Council",
        "Direct action by the Working Group",
    ]
    assert headings[3] == "Annex"
    addressees = [s.text for s in corpus_doc.segments if s.kind == Kind.ADDRESSEE]
    assert addressees[0] == "To all parties to armed conflict in Mali"
    assert addressees[1] == "To the Government of Mali"
    assert addressees[2].startswith("To all armed groups mentioned in the report of the Secretary-General")
    assert addressees[2].endswith("annual report of the Secretary-General on children and armed conflict")
    assert len(addressees) == 3


def test_metadata(corpus_doc):
    assert corpus_doc.title == "Conclusions on children and armed conflict in Mali"
    assert corpus_doc.situation == "Mali"
    assert corpus_doc.meeting_date == "2020-11-20"
    assert corpus_doc.report_symbol == "S/2020/1105"
    # No warning but the list of repairs made to the text extracted from PDF.
    assert [w for w in corpus_doc.warnings if not w.startswith("text extracted from PDF repaired:")] == []


def test_sections_and_addressees_of_segments(corpus_doc):
    n = corpus_doc.segment("5(n)")
    assert n.addressee == "To the Government of Mali"
    assert n.section == "Public statement by the Chair of the Working Group"
    assert corpus_doc.segment("5(a)").addressee == "To all parties to armed conflict in Mali"
    a7 = corpus_doc.segment("7(a)")
    assert a7.addressee == ""
    assert a7.section == "Recommendations to the Security Council"
    assert corpus_doc.segment("12(g)").section == "Direct action by the Working Group"
    assert corpus_doc.segment("annex-1").section == "Annex"
    # The addressee ends at the next numbered paragraph.
    assert corpus_doc.segment("6(a)").addressee == ""


def test_subparagraph_texts_are_complete(corpus_doc):
    z = corpus_doc.segment("5(z)").text
    assert z.startswith("Expressing strong concern at the large increase")
    assert corpus_doc.segment("5(a)").text.endswith("to comply with their obligations under international law;")
    # Text that crossed a page break (with link lines in between) is joined in order.
    p3 = corpus_doc.segment("3").text
    assert "finally, they recalled the visit of the Working Group to Mali in 2019" in p3
    assert p3.endswith("recommendations formulated during that visit.")


def test_no_link_lines_in_text_but_kept_as_references(corpus_doc):
    for s in corpus_doc.segments:
        assert "undocs.org" not in s.text, s.label
    assert "https://undocs.org/en/S/RES/1612(2005)" in corpus_doc.references


@pytest.mark.parametrize(
    "label, repaired, broken",
    [
        ("5(a)", "under international law", "in ternational"),
        ("3", "children affected by armed conflict", "affect ed"),
        ("5(n)", "Mali is a State party", "S tate"),
        ("5(n)", "contribute significantly", "signif icantly"),
        ("5(o)", "community-based mechanisms", "communi ty"),
        ("8(b)", "the protection of their rights", "protecti on"),
        ("12(e)", "including relevant United Nations", "re levant"),
        ("annex-1", "for your leadership", "lead ership"),
        ("annex-14", "In this regard,", "rega rd"),
        ("5(k)", "to respect the civilian", "respec t"),
        ("12(d)", "birth and late-birth registration", "late -birth"),
        ("5(u)", "to the well-being of children", "well -being"),
        ("2", "the report of the Secretary-General, in accordance", "Secretary- General"),
        ("5(c)", "conflict-affected areas", "conflict- affected"),
    ],
)
def test_pdf_artifacts_are_repaired(corpus_doc, label, repaired, broken):
    text = corpus_doc.segment(label).text
    assert repaired in text
    assert broken not in text


def test_no_word_broken_and_no_real_pair_joined(corpus_doc):
    text = " ".join(s.text for s in corpus_doc.segments)
    for broken in ("internationa l", "a nd ", " nd ", "protecti ", "signif ", ",,"):
        assert broken not in text
    # Real word pairs stay apart.
    for pair in ("in the", "a State party", "re-recruitment", "non-State armed groups", "may amount"):
        assert pair in text, pair
    assert not re.search(r"\b(inthe|aState|mayamount)\b", text)


def _typed(segment):
    """How a drafter types a segment: one line per paragraph, the label written out."""
    if segment.label.startswith("annex-"):
        return f"{segment.label[6:]}. {segment.text}"
    if "(" in segment.label:
        return f"({segment.label.split('(', 1)[1]} {segment.text}"
    return f"{segment.label}. {segment.text}" if segment.label else segment.text


@pytest.mark.parametrize("separator", ["\n\n", "\n", "\r\n"])
def test_typed_text_one_paragraph_per_line_reads_like_the_pdf_text(corpus_doc, separator):
    # Blank lines after every line mean nothing in PDF text (short wrapped lines) but end
    # paragraphs in typed text (one long line each): the bullets and salutations of the
    # annex must stay separate segments, the annex title a heading.
    from app.parse import parse_text

    typed = parse_text(separator.join(_typed(s) for s in corpus_doc.segments))
    assert [(s.kind, s.label, s.text) for s in typed.segments] == [
        (s.kind, s.label, s.text) for s in corpus_doc.segments
    ]
