"""Painting document text: plain text laid out with `QTextLayout`, highlights as formats.

Document text never goes through a rich-text parser (no QLabel auto-detection, no HTML):
markup such as `<img src=...>` in a paragraph is drawn literally and nothing is fetched.
Highlights (find matches, deletions, insertions) are character ranges with formats.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat, QTextLayout, QTextOption
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QStyledItemDelegate, QWidget

LINE_SPACING = 1.2  # comfortable reading: a fifth of a line between lines


@dataclass(frozen=True)
class DiffColors:
    """Highlight colours that stay readable on light and dark palettes."""

    delete_fg: QColor
    delete_bg: QColor
    insert_fg: QColor
    insert_bg: QColor
    move_fg: QColor
    move_bg: QColor
    find_bg: QColor
    find_fg: QColor
    muted: QColor
    gutter_bg: QColor


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two opaque colours: 1 (none) to 21 (black on white); text wants 4.5."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def placeholder_color(palette: QPalette) -> QColor:
    """Grey text for an empty field's hint: 60% of the text colour over the base, opaque.

    Qt's default is black at half opacity whatever the palette, which all but vanishes on a
    dark base; this one keeps a contrast of about 5.7 on both light and dark palettes.
    """
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    mix = 0.6
    return QColor.fromRgbF(mix * text.redF() + (1 - mix) * base.redF(),
                           mix * text.greenF() + (1 - mix) * base.greenF(),
                           mix * text.blueF() + (1 - mix) * base.blueF())


def fit_placeholder(widget: QWidget) -> None:
    """Give `widget` (a line edit, a text box) a placeholder colour drawn from its palette."""
    palette = widget.palette()
    wanted = placeholder_color(palette)
    if palette.color(QPalette.ColorRole.PlaceholderText) != wanted:
        palette.setColor(QPalette.ColorRole.PlaceholderText, wanted)
        widget.setPalette(palette)


class _PlaceholderKeeper(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.PaletteChange and isinstance(watched, QWidget):
            fit_placeholder(watched)  # a no-op when already right: no loop
        return False


def keep_placeholder_readable(widget: QWidget) -> None:
    """`fit_placeholder` now and whenever the palette changes (a switch to a dark theme)."""
    fit_placeholder(widget)
    widget.installEventFilter(_PlaceholderKeeper(widget))


def filter_field(placeholder: str, accessible_name: str) -> QLineEdit:
    """A line edit for typing a search or filter: a readable placeholder and a clear button."""
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    keep_placeholder_readable(edit)
    edit.setAccessibleName(accessible_name)
    edit.setClearButtonEnabled(True)
    return edit


class TextBlockDelegate(QStyledItemDelegate):
    """A delegate painting `TextBlock`s it lays out once and keeps; the view calls `clear_cache`
    when its font or palette changes, since every block then lays out differently."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view
        self._cache: dict[tuple, TextBlock] = {}

    def clear_cache(self) -> None:
        self._cache.clear()


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def diff_colors(palette: QPalette) -> DiffColors:
    text = palette.color(QPalette.ColorRole.Text)
    muted = QColor(text)
    muted.setAlpha(150)
    if is_dark(palette):
        return DiffColors(
            QColor("#ff9a8f"), QColor("#5a2424"), QColor("#93e69a"), QColor("#1e4a26"),
            QColor("#cdb2ff"), QColor("#3a2d5a"), QColor("#6e5c00"), QColor("#fff6c0"),
            muted, palette.color(QPalette.ColorRole.AlternateBase),
        )
    return DiffColors(
        QColor("#a4161a"), QColor("#fbd3d0"), QColor("#16661d"), QColor("#cdeecf"),
        QColor("#5b34a8"), QColor("#ebe3fa"), QColor("#ffe66d"), QColor("#000000"),
        muted, QColor("#f1f1ee"),
    )


def char_format(
    fg: QColor | None = None,
    bg: QColor | None = None,
    *,
    strike: bool = False,
    underline: bool = False,
    bold: bool = False,
) -> QTextCharFormat:
    f = QTextCharFormat()
    if fg is not None:
        f.setForeground(fg)
    if bg is not None:
        f.setBackground(bg)
    if strike:
        f.setFontStrikeOut(True)
    if underline:
        f.setFontUnderline(True)
        f.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    if bold:
        f.setFontWeight(QFont.Weight.Bold)
    return f


def format_range(start: int, end: int, fmt: QTextCharFormat) -> QTextLayout.FormatRange:
    r = QTextLayout.FormatRange()
    r.start = start
    r.length = max(0, end - start)
    r.format = fmt
    return r


def plain(text: str) -> str:
    """Newlines become line separators so offsets into `text` stay valid in the layout."""
    return text.replace("\r\n", " \u2028").replace("\n", "\u2028").replace("\r", "\u2028")


class TextBlock:
    """One wrapped piece of plain text with highlight formats, ready to paint."""

    def __init__(
        self,
        text: str,
        font: QFont,
        width: float,
        formats: list[QTextLayout.FormatRange] | None = None,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> None:
        self.layout = QTextLayout(plain(text), font)
        option = QTextOption(align)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.layout.setTextOption(option)
        if formats:
            self.layout.setFormats(formats)
        self.layout.setCacheEnabled(True)
        self.layout.beginLayout()
        y = 0.0
        width = max(20.0, width)
        while True:
            line = self.layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, y))
            y += line.height() * LINE_SPACING
        self.layout.endLayout()
        self.height = y

    def draw(self, painter, x: float, y: float) -> None:
        self.layout.draw(painter, QPointF(x, y))


def paint_selection(painter, rect, palette: QPalette) -> None:
    """A light tint and a bar on the left: the text keeps its own colours and highlights."""
    tint = QColor(palette.color(QPalette.ColorRole.Highlight))
    tint.setAlpha(55)
    painter.fillRect(rect, tint)
    painter.fillRect(rect.left(), rect.top(), 4, rect.height(), palette.color(QPalette.ColorRole.Highlight))


def change_format(op: str, colors: DiffColors) -> QTextCharFormat:
    """How a word-level edit is shown everywhere: deletions struck in red, insertions underlined in green."""
    if op == "delete":
        return char_format(colors.delete_fg, colors.delete_bg, strike=True)
    return char_format(colors.insert_fg, colors.insert_bg, underline=True)


def change_formats(spans: Sequence[tuple[int, int, str]], colors: DiffColors) -> list[QTextLayout.FormatRange]:
    """Format ranges for the spans of `inline_changes` (or any `(start, end, op)` spans)."""
    deleted, inserted = change_format("delete", colors), change_format("insert", colors)
    return [format_range(a, b, deleted if op == "delete" else inserted) for a, b, op in spans]
