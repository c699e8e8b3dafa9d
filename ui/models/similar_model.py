"""Similar language found for a passage: where it is, how similar, the text."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.services.search import Precedent
from ui.models import DOC_ID_ROLE, LABEL_ROLE, POSITION_ROLE
from ui.models.provenance_model import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("For", "Found in", "Similarity", "Text")


@dataclass(frozen=True)
class SimilarRow:
    source_label: str  # the selected paragraph the language was looked up for
    scope: str  # "this document" or "library"
    hit: Precedent


class SimilarModel(QAbstractTableModel):
    def __init__(self, rows: list[SimilarRow] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.rows = list(rows or [])

    def set_rows(self, rows: list[SimilarRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

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
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            where = r.hit.source() if r.scope == "library" else f"{r.hit.label} (this document)"
            value = (r.source_label, where, f"{r.hit.similarity:.0f}%", r.hit.text)[index.column()]
            # Qt reads a tooltip that looks like markup as rich text: escape document text.
            return plain_tooltip(value) if role == Qt.ItemDataRole.ToolTipRole else value
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == DOC_ID_ROLE:
            return r.hit.document_id
        if role == POSITION_ROLE:
            return r.hit.position
        if role == LABEL_ROLE:
            return r.hit.label
        return None
