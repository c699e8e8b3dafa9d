"""The Label value type: parse, format, order, increment, bounds."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.labels import (
    MAX_NUMBER,
    Label,
    LabelError,
    Series,
    letters,
    parent_text,
    roman,
    roman_index,
)

labels = st.builds(
    lambda series, number, parts: Label(series, number, tuple(parts)),
    st.sampled_from(list(Series)),
    st.integers(min_value=1, max_value=MAX_NUMBER - 1),  # so that next() exists
    st.lists(st.integers(min_value=1, max_value=60), max_size=4),
)


@given(labels)
def test_format_then_parse_is_the_same_label(label):
    assert Label.parse(str(label)) == label


@given(labels)
def test_a_label_sorts_after_its_parent_and_before_its_next(label):
    parent = label.parent()
    if parent is not None:
        assert parent < label
        assert label.is_within(parent)
    assert label < label.next()


@given(st.integers(min_value=1, max_value=399))
def test_roman_round_trip_to_399(n):
    assert roman_index(roman(n)) == n


@pytest.mark.parametrize("text, series, number, parts", [
    ("5", Series.BODY, 5, ()),
    ("5(n)", Series.BODY, 5, (14,)),
    ("5(i)", Series.BODY, 5, (9,)),  # at the lettered level (i) is the ninth letter
    ("5(a)(iv)", Series.BODY, 5, (1, 4)),
    ("5(aa)", Series.BODY, 5, (27,)),
    ("annex-17", Series.ANNEX, 17, ()),
    ("PP12", Series.PREAMBULAR, 12, ()),
    ("OP3(a)(ii)", Series.OPERATIVE, 3, (1, 2)),
    ("1234", Series.BODY, 1234, ()),  # paragraphs past 999
    ("7(zzz)", Series.BODY, 7, (78,)),
    ("7(aaaa)", Series.BODY, 7, (79,)),  # letters past (zzz)
])
def test_parse(text, series, number, parts):
    assert Label.parse(text) == Label(series, number, parts)
    assert str(Label.parse(text)) == text


@pytest.mark.parametrize("bad", ["", "5(", "(a)", "5(ab)", "five", "5(a)(iiii)", "annex", "OP", "pp1",
                                 "123456", "5(" + "a" * 50 + ")", "5" * 10_000, "5(a)(i)(a)(i)(a)"])
def test_not_labels(bad):
    with pytest.raises(LabelError):
        Label.parse(bad)
    assert Label.read(bad) is None


def test_bounds_refuse_hostile_values():
    with pytest.raises(LabelError):
        Label(Series.BODY, 10_000_000_000)
    with pytest.raises(LabelError):
        letters(10_000_000_000)
    with pytest.raises(LabelError):
        Label(Series.BODY, 5, (10_000_000_000,))


def test_order_as_a_drafter_reads():
    texts = ["annex-1", "OP2", "6", "5(aa)", "5(z)", "5(a)(ii)", "5(a)", "5", "PP2", "PP1", "OP1(a)"]
    assert [str(x) for x in sorted(Label.parse(t) for t in texts)] == [
        "PP1", "PP2", "5", "5(a)", "5(a)(ii)", "5(z)", "5(aa)", "6", "OP1(a)", "OP2", "annex-1",
    ]


@pytest.mark.parametrize("text, marker", [("5", "5."), ("5(a)", "(a)"), ("5(a)(ii)", "(ii)"),
                                          ("annex-3", "3."), ("OP3", "3."), ("PP2", "")])
def test_marker(text, marker):
    assert Label.parse(text).marker() == marker


def test_next_and_child():
    assert str(Label.parse("5(z)").next()) == "5(aa)"
    assert str(Label.parse("5").child(14)) == "5(n)"
    assert str(Label.parse("5(a)").child(3)) == "5(a)(iii)"
    assert parent_text("5(a)(ii)") == "5(a)"
    assert parent_text("not a label") == ""
