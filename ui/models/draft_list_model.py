"""The list of drafts in the library: title, situation, versions, last saved."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.drafts import DraftSummary
from ui.models import DRAFT_ID_ROLE
from ui.wording import count

Index = QModelIndex | QPersistentModelIndex


def saved_at(iso: str) -> str:
    """`2026-11-28T03:14:00+00:00` -> `2026-11-28 03:14`: the minute is enough to tell rounds apart."""
    return iso[:16].replace("T", " ")


class DraftListModel(QAbstractTableModel):
    """One row a draft, most recently saved first (the order `list_drafts` gives)."""

    HEADERS = ("Title", "Situation", "Versions", "Last saved")

    def __init__(self, drafts: Sequence[DraftSummary] = (), parent=None) -> None:
        super().__init__(parent)
        self.drafts: list[DraftSummary] = list(drafts)

    def set_drafts(self, drafts: Sequence[DraftSummary]) -> None:
        self.beginResetModel()
        self.drafts = list(drafts)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.drafts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.drafts):
            return None
        d = self.drafts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            versions = f"{d.versions} ({d.last_version})" if d.versions else "none"
            return (d.title, d.situation or "—", versions, saved_at(d.updated_at))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{d.title}\n{count(d.versions, 'version')} · last saved {saved_at(d.updated_at)}"
        if role == DRAFT_ID_ROLE:
            return d.id
        return None
