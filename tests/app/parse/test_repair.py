"""Repair of words broken by PDF extraction, using word frequencies and the document's words."""

import pytest

from app.parse.repair import Vocabulary, join_lines, repair_broken_words


@pytest.mark.parametrize(
    "broken, fixed",
    [
        ("the in ternational community", "the international community"),
        ("a S tate party", "a State party"),
        ("protecti on of children", "protection of children"),
        ("contribute signif icantly to", "contribute significantly to"),
        ("communi ty-based mechanisms", "community-based mechanisms"),
        ("the well -being of children", "the well-being of children"),
    ],
)
def test_broken_words_are_joined(broken, fixed):
    assert repair_broken_words(broken, Vocabulary([broken])) == fixed


@pytest.mark.parametrize(
    "text",
    ["in the", "a State party", "it may be that", "a round of talks", "in to the", "re-establish", "the Levant"],
)
def test_real_word_pairs_are_left_alone(text):
    assert repair_broken_words(text, Vocabulary([text])) == text


def test_two_letter_fragment_joined_when_the_document_uses_the_word():
    # "nd" is common enough on the web (2nd) to pass for a word; "and" elsewhere settles it.
    assert repair_broken_words("a nd the", Vocabulary(["a nd the", "cats and dogs"])) == "and the"


def test_document_vocabulary_decides_between_two_words():
    # "ed" and "affect" are both words; the document's own use of "affected" settles it.
    vocab = Vocabulary(["children affected by conflict", "children affect ed by war"])
    assert repair_broken_words("children affect ed by war", vocab) == "children affected by war"
    assert repair_broken_words("children affect ed by war", Vocabulary(["affect ed"])) == "children affect ed by war"


@pytest.mark.parametrize(
    "lines, joined",
    [
        (["the Secretary-", "General said"], "the Secretary-General said"),
        (["conflict-", "affected areas"], "conflict-affected areas"),
        (["gender-sensitive and age- ", "sensitive DDR"], "gender-sensitive and age-sensitive DDR"),
        (["gender-", "and age-sensitive"], "gender- and age-sensitive"),
        (["the docu-", "ment was"], "the document was"),
    ],
)
def test_line_end_hyphens(lines, joined):
    assert join_lines(lines, Vocabulary(lines)) == joined
