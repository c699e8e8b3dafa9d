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
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
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
from app.model import Kind, ReviewMark, Segment
from app.services import drafts as svc
from app.store import Store
from app.wording import count
from ui.drafting.commands import DraftCommand, EditTextCommand
from ui.drafting.delegate import SegmentTextEdit, TextDelegate
from ui.drafting.editor_actions import EditorActions
from ui.drafting.find_replace import DraftFinder, FindInDraft, FindReplaceBar
from ui.drafting.model import DraftModel
from ui.drafting.precedents import PrecedentPanel
from ui.drafting.review import follow_marks
from ui.drafting.review_marks import ReviewMarks
from ui.drafting.status_strip import ReviewBar, StatusStrip, saved_at
from ui.session import Session
from ui.views.textpaint import diff_colors
from ui.workers import failure_message

log = logging.getLogger(__name__)
AUTOSAVE_MS = 300  # the longest an edit waits before it is on its way to the library
RETRY_MS = 2000  # after a failed save, the next try
Rows = tuple[Segment, ...]


class DraftEditor(EditorActions, FindInDraft, ReviewMarks, QWidget):
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
        # Places the replace step changed or held back, until the drafter has looked at them;
        # stored with the next save when they change (`_marks_saved` False).
        self.marks: tuple[ReviewMark, ...] = session.store.review_marks(draft_id)
        self._marks_saved = True
        self._pending_marks: tuple[ReviewMark, ...] | None = None
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

        self.toolbar = QToolBar()
        self.toolbar.setAccessibleName("Draft tools")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)  # text where there is no icon
        self._actions()
        self.status = StatusStrip(self.save_version_action)
        self.review_bar = ReviewBar(self.next_review_action, self.mark_reviewed_action, self.mark_all_action)
        self.brackets_label: QLabel = self.status.brackets_label
        self.saved_label: QLabel = self.status.saved_label
        self.find_bar = FindReplaceBar()
        self.finder = DraftFinder(self, self.find_bar, self)

        split = QSplitter()
        split.addWidget(self.view)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.toolbar, 1)
        top.addWidget(self.status)
        layout.addLayout(top)
        layout.addWidget(self.review_bar)
        layout.addWidget(self.find_bar)
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
        self._show_marks()
        self._update_brackets()
        self._update_actions()
        self._show_saved(self.draft.head_saved_at)
        if self.model.rowCount():
            self.set_current_row(0)

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
        """What every command's redo/undo does: show the rows, select one, schedule autosave.

        Review marks follow their rows; an edited row loses its marks (see `review`)."""
        marks = follow_marks(self.marks, self.segments, rows)
        self.model.set_segments(rows)
        if marks != self.marks:
            self.marks, self._marks_saved = marks, False
        self._show_marks()
        if row != self.current_row():
            self.set_current_row(row)
        self._changed()
        if not self.find_bar.isHidden():
            self.finder.refresh()

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
        edits, store = self.edits, self._store_now()
        self._saving_edits = edits
        job = self.session.write(lambda lib, job: store(lib), "saving the draft", urgent=True)
        job.signals.finished.connect(self._save_done)
        job.signals.failed.connect(self._save_failed)
        job.signals.ended.connect(self._save_ended)

    def _store_now(self) -> Callable[[Store], str]:
        """What a save writes: the rows as they are now, and the review marks if they changed."""
        rows, draft_id = self.segments, self.draft_id
        marks = None if self._marks_saved else self.marks
        self._marks_saved = True  # a failed save puts it back (`_not_saved`)

        def store(lib: Store) -> str:
            # Someone else's text saved meanwhile is kept as a version (`autosave_keeping_both`).
            saved = svc.autosave_keeping_both(lib, draft_id, rows, self.base)
            self.base, self.save_note = saved.base, saved.note
            if marks is not None:
                lib.set_review_marks(draft_id, marks)
            return saved.when

        self._pending_marks = marks
        return store

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
        edits, store = self.edits, self._store_now()
        try:
            when = self.session.write_now(store, "saving the draft")
        except ConcordError as e:
            self._not_saved(edits, str(e))
            return False
        except Exception as e:
            log.exception("saving draft %s failed", self.draft_id)
            self._not_saved(edits, failure_message("saving the draft", e))
            return False
        self._saved(edits, when)
        return True

    def _saved(self, edits: int, when: str) -> None:
        if edits < 0 or edits < self.saved_edits:
            return  # a later save already told
        self.saved_edits = edits
        self.problem = ""
        self.retry_timer.stop()
        self.save_banner.hide()
        self._show_saved(when)
        self.autosaved.emit(when)

    def _show_saved(self, when: str) -> None:
        text, tip = saved_at(when)
        self.saved_label.setStyleSheet("")
        self.saved_label.setText(text + (f" — {self.save_note}" if self.save_note else ""))
        self.saved_label.setToolTip(tip)

    def _not_saved(self, edits: int, message: str) -> None:
        if edits <= self.saved_edits:
            return  # a later save went through
        if self._pending_marks is not None:
            self._marks_saved = False  # the marks go with the next try
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

    def add_and_type(self, kind: Kind) -> bool:
        """Add a row below (the toolbar, Ctrl+Return) and open it for typing."""
        if not self.add(kind):
            return False
        self.view.setFocus()
        self.view.edit(self.model.index(self.current_row(), 1))
        return True

    def replace_row_text(self, row: int, text: str, label: str) -> bool:
        """One row's whole text replaced as one undoable step named `label`."""
        self._close_row_editor()
        return self._push(label, lambda s, r: (core.edit_text(s, row, text), row))

    def replace_rows(self, rows: Rows, label: str) -> bool:
        """Every row replaced at once (Replace All) as one undoable step named `label`."""
        self._close_row_editor()
        return self._push(label, lambda s, r: (tuple(rows), r))

    def show_status(self, text: str, ms: int = 6000) -> None:
        top = self.window()
        if isinstance(top, QMainWindow):
            top.statusBar().showMessage(text, ms)

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
                number = self.save_version(name)
            except ConcordError as e:
                QMessageBox.warning(self, "Save version", str(e))
                return
            self.show_status(f"Saved version {number}, “{name.strip()}”, of “{self.draft.title}”.", 8000)

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
        editor.tab_pressed.connect(lambda forward: self._tabbed(editor, forward))

    def _tabbed(self, editor: SegmentTextEdit, forward: bool) -> None:
        """Tab in a row: keep what was typed, leave the row, select the next (or previous) one."""
        row = self.current_row()
        self.delegate.commitData.emit(editor)
        self.delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        self.set_current_row(max(0, min(row + (1 if forward else -1), self.model.rowCount() - 1)))
        self.view.setFocus()

    def _close_row_editor(self) -> None:
        if self.view.state() == QAbstractItemView.State.EditingState:
            editor = self.view.indexWidget(self.view.currentIndex())
            if editor is not None:
                self.delegate.commitData.emit(editor)
                self.delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def stop(self) -> None:
        """No more saving or searching: the tab is closing (what was typed is stored or given up)."""
        self.autosave_timer.stop()
        self.retry_timer.stop()
        self.panel.stop()

    def closeEvent(self, event) -> None:
        self.flush()
        super().closeEvent(event)
