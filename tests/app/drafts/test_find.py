"""Find and replace in a draft."""

import pytest

from app.drafts.find import find_all, replace_all


def test_whole_words_leave_other_words_alone(corpus_doc):
    loose = find_all(corpus_doc.segments, "Mali")
    whole = find_all(corpus_doc.segments, "Mali", whole_words=True)
    assert len(whole) < len(loose)  # "Malian" is a match only without whole words
    assert all(corpus_doc.segments[m.index].text[m.start:m.end] == "Mali" for m in whole)


def test_replace_all_counts_keeps_case_and_labels(corpus_doc):
    rows, n = replace_all(corpus_doc.segments, "mali", "Chad", whole_words=True)
    assert n == len(find_all(corpus_doc.segments, "Mali", whole_words=True))
    assert rows[0].text == "Conclusions on children and armed conflict in Chad"
    assert "Malian" in " ".join(s.text for s in rows)  # a whole word only
    assert [s.label for s in rows] == [s.label for s in corpus_doc.segments]
    assert find_all(rows, "Mali", whole_words=True) == []


def test_match_case(corpus_doc):
    assert find_all(corpus_doc.segments, "mali", match_case=True) == []
    rows, n = replace_all(corpus_doc.segments, "Working Group", "WG", match_case=True)
    assert n > 5 and "Working Group" not in " ".join(s.text for s in rows)


@pytest.mark.parametrize("needle", ["", "no such words anywhere"])
def test_nothing_found_changes_nothing(corpus_doc, needle):
    rows, n = replace_all(corpus_doc.segments, needle, "x")
    assert n == 0 and rows == corpus_doc.segments


def test_special_characters_are_literal(corpus_doc):
    assert find_all(corpus_doc.segments, "5(n)") == []
    assert find_all(corpus_doc.segments, "(S/2020/1105)")


@pytest.mark.parametrize("typed, stored", [
    ("  Urging the Government\tto act;  ", "Urging the Government to act;"),
    ("Recalling  resolution 1612 (2005);", "Recalling resolution 1612 (2005);"),
    ("\tIndented by a tab", "Indented by a tab"),
])
def test_typed_text_is_tidied_on_save(corpus_doc, typed, stored):
    from app.drafts import edit_text

    rows = edit_text(corpus_doc.segments, 5, typed)
    assert rows[5].text == stored
