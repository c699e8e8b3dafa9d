"""Public statements as press releases and web pages: furniture, markers, addressees.

The test documents are press releases as pasted from a web page (symbol lines, the
Department of Public Information line, "* *** *", navigation crumbs), from the
"Chairman" years and after, with the subparagraph marker followed by a tab, by spaces or
by nothing, bullets, items holding ";", and addressees folded into the opening sentence,
on lines of their own with or without a colon, and in roman-numbered blocks whose
lettering runs on.
"""

from __future__ import annotations

import pytest
from variants import fixture, fixture_text

from app.model import Kind
from app.parse import parse_file, parse_text

FURNITURE = ("SC/10583", "AFR/2345", "HR/5089", "Department of Public Information", "* *** *", "Home »",
             "In progress at UNHQ", "For information media", "not an official record")


@pytest.fixture(scope="module")
def car():
    return parse_file(fixture("ps-car-2012.txt"))


def test_press_release_furniture_is_out_of_the_text_and_the_title(car):
    for s in car.segments:
        for bit in FURNITURE:
            assert bit not in s.text, (bit, s.text)
        assert s.text != "14 March 2012"  # the release's date line; the meeting date stays in the text
    assert car.title.startswith("Security Council Working Group on Children and Armed Conflict Issues")
    # The heading printed on two lines is one heading.
    assert [s.text for s in car.segments if s.kind == Kind.HEADING] == [
        "Public Statement by Chair of Security Council Working Group on Children and Armed Conflict"]


def test_markers_followed_by_a_tab_spaces_or_nothing(car):
    assert car.labels() == ["(a)", "(b)", "(c)", "(d)"]
    assert car.segment("(a)").text.startswith("Strongly condemning all violations")  # "(a)\tStrongly"
    assert car.segment("(b)").text.startswith("Calling upon all parties")  # "(b)   Calling"
    assert car.segment("(c)").text.startswith("Welcoming the signature")  # "(c)Welcoming"


def test_items_holding_semicolons_stay_whole(car):
    b = car.segment("(b)").text
    assert b.count(";") == 3 and b.endswith("all children in their ranks;")


def test_an_addressee_folded_into_the_opening_sentence(car):
    opening = next(s for s in car.segments if s.kind == Kind.TEXT)
    assert opening.text.startswith("At its twenty-ninth meeting, on 14 March 2012")
    assert opening.addressee == ""
    to = "To all parties to the armed conflict in the Central African Republic"
    assert {car.segment(lab).addressee for lab in car.labels()} == {to}
    assert not any(s.kind == Kind.ADDRESSEE for s in car.segments)


def test_the_chairman_years_and_a_title_printed_twice():
    doc = parse_file(fixture("ps-sudan-2011.txt"))
    assert doc.title == "Statement by Chairman of Security Council Working Group on Children and Armed Conflict"
    assert [s.kind for s in doc.segments] == [Kind.TITLE, Kind.TEXT] + [Kind.SUBPARAGRAPH] * 3
    assert doc.segment("(a)").text.startswith("Expressing deep concern")  # after twelve spaces
    assert doc.segment("(c)").addressee == "To all parties to the conflict in the Sudan"


def test_roman_numbered_addressee_blocks_with_lettering_running_on():
    doc = parse_file(fixture("ps-colombia-2016.txt"))
    assert doc.labels() == ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)"]
    assert [s.text for s in doc.segments if s.kind == Kind.ADDRESSEE] == [
        "To all parties to the armed conflict in Colombia",  # "I. To ...:"
        "To the Government of Colombia",  # "II. To ..." without a colon
        "To the Revolutionary Armed Forces of Colombia – People's Army (FARC-EP)",
    ]
    assert doc.segment("(c)").addressee == "To all parties to the armed conflict in Colombia"
    assert doc.segment("(d)").addressee == "To the Government of Colombia"
    assert doc.segment("(f)").addressee.startswith("To the Revolutionary Armed Forces")
    # The opening names no addressee: "the following messages through a public statement".
    assert next(s for s in doc.segments if s.kind == Kind.TEXT).addressee == ""


def test_bullets_are_unlettered_items_under_their_addressee():
    doc = parse_file(fixture("ps-colombia-2016.txt"))
    items = [s for s in doc.segments if s.kind == Kind.TEXT][1:]
    assert [s.text.split()[0] for s in items] == ["strengthen", "ensure", "provide"]  # •, -, ►
    assert {s.label for s in items} == {""}
    assert {s.addressee for s in items} == {"To the Government of Colombia"}


@pytest.mark.parametrize("colon", [":", ""])
def test_a_separate_addressee_line_with_or_without_a_colon(colon):
    doc = parse_text(
        "Public Statement by Chair\n\nAt its 60th meeting, on 9 May 2017, the Working Group agreed to address "
        "the following message through a public statement by its Chair:\n\n"
        f"To all parties to the conflict in the Sudan{colon}\n\n(a) Urging all parties to act;\n\n"
        f"To the Government of the Sudan{colon}\n\n(b) Calling upon the Government to act.\n"
    )
    assert [s.text for s in doc.segments if s.kind == Kind.ADDRESSEE] == [
        "To all parties to the conflict in the Sudan", "To the Government of the Sudan"]
    assert doc.segment("(b)").addressee == "To the Government of the Sudan"


def test_pasted_as_one_paragraph_per_line_or_wrapped_it_reads_the_same():
    # The same press release with every paragraph hard-wrapped at 80 characters, as a
    # mail client pastes it.
    import textwrap

    text = fixture_text("ps-car-2012.txt")
    wrapped = "\n".join("\n".join(textwrap.wrap(line, 80)) for line in text.split("\n"))
    a, b = parse_text(text), parse_text(wrapped)
    assert [(s.kind, s.label, s.addressee) for s in a.segments] == [(s.kind, s.label, s.addressee) for s in b.segments]
    assert (a.meeting_date, a.meeting_number, a.report_symbol) == (b.meeting_date, b.meeting_number, b.report_symbol)
