"""DraftModel: a thin table over a draft's segment tuple (label, text)."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QFont

from app.model import Kind, ReviewMark, Segment
from ui.models.plain import plain_tooltip
from ui.models.roles import Role
from ui.models.table import Index, RowsTableModel

ROW_MIME = "application/x-concord-draft-row"


class DraftModel(RowsTableModel):
    """Rows are segments; column 0 the automatic label, column 1 the editable text.

    The model never changes itself on an edit: `text_edited` goes to the editor, which
    pushes an undo command that calls `set_segments` or `set_text`. A dragged row is the
    same: the drop becomes `row_dropped(row, before)` and the editor moves it.
    """

    text_edited = Signal(int, str)
    row_dropped = Signal(int, int)  # the dragged row, the row it goes before
    COLUMNS = ("Label", "Text")

    def __init__(self, parent=None) -> None:
        super().__init__((), parent)
        self.rows: tuple[Segment, ...] = ()
        self.marks: dict[int, list[ReviewMark]] = {}  # row -> places still to review
        self.found: dict[int, list[tuple[int, int, str]]] = {}  # row -> find matches ("find", "current")

    @property
    def segments(self) -> tuple[Segment, ...]:
        return self.rows

    def cell(self, row: int, column: int, role: int):
        seg = self.segments[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return seg.label if column == 0 else seg.text
        if role == Qt.ItemDataRole.FontRole and seg.kind in (Kind.HEADING, Kind.TITLE, Kind.ADDRESSEE):
            font = QFont()
            font.setBold(seg.kind is not Kind.ADDRESSEE)
            font.setItalic(seg.kind is Kind.ADDRESSEE)
            return font
        if role == Role.SPANS and column == 1:
            spans = [(m.start, m.end, m.kind) for m in self.marks.get(row, ())]
            return tuple(spans + self.found.get(row, []))
        if role == Qt.ItemDataRole.ToolTipRole:
            what = f"{seg.kind.value} {seg.label}".strip()
            notes = [f"To review: {m.note}" for m in self.marks.get(row, ())]
            return plain_tooltip("\n".join([what, *notes])) if notes else what
        return None

    def _rows_changed(self, rows: set[int]) -> None:
        rows = {r for r in rows if 0 <= r < len(self.rows)}
        if rows:
            self.dataChanged.emit(self.index(min(rows), 1), self.index(max(rows), 1))

    def set_marks(self, marks: dict[int, list[ReviewMark]]) -> None:
        """Show the places still to review (see `ui.drafting.review`)."""
        changed = {r for r in set(marks) | set(self.marks) if marks.get(r) != self.marks.get(r)}
        self.marks = marks
        self._rows_changed(changed)

    def set_found(self, found: dict[int, list[tuple[int, int, str]]]) -> None:
        """Show find matches; the current one is of kind "current"."""
        changed = {r for r in set(found) | set(self.found) if found.get(r) != self.found.get(r)}
        self.found = found
        self._rows_changed(changed)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # between rows
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled \
            | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == 1 else base

    # --- drag and drop: a row moves; the editor does the move as one undoable step ---

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ROW_MIME]

    def mimeData(self, indexes) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data.setData(ROW_MIME, str(rows[0] if rows else -1).encode())
        return data

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        """Dropped between rows (`row`) or on one (`parent`): the dragged row goes before it."""
        if action != Qt.DropAction.MoveAction or not data.hasFormat(ROW_MIME):
            return False
        try:
            source = int(bytes(data.data(ROW_MIME).data()).decode())
        except ValueError:
            return False
        before = row if row >= 0 else parent.row() if parent.isValid() else len(self.segments)
        if not 0 <= source < len(self.segments):
            return False
        self.row_dropped.emit(source, before)
        return False  # the rows were rearranged by the editor; nothing for the view to remove

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != 1 or not index.isValid():
            return False
        if str(value) != self.segments[index.row()].text:
            self.text_edited.emit(index.row(), str(value))
        return True

    def set_segments(self, segments: tuple[Segment, ...]) -> None:
        """Replace everything: structure changed, labels may all have moved."""
        if len(segments) == len(self.segments) and all(
            (a.kind, a.label) == (b.kind, b.label) for a, b in zip(segments, self.segments, strict=True)
        ):
            changed = [i for i, (a, b) in enumerate(zip(segments, self.segments, strict=True)) if a != b]
            self.rows = segments
            if changed:
                self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), 1))
            return
        self.beginResetModel()
        self.rows = segments
        self.endResetModel()
