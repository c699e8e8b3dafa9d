"""Find and replace in a draft: every match with its row and span, and one replace-all.

Matches follow what a Word user expects: case-insensitive unless asked, whole words when
asked ("Mali" does not match inside "Somalia"), and a replacement keeps the case of what it
replaces ("MALI" -> "CHAD"). Replace-all returns the new rows, for one undoable step.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.drafts.numbering import depth_of, renumber
from app.drafts.replace import _match_case
from app.model import Segment


@dataclass(frozen=True, slots=True)
class Match:
    """One occurrence: the row, and the span of the text in it."""

    index: int
    start: int
    end: int


def _pattern(needle: str, whole_words: bool, match_case: bool) -> re.Pattern[str] | None:
    if not needle:
        return None
    body = re.escape(needle)
    if whole_words:
        body = rf"(?<!\w){body}(?!\w)"
    return re.compile(body, 0 if match_case else re.IGNORECASE)


def find_all(segments: Sequence[Segment], needle: str, *, whole_words: bool = False,
             match_case: bool = False) -> list[Match]:
    """Every occurrence of `needle`, in reading order."""
    pattern = _pattern(needle, whole_words, match_case)
    if pattern is None:
        return []
    return [Match(i, m.start(), m.end()) for i, s in enumerate(segments) for m in pattern.finditer(s.text)]


def replace_all(segments: Sequence[Segment], needle: str, replacement: str, *, whole_words: bool = False,
                match_case: bool = False) -> tuple[tuple[Segment, ...], int]:
    """The rows with every occurrence replaced, and how many there were.

    Without `match_case`, the replacement takes the case of each occurrence ("MALI" ->
    "CHAD", "Mali" -> "Chad"); with it, it is written as typed.
    """
    pattern = _pattern(needle, whole_words, match_case)
    if pattern is None:
        return tuple(segments), 0
    total = 0

    def sub(m: re.Match[str]) -> str:
        return replacement if match_case else _match_case(m.group(0), replacement)

    rows = []
    for s in segments:
        text, n = pattern.subn(sub, s.text)
        total += n
        rows.append(s.with_text(text) if n else s)
    if not total:
        return tuple(segments), 0
    return renumber(rows, [depth_of(s) for s in segments]), total
