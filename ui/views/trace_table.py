"""The table under the provenance and clause history views: wrapped text with its changes painted.

The text column is laid out by `TextBlock` (plain text, never rich text) with deletions
struck and insertions underlined exactly as the comparison view paints them; the status
column is a colour band with the word, so the class never depends on colour alone.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from app.compare.model import RowOp
from app.services.search import MODIFIED, NEW, VERBATIM
from ui.models.roles import Role
from ui.models.table import Index
from ui.views.overview import op_color
from ui.views.reader import reading_font
from ui.views.textpaint import (
    LINE_SPACING,
    TextBlock,
    TextBlockDelegate,
    change_formats,
    diff_colors,
    paint_selection,
)

PAD = 6
_STATUS_OPS = {VERBATIM: RowOp.EQUAL, MODIFIED: RowOp.MODIFIED, NEW: RowOp.INSERTED}


def status_color(status: str, palette: QPalette) -> QColor:
    """The comparison view's colours: repeated language grey like "same", changed amber, new green."""
    return op_color(_STATUS_OPS.get(status, RowOp.EQUAL), palette)


class ChangesTextDelegate(TextBlockDelegate):
    """Paints any cell's text wrapped to its column, with the spans of `Role.SPANS` marked.

    Used on every column so that all cells of a row line up at the top and share the same
    selection tint; `muted_role` names a role whose truthy value draws the text muted
    (repeated language, so that what changed stands out).
    """

    def __init__(self, view: QTableView, text_column: int, muted_role: int | None = None) -> None:
        super().__init__(view)
        self.text_column = text_column
        self.muted_role = muted_role
        self._fonts: dict[tuple[str, bool], QFont] = {}

    def _font(self, index: Index) -> QFont:
        font = index.data(Qt.ItemDataRole.FontRole)
        bold = isinstance(font, QFont) and font.bold()
        key = (self.view.font().key(), bold)
        f = self._fonts.get(key)
        if f is None:
            f = reading_font(self.view.font(), 1.0)
            f.setBold(bold)
            self._fonts[key] = f
        return f

    def _width(self, index: Index) -> float:
        if index.column() != self.text_column:
            fm = QFontMetricsF(self._font(index))
            return max((fm.horizontalAdvance(line) for line in (index.data() or "").split("\n")), default=0) + 2
        view = self.view
        assert isinstance(view, QTableView)
        return view.columnWidth(index.column()) - 2 * PAD

    def _block(self, index: Index) -> TextBlock:
        width = self._width(index)
        spans = index.data(Role.SPANS) or ()
        text = index.data() or ""
        align = index.data(Qt.ItemDataRole.TextAlignmentRole)
        key = (index.row(), index.column(), int(width), text, spans, self.view.font().key(),
               self.view.palette().cacheKey())
        block = self._cache.get(key)
        if block is None:
            if len(self._cache) > 4000:
                self._cache.clear()
            formats = change_formats(spans, diff_colors(self.view.palette()))
            right = isinstance(align, int) and bool(align & Qt.AlignmentFlag.AlignRight.value)
            block = TextBlock(text, self._font(index), width, formats,
                              Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft)
            self._cache[key] = block
        return block

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        if index.column() != self.text_column:  # short lines: no layout needed to know their height
            lines = (index.data() or "").count("\n") + 1
            height = lines * QFontMetricsF(self._font(index)).height() * LINE_SPACING
            return QSize(int(self._width(index) + 2 * PAD + 0.999), int(height + 2 * PAD + 0.999))
        return QSize(int(self._width(index) + 2 * PAD + 0.999), int(self._block(index).height + 2 * PAD + 0.999))

    def paint(self, painter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            # the style has filled the cell with the strong highlight: a light tint reads better
            painter.fillRect(option.rect, option.palette.color(QPalette.ColorRole.Base))
            paint_selection(painter, option.rect, option.palette) if index.column() == 0 else _tint(painter, option)
        color = QColor(option.palette.color(QPalette.ColorRole.Text))
        if self.muted_role is not None and index.data(self.muted_role):
            color.setAlpha(175)
        painter.setPen(color)
        block = self._block(index)
        x: float = option.rect.left() + PAD
        if index.column() != self.text_column:
            x = option.rect.right() - PAD - block.layout.boundingRect().width() \
                if block.layout.textOption().alignment() & Qt.AlignmentFlag.AlignRight else x
        block.draw(painter, x, option.rect.top() + PAD)
        painter.restore()


def _tint(painter, option: QStyleOptionViewItem) -> None:
    """The selection tint without the bar (the bar is drawn once, in the first column)."""
    tint = QColor(option.palette.color(QPalette.ColorRole.Highlight))
    tint.setAlpha(55)
    painter.fillRect(option.rect, tint)


class StatusDelegate(QStyledItemDelegate):
    """A band in the status colour down the cell, and the status word in that colour."""

    def __init__(self, view: QTableView, status_role: int) -> None:
        super().__init__(view)
        self.status_role = status_role

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        fm = option.fontMetrics
        return QSize(fm.horizontalAdvance("modified") + 4 * PAD + 6, fm.height() + 2 * PAD)

    def paint(self, painter, option: QStyleOptionViewItem, index: Index) -> None:
        status = index.data(self.status_role) or ""
        pal = option.palette
        color = status_color(status, pal)
        rect = QRectF(option.rect)
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, pal.color(QPalette.ColorRole.Base))
        if status != VERBATIM:  # changed and new language stand out; repeated language stays quiet
            tint = QColor(color)
            tint.setAlpha(45)
            painter.fillRect(rect, tint)
        if option.state & QStyle.StateFlag.State_Selected:
            _tint(painter, option)
        painter.fillRect(QRectF(rect.left(), rect.top(), 6, rect.height()), color)
        f = QFont(option.font)
        f.setWeight(QFont.Weight.DemiBold)
        painter.setFont(f)
        painter.setPen(pal.color(QPalette.ColorRole.Text) if status == VERBATIM else color)
        painter.drawText(rect.adjusted(6 + PAD, PAD, -PAD, -PAD),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), index.data() or "")
        painter.restore()


