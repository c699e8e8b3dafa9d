"""Comparisons of real passages: the parallel blocks of the corpus and a redraft of it."""

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.compare.engine import compare_segments
from app.compare.inline import apply_edits
from app.compare.model import CompareOptions, RowOp
from app.model import Kind, Segment, letters
from app.services.library import passage_of


def changed(row):
    return [(e.op, e.text) for e in row.edits if e.op != "equal"]


def test_statement_and_letter_to_the_government_pair_in_order(corpus_doc):
    """5(n)..5(v) against 7(a)..7(i): nine pairs, n with a ... v with i."""
    left = passage_of(corpus_doc, "5(n)", "5(v)").segments
    right = passage_of(corpus_doc, "7(a)", "7(i)").segments
    rows = compare_segments(left, right).rows
    assert [(r.left.label, r.right.label) for r in rows] == [
        (f"5({a})", f"7({b})") for a, b in zip("nopqrstuv", "abcdefghi", strict=True)
    ]
    assert all(r.relabelled for r in rows)
    ops = {r.left.label: r.op for r in rows}
    assert {k for k, op in ops.items() if op is RowOp.EQUAL} == {"5(o)", "5(q)", "5(s)"}
    assert {k for k, op in ops.items() if op is RowOp.MODIFIED} == {
        "5(n)", "5(p)", "5(r)", "5(t)", "5(u)", "5(v)"
    }
    by_label = {r.left.label: r for r in rows}
    p = changed(by_label["5(p)"])
    assert p[0] == ("insert", "the six ")  # "grave violations" vs "the six grave violations"
    assert ("delete", "by") in p and ("insert", "on part of") in p
    assert changed(by_label["5(r)"])[:2] == [("delete", "at"), ("insert", "about")]
    assert changed(by_label["5(t)"]) == [("delete", "in order ")]
    assert changed(by_label["5(v)"]) == [
        ("delete", "country task force"), ("insert", "Country Task Force"),
        ("insert", ","), ("delete", ";"), ("insert", "."),
    ]
    for r in rows:
        assert apply_edits(r.left.text, r.edits) == r.right.text
        assert 90 <= r.similarity <= 100


# --- a redraft of paragraph 5 ---------------------------------------------------------------

NEW_TEXT = (
    "Expressing deep concern at the use of children as human shields, and urging all parties "
    "to refrain from such practices;"
)


def relettered(segments):
    """Letter the subparagraphs of 5 again in order, as a drafter's word processor would."""
    out, n = [], 0
    for s in segments:
        if s.label.startswith("5("):
            n += 1
            s = replace(s, label=f"5({letters(n)})")
        out.append(s)
    return out


def edit(s, old, new):
    assert old in s.text
    return s.with_text(s.text.replace(old, new, 1))


@pytest.fixture
def redraft(corpus_doc):
    """Delete 5(d), insert after 5(g), move 5(k) after 5(b), edit 5(b), 5(h) and 5(j); re-letter."""
    segs = list(corpus_doc.segments)
    at = {s.label: i for i, s in enumerate(segs) if s.label}
    edited = {
        "5(b)": edit(segs[at["5(b)"]], "Calling upon", "Calling on"),
        "5(h)": edit(segs[at["5(h)"]], "grave concern", "deep concern"),
        "5(j)": edit(segs[at["5(j)"]], "sexual violence", "sexual and gender-based violence"),
    }
    out = []
    for s in segs:
        if s.label in ("5(d)", "5(k)"):
            continue
        out.append(edited.get(s.label, s))
        if s.label == "5(b)":
            out.append(segs[at["5(k)"]])
        if s.label == "5(g)":
            out.append(Segment(Kind.SUBPARAGRAPH, NEW_TEXT, "5(g)", s.section, s.addressee))
    return corpus_doc.with_segments(relettered(out))


def test_redraft_reports_exactly_its_changes(corpus_doc, redraft):
    cmp = compare_segments(corpus_doc.segments, redraft.segments)
    changes = [r for r in cmp.rows if r.op is not RowOp.EQUAL]
    summary = cmp.summary()
    assert summary["deleted"] == 1 and summary["inserted"] == 1
    assert summary["modified"] == 3 and summary["moved"] == 1  # one move, two rows
    assert summary["equal"] == len(corpus_doc.segments) - 1 - 1 - 3

    (deleted,) = [r for r in changes if r.op is RowOp.DELETED]
    assert deleted.left.label == "5(d)"
    (inserted,) = [r for r in changes if r.op is RowOp.INSERTED]
    assert inserted.right.text == NEW_TEXT
    modified = {r.left.label: changed(r) for r in changes if r.op is RowOp.MODIFIED}
    assert modified == {
        "5(b)": [("delete", "upon"), ("insert", "on")],
        "5(h)": [("delete", "grave"), ("insert", "deep")],
        "5(j)": [("insert", "and gender-based ")],
    }
    # it arrives (as 5(c)) before the place it left
    arrived, left_from = [r for r in changes if r.op is RowOp.MOVED]
    assert left_from.left.label == "5(k)" and left_from.right is None
    assert arrived.left.label == "5(k)" and arrived.right.label == "5(c)"
    assert left_from.move_id == arrived.move_id is not None
    assert changed(arrived) == [] and arrived.similarity == 100

    # Re-lettering is information only: a, b, k, c, e, f, g, new, h, i, j, l ... are
    # lettered a, b, c, d, e, f, g, h, i, j, k, l ...
    relabelled = {(r.left.label, r.right.label) for r in cmp.rows if r.relabelled}
    assert relabelled == {
        ("5(c)", "5(d)"), ("5(h)", "5(i)"), ("5(i)", "5(j)"), ("5(j)", "5(k)"), ("5(k)", "5(c)"),
    }
    assert {r.op for r in cmp.rows if r.left and r.left.label in ("5(c)", "5(i)")} == {RowOp.EQUAL}


