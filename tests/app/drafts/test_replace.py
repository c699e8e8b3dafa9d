import pytest

from app.drafts import Replacement, apply_replacements, parse_replacement, plan_replacements
from app.errors import BadReference
from app.model import Kind, Segment

MALI = [Replacement("Mali", "Burkina Faso"), Replacement("Malian", "Burkinabe")]


def test_whole_words_and_case(corpus_doc):
    out = apply_replacements(corpus_doc.segments, MALI)
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
