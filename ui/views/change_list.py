"""The list of changes beside a comparison: every change with its kind, labels and words.

It lists the changed rows the comparison shows (its filters apply), so "change 3 of 12" in
the toolbar and the third line of the list are the same change; clicking a line jumps to
it. Ticking off a kind (modified, inserted, deleted, moved) hides those changes in both.
A pair whose language got stronger or weaker says which, and why, in its kind ("changed,
weaker: must → should").
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.compare.model import Row, RowOp
from ui.models.comparison_model import KINDS, ComparisonModel
from ui.models.roles import Role
from ui.models.table import RowsTableModel

COLUMNS = ("#", "Kind", "Labels", "Words")
KIND_NAMES = {"modified": "Changed", "inserted": "Added", "deleted": "Removed", "moved": "Moved"}
WORDS_MAX = 90


def _quote(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1].rstrip() + '…'}”"


def punctuation_only(row: Row) -> bool:
    """A modified pair whose edits touch punctuation alone (12(g): ";" became ".")."""
    changed = [e.text for e in row.edits if e.op != "equal"]
    return row.op is RowOp.MODIFIED and bool(changed) and all(
        ch.isspace() or unicodedata.category(ch).startswith("P") for t in changed for ch in t)


def change_words(row: Row) -> str:
    """What changed, in words: '“without undue delay” → “promptly”; +“in line with”', or
    the start of an added or removed paragraph."""
    if row.op is RowOp.INSERTED and row.right is not None:
        return "+" + _quote(row.right_text, WORDS_MAX)
    if row.op is RowOp.DELETED and row.left is not None:
        return "−" + _quote(row.left_text, WORDS_MAX)
    pieces: list[str] = []
    edits = [e for e in row.edits if e.op != "equal"]
    i = 0
    while i < len(edits):
        e = edits[i]
        following = edits[i + 1] if i + 1 < len(edits) else None
        if e.op == "delete" and following is not None and following.op == "insert" and following.right[0] == e.right[0]:
            pieces.append(f"{_quote(e.text)} → {_quote(following.text)}")
            i += 2
            continue
        pieces.append(("+" if e.op == "insert" else "−") + _quote(e.text))
        i += 1
    text = "; ".join(pieces)
    if not text and row.op is RowOp.MOVED:
        text = _quote(row.left_text if row.right is None else row.right_text, WORDS_MAX)
    return text if len(text) <= WORDS_MAX * 2 else text[: WORDS_MAX * 2 - 1] + "…"


class ChangeListModel(RowsTableModel):
    """One line per change the comparison shows: (view row in the comparison, its row)."""

    COLUMNS = COLUMNS

    def __init__(self, comparison: ComparisonModel, parent=None) -> None:
        self.comparison = comparison
        self.partner_label = lambda row: ""  # set by the view: the label at a move's other place
        super().__init__((), parent)
        comparison.modelReset.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        rows = self.comparison.change_view_rows()
        self.set_rows([(r, self.comparison.row_at(r)) for r in rows])

    def kind(self, row: Row) -> str:
        """'changed', 'punctuation only', 'moved to 6(d)', 'added', … and a change of strength
        with its reason, 'changed, weaker: must → should' (a new label shows in the Labels
        column: "5(n) → 7(a)")."""
        if row.op is RowOp.MOVED:
            other = self.partner_label(row)
            word = ("moved to " if row.right is None else "moved from ") + (other or "elsewhere")
        elif punctuation_only(row):
            word = "punctuation only"
        else:
            word = {RowOp.MODIFIED: "changed", RowOp.INSERTED: "added", RowOp.DELETED: "removed",
                    RowOp.SPLIT: "split", RowOp.MERGED: "merged"}.get(row.op, row.op.value)
        if row.strength is not None and row.strength.changed:
            word += f", {row.strength.direction.value}: {row.strength.why}"
        return word

    @staticmethod
    def labels(row: Row) -> str:
        left = "+".join(s.label or "–" for s in row.left_segments)
        right = "+".join(s.label or "–" for s in row.right_segments)
        if left and right:
            return left if left == right else f"{left} → {right}"
        return left or right

    def view_row(self, line: int) -> int:
        return self.rows[line][0]

    def line_of(self, view_row: int) -> int:
        return next((i for i, (r, _) in enumerate(self.rows) if r == view_row), -1)

    def cell(self, row: int, column: int, role: int):
        view_row, r = self.rows[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (str(row + 1), self.kind(r), self.labels(r), change_words(r))[column]
        if role == Role.ROW:
            return r
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ChangeListPanel(QWidget):
    """The kind filters above the list of changes; `row_chosen` gives a comparison row."""

    row_chosen = Signal(int)
    kinds_changed = Signal(object)  # frozenset[str]

    def __init__(self, comparison: ComparisonModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("List of changes")
        self.model = ChangeListModel(comparison, self)
        self.boxes: dict[str, QCheckBox] = {}
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(QLabel("Show:"))
        for kind in KINDS:
            box = QCheckBox(KIND_NAMES[kind])
            box.setChecked(kind in comparison.kinds)
            box.setAccessibleName(f"Show what was {KIND_NAMES[kind].lower()}")
            box.toggled.connect(lambda _=False: self.kinds_changed.emit(self.kinds()))
            self.boxes[kind] = box
            filters.addWidget(box)
        filters.addStretch(1)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Changes")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)  # the words are what the list is for: wrapped, never cut
        header = self.table.horizontalHeader()
        for col, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Interactive,
                                    QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(col, mode)
        header.resizeSection(1, 120)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.clicked.connect(lambda index: self.row_chosen.emit(self.model.view_row(index.row())))
        self.table.activated.connect(lambda index: self.row_chosen.emit(self.model.view_row(index.row())))
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName("No changes")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 0, 0, 0)
        lay.addLayout(filters)
        lay.addWidget(self.stack, 1)
        self.model.modelReset.connect(self._show_state)
        self._show_state()

    def kinds(self) -> frozenset[str]:
        return frozenset(k for k, box in self.boxes.items() if box.isChecked())

    def _show_state(self) -> None:
        if self.model.rowCount():
            self.table.resizeRowsToContents()
            self.stack.setCurrentWidget(self.table)
            return
        cmp = self.model.comparison
        self.empty.setText("No differences" if not cmp.has_differences() and cmp.comparison.rows
                           else "No changes of the kinds shown" if cmp.comparison.rows else "")
        self.stack.setCurrentWidget(self.empty)

    def follow(self, view_row: int) -> None:
        """Select the line of the comparison's current row (none when it is not a change)."""
        line = self.model.line_of(view_row)
        sel = self.table.selectionModel()
        if line < 0:
            sel.clearSelection()
            return
        index = self.model.index(line, 0)
        sel.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
