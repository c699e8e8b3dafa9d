"""Read conclusions from plain text, including text extracted from PDF."""

from __future__ import annotations

from app.parse.decode import decode_text
from app.parse.structure import RawLine


def text_lines(text: str) -> list[RawLine]:
    """Split text into reader lines.

    Text extracted from PDF often has a blank line after every line; there blank lines say
    nothing. In ordinary text a blank line ends a paragraph.
    """
    lines = text.split("\n")
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    followed_by_blank = sum(
        1 for i in nonblank if i + 1 < len(lines) and not lines[i + 1].strip()
    )
    double_spaced = bool(nonblank) and followed_by_blank / len(nonblank) > 0.6
    out: list[RawLine] = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        end = (
            not double_spaced
            and (i + 1 >= len(lines) or not lines[i + 1].strip())
        )
        out.append(RawLine(line.replace("\t", " "), paragraph_end=end))
    return out


def read_text(data: bytes, file: str) -> list[RawLine]:
    return text_lines(decode_text(data, file))
