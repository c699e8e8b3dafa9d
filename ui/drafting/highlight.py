"""Square brackets shown as negotiators expect: bracketed language stands out until agreed."""

from __future__ import annotations

import html

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


def bracket_html(text: str) -> str:
    """The text as HTML with bracketed spans in dark ink on amber (nested spans merged)."""
    spans = bracket_spans(text)
    marked = [False] * len(text)
    for a, b in spans:
        for i in range(a, b):
            marked[i] = True
    out: list[str] = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and marked[j] == marked[i]:
            j += 1
        chunk = html.escape(text[i:j])
        out.append(f'<span style="background:{BRACKET_BACKGROUND}; color:{BRACKET_INK}">{chunk}</span>' if marked[i] else chunk)
        i = j
    return "".join(out)
