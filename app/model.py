"""The document model: plain, immutable records for conclusions and their segments."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from enum import StrEnum


class Kind(StrEnum):
    """What a segment is in the structure of a conclusions document."""

    TITLE = "title"
    HEADING = "heading"
    ADDRESSEE = "addressee"
    PARAGRAPH = "paragraph"
    SUBPARAGRAPH = "subparagraph"
    TEXT = "text"


NUMBERED_KINDS = frozenset({Kind.PARAGRAPH, Kind.SUBPARAGRAPH})


@dataclass(frozen=True, slots=True)
class Segment:
    """One unit of a document: a numbered paragraph, a subparagraph, a heading, ...

    `label` is the full label a drafter cites ("5(n)", "annex-3", "5(a)(ii)"); empty for
    headings, addressee lines and unnumbered text. `section` is the heading it falls under,
    `addressee` the addressee line it falls under ("To the Government of Mali").
    """

    kind: Kind
    text: str
    label: str = ""
    section: str = ""
    addressee: str = ""

    def with_text(self, text: str) -> Segment:
        return replace(self, text=text)

    @property
    def numbered(self) -> bool:
        return self.kind in NUMBERED_KINDS


@dataclass(frozen=True, slots=True)
class Document:
    """A conclusions document as imported: metadata and its ordered segments."""

    title: str
    segments: tuple[Segment, ...]
    situation: str = ""
    meeting_date: str = ""  # ISO date, e.g. "2020-11-20"
    report_symbol: str = ""  # the Secretary-General's report, e.g. "S/2020/1105"
    symbol: str = ""  # the conclusions' own symbol, e.g. "S/AC.51/2020/11"
    source_file: str = ""
    warnings: tuple[str, ...] = ()
    references: tuple[str, ...] = ()  # link lines found between pages
    id: int | None = None
    imported_at: str = ""

    @property
    def content_hash(self) -> str:
        return content_hash(self.segments)

    def labels(self) -> list[str]:
        return [s.label for s in self.segments if s.label]

    def segment(self, label: str) -> Segment:
        for s in self.segments:
            if s.label == label:
                return s
        raise KeyError(label)

    def with_segments(self, segments: tuple[Segment, ...] | list[Segment]) -> Document:
        return replace(self, segments=tuple(segments))


def content_hash(segments: tuple[Segment, ...] | list[Segment]) -> str:
    """A digest of the structured content, so re-importing the same text is recognised."""
    h = hashlib.sha256()
    for s in segments:
        h.update(f"{s.kind}\x1f{s.label}\x1f{' '.join(s.text.split())}\x1e".encode())
    return h.hexdigest()


# --- labels -----------------------------------------------------------------------------

_ROMAN = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def letters(n: int) -> str:
    """1 -> 'a', 26 -> 'z', 27 -> 'aa', 28 -> 'bb' (the UN doubles the letter after z)."""
    if n < 1:
        raise ValueError(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def letters_index(s: str) -> int:
    """Inverse of `letters`: 'a' -> 1, 'aa' -> 27. Raises ValueError for mixed letters."""
    if not s or not s.isalpha() or len(set(s.lower())) != 1:
        raise ValueError(s)
    return (len(s) - 1) * 26 + ord(s[0].lower()) - ord("a") + 1


def roman(n: int) -> str:
    """1 -> 'i', 4 -> 'iv', 14 -> 'xiv'."""
    if n < 1:
        raise ValueError(n)
    out = []
    for value, numeral in _ROMAN:
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


_ROMAN_RE = re.compile(r"^(x{0,3})(ix|iv|v?i{0,3})$")


def roman_index(s: str) -> int:
    """Inverse of `roman` for numerals up to 39."""
    s = s.lower()
    if not s or not _ROMAN_RE.match(s):
        raise ValueError(s)
    values = {"i": 1, "v": 5, "x": 10}
    total = 0
    for i, ch in enumerate(s):
        v = values[ch]
        total += -v if i + 1 < len(s) and values[s[i + 1]] > v else v
    return total


def is_roman(s: str) -> bool:
    try:
        roman_index(s)
    except ValueError:
        return False
    return True


_LABEL_RE = re.compile(r"^(annex-)?(\d+)((?:\([a-z]+\))*)$")


def label_sort_key(label: str) -> tuple[int, int, tuple[int, ...]]:
    """Order labels as a drafter reads them: 5 < 5(a) < 5(z) < 5(aa) < 6 < annex-1."""
    m = _LABEL_RE.match(label)
    if not m:
        raise ValueError(f"not a label: {label!r}")
    parts = re.findall(r"\(([a-z]+)\)", m.group(3))
    keys: list[int] = []
    for depth, p in enumerate(parts):
        keys.append(roman_index(p) if depth == 1 else letters_index(p))
    return (1 if m.group(1) else 0, int(m.group(2)), tuple(keys))


def is_label(label: str) -> bool:
    try:
        label_sort_key(label)
    except ValueError:
        return False
    return True


def parent_label(label: str) -> str:
    """'5(a)(ii)' -> '5(a)', '5(a)' -> '5', '5' -> ''."""
    i = label.rfind("(")
    return label[:i] if i > 0 else ""


@dataclass(frozen=True, slots=True)
class Passage:
    """A contiguous run of a stored document's segments, as named by a REF like `1:5(n)..5(v)`."""

    document: Document
    segments: tuple[Segment, ...]
    ref: str
    start: str = ""
    end: str = ""

    @property
    def title(self) -> str:
        return self.document.title

    def describe(self) -> str:
        # A draft version is not stored as a document (no id); its title names the round.
        doc = self.document
        where = doc.title if doc.id is None else (doc.situation or doc.title)
        if self.start and self.end and self.start != self.end:
            return f"{where} {self.start}..{self.end}"
        if self.start:
            return f"{where} {self.start}"
        return where


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What happened to one file given to import."""

    file: str
    document: Document | None = None
    duplicate_of: int | None = None
    error: str = ""
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not self.error


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """A library listing row: a document's metadata without its text."""

    id: int
    title: str
    situation: str
    meeting_date: str
    report_symbol: str
    symbol: str
    source_file: str
    imported_at: str
    segments: int


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A segment found by full-text search, with the spans of `text` that matched."""

    document_id: int
    document_title: str
    situation: str
    position: int
    label: str
    kind: str
    text: str
    spans: tuple[tuple[int, int], ...] = ()
