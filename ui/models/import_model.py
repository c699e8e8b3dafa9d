"""The import summary: one row per file given, saying what became of it and why."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt

from app.model import ImportResult
from app.wording import count
from ui.models.table import RowsTableModel

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


class ImportResultsModel(RowsTableModel):
    COLUMNS = COLUMNS

    def __init__(self, results: list[ImportResult], parent=None) -> None:
        super().__init__(results, parent)

    @property
    def results(self) -> Sequence[ImportResult]:
        return self.rows

    def counts(self) -> dict[str, int]:
        out = {"imported": 0, "duplicate": 0, "failed": 0}
        for r in self.results:
            out[outcome(r)] += 1
        return out

    def cell(self, row: int, column: int, role: int):
        r = self.rows[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (Path(r.file).name, outcome(r), details(r))[column]
        return None
