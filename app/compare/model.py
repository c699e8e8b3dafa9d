"""The result of a comparison: plain values a view only has to paint."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from app.model import Segment


class RowOp(StrEnum):
    EQUAL = "equal"
    MODIFIED = "modified"
    INSERTED = "inserted"
    DELETED = "deleted"
    MOVED = "moved"


@dataclass(frozen=True, slots=True)
class Edit:
    """One word-level piece of a pair's difference.

    `op` is "equal", "delete" or "insert"; `text` is the piece as it reads in its own text;
    `left` and `right` are half-open character ranges into the left and right texts (an
    insert has an empty left range at its position, a delete an empty right range).
    """

    op: str
    text: str
    left: tuple[int, int]
    right: tuple[int, int]


@dataclass(frozen=True, slots=True)
class CompareOptions:
    ignore_case: bool = False
    ignore_punctuation: bool = False
    ignore_whitespace: bool = True


@dataclass(frozen=True, slots=True)
class Row:
    """One aligned pair (or a lone segment) of a comparison.

    A moved segment gives two rows with op MOVED sharing `move_id`: one where it left
    (`right` is None) and one where it arrived (`left` is the old segment, so `edits` show
    any changes made on the way). `relabelled` is True when both sides exist and their
    labels differ (5(m) became 5(l)): information only, never a change by itself.
    """

    op: RowOp
    left: Segment | None
    right: Segment | None
    left_index: int | None
    right_index: int | None
    similarity: float  # 0-100
    edits: tuple[Edit, ...] = ()
    move_id: int | None = None
    relabelled: bool = False


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two passages aligned row by row; `left_ref`/`right_ref` name them (`1:5(n)..5(v)`)."""

    left_title: str
    right_title: str
    rows: tuple[Row, ...]
    options: CompareOptions = field(default_factory=CompareOptions)
    left_ref: str = ""
    right_ref: str = ""

    def summary(self) -> dict[str, int]:
        """Rows per kind, but a move counts once: its two rows (where it left, where it
        arrived) are one change to a drafter."""
        counts = {op.value: 0 for op in RowOp}
        moves: set[int] = set()
        for r in self.rows:
            if r.op is RowOp.MOVED and r.move_id is not None:
                if r.move_id in moves:
                    continue
                moves.add(r.move_id)
            counts[r.op.value] += 1
        counts["relabelled"] = sum(1 for r in self.rows if r.relabelled)
        return counts

    def change_rows(self) -> list[int]:
        """Indexes of the rows that are not equal, for previous/next change navigation."""
        return [i for i, r in enumerate(self.rows) if r.op is not RowOp.EQUAL]
