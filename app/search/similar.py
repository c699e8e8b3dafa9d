"""Precedent search: the library segments closest to a text, fast enough to run as one types.

Scoring, calibrated on the Mali conclusions (the letter to the Government, 7(a)-(i),
repeats the public statement's 5(n)-(v) with small changes): `fuzz.ratio` finds the
parallel of a whole segment every time but only 2 in 18 from its first 30%, while
`partial_ratio` finds 16 in 18 from the first 30%. So the start of the longer text of a
pair is also scored against the shorter, at 0.9 (a prefix typed exactly shows as 90, never
as a full match), and the best candidates are rescored with `partial_ratio` (a match
anywhere inside); the better score counts. The whole library is scored vectorised
(`cdist`, `cpdist`) over processed texts cached per library file, rebuilt when its
documents change: about 50 ms a query on 5,000 segments (bench/bench_similar.py).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process, utils

from app.model import Kind
from app.store import Store

PARTIAL_WEIGHT = 0.9
MIN_QUERY_CHARS = 12  # shorter texts ("Strongly") match hundreds of segments equally
DEFAULT_MIN_SIMILARITY = 60.0  # unrelated paragraphs of conclusions: median 49, 90th percentile 58 (annex vs body)
# Whole segments against a whole library: the best of thousands of unrelated segments
# reaches 60 too often, so "similar language" and provenance ask for more.
SIMILAR_LANGUAGE_MIN = 65.0


@dataclass(frozen=True, slots=True)
class Precedent:
    """A library segment close to a given text."""

    similarity: float  # 0-100
    document_id: int
    document_title: str
    situation: str
    position: int
    label: str
    kind: str
    text: str

    def source(self) -> str:
        """Where it comes from, as a drafter cites it: "Mali 5(n)"."""
        where = self.situation or self.document_title
        return f"{where} {self.label}".strip()


@dataclass(frozen=True, slots=True)
class _Entry:
    document_id: int
    position: int
    label: str
    kind: str
    text: str


@dataclass(frozen=True)
class SegmentIndex:
    """Every searchable segment of a library with its text processed once for scoring."""

    fingerprint: tuple[int, ...]
    entries: tuple[_Entry, ...]
    processed: tuple[str, ...]
    lengths: np.ndarray
    documents: dict[int, tuple[str, str]]  # id -> (title, situation)


_cache: dict[str, SegmentIndex] = {}
_lock = threading.Lock()


def library_fingerprint(lib: Store) -> tuple[int, ...]:
    """The store's documents revision: it moves on every import, edit, rename and delete."""
    return (lib.documents_revision(),)


def segment_index(lib: Store) -> SegmentIndex:
    """The cached index for `lib`, rebuilt if the library changed since it was built."""
    key = lib.identity()
    fingerprint = library_fingerprint(lib)
    with _lock:
        cached = _cache.get(key)
        if cached is not None and cached.fingerprint == fingerprint:
            return cached
    documents = {i: (info.title, info.situation) for i, info in lib.document_infos().items()}
    entries = tuple(
        _Entry(doc_id, pos, seg.label, seg.kind.value, seg.text)
        for doc_id, pos, seg in lib.all_segments()
        if seg.kind is not Kind.TITLE and seg.text.strip()
    )
    processed = tuple(utils.default_process(e.text) for e in entries)
    index = SegmentIndex(fingerprint, entries, processed,
                         np.fromiter((len(p) for p in processed), dtype=np.int64, count=len(processed)),
                         documents)
    with _lock:
        _cache[key] = index
    return index


def score_all(query: str, index: SegmentIndex, refine: int = 50) -> np.ndarray:
    """Similarity (0-100) of `query` to every segment of the index, in index order.

    Whole texts are scored with `ratio`, and the start of the longer of each pair against
    the shorter (a typed beginning, a short segment opening a long one) at PARTIAL_WEIGHT;
    the best `refine` are then rescored with `partial_ratio`, which also finds a match in
    the middle, but costs too much to run on every segment as one types.
    """
    q = utils.default_process(query)
    n = len(index.processed)
    if not q or not n:
        return np.zeros(n)
    scores = process.cdist([q], index.processed, scorer=fuzz.ratio, processor=None, workers=-1)[0]
    lq = len(q)
    heads_q = [q[:len(c)] if len(c) < lq else q for c in index.processed]
    heads_c = [c[:lq] for c in index.processed]
    prefix = process.cpdist(heads_q, heads_c, scorer=fuzz.ratio, processor=None, workers=-1)
    scores = np.maximum(scores, np.where(index.lengths != lq, prefix * PARTIAL_WEIGHT, 0))
    top = np.argsort(-scores, kind="stable")[:refine]
    for i in top:
        scores[i] = max(scores[i], fuzz.partial_ratio(q, index.processed[i]) * PARTIAL_WEIGHT)
    return np.asarray(scores, dtype=np.float64)


def _precedent(index: SegmentIndex, i: int, score: float) -> Precedent:
    e = index.entries[i]
    title, situation = index.documents.get(e.document_id, ("", ""))
    return Precedent(round(float(score), 1), e.document_id, title, situation, e.position, e.label,
                     e.kind, e.text)


def find_precedents(
    lib: Store,
    text: str,
    limit: int = 5,
    min_similarity: float = DEFAULT_MIN_SIMILARITY,
    exclude: tuple[int, int] | None = None,
    document_id: int | None = None,
) -> list[Precedent]:
    """The `limit` library segments closest to `text`, best first.

    `exclude` is a (document id, position) to leave out (the segment itself);
    `document_id` keeps only that document's segments.
    """
    if len(text.strip()) < MIN_QUERY_CHARS:
        return []
    index = segment_index(lib)
    scores = score_all(text, index)
    if exclude is not None or document_id is not None:
        for i, e in enumerate(index.entries):
            if (e.document_id, e.position) == exclude or (document_id is not None and e.document_id != document_id):
                scores[i] = -1
    candidates = np.flatnonzero(scores >= min_similarity)
    order = candidates[np.argsort(-scores[candidates], kind="stable")][:limit]
    return [_precedent(index, int(i), scores[i]) for i in order]


@dataclass(frozen=True, slots=True)
class SimilarLanguage:
    """Segments close to a given one, in its own document and in the rest of the library."""

    same_document: tuple[Precedent, ...]
    elsewhere: tuple[Precedent, ...]


def similar_language(lib: Store, document_id: int, position: int, limit: int = 10,
                     min_similarity: float = SIMILAR_LANGUAGE_MIN) -> SimilarLanguage:
    """"Find similar language" for segment `position` of a stored document."""
    text = lib.segment_text(document_id, position)
    hits = find_precedents(lib, text, limit=len(segment_index(lib).entries), min_similarity=min_similarity,
                           exclude=(document_id, position))
    same = tuple(h for h in hits if h.document_id == document_id)[:limit]
    other = tuple(h for h in hits if h.document_id != document_id)[:limit]
    return SimilarLanguage(same, other)
