"""Reader lines and their cleaning: control characters, link lines, furniture, symbols.

Every reader (text, Word, PDF) turns a file into `RawLine`s. Before structure is
recognised, `prepare` removes what is never text: control characters, link lines between
pages (kept as references), page furniture (page numbers, job numbers, bar codes), the
furniture of a press release or web page ("Department of Public Information • News and
Media Division • New York", "* *** *", "Home » ..."), and the document's own symbol
("S/AC.51/2020/11", "S/RES/2427 (2018)", "SC/10260-AFR/2175-HR/5055"), which is kept as
metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.parse.conventions import Conventions
from app.parse.patterns import Patterns, compiled
from app.parse.repair import LINK_RE


@dataclass(frozen=True, slots=True)
class RawLine:
    """One line as a reader found it.

    `label` is set when the reader computed the label itself (Word automatic numbering:
    "5." or "(a)"); `style` is the reader's paragraph style; `paragraph_end` says the reader
    knows the paragraph ends here (a Word paragraph), so no continuation is guessed.
    """

    text: str
    label: str = ""
    style: str = ""
    paragraph_end: bool = False


FURNITURE_RE = re.compile(
    r"^(?:\d{1,3}/\d{1,3}|\d{2}-\d{5}(?:\s*\(E\).*)?|\*\d{7,}\*|Page \d+(?: of \d+)?|-\s*\d+\s*-)$"
)
# A line that is only a document symbol, as mastheads, running heads and press releases
# print it: "S/AC.51/2020/11", "United Nations S/RES/2427 (2018)", "S/PRST/2015/11",
# "SC/10260-AFR/2175-HR/5055", "Security CouncilSC/10260" (a web page's cells run together).
SYMBOL_LINE_RE = re.compile(
    r"^(?:United Nations\s+|Nations Unies\s+|Security Council\s*)?"
    r"(?P<symbol>S/AC\.51/\d{4}/\d{1,4}|S/RES/\d{1,5}\s*\(\d{4}\)|S/PRST/\d{4}/\d{1,4}|SC/\d{3,6})"
    r"(?:\s*[-–]\s*[A-Z]{2,6}/\d{2,6})*\s*$"
)
# The other symbols of a press release, each on its own line: "AFR/2175", "HR/5055".
PRESS_SYMBOL_RE = re.compile(r"^[A-Z]{2,6}(?:/[A-Z]{2,4})?/\d{2,6}$")


def normal_symbol(symbol: str) -> str:
    """One spelling of a symbol: "S/RES/2225(2015)" -> "S/RES/2225 (2015)"."""
    return re.sub(r"^(S/RES/\d+)\s*(\(\d{4}\))$", r"\1 \2", " ".join(symbol.split()))


# C0 and C1 control characters other than tab and line feed: never text, and not allowed
# in XML 1.0, so a Word export of a segment holding one would fail. Vertical tab and form
# feed are Word's manual line and page breaks in exported text: a space.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_BREAK_RE = re.compile("[\x0b\x0c\r]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
# Kept verbatim but reported: bidirectional overrides and isolates reorder what a reader
# sees without changing the stored text ("Trojan Source"), and invisible characters make
# passages that look identical compare and search as different. Left-to-right and
# right-to-left marks and zero-width (non-)joiners are not reported: Arabic and Persian
# names legitimately carry them.
_BIDI_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")
_INVISIBLE_RE = re.compile("[\u200b\u2060\u2061-\u2064\ufeff\u180e]")


def clean_text(text: str, odd: dict[str, int]) -> str:
    """Remove control characters and replace lone surrogates (SQLite cannot store them),
    counting them and the characters reported but kept, in `odd`."""
    if text.isascii() and text.isprintable():
        return text
    text = _BREAK_RE.sub(" ", text)
    text, n = _CONTROL_RE.subn("", text)
    odd["control"] = odd.get("control", 0) + n
    text, n = _SURROGATE_RE.subn("\ufffd", text)
    odd["surrogate"] = odd.get("surrogate", 0) + n
    odd["bidi"] = odd.get("bidi", 0) + len(_BIDI_RE.findall(text))
    odd["invisible"] = odd.get("invisible", 0) + len(_INVISIBLE_RE.findall(text))
    return text


def odd_characters_warnings(odd: dict[str, int]) -> list[str]:
    out = []
    if odd.get("control"):
        out.append(f"{odd['control']} control character(s) removed")
    if odd.get("surrogate"):
        out.append(f"{odd['surrogate']} invalid character(s) (lone surrogates) replaced by \ufffd")
    if odd.get("bidi"):
        out.append(
            f"contains {odd['bidi']} bidirectional override character(s) (U+202A-202E, U+2066-2069) that "
            "change the order in which text is displayed; kept as they are"
        )
    if odd.get("invisible"):
        out.append(
            f"contains {odd['invisible']} invisible character(s) (zero-width space, word joiner, ...) that make "
            "identical-looking text compare as different; kept as they are"
        )
    return out


@dataclass
class Prepared:
    """Reader lines without furniture, with what was taken out of them."""

    lines: list[RawLine]
    references: list[str] = field(default_factory=list)
    symbol: str = ""
    warnings: list[str] = field(default_factory=list)


def is_furniture(text: str, p: Patterns) -> bool:
    """Page furniture, a press release's symbols and furniture, or a date alone on a line."""
    return bool(FURNITURE_RE.match(text) or PRESS_SYMBOL_RE.match(text)) or (
        len(text) < 200 and bool(p.furniture.match(text))
    )


def prepare(raw_lines: list[RawLine], conventions: Conventions) -> Prepared:
    """Clean each line and take out link lines, furniture and the document's own symbol."""
    out = Prepared([])
    odd: dict[str, int] = {}
    p = compiled(conventions)
    for rl in raw_lines:
        t = clean_text(rl.text, odd).strip()
        if not t and not rl.label:
            continue
        if rl.label:
            out.lines.append(RawLine(t, rl.label.strip(), rl.style, rl.paragraph_end))
            continue
        if LINK_RE.match(t):
            out.references.append(t)
            continue
        m = SYMBOL_LINE_RE.match(t)
        if m:
            out.symbol = out.symbol or normal_symbol(m.group("symbol"))
            continue
        if is_furniture(t, p):
            continue
        out.lines.append(RawLine(t, "", rl.style, rl.paragraph_end))
    out.warnings = odd_characters_warnings(odd)
    return out
