"""The bracket register: every square-bracketed passage of a draft, who proposed it, in which
round, and whether it is still open in the working copy."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.drafts.brackets import bracket_spans
from app.model import Segment

_INNER = re.compile(r"\[[^\[\]]*\]")


@dataclass(frozen=True, slots=True)
class Bracketed:
    """One bracketed passage: `label` where it stands (or stood), its text with brackets."""

    label: str
    text: str
    proposed_by: str  # a delegation, or "penholder" for brackets typed into a version
    round: str  # the version whose round it was proposed in, or the first version showing it
    open: bool


@dataclass(frozen=True, slots=True)
class Source:
    """A bracket proposed in a round: by `delegation` on version `version_name`."""

    text: str
    label: str
    delegation: str
    version_name: str


def passages(segments: Sequence[Segment]) -> list[tuple[str, str]]:
    """(label, bracketed text) of every bracket pair in `segments`, innermost pairs too."""
    out = []
    for s in segments:
        for a, b in bracket_spans(s.text):
            out.append((s.label, s.text[a:b]))
    return out


def proposed_passages(text: str) -> list[str]:
    return _INNER.findall(text)


def register(head: Sequence[Segment], versions: Sequence[tuple[str, Sequence[Segment]]],
             sources: Sequence[Source]) -> list[Bracketed]:
    """Each passage that has been in the text (a version or the working copy), oldest first.

    Who proposed it is the first round's delegation whose proposal brought it; a passage
    no proposal brought was typed by the penholder into the first version showing it.
    """
    current = passages(head)
    open_texts = {t for _, t in current}
    seen: dict[str, Bracketed] = {}
    by_text: dict[str, Source] = {}
    for src in sources:
        by_text.setdefault(_key(src.text), src)

    def note(label: str, text: str, version: str) -> None:
        key = _key(text)
        if key in seen:
            return
        src = by_text.get(key) or next((s for k, s in by_text.items() if k in key), None)
        if src is not None:
            seen[key] = Bracketed(label or src.label, text, src.delegation, src.version_name, text in open_texts)
        else:
            seen[key] = Bracketed(label, text, "penholder", version, text in open_texts)

    for name, segs in versions:
        for label, text in passages(segs):
            note(label, text, name)
    for label, text in current:
        note(label, text, "working copy")
    return list(seen.values())


def _key(text: str) -> str:
    return " ".join(text.split())
