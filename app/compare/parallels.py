"""Parallel blocks: runs of a document that mirror another run of the same document.

Conclusions often say the same thing twice to different addressees: the public statement
to the Government, 5(n)..5(v), runs in parallel with the letter to the Government,
7(a)..7(i). Such a block shows as a diagonal of high similarity in the document's
self-similarity matrix (of which only pairs sharing words are scored); each diagonal run
of at least three pairs is a seed, and seeds a segment or two apart (an extra subparagraph
on one side, one heavily edited pair) are joined. Each block is then compared like any two passages, so its divergences are rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from app.compare import similarity
from app.compare.engine import compare_segments
from app.compare.model import CompareOptions, Comparison, Row, RowOp
from app.compare.normalize import segment_key
from app.model import Segment

MIN_RUN = 3
MAX_JOIN_GAP = 2  # segments skipped on either side when joining two seeds
_CANDIDATES = 12  # segments scored against each one: those sharing the most word pairs with it
_POSTINGS = 32  # a word pair in more segments than this is too common to look up
_SCORED_AT_ONCE = 100_000  # candidate pairs scored in one call


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
    blocks = _blocks(_runs(similar_pairs(keys, threshold)), min_run)
    out = []
    for ls, le, rs, re_ in blocks:
        left, right = segments[ls:le], segments[rs:re_]
        cmp = compare_segments(left, right, options, _span(left), _span(right), _span(left), _span(right))
        out.append(Parallel(ls, le, rs, re_, cmp))
    return out


def similar_pairs(keys: Sequence[str], threshold: float) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, of keys at least `threshold` similar, in time linear in their number.

    Scoring every pair is quadratic (5,000 segments took a minute). Two segments that are
    70% the same share consecutive words, so each is scored only against the segments
    sharing the most word pairs with it (`_CANDIDATES` of them). A word pair found in more
    than `_POSTINGS` segments ("of the", "Working Group") tells nothing about which ones
    mirror each other and is not counted; identical keys are paired directly. Empty keys
    mirror nothing.
    """
    n = len(keys)
    word_ids: dict[str, int] = {}
    words: list[int] = []
    holders: list[int] = []
    same: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        split = key.split()
        if split:
            same[key].append(i)
            words += [word_ids.setdefault(w, len(word_ids)) for w in split]
            holders += [i] * len(split)
    pairs: set[tuple[int, int]] = set()
    for group in same.values():
        for a, i in enumerate(group):
            pairs.update((i, j) for j in group[a + 1 : a + 1 + _CANDIDATES])
    segments, grams = _word_pairs(np.array(words, dtype=np.int64), np.array(holders, dtype=np.int64),
                                  len(word_ids) + 1)
    lefts, rights = _candidates(segments, grams, n)
    for start in range(0, len(lefts), _SCORED_AT_ONCE):
        ls, rs = lefts[start : start + _SCORED_AT_ONCE], rights[start : start + _SCORED_AT_ONCE]
        scores = process.cpdist([keys[i] for i in ls], [keys[j] for j in rs], scorer=fuzz.ratio,
                                score_cutoff=threshold, dtype=np.float32, workers=-1)
        pairs.update((i, j) for i, j, score in zip(ls, rs, scores.tolist(), strict=True)
                     if score >= threshold)
    return sorted(pairs)


def _word_pairs(words: np.ndarray, holders: np.ndarray, vocabulary: int) -> tuple[np.ndarray, np.ndarray]:
    """(segment, word pair) once for each pair of consecutive words a segment holds.

    `words[k]` is the id of the k-th word of the document, in segment `holders[k]`. A
    segment of one word holds that word alone, numbered apart from the pairs.
    """
    inside = holders[1:] == holders[:-1]
    codes = np.concatenate([words[:-1][inside] * vocabulary + words[1:][inside],
                            vocabulary * vocabulary + words])
    owners = np.concatenate([holders[:-1][inside], holders])
    alone = np.bincount(holders, minlength=int(holders.max(initial=0)) + 1) == 1
    single = np.concatenate([np.ones(int(inside.sum()), dtype=bool), alone[holders]])
    codes, owners = codes[single], owners[single]
    span = vocabulary * vocabulary + vocabulary
    unique = _unique(owners * span + codes)
    _, grams = np.unique(unique % span, return_inverse=True)
    return unique // span, grams.astype(np.int64)


