"""Painting one aligned pair: left text | gutter (what changed, similarity) | right text.

Deleted words are struck through in red on the left, inserted words underlined in green on
the right; a row's height is the taller of its two wrapped sides.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPalette, QTextLayout
from PySide6.QtWidgets import QListView, QStyle, QStyleOptionViewItem

from app.compare.model import Row, RowOp
from app.model import Segment
from ui.models.roles import Role
from ui.models.table import Index
from ui.views.overview import op_color
from ui.views.reader import reading_font
from ui.views.textpaint import (
    DiffColors,
    TextBlock,
    TextBlockDelegate,
    change_format,
    char_format,
    diff_colors,
    format_range,
    paint_selection,
)

GUTTER = 96
LABEL = 52
PAD = 8

GUTTER_WORDS = {
    RowOp.EQUAL: "same",
    RowOp.MODIFIED: "changed",
    RowOp.INSERTED: "added",
    RowOp.DELETED: "removed",
    RowOp.MOVED: "moved",
}


def side_formats(row: Row, side: str, colors: DiffColors) -> list[QTextLayout.FormatRange]:
    """The highlight ranges for one side of a row, from its word-level edits."""
    deleted, inserted = change_format("delete", colors), change_format("insert", colors)
    seg = row.left if side == "left" else row.right
    if seg is None:
        return []
    if row.op is RowOp.DELETED and side == "left" and not row.edits:
        return [format_range(0, len(seg.text), deleted)]
    if row.op is RowOp.INSERTED and side == "right" and not row.edits:
        return [format_range(0, len(seg.text), inserted)]
    if row.op is RowOp.MOVED and row.right is None:
        moved = char_format(colors.move_fg)
        return [format_range(0, len(seg.text), moved)]
    out = []
    for e in row.edits:
        if side == "left" and e.op == "delete":
            out.append(format_range(*e.left, deleted))
        elif side == "right" and e.op == "insert":
            out.append(format_range(*e.right, inserted))
    return out


def similarity_text(value: float) -> str:
    """'93%'; a near-identical pair keeps its decimal so it never reads as 100%."""
    text = f"{value:.0f}%"
    return f"{value:.1f}%" if text == "100%" and value < 100 else text


def word_counts(row: Row) -> tuple[int, int]:
    """Words struck out on the left and added on the right (punctuation counts as one)."""
    removed = sum(len(e.text.split()) or 1 for e in row.edits if e.op == "delete" and e.text.strip())
    added = sum(len(e.text.split()) or 1 for e in row.edits if e.op == "insert" and e.text.strip())
    return removed, added


class ComparisonDelegate(TextBlockDelegate):
    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.partner_label = lambda row: ""  # set by the view: label at a move's other place

    def _side_width(self) -> float:
        return (self.view.viewport().width() - GUTTER) / 2 - LABEL - 2 * PAD

    def _font(self) -> QFont:
        return reading_font(self.view.font(), 1.05)

    def _block(self, row: Row, side: str, note: str) -> TextBlock | None:
        seg: Segment | None = row.left if side == "left" else row.right
        if seg is None:
            return None
        width = self._side_width()
        key = (id(row), side, int(width), self.view.font().key(), self.view.palette().cacheKey())
        block = self._cache.get(key)
        if block is None:
            if len(self._cache) > 4000:
                self._cache.clear()
            formats = side_formats(row, side, diff_colors(self.view.palette()))
            block = TextBlock(seg.text, self._font(), width, formats)
            self._cache[key] = block
        return block

    def notes(self, row: Row) -> tuple[str, str]:
        """Small captions above each side: where a moved paragraph went or came from."""
        if row.op is not RowOp.MOVED:
            return "", ""
        other = self.partner_label(row)
        if row.right is None:
            return "", f"moved to {other or 'another place'} ↓" if other else "moved elsewhere"
        return f"moved from {other or 'another place'} ↑" if other else "moved from elsewhere", ""

    def _note_height(self) -> int:
        return self.view.fontMetrics().height() + 2

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        row: Row = index.data(Role.ROW)
        heights = [40.0]
        note_l, note_r = self.notes(row)
        for side, note in (("left", note_l), ("right", note_r)):
            b = self._block(row, side, note)
            h = (b.height if b else 0) + (self._note_height() if note else 0)
            heights.append(h)
        return QSize(int(self.view.viewport().width()), int(max(heights) + 2 * PAD + 0.999))

    def paint(self, painter, option: QStyleOptionViewItem, index: Index) -> None:
        row: Row = index.data(Role.ROW)
        pal = option.palette
        colors = diff_colors(pal)
        rect = option.rect
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            paint_selection(painter, rect, pal)
        side_w = (rect.width() - GUTTER) / 2
        left_x = rect.left()
        gutter_x = left_x + side_w
        right_x = gutter_x + GUTTER
        note_l, note_r = self.notes(row)
        self._paint_side(painter, row, "left", row.left, left_x, rect, side_w, note_l, colors, pal)
        self._paint_side(painter, row, "right", row.right, right_x, rect, side_w, note_r, colors, pal)
        self._paint_gutter(painter, row, QRectF(gutter_x, rect.top(), GUTTER, rect.height()), colors, pal)
        line = QColor(pal.color(QPalette.ColorRole.Text))
        line.setAlpha(40)
        painter.setPen(line)
        painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom())
        if option.state & QStyle.StateFlag.State_HasFocus and self.view.hasFocus():
            pen = painter.pen()
            pen.setColor(pal.color(QPalette.ColorRole.Highlight))
            pen.setStyle(Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.restore()

    def _paint_side(self, painter, row, side, seg, x, rect, width, note, colors, pal) -> None:
        top = rect.top() + PAD
        if seg is None:
            empty = QColor(colors.gutter_bg)
            painter.fillRect(QRectF(x, rect.top(), width, rect.height()), empty)
            return
        text_color = pal.color(QPalette.ColorRole.Text)
        if row.op is RowOp.EQUAL:
            text_color = QColor(text_color)
            text_color.setAlpha(190)
        label_font = self._font()
        label_font.setWeight(QFont.Weight.Bold)
        painter.setFont(label_font)
        painter.setPen(colors.move_fg if row.relabelled else colors.muted)
        painter.drawText(
            QRectF(x + PAD, top, LABEL - PAD, 40),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
            seg.label,
        )
        tx = x + LABEL + PAD
        if note:
            f = QFont(self.view.font())
            f.setItalic(True)
            painter.setFont(f)
            painter.setPen(colors.move_fg)
            painter.drawText(QRectF(tx, top, width, self._note_height()), int(Qt.AlignmentFlag.AlignLeft), note)
            top += self._note_height()
        painter.setPen(text_color)
        block = self._block(row, side, note)
        if block:
            block.draw(painter, tx, top)

    def _paint_gutter(self, painter, row: Row, rect: QRectF, colors: DiffColors, pal) -> None:
        painter.fillRect(rect, colors.gutter_bg)
        color = op_color(row.op, pal)
        painter.fillRect(QRectF(rect.left(), rect.top(), 3, rect.height()), color)
        painter.fillRect(QRectF(rect.right() - 3, rect.top(), 3, rect.height()), color)
        f = QFont(self.view.font())
        f.setWeight(QFont.Weight.DemiBold)
        painter.setFont(f)
        painter.setPen(color if row.op is not RowOp.EQUAL else colors.muted)
        fm = painter.fontMetrics()
        y = rect.top() + PAD
        word = GUTTER_WORDS[row.op]
        painter.drawText(QRectF(rect.left(), y, rect.width(), fm.height()), int(Qt.AlignmentFlag.AlignHCenter), word)
        y += fm.height()
        f.setWeight(QFont.Weight.Normal)
        painter.setFont(f)
        painter.setPen(colors.muted)
        if row.left is not None and row.right is not None:
            painter.drawText(
                QRectF(rect.left(), y, rect.width(), fm.height()),
                int(Qt.AlignmentFlag.AlignHCenter),
                f"{similarity_text(row.similarity)} alike",
            )
            y += fm.height()
        removed, added = word_counts(row)
        if removed or added:
            half = rect.width() / 2
            if removed:
                painter.setPen(colors.delete_fg)
                painter.drawText(QRectF(rect.left(), y, half if added else rect.width(), fm.height()),
                                 int(Qt.AlignmentFlag.AlignHCenter), f"−{removed}")
            if added:
                painter.setPen(colors.insert_fg)
                x = rect.left() + half if removed else rect.left()
                painter.drawText(QRectF(x, y, half if removed else rect.width(), fm.height()),
                                 int(Qt.AlignmentFlag.AlignHCenter), f"+{added}")
            y += fm.height()
        if row.relabelled:
            painter.setPen(colors.move_fg)
            painter.drawText(
                QRectF(rect.left(), y, rect.width(), fm.height()),
                int(Qt.AlignmentFlag.AlignHCenter),
                "relabelled",
            )
