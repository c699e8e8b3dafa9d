"""Clause history as a table: every version of a clause by meeting date, each with what changed."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from app.services.search import HistoryEntry
from ui.models import DOC_ID_ROLE, LABEL_ROLE, POSITION_ROLE, SPANS_ROLE, USER
from ui.models.provenance_model import plain_tooltip
from ui.views.textpaint import inline_changes

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Meeting", "Conclusions", "Label", "Like the clause", "Follows", "Changes from the version it follows")
DATE_COL, DOCUMENT_COL, LABEL_COL, SIMILARITY_COL, FOLLOWS_COL, TEXT_COL = range(len(COLUMNS))
ENTRY_ROLE = USER + 22  # HistoryEntry
CURRENT_ROLE = USER + 23  # bool: the clause the history was asked for


class ClauseHistoryModel(QAbstractTableModel):
    """One row per `HistoryEntry`, oldest first; the text shows the changes against its `previous`."""

    def __init__(self, entries: list[HistoryEntry] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.entries: list[HistoryEntry] = []
        self._texts: list[tuple[str, tuple[tuple[int, int, str], ...]]] = []
        self.set_entries(entries or [])

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self._texts = [inline_changes(e.edits) if e.previous is not None else (e.source.text, ())
                       for e in self.entries]
        self.endResetModel()

    def where(self, entry: HistoryEntry) -> str:
        s = entry.source
        return s.situation or s.document_title

    def follows(self, row: int) -> str:
        """What the row is compared with: "follows Mali 2020 5(h), unchanged"."""
        e = self.entries[row]
        if e.previous is None:
            return "earliest version"
        before = self.entries[e.previous].source.cite()
        return f"follows {before}, {'changed' if e.changed else 'unchanged'}"

    def previous_name(self, row: int) -> str:
        """The version a row is compared with, and "unchanged" when it repeats it word for word."""
        e = self.entries[row]
        if e.previous is None:
            return "earliest"
        before = self.entries[e.previous].source
        same = self.entries[e.previous].source.document_id == e.source.document_id
        name = (before.label or before.kind) if same else before.cite()
        return name if e.changed else f"{name}\nunchanged"

    def describe(self, row: int) -> str:
        e = self.entries[row]
        mark = " (this clause)" if e.current else ""
        return f"{e.source.cite()}{mark}: {e.source.similarity:.0f}% like the clause; {self.follows(row)}"

    # --- Qt model interface ---------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        e = self.entries[index.row()]
        s, col = e.source, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            label = s.label or s.kind
            return (s.meeting_date or "undated", self.where(e), label, f"{s.similarity:.0f}%",
                    self.previous_name(index.row()), self._texts[index.row()][0])[col]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.describe(index.row()) if col != TEXT_COL else s.text
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == DOCUMENT_COL:
                return plain_tooltip(s.document_title)
            return plain_tooltip(self.describe(index.row()))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = Qt.AlignmentFlag.AlignRight if col == SIMILARITY_COL else Qt.AlignmentFlag.AlignLeft
            return int(align | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.FontRole and e.current and col != TEXT_COL:
            f = QFont()
            f.setBold(True)
            return f
        if role == SPANS_ROLE:
            return self._texts[index.row()][1] if col == TEXT_COL else ()
        if role == ENTRY_ROLE:
            return e
        if role == CURRENT_ROLE:
            return e.current
        if role == LABEL_ROLE:
            return s.label
        if role == DOC_ID_ROLE:
            return s.document_id
        if role == POSITION_ROLE:
            return s.position
        return None
