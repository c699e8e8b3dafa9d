"""The standard Edit menu: Undo, Redo, Cut, Copy, Paste, Select All, Find, Replace.

Each entry does what its key does where the focus is: in a text field, the field's own
edit; in a draft, the draft's undo stack; in a reader, Copy copies the selected paragraphs
with their labels. Undo, Redo and the clipboard keys stay with the widgets (they handle
them already); the menu shows them after a tab, as Qt shows a shortcut, so no key is
claimed twice. Find (Ctrl+F), Find Next (F3) and Replace (Ctrl+H) belong to the window, so
they work wherever the focus is, the library panel included.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from ui.workspace import Workspace

TEXT_WIDGETS = (QLineEdit, QPlainTextEdit, QTextEdit)


def key_hint(key: QKeySequence.StandardKey | str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


class EditCommands(QObject):
    """Builds the Edit menu's standard entries at the top of `menu`."""

    def __init__(self, workspace: Workspace, menu: QMenu, focus_filter: Callable[[], None]) -> None:
        super().__init__(workspace.window())
        self.workspace = workspace
        self.focus_filter = focus_filter
        win = workspace.window()
        sk = QKeySequence.StandardKey

        def hinted(text: str, key: QKeySequence.StandardKey, slot: Callable[[], object]) -> QAction:
            a = QAction(f"{text}\t{key_hint(key)}", win)
            a.triggered.connect(lambda _=False: slot())
            menu.addAction(a)
            return a

        def keyed(text: str, key: QKeySequence.StandardKey | str, slot: Callable[[], object]) -> QAction:
            a = QAction(text, win)
            a.setShortcut(QKeySequence(key))
            a.triggered.connect(lambda _=False: slot())
            menu.addAction(a)
            win.addAction(a)
            return a

        self.undo_action = hinted("&Undo", sk.Undo, self.undo)
        self.redo_action = hinted("&Redo", sk.Redo, self.redo)
        menu.addSeparator()
        self.cut_action = hinted("Cu&t", sk.Cut, lambda: self._text_call("cut"))
        self.copy_action = hinted("&Copy", sk.Copy, self.copy)
        self.paste_action = hinted("&Paste", sk.Paste, lambda: self._text_call("paste"))
        self.select_all_action = hinted("Select &All", sk.SelectAll, self.select_all)
        menu.addSeparator()
        self.find_action = keyed("&Find…", sk.Find, self.find)
        self.find_next_action = keyed("Find &Next", sk.FindNext, lambda: self._tab_call("find_next"))
        self.find_previous_action = keyed("Find Pre&vious", sk.FindPrevious, lambda: self._tab_call("find_previous"))
        self.replace_action = keyed("R&eplace…", "Ctrl+H", self.replace)
        menu.addSeparator()
        menu.aboutToShow.connect(self._update)

    # --- where the focus is -----------------------------------------------------------

    @staticmethod
    def _focus() -> QWidget | None:
        return QApplication.focusWidget()

    def _text_widget(self) -> QWidget | None:
        w = self._focus()
        return w if isinstance(w, TEXT_WIDGETS) else None

    def _tab_call(self, name: str) -> bool:
        tab = self.workspace.current_tab()
        fn = getattr(tab, name, None)
        if callable(fn):
            fn()
            return True
        return False

    def _text_call(self, name: str) -> bool:
        w = self._text_widget()
        if w is not None and not (name in ("cut", "paste") and getattr(w, "isReadOnly", lambda: False)()):
            getattr(w, name)()
            return True
        return False

    def _update(self) -> None:
        stack = getattr(self.workspace.current_tab(), "undo_stack", None)
        in_text = self._text_widget() is not None
        self.undo_action.setEnabled(in_text or bool(stack and stack.canUndo()))
        self.redo_action.setEnabled(in_text or bool(stack and stack.canRedo()))
        # Keyed entries stay enabled: a shortcut disabled while the menu was open on one tab
        # would stay dead on the next (Replace says where it works instead).

    # --- the commands -----------------------------------------------------------------

    def undo(self) -> None:
        # A row being typed in sends Undo to the draft's stack itself (one history per draft).
        w = self._text_widget()
        if isinstance(w, TEXT_WIDGETS) and not hasattr(w, "undo_requested"):
            w.undo()
            return
        stack = getattr(self.workspace.current_tab(), "undo_stack", None)
        if stack is not None:
            stack.undo()

    def redo(self) -> None:
        w = self._text_widget()
        if isinstance(w, TEXT_WIDGETS) and not hasattr(w, "redo_requested"):
            w.redo()
            return
        stack = getattr(self.workspace.current_tab(), "undo_stack", None)
        if stack is not None:
            stack.redo()

    def copy(self) -> None:
        if self._text_call("copy"):
            return
        reader = self.workspace.current_reader()
        if reader is not None:
            reader.copy_with_label()

    def select_all(self) -> None:
        if self._text_call("selectAll"):
            return
        w = self._focus()
        if isinstance(w, QAbstractItemView):
            w.selectAll()

    def find(self) -> None:
        """Find in the current tab (a reader, a draft); with no tab, filter the library."""
        if self._tab_call("open_find"):
            return
        if self.workspace.current_tab() is None:
            self.focus_filter()
        else:
            self.workspace.show_status("Find works in a document or a draft; Ctrl+K searches the whole library.", 6000)

    def replace(self) -> None:
        if not self._tab_call("open_replace"):
            self.workspace.show_status("Find and replace works in a draft (Drafts > New Draft… or Open Draft…).", 6000)