def _unique(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted (numpy 2.4's `np.unique` takes seconds on millions)."""
    ordered = np.sort(values)
    return ordered[np.r_[True, ordered[1:] != ordered[:-1]]] if len(ordered) else ordered


def _candidates(segments: np.ndarray, grams: np.ndarray, n: int) -> tuple[list[int], list[int]]:
    """For each segment i, the segments j > i sharing the most word pairs with it.

    `segments[k]` holds word pair `grams[k]`. Every two segments holding a pair no more
    common than `_POSTINGS` are counted once per pair they share; each segment keeps its
    `_CANDIDATES` best, the most shared first, then in document order.
    """
    if not len(grams):
        return [], []
    order = np.lexsort((segments, grams))
    segments, grams = segments[order], grams[order]
    keep = np.bincount(grams)[grams] <= _POSTINGS
    segments, grams = segments[keep], grams[keep]
    if not len(grams):
        return [], []
    starts = np.flatnonzero(np.r_[True, grams[1:] != grams[:-1]])
    sizes = np.diff(np.r_[starts, len(grams)])
    position = np.arange(len(grams))
    later = np.repeat(starts + sizes, sizes) - position - 1  # holders after this one
    first = np.repeat(position, later)
    offsets = np.repeat(np.cumsum(later) - later, later)
    second = first + 1 + (np.arange(len(first)) - offsets)
    codes, shared = np.unique(segments[first] * n + segments[second], return_counts=True)
    left, right = codes // n, codes % n
    order = np.lexsort((right, -shared, left))
    left, right = left[order], right[order]
    group = np.flatnonzero(np.r_[True, left[1:] != left[:-1]])
    rank = np.arange(len(left)) - np.repeat(group, np.diff(np.r_[group, len(left)]))
    best = rank < _CANDIDATES
    return left[best].tolist(), right[best].tolist()


def _runs(pairs: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """Diagonal runs of similar pairs, cut so that a run's two sides do not overlap.

    Pairs (i, i + d), (i + 1, i + 1 + d), ... make one run on diagonal d.
    """
    by_diagonal: dict[int, list[int]] = defaultdict(list)
    for i, j in pairs:
        by_diagonal[j - i].append(i)
    runs = []
    for d, starts in by_diagonal.items():
        starts.sort()
        k = 0
        while k < len(starts):
            start = end = starts[k]
            while k + 1 < len(starts) and starts[k + 1] == end + 1:
                k += 1
                end += 1
            k += 1
            length = min(end + 1 - start, d)  # the left run must end before the right one starts
            runs.append((start, start + length, start + d, start + d + length))
    return sorted(runs)


def _blocks(runs: list[tuple[int, int, int, int]], min_run: int) -> list[tuple[int, int, int, int]]:
    """Seeds (runs of at least `min_run` pairs), grown by the runs that continue them.

    A run continues a block when it starts (or ends) at most MAX_JOIN_GAP segments after
    (or before) it on both sides: an extra subparagraph on one side, or one pair edited
    beyond the threshold, does not split a block. Runs are found by where they start and
    end, so growing costs a few look-ups per run rather than a pass over all of them.
    """
    blocks = [list(r) for r in runs if r[1] - r[0] >= min_run]
    rest = [r for r in runs if r[1] - r[0] < min_run]
    by_start: dict[tuple[int, int], list[int]] = defaultdict(list)
    by_end: dict[tuple[int, int], list[int]] = defaultdict(list)
    for n, r in enumerate(rest):
        by_start[(r[0], r[2])].append(n)
        by_end[(r[1], r[3])].append(n)
    used = [False] * len(rest)

    def absorb(b: list[int]) -> bool:
        grew = False
        while True:
            n = _next_run(b, rest, used, by_start, by_end)
            if n is None:
                return grew
            r = rest[n]
            used[n] = grew = True
            b[:] = [min(b[0], r[0]), max(b[1], r[1]), min(b[2], r[2]), max(b[3], r[3])]

    grown = True
    while grown:
        grown = False
        for b in blocks:
            grown = absorb(b) or grown
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


def _next_run(
    b: list[int], rest: list[tuple[int, int, int, int]], used: list[bool],
    by_start: dict[tuple[int, int], list[int]], by_end: dict[tuple[int, int], list[int]],
) -> int | None:
    """An unused short run continuing block `b` forwards or backwards, the first in order."""
    found = []
    for g1 in range(MAX_JOIN_GAP + 1):
        for g2 in range(MAX_JOIN_GAP + 1):
            found += [n for n in by_start.get((b[1] + g1, b[3] + g2), ()) if not used[n]
                      and _continues(b, rest[n])]
            found += [n for n in by_end.get((b[0] - g1, b[2] - g2), ()) if not used[n]
                      and _continues(list(rest[n]), tuple(b))]
    return min(found) if found else None


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
