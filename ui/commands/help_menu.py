"""The Help menu: Concord Help (F1), Keyboard Shortcuts (Ctrl+/), About Concord.

The shortcut list is complete whatever is open: the menus give the window's keys, and one
template of each kind of tab (made for the occasion, never shown) gives that tab's keys;
the draft editor's come from its `KEYS` table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from app.model import Document
from ui.dialogs.about import show_about
from ui.dialogs.help_page import HelpDialog
from ui.dialogs.shortcuts import Group, ShortcutsDialog
from ui.session import Session
from ui.workspace import Workspace


def _keys(action: QAction) -> str:
    """ "Ctrl+E", "Ctrl++, Ctrl+=", or the hint a menu shows after a tab ("Ctrl+C")."""
    shown = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts() if not k.isEmpty()]
    if shown:
        return ", ".join(shown)
    _, tab, hint = action.text().partition("\t")
    return hint if tab else ""


def _name(action: QAction) -> str:
    return action.text().partition("\t")[0].replace("&", "").strip()


def action_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for a in actions:
        if a.isSeparator():
            continue
        sub = a.menu()
        if isinstance(sub, QMenu):
            rows += [(f"{sub.title().replace('&', '')}: {n}", k) for n, k in action_rows(sub.actions())]
            continue
        keys = _keys(a)
        if keys and (_name(a), keys) not in rows:
            rows.append((_name(a), keys))
    return rows


def menu_groups(window: QMainWindow) -> list[Group]:
    """One group per menu of the window's menu bar, in menu order."""
    groups: list[Group] = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            rows = action_rows(menu.actions())
            if rows:
                groups.append((f"{menu.title().replace('&', '')} menu", rows))
    return groups


def widget_rows(widget: QWidget) -> list[tuple[str, str]]:
    """The keys of a widget's own actions and of those of its children."""
    return action_rows(list(widget.actions()) + [a for w in widget.findChildren(QWidget) for a in w.actions()])


def tab_groups(session: Session) -> list[Group]:
    """The keys of each kind of tab, read from a template of each."""
    from ui.drafting.editor_actions import KEYS
    from ui.views.clause_history import ClauseHistoryView
    from ui.views.comparison import ComparisonView
    from ui.views.provenance import ProvenanceView
    from ui.views.reader import ReaderView

    groups: list[Group] = []
    makers: list[tuple[str, Callable[[], QWidget]]] = [
        ("Reader (a document's tab)", lambda: ReaderView(Document("", ()))),
        ("Comparison", lambda: ComparisonView(session, pickers=False)),
        ("Provenance", lambda: ProvenanceView(session)),
        ("Clause history", lambda: ClauseHistoryView(session)),
    ]
    for title, make in makers:
        w = make()
        try:
            groups.append((title, widget_rows(w)))
        finally:
            w.deleteLater()
    draft = [(what, QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)) for what, key in KEYS]
    groups.insert(2, ("Draft editor", draft))
    return groups


STATIC_GROUPS: list[Group] = [
    ("Library panel", [("Open the document or draft", "Enter"), ("Compare the selection with…", "Ctrl+E"),
                       ("Rename", "F2"), ("Delete", "Del")]),
    ("Find bars (reader and draft)", [("Next match", "Enter"), ("Close the bar", "Esc")]),
]


class HelpCommands(QObject):
    def __init__(self, session: Session, workspace: Workspace, window: QMainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self.session = session
        self.workspace = workspace
        self.window = window

        def act(text: str, key: str | None, slot) -> QAction:
            a = QAction(text, window)
            if key:
                a.setShortcut(QKeySequence(key))
            a.triggered.connect(lambda _=False: slot())
            menu.addAction(a)
            return a

        self.help_action = act("Concord &Help", "F1", self.show_help)
        self.shortcuts_action = act("&Keyboard Shortcuts", "Ctrl+/", self.show_shortcuts)
        menu.addSeparator()
        self.about_action = act("&About Concord", None, self.show_about)

    def shortcut_groups(self) -> list[Group]:
        return menu_groups(self.window) + STATIC_GROUPS + tab_groups(self.session)

    def show_help(self) -> HelpDialog:
        dialog = HelpDialog(self.window)
        self.workspace.show_dialog(dialog)
        return dialog

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self.shortcut_groups(), self.window)
        self.workspace.show_dialog(dialog)
        return dialog

    def show_about(self):
        dialog = show_about(self.window)
        self.window.last_dialog = dialog  # type: ignore[attr-defined]
        return dialog
