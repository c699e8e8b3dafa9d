"""The store contract: everything the rest of Concord may ask of a library.

Services, search and the UI talk to a `Store`, never to a database. The SQLite store
(`app.store.library.Library`) keeps a library in one file; the PostgreSQL store
(`app.store.postgres.PgLibrary`) keeps a team's shared one on a server. Both implement
this protocol, so nothing outside `app/store/` knows which it talks to.

A store is safe to share between threads: each thread gets its own connection.
`revision()` changes on every committed write (by this process or another), so caches
key on it instead of guessing from counts; `documents_revision()` changes only when
documents or their segments change (a draft's autosave leaves similarity indexes valid).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from app.model import (
    Document,
    DocumentSummary,
    Draft,
    DraftSummary,
    DraftVersion,
    ReviewMark,
    SearchHit,
    Segment,
)

# Metadata a person may correct after import.
EDITABLE_FIELDS = frozenset({"title", "situation", "meeting_date", "report_symbol", "symbol",
                             "doc_kind", "meeting_number"})


@dataclass(frozen=True, slots=True)
class DocInfo:
    """What search results need of a document besides its segments."""

    id: int
    title: str
    situation: str
    meeting_date: str
    symbol: str = ""


@dataclass(frozen=True, slots=True)
class StoredSegment:
    """A segment with the document and position it is stored at (for similarity indexes)."""

    document_id: int
    position: int
    segment: Segment


@dataclass(frozen=True, slots=True)
class LibraryChange:
    """A write committed to a library, by this program or another (see `Store.subscribe`).

    `draft_id` is the draft whose working copy or versions changed, when the store knows;
    `documents` is True when documents or their segments changed.
    """

    revision: int
    documents: bool = False
    draft_id: int | None = None
    author: str = ""


Unsubscribe = Callable[[], None]


@runtime_checkable
class Store(Protocol):
    """A library of documents and drafts; see the module docstring."""

    @property
    def location(self) -> str:
        """What the library is called for a person: a file path or a server address."""
        ...

    @property
    def read_only(self) -> bool: ...

    @property
    def created(self) -> bool:
        """True when opening made a new, empty library."""
        ...

    @property
    def user(self) -> str:
        """Who writes through this store: recorded as the author of every draft change."""
        ...

    def identity(self) -> str:
        """A key that tells this library apart from every other open one (for caches)."""
        ...

    def close(self) -> None: ...

    def revision(self) -> int: ...

    def documents_revision(self) -> int: ...

    def subscribe(self, callback: Callable[[LibraryChange], None]) -> Unsubscribe:
        """Call `callback` (on a background thread) after each write committed by anyone.

        Returns the function that stops the calls. A GUI forwards the change to its own
        thread as its "library changed" signal.
        """
        ...

    # --- documents ----------------------------------------------------------------
    def add_document(self, doc: Document, *, same_as: int | None = None) -> tuple[Document, bool]: ...

    def replace_document(self, doc_id: int, doc: Document) -> Document: ...

    def find_duplicate(self, content_hash: str) -> int | None: ...

    def list_documents(self) -> list[DocumentSummary]: ...

    def documents_shaped(self, shape: str) -> list[int]:
        """Documents with this label sequence (`Document.shape`), copies left out."""
        ...

    def get_document(self, doc_id: int) -> Document: ...

    def find_document(self, key: str) -> Document: ...

    def update_metadata(self, doc_id: int, **fields: str) -> Document: ...

    def delete_document(self, doc_id: int) -> None: ...

    def document_infos(self) -> dict[int, DocInfo]: ...

    def all_segments(self) -> list[tuple[int, int, Segment]]: ...

    def indexed_documents(self) -> dict[int, str]:
        """Content hash of each document `all_segments` reads (copies left out): a similarity
        index reads again only the documents added, replaced or deleted since it was built."""
        ...

    def segments_of(self, document_ids: Sequence[int]) -> list[tuple[int, int, Segment]]:
        """`all_segments` for these documents only (those of them that it reads)."""
        ...

    def segment_text(self, doc_id: int, position: int) -> str: ...

    def counts(self) -> dict[str, int]: ...

    # --- search -------------------------------------------------------------------
    def search(self, query: str, limit: int = 50) -> list[SearchHit]: ...

    def check(self) -> list[str]:
        """Problems found (empty when healthy): file integrity and the full-text index."""
        ...

    def repair(self) -> list[str]:
        """Rebuild what can be rebuilt (the full-text index) and say what was done."""
        ...

    # --- drafts -------------------------------------------------------------------
    def create_draft(self, title: str, situation: str, segments: Sequence[Segment],
                     first_version: str = "") -> int: ...

    def get_draft(self, draft_id: int) -> Draft: ...

    def list_drafts(self) -> list[DraftSummary]: ...

    def save_head(self, draft_id: int, segments: Sequence[Segment], base: int | None = None) -> str:
        """Store the working copy; returns the time saved.

        `base` is the `head_revision` of the draft the segments were edited from. If the
        stored head has moved on since (another person saved), nothing is written and
        `DraftConflict` carries their text; a successful save makes the revision
        `base + 1`. Without `base` the save overwrites whatever is stored.
        """
        ...

    def save_version(self, draft_id: int, name: str,
                     segments: Sequence[Segment] | None = None) -> int: ...

    def get_version(self, draft_id: int, number: int) -> DraftVersion: ...

    def update_draft(self, draft_id: int, *, title: str | None = None,
                     situation: str | None = None) -> None: ...

    def review_marks(self, draft_id: int) -> tuple[ReviewMark, ...]:
        """Places of the draft still to be reviewed (see `app.drafts.replace`)."""
        ...

    def set_review_marks(self, draft_id: int, marks: Sequence[ReviewMark]) -> None: ...

    def delete_draft(self, draft_id: int) -> None: ...

    # --- copying a whole library ---------------------------------------------------
    def restore(self, documents: Iterable[Document], drafts: Iterable[tuple[Draft, Sequence[DraftVersion]]],
                same_as: dict[int, int] | None = None) -> None:
        """Fill an empty library with documents and drafts as they are stored elsewhere:
        ids, dates and authors kept, all in one transaction (`app.store.copy`). `same_as`
        maps a document that is another copy to the one it copies."""
        ...
