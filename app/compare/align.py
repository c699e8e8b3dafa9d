"""Align two sequences of segment keys by content: pairs in order, then moves.

Labels play no part: a redraft that deletes 5(l) re-letters everything after it, and those
segments must still pair with their old selves. The work is done in four passes, each on
what the previous left over, so a typical redraft costs near-linear time:

1. Anchors: identical keys, matched patience-style (keys unique on both sides, longest
   increasing run, recursing into the gaps between anchors; common prefixes and suffixes
   first). Most of a redraft is settled here by hashing.
2. Exact moves: an identical key left unpaired on both sides, in different gaps.
3. In each gap between anchors, a global alignment (dynamic programming over the
   rapidfuzz similarity matrix, order respected) pairs edited segments.
4. Edited moves: what is still unpaired on both sides, greedily by similarity.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from app.compare import similarity

# Largest gap (cells of its similarity matrix) aligned in one piece; bigger gaps, which only
# unrelated documents produce, are cut along the diagonal so memory stays bounded.
MAX_GAP_CELLS = 4_000_000


@dataclass(frozen=True, slots=True)
class _Scored:
    """A gap's similarity matrix with the indexes of its rows and columns."""

    rows: list[int]
    cols: list[int]
    scores: np.ndarray


@dataclass(slots=True)
class Alignment:
    """Index pairs in document order, and moves (left index, right index)."""

    pairs: list[tuple[int, int]] = field(default_factory=list)
    moves: list[tuple[int, int]] = field(default_factory=list)


def align(
    left: Sequence[str],
    right: Sequence[str],
    pair_threshold: float = similarity.PAIR_THRESHOLD,
    move_threshold: float = similarity.MOVE_THRESHOLD,
) -> Alignment:
    """Pair the keys of `left` with those of `right` (see the module docstring)."""
    anchors, gaps = _anchor(left, right)
    result = Alignment()
    gap_of_left: dict[int, int] = {}
    gap_of_right: dict[int, int] = {}
    for g, (l_idx, r_idx) in enumerate(gaps):
        gap_of_left.update((i, g) for i in l_idx)
        gap_of_right.update((j, g) for j in r_idx)

    moved_left, moved_right = _exact_moves(left, right, gap_of_left, gap_of_right, result)

    fuzzy: list[tuple[int, int]] = []
    scored: dict[int, _Scored] = {}  # gap -> its matrix, reused when looking for moves
    for g, (l_idx, r_idx) in enumerate(gaps):
        li = [i for i in l_idx if i not in moved_left]
        ri = [j for j in r_idx if j not in moved_right]
        if li and ri:
            fuzzy.extend(_gap_pairs(left, right, li, ri, pair_threshold, scored, g))
    result.pairs = sorted(anchors + fuzzy)

    paired_left = moved_left | {i for i, _ in fuzzy}
    paired_right = moved_right | {j for _, j in fuzzy}
    rest_left = [i for i in gap_of_left if i not in paired_left]
    rest_right = [j for j in gap_of_right if j not in paired_right]
    known = None
    gaps_left = {gap_of_left[i] for i in rest_left}
    if len(gaps_left) == 1 and gaps_left == {gap_of_right[j] for j in rest_right}:
        known = scored.get(gaps_left.pop())  # e.g. two unrelated passages: one gap, scored once
    result.moves.extend(_fuzzy_moves(left, right, rest_left, rest_right, move_threshold, known))
    result.moves.sort()
    return result


def _anchor(
    a: Sequence[str], b: Sequence[str]
) -> tuple[list[tuple[int, int]], list[tuple[list[int], list[int]]]]:
    """Identical keys paired patience-style; returns the pairs and the gaps left between them."""
    pairs: list[tuple[int, int]] = []
    gaps: list[tuple[list[int], list[int]]] = []
    stack = [(0, len(a), 0, len(b))]
    while stack:
        alo, ahi, blo, bhi = stack.pop()
        while alo < ahi and blo < bhi and a[alo] == b[blo]:
            pairs.append((alo, blo))
            alo, blo = alo + 1, blo + 1
        while alo < ahi and blo < bhi and a[ahi - 1] == b[bhi - 1]:
            ahi, bhi = ahi - 1, bhi - 1
            pairs.append((ahi, bhi))
        if alo == ahi or blo == bhi:
            if alo < ahi or blo < bhi:
                gaps.append((list(range(alo, ahi)), list(range(blo, bhi))))
            continue
        unique = _unique_common(a, b, alo, ahi, blo, bhi)
        if not unique:
            gaps.append((list(range(alo, ahi)), list(range(blo, bhi))))
            continue
        prev_a, prev_b = alo, blo
        for i, j in _longest_increasing(unique):
            stack.append((prev_a, i, prev_b, j))
            pairs.append((i, j))
            prev_a, prev_b = i + 1, j + 1
        stack.append((prev_a, ahi, prev_b, bhi))
    return pairs, gaps


