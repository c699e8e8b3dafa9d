"""The document model: plain, immutable records for conclusions and their segments."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from app.labels import (  # noqa: F401  (re-exported for callers)
    Label,
    is_roman,
    letters,
    letters_index,
    parent_text,
    roman,
    roman_index,
    sort_key,
)


class Kind(StrEnum):
    """What a segment is in the structure of a conclusions document."""

    TITLE = "title"
    HEADING = "heading"
    ADDRESSEE = "addressee"
    PARAGRAPH = "paragraph"
    SUBPARAGRAPH = "subparagraph"
    TEXT = "text"


class DocKind(StrEnum):
    """What kind of text a document is; each kind has its own shape and labels."""

    CONCLUSIONS = "conclusions"  # S/AC.51/YYYY/N: numbered paragraphs, lettered subparagraphs
    PUBLIC_STATEMENT = "public statement"  # the Chair's statement, often as a press release
    RESOLUTION = "resolution"  # S/RES/NNNN (YYYY): PP1.., OP1..
    PRESIDENTIAL_STATEMENT = "presidential statement"  # S/PRST/YYYY/N
    OTHER = "other"  # a report, a letter: stored as text


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

    @property
    def label_value(self) -> Label | None:
        """The parsed label; None for headings, addressee lines and unnumbered text."""
        return Label.read(self.label)

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
    doc_kind: DocKind = DocKind.CONCLUSIONS
    meeting_number: str = ""  # as the text gives it: "29", "eighty-first" -> "81"
    cited_symbols: tuple[str, ...] = ()  # earlier conclusions and resolutions the text cites

    @property
    def content_hash(self) -> str:
        return content_hash(self.segments)

    @property
    def shape(self) -> str:
        """A digest of the label sequence: two files of one document (its Word file and its
        PDF) have the same shape though their texts differ by a hyphen or a space."""
        return label_shape([s.label for s in self.segments if s.label])

    def labels(self) -> list[str]:
        return [s.label for s in self.segments if s.label]

    def segment(self, label: str) -> Segment:
        for s in self.segments:
            if s.label == label:
                return s
        raise KeyError(label)

    def with_segments(self, segments: tuple[Segment, ...] | list[Segment]) -> Document:
        return replace(self, segments=tuple(segments))


def label_shape(labels: Sequence[str]) -> str:
    """See `Document.shape`."""
    return hashlib.sha256("\x1f".join(labels).encode()).hexdigest()[:32]


def content_hash(segments: tuple[Segment, ...] | list[Segment]) -> str:
    """A digest of the structured content, so re-importing the same text is recognised."""
    h = hashlib.sha256()
    for s in segments:
        h.update(f"{s.kind}\x1f{s.label}\x1f{' '.join(s.text.split())}\x1e".encode())
    return h.hexdigest()


# --- labels: the grammar lives in app.labels; these names stay for the callers ---------

def label_sort_key(label: str) -> tuple[int, int, tuple[int, ...]]:
    """Order labels as a drafter reads them: 5 < 5(a) < 5(z) < 5(aa) < 6 < annex-1."""
    return sort_key(label)


def is_label(label: str) -> bool:
    return Label.read(label) is not None


def parent_label(label: str) -> str:
    """'5(a)(ii)' -> '5(a)', '5(a)' -> '5', '5' -> ''."""
    return parent_text(label)


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a passage's text lives: a stored document, or a draft's version or working copy."""

    document_id: int | None = None
    draft_id: int | None = None
    version: int | None = None  # a draft's version number; None for its working copy

    @property
    def is_draft(self) -> bool:
        return self.draft_id is not None


@dataclass(frozen=True, slots=True)
class Passage:
    """A contiguous run of a stored document's segments, as named by a REF like `1:5(n)..5(v)`.

    `offset` is the index in `document.segments` of the first segment, so each segment's
    position is known without searching for the run.
    """

    document: Document
    segments: tuple[Segment, ...]
    ref: str
    start: str = ""
    end: str = ""
    origin: Origin = field(default_factory=Origin)
    offset: int = 0

    def positions(self) -> list[int]:
        """Index in its document of each segment of the passage."""
        return list(range(self.offset, self.offset + len(self.segments)))

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
    # The same document is already stored from another file (its PDF, its Word file):
    # its id, and what was done ("skipped", "kept both", "replaced"; "" when asked first).
    same_as: int | None = None
    same_action: str = ""

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
    doc_kind: str = DocKind.CONCLUSIONS.value
    meeting_number: str = ""
    same_as: int | None = None  # another copy of this stored document (its PDF, say)


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


# --- drafts: a draft's metadata, its saved versions and the working copy ---------------

@dataclass(frozen=True, slots=True)
class VersionInfo:
    """A saved round of negotiation, without its text: number 1, 2, ... and its name."""

    number: int
    name: str
    saved_at: str
    saved_by: str = ""  # who saved it: the library's user name


@dataclass(frozen=True, slots=True)
class DraftVersion:
    """One immutable version of a draft: a full list of segments, like an imported document."""

    draft_id: int
    number: int
    name: str
    saved_at: str
    segments: tuple[Segment, ...]
    saved_by: str = ""


@dataclass(frozen=True, slots=True)
class Draft:
    """A draft with its working copy (the unsaved head) and the list of its versions."""

    id: int
    title: str
    situation: str
    created_at: str
    updated_at: str
    head: tuple[Segment, ...]
    head_saved_at: str
    versions: tuple[VersionInfo, ...] = ()
    # Each save of the working copy moves `head_revision` on by one: a save based on an
    # older revision than the stored one is a conflicting edit (see `Store.save_head`).
    head_revision: int = 0
    head_saved_by: str = ""
    created_by: str = ""

    def version_info(self, number: int) -> VersionInfo:
        for v in self.versions:
            if v.number == number:
                return v
        raise KeyError(number)

    def as_document(self, segments: tuple[Segment, ...] | None = None, suffix: str = "") -> Document:
        """A draft (or one of its versions) as an unstored `Document`, for compare and export."""
        title = f"{self.title} ({suffix})" if suffix else self.title
        return Document(title=title, segments=self.head if segments is None else segments,
                        situation=self.situation)


@dataclass(frozen=True, slots=True)
class DraftSummary:
    """A row of the draft list."""

    id: int
    title: str
    situation: str
    updated_at: str
    versions: int
    last_version: str


@dataclass(frozen=True, slots=True)
class ReviewMark:
    """A place in a new draft the drafter should look at: text the replace step changed, or
    an occurrence it held back ("not replaced: cites S/AC.51/2018/1")."""

    index: int  # the row of the draft
    start: int
    end: int
    kind: str  # "replaced" or "held"
    note: str
