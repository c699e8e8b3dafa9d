"""Square brackets shown as negotiators expect: bracketed language stands out until agreed."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat

from app.drafts import bracket_spans

BRACKET_BACKGROUND = "#ffe8a3"
# Bracketed text keeps its own dark ink: on the amber it reads in every row, where the row's
# colour would not (white on amber in a selected row, light grey on amber in a dark palette).
BRACKET_INK = "#1f1f1f"


class BracketHighlighter(QSyntaxHighlighter):
    """Highlights `[...]` in the text being edited."""

    def __init__(self, document) -> None:
        super().__init__(document)
        self.bracket_format = QTextCharFormat()
        self.bracket_format.setBackground(QColor(BRACKET_BACKGROUND))
        self.bracket_format.setForeground(QColor(BRACKET_INK))

    def highlightBlock(self, text: str) -> None:
        for start, end in bracket_spans(text):
            self.setFormat(start, end - start, self.bracket_format)


# Places the replace step changed (blue) or held back (rose, underlined) stay marked until
# the drafter has looked at them; find matches are green, the current one darker.
MARK_STYLES = {
    "replaced": "background:#cfe2ff; color:#1f1f1f",
    "held": "background:#ffd3cc; color:#1f1f1f; text-decoration:underline",
    "find": "background:#b7efc5; color:#1f1f1f",
    "current": "background:#53c373; color:#000000",
}
_BRACKETS = f"background:{BRACKET_BACKGROUND}; color:{BRACKET_INK}"
_PRIORITY = ("replaced", "held", "find", "current")  # a later kind is drawn over an earlier one


def bracket_html(text: str, marks: Sequence[tuple[int, int, str]] = ()) -> str:
    """The text as HTML with bracketed spans in dark ink on amber (nested spans merged), and
    `marks` (start, end, kind) in the colours of `MARK_STYLES`. Everything else is escaped."""
    style: list[str] = [""] * len(text)
    for a, b in bracket_spans(text):
        for i in range(a, min(b, len(text))):
            style[i] = _BRACKETS
    for kind in _PRIORITY:
        for a, b, k in marks:
            if k == kind:
                for i in range(max(a, 0), min(b, len(text))):
                    style[i] = MARK_STYLES[kind]
    out: list[str] = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and style[j] == style[i]:
            j += 1
        chunk = html.escape(text[i:j])
        out.append(f'<span style="{style[i]}">{chunk}</span>' if style[i] else chunk)
        i = j
    return "".join(out)