def _unique_common(
    a: Sequence[str], b: Sequence[str], alo: int, ahi: int, blo: int, bhi: int
) -> list[tuple[int, int]]:
    """(i, j) for each key occurring exactly once in a[alo:ahi] and once in b[blo:bhi]."""
    seen_a: dict[str, int] = {}
    for i in range(alo, ahi):
        seen_a[a[i]] = -1 if a[i] in seen_a else i
    seen_b: dict[str, int] = {}
    for j in range(blo, bhi):
        k = b[j]
        if k in seen_a:
            seen_b[k] = -1 if k in seen_b else j
    return sorted(
        (seen_a[k], j) for k, j in seen_b.items() if j >= 0 and seen_a[k] >= 0
    )


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of `pairs` (sorted by i) whose j also increases."""
    tails: list[int] = []  # tails[k]: smallest j ending an increasing run of length k+1
    tail_at: list[int] = []  # index into pairs of that tail
    back: list[int] = [-1] * len(pairs)
    for n, (_, j) in enumerate(pairs):
        k = bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tail_at.append(n)
        else:
            tails[k] = j
            tail_at[k] = n
        back[n] = tail_at[k - 1] if k else -1
    out = []
    n = tail_at[-1] if tail_at else -1
    while n >= 0:
        out.append(pairs[n])
        n = back[n]
    return out[::-1]


def _exact_moves(
    a: Sequence[str],
    b: Sequence[str],
    gap_of_left: dict[int, int],
    gap_of_right: dict[int, int],
    result: Alignment,
) -> tuple[set[int], set[int]]:
    """Identical keys left unpaired in different gaps: the segment moved unchanged."""
    waiting: dict[str, list[int]] = defaultdict(list)
    for j in sorted(gap_of_right):
        waiting[b[j]].append(j)
    moved_left: set[int] = set()
    moved_right: set[int] = set()
    for i in sorted(gap_of_left):
        candidates = waiting.get(a[i])
        if not candidates:
            continue
        for n, j in enumerate(candidates):
            if gap_of_right[j] != gap_of_left[i]:
                del candidates[n]
                result.moves.append((i, j))
                moved_left.add(i)
                moved_right.add(j)
                break
    return moved_left, moved_right


def _gap_pairs(
    a: Sequence[str],
    b: Sequence[str],
    li: list[int],
    ri: list[int],
    threshold: float,
    scored: dict[int, _Scored] | None = None,
    gap: int = -1,
) -> list[tuple[int, int]]:
    """Order-preserving pairs in one gap maximising the total similarity above `threshold`."""
    if len(li) * len(ri) > MAX_GAP_CELLS:
        return _diagonal_pieces(a, b, li, ri, threshold)
    scores = similarity.matrix([a[i] for i in li], [b[j] for j in ri], cutoff=threshold)
    if scored is not None:
        scored[gap] = _Scored(li, ri, scores)
    return [(li[x], ri[y]) for x, y in global_alignment(scores, threshold)]


def _diagonal_pieces(
    a: Sequence[str], b: Sequence[str], li: list[int], ri: list[int], threshold: float
) -> list[tuple[int, int]]:
    """Align a huge gap as consecutive proportional pieces along its diagonal."""
    side = int(MAX_GAP_CELLS**0.5)
    pieces = max(len(li), len(ri)) // side + 1
    out: list[tuple[int, int]] = []
    for p in range(pieces):
        lp = li[p * len(li) // pieces : (p + 1) * len(li) // pieces]
        rp = ri[p * len(ri) // pieces : (p + 1) * len(ri) // pieces]
        if lp and rp:
            out.extend(_gap_pairs(a, b, lp, rp, threshold))
    return out


def global_alignment(scores: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """Needleman-Wunsch with free gaps: the increasing pairs with the largest sum of (score - threshold).

    Only pairs scoring at least `threshold` may be used. With free gaps a row of the table
    is a running maximum, so each row is three numpy operations:
    D[i][j] = max(D[i][j-1], D[i-1][j], D[i-1][j-1] + w[i][j]).
    """
    n, m = scores.shape
    if not n or not m:
        return []
    weights = np.where(scores >= threshold, scores - threshold, -np.inf).astype(np.float64)
    trace = np.zeros((n, m + 1), dtype=np.uint8)  # 0 up, 1 diagonal, 2 left
    prev = np.zeros(m + 1)
    for i in range(n):
        up = prev[1:]
        diag = prev[:-1] + weights[i]
        best = np.empty(m + 1)
        best[0] = prev[0]
        best[1:] = np.maximum(up, diag)
        row = np.maximum.accumulate(best)
        trace[i, 1:] = np.where(row[1:] > best[1:], 2, np.where(diag > up, 1, 0))
        prev = row
    out = []
    i, j = n, m
    while i > 0 and j > 0:
        step = trace[i - 1, j]
        if step == 2:
            j -= 1
        elif step == 1:
            out.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        else:
            i -= 1
    return out[::-1]


def _fuzzy_moves(
    a: Sequence[str],
    b: Sequence[str],
    li: list[int],
    ri: list[int],
    threshold: float,
    known: _Scored | None = None,
) -> list[tuple[int, int]]:
    """Greedy best-first pairing of leftovers scoring at least `threshold`.

    `known` is a matrix already scored that covers all the leftovers.
    """
    if not li or not ri:
        return []
    li, ri = sorted(li), sorted(ri)
    found: list[tuple[float, int, int]] = []
    if known is not None:
        row_at = {i: x for x, i in enumerate(known.rows)}
        col_at = {j: y for y, j in enumerate(known.cols)}
        scores = known.scores[np.ix_([row_at[i] for i in li], [col_at[j] for j in ri])]
        for x, y in zip(*np.nonzero(scores >= threshold), strict=True):
            found.append((float(scores[x, y]), li[x], ri[y]))
    else:
        block = max(1, MAX_GAP_CELLS // len(ri))
        right_keys = [b[j] for j in ri]
        for start in range(0, len(li), block):
            part = li[start : start + block]
            scores = similarity.matrix([a[i] for i in part], right_keys, cutoff=threshold)
            for x, y in zip(*np.nonzero(scores >= threshold), strict=True):
                found.append((float(scores[x, y]), part[x], ri[y]))
    found.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_left: set[int] = set()
    used_right: set[int] = set()
    out = []
    for _, i, j in found:
        if i not in used_left and j not in used_right:
            used_left.add(i)
            used_right.add(j)
            out.append((i, j))
    return out
