"""The comparison view's model: one row per aligned pair of a `Comparison`.

"Show changes only" hides equal rows without recomputing anything, "strength changes only"
every row whose language did not get stronger or weaker, and the kind filters the changes
of the kinds unticked (modified, inserted, deleted, moved); navigation (F7) works on the
rows shown.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from app.compare.model import Comparison, Row, RowOp
from ui.models.roles import Role

Index = QModelIndex | QPersistentModelIndex

OP_WORDS = {
    RowOp.EQUAL: "same",
    RowOp.MODIFIED: "changed",
    RowOp.INSERTED: "added",
    RowOp.DELETED: "removed",
    RowOp.MOVED: "moved",
    RowOp.SPLIT: "split",
    RowOp.MERGED: "merged",
}


# The kind filters: a split or a merge is a modification of wording and structure.
KINDS = ("modified", "inserted", "deleted", "moved")
KIND_OF = {
    RowOp.MODIFIED: "modified",
    RowOp.SPLIT: "modified",
    RowOp.MERGED: "modified",
    RowOp.INSERTED: "inserted",
    RowOp.DELETED: "deleted",
    RowOp.MOVED: "moved",
}


def describe_row(row: Row) -> str:
    """A sentence for screen readers and tooltips: '5(n) → 7(a): changed, 93% similar',
    '5(d) → 5(d)+5(e): split, 99% similar', then any change of strength and why."""
    left = "+".join(s.label or "unnumbered" for s in row.left_segments) or "nothing"
    right = "+".join(s.label or "unnumbered" for s in row.right_segments) or "nothing"
    words = OP_WORDS[row.op]
    if row.op is RowOp.MOVED:
        words += " (from here)" if row.right is None else " (to here)"
    text = f"{left} → {right}: {words}, {row.similarity:.0f}% similar"
    if row.strength is not None and row.strength.changed:
        text += f"; {row.strength.direction.value}: {row.strength.why}"
    return text


class ComparisonModel(QAbstractListModel):
    def __init__(self, comparison: Comparison | None = None, parent=None) -> None:
        super().__init__(parent)
        self.comparison = comparison or Comparison("", "", ())
        self.changes_only = False
        self.strength_only = False
        self.kinds: frozenset[str] = frozenset(KINDS)
        self._visible = list(range(len(self.comparison.rows)))

    def set_comparison(self, comparison: Comparison) -> None:
        self.beginResetModel()
        self.comparison = comparison
        self._visible = self._compute_visible()
        self.endResetModel()

    def set_changes_only(self, on: bool) -> None:
        if on == self.changes_only:
            return
        self.beginResetModel()
        self.changes_only = on
        self._visible = self._compute_visible()
        self.endResetModel()

    def set_strength_only(self, on: bool) -> None:
        """Show only the pairs whose language got stronger or weaker (or both)."""
        if on == self.strength_only:
            return
        self.beginResetModel()
        self.strength_only = on
        self._visible = self._compute_visible()
        self.endResetModel()

    def set_kinds(self, kinds: frozenset[str]) -> None:
        """Show the changes of these kinds (of `KINDS`) only; equal rows are not affected."""
        if kinds == self.kinds:
            return
        self.beginResetModel()
        self.kinds = frozenset(kinds)
        self._visible = self._compute_visible()
        self.endResetModel()

    def _compute_visible(self) -> list[int]:
        if self.strength_only:
            shown = self.comparison.strength_rows()
        elif self.changes_only:
            shown = self.comparison.change_rows()
        else:
            shown = list(range(len(self.comparison.rows)))
        rows = self.comparison.rows
        return [i for i in shown if rows[i].op is RowOp.EQUAL or KIND_OF[rows[i].op] in self.kinds]

    def has_differences(self) -> bool:
        """Whether the two sides differ at all (whatever the filters show)."""
        return any(r.op is not RowOp.EQUAL for r in self.comparison.rows)

    def row_at(self, view_row: int) -> Row:
        return self.comparison.rows[self._visible[view_row]]

    def view_row_of(self, comparison_index: int) -> int:
        """The shown row for a comparison row, or -1 when it is hidden."""
        try:
            return self._visible.index(comparison_index)
        except ValueError:
            return -1

    def change_view_rows(self) -> list[int]:
        return [i for i, ci in enumerate(self._visible) if self.comparison.rows[ci].op is not RowOp.EQUAL]

    def next_change(self, current: int) -> int:
        """The first changed row after `current` (-1 for none); -1 as current means the top."""
        return next((r for r in self.change_view_rows() if r > current), -1)

    def previous_change(self, current: int) -> int:
        return next((r for r in reversed(self.change_view_rows()) if r < current), -1)

    def partner_of(self, view_row: int) -> int:
        """For a moved row, the shown row at its other place (-1 if none or hidden)."""
        row = self.row_at(view_row)
        if row.move_id is None:
            return -1
        for i, ci in enumerate(self._visible):
            other = self.comparison.rows[ci]
            if i != view_row and other.move_id == row.move_id:
                return i
        return -1

    # --- Qt model interface ---------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._visible)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return None
        row = self.row_at(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return describe_row(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return describe_row(row)
        if role == Role.ROW:
            return row
        if role == Role.COMPARISON_INDEX:
            return self._visible[index.row()]
        return None
