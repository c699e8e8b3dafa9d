"""The store contract: everything the rest of Concord may ask of a library.

Services, search and the UI talk to a `Store`, never to a database. The SQLite store
(`app.store.library.Library`) is the one implementation today; a shared PostgreSQL one
implements the same protocol, so nothing outside `app/store/` knows which it talks to.

A store is safe to share between threads: each thread gets its own connection.
`revision()` changes on every committed write (by this process or another), so caches
key on it instead of guessing from counts; `documents_revision()` changes only when
documents or their segments change (a draft's autosave leaves similarity indexes valid).
"""

from __future__ import annotations

from collections.abc import Sequence
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

    def identity(self) -> str:
        """A key that tells this library apart from every other open one (for caches)."""
        ...

    def close(self) -> None: ...

    def revision(self) -> int: ...

    def documents_revision(self) -> int: ...

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

    def save_head(self, draft_id: int, segments: Sequence[Segment]) -> str: ...

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
