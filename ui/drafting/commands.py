"""Undo commands: one per user intent, each a before/after pair of immutable segment tuples."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from app import drafts as core
from app.model import Segment

Rows = tuple[Segment, ...]
Apply = Callable[[Rows, int], None]  # set the rows, then select this row


class DraftCommand(QUndoCommand):
    """A structural edit (add, delete, move, indent, replace the text...)."""

    def __init__(self, text: str, apply: Apply, before: Rows, after: Rows, row_before: int, row_after: int) -> None:
        super().__init__(text)
        self.apply, self.before, self.after = apply, before, after
        self.row_before, self.row_after = row_before, row_after

    def redo(self) -> None:
        self.apply(self.after, self.row_after)

    def undo(self) -> None:
        self.apply(self.before, self.row_before)


class EditTextCommand(DraftCommand):
    """Typing in one row; consecutive keystrokes in the same row merge into one step."""

    ID = 1

    def __init__(self, apply: Apply, before: Rows, after: Rows, row: int, mergeable: bool = True) -> None:
        super().__init__("Edit text", apply, before, after, row, row)
        self.mergeable = mergeable

    def id(self) -> int:
        return self.ID if self.mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditTextCommand) or not other.mergeable or other.row_after != self.row_after:
            return False
        self.after = other.after
        return True


def move_to(rows: Rows, index: int, before: int) -> tuple[Rows, int]:
    """Move row `index` with its block so that it lands just before row `before` (a drop).

    A drop is a run of the same one-unit steps as Alt+Up/Down, taken while each brings the
    row closer to the drop, so a dragged row obeys the same rules (5(a) dragged above 5
    becomes the last subparagraph of 4; paragraph 6 dropped among 5's subparagraphs lands
    above 5) and the labels are recomputed the same way. Returns the rows and the new index.
    """
    size = core.block_end(rows, index) - index + 1
    if index <= before <= index + size:
        return rows, index  # dropped on itself
    target = before if before < index else before - size
    for _ in range(len(rows)):
        if index > target and core.can_move_up(rows, index):
            moved, at = core.move_up(rows, index)
        elif index < target and core.can_move_down(rows, index):
            moved, at = core.move_down(rows, index)
        else:
            break
        if abs(at - target) >= abs(index - target):
            break  # the next step at this level would land further from the drop
        rows, index = moved, at
    return rows, index
