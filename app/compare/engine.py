"""Compare two runs of segments: align them by content, find splits and merges, then diff
each pair word by word and say whether its language got stronger or weaker."""

from __future__ import annotations

from collections.abc import Sequence

from app.compare import similarity
from app.compare.align import align
from app.compare.inline import DELETE, INSERT, diff_texts, is_unchanged
from app.compare.model import PART_JOIN, CompareOptions, Comparison, Edit, Row, RowOp
from app.compare.normalize import segment_key
from app.compare.splits import Group, find_groups, is_renested
from app.compare.strength import strength_change
from app.model import Segment


def compare_segments(
    left: Sequence[Segment],
    right: Sequence[Segment],
    options: CompareOptions | None = None,
    left_title: str = "",
    right_title: str = "",
    left_ref: str = "",
    right_ref: str = "",
    *,
    structure: bool = True,
    strength: bool = True,
) -> Comparison:
    """The `Comparison` of two segment runs, rows in reading order.

    Deletions come before insertions at the same place; a moved segment gives a MOVED row
    where it left and another where it arrived; a split or merge is one row holding all
    its parts. `structure` False leaves splits and merges as pairs, insertions and
    deletions, `strength` False leaves `Row.strength` empty (the benchmark measures both).
    """
    options = options or CompareOptions()
    left_keys = [segment_key(s.text, options) for s in left]
    right_keys = [segment_key(s.text, options) for s in right]
    alignment = align(left_keys, right_keys)
    groups = find_groups(left_keys, right_keys, alignment) if structure else []
    in_group_left = {i for g in groups for i in g.left}
    in_group_right = {j for g in groups for j in g.right}

    moved_to = dict(alignment.moves)  # left index -> right index
    moved_from = {j: i for i, j in alignment.moves}
    move_ids: dict[int, int] = {}  # left index of a move -> its id, by first appearance

    def move_id(i: int) -> int:
        return move_ids.setdefault(i, len(move_ids) + 1)

    def pair_row(i: int, j: int, op: RowOp | None = None) -> Row:
        a, b = left[i], right[j]
        edits = diff_texts(a.text, b.text, options)
        unchanged = is_unchanged(edits)
        if op is None:
            op = RowOp.EQUAL if unchanged else RowOp.MODIFIED
        score = 100.0 if unchanged else similarity.ratio(left_keys[i], right_keys[j])
        verdict = strength_change(a.text, b.text, edits) if strength and not unchanged else None
        return Row(op, a, b, i, j, round(score, 1), edits,
                   move_id(i) if op is RowOp.MOVED else None, a.label != b.label, verdict)

    def group_row(g: Group) -> Row:
        lefts = tuple(left[i] for i in g.left)
        rights = tuple(right[j] for j in g.right)
        a, b = PART_JOIN.join(s.text for s in lefts), PART_JOIN.join(s.text for s in rights)
        edits = diff_texts(a, b, options)
        split = len(rights) > 1
        whole, parts = (lefts[0], rights) if split else (rights[0], lefts)
        return Row(RowOp.SPLIT if split else RowOp.MERGED, lefts[0], rights[0], g.left[0], g.right[0],
                   round(g.score, 1), edits, None, lefts[0].label != rights[0].label,
                   strength_change(a, b, edits) if strength else None,
                   lefts if not split else (), rights if split else (), is_renested(whole, parts))

    def left_row(i: int) -> Row:
        if i in moved_to:
            return Row(RowOp.MOVED, left[i], None, i, None,
                       _move_score(left_keys[i], right_keys[moved_to[i]]), (), move_id(i))
        text = left[i].text
        return Row(RowOp.DELETED, left[i], None, i, None, 0.0,
                   (Edit(DELETE, text, (0, len(text)), (0, 0)),) if text else ())

    def right_row(j: int) -> Row:
        if j in moved_from:
            return pair_row(moved_from[j], j, RowOp.MOVED)
        text = right[j].text
        return Row(RowOp.INSERTED, None, right[j], None, j, 0.0,
                   (Edit(INSERT, text, (0, 0), (0, len(text))),) if text else ())

    # What the rows are built around, in reading order: the pairs, and the groups that
    # took the place of the pairs they absorbed.
    anchors: list[tuple[int, int, Group | None]] = [
        (i, j, None) for i, j in alignment.pairs if i not in in_group_left and j not in in_group_right
    ]
    anchors = sorted(anchors + [(g.left[0], g.right[0], g) for g in groups], key=lambda t: t[0])
    rows: list[Row] = []
    i = j = 0
    for pi, pj, g in [*anchors, (len(left), len(right), None)]:
        rows.extend(left_row(x) for x in range(i, pi))
        rows.extend(right_row(y) for y in range(j, pj))
        if g is not None:
            rows.append(group_row(g))
            pi, pj = g.left[-1], g.right[-1]
        elif pi < len(left):
            rows.append(pair_row(pi, pj))
        i, j = pi + 1, pj + 1
    return Comparison(left_title, right_title, tuple(rows), options, left_ref, right_ref)


def _move_score(a: str, b: str) -> float:
    return round(similarity.ratio(a, b), 1)
