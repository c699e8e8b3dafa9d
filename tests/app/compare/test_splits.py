"""Splits, merges and re-nesting: one row spanning the parts, the rest of the document quiet."""

from dataclasses import replace
from functools import partial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.compare import engine
from app.compare.inline import DELETE, INSERT, apply_edits
from app.compare.model import CompareOptions, RowOp
from app.compare.parts import chunks
from app.compare.render import row_label, to_json, to_text
from app.model import Kind, Segment
from app.services.library import passage_of
from tests.app.compare.restructure import relabelled, restructure, split_at

compare_segments = partial(engine.compare_segments, structure=True)


@pytest.fixture
def restructured(corpus_doc):
    return restructure(corpus_doc)


def test_split_merge_and_renest_in_the_middle_of_a_document(corpus_doc, restructured):
    cmp = compare_segments(corpus_doc.segments, restructured.segments)
    changes = [r for r in cmp.rows if r.op is not RowOp.EQUAL]
    assert [(r.op, row_label(r), r.renested) for r in changes] == [
        (RowOp.SPLIT, "3 | 3+3(a)+3(b)+3(c)+3(d)+3(e)+3(f)+3(g)+3(h)+3(i)", True),
        (RowOp.SPLIT, "5(d) | 5(d)+5(e)", False),
        (RowOp.MERGED, "5(x)+5(y) | 5(y)", False),  # lettered one down after the split
        (RowOp.MERGED, "6+6(a)+6(b) | 6", True),
    ]
    split = changes[1]
    assert [(e.op, e.text) for e in split.edits if e.op != "equal"] == [
        ("delete", "stressing"), ("insert", "Stressing")]  # the change across the join
    # re-lettered between the split and the merge: same text, new letters, no change
    between = [r for r in cmp.rows if r.op is RowOp.EQUAL and r.left.label.startswith("5(")]
    assert {(r.left.label, r.right.label) for r in between if r.relabelled} == {
        (f"5({a})", f"5({b})") for a, b in zip("efghijklmnopqrstuvw", "fghijklmnopqrstuvwx",
                                               strict=True)}
    after = {"5(z)", "5(aa)", "5(bb)", "5(cc)", "5(dd)"}  # the merge puts the letters back
    assert {r.left.label for r in between if not r.relabelled} >= after
    summary = cmp.summary()
    assert summary["split"] == 2 and summary["merged"] == 2
    assert summary["modified"] == summary["inserted"] == summary["deleted"] == 0


def test_each_direction_reads_the_other_way(corpus_doc, restructured):
    cmp = compare_segments(restructured.segments, corpus_doc.segments)
    assert [(r.op, r.renested) for r in cmp.rows if r.op is not RowOp.EQUAL] == [
        (RowOp.MERGED, True), (RowOp.MERGED, False), (RowOp.SPLIT, False), (RowOp.SPLIT, True)]


def test_rows_and_chunks_rebuild_both_texts(corpus_doc, restructured):
    cmp = compare_segments(corpus_doc.segments, restructured.segments)
    for r in (r for r in cmp.rows if r.op in (RowOp.SPLIT, RowOp.MERGED)):
        assert apply_edits(r.left_text, r.edits) == r.right_text
        _assert_chunks_tile(r)
        # each part is exactly one chunk on its side
        if r.right_parts:
            side = [r.right_text[a:b] for a, b in (c.right for c in chunks(r))]
        else:
            side = [r.left_text[a:b] for a, b in (c.left for c in chunks(r))]
        assert side == [p.text for p in r.right_parts or r.left_parts]


def _assert_chunks_tile(r):
    """On the side without parts the chunks tile the text; on the side with parts they are
    the parts, the joining spaces left out; each chunk's edits rebuild it on both sides."""
    cs = chunks(r)
    left, right = r.left_text, r.right_text
    tiled = [c.left for c in cs] if not r.left_parts else [c.right for c in cs]
    whole = left if not r.left_parts else right
    assert tiled[0][0] == 0 and tiled[-1][1] == len(whole)
    assert all(a[1] == b[0] for a, b in zip(tiled, tiled[1:], strict=False))
    for c in cs:
        lt, rt = left[c.left[0]:c.left[1]], right[c.right[0]:c.right[1]]
        assert "".join(lt[a:b] for e in c.edits if e.op != INSERT for a, b in [e.left]) == lt
        assert "".join(rt[a:b] for e in c.edits if e.op != DELETE for a, b in [e.right]) == rt


