"""Similarity of segments, 0-100, with thresholds calibrated on real conclusions.

rapidfuzz's `fuzz.ratio` (normalised Indel similarity) does the work: its `cdist` scores a
whole gap of a redraft at once in C++, about a thousand times faster than
`difflib.SequenceMatcher.ratio` on this workload.

Calibration on the Mali 2020 conclusions (106 segments, 5,565 pairs): unrelated segments
score mostly 30-55 and at most 72 (a short heading against a short introductory line);
the parallel subparagraphs 5(n)..5(v) / 7(a)..7(i) score 91-100; the same
deprivation-of-liberty language in 5(h) and 5(r), which differ by a clause, scores 67.5.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process

# Two segments in the same place of two versions are one segment edited from this score up.
# In-place pairing is also guarded by order, so it can sit just above the unrelated bulk.
PAIR_THRESHOLD = 60.0
# A segment found elsewhere (a move) has no order to vouch for it: demand more.
MOVE_THRESHOLD = 75.0
# Three or more consecutive pairs this similar make a parallel block (5(n)..5(v) with
# 7(a)..7(i)); one such pair can be noise, three in a row are not.
PARALLEL_THRESHOLD = 70.0
# "Nearly the same thing": ratio above the unrelated bulk and, because one segment may add
# a clause to the other, nearly all the words of one found in the other.
REPEAT_RATIO = 60.0
REPEAT_TOKEN_SET = 85.0


def ratio(a: str, b: str) -> float:
    """Similarity of two keys, 0-100 (100: identical; two empty keys are identical)."""
    if a == b:
        return 100.0
    return float(fuzz.ratio(a, b))


# Matrices this big are scored on every core; smaller ones are not worth the threads.
_PARALLEL_CELLS = 200_000


def matrix(left: Sequence[str], right: Sequence[str], cutoff: float | None = None) -> np.ndarray:
    """All-pairs similarity as a `len(left) x len(right)` float32 array.

    With `cutoff`, scores under it come back as 0, which lets rapidfuzz stop early.
    """
    if not left or not right:
        return np.zeros((len(left), len(right)), dtype=np.float32)
    workers = -1 if len(left) * len(right) >= _PARALLEL_CELLS else 1
    return process.cdist(left, right, scorer=fuzz.ratio, dtype=np.float32, workers=workers,
                         score_cutoff=cutoff)


def nearly_same(a: str, b: str) -> bool:
    """Do two segments say nearly the same thing (the test for repeated language)?"""
    return (
        fuzz.ratio(a, b) >= REPEAT_RATIO
        and fuzz.token_set_ratio(a, b) >= REPEAT_TOKEN_SET
    )
