"""The draft editor's actions: its toolbar, its keys, and the table of them the shortcut list
shows when no draft is open.

`EditorActions` is mixed into `DraftEditor` (it is the editor's own code, kept apart so
that the editor module stays about editing and saving).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QStyle, QToolBar, QWidget

from app import drafts as core
from app.model import Kind, Segment

_SK = QKeySequence.StandardKey
# The editor's keys for Help > Keyboard Shortcuts, which lists them with no draft open (a
# test checks this table against the actions an editor has).
KEYS: tuple[tuple[str, str | QKeySequence.StandardKey], ...] = (
    ("Undo", _SK.Undo), ("Redo", _SK.Redo),
    ("Add a paragraph below", "Ctrl+Return"), ("Add a subparagraph below", "Ctrl+Shift+Return"),
    ("Delete the row with its subparagraphs", "Ctrl+Shift+Delete"),
    ("Move up", "Alt+Up"), ("Move down", "Alt+Down"), ("Outdent", "Alt+Left"), ("Indent", "Alt+Right"),
    ("Go to the next place to review", "F8"), ("Mark the places of this row reviewed", "Ctrl+Shift+M"),
    ("Freeze the text as a named version", "Ctrl+S"),
    ("Type in the selected row", "F2"), ("Leave the row, keeping the text (Enter, Tab)", "Tab"),
    ("Leave the row for the one above", "Shift+Tab"),
)


if TYPE_CHECKING:  # the editor is the QWidget; at run time the mixin is a plain class
    _Widget = QWidget
else:
    _Widget = object


class EditorActions(_Widget):
    """Builds the editor's actions into `self.toolbar`; keeps Up, Down, Indent... enabled
    only where they apply."""

    toolbar: QToolBar
    undo_stack: QUndoStack

    # provided by the editor
    @property
    def segments(self) -> tuple[Segment, ...]:
        raise NotImplementedError

    current_row: Callable[[], int]
    add_and_type: Callable[[Kind], bool]
    delete_row: Callable[[], bool]
    move_up: Callable[[], bool]
    move_down: Callable[[], bool]
    indent: Callable[[], bool]
    outdent: Callable[[], bool]
    open_find: Callable[[], None]
    open_replace: Callable[[], None]
    next_to_review: Callable[[], int]
    mark_reviewed: Callable[..., int]
    mark_all_reviewed: Callable[[], int]
    save_version_dialog: Callable[[], None]

    def _action(self, text: str, slot: Callable[[], object], shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None,
                tip: str = "", icon: QStyle.StandardPixmap | None = None, toolbar: bool = True) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip or text.rstrip('…')} ({key})" if key else tip or text.rstrip("…"))
        action.triggered.connect(lambda _=False: slot())
        self.addAction(action)
        if toolbar:
            self.toolbar.addAction(action)
        return action

    def _actions(self) -> None:
        # Undo and Redo keep short names on the toolbar (a name that grows with the step
        # pushed the rest of the toolbar into its overflow); the tooltip names the step.
        sp = QStyle.StandardPixmap
        self.undo_action = self._action("Undo", self.undo_stack.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action("Redo", self.undo_stack.redo, QKeySequence.StandardKey.Redo)
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_stack.undoTextChanged.connect(lambda t: self.undo_action.setToolTip(f"Undo {t} (Ctrl+Z)" if t else "Undo"))
        self.undo_stack.redoTextChanged.connect(lambda t: self.redo_action.setToolTip(f"Redo {t}" if t else "Redo"))
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.toolbar.addSeparator()
        self.add_paragraph_action = self._action("+ Paragraph", lambda: self.add_and_type(Kind.PARAGRAPH),
                                                 "Ctrl+Return", "Add a paragraph below")
        self.add_sub_action = self._action("+ Subparagraph", lambda: self.add_and_type(Kind.SUBPARAGRAPH),
                                           "Ctrl+Shift+Return", "Add a subparagraph below")
        self._action("+ Heading", lambda: self.add_and_type(Kind.HEADING), tip="Add a heading below")
        self._action("+ Addressee", lambda: self.add_and_type(Kind.ADDRESSEE),
                     tip="Add an addressee line (\u201cTo the Government of …\u201d) below")
        self.toolbar.addSeparator()
        self.delete_action = self._action("Delete", self.delete_row, "Ctrl+Shift+Delete",
                                          "Delete the row with its subparagraphs", sp.SP_TrashIcon)
        self.up_action = self._action("Up", self.move_up, "Alt+Up", "Move up", sp.SP_ArrowUp)
        self.down_action = self._action("Down", self.move_down, "Alt+Down", "Move down", sp.SP_ArrowDown)
        self.outdent_action = self._action("Outdent", self.outdent, "Alt+Left", "Outdent", sp.SP_ArrowLeft)
        self.indent_action = self._action("Indent", self.indent, "Alt+Right", "Indent", sp.SP_ArrowRight)
        self.toolbar.addSeparator()
        # Find and Replace come from the window's Edit menu (Ctrl+F, Ctrl+H, wherever the focus is).
        self.find_action = self._action("Find", self.open_find, tip="Find in the draft (Ctrl+F)")
        self.replace_action = self._action("Replace", self.open_replace, tip="Find and replace in the draft (Ctrl+H)")
        self.next_review_action = self._action("Next to review", self.next_to_review, "F8",
                                               "Go to the next place to review", toolbar=False)
        self.mark_reviewed_action = self._action("Mark reviewed", self.mark_reviewed, "Ctrl+Shift+M",
                                                 "Mark the places of this row reviewed", toolbar=False)
        self.mark_all_action = self._action("Mark all reviewed", self.mark_all_reviewed,
                                            tip="Mark every place reviewed", toolbar=False)
        self.save_version_action = self._action("Save version…", self.save_version_dialog, "Ctrl+S",
                                                "Freeze the text as a named version", toolbar=False)

    def _update_actions(self) -> None:
        segs, row = self.segments, self.current_row()
        self.up_action.setEnabled(core.can_move_up(segs, row))
        self.down_action.setEnabled(core.can_move_down(segs, row))
        self.indent_action.setEnabled(core.can_indent(segs, row))
        self.outdent_action.setEnabled(core.can_outdent(segs, row))
        self.delete_action.setEnabled(0 <= row < len(segs))
