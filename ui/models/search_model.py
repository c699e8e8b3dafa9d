"""Full-text search results: one row per `SearchHit`, with the matched spans."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from app.model import SearchHit
from ui.models.roles import Role

Index = QModelIndex | QPersistentModelIndex


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.hits)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        where = f"{hit.situation or hit.document_title} {hit.label}".strip()
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.text
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return f"{where}: {hit.text}"
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return where
        if role == Role.SPANS:
            return hit.spans
        if role == Role.DOC_ID:
            return hit.document_id
        if role == Role.LABEL:
            return hit.label
        if role == Role.POSITION:
            return hit.position
        if role == Role.HIT:
            return hit
        return None
