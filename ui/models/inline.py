"""Both versions of a changed text in one string, for models that show a change inline."""

from __future__ import annotations

from collections.abc import Sequence

from app.compare.model import Edit


def inline_changes(edits: Sequence[Edit]) -> tuple[str, tuple[tuple[int, int, str], ...]]:
    """One text reading both versions: old words kept where deleted, new words where inserted.

    Returns the text and its changed spans `(start, end, op)`. A replacement reads
    "welcomed took note of": the deleted words, a space, the inserted ones.
    """
    parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    at = 0
    previous = ""
    for e in edits:
        if not e.text:
            continue
        if e.op == "insert" and previous == "delete" and not parts[-1][-1:].isspace() and not e.text[:1].isspace():
            parts.append(" ")
            at += 1
        if e.op in ("delete", "insert"):
            spans.append((at, at + len(e.text), e.op))
        parts.append(e.text)
        at += len(e.text)
        previous = e.op
    return "".join(parts), tuple(spans)
