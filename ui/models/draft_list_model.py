"""The list of drafts in the library: title, situation, versions, last saved."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt

from app.drafts import DraftSummary
from app.wording import count
from ui.models.roles import Role
from ui.models.table import RowsTableModel


def saved_at(iso: str) -> str:
    """`2026-11-28T03:14:00+00:00` -> `2026-11-28 03:14`: the minute is enough to tell rounds apart."""
    return iso[:16].replace("T", " ")


class DraftListModel(RowsTableModel):
    """One row a draft, most recently saved first (the order `list_drafts` gives)."""

    COLUMNS = ("Title", "Situation", "Versions", "Last saved")

    @property
    def drafts(self) -> Sequence[DraftSummary]:
        return self.rows

    def set_drafts(self, drafts: Sequence[DraftSummary]) -> None:
        self.set_rows(drafts)

    def cell(self, row: int, column: int, role: int):
        d = self.drafts[row]
        if role == Qt.ItemDataRole.DisplayRole:
            versions = f"{d.versions} ({d.last_version})" if d.versions else "none"
            return (d.title, d.situation or "—", versions, saved_at(d.updated_at))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{d.title}\n{count(d.versions, 'version')} · last saved {saved_at(d.updated_at)}"
        if role == Role.DRAFT_ID:
            return d.id
        return None
