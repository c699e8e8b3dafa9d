"""Parallel blocks of a document: which run mirrors which, and how far they diverge."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from app.model import Document
from app.wording import count
from ui.models.roles import Role

Index = QModelIndex | QPersistentModelIndex


def run_name(doc: Document, start: int, end: int) -> str:
    """'5(n)..5(v)' for segments [start, end), by the labels of its first and last segments."""
    labels = [s.label for s in doc.segments[start:end] if s.label]
    if not labels:
        return f"segments {start + 1}-{end}"
    return labels[0] if len(labels) == 1 else f"{labels[0]}..{labels[-1]}"


class ParallelsModel(QAbstractListModel):
    def __init__(self, document: Document, parallels: list, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.parallels = list(parallels)

    def describe(self, p) -> str:
        left = run_name(self.document, p.left_start, p.left_end)
        right = run_name(self.document, p.right_start, p.right_end)
        n = len(p.divergences)
        return f"{left}  ↔  {right}: {count(p.pairs, 'pair')}, {n} differ{'s' if n == 1 else ''}"

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.parallels)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.parallels):
            return None
        p = self.parallels[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.describe(p)
        if role == Role.PARALLEL:
            return p
        return None
