"""Offsets carried between two readings of a paragraph, and changes grown to whole words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.rounds.positions import PositionMap, differences, widen

T = "that insecurity and access"


@pytest.mark.parametrize("start, end, new, expected", [
    (14, 15, "ies", (5, 15, "insecurities")),  # Word's revision stopped inside the word
    (15, 15, ", the pandemic", (15, 15, ", the pandemic")),  # after a word: left alone
    (15, 19, "", (15, 19, "")),  # " and" deleted: whole already
    (7, 7, "x", (5, 15, "inxsecurity")),  # typed inside a word
    (5, 5, "in", (5, 15, "ininsecurity")),  # glued to the front of a word
])
def test_widen(start, end, new, expected):
    assert widen(T, start, end, new) == expected


def test_position_map_skips_a_typed_label():
    m = PositionMap("(c) that insecurity and", "that insecurity and")
    assert (m(4), m(9), m(23, end=True)) == (0, 5, 19)


def test_differences_are_runs_of_changed_words():
    assert differences(T, "that the insecurity or access") == [(5, 5, "the "), (16, 19, "or")]


words = st.lists(st.sampled_from(["the", "Group", "children", "armed", ",", ";", "and", "conflict"]),
                 min_size=1, max_size=12).map(" ".join)


@given(words, words)
def test_applying_the_differences_gives_the_other_text(a, b):
    out = a
    for start, end, new in sorted(differences(a, b), reverse=True):
        out = out[:start] + new + out[end:]
    assert out.split() == b.split()
