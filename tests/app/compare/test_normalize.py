"""Matching keys: what each option ignores, and that tokens agree with segment keys."""

import pytest

from app.compare.model import CompareOptions
from app.compare.normalize import segment_key, tokenize

DEFAULT = CompareOptions()
CASE = CompareOptions(ignore_case=True)
PUNCT = CompareOptions(ignore_punctuation=True)
EXACT = CompareOptions(ignore_whitespace=False)
ALL = CompareOptions(ignore_case=True, ignore_punctuation=True)


@pytest.mark.parametrize(
    ("text", "options", "key"),
    [
        # whitespace and line breaks collapse by default
        ("Grave  violations\n against children ", DEFAULT, "Grave violations against children"),
        # ... and are kept exactly when asked
        ("Grave  violations\n", EXACT, "Grave  violations\n"),
        ("Mali’s GOVERNMENT", CASE, "mali’s government"),
        # punctuation becomes space, so "Justice, and" and "Justice and" agree
        ("Truth, Justice, and Reconciliation;", PUNCT, "Truth Justice and Reconciliation"),
        ("Gender-sensitive.", ALL, "gender sensitive"),
    ],
)
def test_segment_key(text, options, key):
    assert segment_key(text, options) == key


def test_tokens_split_words_punctuation_and_spaces():
    tokens, first, last = tokenize("children’s right, gender-sensitive", DEFAULT)
    text = "children’s right, gender-sensitive"
    assert [text[t.start : t.end] for t in tokens] == [
        "children’s", " ", "right", ",", " ", "gender", "-", "sensitive",
    ]
    assert (first, last) == (0, len(tokens))


def test_leading_and_trailing_space_take_no_part_when_ignored():
    tokens, first, last = tokenize("  a b  ", DEFAULT)
    assert [t.key for t in tokens[first:last]] == ["a", " ", "b"]
    tokens, first, last = tokenize("  a b  ", EXACT)
    assert (first, last) == (0, len(tokens))


@pytest.mark.parametrize("options", [DEFAULT, CASE, PUNCT, EXACT, ALL])
@pytest.mark.parametrize(
    "text",
    [
        "Expressing concern about the deprivation of liberty; acknowledging that (DDR) ...",
        "  Truth,  Justice , and\nReconciliation  ",
        "don't -- stop!",
    ],
)
def test_token_keys_join_to_the_segment_key(text, options):
    """Segments paired as identical must also diff as identical: the keys must agree."""
    tokens, first, last = tokenize(text, options)
    assert "".join(t.key for t in tokens[first:last]) == segment_key(text, options)
