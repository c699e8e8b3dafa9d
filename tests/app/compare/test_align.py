"""Alignment of segment keys: anchors, the gap alignment, moves, huge gaps."""

import numpy as np
import pytest

from app.compare import align as align_mod
from app.compare.align import _longest_increasing, align, global_alignment


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ([], []),
        ([(0, 2), (1, 0), (2, 1), (3, 3)], [(1, 0), (2, 1), (3, 3)]),
        ([(0, 0), (1, 1), (2, 2)], [(0, 0), (1, 1), (2, 2)]),
        ([(0, 3), (1, 2), (2, 1), (3, 0)], [(3, 0)]),
    ],
)
def test_longest_increasing(pairs, expected):
    assert _longest_increasing(pairs) == expected


def test_global_alignment_keeps_order_and_maximises_similarity():
    scores = np.array([
        [90, 10, 10],
        [95, 88, 10],  # greedy would take 95 and lose the pair above it
        [10, 10, 99],
    ], dtype=np.float32)
    assert global_alignment(scores, 60) == [(0, 0), (1, 1), (2, 2)]
    # a crossing pair cannot be taken: order is respected
    crossing = np.array([[10, 95], [90, 10]], dtype=np.float32)
    assert global_alignment(crossing, 60) == [(0, 1)]


def test_global_alignment_ignores_pairs_under_the_threshold():
    scores = np.array([[59, 59], [59, 59]], dtype=np.float32)
    assert global_alignment(scores, 60) == []
    assert global_alignment(np.zeros((0, 3), dtype=np.float32), 60) == []


WORDS = ["Stressing", "the", "primary", "role", "of", "the", "Government", "in", "providing", "protection", "and", "relief"]


def key(n: int) -> str:
    """A distinct, sentence-like key: word n spelled out in a fixed phrase."""
    return f"Calling upon the parties, number {n}, to " + " ".join(WORDS[n % len(WORDS):])


def test_identical_keys_anchor_and_a_swapped_segment_moves():
    left = [key(i) for i in range(8)]
    right = left[:2] + [left[5]] + left[2:5] + left[6:]
    result = align(left, right)
    assert result.moves == [(5, 2)]
    assert result.pairs == [(0, 0), (1, 1), (2, 3), (3, 4), (4, 5), (6, 6), (7, 7)]


def test_edited_segments_pair_inside_gaps():
    left = [key(i) for i in range(6)]
    right = list(left)
    right[2] = left[2].replace("Calling upon", "Calling on")
    right[3] = left[3] + " and further urging them to act"
    result = align(left, right)
    assert result.pairs == [(i, i) for i in range(6)] and result.moves == []


def test_a_huge_gap_is_cut_along_the_diagonal(monkeypatch):
    """Memory stays bounded: the gap is aligned in pieces and still pairs edited segments."""
    monkeypatch.setattr(align_mod, "MAX_GAP_CELLS", 64)
    left = [key(i) for i in range(40)]
    right = [k.replace("number", "no.") for k in left]
    result = align(left, right)
    assert result.pairs == [(i, i) for i in range(40)]
