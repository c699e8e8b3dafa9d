"""The import summary: one row per file given, saying what became of it and why."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt

from app.model import ImportResult
from app.wording import count
from ui.models.plain import plain_tooltip
from ui.models.table import RowsTableModel

COLUMNS = ("File", "Outcome", "Details")


def outcome(result: ImportResult) -> str:
    if result.error:
        return "failed"
    if result.duplicate_of is not None or (result.same_as is not None and result.same_action in ("skipped", "")):
        return "duplicate"  # the same file again, or the same document from another file, skipped
    return "imported"


def details(result: ImportResult) -> str:
    if result.error:
        return result.error
    doc = result.document
    if result.duplicate_of is not None:
        return f"already in the library as document {result.duplicate_of}" + (
            f" ({doc.situation or doc.title})" if doc else ""
        )
    if result.same_as is not None:
        same = f"the same document as document {result.same_as}" + (f" ({doc.situation or doc.title})" if doc else "")
        return {
            "skipped": f"{same}, from another file: skipped",
            "kept both": f"{same}, from another file: kept both (stored as document {doc.id if doc else '?'}, "
                         "a copy search and similar language leave out)",
            "replaced": f"{same}, from another file: its text replaced the stored one",
        }.get(result.same_action, f"{same}, from another file: not imported")
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
        if role == Qt.ItemDataRole.DisplayRole:
            return (Path(r.file).name, outcome(r), details(r))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip((r.file, outcome(r), details(r))[column])
        return None
