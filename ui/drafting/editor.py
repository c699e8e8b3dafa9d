"""DraftEditor: the structured editor of one draft, a tab the main window can open.

Rows carry automatic labels; every edit is one undo command over immutable segment
tuples, and reaches the library within AUTOSAVE_MS in one transaction, written on the
session's write lane (the window never waits for it).

Nothing typed is lost silently: when a save fails (a full disk, another program holding
the library locked) the editor says "Not saved: <why>" where it said "Saved", keeps the
text and tries again every RETRY_MS until the library takes it; closing asks first.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app import drafts as core
from app.drafts import EditRefused
from app.errors import ConcordError
from app.model import Kind, Segment
from app.services import drafts as svc
from app.wording import count
from ui.drafting.commands import DraftCommand, EditTextCommand
from ui.drafting.delegate import SegmentTextEdit, TextDelegate
from ui.drafting.model import DraftModel
from ui.drafting.precedents import PrecedentPanel
from ui.session import Session
from ui.views.textpaint import diff_colors
from ui.workers import failure_message

log = logging.getLogger(__name__)
AUTOSAVE_MS = 300  # the longest an edit waits before it is on its way to the library
RETRY_MS = 2000  # after a failed save, the next try
Rows = tuple[Segment, ...]


class DraftEditor(QWidget):
    """`DraftEditor(session, draft_id)`: edit a draft's working copy; autosaves itself."""

    autosaved = Signal(str)  # when
    save_failed = Signal(str)  # why, in one line
    version_saved = Signal(int)
    brackets_changed = Signal(int)

    def __init__(self, session: Session, draft_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.draft = svc.get_draft(session.store, draft_id)
        self.draft_id = draft_id
        self.base = self.draft.head_revision  # what the working copy was read at
        self.save_note = ""
        self.undo_stack = QUndoStack(self)
        self.model = DraftModel(self)
        self.model.text_edited.connect(self._typed)
        self.model.row_dropped.connect(self.move_row)
        self.edits = 0  # edits made since the draft was opened
        self.saved_edits = 0  # how many of them the library has
        self._saving_edits = -1  # what the save on its way holds (-1: none on its way)
        self.problem = ""  # why the last save failed ("" once one succeeds)
        self.autosave_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.save_soon)
        self.retry_timer = QTimer(self, singleShot=True, interval=RETRY_MS)
        self.retry_timer.timeout.connect(self.save_soon)

        self.view = QTableView()
        self.view.setAccessibleName("Draft")
        self.view.setModel(self.model)
        self.delegate = TextDelegate(self.view)
        self.delegate.editor_created.connect(self._editor_created)
        self.view.setItemDelegateForColumn(1, self.delegate)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.setWordWrap(True)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragDropOverwriteMode(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Row heights follow the text, but only for rows that changed: ResizeToContents
        # re-lays out every row on each keystroke (64 ms a keystroke on the Mali draft).
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.relayout_timer = QTimer(self, singleShot=True, interval=0)
        self.model.dataChanged.connect(self._resize_rows)
        self.model.modelReset.connect(lambda: self.relayout_timer.start())
        self.relayout_timer.timeout.connect(self.view.resizeRowsToContents)
        self.relayout_timer.timeout.connect(lambda: self.view.scrollTo(self.view.currentIndex()))
        self.view.horizontalHeader().sectionResized.connect(lambda *_: self.relayout_timer.start(100))
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)

        self.panel = PrecedentPanel(session)
        self.panel.insert_requested.connect(self.insert_precedent)
        self.panel.replace_requested.connect(self.replace_with_precedent)

        self.brackets_label = QLabel()
        self.saved_label = QLabel()
        self.toolbar = QToolBar()
        self._actions()
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.brackets_label)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.saved_label)

        split = QSplitter()
        split.addWidget(self.view)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        self.save_banner = QLabel()  # "Not saved: why", across the tab, while saving fails
        self.save_banner.setObjectName("not-saved")
        self.save_banner.setAccessibleName("Not saved")
        self.save_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.save_banner.setWordWrap(True)
        self.save_banner.hide()
        layout.addWidget(self.save_banner)
        layout.addWidget(split, 1)
        self.model.set_segments(self.draft.head)
        self.undo_stack.indexChanged.connect(lambda _: self._update_actions())
        self._update_brackets()
        self._update_actions()
        self.saved_label.setText(f"Saved {self.draft.head_saved_at}")
        if self.model.rowCount():
            self.set_current_row(0)

    # --- actions ----------------------------------------------------------------------

    def _action(self, text: str, slot: Callable[[], object], shortcut: str | QKeySequence | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        self.toolbar.addAction(action)
        return action

    def _actions(self) -> None:
        self.undo_action = self.undo_stack.createUndoAction(self, "Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        for a in (self.undo_action, self.redo_action):
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(a)
            self.toolbar.addAction(a)
        self.toolbar.addSeparator()
        self.add_paragraph_action = self._action("+ Paragraph", lambda: self.add(Kind.PARAGRAPH), "Ctrl+Return")
        self.add_sub_action = self._action("+ Subparagraph", lambda: self.add(Kind.SUBPARAGRAPH), "Ctrl+Shift+Return")
        self._action("+ Heading", lambda: self.add(Kind.HEADING))
        self._action("+ Addressee", lambda: self.add(Kind.ADDRESSEE))
        self.delete_action = self._action("Delete", self.delete_row, "Ctrl+Shift+Delete")
        self.up_action = self._action("Up", self.move_up, "Alt+Up")
        self.down_action = self._action("Down", self.move_down, "Alt+Down")
        self.indent_action = self._action("Indent", self.indent, "Alt+Right")
        self.outdent_action = self._action("Outdent", self.outdent, "Alt+Left")
        self.toolbar.addSeparator()
        self._action("Save version…", self.save_version_dialog, "Ctrl+S")

    def _update_actions(self) -> None:
        segs, row = self.segments, self.current_row()
        self.up_action.setEnabled(core.can_move_up(segs, row))
        self.down_action.setEnabled(core.can_move_down(segs, row))
        self.indent_action.setEnabled(core.can_indent(segs, row))
        self.outdent_action.setEnabled(core.can_outdent(segs, row))
        self.delete_action.setEnabled(0 <= row < len(segs))

    # --- state ------------------------------------------------------------------------

    @property
    def segments(self) -> Rows:
        return self.model.segments

    def current_row(self) -> int:
        return self.view.currentIndex().row() if self.view.currentIndex().isValid() else -1

    def set_current_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(row, 1))

    def _apply(self, rows: Rows, row: int) -> None:
        """What every command's redo/undo does: show the rows, select one, schedule autosave."""
        self.model.set_segments(rows)
        if row != self.current_row():
            self.set_current_row(row)
        self._changed()

    def _changed(self) -> None:
        self.edits += 1
        if not self.autosave_timer.isActive():
            self.autosave_timer.start()
        self._update_brackets()
        self._update_actions()

    def _update_brackets(self) -> None:
        n = core.count_brackets(s.text for s in self.segments).open
        self.brackets_label.setText(f"{count(n, 'bracket')} open")
        self.brackets_changed.emit(n)

    # --- saving -----------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        """Whether the library lacks some of what was typed."""
        return self.edits != self.saved_edits

    @property
    def draft_title(self) -> str:
        return self.draft.title

    def save_soon(self) -> None:
        """Send the working copy to the write lane; the window goes on at once."""
        self.autosave_timer.stop()
        if not self.dirty or self._saving_edits >= 0:
            return  # nothing new, or a save on its way (`_save_ended` looks again)
        edits, rows, draft_id = self.edits, self.segments, self.draft_id
        self._saving_edits = edits
        job = self.session.write(lambda lib, job: self._store(lib, draft_id, rows), "saving the draft",
                                 urgent=True)
        job.signals.finished.connect(self._save_done)
        job.signals.failed.connect(self._save_failed)
        job.signals.ended.connect(self._save_ended)

    def _save_done(self, when: str) -> None:
        self._saved(self._saving_edits, when)

    def _save_failed(self, message: str) -> None:
        self._not_saved(self._saving_edits, message)

    def _save_ended(self) -> None:
        self._saving_edits = -1
        if self.dirty and not self.problem and not self.autosave_timer.isActive():
            self.autosave_timer.start()  # typed while it was saving

    def flush(self) -> bool:
        """Store the working copy now and wait for it (before a comparison, an export, closing).

        False when it could not be stored: the editor then shows why and keeps trying.
        """
        self.autosave_timer.stop()
        if not self.dirty:
            return True
        edits, rows, draft_id = self.edits, self.segments, self.draft_id
        try:
            when = self.session.write_now(lambda lib: self._store(lib, draft_id, rows), "saving the draft")
        except ConcordError as e:
            self._not_saved(edits, str(e))
            return False
        except Exception as e:
            log.exception("saving draft %s failed", draft_id)
            self._not_saved(edits, failure_message("saving the draft", e))
            return False
        self._saved(edits, when)
        return True

    def _store(self, lib, draft_id: int, rows) -> str:
        """Autosave on the write lane; someone else's text saved meanwhile is kept as a version."""
        saved = svc.autosave_keeping_both(lib, draft_id, rows, self.base)
        self.base, self.save_note = saved.base, saved.note
        return saved.when

    def _saved(self, edits: int, when: str) -> None:
        if edits < 0 or edits < self.saved_edits:
            return  # a later save already told
        self.saved_edits = edits
        self.problem = ""
        self.retry_timer.stop()
        self.save_banner.hide()
        self.saved_label.setStyleSheet("")
        self.saved_label.setText(f"Saved {when}" + (f" — {self.save_note}" if self.save_note else ""))
        self.saved_label.setToolTip("")
        self.autosaved.emit(when)

    def _not_saved(self, edits: int, message: str) -> None:
        if edits <= self.saved_edits:
            return  # a later save went through
        reason = message.removeprefix(f"{self.session.store.location}: ")
        if reason != self.problem:
            log.warning("draft %s not saved: %s", self.draft_id, message)
        self.problem = reason
        color = diff_colors(self.palette()).delete_fg.name()
        self.saved_label.setText("Not saved")
        self.saved_label.setStyleSheet(f"color: {color}; font-weight: bold")
        self.saved_label.setToolTip(message)
        self.save_banner.setText(f"Not saved: {reason}. Your text stays here; Concord tries again every "
                                 f"{RETRY_MS // 1000} seconds, and asks before closing.")
        self.save_banner.setStyleSheet(f"color: {color}; font-weight: bold; padding: 4px 8px")
        self.save_banner.show()
        self.retry_timer.start()
        self.save_failed.emit(reason)

    # --- edits ------------------------------------------------------------------------

    def _push(self, label: str, change: Callable[[Rows, int], tuple[Rows, int]]) -> bool:
        before, row = self.segments, self.current_row()
        try:
            after, new_row = change(before, row)
        except EditRefused as e:
            top = self.window()
            if isinstance(top, QMainWindow):
                top.statusBar().showMessage(str(e), 4000)
            return False
        if after != before:
            self.undo_stack.push(DraftCommand(label, self._apply, before, after, row, new_row))
        return True

    def set_text(self, row: int, text: str, mergeable: bool = True) -> None:
        """Typing into `row` (the in-place editor calls this on every keystroke)."""
        before = self.segments
        after = core.edit_text(before, row, text)
        if after != before:
            self.undo_stack.push(EditTextCommand(self._apply, before, after, row, mergeable))
        if row == self.current_row():
            self.panel.request_for(text)

    def _typed(self, row: int, text: str) -> None:
        self.set_text(row, text)

    def add(self, kind: Kind, text: str = "") -> bool:
        return self._push(f"Add {kind.value}", lambda s, r: core.add_segment(s, r, kind, text))

    def delete_row(self) -> bool:
        return self._push("Delete", lambda s, r: (core.delete(s, r), min(r, len(core.delete(s, r)) - 1)))

    def move_up(self) -> bool:
        return self._push("Move up", core.move_up)

    def move_down(self) -> bool:
        return self._push("Move down", core.move_down)

    def move_row(self, row: int, before: int) -> bool:
        """A dragged row (with its block) dropped before row `before`: one undoable move."""
        self.set_current_row(row)
        return self._push("Move", lambda s, r: core.move_to(s, r, before))

    def indent(self) -> bool:
        return self._push("Indent", lambda s, r: (core.indent(s, r), r))

    def outdent(self) -> bool:
        return self._push("Outdent", lambda s, r: (core.outdent(s, r), r))

    def insert_precedent(self, text: str) -> bool:
        """Insert a precedent's text as a new row below the current one, at its level."""
        row = self.current_row()
        kind = self.segments[row].kind if 0 <= row < len(self.segments) else Kind.PARAGRAPH
        if kind not in (Kind.PARAGRAPH, Kind.SUBPARAGRAPH):
            kind = Kind.SUBPARAGRAPH if any(s.kind is Kind.PARAGRAPH for s in self.segments[: row + 1]) else Kind.PARAGRAPH
        if kind is Kind.PARAGRAPH:
            return self._push("Insert precedent", lambda s, r: core.add_segment(s, r, Kind.PARAGRAPH, text))

        def below(s: Rows, r: int) -> tuple[Rows, int]:
            return core.insert_segment(s, r + 1, Segment(Kind.SUBPARAGRAPH, text), core.depth_of(s[r]) or 1), r + 1

        return self._push("Insert precedent", below)

    def adopt(self, rows: Rows, label: str) -> None:
        """Take `rows` as the working copy (an imported version), as one undoable step."""
        before = self.segments
        if rows != before:
            self.view.closePersistentEditor(self.view.currentIndex())
            row = min(max(self.current_row(), 0), len(rows) - 1)
            self.undo_stack.push(DraftCommand(label, self._apply, before, tuple(rows), self.current_row(), row))
        self.draft = svc.get_draft(self.session.store, self.draft_id)

    def replace_with_precedent(self, text: str) -> None:
        row = self.current_row()
        if 0 <= row < len(self.segments):
            self.view.closePersistentEditor(self.view.currentIndex())
            self.set_text(row, text, mergeable=False)

    # --- versions ---------------------------------------------------------------------

    def save_version(self, name: str) -> int:
        """Freeze the working copy as the next version; a `ConcordError` says why it could not."""
        if not self.flush():
            raise ConcordError(f"the working copy is not saved ({self.problem}), so no version can be made of it")
        number = self.session.write_now(lambda lib: svc.save_version(lib, self.draft_id, name), "saving a version")
        self.draft = svc.get_draft(self.session.store, self.draft_id)
        self.version_saved.emit(number)
        return number

    def save_version_dialog(self) -> None:
        names = ["zero draft", "rev.1", "rev.2", "silence procedure", "final"]
        suggested = names[min(len(self.draft.versions), len(names) - 1)]
        name, ok = QInputDialog.getText(self, "Save version", "Name this round:", text=suggested)
        if ok:
            try:
                self.save_version(name)
            except ConcordError as e:
                QMessageBox.warning(self, "Save version", str(e))

    # --- view plumbing ----------------------------------------------------------------

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_actions()
        if current.isValid():
            self.panel.request_for(self.segments[current.row()].text)

    def _resize_rows(self, top: QModelIndex, bottom: QModelIndex, _roles: object = ()) -> None:
        for r in range(top.row(), bottom.row() + 1):
            self.view.resizeRowToContents(r)

    def _editor_created(self, editor: SegmentTextEdit) -> None:
        editor.undo_requested.connect(self.undo_stack.undo)
        editor.redo_requested.connect(self.undo_stack.redo)

    def stop(self) -> None:
        """No more saving or searching: the tab is closing (what was typed is stored or given up)."""
        self.autosave_timer.stop()
        self.retry_timer.stop()
        self.panel.stop()

    def closeEvent(self, event) -> None:
        self.flush()
        super().closeEvent(event)