FIT_CHUNK = 60  # rows fitted per turn of the event loop
FIT_SAMPLE = 500  # rows measured to size the columns other than the text


def _sample(rows: int) -> range | list[int]:
    """Every row of a short table; the first rows and an even spread of the rest of a long one."""
    if rows <= FIT_SAMPLE:
        return range(rows)
    step = rows / (FIT_SAMPLE // 2)
    return list(range(FIT_SAMPLE // 2)) + [int(k * step) for k in range(FIT_SAMPLE // 2)]


class TraceTable(QTableView):
    """Rows grow to fit their wrapped text, and re-wrap when the columns change width."""

    def __init__(self, text_column: int, muted_role: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text_column = text_column
        self.setWordWrap(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setShowGrid(False)
        self.setAlternatingRowColors(False)
        self.verticalHeader().hide()
        self.horizontalHeader().setHighlightSections(False)
        self.text_delegate = ChangesTextDelegate(self, text_column, muted_role)
        self.setItemDelegate(self.text_delegate)
        self._relayout = QTimer(self, singleShot=True, interval=0)
        self._relayout.timeout.connect(self.fit_rows)
        self._unfitted: list[int] = []
        self._fit_more = QTimer(self, singleShot=True, interval=0)
        self._fit_more.timeout.connect(self._fit_next_chunk)
        self.horizontalHeader().sectionResized.connect(lambda *_: self._relayout.start())

    def fit_columns(self) -> None:
        """The text column takes the room left by the others, which fit their contents
        (measured here once per model reset, on up to FIT_SAMPLE rows, each distinct text
        once: Qt's own fitting asks every cell for its size)."""
        header = self.horizontalHeader()
        for c in range(header.count()):
            mode = QHeaderView.ResizeMode.Stretch if c == self.text_column else QHeaderView.ResizeMode.Interactive
            header.setSectionResizeMode(c, mode)
        model = self.model()
        bold = QFont(reading_font(self.font(), 1.0))
        bold.setBold(True)
        fm_bold = QFontMetricsF(bold)
        for c in range(header.count()):
            if c == self.text_column:
                continue
            title = str(model.headerData(c, Qt.Orientation.Horizontal) or "")
            widest: float = header.fontMetrics().horizontalAdvance(title) + 3 * PAD
            texts = {model.index(r, c).data() or "" for r in _sample(model.rowCount())}
            for text in texts:
                widest = max(widest, max(fm_bold.horizontalAdvance(line) for line in text.split("\n")) + 2 * PAD + 8)
            self.setColumnWidth(c, int(widest + 0.999))

    def setModel(self, model) -> None:
        super().setModel(model)
        model.modelReset.connect(self._forget_fit)

    def _forget_fit(self) -> None:
        self._fitted: tuple | None = None
        self.fit_columns()

    def schedule_fit(self) -> None:
        """Fit the rows once the columns have their widths (after the next layout)."""
        self._relayout.start()

    def fit_rows(self) -> None:
        """Row heights for the current column widths (laid-out texts are cached per width);
        nothing to do when neither the rows nor the widths changed since the last fit.

        The rows in view are fitted at once, the others FIT_CHUNK at a time on later turns
        of the event loop: fitting two thousand wrapped rows in one go held the window for
        seconds."""
        widths = tuple(self.columnWidth(c) for c in range(self.horizontalHeader().count()))
        if getattr(self, "_fitted", None) == widths:
            return
        self._fitted = widths
        rows = self.model().rowCount() if self.model() is not None else 0
        top = max(0, self.rowAt(0))
        shown = range(top, min(rows, top + FIT_CHUNK))
        for r in shown:
            self.resizeRowToContents(r)
        self._unfitted = [r for r in range(rows) if r not in shown]
        self._fit_more.start()

    def _fit_next_chunk(self) -> None:
        rows = self.model().rowCount() if self.model() is not None else 0
        chunk, self._unfitted = self._unfitted[:FIT_CHUNK], self._unfitted[FIT_CHUNK:]
        for r in chunk:
            if r < rows:
                self.resizeRowToContents(r)
        if self._unfitted:
            self._fit_more.start()

    def changeEvent(self, event) -> None:
        from PySide6.QtCore import QEvent

        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange):
            self._relayout.start()
        super().changeEvent(event)
