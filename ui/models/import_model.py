"""The import summary: one row per file given, saying what became of it and why."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.model import ImportResult
from ui.wording import count

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("File", "Outcome", "Details")


def outcome(result: ImportResult) -> str:
    if result.error:
        return "failed"
    if result.duplicate_of is not None:
        return "duplicate"
    return "imported"


def details(result: ImportResult) -> str:
    if result.error:
        return result.error
    doc = result.document
    if result.duplicate_of is not None:
        return f"already in the library as document {result.duplicate_of}" + (
            f" ({doc.situation or doc.title})" if doc else ""
        )
    what = f"document {doc.id}: {doc.situation or doc.title}, {count(len(doc.segments), 'segment')}" if doc else ""
    if result.warnings:
        what += f" ({count(len(result.warnings), 'warning')}: {result.warnings[0]})"
    return what


class ImportResultsModel(QAbstractTableModel):
    def __init__(self, results: list[ImportResult], parent=None) -> None:
        super().__init__(parent)
        self.results = list(results)

    def counts(self) -> dict[str, int]:
        out = {"imported": 0, "duplicate": 0, "failed": 0}
        for r in self.results:
            out[outcome(r)] += 1
        return out

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.results)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.results):
            return None
        r = self.results[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (Path(r.file).name, outcome(r), details(r))[index.column()]
        return None
