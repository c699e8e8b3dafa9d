"""Recognisers on conclusions of every era: the "Chairman" years, impersonal passages,
addressee lines with a colon, bullets of three kinds, markers without a space."""

from __future__ import annotations

import pytest
from variants import fixture

from app.model import DocKind, Kind
from app.parse import parse_file, parse_text


@pytest.fixture(scope="module")
def sudan():
    return parse_file(fixture("conclusions-sudan-2007.txt"))


def test_conclusions_of_the_chairman_years(sudan):
    assert sudan.doc_kind == DocKind.CONCLUSIONS
    assert sudan.labels() == ["1", "2", "3", "4", "5", "6", "6(a)", "6(b)", "6(c)", "6(d)", "7", "7(a)", "8", "8(a)"]
    assert [s.text for s in sudan.segments if s.kind == Kind.HEADING] == [
        "Public statement by the Chairman of the Working Group",
        "Recommendations to the Security Council",
        "Direct action by the Working Group",
    ]
    assert sudan.segment("3").text.startswith("It was noted that")  # an impersonal passage
    assert sudan.segment("2").text.startswith("The members of the Working Group welcomed the report")


def test_addressee_lines_with_a_colon_and_lettering_across_them(sudan):
    assert [s.text for s in sudan.segments if s.kind == Kind.ADDRESSEE] == [
        "To all parties to the armed conflict", "To the Government of National Unity of the Sudan"]
    assert sudan.segment("6(b)").addressee == "To all parties to the armed conflict"
    assert sudan.segment("6(c)").addressee == "To the Government of National Unity of the Sudan"
    assert sudan.segment("7(a)").addressee == ""


def test_bullets_under_a_subparagraph_and_a_marker_without_a_space(sudan):
    bullets = [s for s in sudan.segments if s.kind == Kind.TEXT]
    assert [s.text.split()[0] for s in bullets] == ["release", "allow", "cooperate"]  # •, -, ►
    assert sudan.segment("6(b)").text.startswith("Calling upon all parties")  # "(b)Calling"
    assert sudan.segment("6(d)").text.count(";") == 2


def test_a_hyphen_inside_wrapped_text_is_no_bullet():
    doc = parse_text("1. The Working Group examined the report of the Secretary-General on the\n"
                     "- largely unreported - violations against children.\n")
    assert doc.labels() == ["1"]
    assert doc.segment("1").text.endswith("on the - largely unreported - violations against children.")


def test_an_annual_report_or_a_letter_is_stored_as_text_with_a_warning():
    for text in (fixture("letter-2021.txt").read_text(),
                 "Annual report of the Security Council Working Group on Children and Armed Conflict\n\n"
                 "1. The Working Group held five formal meetings.\n\n2. It adopted six conclusions.\n"):
        doc = parse_text(text)
        assert doc.doc_kind == DocKind.OTHER
        assert doc.labels() == []
        assert any("stored as unlabelled text" in w for w in doc.warnings)
