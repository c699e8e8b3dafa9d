import pytest

from app.drafts import Replacement, apply_replacements, parse_replacement, plan_replacements
from app.drafts.replace import apply_all, hold_reason
from app.errors import BadReference
from app.model import Kind, Segment

MALI = [Replacement("Mali", "Burkina Faso"), Replacement("Malian", "Burkinabe")]


def test_whole_words_and_case(corpus_doc):
    out = apply_all(corpus_doc.segments, MALI)  # held occurrences too, to see every rule
    joined = " ".join(s.text for s in out)
    assert "Mali" not in joined.replace("Burkina", "")  # no Mali, Malian, Mali's left
    assert "the Burkinabe armed forces" in out[3].text  # "Malian" is its own word, not "Mali"+"an"
    assert "Stabilization Mission in Burkina Faso (MINUSMA)" in out[3].text  # acronyms untouched
    assert out[0].text == "Conclusions on children and armed conflict in Burkina Faso"
    assert [s.label for s in out] == [s.label for s in corpus_doc.segments]
    assert out[[s.text for s in out].index("To the Government of Burkina Faso") + 1].addressee == (
        "To the Government of Burkina Faso")


def test_plan_lists_what_apply_does(corpus_doc):
    hits = plan_replacements(corpus_doc.segments, MALI)
    before = " ".join(s.text for s in corpus_doc.segments)
    assert len(hits) == before.count("Mali")  # every "Mali" and "Malian" occurrence, once
    assert {h.new for h in hits} == {"Burkina Faso", "Burkinabe"}
    first = hits[0]
    assert first.index == 0 and "[Mali -> Burkina Faso]" in first.context


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MALI and Mali", "BURKINA FASO and Burkina Faso"),
        ("in mali", "in burkina faso"),
        ("Somalia, Mali’s", "Somalia, Burkina Faso’s"),  # Somalia is a different word
    ],
)
def test_case_patterns(text, expected):
    assert apply_replacements([Segment(Kind.TEXT, text)], MALI)[0].text == expected


@pytest.mark.parametrize("spec", ["Mali", "=Burkina Faso", ""])
def test_bad_spec(spec):
    with pytest.raises(BadReference, match="OLD=NEW"):
        parse_replacement(spec)


def test_facts_of_the_source_situation_are_held_by_default(corpus_doc):
    out = apply_replacements(corpus_doc.segments, MALI)
    by_label = {s.label: s.text for s in out}
    # Mali's own documents, mission, dates and agreement are not Burkina Faso's.
    assert "in Mali (S/AC.51/2018/1)" in by_label["5(b)"]
    assert "Stabilization Mission in Mali (MINUSMA)" in out[3].text
    assert "the transitional authorities of Mali referred the situation in Mali since January 2012" in by_label["5(e)"]
    assert "Agreement on Peace and Reconciliation in Mali" in by_label["5(f)"]
    # ... while the plain occurrences are replaced.
    assert out[0].text == "Conclusions on children and armed conflict in Burkina Faso"
    assert "by all parties to the conflict in Burkina Faso" in by_label["5(a)"]
    assert "the Government of Burkina Faso for the protection" in by_label["5(o)"]


def test_held_occurrences_say_why(corpus_doc):
    hits = plan_replacements(corpus_doc.segments, MALI)
    reasons = {h.label: h.held for h in hits if h.held}
    assert reasons["5(b)"] == "cites S/AC.51/2018/1"
    assert reasons["5(e)"] == "names the date 13 July 2012"
    assert reasons["5(f)"].startswith("names an agreement")
    assert any(h.held == "names the mission MINUSMA" for h in hits if h.index == 3)
    plain = [h for h in hits if not h.held]
    assert len(plain) > len(hits) / 2  # most occurrences are plain and replaced


def test_an_accepted_held_occurrence_is_replaced(corpus_doc):
    hits = plan_replacements(corpus_doc.segments, MALI)
    symbol = next(h for h in hits if h.label == "5(b)")
    out = apply_replacements(corpus_doc.segments, MALI, accepted={symbol.key})
    assert "in Burkina Faso (S/AC.51/2018/1)" in out[symbol.index].text


@pytest.mark.parametrize("text, held", [
    ("the previous conclusions on Mali (S/AC.51/2018/1);", True),
    ("resolution 2374 (2017) concerning Mali", True),
    ("on 13 July 2012 the authorities of Mali referred", True),
    ("the European Union capacity-building mission in Mali", True),
    ("the Government of Mali; recalling the Agreement on Peace", False),  # another clause
    ("children affected by armed conflict in Mali", False),
])
def test_hold_reason_looks_at_the_clause(text, held):
    start = text.index("Mali")
    assert bool(hold_reason(text, start, start + 4)) is held
