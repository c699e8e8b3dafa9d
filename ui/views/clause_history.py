"""Clause history: every version of a clause in the library, by meeting date, with what each changed.

Each version is shown against the version it follows (the closest earlier one, as
`app.services.search.clause_history` links them), deletions struck and insertions
underlined; choosing a version opens it in the reader. The versions are found off the UI
thread and shown as they come, in batches; a newer request cancels the running one.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from app.services.search import HistoryEntry, clause_history_rows
from app.store import Store
from app.wording import count
from ui.dialogs.errors import show_error
from ui.models.history_model import TEXT_COL, ClauseHistoryModel
from ui.models.roles import Role
from ui.session import LibraryChange, Session
from ui.views.trace_panel import lay_out_trace, title_label, view_action
from ui.views.trace_table import TraceTable
from ui.workers import Job

STREAM_INTERVAL_S = 0.15  # versions found are first shown after this, then at doubling intervals


def history_summary(entries: list[HistoryEntry]) -> str:
    """'6 versions in 2 documents, 2020-11-20 to 2022-03-01; 3 changed the language'."""
    if not entries:
        return "No version of this clause in the library."
    docs = {e.source.document_id for e in entries}
    dates = sorted(e.source.meeting_date for e in entries if e.source.meeting_date)
    span = f", {dates[0]} to {dates[-1]}" if dates and dates[0] != dates[-1] else (f", {dates[0]}" if dates else "")
    changed = sum(1 for e in entries if e.changed)
    return (f"{count(len(entries), 'version')} in {count(len(docs), 'document')}{span}; "
            f"{changed} changed the language of the version they follow")


class ClauseHistoryView(QWidget):
    """A tab listing the versions of one clause, oldest first."""

    open_requested = Signal(int, int)  # document id, position
    compare_requested = Signal(object, object)  # the earlier HistoryEntry, the later one
    history_ready = Signal(object)  # list[HistoryEntry]
    _rows_found = Signal(int, object)  # generation, the versions so far: emitted by the worker

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.clause = ""
        self.latest = session.latest(self)
        self.latest.finished.connect(self._finished)
        self.latest.failed.connect(self._fail)
        self._generation = 0
        self._rows_found.connect(self._queue_rows)  # queued: emitted on the worker's thread
        self._batch: tuple[int, list[HistoryEntry]] | None = None  # the newest batch not shown yet
        self._show_timer = QTimer(self, singleShot=True, interval=0)
        self._show_timer.timeout.connect(self._show_batch)
        session.library_changed.connect(self._library_changed)
        self.setAccessibleName("Clause history")
        self.model = ClauseHistoryModel(parent=self)
        self.table = TraceTable(TEXT_COL)
        self.table.setAccessibleName("Versions of the clause")
        self.table.setModel(self.model)
        self.table.fit_columns()
        self.table.activated.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        self.title = title_label()
        self.summary = QLabel("searching…")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleName("Summary of the history")
        self.open_action = view_action(self, "Open in Reader", "Ctrl+Return", self.open_current)
        self.compare_action = view_action(self, "Compare with Version It Follows", "Ctrl+E", self.compare_current)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addActions([self.open_action, self.compare_action])
        lay_out_trace(self, self.title, self.summary, self.table, (self.open_action, self.compare_action))
        self._update_actions()

    def _update_actions(self) -> None:
        e = self.current_entry()
        self.open_action.setEnabled(e is not None)
        self.compare_action.setEnabled(e is not None and e.previous is not None)

    # --- computing ------------------------------------------------------------------

    def trace(self, ref_or_text: str, title: str) -> Job:
        """The history of a clause named by a REF (`1:5(h)`) or given as its text; the
        versions are shown as they are found, and a newer request cancels this one."""
        self.clause = ref_or_text
        self.title.setText(title)
        self._generation += 1
        generation, rows_found = self._generation, self._rows_found

        def work(lib: Store, job: Job) -> list[HistoryEntry] | None:
            entries: list[HistoryEntry] = []
            shown, interval = time.monotonic(), 0.0  # the first version at once
            for entry in clause_history_rows(lib, ref_or_text):
                if job.is_cancelled():
                    return None
                entries.append(entry)
                if time.monotonic() - shown >= interval:
                    rows_found.emit(generation, list(entries))
                    # fewer, larger batches as versions pile up: each shows every version again
                    shown, interval = time.monotonic(), max(STREAM_INTERVAL_S, interval * 2)
            return entries

        self.summary.setText("searching…")
        self.model.set_entries([])
        return self.latest.start(self.session.job(work, "tracing the clause history"))

    def _queue_rows(self, generation: int, entries: list[HistoryEntry]) -> None:
        """Batches that arrived while the window was busy are shown as one: the newest."""
        self._batch = (generation, entries)
        self._show_timer.start()

    def _show_batch(self) -> None:
        if self._batch is not None:
            batch, self._batch = self._batch, None
            self._show_rows(*batch)

    def _show_rows(self, generation: int, entries: list[HistoryEntry]) -> None:
        """Versions found so far, while the search goes on (a newer request's win)."""
        if generation != self._generation:
            return
        self.model.set_entries(entries)
        self.summary.setText(f"searching… {count(len(entries), 'version')} so far")
        self.table.schedule_fit()

    def _library_changed(self, change: LibraryChange) -> None:
        """A document imported (or removed) may hold another version of the clause."""
        if change.documents and not change.switched and self.clause:
            self.trace(self.clause, self.title.text())

    def _fail(self, message: str) -> None:
        self.summary.setText("could not trace this clause")
        show_error(self, "Clause history", message)

    def _finished(self, entries) -> None:
        if entries is not None:  # None: a request superseded before it had anything to show
            self.set_entries(entries)

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        self._batch = None  # a batch still queued is part of these
        self._generation += 1  # and nothing of this request is shown again
        self.model.set_entries(entries)
        self.summary.setText(history_summary(entries))
        self.table.schedule_fit()
        current = next((r for r in range(self.model.rowCount())
                        if self.model.index(r, 0).data(Role.CURRENT)), 0 if entries else -1)
        if current >= 0:
            self.table.selectRow(current)
            self.table.scrollTo(self.model.index(current, 0))
        self._update_actions()
        self.history_ready.emit(entries)

    # --- acting on a row ------------------------------------------------------------

    def current_entry(self) -> HistoryEntry | None:
        index = self.table.currentIndex()
        return index.data(Role.ENTRY) if index.isValid() else None

    def _activated(self, index: QModelIndex) -> None:
        self.open_current()

    def open_current(self) -> bool:
        e = self.current_entry()
        if e is None or e.source.document_id is None:
            return False
        self.open_requested.emit(e.source.document_id, e.source.position)
        return True

    def compare_current(self) -> bool:
        e = self.current_entry()
        if e is None or e.previous is None:
            return False
        self.compare_requested.emit(self.model.entries[e.previous], e)
        return True
