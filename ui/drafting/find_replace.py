"""Find (Ctrl+F) and Find and Replace (Ctrl+H) in a draft: a bar above the rows.

The bar only asks and shows; the matching is `app.drafts.find` and the edits are the
editor's, so Replace All is one undoable step whatever the number of rows it touches.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QWidget,
)

from app.drafts.find import Match, find_all, replace_all
from app.model import Kind, Segment
from app.wording import count
from ui.drafting.delegate import SegmentTextEdit
from ui.drafting.model import DraftModel
from ui.views.textpaint import filter_field


class FindTarget(Protocol):
    """What the finder needs of the draft editor (its rows and its undoable edits)."""

    @property
    def model(self) -> DraftModel: ...

    @property
    def view(self) -> QWidget: ...

    @property
    def segments(self) -> tuple[Segment, ...]: ...

    def current_row(self) -> int: ...

    def set_current_row(self, row: int) -> None: ...

    def replace_row_text(self, row: int, text: str, label: str) -> bool: ...

    def replace_rows(self, rows: tuple[Segment, ...], label: str) -> bool: ...

    def show_status(self, text: str, ms: int = 6000) -> None: ...


def _button(text: str, name: str) -> QToolButton:
    b = QToolButton()
    b.setText(text)
    b.setAccessibleName(name)
    return b


class FindReplaceBar(QWidget):
    """Find field, options, "n of m"; with `show_replace`, the replacement and its buttons."""

    changed = Signal()  # the text to find or an option changed
    next_requested = Signal()
    previous_requested = Signal()
    replace_requested = Signal()
    replace_all_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Find and replace")
        self.find_field = filter_field("Find in draft", "Find in draft")
        self.replacement = QLineEdit()
        self.replacement.setPlaceholderText("Replace with")
        self.replacement.setAccessibleName("Replace with")
        self.replacement.setClearButtonEnabled(True)
        self.whole_words = QCheckBox("&Whole words")
        self.match_case = QCheckBox("Match &case")
        self.match_case.setToolTip("Unchecked, a replacement keeps the case of what it replaces (MALI → CHAD)")
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName("Find results")
        self.prev_button = _button("Previous", "Previous match")
        self.next_button = _button("Next", "Next match")
        self.replace_button = _button("Replace", "Replace this match")
        self.replace_all_button = _button("Replace All", "Replace every match")
        self.close_button = _button("Close", "Close find")
        self.replace_label = QLabel("Replace:")
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 2, 6, 2)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        grid.addWidget(QLabel("Find:"), 0, 0)
        grid.addWidget(self.find_field, 0, 1)
        grid.addWidget(self.status, 0, 2)
        grid.addWidget(self.prev_button, 0, 3)
        grid.addWidget(self.next_button, 0, 4)
        grid.addWidget(self.whole_words, 0, 5)
        grid.addWidget(self.match_case, 0, 6)
        grid.addWidget(self.close_button, 0, 7)
        grid.addWidget(self.replace_label, 1, 0)
        grid.addWidget(self.replacement, 1, 1)
        grid.addWidget(self.replace_button, 1, 3)
        grid.addWidget(self.replace_all_button, 1, 4, 1, 2)
        grid.setColumnStretch(1, 1)

        self.find_field.textChanged.connect(lambda _: self.changed.emit())
        self.whole_words.toggled.connect(lambda _: self.changed.emit())
        self.match_case.toggled.connect(lambda _: self.changed.emit())
        self.find_field.returnPressed.connect(self.next_requested)
        self.replacement.returnPressed.connect(self.replace_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.prev_button.clicked.connect(self.previous_requested)
        self.replace_button.clicked.connect(self.replace_requested)
        self.replace_all_button.clicked.connect(self.replace_all_requested)
        self.close_button.clicked.connect(self.close_bar)
        close = QAction("Close find", self)
        close.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        close.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        close.triggered.connect(self.close_bar)
        self.addAction(close)
        self.set_replacing(False)
        self.hide()

    @property
    def needle(self) -> str:
        return self.find_field.text()

    def set_replacing(self, on: bool) -> None:
        for w in (self.replace_label, self.replacement, self.replace_button, self.replace_all_button):
            w.setVisible(on)

    @property
    def replacing(self) -> bool:
        return not self.replacement.isHidden()

    def open_bar(self, replace: bool, needle: str = "") -> None:
        """Show the bar (with the replace row for Ctrl+H), the text to find selected."""
        self.set_replacing(replace)
        self.show()
        if needle:
            self.find_field.setText(needle)
        target = self.replacement if replace and self.find_field.text() else self.find_field
        target.setFocus()
        target.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def show_count(self, current: int, total: int) -> None:
        """ "3 of 12", "no match"; Replace All says how many it would replace."""
        if not self.needle:
            self.status.setText("")
        elif total == 0:
            self.status.setText("no match")
        else:
            self.status.setText(f"{current + 1} of {total}" if current >= 0 else f"{total} found")
        self.replace_all_button.setText(f"Replace All ({total})" if total else "Replace All")
        self.replace_all_button.setEnabled(total > 0)
        self.replace_button.setEnabled(total > 0)


class DraftFinder(QObject):
    """Keeps the matches of the bar's text in the editor's rows, and replaces them.

    `editor` is the `DraftEditor` (segments, model, current row, undoable edits).
    """

    def __init__(self, editor: FindTarget, bar: FindReplaceBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.bar = bar
        self.matches: list[Match] = []
        self.current = -1
        bar.changed.connect(self.refresh)
        bar.next_requested.connect(self.find_next)
        bar.previous_requested.connect(self.find_previous)
        bar.replace_requested.connect(self.replace_one)
        bar.replace_all_requested.connect(self.replace_all)
        bar.closed.connect(self._closed)

    def _options(self) -> dict[str, bool]:
        return {"whole_words": self.bar.whole_words.isChecked(), "match_case": self.bar.match_case.isChecked()}

    def refresh(self) -> int:
        """Find again in the rows as they are now; keeps the current match where it can."""
        if self.bar.isHidden():
            self._show([])
            return 0
        before = self.matches[self.current] if 0 <= self.current < len(self.matches) else None
        found = find_all(self.editor.segments, self.bar.needle, **self._options())
        self.current = -1
        if found:
            row = self.editor.current_row()
            start = (before.index, before.start) if before else (max(row, 0), -1)
            self.current = next((i for i, m in enumerate(found) if (m.index, m.start) >= start), 0)
        self._show(found)
        return len(found)

    def _show(self, found: list[Match]) -> None:
        self.matches = found
        rows: dict[int, list[tuple[int, int, str]]] = {}
        for i, m in enumerate(found):
            rows.setdefault(m.index, []).append((m.start, m.end, "current" if i == self.current else "find"))
        self.editor.model.set_found(rows)
        self.bar.show_count(self.current, len(found))

    def _go(self, step: int) -> None:
        if not self.matches:
            self.refresh()
        if not self.matches:
            return
        self.current = (self.current + step) % len(self.matches) if self.current >= 0 else 0
        self._show(self.matches)
        self.editor.set_current_row(self.matches[self.current].index)

    def find_next(self) -> None:
        self._go(1)

    def find_previous(self) -> None:
        self._go(-1)

    def replace_one(self) -> bool:
        """Replace the current match (the case kept) and go on to the next."""
        if not 0 <= self.current < len(self.matches):
            self._go(1)
            return False
        m = self.matches[self.current]
        text = self.editor.segments[m.index].text
        # The match alone, replaced by the core so that its case is kept as in Replace All.
        piece, _ = replace_all((Segment(Kind.TEXT, text[m.start:m.end]),), text[m.start:m.end],
                               self.bar.replacement.text(), match_case=self.bar.match_case.isChecked())
        new = text[:m.start] + piece[0].text + text[m.end:]
        self.editor.replace_row_text(m.index, new, f"Replace “{self.bar.needle}”")
        self.refresh()
        if self.matches:
            self.editor.set_current_row(self.matches[self.current].index)
        return True

    def replace_all(self) -> int:
        """Every match replaced in one undoable step; returns how many."""
        needle, new = self.bar.needle, self.bar.replacement.text()
        rows, n = replace_all(self.editor.segments, needle, new, **self._options())
        if n:
            self.editor.replace_rows(rows, f"Replace all “{needle}” ({n})")
            self.editor.show_status(f"Replaced {count(n, 'occurrence')} of “{needle}” with “{new}”.")
        self.refresh()
        return n

    def _closed(self) -> None:
        self._show([])
        self.editor.view.setFocus()


class FindInDraft:
    """Ctrl+F, Ctrl+H, F3 and Shift+F3 of the draft editor (mixed into `DraftEditor`)."""

    find_bar: FindReplaceBar
    finder: DraftFinder
    view: QTableView

    def _selected_word(self) -> str:
        """The word or words selected in the row being typed in, to find them."""
        editor = self.view.focusWidget() if self.view.state() == QAbstractItemView.State.EditingState else None
        if isinstance(editor, SegmentTextEdit):
            picked = editor.textCursor().selectedText()
            return picked if picked and "\u2029" not in picked else ""
        return ""

    def open_find(self) -> None:
        self.find_bar.open_bar(False, self._selected_word())
        self.finder.refresh()

    def open_replace(self) -> None:
        self.find_bar.open_bar(True, self._selected_word())
        self.finder.refresh()

    def find_next(self) -> None:
        """F3: the next match, the bar opened if it was closed."""
        if self.find_bar.isHidden():
            self.open_find()
        self.finder.find_next()

    def find_previous(self) -> None:
        if self.find_bar.isHidden():
            self.open_find()
        self.finder.find_previous()
