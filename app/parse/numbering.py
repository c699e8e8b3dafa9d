"""Word automatic numbering: compute the label Word displays ("5.", "(n)") for a paragraph.

A numbered Word paragraph stores no label, only `w:numPr` (a list id and a level); the label
comes from `numbering.xml`: the level's format (`decimal`, `lowerLetter`), its text pattern
(`%1.`, `(%2)`), its start value, when it restarts (`w:lvlRestart`), and per-list overrides
(`w:lvlOverride`/`w:startOverride`). Counters belong to the abstract list, so two lists
pointing at one definition continue each other's numbering unless one overrides its start
(that is how an annex restarts at 1).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from app.labels import MAX_LETTER_REPEAT, MAX_NUMBER, MAX_ROMAN, letters, roman

# Word's lvlText holds a few characters ("%1.", "(%2)"); a longer one is cut here, so a
# hostile "%1%1%1..." cannot make labels of megabytes.
MAX_LEVEL_TEXT = 32


class NumberingOutOfRange(ValueError):
    """A list value no document can have: a start of 10,000,000,000, a millionth letter."""

    def __init__(self, value: int, fmt: str, limit: int) -> None:
        super().__init__(f"a numbered list in the document reaches {value:,} ({fmt}), beyond the largest "
                         f"number a label can have ({limit:,})")
        self.value = value

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _val(el: etree._Element | None, tag: str) -> str | None:
    """The `w:val` of child `tag` of `el`, or None."""
    if el is None:
        return None
    child = el.find(_w(tag))
    return None if child is None else child.get(_w("val"))


def _int(s: str | None, default: int | None = None) -> int | None:
    try:
        return int(s) if s is not None else default
    except ValueError:
        return default


@dataclass(frozen=True, slots=True)
class Level:
    """One level of a list definition."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart: None = after any shallower level, 0 = never
    legal: bool = False  # w:isLgl: show all levels as decimal


def _level(lvl: etree._Element) -> Level:
    restart = _int(_val(lvl, "lvlRestart"))
    return Level(
        start=_int(_val(lvl, "start"), 1) or 0,
        fmt=_val(lvl, "numFmt") or "decimal",
        text=(_val(lvl, "lvlText") or "")[:MAX_LEVEL_TEXT],
        restart=restart,
        legal=lvl.find(_w("isLgl")) is not None and _val(lvl, "isLgl") not in ("0", "false"),
    )


@dataclass
class _List:
    """A `w:num`: which abstract definition it uses and what it overrides."""

    abstract: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, Level] = field(default_factory=dict)


_LIMITS = {"lowerLetter": 26 * MAX_LETTER_REPEAT, "upperLetter": 26 * MAX_LETTER_REPEAT,
           "lowerRoman": MAX_ROMAN, "upperRoman": MAX_ROMAN}


def format_number(n: int, fmt: str) -> str:
    """A counter in a Word number format: 3 -> '3', 'c', 'iii', 'C', 'III'.

    `NumberingOutOfRange` past what a label can hold (paragraph 99,999, letter (zzzzzzzz),
    numeral 399): "aaaa..." for `w:start="10000000000"` would take gigabytes."""
    if fmt in ("none", "bullet"):
        return ""
    limit = _LIMITS.get(fmt, MAX_NUMBER)
    if abs(n) > limit:
        raise NumberingOutOfRange(n, fmt, limit)
    if n < 1 and fmt != "decimal":
        return str(n)
    if fmt == "lowerLetter":
        return letters(n)
    if fmt == "upperLetter":
        return letters(n).upper()
    if fmt == "lowerRoman":
        return roman(n)
    if fmt == "upperRoman":
        return roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


