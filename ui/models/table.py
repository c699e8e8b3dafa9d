"""A flat table over a list of row values: the row, column, header and flag plumbing every
such model repeats, so a subclass only says what each cell shows (`cell`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class NamedColumns:
    """Header names from `COLUMNS` and read-only, selectable cells: mixed into a Qt model
    (before the Qt base class) so tables and trees name their columns the same way."""

    COLUMNS: tuple[str, ...] = ()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.COLUMNS):
            return self.COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class RowsTableModel(NamedColumns, QAbstractTableModel):
    """Rows are `self.rows` (one value each), columns are named by `COLUMNS`.

    Cells are enabled and selectable; a subclass answers `cell(row, column, role)` for a
    valid in-range index, and may refresh per-row caches in `rows_changed`.
    """

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, rows: Sequence[Any] | None = (), parent=None) -> None:
        super().__init__(parent)
        self.rows: Sequence[Any] = list(rows or ())
        self.rows_changed()

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace every row (one model reset)."""
        self.beginResetModel()
        self.rows = list(rows)
        self.rows_changed()
        self.endResetModel()

    def rows_changed(self) -> None:
        """Called after `rows` is replaced, inside the reset: recompute anything derived per row."""

    def cell(self, row: int, column: int, role: int) -> Any:
        """What `data` returns for row `row` (an index into `rows`), `column`, `role`."""
        raise NotImplementedError

    # --- Qt model interface ---------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self.cell(index.row(), index.column(), role)
