"""Find text in a comparison (Ctrl+F): either side, next and previous, "3 of 12".

A match is a row and a side; matches are counted per side, so a phrase kept on both sides
of a pair counts twice (once in each text), as a drafter reading both columns sees it.
Only the rows shown are searched: with "Changes only" on, an unchanged paragraph is not
found, which the count makes plain.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from app.compare.model import Row
from app.wording import count
from ui.models.comparison_model import ComparisonModel


def find_matches(model: ComparisonModel, query: str) -> list[tuple[int, str, int]]:
    """(view row, "left"/"right", occurrences) for each side of a shown row holding `query`,
    ignoring case; top to bottom, left before right."""
    needle = query.casefold().strip()
    if not needle:
        return []
    out: list[tuple[int, str, int]] = []
    for r in range(model.rowCount()):
        row: Row = model.row_at(r)
        for side, segs in (("left", row.left_segments), ("right", row.right_segments)):
            n = sum(s.text.casefold().count(needle) for s in segs)
            if n:
                out.append((r, side, n))
    return out


class ComparisonFindBar(QWidget):
    """The find bar under a comparison's toolbar; `row_found` gives the view row to show."""

    row_found = Signal(int)
    query_changed = Signal(str)  # what to highlight ("" when the bar closes)

    def __init__(self, model: ComparisonModel, current_row: Callable[[], int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.current_row = current_row
        self.matches: list[tuple[int, str, int]] = []
        self.at = -1
        self.setAccessibleName("Find in comparison")
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("Find in both sides")
        self.edit.setAccessibleName("Text to find in the comparison")
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self._search)
        self.edit.returnPressed.connect(self.find_next)
        self.count = QLabel()
        self.count.setAccessibleName("Matches")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 0, 8, 0)
        row.addWidget(QLabel("Find:"))
        row.addWidget(self.edit, 1)
        for text, slot, key in (("Previous", self.find_previous, "Shift+Return"), ("Next", self.find_next, "")):
            button = QToolButton()
            button.setText(text)
            button.setAccessibleName(f"{text} match")
            button.clicked.connect(slot)
            row.addWidget(button)
            if key:
                back = QAction(self)
                back.setShortcut(QKeySequence(key))
                back.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                back.triggered.connect(slot)
                self.edit.addAction(back)
        row.addWidget(self.count)
        close = QToolButton()
        close.setText("✕")
        close.setAccessibleName("Close find")
        close.setToolTip("Close find (Esc)")
        close.clicked.connect(self.close_bar)
        row.addWidget(close)
        escape = QAction(self)
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.triggered.connect(self.close_bar)
        self.addAction(escape)
        model.modelReset.connect(self._refresh)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()
        if self.edit.text():
            self._search(self.edit.text())

    def close_bar(self) -> None:
        self.hide()
        self.query_changed.emit("")
        if isinstance(p := self.parentWidget(), QWidget):
            p.setFocus()

    def total(self) -> int:
        return sum(n for _, _, n in self.matches)

    def _refresh(self) -> None:
        """The rows shown changed (a filter, a new comparison): count again, stay put."""
        if self.isVisible() and self.edit.text():
            self.matches = find_matches(self.model, self.edit.text())
            self.at = -1
            self._show_count()

    def _search(self, text: str) -> None:
        self.matches = find_matches(self.model, text)
        self.query_changed.emit(text.strip())
        self.at = -1
        if self.matches:
            here = max(self.current_row(), 0)
            self._go(next((i for i, m in enumerate(self.matches) if m[0] >= here), 0))
        self._show_count()

    def _go(self, i: int) -> None:
        self.at = i
        self.row_found.emit(self.matches[i][0])
        self._show_count()

    def find_next(self) -> None:
        if not self.isVisible():
            self.open_bar()
        if self.matches:
            self._go((self.at + 1) % len(self.matches))

    def find_previous(self) -> None:
        if not self.isVisible():
            self.open_bar()
        if self.matches:
            self._go((self.at - 1) % len(self.matches) if self.at >= 0 else len(self.matches) - 1)

    def _show_count(self) -> None:
        if not self.edit.text().strip():
            self.count.setText("")
        elif not self.matches:
            self.count.setText("not found")
        else:
            rows = len({r for r, _, _ in self.matches})
            where = ""
            if self.at >= 0:
                r, side, _ = self.matches[self.at]
                where = f"{self.at + 1} of {len(self.matches)} · {side} · "
            self.count.setText(f"{where}{self.total()} in {count(rows, 'row')}")