class Numbering:
    """The list definitions of one document, and the counters as paragraphs are read in order."""

    def __init__(self, numbering_xml: etree._Element | None, styles_xml: etree._Element | None) -> None:
        self.abstract: dict[str, dict[int, Level]] = {}
        self.abstract_style_link: dict[str, str] = {}
        self.lists: dict[str, _List] = {}
        self.style_numpr: dict[str, tuple[str | None, int | None]] = {}
        self.style_based_on: dict[str, str] = {}
        self._counters: dict[str, dict[int, int | None]] = {}
        self._seen_lists: set[str] = set()
        if styles_xml is not None:
            for st in styles_xml.iterfind(_w("style")):
                sid = st.get(_w("styleId")) or ""
                based = _val(st, "basedOn")
                if based:
                    self.style_based_on[sid] = based
                numpr = st.find(f"{_w('pPr')}/{_w('numPr')}")
                if numpr is not None:
                    self.style_numpr[sid] = (_val(numpr, "numId"), _int(_val(numpr, "ilvl")))
        if numbering_xml is None:
            return
        for an in numbering_xml.iterfind(_w("abstractNum")):
            aid = an.get(_w("abstractNumId")) or ""
            self.abstract[aid] = {
                _int(lvl.get(_w("ilvl")), 0) or 0: _level(lvl) for lvl in an.iterfind(_w("lvl"))
            }
            link = _val(an, "numStyleLink")
            if link:
                self.abstract_style_link[aid] = link
        for num in numbering_xml.iterfind(_w("num")):
            nid = num.get(_w("numId")) or ""
            entry = _List(_val(num, "abstractNumId") or "")
            for ov in num.iterfind(_w("lvlOverride")):
                ilvl = _int(ov.get(_w("ilvl")), 0) or 0
                so = _int(_val(ov, "startOverride"))
                if so is not None:
                    entry.start_overrides[ilvl] = so
                lvl = ov.find(_w("lvl"))
                if lvl is not None:
                    entry.level_overrides[ilvl] = _level(lvl)
            self.lists[nid] = entry

    def _abstract_of(self, num_id: str, depth: int = 0) -> str | None:
        """The abstract definition a list uses, following numbering-style links."""
        entry = self.lists.get(num_id)
        if entry is None or depth > 5:
            return None
        aid = entry.abstract
        link = self.abstract_style_link.get(aid)
        if link and link in self.style_numpr:
            linked = self.style_numpr[link][0]
            if linked and linked != num_id:
                return self._abstract_of(linked, depth + 1) or aid
        return aid

    def _style_numpr(self, style_id: str) -> tuple[str | None, int | None]:
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            if style_id in self.style_numpr:
                return self.style_numpr[style_id]
            style_id = self.style_based_on.get(style_id, "")
        return None, None

    def paragraph_numpr(self, p: etree._Element) -> tuple[str, int] | None:
        """(list id, level) of a paragraph, from its own properties or its style's."""
        ppr = p.find(_w("pPr"))
        num_id: str | None = None
        ilvl: int | None = None
        if ppr is not None:
            numpr = ppr.find(_w("numPr"))
            if numpr is not None:
                num_id = _val(numpr, "numId")
                ilvl = _int(_val(numpr, "ilvl"))
            if num_id is None or ilvl is None:
                s_num, s_lvl = self._style_numpr(_val(ppr, "pStyle") or "")
                num_id = num_id if num_id is not None else s_num
                ilvl = ilvl if ilvl is not None else s_lvl
        if not num_id or num_id == "0" or num_id not in self.lists:
            return None
        return num_id, max(0, min(ilvl or 0, 8))

    def label_for(self, p: etree._Element) -> tuple[str, bool] | None:
        """Advance the counters for paragraph `p` and return (label, is_bullet), or None."""
        numpr = self.paragraph_numpr(p)
        if numpr is None:
            return None
        num_id, ilvl = numpr
        aid = self._abstract_of(num_id)
        if aid is None or aid not in self.abstract:
            return None
        entry = self.lists[num_id]
        levels = dict(self.abstract[aid])
        levels.update(entry.level_overrides)
        counters = self._counters.setdefault(aid, {})
        if num_id not in self._seen_lists:
            # A list that overrides a start restarts the shared counters the first time
            # it is used: the annex's "1." after paragraph 12.
            self._seen_lists.add(num_id)
            for lvl_i in set(entry.start_overrides) | set(entry.level_overrides):
                counters[lvl_i] = None
        level = levels.get(ilvl, Level())
        start = entry.start_overrides.get(ilvl, level.start)
        current = counters.get(ilvl)
        counters[ilvl] = start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            r = levels.get(deeper, Level()).restart
            if r is None or (r != 0 and ilvl + 1 <= r):
                counters[deeper] = None
        if level.fmt == "bullet":
            return level.text, True
        label = level.text
        for k in range(9):
            token = f"%{k + 1}"
            if token not in label:
                continue
            lv = levels.get(k, Level())
            value = counters.get(k)
            if value is None:
                value = entry.start_overrides.get(k, lv.start)
            fmt = "decimal" if (level.legal and k < ilvl) else lv.fmt
            label = label.replace(token, format_number(value, fmt))
        return label, False
