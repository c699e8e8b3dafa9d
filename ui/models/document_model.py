"""The reader's model: one row per segment of a document, with find-in-document spans."""

from __future__ import annotations

import re

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from app.model import Document
from ui.models.roles import Role

Index = QModelIndex | QPersistentModelIndex


def find_spans(text: str, needle: str) -> tuple[tuple[int, int], ...]:
    """Case-insensitive, whitespace-tolerant occurrences of `needle` in `text`."""
    words = needle.split()
    if not words:
        return ()
    pattern = r"\s+".join(re.escape(w) for w in words)
    return tuple(m.span() for m in re.finditer(pattern, text, re.IGNORECASE))


class DocumentModel(QAbstractListModel):
    """The segments of one `Document`; `set_find` marks where a phrase occurs."""

    def __init__(self, document: Document, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self._spans: list[tuple[tuple[int, int], ...]] = [() for _ in document.segments]

    def set_document(self, document: Document) -> None:
        """Show `document` in place of the one shown (its details corrected, its text replaced)."""
        self.beginResetModel()
        self.document = document
        self._spans = [() for _ in document.segments]
        self.endResetModel()

    def set_find(self, needle: str) -> list[int]:
        """Highlight `needle`; returns the rows where it occurs, in order."""
        self._spans = [find_spans(s.text, needle) for s in self.document.segments]
        if self._spans:
            self.dataChanged.emit(self.index(0), self.index(len(self._spans) - 1), [Role.SPANS])
        return [i for i, spans in enumerate(self._spans) if spans]

    def row_of_label(self, label: str) -> int:
        for i, s in enumerate(self.document.segments):
            if s.label == label:
                return i
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.document.segments)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.document.segments):
            return None
        s = self.document.segments[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return s.text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{s.label} {s.text}" if s.label else s.text
        if role == Role.LABEL:
            return s.label
        if role == Role.KIND:
            return s.kind.value
        if role == Role.SEGMENT:
            return s
        if role == Role.SPANS:
            return self._spans[index.row()]
        if role == Role.DOC_ID:
            return self.document.id
        return None
