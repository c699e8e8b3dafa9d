"""The replace step of a new draft: the pairs the drafter edits, and the preview of every change."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from app.drafts import Replacement, ReplacementHit
from ui.models.table import Index, RowsTableModel

# Situations on the Working Group's agenda and the adjective a text uses for each, so that
# starting Burkina Faso from Mali offers "Malian" -> "Burkinabe" as well as the name.
ADJECTIVES = {
    "Afghanistan": "Afghan", "Burkina Faso": "Burkinabe", "Cameroon": "Cameroonian",
    "Central African Republic": "Central African", "Chad": "Chadian", "Colombia": "Colombian",
    "Democratic Republic of the Congo": "Congolese", "Haiti": "Haitian", "Iraq": "Iraqi",
    "Lebanon": "Lebanese", "Libya": "Libyan", "Mali": "Malian", "Mozambique": "Mozambican",
    "Niger": "Nigerien", "Nigeria": "Nigerian", "Philippines": "Filipino", "Somalia": "Somali",
    "South Sudan": "South Sudanese", "Sudan": "Sudanese", "Syrian Arab Republic": "Syrian",
    "Ukraine": "Ukrainian", "Yemen": "Yemeni",
}


def default_pairs(old_situation: str, new_situation: str) -> list[tuple[str, str]]:
    """`Mali`, `Burkina Faso` -> [("Mali", "Burkina Faso"), ("Malian", "Burkinabe")]."""
    old, new = old_situation.strip(), new_situation.strip()
    if not old or not new or old.casefold() == new.casefold():
        return []
    pairs = [(old, new)]
    old_adj, new_adj = ADJECTIVES.get(old), ADJECTIVES.get(new)
    if old_adj and new_adj and old_adj != new_adj and old_adj != old:
        pairs.append((old_adj, new_adj))
    return pairs


class ReplacementModel(RowsTableModel):
    """Editable OLD -> NEW pairs; rows with an empty OLD are ignored."""

    COLUMNS = ("Replace", "With")

    def __init__(self, parent=None) -> None:
        super().__init__((), parent)

    @property
    def pairs(self) -> list[list[str]]:
        assert isinstance(self.rows, list)  # edited in place
        return self.rows

    def set_pairs(self, pairs: Sequence[tuple[str, str]]) -> None:
        self.set_rows([[old, new] for old, new in pairs])

    def replacements(self) -> list[Replacement]:
        return [Replacement(old.strip(), new.strip()) for old, new in self.pairs if old.strip()]

    def add_pair(self, old: str = "", new: str = "") -> int:
        row = len(self.pairs)
        self.beginInsertRows(QModelIndex(), row, row)
        self.pairs.append([old, new])
        self.endInsertRows()
        return row

    def remove_pair(self, row: int) -> None:
        if 0 <= row < len(self.pairs):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.pairs[row]
            self.endRemoveRows()

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def cell(self, row: int, column: int, role: int):
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.pairs[row][column]
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not 0 <= index.row() < len(self.pairs):
            return False
        text = "" if value is None else str(value)
        if self.pairs[index.row()][index.column()] == text:
            return True
        self.pairs[index.row()][index.column()] = text
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True


HitKey = tuple[int, int, str, str]  # row, start, old, new: the same place in a re-planned step


def hit_key(h: ReplacementHit) -> HitKey:
    return (h.index, h.start, h.old, h.new)


class ReplacementHitsModel(RowsTableModel):
    """Every place the replace step applies: a checkbox (replace it or not), label, old -> new,
    why it is held back, and the words around it.

    An occurrence in a sentence citing a symbol, a date, a mission or an agreement is held
    (`ReplacementHit.held`): unchecked until the drafter checks it. The others are checked.
    A choice the drafter made is kept when the plan is made again (a pair added, say).
    """

    COLUMNS = ("Replace", "Change", "Held because", "In context")
    CONTEXT = 3

    def __init__(self, parent=None) -> None:
        self._chosen: dict[HitKey, bool] = {}  # what the drafter ticked or unticked
        super().__init__((), parent)

    @property
    def hits(self) -> Sequence[ReplacementHit]:
        return self.rows

    def set_hits(self, hits: Sequence[ReplacementHit]) -> None:
        self.set_rows(hits)

    def is_checked(self, row: int) -> bool:
        h = self.hits[row]
        return self._chosen.get(hit_key(h), not h.held)

    def set_checked(self, row: int, on: bool) -> None:
        self._chosen[hit_key(self.hits[row])] = on
        index = self.index(row, 0)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])

    def set_all(self, on: bool | None) -> None:
        """Check every place (True), none (False), or go back to the default (None)."""
        self._chosen = {} if on is None else {hit_key(h): on for h in self.hits}
        if self.hits:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.hits) - 1, 0),
                                  [Qt.ItemDataRole.CheckStateRole])

    def chosen(self) -> tuple[list[ReplacementHit], list[ReplacementHit]]:
        """(places to replace, places to leave as they are)."""
        rows = range(len(self.hits))
        return ([self.hits[r] for r in rows if self.is_checked(r)],
                [self.hits[r] for r in rows if not self.is_checked(r)])

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.isValid() and index.column() == 0 else base

    def cell(self, row: int, column: int, role: int):
        h = self.hits[row]
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if self.is_checked(row) else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (h.label or "—", f"{h.old} → {h.new}", h.held, h.context)[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and h.held:
            return QColor("#b3261e")
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0 or not index.isValid():
            return False
        on = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        self.set_checked(index.row(), on)
        return True
