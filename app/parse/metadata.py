"""A document's metadata, read from its own text: never guessed from the file name.

Kind, title, situation ("Mali", from "Conclusions on children and armed conflict in Mali"
or "the report of the Secretary-General on children and armed conflict in Somalia"),
meeting date and number ("At its twenty-ninth meeting, on 14 March 2012" -> 2012-03-14 and
29), the Secretary-General's report ("(document S/2012/123)"), the document's own symbol,
and the earlier texts it cites ("resolutions 1612 (2005) and 2427 (2018)" ->
S/RES/1612 (2005), S/RES/2427 (2018); "(S/AC.51/2018/1)"; "Presidential Statement
2020/10" -> S/PRST/2020/10). What the text does not say stays empty.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from app.model import DocKind, Kind, Segment
from app.parse.conventions import Conventions
from app.parse.lines import normal_symbol
from app.parse.patterns import Patterns

# How many segments from the top hold the meeting sentence (title, masthead, opening).
OPENING = 8
SYMBOL_RE = re.compile(r"\b(S/AC\.51/\d{4}/\d{1,4}|S/RES/\d{1,5}\s*\(\d{4}\)|S/PRST/\d{4}/\d{1,4})")
REPORT_SYMBOL_RE = re.compile(r"\b(S/\d{4}/\d{1,5})\b")
RESOLUTION_TITLE_RE = re.compile(r"^(?:Resolution|Résolution|Resolución)\s+(\d{1,5})\s*\((\d{4})\)$")
_SENTENCE_END_RE = re.compile(r"(?<=[.;])\s+(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str = ""
    situation: str = ""
    meeting_date: str = ""
    meeting_number: str = ""
    report_symbol: str = ""
    symbol: str = ""
    cited_symbols: tuple[str, ...] = ()


def find_metadata(segments: list[Segment], kind: DocKind, symbol: str, p: Patterns) -> Metadata:
    """Everything the text says about itself."""
    title = next((s.text for s in segments if s.kind == Kind.TITLE), "")
    if not symbol and kind == DocKind.RESOLUTION and (m := RESOLUTION_TITLE_RE.match(title)):
        symbol = f"S/RES/{m.group(1)} ({m.group(2)})"
    opening = _opening(segments)
    sentence = next((s for t in opening for s in _SENTENCE_END_RE.split(t)
                     if p.conventions.meeting_word in s.lower() and _date(s, p)), "")
    if not sentence and kind == DocKind.CONCLUSIONS:
        sentence = next((s.text for s in segments if s.kind == Kind.PARAGRAPH), "")
    whole = opening if kind in (DocKind.CONCLUSIONS, DocKind.PUBLIC_STATEMENT) else [s.text for s in segments]
    report = _report_symbol(whole, p)
    if not report and kind == DocKind.CONCLUSIONS:
        first = next((s.text for s in segments if s.kind == Kind.PARAGRAPH), "")
        m = REPORT_SYMBOL_RE.search(first)
        report = m.group(1) if m else ""
    return Metadata(
        title=title,
        situation=_situation(title, opening, p),
        meeting_date=_date(sentence, p),
        meeting_number=_meeting_number(sentence or " ".join(opening), p),
        report_symbol=report,
        symbol=symbol,
        cited_symbols=cited_symbols([s.text for s in segments], p, exclude={symbol, report}),
    )


def _opening(segments: list[Segment]) -> list[str]:
    """The texts up to and including the first numbered paragraph."""
    out = []
    for s in segments[:OPENING]:
        out.append(s.text)
        if s.kind == Kind.PARAGRAPH:
            break
    return out


def _date(text: str, p: Patterns) -> str:
    """The first date in `text` as ISO ("2012-03-14"), or ""."""
    best: tuple[int, str] | None = None
    for pattern in p.date:
        m = pattern.search(text)
        if not m:
            continue
        try:
            day = datetime.date(int(m.group("year")), p.month_number(m.group("month")), int(m.group("day")))
        except ValueError:
            continue
        if best is None or m.start() < best[0]:
            best = (m.start(), day.isoformat())
    return best[1] if best else ""


def _situation(title: str, opening: list[str], p: Patterns) -> str:
    for pattern in p.situation:
        for text in [title, *opening]:
            m = pattern.search(text)
            if not m:
                continue
            name = m.group("name").strip()
            for article in p.conventions.articles:
                if name.lower().startswith(article):
                    name = name[len(article):]
                    break
            if name[:1].isupper() and len(name) < 80:
                return name
    return ""


def _report_symbol(texts: list[str], p: Patterns) -> str:
    pattern = re.compile(rf"\b{p.conventions.report_word}\b[^()]{{0,250}}?\((?:[^\W\d]+\s+)?(S/\d{{4}}/\d{{1,5}})\b",
                         re.IGNORECASE)
    for text in texts:
        m = pattern.search(text)
        if m:
            return m.group(1)
    return ""


def _meeting_number(text: str, p: Patterns) -> str:
    m = p.meeting.search(text)
    if not m:
        return ""
    n = ordinal_value(m.group("number"), p.conventions)
    return str(n) if n else ""


def ordinal_value(text: str, c: Conventions) -> int | None:
    """"twenty-ninth" -> 29, "eighty-first" -> 81, "one hundred and first" -> 101, "52nd" -> 52."""
    m = re.fullmatch(rf"(\d{{1,5}})(?:{c.ordinal_suffix})", text.strip(), re.IGNORECASE)
    if m:
        return int(m.group(1))
    values = _word_values(c)
    total, pending, last_ordinal = 0, 0, False
    for word in re.split(r"[\s-]+", text.strip().lower()):
        if word in c.filler_words:
            continue
        if word not in values:
            return None
        value, kind = values[word]
        if kind.startswith("hundred"):
            total += (pending or 1) * 100
            pending = 0
        else:
            pending += value
        last_ordinal = kind in ("ordinal", "hundred-ordinal")
    return total + pending if last_ordinal and total + pending > 0 else None


@lru_cache(maxsize=8)
def _word_values(c: Conventions) -> dict[str, tuple[int, str]]:
    values: dict[str, tuple[int, str]] = {}
    for i, w in enumerate(c.cardinal_units):
        values[w] = (i + 1, "cardinal")
    for i, w in enumerate(c.cardinal_tens):
        values[w] = (10 * (i + 2), "cardinal")
    for i, w in enumerate(c.ordinal_units):
        values[w] = (i + 1, "ordinal")
    for i, w in enumerate(c.ordinal_teens):
        values[w] = (10 + i, "ordinal")
    for i, w in enumerate(c.ordinal_tens):
        values[w] = (10 * (i + 2), "ordinal")
    values[c.hundred[0]] = (100, "hundred")
    values[c.hundred[1]] = (100, "hundred-ordinal")
    return values


@lru_cache(maxsize=8)
def _citation_patterns(c: Conventions) -> tuple[re.Pattern[str], re.Pattern[str]]:
    item = r"\d{3,5}\s*\(\d{4}\)"
    joiners = "|".join(re.escape(j) for j in c.list_joiners)
    resolutions = re.compile(
        rf"\b(?:{c.resolution_word})\s+(?:[^\d()]{{0,60}}?\s)?({item}(?:(?:{joiners}){item})*)", re.IGNORECASE
    )
    statements = re.compile(rf"\b(?:{c.presidential_statement_word})\s+(?:S/PRST/)?(\d{{4}}/\d{{1,4}})\b",
                            re.IGNORECASE)
    return resolutions, statements


def cited_symbols(texts: list[str], p: Patterns, exclude: set[str]) -> tuple[str, ...]:
    """Symbols of the conclusions, resolutions and presidential statements the text cites,
    in order of first citation."""
    resolutions, statements = _citation_patterns(p.conventions)
    found: list[tuple[int, int, str]] = []  # (text index, offset, symbol)
    for ti, text in enumerate(texts):
        for m in SYMBOL_RE.finditer(text):
            found.append((ti, m.start(), normal_symbol(m.group(1))))
        for m in resolutions.finditer(text):
            for item in re.finditer(r"(\d{3,5})\s*\((\d{4})\)", m.group(1)):
                found.append((ti, m.start(1) + item.start(), f"S/RES/{item.group(1)} ({item.group(2)})"))
        for m in statements.finditer(text):
            found.append((ti, m.start(1), f"S/PRST/{m.group(1)}"))
    ordered = [s for _, _, s in sorted(found)]
    return tuple(s for s in dict.fromkeys(ordered) if s not in exclude)