def test_a_short_new_subparagraph_after_a_paragraph_is_an_insertion(corpus_doc):
    """5(c) edited and a short 5(d) added after it: not a split of 5(c)."""
    segs = list(passage_of(corpus_doc, "5(b)", "5(e)").segments)
    c = segs[1]
    short = Segment(Kind.SUBPARAGRAPH, "Noting the efforts of the country task force;", "5(d)")
    right = relabelled([segs[0], c.with_text(c.text.replace("insecurity", "growing insecurity")),
                        short, *segs[2:]])
    ops = [r.op for r in compare_segments(segs, right).rows]
    assert ops == [RowOp.EQUAL, RowOp.MODIFIED, RowOp.INSERTED, RowOp.EQUAL, RowOp.EQUAL]


def test_parallel_blocks_of_the_corpus_have_no_structure_change(corpus_doc):
    cmp = compare_segments(passage_of(corpus_doc, "5(n)", "5(v)").segments,
                           passage_of(corpus_doc, "7(a)", "7(i)").segments)
    assert cmp.summary()["split"] == cmp.summary()["merged"] == 0


def test_without_structure_a_split_is_a_pair_and_an_insertion(corpus_doc, restructured):
    left = passage_of(corpus_doc, "5(c)", "5(e)").segments
    right = passage_of(restructured, "5(c)", "5(f)").segments
    assert [r.op for r in compare_segments(left, right).rows] == [
        RowOp.EQUAL, RowOp.SPLIT, RowOp.EQUAL]
    # the pair goes to the longer part, the first part reads as inserted
    assert [r.op for r in compare_segments(left, right, structure=False).rows] == [
        RowOp.EQUAL, RowOp.INSERTED, RowOp.MODIFIED, RowOp.EQUAL]


def test_a_split_that_weakens_says_so(corpus_doc):
    (d,) = passage_of(corpus_doc, "5(d)").segments
    first, second = split_at(d, "; stressing that")
    second = second.with_text(second.text.replace("must be brought", "should be brought"))
    (row,) = compare_segments([d], [first, replace(second, label="5(e)")]).rows
    assert row.op is RowOp.SPLIT and row.strength.why == "must \u2192 should"


def test_renderings_show_the_parts(corpus_doc, restructured):
    cmp = compare_segments(passage_of(corpus_doc, "5(c)", "5(e)").segments,
                           passage_of(restructured, "5(c)", "5(f)").segments)
    text = to_text(cmp)
    assert "/ split    5(d) | 5(d)+5(e)" in text and "split in 2" in text
    assert "    5(e)  [-stressing-]{+Stressing+} that all perpetrators" in text
    row = to_json(cmp)["rows"][1]
    assert row["op"] == "split" and row["renested"] is False
    assert [p["label"] for p in row["right_parts"]] == ["5(d)", "5(e)"]
    assert row["right"]["label"] == "5(d)" and row["left_parts"][0]["label"] == "5(d)"


# --- properties -----------------------------------------------------------------------------

WORDS = st.sampled_from(["Stressing", "the", "role", "of", "Mali", "children", "armed", "conflict",
                         "urging", "all", "parties", ";", ",", "to", "end", "abuses", "must"])
TEXTS = st.lists(WORDS, min_size=1, max_size=30).map(" ".join)


@st.composite
def split_and_merged(draw):
    """Segments, and the same segments with some split at a word and some neighbours joined."""
    left = [Segment(Kind.TEXT, t) for t in draw(st.lists(TEXTS, min_size=1, max_size=12))]
    right: list[Segment] = []
    for s in left:
        words = s.text.split(" ")
        action = draw(st.sampled_from(["keep", "split", "join"]))
        if action == "split" and len(words) > 1:
            k = draw(st.integers(1, len(words) - 1))
            right += [s.with_text(" ".join(words[:k])), s.with_text(" ".join(words[k:]))]
        elif action == "join" and right:
            right[-1] = right[-1].with_text(right[-1].text + " " + s.text)
        else:
            right.append(s)
    return left, right


@settings(max_examples=150, deadline=None)
@given(split_and_merged(), st.booleans())
def test_splits_and_merges_keep_every_segment_once_and_rebuild_the_texts(pair, exact):
    left, right = pair
    cmp = compare_segments(left, right, CompareOptions(ignore_whitespace=not exact))
    seen_left = [i for r in cmp.rows if not (r.op is RowOp.MOVED and r.right is not None)
                 for i in r.left_indexes]
    assert sorted(seen_left) == list(range(len(left)))
    assert sorted(j for r in cmp.rows for j in r.right_indexes) == list(range(len(right)))
    for r in cmp.rows:
        if r.left is not None and r.right is not None:
            if exact:
                assert apply_edits(r.left_text, r.edits) == r.right_text
            _assert_chunks_tile(r)
