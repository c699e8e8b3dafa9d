"""Word-level differences inside a pair: what is marked, offsets, cleanup, round-trips."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.compare.inline import apply_edits, diff_texts
from app.compare.model import CompareOptions

EXACT = CompareOptions(ignore_whitespace=False)


def changes(left, right, options=None):
    return [(e.op, e.text) for e in diff_texts(left, right, options) if e.op != "equal"]


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        # 5(p)/7(c) of the Mali conclusions: words added in front
        ("perpetrators of grave violations against children",
         "perpetrators of the six grave violations against children",
         [("insert", "the six ")]),
        # a word replaced
        ("Expressing concern at the deprivation", "Expressing concern about the deprivation",
         [("delete", "at"), ("insert", "about")]),
        # punctuation is a token of its own
        ("Truth, Justice and Reconciliation", "Truth, Justice, and Reconciliation",
         [("insert", ",")]),
        ("the reconciliation process;", "the reconciliation process.",
         [("delete", ";"), ("insert", ".")]),
        # a deletion at the end takes its space with it
        ("for birth registration in order to restore", "for birth registration to restore",
         [("delete", "in order ")]),
        # a hyphenated word changes in its part only
        ("that are gender- and age-sensitive", "that are gender-sensitive and age-sensitive",
         [("insert", "sensitive")]),
    ],
)
def test_marked_words(left, right, expected):
    assert changes(left, right) == expected


def test_no_confetti_between_changes():
    """Small equalities between changes are folded in: one replacement, not islands."""
    left = "the cat sat on the mat"
    right = "a dog sat in a hat"
    edits = diff_texts(left, right)
    assert [e.op for e in edits] == ["delete", "insert"]


def test_long_equalities_survive_cleanup():
    left = "Strongly condemning all violations and abuses committed against children in Mali"
    right = "Firmly condemning all violations and abuses committed against children in Chad"
    assert changes(left, right) == [
        ("delete", "Strongly"), ("insert", "Firmly"), ("delete", "Mali"), ("insert", "Chad"),
    ]


def test_offsets_index_the_original_texts():
    left = "Welcoming advances in the truth seeking, justice and reconciliation process"
    right = "Welcoming the advances in truth seeking, justice, and reconciliation processes"
    for e in diff_texts(left, right):
        if e.op in ("equal", "delete"):
            assert left[e.left[0] : e.left[1]] == e.text
        if e.op in ("equal", "insert"):
            assert right[e.right[0] : e.right[1]] == e.text
        if e.op == "insert":
            assert e.left[0] == e.left[1]
        if e.op == "delete":
            assert e.right[0] == e.right[1]


def test_options_decide_what_is_equal():
    left, right = "Country Task Force, and  UNICEF", "country task force and UNICEF"
    assert changes(left, right)  # case and a comma differ
    assert changes(left, right, CompareOptions(ignore_case=True)) == [("delete", ",")]
    assert changes(left, right, CompareOptions(ignore_case=True, ignore_punctuation=True)) == []
    assert changes("a  b", "a b") == []
    assert changes("a  b", "a b", EXACT) == [("delete", "  "), ("insert", " ")]


def test_identical_and_empty_texts():
    assert diff_texts("", "") == ()
    assert [e.op for e in diff_texts("same text", "same text")] == ["equal"]
    assert changes("", "new") == [("insert", "new")]
    assert changes("old", "") == [("delete", "old")]


# --- properties --------------------------------------------------------------------------

WORDS = ["the", "The", "six", "grave", "violations", "children", "Mali", "State", "a", "of"]
PIECES = st.sampled_from(WORDS + [",", ";", ".", "-", "’", "(", ")", " ", " ", "  ", "\n", "<b>"])
TEXTS = st.lists(PIECES, max_size=40).map("".join)
ALL_OPTIONS = st.builds(CompareOptions, st.booleans(), st.booleans(), st.booleans())


def tiles(edits, side, length):
    """The edits' ranges on one side run from 0 to `length` without gap or overlap."""
    pos = 0
    for e in edits:
        a, b = getattr(e, side)
        assert a == pos
        pos = b
    assert pos == length


@settings(max_examples=200, deadline=None)
@given(TEXTS, TEXTS)
def test_applying_the_edits_to_the_left_text_gives_the_right_text(left, right):
    edits = diff_texts(left, right, EXACT)
    assert apply_edits(left, edits) == right
    tiles(edits, "left", len(left))
    tiles(edits, "right", len(right))


@settings(max_examples=200, deadline=None)
@given(TEXTS, TEXTS, ALL_OPTIONS)
def test_edits_cover_both_original_texts_under_any_options(left, right, options):
    edits = diff_texts(left, right, options)
    tiles(edits, "left", len(left))
    tiles(edits, "right", len(right))
    for e in edits:
        source = right if e.op == "insert" else left
        span = e.right if e.op == "insert" else e.left
        assert source[span[0] : span[1]] == e.text
    rebuilt = apply_edits(left, edits)
    if not options.ignore_case and not options.ignore_punctuation:
        # only whitespace may differ, and only where whitespace is ignored
        assert "".join(rebuilt.split()) == "".join(right.split())