def test_rows_follow_reading_order_on_both_sides(corpus_doc, redraft):
    cmp = compare_segments(corpus_doc.segments, redraft.segments)
    lefts = [i for r in cmp.rows if not (r.op is RowOp.MOVED and r.right is not None)
             for i in r.left_indexes]
    rights = [j for r in cmp.rows for j in r.right_indexes]
    assert lefts == list(range(len(corpus_doc.segments)))
    assert rights == list(range(len(redraft.segments)))


def test_options_never_alter_the_texts_shown(corpus_doc):
    segs = passage_of(corpus_doc, "5(n)", "5(v)").segments
    shouted = [s.with_text(s.text[0].lower() + s.text[1:].replace(";", ".")) for s in segs]
    plain = compare_segments(segs, shouted)
    assert all(r.op is RowOp.MODIFIED for r in plain.rows)
    ignoring = compare_segments(segs, shouted, CompareOptions(ignore_case=True, ignore_punctuation=True))
    assert all(r.op is RowOp.EQUAL for r in ignoring.rows)
    for r, a, b in zip(ignoring.rows, segs, shouted, strict=True):
        assert r.left is a and r.right is b
        assert "".join(e.text for e in r.edits) == a.text


def test_unrelated_passages_do_not_pair(corpus_doc):
    left = passage_of(corpus_doc, "8(a)", "8(c)").segments
    right = passage_of(corpus_doc, "12(a)", "12(c)").segments
    ops = [r.op for r in compare_segments(left, right).rows]
    assert ops.count(RowOp.DELETED) == 3 and ops.count(RowOp.INSERTED) == 3


def test_moved_with_edits(corpus_doc):
    segs = list(passage_of(corpus_doc, "12(a)", "12(g)").segments)
    moved = edit(segs[0], "Requesting donors", "Requesting all donors")
    cmp = compare_segments(segs, [*segs[1:], moved])
    moves = [r for r in cmp.rows if r.op is RowOp.MOVED]
    assert len(moves) == 2 and moves[1].right is moved
    assert changed(moves[1]) == [("insert", "all ")]
    assert cmp.summary()["equal"] == 6


# --- properties -----------------------------------------------------------------------------

SENTENCES = st.lists(
    st.sampled_from(["Stressing", "the", "role", "of", "Mali", "children", "armed", "conflict",
                     "urging", "all", "parties", ";", ",", "to", "end", "abuses"]),
    min_size=0, max_size=25,
).map(" ".join)
SEGMENTS = st.lists(SENTENCES.map(lambda t: Segment(Kind.TEXT, t)), max_size=25)


@settings(max_examples=100, deadline=None)
@given(SEGMENTS)
def test_self_comparison_is_all_equal(segments):
    cmp = compare_segments(segments, segments)
    assert [r.op for r in cmp.rows] == [RowOp.EQUAL] * len(segments)
    assert [(r.left_index, r.right_index) for r in cmp.rows] == [(i, i) for i in range(len(segments))]


@settings(max_examples=100, deadline=None)
@given(SEGMENTS, SEGMENTS)
def test_every_segment_appears_once_and_edits_rebuild_the_right_text(left, right):
    """Each segment once (a split or merge holds several), and each row's edits rebuild its
    right text from its left one (the parts of a split or merge joined)."""
    cmp = compare_segments(left, right, CompareOptions(ignore_whitespace=False))
    seen_left = [i for r in cmp.rows if not (r.op is RowOp.MOVED and r.right is not None)
                 for i in r.left_indexes]
    seen_right = [j for r in cmp.rows for j in r.right_indexes]
    assert sorted(seen_left) == list(range(len(left)))
    assert sorted(seen_right) == list(range(len(right)))
    for r in cmp.rows:
        if r.left is not None and r.right is not None:
            assert apply_edits(r.left_text, r.edits) == r.right_text
            if r.op in (RowOp.EQUAL, RowOp.MODIFIED):
                assert (r.op is RowOp.EQUAL) == (r.left.text == r.right.text)
        assert 0 <= r.similarity <= 100


def test_a_move_counts_once_in_the_summary(corpus_doc, redraft):
    cmp = compare_segments(corpus_doc.segments, redraft.segments)
    moved_rows = [r for r in cmp.rows if r.op is RowOp.MOVED]
    assert len(moved_rows) == 2 and len({r.move_id for r in moved_rows}) == 1
    assert cmp.summary()["moved"] == 1
