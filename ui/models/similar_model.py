"""Similar language found for a passage: where it is, how similar, the text."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from app.services.search import Precedent
from ui.models.provenance_model import plain_tooltip
from ui.models.roles import Role
from ui.models.table import RowsTableModel

COLUMNS = ("For", "Found in", "Similarity", "Text")


@dataclass(frozen=True)
class SimilarRow:
    source_label: str  # the selected paragraph the language was looked up for
    scope: str  # "this document" or "library"
    hit: Precedent


def most_similar_first(rows: list[SimilarRow]) -> list[SimilarRow]:
    """For each paragraph looked up (in the order asked), its hits most similar first,
    this document's and the library's together (they come from two separate searches)."""
    order = {label: i for i, label in reversed(list(enumerate(r.source_label for r in rows)))}
    return sorted(rows, key=lambda r: (order[r.source_label], -r.hit.similarity))


class SimilarModel(RowsTableModel):
    COLUMNS = COLUMNS

    def cell(self, row: int, column: int, role: int):
        r = self.rows[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            where = r.hit.source() if r.scope == "library" else f"{r.hit.label} (this document)"
            value = (r.source_label, where, f"{r.hit.similarity:.0f}%", r.hit.text)[column]
            # Qt reads a tooltip that looks like markup as rich text: escape document text.
            return plain_tooltip(value) if role == Qt.ItemDataRole.ToolTipRole else value
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Role.DOC_ID:
            return r.hit.document_id
        if role == Role.POSITION:
            return r.hit.position
        if role == Role.LABEL:
            return r.hit.label
        return None
