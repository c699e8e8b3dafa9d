"""Precedent search: the library segments closest to a text, fast enough to run as one types.

The segment index (`app.search.index`) names a few hundred candidate texts, each distinct
text once however many documents repeat it; only those are scored, with the scorer that
provenance and clause history share (`app.search.scoring`). About 5 ms a query on
100,000 segments against about 150 ms for one plain `ratio` pass over them all
(bench/bench_index.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from rapidfuzz import utils

from app.search.index import SegmentIndex, library_fingerprint, segment_index
from app.search.scoring import PARTIAL_WEIGHT, REFINE, score_row
from app.store import Store

__all__ = ["PARTIAL_WEIGHT", "Precedent", "SegmentIndex", "SimilarLanguage", "find_precedents",
           "library_fingerprint", "score_all", "segment_index", "similar_language"]

MIN_QUERY_CHARS = 12  # shorter texts ("Strongly") match hundreds of segments equally
DEFAULT_MIN_SIMILARITY = 60.0  # unrelated paragraphs of conclusions: median 49, 90th percentile 58 (annex vs body)
# Whole segments against a whole library: the best of thousands of unrelated segments
# reaches 60 too often, so "similar language" and provenance ask for more.
SIMILAR_LANGUAGE_MIN = 65.0
# Texts scored exactly per query: this many most like it as a whole, and as many holding most of it.
CANDIDATES = 150
# A short query costs little to score and shares few word pairs, many of them tied: it
# gets more candidates, as many as a 400-character query's CANDIDATES cost.
CANDIDATE_CHARS = 400 * CANDIDATES
# Texts rescored with partial_ratio per query: this many best by score, as many by containment.
PRECEDENT_REFINE = 20
# A library text shorter than what was typed counts as its opening from this share up: "To
# the Government of Chad" is not the precedent of a paragraph typed to 60 characters.
MIN_OPENING_SHARE = 2 / 3


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


def score_all(query: str, index: SegmentIndex, refine: int = REFINE) -> np.ndarray:
    """Similarity (0-100) of `query` to every segment of the index, in index order: the
    exhaustive scoring that the index's candidates stand in for (tests and benchmarks)."""
    return score_row(utils.default_process(query), index.processed, refine=refine, every_match=True)


def text_scores(index: SegmentIndex, query: str, allowed: np.ndarray | None = None,
                opening_share: float | None = None, cutoff: float = 0.0, best: int | None = None
                ) -> tuple[np.ndarray, np.ndarray]:
    """The candidate texts for `query` and their scores (those under `cutoff` may be lower;
    with `best`, only the best `best` need be exact)."""
    q = utils.default_process(query)
    limit = max(CANDIDATES, CANDIDATE_CHARS // max(len(q), 1))
    ids, containment, dice = index.candidates(q, limit=limit, allowed=allowed)
    scores = score_row(q, [index.texts[i] for i in ids.tolist()], hint=containment, refine=PRECEDENT_REFINE,
                       cutoff=cutoff, min_opening_share=opening_share, first=dice, best=best)
    return ids, scores


def ranked_entries(index: SegmentIndex, ids: np.ndarray, scores: np.ndarray, min_similarity: float,
                   limit: int, keep: Callable[[int], bool] | None = None, *, digits: int | None = None,
                   cut: bool = True) -> list[tuple[float, int]]:
    """The best `limit` entries (score, entry index) of the scored texts `ids`, best first,
    ties in library order; `keep` says which entries may be returned. With `digits` scores
    compare rounded (as shown); with `cut=False` every entry tying with the last is kept
    too (the caller breaks ties its own way)."""
    good = np.flatnonzero(scores >= min_similarity)
    good = good[np.argsort(-scores[good], kind="stable")]
    out: list[tuple[float, int]] = []
    level = None  # the score at which `limit` entries were reached: texts tying with it still count
    for g in good.tolist():
        score = float(scores[g])
        shown = round(score, digits) if digits is not None else score
        if level is not None and shown < level:
            break
        out.extend((score, e) for e in index.members[int(ids[g])].tolist() if keep is None or keep(e))
        if level is None and len(out) >= limit:
            level = shown
    out.sort(key=lambda se: (-se[0], se[1]))
    return out[:limit] if cut else out


def _precedent(index: SegmentIndex, i: int, score: float) -> Precedent:
    e = index.entries[i]
    title, situation = index.documents.get(e.document_id, ("", ""))
    return Precedent(round(float(score), 1), e.document_id, title, situation, e.position, e.label,
                     e.kind, e.text)


def _allowed_texts(index: SegmentIndex, entries: np.ndarray) -> np.ndarray:
    mask = np.zeros(len(index.texts), dtype=bool)
    mask[index.text_of[entries]] = True
    return mask


def find_precedents(
    lib: Store,
    text: str,
    limit: int = 5,
    min_similarity: float = DEFAULT_MIN_SIMILARITY,
    exclude: tuple[int, int] | None = None,
    document_id: int | None = None,
    opening_share: float | None = MIN_OPENING_SHARE,
) -> list[Precedent]:
    """The `limit` library segments closest to `text`, best first.

    `exclude` is a (document id, position) to leave out (the segment itself);
    `document_id` keeps only that document's segments. A library text shorter than `text`
    counts as its opening only from `opening_share` of its length up (None: any length,
    for a whole segment against whole segments).
    """
    if len(text.strip()) < MIN_QUERY_CHARS:
        return []
    index = segment_index(lib)
    allowed = None if document_id is None else _allowed_texts(index, index.entries_in(document_id))
    # Only the best `limit` texts are needed (one more when an entry of one may be left out).
    best = limit + (exclude is not None or document_id is not None)
    ids, scores = text_scores(index, text, allowed, opening_share, min_similarity, best)

    def keep(e: int) -> bool:
        entry = index.entries[e]
        return ((entry.document_id, entry.position) != exclude
                and (document_id is None or entry.document_id == document_id))

    hits = ranked_entries(index, ids, scores, min_similarity, limit,
                          keep if exclude is not None or document_id is not None else None)
    return [_precedent(index, e, score) for score, e in hits]


@dataclass(frozen=True, slots=True)
class SimilarLanguage:
    """Segments close to a given one, in its own document and in the rest of the library."""

    same_document: tuple[Precedent, ...]
    elsewhere: tuple[Precedent, ...]


def similar_language(lib: Store, document_id: int, position: int, limit: int = 10,
                     min_similarity: float = SIMILAR_LANGUAGE_MIN) -> SimilarLanguage:
    """"Find similar language" for segment `position` of a stored document."""
    text = lib.segment_text(document_id, position)
    same = find_precedents(lib, text, limit=limit, min_similarity=min_similarity,
                           exclude=(document_id, position), document_id=document_id, opening_share=None)
    if len(text.strip()) < MIN_QUERY_CHARS:
        return SimilarLanguage(tuple(same), ())
    index = segment_index(lib)
    ids, scores = text_scores(index, text, cutoff=min_similarity)
    other = ranked_entries(index, ids, scores, min_similarity, limit,
                           lambda e: index.entries[e].document_id != document_id)
    return SimilarLanguage(tuple(same), tuple(_precedent(index, e, sc) for sc, e in other))
