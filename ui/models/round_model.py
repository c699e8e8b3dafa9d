"""The rows of a round's compilation view: segments, proposals by delegation, new
paragraphs and comments, each with the spans a delegate strikes or underlines."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from app.rounds.compile import Compilation, Entry, context
from app.rounds.model import ProposalKind, Status
from ui.models.table import RowsTableModel

SPANS_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class RoundRow:
    """One line of the view: a segment, a proposal, a new paragraph or a comment."""

    kind: str  # segment, proposal, new, comment
    label: str
    delegation: str
    text: str
    spans: tuple[tuple[int, int, str], ...] = ()
    status: str = ""
    key: str = ""
    index: int = -1
    competing: bool = False
    tip: str = ""


def inline(pieces) -> tuple[str, tuple[tuple[int, int, str], ...]]:
    """Pieces as one text with its changed spans; a replacement reads "old new"."""
    parts: list[str] = []
    spans = []
    at = 0
    previous = ""
    for op, text in pieces:
        if op == "insert" and previous == "delete" and not text[:1].isspace() and not parts[-1][-1:].isspace():
            parts.append(" ")
            at += 1
        if op in ("delete", "insert"):
            spans.append((at, at + len(text), op))
        parts.append(text)
        at += len(text)
        previous = op
    return "".join(parts), tuple(spans)


def _entry_row(e: Entry, kind: str = "proposal") -> RoundRow:
    pieces = context(list(e.pieces)) if e.proposal.kind is ProposalKind.EDIT else list(e.pieces)
    text, spans = inline(pieces)
    status = e.status.value
    if e.competing:
        status += " \u00b7 competes with " + ", ".join(e.competing)
    tip = [e.summary, f"{e.delegation}" + (f" ({e.proposal.author})" if e.proposal.author else ""),
           f"from {e.file}" + ("" if e.proposal.tracked else ", compared by content")]
    if e.competing:
        tip.append("competes with " + ", ".join(e.competing))
    if e.same_as:
        tip.append("same as " + ", ".join(e.same_as))
    if e.brackets:
        tip.append(e.brackets)
    prefix = "New paragraph: " if kind == "new" else ""
    if prefix:
        spans = tuple((a + len(prefix), b + len(prefix), op) for a, b, op in spans)
    return RoundRow(kind, e.key, e.delegation, prefix + text, spans, status, e.key, e.proposal.index,
                    bool(e.competing), "\n".join(tip))


def rows_for(c: Compilation) -> list[RoundRow]:
    """The compilation as the view's rows, in reading order."""
    rows = [_entry_row(e, "new") for e in c.opening]
    for place in c.places:
        status = "edited" if place.edited is not None else ""
        text = place.segment.text if place.edited is None else f"{place.segment.text}\n\u2192 {place.edited}"
        rows.append(RoundRow("segment", place.segment.label, "", text, status=status, index=place.index))
        for entries in place.by_delegation().values():
            rows += [_entry_row(e) for e in entries]
        for r in place.remarks:
            who = r.delegation + (f" ({r.comment.author})" if r.comment.author != r.delegation else "")
            rows.append(RoundRow("comment", "", who, f"Comment on \u201c{r.comment.quote}\u201d: {r.comment.text}",
                                 index=place.index, tip=f"from {r.file}"))
        rows += [_entry_row(e, "new") for e in place.new_after]
    return rows


class RoundModel(RowsTableModel):
    COLUMNS = ("Paragraph", "Delegation", "Text and proposals", "Status")

    def cell(self, row: int, column: int, role: int):
        r: RoundRow = self.rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return (r.label, r.delegation, r.text, r.status)[column]
        if role == SPANS_ROLE:
            return r.spans
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.tip or None
        if role == Qt.ItemDataRole.BackgroundRole and r.competing:
            return QColor("#fff1c2")
        if role == Qt.ItemDataRole.FontRole and (r.kind == "segment" or column == 1):
            f = QFont()
            f.setBold(r.kind == "segment" and column == 0 or column == 1)
            f.setItalic(r.kind == "comment")
            return f
        if role == Qt.ItemDataRole.ForegroundRole and r.status.startswith(Status.REJECTED.value):
            return QColor("#777777")
        return None
