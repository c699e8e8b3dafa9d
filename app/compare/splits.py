"""Paragraphs split in two, merged into one, or re-nested: found after the alignment.

Alignment pairs one segment with one segment, so a subparagraph split in two used to show as
one modified pair plus an inserted row (or, split in three, a deletion and three
insertions). Here, after alignment, each segment left unpaired or paired with changes is
tried against runs of consecutive unpaired segments on the other side, in the place the
alignment leaves for it (between the pairs before and after it): a split is one left
segment close to the concatenation of two or more consecutive right segments, a merge the
reverse. "Close" is at least `STRUCTURE_THRESHOLD` similar, and clearly better than the
pair the alignment made (`GAIN`): a paragraph followed by a short new subparagraph is
still a paragraph and an insertion.

A paragraph that became a chapeau with lettered subparagraphs ("10. ... the Security
Council: to ensure ...; to ensure ..." -> 10, 10(a), 10(b)) is a split across levels;
`is_renested` tells.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from app.compare import similarity
from app.compare.align import Alignment
from app.compare.model import PART_JOIN
from app.model import Kind, Segment

STRUCTURE_THRESHOLD = 85.0
GAIN = 5.0
MAX_PARTS = 12
# The place left for a segment is searched only when it is this small; bigger gaps are
# unrelated texts, where no split is worth the quadratic search.
MAX_WINDOW = 40
# fuzz.ratio can reach the threshold only when the lengths are within this factor.
_MAX_LENGTH_FACTOR = (200 - STRUCTURE_THRESHOLD) / STRUCTURE_THRESHOLD


@dataclass(frozen=True, slots=True)
class Group:
    """Consecutive left indexes that are consecutive right indexes; one side has one index."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    score: float


def find_groups(left: Sequence[str], right: Sequence[str], alignment: Alignment) -> list[Group]:
    """Splits and merges among the keys `left` and `right` aligned as `alignment`, in order.

    Groups never overlap and keep the reading order with the pairs the alignment made
    that they do not absorb (a group absorbs the pair of its single segment, if any).
    """
    moved_left = {i for i, _ in alignment.moves}
    moved_right = {j for _, j in alignment.moves}
    candidates = _candidates(left, right, alignment.pairs, moved_left, moved_right)
    candidates += [Group(g.right, g.left, g.score) for g in _candidates(
        right, left, [(j, i) for i, j in alignment.pairs], moved_right, moved_left)]
    chosen: list[Group] = []
    for g in sorted(candidates, key=lambda g: (-g.score, g.left, g.right)):
        if all(_apart(g, other) for other in chosen):
            chosen.append(g)
    return sorted(chosen, key=lambda g: g.left)


def _apart(a: Group, b: Group) -> bool:
    """No shared index and the same order on both sides."""
    if a.left[-1] < b.left[0]:
        return a.right[-1] < b.right[0]
    if b.left[-1] < a.left[0]:
        return b.right[-1] < a.right[0]
    return False


def _candidates(
    a: Sequence[str], b: Sequence[str], pairs: list[tuple[int, int]],
    moved_a: set[int], moved_b: set[int],
) -> list[Group]:
    """The best split of each segment of `a` into consecutive segments of `b`, if any."""
    pairs = sorted(pairs)
    starts = [i for i, _ in pairs]
    partner = dict(pairs)
    paired_b = {j for _, j in pairs}
    out = []
    for i in _breakable(a, b, pairs, moved_a):
        lo, hi = _window(pairs, starts, i, len(b))
        j0 = partner.get(i)
        if hi - lo > MAX_WINDOW:
            if j0 is None:
                continue
            lo, hi = max(lo, j0 - MAX_PARTS + 1), min(hi, j0 + MAX_PARTS)
        free = [j == j0 or (j not in paired_b and j not in moved_b) for j in range(lo, hi)]
        base = similarity.ratio(a[i], b[j0]) if j0 is not None else 0.0
        best = _best_run(a[i], b, lo, free, j0, base)
        if best is not None:
            out.append(Group((i,), best[1], best[0]))
    return out


def _breakable(a: Sequence[str], b: Sequence[str], pairs: list[tuple[int, int]],
               moved: set[int]) -> list[int]:
    """Segments that may have been split: not moved, and not paired with an identical one."""
    identical = {i for i, j in pairs if a[i] == b[j]}
    return [i for i in range(len(a)) if i not in moved and i not in identical and a[i].strip()]


def _window(pairs: list[tuple[int, int]], starts: list[int], i: int, n: int) -> tuple[int, int]:
    """The right indexes [lo, hi) between the pairs before and after left index `i`
    (`starts` are the pairs' left indexes, sorted)."""
    k = bisect_left(starts, i)
    lo = pairs[k - 1][1] + 1 if k else 0
    if k < len(starts) and starts[k] == i:
        k += 1
    hi = pairs[k][1] if k < len(pairs) else n
    return lo, hi


def _best_run(key: str, b: Sequence[str], lo: int, free: list[bool], j0: int | None,
              base: float) -> tuple[float, tuple[int, ...]] | None:
    """The run of at least two free segments of `b` (containing `j0`, when paired) whose
    concatenation is most similar to `key`, if it passes the threshold and the gain."""
    shortest = len(key) / _MAX_LENGTH_FACTOR
    longest = len(key) * _MAX_LENGTH_FACTOR
    best: tuple[float, tuple[int, ...]] | None = None
    for s in range(len(free)):
        if j0 is not None and lo + s > j0:
            break
        length = -len(PART_JOIN)
        for e in range(s, min(len(free), s + MAX_PARTS)):
            if not free[e]:
                break
            length += len(b[lo + e]) + len(PART_JOIN)
            if length > longest:
                break
            if e == s or length < shortest or (j0 is not None and lo + e < j0):
                continue
            run = tuple(range(lo + s, lo + e + 1))
            score = similarity.ratio(key, PART_JOIN.join(b[j] for j in run))
            if score >= STRUCTURE_THRESHOLD and score >= base + GAIN and (best is None or score > best[0]):
                best = (score, run)
    return best


def is_renested(whole: Segment, parts: Sequence[Segment]) -> bool:
    """True when the parts are not all at the level of the whole (a chapeau and its
    subparagraphs, 10 -> 10, 10(a), 10(b)); levels come from labels, else from kinds."""
    def level(s: Segment) -> int:
        label = s.label_value
        if label is not None:
            return label.depth
        return 1 if s.kind is Kind.SUBPARAGRAPH else 0

    return len({level(s) for s in (whole, *parts)}) > 1
