"""Offsets between two readings of one paragraph, and changes widened to whole words.

A returned paragraph as it read before its tracked changes is nearly always the version's
text, but not always to the character (a label typed by hand, two spaces, a word changed
with tracking off). Positions found in the returned text are carried over to the version's
text through their word-level alignment.
"""

from __future__ import annotations

import re

from app.compare.inline import diff_texts

_WORD = re.compile(r"\w")


class PositionMap:
    """Maps a character offset in `source` to the matching offset in `target`."""

    def __init__(self, source: str, target: str) -> None:
        self.identity = source == target
        self.edits = () if self.identity else diff_texts(source, target)
        self.target_length = len(target)

    def __call__(self, x: int, *, end: bool = False) -> int:
        if self.identity:
            return x
        for e in self.edits:
            (la, lb), (ra, rb) = e.left, e.right
            if la == lb:
                continue  # text of the target only: no source offset falls in it
            if la <= x < lb or (x == lb and end):
                if e.op == "equal":
                    return min(ra + (x - la), rb)
                return rb if end else ra
        return self.target_length


def differences(source: str, target: str) -> list[tuple[int, int, str]]:
    """The changes turning `source` into `target`: (start, end, new text) on `source`,
    each a run of word-level edits with no unchanged word between them."""
    out: list[tuple[int, int, str]] = []
    if source == target:
        return out
    current: list[int | str] | None = None
    for e in diff_texts(source, target):
        if e.op == "equal":
            if current is not None:
                out.append((int(current[0]), int(current[1]), str(current[2])))
                current = None
            continue
        if current is None:
            current = [e.left[0], e.left[0], ""]
        if e.op == "delete":
            current[1] = e.left[1]
        else:
            current[2] = str(current[2]) + e.text
    if current is not None:
        out.append((int(current[0]), int(current[1]), str(current[2])))
    return [(a, b, t) for a, b, t in out if source[a:b].strip() or t.strip()]


def widen(text: str, start: int, end: int, new: str) -> tuple[int, int, str]:
    """The change grown to whole words: Word's revisions can stop inside a word
    ("insecurit{y->ies}"), a drafter reads and a compilation shows whole words."""
    while start > 0 and _is_word(text[start - 1]) and (
            start < len(text) and _is_word(text[start]) or new[:1] and _is_word(new[0])):
        start -= 1
        new = text[start] + new
    while end < len(text) and _is_word(text[end]) and (
            end > 0 and _is_word(text[end - 1]) or new[-1:] and _is_word(new[-1])):
        new = new + text[end]
        end += 1
    return start, end, new


def _is_word(ch: str) -> bool:
    return bool(_WORD.match(ch))
