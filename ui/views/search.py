"""Global search (Ctrl+K): full-text results with matched words highlighted.

Searching runs on the session's reader pool; typing restarts it after a short pause, and
starting a newer query cancels the older one. A change to the library runs the query again.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QStyle,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.services.library import search
from app.wording import count
from ui.models.roles import Role
from ui.models.search_model import SearchResultsModel
from ui.models.table import Index
from ui.session import LibraryChange, Session
from ui.views.reader import SegmentListView
from ui.views.textpaint import (
    TextBlock,
    TextBlockDelegate,
    char_format,
    diff_colors,
    filter_field,
    format_range,
    paint_selection,
)
from ui.workers import Job

PAD = 8


class HitDelegate(TextBlockDelegate):
    """Where the hit is (bold), then its text with the matched words highlighted."""

    def _block(self, index: Index) -> TextBlock:
        width = self.view.viewport().width() - 2 * PAD
        spans = index.data(Role.SPANS) or ()
        key = (index.row(), int(width), index.data(), spans)
        if key not in self._cache:
            colors = diff_colors(self.view.palette())
            fmt = char_format(colors.find_fg, colors.find_bg, bold=True)
            self._cache[key] = TextBlock(index.data() or "", self.view.font(), width,
                                         [format_range(a, b, fmt) for a, b in spans])
        return self._cache[key]

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        h = self.view.fontMetrics().height() + self._block(index).height + 2 * PAD
        return QSize(self.view.viewport().width(), int(h + 0.999))

    def paint(self, painter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        pal = option.palette
        if option.state & QStyle.StateFlag.State_Selected:
            paint_selection(painter, option.rect, pal)
        f = QFont(self.view.font())
        f.setWeight(QFont.Weight.Bold)
        painter.setFont(f)
        painter.setPen(pal.color(QPalette.ColorRole.Text))
        top = option.rect.top() + PAD
        painter.drawText(option.rect.left() + PAD, top, option.rect.width() - 2 * PAD,
                         self.view.fontMetrics().height(), int(Qt.AlignmentFlag.AlignLeft),
                         index.data(Qt.ItemDataRole.AccessibleDescriptionRole) or "")
        painter.setFont(self.view.font())
        self._block(index).draw(painter, option.rect.left() + PAD, top + self.view.fontMetrics().height())
        painter.restore()


class SearchDialog(QDialog):
    """Type to search the whole library; Enter or double-click opens the paragraph."""

    hit_chosen = Signal(int, int)  # document id, segment position
    results_shown = Signal(int)  # number of hits for the latest query

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Search the library")
        self.session = session
        self.latest = session.latest(self)
        self.latest.finished.connect(self._show)
        self.latest.failed.connect(self._failed)
        session.library_changed.connect(self._library_changed)
        self.edit = filter_field('Words, "a phrase", prefix*, or: this OR that', "Search the library")
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName("Search status")
        self.model = SearchResultsModel(self)
        self.list = SegmentListView()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName("Search results")
        self.list.setModel(self.model)
        self.delegate = HitDelegate(self.list)
        self.list.setItemDelegate(self.delegate)
        lay = QVBoxLayout(self)
        lay.addWidget(self.edit)
        lay.addWidget(self.status)
        lay.addWidget(self.list, 1)
        self.timer = QTimer(self, singleShot=True, interval=180)
        self.timer.timeout.connect(self.run_search)
        self.edit.textChanged.connect(lambda _: self.timer.start())
        self.edit.returnPressed.connect(self._enter)
        self.list.activated.connect(self.choose)
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.edit)
        down.activated.connect(self._focus_results)
        self.resize(720, 520)

    def _library_changed(self, change: LibraryChange) -> None:
        """Hits of another library, or of texts that changed, would open the wrong place."""
        if not (change.documents or change.switched):
            return
        if self.isVisible() and self.edit.text().strip():
            self.run_search()
        else:
            self.latest.cancel()
            self.model.set_hits([])
            self.status.setText("")

    def _focus_results(self) -> None:
        if self.model.rowCount():
            self.list.setFocus()
            self.list.setCurrentIndex(self.model.index(0))

    def _enter(self) -> None:
        self.timer.stop()
        if self.model.rowCount() and self.list.currentIndex().isValid():
            self.choose(self.list.currentIndex())
        elif self.model.rowCount():
            self.choose(self.model.index(0))
        else:
            self.run_search()

    def run_search(self) -> Job | None:
        query = self.edit.text()
        if not query.strip():
            self.latest.cancel()
            self.model.set_hits([])
            self.status.setText("")
            return None
        self.status.setText("searching…")
        return self.latest.start(self.session.job(lambda lib, job: search(lib, query), "searching the library"))

    def _failed(self, message: str) -> None:
        self.status.setText(message)

    def _show(self, hits) -> None:
        self.delegate.clear_cache()
        self.model.set_hits(hits)
        n = len(hits)
        self.status.setText("no paragraph matches" if not n else count(n, 'paragraph'))
        self.results_shown.emit(n)

    def choose(self, index: Index) -> None:
        if index.isValid():
            self.hit_chosen.emit(index.data(Role.DOC_ID), index.data(Role.POSITION))

    def open_search(self) -> None:
        if self.edit.text().strip() and not self.model.rowCount():
            self.run_search()
        self.show()
        self.raise_()
        self.activateWindow()
        self.edit.setFocus()
        self.edit.selectAll()
