"""Painting one aligned pair: left text | gutter (what changed, similarity) | right text.

Deleted words are struck through in red on the left, inserted words underlined in green on
the right; a row's height is the taller of its two wrapped sides. A split or merge shows
every part, each with its label, on its side of one row; a pair whose language got
stronger or weaker says so in the gutter, and why above its right side.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPalette, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QListView, QStyle, QStyleOptionViewItem

from app.compare.model import Direction, Row, RowOp
from app.compare.parts import chunks
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
    is_dark,
    paint_selection,
)

GUTTER = 96
LABEL = 52
PAD = 8
PART_GAP = 6  # between the parts of a split or merge

GUTTER_WORDS = {
    RowOp.EQUAL: "same",
    RowOp.MODIFIED: "changed",
    RowOp.INSERTED: "added",
    RowOp.DELETED: "removed",
    RowOp.MOVED: "moved",
    RowOp.SPLIT: "split",
    RowOp.MERGED: "merged",
}
STRENGTH_WORDS = {Direction.STRONGER: "▲ stronger", Direction.WEAKER: "▼ weaker",
                  Direction.MIXED: "▲▼ mixed"}


def strength_color(direction: Direction, palette: QPalette) -> QColor:
    """Blue for stronger, amber for weaker, violet for both; lighter on a dark palette."""
    dark = is_dark(palette)
    return QColor({
        Direction.STRONGER: "#8ab4ff" if dark else "#1d4ed8",
        Direction.WEAKER: "#ffb86b" if dark else "#a14b00",
        Direction.MIXED: "#d2a8ff" if dark else "#6d28d9",
    }.get(direction, "#808080"))


def strength_note(row: Row) -> str:
    """'▼ weaker: Strongly condemning → Condemning', or '' when the strength did not change."""
    if row.strength is None or not row.strength.changed:
        return ""
    return f"{STRENGTH_WORDS[row.strength.direction]}: {row.strength.why}"


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


def part_formats(row: Row, side: str, colors: DiffColors) -> list[tuple[Segment, list[QTextLayout.FormatRange]]]:
    """Each segment of one side with its highlights: most rows have one, a split has every
    part on the right and a merge on the left, each highlighted from its own chunk."""
    segments = row.left_segments if side == "left" else row.right_segments
    if len(segments) <= 1:
        return [(s, side_formats(row, side, colors)) for s in segments]
    fmt = change_format("delete" if side == "left" else "insert", colors)
    op = "delete" if side == "left" else "insert"
    return [(seg, [format_range(*(e.left if side == "left" else e.right), fmt)
                   for e in c.edits if e.op == op])
            for seg, c in zip(segments, chunks(row), strict=True)]


def found_formats(text: str, needle: str) -> list[QTextLayout.FormatRange]:
    """A yellow background under every occurrence of `needle` (any case): Ctrl+F's marks."""
    if not needle:
        return []
    fmt = QTextCharFormat()
    fmt.setBackground(QColor("#ffe066"))
    fmt.setForeground(QColor("#000000"))
    hay, low, out, at = text.casefold(), needle.casefold(), [], 0
    while (at := hay.find(low, at)) >= 0:
        out.append(format_range(at, at + len(needle), fmt))
        at += len(needle)
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
        self.partner_above = lambda row: True  # set by the view: a move's other place is above
        self.highlight = ""  # text found with Ctrl+F, marked on both sides
        self._sides: dict[tuple, list[tuple[Segment, TextBlock]]] = {}

    def set_highlight(self, text: str) -> None:
        if text != self.highlight:
            self.highlight = text
            self._sides.clear()

    def label_width(self) -> float:
        """Wide enough for the longest label ("annex-17", "12(aa)") in bold."""
        f = self._font()
        f.setWeight(QFont.Weight.Bold)
        return max(float(LABEL), QFontMetricsF(f).horizontalAdvance("annex-17") + PAD + 2)

    def clear_cache(self) -> None:
        super().clear_cache()
        self._sides.clear()

    def _side_width(self) -> float:
        return (self.view.viewport().width() - GUTTER) / 2 - self.label_width() - 2 * PAD

    def _font(self) -> QFont:
        return reading_font(self.view.font(), 1.05)

    def _blocks(self, row: Row, side: str) -> list[tuple[Segment, TextBlock]]:
        """The laid-out text of each segment on one side (none for an empty side)."""
        width = self._side_width()
        key = (id(row), side, int(width), self.view.font().key(), self.view.palette().cacheKey(), self.highlight)
        blocks = self._sides.get(key)
        if blocks is None:
            if len(self._sides) > 4000:
                self._sides.clear()
            colors = diff_colors(self.view.palette())
            blocks = [(seg, TextBlock(seg.text, self._font(), width, formats + found_formats(seg.text, self.highlight)))
                      for seg, formats in part_formats(row, side, colors)]
            self._sides[key] = blocks
        return blocks

    def _block(self, row: Row, side: str, note: str = "") -> TextBlock | None:
        """The first (usually the only) block of one side."""
        blocks = self._blocks(row, side)
        return blocks[0][1] if blocks else None

    def _note_block(self, text: str) -> TextBlock:
        """A caption above a side, italic and wrapped to the side's width."""
        width = self._side_width()
        key = ("note", text, int(width), self.view.font().key())
        block = self._cache.get(key)
        if block is None:
            if len(self._cache) > 4000:
                self._cache.clear()
            f = QFont(self.view.font())
            f.setItalic(True)
            block = TextBlock(text, f, width)
            self._cache[key] = block
        return block

    def _side_height(self, row: Row, side: str, note: str) -> float:
        blocks = self._blocks(row, side)
        h = sum(b.height for _, b in blocks) + PART_GAP * max(0, len(blocks) - 1)
        return h + (self._note_block(note).height if note else 0)

    def notes(self, row: Row) -> tuple[str, str]:
        """Small captions above each side: where a moved paragraph went or came from, and
        above the right side whether its language got stronger or weaker, and why."""
        strength = strength_note(row)
        if row.op is not RowOp.MOVED:
            return "", strength
        # Where it left names where it went ("moved to 12(g) ↓"); where it arrived, its old
        # label is already beside it, so the note says which way to look, not "from 12(c)".
        if row.right is None:
            other = self.partner_label(row)
            arrow = "↑" if self.partner_above(row) else "↓"
            return "", f"moved to {other} {arrow}" if other else "moved elsewhere"
        above = self.partner_above(row)
        return f"moved here from {'above ↑' if above else 'below ↓'}", strength

    def _gutter_lines(self, row: Row) -> int:
        removed, added = word_counts(row)
        return (1 + (row.left is not None and row.right is not None) + bool(removed or added)
                + row.relabelled + bool(_structure_word(row)) + bool(strength_note(row)))

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        row: Row = index.data(Role.ROW)
        heights = [40.0, self._gutter_lines(row) * self.view.fontMetrics().height()]
        note_l, note_r = self.notes(row)
        for side, note in (("left", note_l), ("right", note_r)):
            heights.append(self._side_height(row, side, note))
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
        label_w = self.label_width()
        tx = x + label_w + PAD
        if note:
            strength = side == "right" and note == strength_note(row)
            painter.setPen(strength_color(row.strength.direction, pal) if strength else colors.move_fg)
            block = self._note_block(note)
            block.draw(painter, tx, top)
            top += block.height
        label_font = self._font()
        label_font.setWeight(QFont.Weight.Bold)
        for part, block in self._blocks(row, side):
            painter.setFont(label_font)
            painter.setPen(colors.move_fg if row.relabelled or row.renested else colors.muted)
            painter.drawText(
                QRectF(x + PAD, top, label_w - PAD, 40),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                part.label,
            )
            painter.setPen(text_color)
            block.draw(painter, tx, top)
            top += block.height + PART_GAP

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
            y += fm.height()
        structure = _structure_word(row)
        if structure:
            painter.setPen(colors.move_fg)
            painter.drawText(QRectF(rect.left(), y, rect.width(), fm.height()),
                             int(Qt.AlignmentFlag.AlignHCenter), structure)
            y += fm.height()
        if row.strength is not None and row.strength.changed:
            f.setWeight(QFont.Weight.DemiBold)
            painter.setFont(f)
            painter.setPen(strength_color(row.strength.direction, pal))
            painter.drawText(QRectF(rect.left(), y, rect.width(), fm.height()),
                             int(Qt.AlignmentFlag.AlignHCenter), STRENGTH_WORDS[row.strength.direction])


def _structure_word(row: Row) -> str:
    """'2 parts', 'from 3', 're-nested': what a split or merge did, in a gutter's width."""
    if row.renested:
        return "re-nested"
    if row.op is RowOp.SPLIT:
        return f"into {len(row.right_parts)}"
    if row.op is RowOp.MERGED:
        return f"from {len(row.left_parts)}"
    return ""
