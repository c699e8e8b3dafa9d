"""The provenance view: which segments of a passage repeat agreed language, which changed it, which are new.

Provenance is computed off the UI thread (`app.services.search.provenance_rows`), and the
rows found are shown as they come, in batches; a newer request (the "within this document"
toggle flipped again, a document imported meanwhile) cancels the older one, and anything
the older one still sends is dropped.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from app.model import Kind, Passage
from app.services.search import (
    MODIFIED,
    NEW,
    VERBATIM,
    Provenance,
    SegmentProvenance,
    provenance_rows,
)
from app.store import Store
from app.wording import count
from ui.dialogs.errors import show_error
from ui.models.provenance_model import SOURCE_COL, STATUS_COL, TEXT_COL, ProvenanceModel
from ui.models.roles import Role
from ui.session import LibraryChange, Session
from ui.views.trace_panel import lay_out_trace, title_label, view_action
from ui.views.trace_table import StatusDelegate, TraceTable, status_color
from ui.workers import Job

STATUSES = (VERBATIM, MODIFIED, NEW)
STREAM_INTERVAL_S = 0.15  # rows found are first shown after this, then at doubling intervals


def _partial(passage: Passage, rows: list[SegmentProvenance]) -> Provenance:
    return Provenance(passage.ref, passage.describe(), tuple(rows))


def passage_rows(passage: Passage) -> int:
    """How many rows tracing the passage gives (titles and blank lines are not traced)."""
    return sum(1 for s in passage.segments if s.kind is not Kind.TITLE and s.text.strip())


def summary_text(prov: Provenance) -> str:
    """'106 segments — verbatim 98 (92.1% of the words) · modified 5 (6.0%) · new 3 (1.9%)'."""
    counts, shares = prov.counts(), prov.percentages()
    parts = [f"{s} {counts[s]} ({shares[s]:.1f}%{' of the words' if s == VERBATIM else ''})" for s in STATUSES]
    return f"{count(len(prov.segments), 'segment')} — " + " · ".join(parts)


class ShareBar(QWidget):
    """The words of the passage as one bar: grey repeated, amber changed, green new, each named."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shares: dict[str, float] = {}
        self.setMinimumHeight(22)
        self.setAccessibleName("Share of the words verbatim, modified and new")

    def set_shares(self, shares: dict[str, float]) -> None:
        self.shares = dict(shares)
        self.setToolTip(" · ".join(f"{s}: {v:.1f}%" for s, v in self.shares.items()))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(400, self.fontMetrics().height() + 8)

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        pal = self.palette()
        rect = QRectF(self.rect()).adjusted(0, 2, 0, -2)
        total = sum(self.shares.values()) or 1.0
        x = rect.left()
        for status in STATUSES:
            w = rect.width() * self.shares.get(status, 0.0) / total
            if w <= 0:
                continue
            color = status_color(status, pal)
            fill = QColor(color)
            fill.setAlpha(110 if status != VERBATIM else 70)
            part = QRectF(x, rect.top(), w, rect.height())
            p.fillRect(part, fill)
            word = f"{status} {self.shares[status]:.0f}%"
            if p.fontMetrics().horizontalAdvance(word) + 8 < w:
                p.setPen(pal.color(QPalette.ColorRole.Text))
                p.drawText(part, int(Qt.AlignmentFlag.AlignCenter), word)
            x += w
        p.end()


