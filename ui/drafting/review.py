"""Review marks in the draft editor: where the replace step changed or held back a word.

The marks are stored by row index (`ReviewMark.index`), so every edit moves them with
their rows: a row added above shifts them down, a moved row takes its marks along, and a
row whose text the drafter changed loses them (the drafter has looked at it). The rules
are plain functions over segment tuples, so they are tested without a window.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from app.model import ReviewMark, Segment

Rows = Sequence[Segment]


def row_map(before: Rows, after: Rows) -> dict[int, int]:
    """Which row of `after` each unchanged row of `before` became (same text, same kind).

    Rows kept in order are paired by a longest-common-subsequence match; a row moved
    elsewhere is then found by its text when that text is unique among the rows left.
    """
    a = [(s.kind, s.text) for s in before]
    b = [(s.kind, s.text) for s in after]
    pairs: dict[int, int] = {}
    for block in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        for k in range(block.size):
            pairs[block.a + k] = block.b + k
    taken = set(pairs.values())
    left = [i for i in range(len(a)) if i not in pairs]
    free: dict[tuple[object, str], list[int]] = {}
    for j in range(len(b)):
        if j not in taken:
            free.setdefault(b[j], []).append(j)
    for i in left:
        spots = free.get(a[i], [])
        if len(spots) == 1 and sum(1 for x in left if a[x] == a[i]) == 1:
            pairs[i] = spots[0]
    return pairs


def follow_marks(marks: Sequence[ReviewMark], before: Rows, after: Rows) -> tuple[ReviewMark, ...]:
    """`marks` on `before`, moved to where their rows are in `after`; a mark whose row was
    edited or deleted is gone."""
    if not marks or before == after:
        return tuple(marks)
    where = row_map(before, after)
    out = []
    for m in marks:
        j = where.get(m.index)
        if j is not None:
            out.append(ReviewMark(j, m.start, m.end, m.kind, m.note))
    return tuple(sorted(out, key=lambda m: (m.index, m.start)))


def marks_by_row(marks: Sequence[ReviewMark]) -> dict[int, list[ReviewMark]]:
    rows: dict[int, list[ReviewMark]] = {}
    for m in marks:
        rows.setdefault(m.index, []).append(m)
    return rows


def review_summary(marks: Sequence[ReviewMark]) -> str:
    """ "12 to review (9 replaced, 3 held)", or "" when nothing is left to review."""
    if not marks:
        return ""
    replaced = sum(1 for m in marks if m.kind == "replaced")
    held = len(marks) - replaced
    parts = [f"{replaced} replaced"] if replaced else []
    if held:
        parts.append(f"{held} held")
    return f"{len(marks)} to review ({', '.join(parts)})"


def next_marked_row(marks: Sequence[ReviewMark], row: int, forward: bool = True) -> int:
    """The next (or previous) row after `row` that holds a mark, wrapping; -1 when none."""
    rows = sorted({m.index for m in marks})
    if not rows:
        return -1
    if forward:
        return next((r for r in rows if r > row), rows[0])
    return next((r for r in reversed(rows) if r < row), rows[-1])
