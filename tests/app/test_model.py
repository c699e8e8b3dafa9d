"""Labels: lettering after z, roman numerals, drafting order."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.model import label_sort_key, letters, letters_index, parent_label, roman, roman_index


@given(st.integers(min_value=1, max_value=26 * 6))
def test_letters_round_trip(n):
    assert letters_index(letters(n)) == n


@given(st.integers(min_value=1, max_value=39))
def test_roman_round_trip(n):
    assert roman_index(roman(n)) == n


@pytest.mark.parametrize("n, expected", [(1, "a"), (26, "z"), (27, "aa"), (28, "bb"), (30, "dd"), (53, "aaa")])
def test_letters_double_after_z(n, expected):
    assert letters(n) == expected


def test_labels_sort_as_a_drafter_reads_them():
    labels = ["annex-1", "6", "5(aa)", "5(z)", "5(a)(ii)", "5(a)(i)", "5(a)", "5", "12", "2"]
    assert sorted(labels, key=label_sort_key) == [
        "2", "5", "5(a)", "5(a)(i)", "5(a)(ii)", "5(z)", "5(aa)", "6", "12", "annex-1",
    ]


@pytest.mark.parametrize("bad", ["", "5(", "(a)", "5(ab)", "five", "5(a)(iiii)"])
def test_not_labels(bad):
    with pytest.raises(ValueError):
        label_sort_key(bad)


def test_parent_label():
    assert parent_label("5(a)(ii)") == "5(a)"
    assert parent_label("5(a)") == "5"
    assert parent_label("5") == ""
