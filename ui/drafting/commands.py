"""Undo commands: one per user intent, each a before/after pair of immutable segment tuples."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

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
