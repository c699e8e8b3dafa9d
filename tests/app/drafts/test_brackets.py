import pytest

from app.drafts import BracketCount, bracket_spans, count_brackets


@pytest.mark.parametrize(
    ("text", "pairs", "unmatched"),
    [
        ("[strongly] condemning", 1, 0),
        ("[strongly] condemning [all] violations", 2, 0),
        ("[[all] parties]", 2, 0),  # nested: both must be agreed
        ("recalling paragraph 7 (b) of resolution 1882 (2009)", 0, 0),  # parentheses are not brackets
        ("[strongly condemning", 0, 1),
        ("strongly] condemning", 0, 1),
    ],
)
def test_count(text, pairs, unmatched):
    assert count_brackets(text) == BracketCount(pairs, unmatched)


def test_spans_mark_the_bracketed_words():
    text = "[strongly] condemning [[all] parties"
    spans = bracket_spans(text)
    assert [text[a:b] for a, b in spans] == ["[strongly]", "[[all] parties", "[all]"]


def test_corpus_has_no_brackets_and_skeleton_placeholders_count(corpus_doc):
    from app.drafts import skeleton

    assert count_brackets(s.text for s in corpus_doc.segments).open == 0
    filled = skeleton("Mali", "20 November 2020", "S/2020/1105")
    assert count_brackets(s.text for s in skeleton()).open > count_brackets(s.text for s in filled).open > 0
