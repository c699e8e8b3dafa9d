"""Search use cases: full text, precedents for a text, similar language for a segment."""

from __future__ import annotations

from app.model import SearchHit
from app.search.similar import Precedent, SimilarLanguage, find_precedents, similar_language
from app.store import Library

__all__ = ["Precedent", "SimilarLanguage", "find_precedents", "full_text", "similar_language"]


def full_text(lib: Library, query: str, limit: int = 50) -> list[SearchHit]:
    """Segments matching what a person typed (words, "a phrase", prefix*, a OR b)."""
    return lib.search(query, limit)
