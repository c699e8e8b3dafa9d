"""Read conclusions from plain text, including text extracted from PDF."""

from __future__ import annotations

from app.parse.decode import decode_text
from app.parse.lines import RawLine

# A median line longer than this is a paragraph per line, not a page's wrapped lines.
LONG_LINE = 150
# Lines this short (a symbol, a heading, "* *** *") say nothing about how text was written.
# A third of the longer lines past LONG_LINE is typed text too.
SHORT_LINE = 40


def text_lines(text: str) -> list[RawLine]:
    """Split text into reader lines (see `text_layout`)."""
    return text_layout(text)[0]


def text_layout(text: str) -> tuple[list[RawLine], bool]:
    """Split text into reader lines, and say whether it reads as text extracted from PDF.

    Text extracted from PDF has short, wrapped lines (about 90 characters), often with a
    blank line after every one: there blank lines say nothing and a paragraph runs on until
    the next label. Typed or pasted text has one long line per paragraph: there every line
    ends a paragraph, blank lines or not, and the text is the author's, kept verbatim.
    Otherwise a blank line ends a paragraph, and the text is repaired as PDF text is.
    """
    lines = text.split("\n")
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    followed_by_blank = sum(
        1 for i in nonblank if i + 1 < len(lines) and not lines[i + 1].strip()
    )
    lengths = sorted(len(lines[i].strip()) for i in nonblank)
    lengths = [n for n in lengths if n > SHORT_LINE] or lengths
    # A page of PDF text has no line longer than ~100 characters; typed text with a short
    # item or two between its paragraphs still has many lines longer than any page.
    one_line_paragraphs = bool(lengths) and (
        lengths[len(lengths) // 2] > LONG_LINE or sum(n > LONG_LINE for n in lengths) * 3 >= len(lengths)
    )
    double_spaced = (
        bool(nonblank) and followed_by_blank / len(nonblank) > 0.6 and not one_line_paragraphs
    )
    out: list[RawLine] = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        end = one_line_paragraphs or (
            not double_spaced and (i + 1 >= len(lines) or not lines[i + 1].strip())
        )
        out.append(RawLine(line.replace("\t", " "), paragraph_end=end))
    return out, not one_line_paragraphs


def read_text(data: bytes, file: str) -> list[RawLine]:
    return text_lines(decode_text(data, file))