class ProvenanceView(QWidget):
    """A passage segment by segment, with where each was agreed before; a tab of the main window."""

    source_requested = Signal(int, int)  # document id, position: open the reader there
    compare_requested = Signal(object, object)  # SegmentProvenance, Passage (the traced one)
    provenance_ready = Signal(object)  # Provenance
    _rows_found = Signal(int, object)  # generation, (Passage, Provenance so far): emitted by the worker

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.passage: Passage | None = None
        self.ref: str | Passage = ""
        self.latest = session.latest(self)
        self.latest.finished.connect(self._finished)
        self.latest.failed.connect(self._fail)
        self._generation = 0
        self._rows_found.connect(self._queue_rows)  # queued: emitted on the worker's thread
        self._batch: tuple[int, object] | None = None  # the newest batch not shown yet
        self._show_timer = QTimer(self, singleShot=True, interval=0)
        self._show_timer.timeout.connect(self._show_batch)
        session.library_changed.connect(self._library_changed)
        self.setAccessibleName("Provenance")
        self.model = ProvenanceModel(parent=self)
        self.table = TraceTable(TEXT_COL, Role.VERBATIM)
        self.table.setAccessibleName("Segments and their sources")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(STATUS_COL, StatusDelegate(self.table, Role.STATUS))
        self.table.fit_columns()
        self.table.activated.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())

        self.title = title_label()
        self.summary = QLabel("tracing…")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleName("Summary of provenance")
        self.bar = ShareBar()
        self.within = QCheckBox("Within this document too")
        self.within.setAccessibleName("Count earlier paragraphs of this document as sources")
        self.within.setToolTip("Also look for each paragraph among the earlier paragraphs of the same "
                               "document (a letter repeating the public statement) (Ctrl+Alt+W)")
        self.within.toggled.connect(lambda _: self.rerun())
        self._make_actions()

        lay_out_trace(self, self.title, self.summary, self.table, (self.open_action, self.compare_action),
                      beside=(self.within,), below=(self.bar,))
        self._update_actions()

    def _make_actions(self) -> None:
        self.open_action = view_action(self, "Open Source", "Ctrl+Return", self.open_source)
        self.compare_action = view_action(self, "Compare with Source", "Ctrl+E", self.compare_with_source)
        self.within_action = view_action(self, "Within this document too", "Ctrl+Alt+W", self.within.toggle)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addActions([self.open_action, self.compare_action])

    def _update_actions(self) -> None:
        p = self.current_item()
        source = p.source if p is not None else None
        self.open_action.setEnabled(source is not None and source.document_id is not None)
        self.compare_action.setEnabled(source is not None)

    # --- computing ------------------------------------------------------------------

    def trace(self, what: str | Passage, title: str = "") -> Job:
        """Trace a REF (`"3"`, `"1:5..7"`, `"draft:2"`) or a passage; re-run with the same on `rerun`."""
        self.ref = what
        self.title.setText(title or (what.describe() if isinstance(what, Passage) else what))
        return self.rerun()

    def rerun(self) -> Job:
        from app.services.library import resolve_ref

        self._generation += 1
        generation, what, within = self._generation, self.ref, self.within.isChecked()
        rows_found = self._rows_found

        def work(lib: Store, job: Job) -> tuple[Passage, Provenance] | None:
            passage = resolve_ref(lib, what) if isinstance(what, str) else what
            rows: list[SegmentProvenance] = []
            shown, interval = time.monotonic(), 0.0  # the first row at once
            for row in provenance_rows(lib, passage, within=within):
                if job.is_cancelled():
                    return None
                rows.append(row)
                if time.monotonic() - shown >= interval:
                    rows_found.emit(generation, (passage, _partial(passage, rows)))
                    # fewer, larger batches as rows pile up: each shows every row again
                    shown, interval = time.monotonic(), max(STREAM_INTERVAL_S, interval * 2)
            return passage, _partial(passage, rows)

        self.summary.setText("tracing…")
        self.model.set_provenance(Provenance("", "", ()))
        return self.latest.start(self.session.job(work, "tracing the provenance"))

    def _library_changed(self, change: LibraryChange) -> None:
        """Earlier conclusions imported (or removed) change where the language comes from."""
        if change.documents and not change.switched and self.ref:
            self.rerun()

    def _queue_rows(self, generation: int, rows: object) -> None:
        """Batches that arrived while the window was busy are shown as one: the newest."""
        self._batch = (generation, rows)
        self._show_timer.start()

    def _show_batch(self) -> None:
        if self._batch is not None:
            batch, self._batch = self._batch, None
            self._show_rows(*batch)  # type: ignore[arg-type]

    def _show_rows(self, generation: int, found: tuple[Passage, Provenance]) -> None:
        """Rows traced so far, while the rest are traced (a newer request's rows win)."""
        if generation != self._generation:
            return
        passage, prov = found
        self.model.set_provenance(prov, passage.document.id)
        self.summary.setText(f"tracing… {len(prov.segments)} of {count(passage_rows(passage), 'segment')}")
        self.table.schedule_fit()

    def _fail(self, message: str) -> None:
        self.summary.setText("could not trace this passage")
        show_error(self, "Provenance", message)

    def _finished(self, result) -> None:
        if result is not None:  # None: a request superseded before it had anything to show
            self.set_result(*result)

    def set_result(self, passage: Passage, prov: Provenance) -> None:
        self._batch = None  # a batch still queued is part of this
        self._generation += 1  # and nothing of this request is shown again
        self.passage = passage
        if not self.title.text() or self.title.text() == str(self.ref):
            self.title.setText(f"Provenance of {passage.describe()}")
        row = self.table.currentIndex().row()  # kept when the same passage is traced again
        self.model.set_provenance(prov, passage.document.id)
        self.summary.setText(summary_text(prov))
        self.bar.set_shares(prov.percentages())
        self.table.schedule_fit()
        if self.model.rowCount():
            self.table.selectRow(row if 0 <= row < self.model.rowCount() else 0)
        self._update_actions()
        self.provenance_ready.emit(prov)

    @property
    def provenance(self) -> Provenance:
        return self.model.provenance

    # --- acting on a row ------------------------------------------------------------

    def current_item(self) -> SegmentProvenance | None:
        index = self.table.currentIndex()
        return index.data(Role.ITEM) if index.isValid() else None

    def row_of(self, name: str) -> int:
        """The row of a label such as "7(b)" (-1 if absent)."""
        return next((r for r, p in enumerate(self.model.provenance.segments) if p.name == name), -1)

    def select(self, row: int, column: int = SOURCE_COL) -> None:
        self.table.setCurrentIndex(self.model.index(row, column))
        self.table.scrollTo(self.model.index(row, column))

    def _activated(self, index: QModelIndex) -> None:
        self.open_source()

    def open_source(self) -> bool:
        p = self.current_item()
        if p is None or p.source is None or p.source.document_id is None:
            return False
        self.source_requested.emit(p.source.document_id, p.source.position)
        return True

    def compare_with_source(self) -> bool:
        p = self.current_item()
        if p is None or p.source is None or self.passage is None:
            return False
        self.compare_requested.emit(p, self.passage)
        return True
