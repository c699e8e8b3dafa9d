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
    SPLIT = "split"  # one left segment became two or more consecutive right segments
    MERGED = "merged"  # two or more consecutive left segments became one right segment


# The parts of a split or merge are compared as one text, joined by this.
PART_JOIN = " "


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


class Direction(StrEnum):
    """Which way an edit moved the force of the language (see `app.compare.strength`)."""

    STRONGER = "stronger"
    WEAKER = "weaker"
    MIXED = "mixed"  # some steps up, some down
    NEITHER = "neither"


@dataclass(frozen=True, slots=True)
class StrengthStep:
    """One reason: a lead phrase moved on its ladder, a modal replaced, a modifier added or dropped.

    `kind` is "lead", "modal", "intensifier" or "hedge"; `old` and `new` are the words as
    written on each side ("Strongly condemning" / "Condemning", "all parties" / "parties"),
    one of them empty when a modifier was added or dropped without a neighbour to show.
    A lead step between ladders has direction NEITHER: reported, never counted.
    """

    direction: Direction
    kind: str
    old: str
    new: str

    def describe(self) -> str:
        if self.old and self.new:
            return f"{self.old} \u2192 {self.new}"
        if self.old:
            return f"\u201c{self.old}\u201d dropped"
        return f"\u201c{self.new}\u201d added"


@dataclass(frozen=True, slots=True)
class StrengthChange:
    """The verdict on a pair of texts and the steps that make it."""

    direction: Direction = Direction.NEITHER
    steps: tuple[StrengthStep, ...] = ()

    @property
    def changed(self) -> bool:
        """True when the language got stronger, weaker or both."""
        return self.direction is not Direction.NEITHER

    @property
    def why(self) -> str:
        """'Strongly condemning → Condemning; all parties → parties' (counted steps only)."""
        return "; ".join(s.describe() for s in self.steps if s.direction is not Direction.NEITHER)


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

    A SPLIT row holds every right segment the left one became in `right_parts` (`right`
    is the first, `right_index` its index), a MERGED row every left segment in
    `left_parts`; their `edits` compare the joined texts (`left_text`, `right_text`,
    parts joined by a space), so a change across the join ("; stressing" -> ";" and
    "Stressing") shows where it happened. `renested` marks a split or merge across levels:
    a paragraph that became a chapeau with lettered subparagraphs, or the reverse.
    `strength` says whether a pair with changed text got stronger or weaker (None when
    there is no such pair).
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
    strength: StrengthChange | None = None
    left_parts: tuple[Segment, ...] = ()
    right_parts: tuple[Segment, ...] = ()
    renested: bool = False

    @property
    def left_segments(self) -> tuple[Segment, ...]:
        """The left segments of the row: the parts of a merge, else the left one (or none)."""
        return self.left_parts or ((self.left,) if self.left is not None else ())

    @property
    def right_segments(self) -> tuple[Segment, ...]:
        return self.right_parts or ((self.right,) if self.right is not None else ())

    @property
    def left_text(self) -> str:
        """The text `edits` index on the left: the left text, or the parts joined."""
        return PART_JOIN.join(s.text for s in self.left_segments)

    @property
    def right_text(self) -> str:
        return PART_JOIN.join(s.text for s in self.right_segments)

    @property
    def left_indexes(self) -> tuple[int, ...]:
        """Indexes of the row's left segments (several for a merge)."""
        if self.left_index is None:
            return ()
        return tuple(range(self.left_index, self.left_index + len(self.left_segments)))

    @property
    def right_indexes(self) -> tuple[int, ...]:
        if self.right_index is None:
            return ()
        return tuple(range(self.right_index, self.right_index + len(self.right_segments)))


def part_spans(parts: tuple[Segment, ...]) -> list[tuple[int, int]]:
    """Where each part lies in the parts joined by `PART_JOIN`: half-open character ranges."""
    out, at = [], 0
    for s in parts:
        out.append((at, at + len(s.text)))
        at += len(s.text) + len(PART_JOIN)
    return out


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
        arrived) are one change to a drafter; then relabelled rows, and pairs whose
        language got stronger, weaker or both ("mixed")."""
        counts = {op.value: 0 for op in RowOp}
        moves: set[int] = set()
        for r in self.rows:
            if r.op is RowOp.MOVED and r.move_id is not None:
                if r.move_id in moves:
                    continue
                moves.add(r.move_id)
            counts[r.op.value] += 1
        counts["relabelled"] = sum(1 for r in self.rows if r.relabelled)
        for d in (Direction.STRONGER, Direction.WEAKER, Direction.MIXED):
            counts[d.value] = sum(1 for r in self.rows if r.strength and r.strength.direction is d)
        return counts

    def strength_rows(self) -> list[int]:
        """Indexes of the rows whose language got stronger or weaker: the strength filter."""
        return [i for i, r in enumerate(self.rows) if r.strength is not None and r.strength.changed]

    def change_rows(self) -> list[int]:
        """Indexes of the rows that are not equal, for previous/next change navigation."""
        return [i for i, r in enumerate(self.rows) if r.op is not RowOp.EQUAL]
