"""Parallel blocks: runs of a document that mirror another run of the same document.

Conclusions often say the same thing twice to different addressees: the public statement
to the Government, 5(n)..5(v), runs in parallel with the letter to the Government,
7(a)..7(i). Such a block shows as a diagonal of high similarity in the document's
self-similarity matrix; each diagonal run of at least three pairs is a seed, and seeds a
segment or two apart (an extra subparagraph on one side, one heavily edited pair) are
joined. Each block is then compared like any two passages, so its divergences are rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from app.compare import similarity
from app.compare.engine import compare_segments
from app.compare.model import CompareOptions, Comparison, Row, RowOp
from app.compare.normalize import segment_key
from app.model import Segment

MIN_RUN = 3
MAX_JOIN_GAP = 2  # segments skipped on either side when joining two seeds
_BLOCK_ROWS = 1000  # rows of the self-similarity matrix scored at once


@dataclass(frozen=True, slots=True)
class Parallel:
    """Two runs of one document that mirror each other: [left_start, left_end) and [right_start, right_end)."""

    left_start: int
    left_end: int
    right_start: int
    right_end: int
    comparison: Comparison

    @property
    def pairs(self) -> int:
        return sum(1 for r in self.comparison.rows if r.left is not None and r.right is not None)

    @property
    def divergences(self) -> list[Row]:
        """The rows of the block that are not identical."""
        return [r for r in self.comparison.rows if r.op is not RowOp.EQUAL]


def find_parallels(
    segments: Sequence[Segment],
    threshold: float = similarity.PARALLEL_THRESHOLD,
    min_run: int = MIN_RUN,
    options: CompareOptions | None = None,
) -> list[Parallel]:
    """Parallel blocks of `segments`, in the order of their first run."""
    options = options or CompareOptions()
    keys = [segment_key(s.text, options) for s in segments]
    similar = _similar_mask(keys, threshold)
    blocks = _blocks(_runs(similar), min_run)
    out = []
    for ls, le, rs, re_ in blocks:
        left, right = segments[ls:le], segments[rs:re_]
        cmp = compare_segments(left, right, options, _span(left), _span(right), _span(left), _span(right))
        out.append(Parallel(ls, le, rs, re_, cmp))
    return out


def _similar_mask(keys: list[str], threshold: float) -> np.ndarray:
    """n x n booleans: segment i is at least `threshold` similar to segment j (i < j)."""
    n = len(keys)
    mask = np.zeros((n, n), dtype=bool)
    for start in range(0, n, _BLOCK_ROWS):
        scores = similarity.matrix(keys[start : start + _BLOCK_ROWS], keys)
        mask[start : start + _BLOCK_ROWS] = scores >= threshold
    # Empty texts are identical to each other but mirror nothing.
    empty = np.array([not k.strip() for k in keys], dtype=bool)
    mask[empty, :] = False
    mask[:, empty] = False
    return np.triu(mask, 1)


def _runs(similar: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Diagonal runs of similar pairs, cut so that a run's two sides do not overlap."""
    n = similar.shape[0]
    runs = []
    for d in range(1, n):
        diag = similar.diagonal(d)
        if not diag.any():
            continue
        k = 0
        while k < len(diag):
            if not diag[k]:
                k += 1
                continue
            start = k
            while k < len(diag) and diag[k]:
                k += 1
            length = min(k - start, d)  # the left run must end before the right one starts
            runs.append((start, start + length, start + d, start + d + length))
    return sorted(runs)


def _blocks(runs: list[tuple[int, int, int, int]], min_run: int) -> list[tuple[int, int, int, int]]:
    """Seeds (runs of at least `min_run` pairs), grown by the runs that continue them.

    A run continues a block when it starts (or ends) at most MAX_JOIN_GAP segments after
    (or before) it on both sides: an extra subparagraph on one side, or one pair edited
    beyond the threshold, does not split a block.
    """
    blocks = [list(r) for r in runs if r[1] - r[0] >= min_run]
    rest = [r for r in runs if r[1] - r[0] < min_run]
    grown = True
    while grown:
        grown = False
        for b in blocks:
            for r in list(rest):
                if _continues(b, r) or _continues(list(r), tuple(b)):
                    b[:] = [min(b[0], r[0]), max(b[1], r[1]), min(b[2], r[2]), max(b[3], r[3])]
                    rest.remove(r)
                    grown = True
        merged: list[list[int]] = []
        for b in sorted(blocks):
            if merged and (_continues(merged[-1], tuple(b)) or merged[-1] == b):
                m = merged[-1]
                m[:] = [m[0], max(m[1], b[1]), m[2], max(m[3], b[3])]
                grown = True
            else:
                merged.append(b)
        blocks = merged
    return [(b[0], b[1], b[2], b[3]) for b in blocks]


def _continues(b: list[int], r: tuple[int, ...]) -> bool:
    """Does run `r` follow block `b` closely on both sides, keeping the two sides apart?"""
    gap_left, gap_right = r[0] - b[1], r[2] - b[3]
    return 0 <= gap_left <= MAX_JOIN_GAP and 0 <= gap_right <= MAX_JOIN_GAP and r[1] <= b[2]


def _span(segments: Sequence[Segment]) -> str:
    """'5(n)..5(v)' for a run, from its first and last labels."""
    labels = [s.label for s in segments if s.label]
    if not labels:
        return ""
    return labels[0] if len(labels) == 1 else f"{labels[0]}..{labels[-1]}"
