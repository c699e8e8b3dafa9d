"""A split or merged row cut back into its parts, for painting and for export.

A SPLIT row's edits compare the left text with the right parts joined by a space. To show
the right side as its paragraphs, or to write each of them in a Word redline, the edits are
cut into one `Chunk` per part: on the side with parts, a chunk is exactly one part (the
joining space belongs to none); on the other side the text is cut where the joins fall,
and the text that stood at a join (the space of "conflict; stressing") ends the chunk
before it. The chunks tile both texts, so accepting and rejecting per chunk rebuild each
side exactly (the redline's promise).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.compare.inline import DELETE, EQUAL, INSERT
from app.compare.model import PART_JOIN, Edit, Row, part_spans


@dataclass(frozen=True, slots=True)
class Chunk:
    """One part of a row: its ranges in `row.left_text` and `row.right_text`, and the row's
    edits cut to it, with ranges relative to the chunk's starts."""

    left: tuple[int, int]
    right: tuple[int, int]
    edits: tuple[Edit, ...]


def chunks(row: Row) -> list[Chunk]:
    """One chunk per part of a split or merge; one chunk for any other row."""
    left, right = row.left_text, row.right_text
    if not row.left_parts and not row.right_parts:
        return [Chunk((0, len(left)), (0, len(right)), row.edits)]
    on_right = bool(row.right_parts)
    spans = part_spans(row.right_parts if on_right else row.left_parts)
    other_len = len(left) if on_right else len(right)
    cuts = [0]
    for _, end in spans[:-1]:
        cuts.append(max(cuts[-1], _other_offset(row.edits, on_right, end + len(PART_JOIN))))
    cuts.append(other_len)
    out = []
    for m, span in enumerate(spans):
        other = (cuts[m], max(cuts[m], cuts[m + 1]))
        lc, rc = (other, span) if on_right else (span, other)
        out.append(Chunk(lc, rc, tuple(_cut(row.edits, lc, rc, left, right))))
    return out


def _other_offset(edits: tuple[Edit, ...], on_right: bool, p: int) -> int:
    """Where position `p` of the side with parts falls in the other text."""
    for e in edits:
        (a, b), (c, d) = (e.right, e.left) if on_right else (e.left, e.right)
        if a <= p < b or (a == b == p and e.op != EQUAL):
            if e.op == EQUAL:
                return c + min(p - a, d - c)
            return c
    return max((e.left[1] if on_right else e.right[1]) for e in edits) if edits else 0


def _cut(edits: tuple[Edit, ...], lc: tuple[int, int], rc: tuple[int, int],
         left: str, right: str) -> list[Edit]:
    out = []
    for e in edits:
        lr, rr = _meet(e.left, lc), _meet(e.right, rc)
        if e.op == DELETE and lr is None or e.op == INSERT and rr is None:
            continue
        if e.op == EQUAL and lr is None and rr is None:
            continue
        lr = lr or _at(e.left[0], lc)
        rr = rr or _at(e.right[0], rc)
        text = right[rr[0] : rr[1]] if e.op == INSERT else left[lr[0] : lr[1]]
        out.append(Edit(e.op, text, (lr[0] - lc[0], lr[1] - lc[0]), (rr[0] - rc[0], rr[1] - rc[0])))
    return out


def _meet(r: tuple[int, int], c: tuple[int, int]) -> tuple[int, int] | None:
    """The non-empty intersection of two ranges, or None."""
    a, b = max(r[0], c[0]), min(r[1], c[1])
    return (a, b) if a < b else None


def _at(p: int, c: tuple[int, int]) -> tuple[int, int]:
    """An empty range at `p`, kept inside the chunk `c`."""
    q = min(max(p, c[0]), c[1])
    return (q, q)
