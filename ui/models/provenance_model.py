"""Provenance of a passage as a table: each segment, whether it is repeated, changed or new, and where from."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.services.search import MODIFIED, NEW, VERBATIM, Provenance, SegmentProvenance, Source
from ui.models.inline import inline_changes
from ui.models.plain import plain_tooltip
from ui.models.roles import Role
from ui.models.table import RowsTableModel

COLUMNS = ("Label", "Status", "Similarity", "Source", "Text")
LABEL_COL, STATUS_COL, SIMILARITY_COL, SOURCE_COL, TEXT_COL = range(len(COLUMNS))
STATUS_WORDS = {VERBATIM: "verbatim", MODIFIED: "modified", NEW: "new"}


def cite(source: Source, document_id: int | None) -> str:
    """ "Mali 2020 5(n)", or "5(o) in this document" for an earlier place of the same one."""
    if document_id is not None and source.document_id == document_id:
        return f"{source.label or source.kind} in this document"
    return source.cite()


class ProvenanceModel(RowsTableModel):
    """One row per segment of a `Provenance`; the text column carries the changes from the source."""

    COLUMNS = COLUMNS
    _texts: list[tuple[str, tuple[tuple[int, int, str], ...]]]  # shown text and change marks, per row

    def __init__(self, provenance: Provenance | None = None, document_id: int | None = None, parent=None) -> None:
        super().__init__((), parent)
        self.set_provenance(provenance or Provenance("", "", ()), document_id)

    def set_provenance(self, provenance: Provenance, document_id: int | None = None) -> None:
        self.provenance = provenance
        self.document_id = document_id
        self.set_rows(provenance.segments)

    def rows_changed(self) -> None:
        """The shown text of each row: a modified one reads both versions, the changes marked."""
        self._texts = [inline_changes(p.edits) if p.status == MODIFIED else (p.segment.text, ())
                       for p in self.rows]

    def item(self, row: int) -> SegmentProvenance:
        return self.rows[row]

    def source_text(self, p: SegmentProvenance) -> str:
        if p.source is None:
            return "not found in earlier conclusions"
        return cite(p.source, self.document_id)

    def describe(self, row: int) -> str:
        """A sentence for screen readers: '5(n): modified, 99% like Mali 2020 5(n)'."""
        p = self.item(row)
        if p.source is None:
            return f"{p.name}: new"
        return f"{p.name}: {STATUS_WORDS[p.status]}, {p.similarity:.0f}% like {self.source_text(p)}"

    def cell(self, row: int, col: int, role: int):
        p = self.item(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return (p.name, STATUS_WORDS[p.status], f"{p.similarity:.0f}%" if p.source else "",
                    self.source_text(p), self._texts[row][0])[col]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.describe(row) if col != TEXT_COL else p.segment.text
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == SOURCE_COL and p.source is not None:
                others = "\n".join(f"{cite(s, self.document_id)}: {s.similarity:.0f}%" for s in p.sources)
                return plain_tooltip(f"{p.source.document_title}\n\n{others}")
            if col == TEXT_COL and p.source is not None and p.status == MODIFIED:
                return plain_tooltip(f"{self.source_text(p)} read:\n{p.source.text}")
            return plain_tooltip(self.describe(row))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == SIMILARITY_COL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if role == Role.STATUS:
            return p.status
        if role == Role.VERBATIM:
            return p.status == VERBATIM
        if role == Role.SPANS:
            return self._texts[row][1] if col == TEXT_COL else ()
        if role == Role.ITEM:
            return p
        if role == Role.SEGMENT:
            return p.segment
        if role == Role.LABEL:
            return p.segment.label
        if role == Role.DOC_ID:
            return p.source.document_id if p.source else None
        if role == Role.POSITION:
            return p.source.position if p.source else None
        return None
