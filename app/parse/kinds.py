"""What kind of document a text is, and which recognisers read each kind.

The kind is decided from the document's own symbol and from the lines before its first
numbered paragraph (its masthead, title and opening sentence), never from the file name:
"The Security Council," makes a resolution, "Statement by the President of the Security
Council" a presidential statement, "Conclusions on children and armed conflict in ..."
conclusions, "Statement by Chairman of Security Council Working Group" or "agreed to
address the following message" a public statement, "Letter dated ..." or "Annual report of
..." none of these. Text with numbered paragraphs and no cue is read as conclusions.
"""

from __future__ import annotations

from app.labels import Series
from app.model import DocKind
from app.parse.lines import RawLine
from app.parse.patterns import PARA_RE, Patterns
from app.parse.recognise import (
    GENERIC,
    Reader,
    Recogniser,
    annex,
    bullet,
    continuation,
    heading,
    label_alone,
    numbered_paragraph,
    subparagraph,
    title,
)
from app.parse.resolution import chapeau, operative_starts, preambular, quoted_paragraph
from app.parse.sequence import Sequence

# How far into a text its kind may be told: a masthead, a title and an opening sentence.
HEAD_LINES = 40

RECOGNISERS: dict[DocKind, tuple[Recogniser, ...]] = {
    DocKind.CONCLUSIONS: GENERIC,
    DocKind.PUBLIC_STATEMENT: GENERIC,
    DocKind.RESOLUTION: (
        label_alone, operative_starts, chapeau, preambular, numbered_paragraph, subparagraph, annex,
        title, bullet, continuation,
    ),
    DocKind.PRESIDENTIAL_STATEMENT: (
        label_alone, title, quoted_paragraph, subparagraph, annex, bullet, continuation,
    ),
    DocKind.OTHER: (title, heading, bullet, continuation),
}
# The series the first numbered paragraph of each kind belongs to.
FIRST_SERIES = {DocKind.RESOLUTION: Series.OPERATIVE}


def _head(lines: list[RawLine], p: Patterns) -> list[str]:
    out = []
    for rl in lines[:HEAD_LINES]:
        if rl.label or PARA_RE.match(rl.text) or p.sub.match(rl.text):
            break
        out.append(" ".join(rl.text.split()))
    return out


def detect_kind(lines: list[RawLine], symbol: str, p: Patterns) -> DocKind:
    """The kind of document, from its symbol and the lines before its first label."""
    head = _head(lines, p)
    if symbol.startswith("S/RES/") or any(p.resolution.search(t) for t in head):
        return DocKind.RESOLUTION
    if symbol.startswith("S/PRST/") or any(p.presidential_statement.search(t) for t in head):
        return DocKind.PRESIDENTIAL_STATEMENT
    if symbol.startswith("S/AC.51/") or any(p.conclusions.search(t) for t in head):
        return DocKind.CONCLUSIONS
    if any(p.other.search(t) for t in head[:3]):
        return DocKind.OTHER
    if any(p.public_statement.search(t) for t in head):
        return DocKind.PUBLIC_STATEMENT
    return DocKind.CONCLUSIONS


def reader_for(kind: DocKind, lines: list[RawLine], p: Patterns, file: str) -> Reader:
    return Reader(lines, p, kind, Sequence(FIRST_SERIES.get(kind, Series.BODY)), file=file)
