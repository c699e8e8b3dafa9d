"""Repeated language: groups of segments that say nearly the same thing in one document.

Example from the Mali 2020 conclusions: the deprivation-of-liberty language of 5(h) to all
parties, 5(r) to the Government and 7(e) in the letter to the Government. Two segments are
linked when `similarity.nearly_same` says so; groups are the connected sets of links.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from app.compare import similarity
from app.compare.model import CompareOptions
from app.compare.normalize import segment_key
from app.model import Segment

# Short lines ("Mister Chairman;") repeat by nature and are not drafted language.
MIN_CHARS = 40
_BLOCK_ROWS = 1000


@dataclass(frozen=True, slots=True)
class RepeatGroup:
    """Segments (by index) saying nearly the same thing, and the links found between them."""

    indexes: tuple[int, ...]
    segments: tuple[Segment, ...]
    links: tuple[tuple[int, int, float], ...]  # (index, index, similarity 0-100)

    @property
    def lowest(self) -> float:
        return min(s for _, _, s in self.links)

    @property
    def highest(self) -> float:
        return max(s for _, _, s in self.links)


def find_repeats(
    segments: Sequence[Segment],
    options: CompareOptions | None = None,
    min_chars: int = MIN_CHARS,
) -> list[RepeatGroup]:
    """Groups of nearly identical segments, ordered by their first member."""
    options = options or CompareOptions()
    keys = [segment_key(s.text, options) for s in segments]
    eligible = [i for i, k in enumerate(keys) if len(k) >= min_chars]
    ekeys = [keys[i] for i in eligible]
    links: list[tuple[int, int, float]] = []
    for start in range(0, len(ekeys), _BLOCK_ROWS):
        scores = similarity.matrix(ekeys[start : start + _BLOCK_ROWS], ekeys)
        for x, y in zip(*np.nonzero(scores >= similarity.REPEAT_RATIO), strict=True):
            a, b = start + int(x), int(y)
            if a < b and similarity.nearly_same(ekeys[a], ekeys[b]):
                links.append((eligible[a], eligible[b], round(float(scores[x, y]), 1)))

    parent = {i: i for i in eligible}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b, _ in links:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for a, _, _ in links:
        groups.setdefault(root(a), [])
    for i in eligible:
        if root(i) in groups:
            groups[root(i)].append(i)
    out = []
    for r in sorted(groups):
        members = tuple(groups[r])
        own = tuple(link for link in links if root(link[0]) == r)
        out.append(RepeatGroup(members, tuple(segments[i] for i in members), own))
    return out
