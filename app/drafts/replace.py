"""The replace step for starting from another situation's text: reviewed, then applied.

"Mali" -> "Burkina Faso" and "Malian" -> "Burkinabe" replace whole words only ("Malian"
is not touched by the "Mali" rule), longest first, and keep the case of what they replace
("MALI" -> "BURKINA FASO"). `plan_replacements` lists every change for review; the same
list is what `apply_replacements` applies.

A replacement must not write false facts: "the previous conclusions on Mali
(S/AC.51/2018/1)" names Mali's document, "MINUSMA" Mali's mission, "on 13 July 2012 ...
referred the situation in Mali" Mali's history. So an occurrence in a sentence (or a
clause between semicolons) that cites a document symbol, a date or a year, a mission or a
named agreement is *held*: listed for review with the reason, and not replaced unless the
drafter accepts it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from app.drafts.numbering import renumber
from app.errors import BadReference
from app.model import ReviewMark, Segment


@dataclass(frozen=True, slots=True)
class Replacement:
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class ReplacementHit:
    """One place a replacement applies: row, label, span of the old text and a context line.

    `held` says why it is not replaced by default ("cites S/AC.51/2018/1"); empty when it is.
    """

    index: int
    label: str
    start: int
    end: int
    old: str
    new: str
    context: str
    held: str = ""

    @property
    def key(self) -> tuple[int, int]:
        """Identifies the occurrence in its source: (row, start)."""
        return (self.index, self.start)


_SYMBOL_RE = re.compile(r"\b(?:S/AC\.51/\d{4}/\d+|S/RES/\d+|S/PRST/\d{4}/\d+|S/\d{4}/\d+|A/\d+/\d+|SC/\d+)")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE_RE = re.compile(rf"\b(?:\d{{1,2}} (?:{_MONTHS})(?: \d{{4}})?|(?:{_MONTHS}) \d{{4}}|(?:19|20)\d{{2}})\b")
# A mission or office is named by an acronym: MINUSMA, MONUSCO, UNMISS, UNAMA, AMISOM.
_MISSION_RE = re.compile(
    r"\b(?:MINU[A-Z]+|MONU[A-Z]+|AMI[A-Z]{2,}|BINU[A-Z]+|UN(?:MIS|AM|SOM|SMIL|MIK|IFIL|DOF|FICYP|MOGIP|TSO|ISFA"
    r"|ITAMS|MHA|VMC|OCA|OWAS|IOGBIS|MIL|OCI|MIT|SMA|MIR)[A-Z]*)\b")  # missions, not agencies (UNICEF)
_AGREEMENT_RE = re.compile(
    r"\b(?:Agreement|Accord|Peace Agreement|Roadmap|Road Map|Action Plan|Memorandum|Declaration|"
    r"Ceasefire|Cease-fire|Charter) (?:on|of|for|between|signed)\b|\b(?:Agreement|Accord)\b", re.IGNORECASE)
_CLAUSE_END_RE = re.compile(r";|\.(?=\s+[A-Z(]|\s*$)")


def _clause(text: str, start: int, end: int) -> str:
    """The sentence or semicolon clause of `text` around the span."""
    lo = 0
    for m in _CLAUSE_END_RE.finditer(text):
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            return text[lo : m.start()]
    return text[lo:]


_MISSION_BEFORE_RE = re.compile(r"\b(?:mission|office|operation|force)\s+(?:in|to|for)\s+(?:the\s+)?$", re.IGNORECASE)


def hold_reason(text: str, start: int, end: int) -> str:
    """Why the occurrence at text[start:end] must be reviewed before it is replaced, or ""."""
    clause = _clause(text, start, end)
    for pattern, what in ((_SYMBOL_RE, "cites"), (_DATE_RE, "names the date"),
                          (_MISSION_RE, "names the mission"), (_AGREEMENT_RE, "names")):
        m = pattern.search(clause)
        if m:
            found = m.group(0)
            return f"{what} {found}" if what != "names" else f"names an agreement ({found})"
    if _MISSION_BEFORE_RE.search(text[max(0, start - 40) : start]):
        return "names a mission"
    return ""


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
            hits.append(ReplacementHit(i, seg.label, start, end, old, new, context,
                                       hold_reason(seg.text, start, end)))
    return hits


def apply_replacements(segments: Sequence[Segment], replacements: Sequence[Replacement],
                       accepted: Collection[tuple[int, int]] | None = None) -> tuple[Segment, ...]:
    """The segments with the planned replacements made (addressee lines included).

    `accepted` holds the keys of the held occurrences the drafter chose to replace too;
    every occurrence that is not held is replaced. `apply_all` replaces everything.
    """
    hits = plan_replacements(segments, replacements)
    chosen = [h for h in hits if not h.held or (accepted is not None and h.key in accepted)]
    return apply_hits(segments, chosen)


def apply_all(segments: Sequence[Segment], replacements: Sequence[Replacement]) -> tuple[Segment, ...]:
    """Every occurrence replaced, held or not (a title, a text the drafter has checked)."""
    return apply_hits(segments, plan_replacements(segments, replacements))


def apply_hits(segments: Sequence[Segment], hits: Sequence[ReplacementHit]) -> tuple[Segment, ...]:
    """Make exactly these replacements (from `plan_replacements` on the same segments)."""
    return apply_and_mark(segments, hits, ())[0]


def apply_and_mark(segments: Sequence[Segment], replace: Sequence[ReplacementHit],
                   hold: Sequence[ReplacementHit]) -> tuple[tuple[Segment, ...], tuple[ReviewMark, ...]]:
    """Make the `replace` hits, and mark where each replaced and each held occurrence now
    stands in the new text, for the drafter to review."""
    by_row: dict[int, list[tuple[ReplacementHit, bool]]] = {}
    for h in replace:
        by_row.setdefault(h.index, []).append((h, True))
    for h in hold:
        by_row.setdefault(h.index, []).append((h, False))
    rows = list(segments)
    marks: list[ReviewMark] = []
    for i in sorted(by_row):
        text = rows[i].text
        out: list[str] = []
        pos = 0
        for h, do in sorted(by_row[i], key=lambda t: t[0].start):
            out.append(text[pos : h.start])
            start = sum(len(p) for p in out)
            written = h.new if do else h.old
            out.append(written)
            note = f"replaced {h.old!r}" if do else f"not replaced: {h.held}"
            marks.append(ReviewMark(i, start, start + len(written), "replaced" if do else "held", note))
            pos = h.end
        out.append(text[pos:])
        rows[i] = rows[i].with_text("".join(out))
    return renumber(rows), tuple(marks)
