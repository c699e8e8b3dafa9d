"""Help > Keyboard Shortcuts: every key of Concord, grouped by where it works, in a table.

The groups are gathered by `ui.commands.help_menu` from the menus and from each kind of
tab, whether or not such a tab is open.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

Group = tuple[str, Sequence[tuple[str, str]]]  # title, (what, keys)


class ShortcutsDialog(QDialog):
    """Two columns (what, keys), a heading row per group, a filter box."""

    def __init__(self, groups: Sequence[Group], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter: a word or a key (Ctrl+E, F7)")
        self.filter.setAccessibleName("Filter shortcuts")
        self.filter.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Keyboard shortcuts")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["What it does", "Keys"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        for title, entries in groups:
            head = QTreeWidgetItem([title])
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            head.setFirstColumnSpanned(True)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(head)
            for what, keys in entries:
                head.addChild(QTreeWidgetItem([what, keys]))
            head.setExpanded(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.filter)
        lay.addWidget(self.tree, 1)
        lay.addWidget(buttons)
        self.filter.textChanged.connect(self.apply_filter)
        self.resize(620, 720)

    def groups(self) -> dict[str, list[tuple[str, str]]]:
        """What the table lists, by group (for tests and for people who read code)."""
        out: dict[str, list[tuple[str, str]]] = {}
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            assert head is not None
            out[head.text(0)] = [(c.text(0), c.text(1)) for c in (head.child(j) for j in range(head.childCount()))
                                 if c is not None]
        return out

    def apply_filter(self, text: str) -> None:
        words = text.casefold().split()
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            if head is None:
                continue
            shown = 0
            for j in range(head.childCount()):
                child = head.child(j)
                if child is None:
                    continue
                hay = f"{head.text(0)} {child.text(0)} {child.text(1)}".casefold()
                hide = not all(w in hay for w in words)
                child.setHidden(hide)
                shown += not hide
            head.setHidden(shown == 0)
