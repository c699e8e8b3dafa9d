"""The replace step for starting from another situation's text: reviewed, then applied.

"Mali" -> "Burkina Faso" and "Malian" -> "Burkinabe" replace whole words only ("Malian"
is not touched by the "Mali" rule), longest first, and keep the case of what they replace
("MALI" -> "BURKINA FASO"). `plan_replacements` lists every change for review; the same
list is what `apply_replacements` applies.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.drafts.numbering import renumber
from app.errors import BadReference
from app.model import Segment


@dataclass(frozen=True, slots=True)
class Replacement:
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class ReplacementHit:
    """One place a replacement applies: row, label, span of the old text and a context line."""

    index: int
    label: str
    start: int
    end: int
    old: str
    new: str
    context: str


def parse_replacement(spec: str) -> Replacement:
    """`Mali=Burkina Faso` -> Replacement; a clear error for anything else."""
    old, sep, new = spec.partition("=")
    if not sep or not old.strip():
        raise BadReference(f"{spec!r} is not a replacement (expected OLD=NEW, e.g. Mali=Burkina Faso)")
    return Replacement(old.strip(), new.strip())


def _pattern(replacements: Sequence[Replacement]) -> re.Pattern[str] | None:
    olds = sorted({r.old for r in replacements if r.old}, key=len, reverse=True)
    if not olds:
        return None
    alternatives = "|".join(re.escape(o) for o in olds)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _match_case(found: str, new: str) -> str:
    """Give `new` the case pattern of `found`: MALI -> BURKINA FASO, mali -> burkina faso."""
    letters = [c for c in found if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return new.upper()
    if letters and all(c.islower() for c in letters):
        return new.lower()
    if letters and letters[0].isupper() and new[:1].islower():
        return new[:1].upper() + new[1:]
    return new


def _replace_text(text: str, table: dict[str, str], pattern: re.Pattern[str]) -> tuple[str, list[tuple[int, int, str, str]]]:
    changes: list[tuple[int, int, str, str]] = []

    def sub(m: re.Match[str]) -> str:
        new = _match_case(m.group(0), table[m.group(0).casefold()])
        changes.append((m.start(), m.end(), m.group(0), new))
        return new

    return pattern.sub(sub, text), changes


def _table(replacements: Sequence[Replacement]) -> dict[str, str]:
    return {r.old.casefold(): r.new for r in replacements if r.old}


def replace_in_text(text: str, replacements: Sequence[Replacement]) -> str:
    """Apply the replacements to one string (a title, a situation)."""
    pattern = _pattern(replacements)
    return _replace_text(text, _table(replacements), pattern)[0] if pattern else text


def plan_replacements(segments: Sequence[Segment], replacements: Sequence[Replacement]) -> list[ReplacementHit]:
    """Every change the replacements would make, in reading order, for review."""
    pattern = _pattern(replacements)
    if pattern is None:
        return []
    table = _table(replacements)
    hits: list[ReplacementHit] = []
    for i, seg in enumerate(segments):
        for start, end, old, new in _replace_text(seg.text, table, pattern)[1]:
            lo, hi = max(0, start - 40), min(len(seg.text), end + 40)
            context = ("…" if lo else "") + seg.text[lo:start] + f"[{old} -> {new}]" + seg.text[end:hi] + ("…" if hi < len(seg.text) else "")
            hits.append(ReplacementHit(i, seg.label, start, end, old, new, context))
    return hits


def apply_replacements(segments: Sequence[Segment], replacements: Sequence[Replacement]) -> tuple[Segment, ...]:
    """The segments with every planned replacement made (addressee lines included)."""
    pattern = _pattern(replacements)
    if pattern is None:
        return tuple(segments)
    table = _table(replacements)
    rows = [s.with_text(_replace_text(s.text, table, pattern)[0]) for s in segments]
    return renumber(rows)
