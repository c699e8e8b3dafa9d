"""The regular expressions of one `Conventions` record, compiled once per record.

Label shapes are the same in every language and live here too: "7." (up to the largest
paragraph number a label may have), "(c)", "(aaaa)", with or without a space before the
text ("(a)Welcoming", as pasted from some web pages).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from app.labels import MAX_LETTER_REPEAT
from app.parse.conventions import Conventions

PARA_RE = re.compile(r"^(\d{1,5})\.(?:\s+|$)(.*)$", re.DOTALL)
_SUB = rf"([a-z]{{1,{MAX_LETTER_REPEAT}}})\)(?:\s+|$|(?=[A-Z\u201c\u2018\"'\u00c0-\u00de]))(.*)$"
SUB_RE = re.compile(rf"^\({_SUB}", re.DOTALL)  # the English marker; `Patterns.sub` is the language's
LABEL_ALONE_RE = re.compile(rf"\d{{1,5}}\.|\([a-z]{{1,{MAX_LETTER_REPEAT}}}\)")
BULLET_RE = re.compile(r"^(?:[►•▪‣◦●■\u2022\u25ba\uf0b7]\s*|-{1,2}\s+|\u2013\s+)")
OPENING_QUOTE_RE = re.compile(r"^[\u201c\u201e\"\u00ab]\s*")
TERMINAL = (".", ";", ":", "!", "?", "…")
# "I. To all parties to the conflict:": a roman number before an addressee line.
ROMAN_PREFIX_RE = re.compile(r"^[IVXLC]{1,6}\.\s+")


@dataclass(frozen=True)
class Patterns:
    """Compiled patterns of one language."""

    conventions: Conventions
    heading: re.Pattern[str]
    annex: re.Pattern[str]
    date: tuple[re.Pattern[str], ...]
    meeting: re.Pattern[str]
    situation: tuple[re.Pattern[str], ...]
    folded_addressee: re.Pattern[str]
    conclusions: re.Pattern[str]
    public_statement: re.Pattern[str]
    resolution: re.Pattern[str]
    presidential_statement: re.Pattern[str]
    other: re.Pattern[str]
    preamble_lead: re.Pattern[str]
    addressee: re.Pattern[str]
    furniture: re.Pattern[str]  # whole lines of press and web-page furniture, and lone dates
    sub: re.Pattern[str]  # a subparagraph marker and its text: groups letters, text
    label_alone: re.Pattern[str]  # a label with no text after it: "2.", "(a)"

    def month_number(self, name: str) -> int:
        months = [m.lower() for m in self.conventions.months]
        return months.index(name.lower()) + 1

    def known_heading(self, text: str) -> bool:
        return len(text) < 120 and bool(self.heading.match(text.strip()))


def _any(patterns: tuple[str, ...], whole: bool = False) -> re.Pattern[str]:
    body = "|".join(f"(?:{p})" for p in patterns) or r"(?!)"
    return re.compile(rf"^(?:{body})\.?$" if whole else body, re.IGNORECASE)


def _ordinal(c: Conventions) -> str:
    words = sorted(
        c.ordinal_units + c.ordinal_teens + c.cardinal_units + c.cardinal_tens + c.ordinal_tens
        + c.hundred + c.filler_words, key=len, reverse=True,
    )
    digits = rf"\d{{1,5}}(?:{c.ordinal_suffix})"
    if not words:
        return digits
    word = "|".join(re.escape(w) for w in words)
    return rf"{digits}|(?:(?:{word})[\s-]+)*(?:{word})"


@lru_cache(maxsize=8)
def compiled(c: Conventions) -> Patterns:
    months = "|".join(c.months)
    prefixes = "|".join(re.escape(p) for p in c.addressee_prefixes)
    leads = "|".join(re.escape(w) for w in c.preamble_leads)
    endings = "|".join(re.escape(e) for e in c.preamble_endings)
    return Patterns(
        conventions=c,
        heading=_any(c.headings + (c.annex,), whole=True),
        annex=re.compile(rf"^{c.annex}$", re.IGNORECASE),
        date=tuple(re.compile(p.replace("{months}", months), re.IGNORECASE) for p in c.date_patterns),
        meeting=re.compile(c.meeting.replace("{ordinal}", _ordinal(c)), re.IGNORECASE),
        situation=tuple(re.compile(p, re.IGNORECASE) for p in c.situation_patterns),
        folded_addressee=re.compile(c.folded_addressee, re.IGNORECASE),
        conclusions=_any(c.conclusions_cues),
        public_statement=_any(c.public_statement_cues),
        resolution=_any(c.resolution_cues),
        presidential_statement=_any(c.presidential_statement_cues),
        other=_any(c.other_cues),
        preamble_lead=re.compile(rf"^(?:(?:{leads})\b|[A-Z][a-z]+(?:{endings})\b)" if leads else r"(?!)"),
        addressee=re.compile(rf"^(?:{prefixes})\S" if prefixes else r"(?!)"),
        sub=re.compile(rf"^{c.marker_open}{_SUB}", re.DOTALL),
        label_alone=re.compile(rf"\d{{1,5}}\.|{c.marker_open}[a-z]{{1,{MAX_LETTER_REPEAT}}}\)"),
        furniture=re.compile(
            r"^(?:" + "|".join(c.press_furniture)
            + "|" + "|".join(re.sub(r"\(\?P<\w+>", "(?:", d.replace("{months}", months)) for d in c.date_patterns)
            + ")$", re.IGNORECASE,
        ),
    )
