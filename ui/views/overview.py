"""The overview strip beside a comparison's scrollbar: where the changes are, click to jump."""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import QListView, QWidget

from app.compare.model import RowOp
from ui.models.roles import Role
from ui.views.textpaint import diff_colors


def op_color(op: RowOp, palette: QPalette) -> QColor:
    c = diff_colors(palette)
    return {
        RowOp.MODIFIED: QColor("#e08a00"),
        RowOp.INSERTED: c.insert_fg,
        RowOp.DELETED: c.delete_fg,
        RowOp.MOVED: c.move_fg,
        RowOp.SPLIT: c.move_fg,
        RowOp.MERGED: c.move_fg,
    }.get(op, c.muted)


class OverviewStrip(QWidget):
    """A narrow bar mapping the whole comparison onto its height."""

    row_clicked = Signal(int)

    def __init__(self, view: QListView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.setFixedWidth(16)
        self.setAccessibleName("Overview of changes")
        self.setToolTip("Where the changes are: click to jump")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        view.verticalScrollBar().valueChanged.connect(self.update)
        view.verticalScrollBar().rangeChanged.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(16, 100)

    def _geometry(self) -> tuple[list[int], list[int], int]:
        """Top and height of every row in content coordinates, and the content height."""
        model = self.view.model()
        offset = self.view.verticalScrollBar().value()
        tops, heights = [], []
        for r in range(model.rowCount() if model else 0):
            rect = self.view.visualRect(model.index(r, 0))
            tops.append(rect.top() + offset)
            heights.append(rect.height())
        total = self.view.verticalScrollBar().maximum() + self.view.viewport().height()
        if tops:
            total = max(total, tops[-1] + heights[-1])
        return tops, heights, max(total, 1)

    def marks(self) -> list[tuple[int, QRect, RowOp]]:
        """(row, rectangle, op) for each changed row, in this widget's coordinates."""
        tops, heights, total = self._geometry()
        scale = self.height() / total
        model = self.view.model()
        out = []
        for r, (top, h) in enumerate(zip(tops, heights, strict=True)):
            row = model.index(r, 0).data(Role.ROW)
            if row is None or row.op is RowOp.EQUAL:
                continue
            y = int(top * scale)
            out.append((r, QRect(2, y, self.width() - 4, max(3, int(h * scale))), row.op))
        return out

    def row_at_y(self, y: int) -> int:
        tops, _, total = self._geometry()
        if not tops:
            return -1
        content_y = y * total / max(1, self.height())
        return max(0, bisect_right(tops, content_y) - 1)

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        pal = self.palette()
        p.fillRect(self.rect(), diff_colors(pal).gutter_bg)
        for _, rect, op in self.marks():
            p.fillRect(rect, op_color(op, pal))
        tops, _, total = self._geometry()
        scale = self.height() / total
        bar = self.view.verticalScrollBar()
        frame = QColor(pal.color(QPalette.ColorRole.Text))
        frame.setAlpha(90)
        p.setPen(frame)
        p.drawRect(0, int(bar.value() * scale), self.width() - 1, int(self.view.viewport().height() * scale))
        p.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = self.row_at_y(int(event.position().y()))
        if row >= 0:
            self.row_clicked.emit(row)
