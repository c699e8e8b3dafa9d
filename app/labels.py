"""Labels as a drafter cites them: `5`, `5(n)`, `5(a)(ii)`, `annex-3`, `PP2`, `OP3(a)`.

One value type that parses, formats, orders and increments, so that the importer, the
draft renumbering, the Word numbering and references all read a label the same way.
The levels are fixed by UN practice: a number, then letters (a)..(z), (aa)..(zz),
(aaa)..., then roman numerals (i), (ii), ...; deeper levels repeat letters and numerals.
Lettering restarts at each numbered paragraph: 7(a), 7(b), 8(a).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

# Bounds that keep a hostile file's numbering ("w:start=10000000000", a letter repeated a
# million times) from becoming a label of gigabytes: a real document has a few hundred
# paragraphs and letters to (zz); a resolution has a few dozen operative paragraphs.
MAX_NUMBER = 99_999
MAX_LETTER_REPEAT = 8  # (aaaaaaaa) = 183
MAX_ROMAN = 399
MAX_DEPTH = 4


class Series(StrEnum):
    """Which run of numbers a label belongs to."""

    BODY = ""  # conclusions' paragraphs 1, 2, ...
    ANNEX = "annex-"  # an annex restarts its numbering
    PREAMBULAR = "PP"  # a resolution's preambular paragraphs
    OPERATIVE = "OP"  # a resolution's operative paragraphs


_SERIES_ORDER = {Series.BODY: 1, Series.ANNEX: 3, Series.PREAMBULAR: 0, Series.OPERATIVE: 2}
_LABEL_RE = re.compile(r"^(annex-|PP|OP)?(\d{1,5})((?:\([a-z]{1,12}\))*)$")
_PART_RE = re.compile(r"\(([a-z]+)\)")
_ROMAN_VALUES = [(100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                 (4, "iv"), (1, "i")]
_ROMAN_RE = re.compile(r"^(c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")


class LabelError(ValueError):
    """Text that is not a label."""


def letters(n: int) -> str:
    """1 -> 'a', 26 -> 'z', 27 -> 'aa', 28 -> 'bb' (the UN doubles the letter after z)."""
    if not 1 <= n <= 26 * MAX_LETTER_REPEAT:
        raise LabelError(f"letter number {n} is out of range")
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def letters_index(s: str) -> int:
    """Inverse of `letters`: 'a' -> 1, 'aa' -> 27. LabelError for mixed letters ('ab')."""
    if not s or not s.isascii() or not s.isalpha() or len(set(s.lower())) != 1 or len(s) > MAX_LETTER_REPEAT:
        raise LabelError(f"{s!r} is not a letter label")
    return (len(s) - 1) * 26 + ord(s[0].lower()) - ord("a") + 1


def roman(n: int) -> str:
    """1 -> 'i', 4 -> 'iv', 14 -> 'xiv'."""
    if not 1 <= n <= MAX_ROMAN:
        raise LabelError(f"roman numeral {n} is out of range")
    out = []
    for value, numeral in _ROMAN_VALUES:
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def roman_index(s: str) -> int:
    """Inverse of `roman`: 'xiv' -> 14. LabelError for what is not a numeral."""
    s = s.lower()
    if not s or not _ROMAN_RE.match(s):
        raise LabelError(f"{s!r} is not a roman numeral")
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total = 0
    for i, ch in enumerate(s):
        v = values[ch]
        total += -v if i + 1 < len(s) and values[s[i + 1]] > v else v
    return total


def is_roman(s: str) -> bool:
    try:
        roman_index(s)
    except LabelError:
        return False
    return True


def _part_text(depth: int, value: int) -> str:
    """Level 1 and 3 are lettered, level 2 and 4 roman: (a), (ii), (a), (ii)."""
    return letters(value) if depth % 2 == 1 else roman(value)


def _part_value(depth: int, text: str) -> int:
    # At the lettered level "(i)" is the ninth letter, not a roman one.
    return letters_index(text) if depth % 2 == 1 else roman_index(text)


@dataclass(frozen=True, slots=True, order=False)
class Label:
    """A parsed label: its series, paragraph number and subparagraph values.

    `Label.parse("5(n)")` is `Label(Series.BODY, 5, (14,))`; `str()` gives the text back.
    """

    series: Series
    number: int
    parts: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        if not 0 <= self.number <= MAX_NUMBER:
            raise LabelError(f"paragraph number {self.number} is out of range")
        if len(self.parts) > MAX_DEPTH:
            raise LabelError(f"a label is at most {MAX_DEPTH} levels deep")
        for depth, value in enumerate(self.parts, start=1):
            _part_text(depth, value)  # raises when out of range

    @classmethod
    def parse(cls, text: str) -> Label:
        """'5(n)' -> Label; LabelError for anything else ("5(ab)", "annex", "")."""
        m = _LABEL_RE.match(text.strip()) if len(text) < 80 else None
        if not m:
            raise LabelError(f"{text[:40]!r} is not a label such as 5, 5(n), annex-3 or OP3(a)")
        raw_parts = _PART_RE.findall(m.group(3))
        if len(raw_parts) > MAX_DEPTH:
            raise LabelError(f"{text[:40]!r}: a label is at most {MAX_DEPTH} levels deep")
        parts = tuple(_part_value(d, p) for d, p in enumerate(raw_parts, start=1))
        return cls(Series(m.group(1) or ""), int(m.group(2)), parts)

    @classmethod
    def read(cls, text: str) -> Label | None:
        """The label, or None for an empty string or one that is not a label."""
        if not text:
            return None
        try:
            return cls.parse(text)
        except LabelError:
            return None

    def __str__(self) -> str:
        subs = "".join(f"({_part_text(d, v)})" for d, v in enumerate(self.parts, start=1))
        return f"{self.series.value}{self.number}{subs}"

    @property
    def depth(self) -> int:
        """0 for a paragraph (5), 1 for 5(a), 2 for 5(a)(ii)."""
        return len(self.parts)

    @property
    def sort_key(self) -> tuple[int, int, tuple[int, ...]]:
        """As a drafter reads them: PP1 < 5 < 5(a) < 5(z) < 5(aa) < 6 < OP1 < annex-1."""
        return (_SERIES_ORDER[self.series], self.number, self.parts)

    def __lt__(self, other: Label) -> bool:
        return self.sort_key < other.sort_key

    def __le__(self, other: Label) -> bool:
        return self.sort_key <= other.sort_key

    def __gt__(self, other: Label) -> bool:
        return self.sort_key > other.sort_key

    def __ge__(self, other: Label) -> bool:
        return self.sort_key >= other.sort_key

    def parent(self) -> Label | None:
        """5(a)(ii) -> 5(a) -> 5 -> None."""
        if not self.parts:
            return None
        return Label(self.series, self.number, self.parts[:-1])

    def child(self, n: int) -> Label:
        """The n-th subparagraph one level down: Label 5 .child(14) is 5(n)."""
        return Label(self.series, self.number, (*self.parts, n))

    def next(self) -> Label:
        """The following label at the same level: 5 -> 6, 5(z) -> 5(aa), 5(a)(iii) -> 5(a)(iv)."""
        if not self.parts:
            return Label(self.series, self.number + 1)
        return Label(self.series, self.number, (*self.parts[:-1], self.parts[-1] + 1))

    def is_within(self, other: Label) -> bool:
        """True when this label is `other` or one of its subparagraphs (5(a)(ii) within 5)."""
        return (self.series, self.number) == (other.series, other.number) and \
            self.parts[: len(other.parts)] == other.parts

    def marker(self) -> str:
        """What is printed before the text: 5 -> '5.', 5(a) -> '(a)', annex-3 -> '3.',
        OP3 -> '3.', PP2 -> '' (a preambular paragraph has no number on the page)."""
        if self.parts:
            return f"({_part_text(self.depth, self.parts[-1])})"
        if self.series is Series.PREAMBULAR:
            return ""
        return f"{self.number}."


def sort_key(text: str) -> tuple[int, int, tuple[int, ...]]:
    """The order of a label given as text; LabelError if it is not one."""
    return Label.parse(text).sort_key


def parent_text(text: str) -> str:
    """'5(a)(ii)' -> '5(a)', '5(a)' -> '5', '5' -> '' (also for text that is not a label)."""
    label = Label.read(text)
    parent = label.parent() if label else None
    return str(parent) if parent else ""
