"""Search use cases: full text, precedents for a text, similar language, provenance, clause history."""

from __future__ import annotations

from collections.abc import Iterator

from app import refs
from app.errors import BadReference
from app.model import Kind, Passage, SearchHit
from app.refs import looks_like_ref
from app.search.history import HistoryEntry, iter_clause_history
from app.search.provenance import (
    MIN_SIMILARITY,
    MODIFIED,
    NEW,
    VERBATIM,
    Provenance,
    SegmentProvenance,
    Source,
    iter_provenance,
    passage_positions,
)
from app.search.provenance import provenance as _provenance
from app.search.similar import Precedent, SimilarLanguage, find_precedents, similar_language
from app.store import Store

__all__ = [
    "MODIFIED",
    "NEW",
    "VERBATIM",
    "HistoryEntry",
    "Precedent",
    "Provenance",
    "SegmentProvenance",
    "SimilarLanguage",
    "Source",
    "clause_history",
    "clause_history_rows",
    "find_precedents",
    "full_text",
    "looks_like_ref",
    "provenance",
    "provenance_rows",
    "similar_language",
]


def full_text(lib: Store, query: str, limit: int = 50) -> list[SearchHit]:
    """Segments matching what a person typed (words, "a phrase", prefix*, a OR b)."""
    return lib.search(query, limit)


def _passage(lib: Store, ref: str) -> Passage:
    return refs.resolve(lib, ref)


def provenance(lib: Store, ref: str | Passage, *, within: bool = False,
               min_similarity: float = MIN_SIMILARITY) -> Provenance:
    """Which segments of a document, range (`1:5..7`) or draft (`draft:2@rev.1`) are verbatim
    from earlier conclusions, which are modified (and how) and which are new.

    `within` also counts earlier positions of the same document as sources (the letter
    7(a)..7(i) repeating the public statement 5(n)..5(v)).
    """
    passage = _passage(lib, ref) if isinstance(ref, str) else ref
    return _provenance(lib, passage, within=within, min_similarity=min_similarity)


def provenance_rows(lib: Store, passage: Passage, *, within: bool = False,
                    min_similarity: float = MIN_SIMILARITY) -> Iterator[SegmentProvenance]:
    """`provenance`'s segments one by one as each is traced, for a view that shows them as they come."""
    return iter_provenance(lib, passage, within=within, min_similarity=min_similarity)


def clause_history(lib: Store, ref_or_text: str, *, min_similarity: float = MIN_SIMILARITY,
                   best_per_document: bool = False) -> list[HistoryEntry]:
    """Every version of a clause in the library by meeting date, each diffed against the
    closest earlier one. The clause is a REF to one segment (`1:5(h)`) or the text itself.
    """
    return list(clause_history_rows(lib, ref_or_text, min_similarity=min_similarity,
                                    best_per_document=best_per_document))


def clause_history_rows(lib: Store, ref_or_text: str, *, min_similarity: float = MIN_SIMILARITY,
                        best_per_document: bool = False) -> Iterator[HistoryEntry]:
    """`clause_history`'s versions one by one, oldest first. A bad reference or a clause too
    short to trace is refused here, before the first version is asked for."""
    text, at = _clause(lib, ref_or_text)
    return iter_clause_history(lib, text, at=at, min_similarity=min_similarity,
                               best_per_document=best_per_document)


def _clause(lib: Store, ref_or_text: str) -> tuple[str, tuple[int, int] | None]:
    """The clause's text, and its (document id, position) when it is a stored segment."""
    if not looks_like_ref(ref_or_text):
        return ref_or_text, None
    passage = _passage(lib, ref_or_text)
    if not passage.start:
        raise BadReference(f"{ref_or_text!r}: a history follows one clause; name it, as in 1:5(h)")
    pos, seg = next((p, s) for p, s in zip(passage_positions(passage), passage.segments, strict=True)
                    if s.kind is not Kind.TITLE)
    at = (passage.document.id, pos) if passage.document.id is not None else None
    return seg.text, at
