"""Clause history as a table: every version of a clause by meeting date, each with what changed."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from app.services.search import HistoryEntry
from ui.models.inline import inline_changes
from ui.models.provenance_model import plain_tooltip
from ui.models.roles import Role
from ui.models.table import RowsTableModel

COLUMNS = ("Meeting", "Conclusions", "Label", "Like the clause", "Follows", "Changes from the version it follows")
DATE_COL, DOCUMENT_COL, LABEL_COL, SIMILARITY_COL, FOLLOWS_COL, TEXT_COL = range(len(COLUMNS))


class ClauseHistoryModel(RowsTableModel):
    """One row per `HistoryEntry`, oldest first; the text shows the changes against its `previous`."""

    COLUMNS = COLUMNS
    _texts: list[tuple[str, tuple[tuple[int, int, str], ...]]]  # shown text and change marks, per row

    @property
    def entries(self) -> Sequence[HistoryEntry]:
        return self.rows

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        self.set_rows(entries)

    def rows_changed(self) -> None:
        self._texts = [inline_changes(e.edits) if e.previous is not None else (e.source.text, ())
                       for e in self.entries]

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

    def cell(self, row: int, col: int, role: int):
        e = self.entries[row]
        s = e.source
        if role == Qt.ItemDataRole.DisplayRole:
            label = s.label or s.kind
            return (s.meeting_date or "undated", self.where(e), label, f"{s.similarity:.0f}%",
                    self.previous_name(row), self._texts[row][0])[col]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.describe(row) if col != TEXT_COL else s.text
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == DOCUMENT_COL:
                return plain_tooltip(s.document_title)
            return plain_tooltip(self.describe(row))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = Qt.AlignmentFlag.AlignRight if col == SIMILARITY_COL else Qt.AlignmentFlag.AlignLeft
            return int(align | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.FontRole and e.current and col != TEXT_COL:
            f = QFont()
            f.setBold(True)
            return f
        if role == Role.SPANS:
            return self._texts[row][1] if col == TEXT_COL else ()
        if role == Role.ENTRY:
            return e
        if role == Role.CURRENT:
            return e.current
        if role == Role.LABEL:
            return s.label
        if role == Role.DOC_ID:
            return s.document_id
        if role == Role.POSITION:
            return s.position
        return None
