"""The provenance view: which segments of a passage repeat agreed language, which changed it, which are new.

Provenance is computed off the UI thread (`app.services.search.provenance`, about a second
on a large library); a newer request (the "within this document" toggle flipped again, a
document imported meanwhile) cancels the older one.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from app.model import Passage
from app.services.search import MODIFIED, NEW, VERBATIM, Provenance, SegmentProvenance, provenance
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

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.passage: Passage | None = None
        self.ref: str | Passage = ""
        self.latest = session.latest(self)
        self.latest.finished.connect(lambda result: self.set_result(*result))
        self.latest.failed.connect(self._fail)
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

        what, within = self.ref, self.within.isChecked()

        def work(lib: Store, job: Job) -> tuple[Passage, Provenance]:
            passage = resolve_ref(lib, what) if isinstance(what, str) else what
            return passage, provenance(lib, passage, within=within)

        self.summary.setText("tracing…")
        return self.latest.start(self.session.job(work, "tracing the provenance"))

    def _library_changed(self, change: LibraryChange) -> None:
        """Earlier conclusions imported (or removed) change where the language comes from."""
        if change.documents and not change.switched and self.ref:
            self.rerun()

    def _fail(self, message: str) -> None:
        self.summary.setText("could not trace this passage")
        show_error(self, "Provenance", message)

    def set_result(self, passage: Passage, prov: Provenance) -> None:
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
