"""The places a new draft's replace step changed or held back, shown until the drafter has
looked at each: the count to review, Next, Mark reviewed, Mark all reviewed.

`ReviewMarks` is mixed into `DraftEditor`; the rules (how marks follow their rows, what
the count says) are the plain functions of `ui.drafting.review`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTableView, QWidget

from app.model import ReviewMark
from app.wording import count
from ui.drafting.model import DraftModel
from ui.drafting.review import marks_by_row, next_marked_row, review_summary
from ui.drafting.status_strip import ReviewBar

if TYPE_CHECKING:  # the editor is the QWidget; at run time the mixin is a plain class
    _Widget = QWidget
else:
    _Widget = object


class ReviewMarks(_Widget):
    """`self.marks` shown in the rows and the review bar; changes are stored with the next save."""

    marks: tuple[ReviewMark, ...]
    _marks_saved: bool
    model: DraftModel
    review_bar: ReviewBar
    next_review_action: QAction
    mark_reviewed_action: QAction
    mark_all_action: QAction
    autosave_timer: QTimer
    edits: int
    view: QTableView
    current_row: Callable[[], int]
    set_current_row: Callable[[int], None]
    show_status: Callable[..., None]

    def _show_marks(self) -> None:
        self.model.set_marks(marks_by_row(self.marks))
        self.review_bar.show_review(review_summary(self.marks))
        has = bool(self.marks)
        for a in (self.next_review_action, self.mark_reviewed_action, self.mark_all_action):
            a.setEnabled(has)

    def _set_marks(self, marks: tuple[ReviewMark, ...]) -> None:
        if marks == self.marks:
            return
        self.marks, self._marks_saved = marks, False
        self._show_marks()
        self.edits += 1  # stored with the next save, like an edit
        if not self.autosave_timer.isActive():
            self.autosave_timer.start()

    def next_to_review(self) -> int:
        """Select the next row holding a place to review; its row, or -1 when none is left."""
        row = next_marked_row(self.marks, self.current_row())
        if row >= 0:
            self.set_current_row(row)
            self.view.setFocus()
        return row

    def mark_reviewed(self, row: int | None = None) -> int:
        """The places of `row` (the current one) have been looked at; how many were marked."""
        row = self.current_row() if row is None else row
        left = tuple(m for m in self.marks if m.index != row)
        done = len(self.marks) - len(left)
        self._set_marks(left)
        if done:
            self.show_status(f"{count(done, 'place')} marked reviewed; {count(len(left), 'place')} left to review.")
        return done

    def mark_all_reviewed(self) -> int:
        done = len(self.marks)
        self._set_marks(())
        if done:
            self.show_status(f"All {count(done, 'place')} marked reviewed.")
        return done
