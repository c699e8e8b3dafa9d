"""Clause history: every version of a piece of agreed language in the library, by meeting date.

The deprivation-of-liberty language of Mali 2020 5(h) comes back in 5(r) and 7(e) of the
same conclusions and, edited, in later years. Each entry is diffed against the closest
earlier entry (the most similar one before it), not blindly against the one just before
it: when a document holds the language twice (5(h) and 5(r)), 2022's 5(r) is read against
2021's 5(r), so each diff shows what changed in that language, not the difference between
two paragraphs that always differed.

Speed: the versions are found among the segment index's candidates (`app.search.index`),
each distinct text scored once; each version is compared only with the latest occurrence
of the distinct texts seen most recently before it (`LINK_WINDOW`), so linking is linear
in the number of versions, and each pair of texts is diffed once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, utils

from app.compare.inline import diff_texts, is_unchanged
from app.compare.model import Edit
from app.errors import BadReference
from app.search.index import SegmentIndex, segment_index
from app.search.provenance import MIN_SIMILARITY, PARTIAL_MIN_SHARE, PROVENANCE_REFINE, Source
from app.search.scoring import PARTIAL_WEIGHT, score_row
from app.search.similar import CANDIDATES, MIN_QUERY_CHARS
from app.store import Store

# A version is compared with the latest occurrence of this many distinct texts before it.
LINK_WINDOW = 64
# Candidates for a clause: besides the best by the index, every text holding this share of
# its word pairs (an edited version of a paragraph keeps most of them).
HISTORY_MIN_CONTAINMENT = 0.25


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One version of the clause: where it is, how close to the clause, what changed."""

    source: Source  # the segment, its document and its similarity to the clause
    previous: int | None  # index in the history of the closest earlier version; None for the first
    edits: tuple[Edit, ...]  # from the previous version's text to this one; empty for the first
    current: bool = False  # the segment the history was asked for

    @property
    def changed(self) -> bool:
        """False for the first version and for one repeating its previous version word for word."""
        return self.previous is not None and not is_unchanged(self.edits)


def clause_history(
    lib: Store,
    text: str,
    *,
    at: tuple[int, int] | None = None,
    min_similarity: float = MIN_SIMILARITY,
    best_per_document: bool = False,
) -> list[HistoryEntry]:
    """The library's segments close to `text`, ordered by meeting date, then document, then
    position; see `iter_clause_history`."""
    return list(iter_clause_history(lib, text, at=at, min_similarity=min_similarity,
                                    best_per_document=best_per_document))


def iter_clause_history(
    lib: Store,
    text: str,
    *,
    at: tuple[int, int] | None = None,
    min_similarity: float = MIN_SIMILARITY,
    best_per_document: bool = False,
) -> Iterator[HistoryEntry]:
    """The versions of the clause one by one, oldest first, each linked as soon as it is
    found (a view shows them as they come).

    `at` is the (document id, position) of the segment the clause was taken from, marked
    `current`; `best_per_document` keeps only each document's closest segment (the
    language as each year's conclusions put it). Scored like provenance, except that a
    clause given as text is a phrase: it is looked for inside paragraphs too, as precedent
    search does.
    """
    if len(text.strip()) < MIN_QUERY_CHARS:  # refused now, not at the first version asked for
        raise BadReference(f"{text.strip()!r} is too short to trace: give a clause of "
                           f"{MIN_QUERY_CHARS} characters or more, or a reference such as 1:5(h)")
    return _versions(lib, text, at, min_similarity, best_per_document)


def _versions(lib: Store, text: str, at: tuple[int, int] | None, min_similarity: float,
              best_per_document: bool) -> Iterator[HistoryEntry]:
    index = segment_index(lib)
    query = utils.default_process(text)
    ids, containment, _ = index.candidates(query, limit=CANDIDATES, min_containment=HISTORY_MIN_CONTAINMENT)
    texts = [index.texts[i] for i in ids.tolist()]
    # No containment hint here: a phrase inside a paragraph is `_phrase_scores`'s to find, at
    # its own stricter threshold; a looser partial match of it is other language.
    scores = score_row(query, texts, cutoff=min_similarity, refine=PROVENANCE_REFINE,
                       min_share=PARTIAL_MIN_SHARE if at else 0.0, every_match=True)
    if at is None:
        scores = np.maximum(scores, _phrase_scores(query, texts, containment))
    hits = [(float(scores[k]), e) for k in np.flatnonzero(scores >= min_similarity).tolist()
            for e in index.members[int(ids[k])].tolist()]
    if best_per_document:
        best: dict[int, tuple[float, int]] = {}
        for score, e in sorted(hits, key=lambda h: h[1]):
            d = index.entries[e].document_id
            if d not in best or score > best[d][0]:
                best[d] = (score, e)
        hits = list(best.values())
    hits.sort(key=lambda h: (index.dates.get(index.entries[h[1]].document_id, ""),
                             index.entries[h[1]].document_id, index.entries[h[1]].position))
    yield from link(index, hits, at)


def _source(index: SegmentIndex, e: int, score: float) -> Source:
    entry = index.entries[e]
    title, situation = index.documents.get(entry.document_id, ("", ""))
    return Source(round(score, 1), entry.document_id, title, situation, index.dates.get(entry.document_id, ""),
                  entry.position, entry.label, entry.kind, entry.text)


def link(index: SegmentIndex, hits: list[tuple[float, int]], at: tuple[int, int] | None
         ) -> Iterator[HistoryEntry]:
    """Each version (score, entry) in order, with the closest version before it and the diff.

    A text seen before links to its latest occurrence (nothing is closer); another is
    scored against the latest occurrence of each of the `LINK_WINDOW` distinct texts seen
    most recently, and the best wins, the latest of equals.
    """
    latest: dict[int, int] = {}  # text -> index in the history of its latest occurrence, most recent last
    diffs: dict[tuple[str, str], tuple[Edit, ...]] = {}
    for k, (score, e) in enumerate(hits):
        s = _source(index, e, score)
        current = at == (s.document_id, s.position)
        t = int(index.text_of[e])
        prev: int | None = None
        if t in latest:
            prev = latest[t]
        elif latest:
            recent = list(latest.items())[-LINK_WINDOW:][::-1]  # most recent first: argmax keeps the latest
            row = score_row(index.texts[t], [index.texts[u] for u, _ in recent], refine=PROVENANCE_REFINE,
                            min_share=PARTIAL_MIN_SHARE)
            prev = recent[int(np.argmax(row))][1]
        latest.pop(t, None)
        latest[t] = k
        if prev is None:
            yield HistoryEntry(s, None, (), current)
            continue
        pair = (index.entries[hits[prev][1]].text, s.text)
        edits = diffs.get(pair)
        if edits is None:
            edits = diffs[pair] = diff_texts(*pair)
        yield HistoryEntry(s, prev, edits, current)


PHRASE_CANDIDATES = 200
# The phrase itself, give or take a word: looser matches of a short phrase are other
# language ("calling upon all parties to the armed conflict to comply" for "Calling upon
# the parties to the conflict to further implement"); edited versions of it are still found
# by the whole-text scores above.
PHRASE_MIN = 90.0


def _phrase_scores(query: str, texts: list[str], containment: np.ndarray) -> np.ndarray:
    """A typed phrase scored inside every candidate paragraph that may contain it.

    Ranking by `ratio` puts short headings first for a short phrase, so the paragraphs that
    contain it would never be refined; the index's containment (the share of the phrase's
    word pairs a text holds) ranks them first, and the best of them, and every one holding
    half the phrase, are scored with `partial_ratio`, weighted as precedent search weighs a
    match inside a longer text.
    """
    out = np.zeros(len(texts))
    if not query or not texts:
        return out
    order = np.argsort(-containment, kind="stable")
    chosen = set(order[:PHRASE_CANDIDATES].tolist()) | set(np.flatnonzero(containment >= 0.5).tolist())
    for i in sorted(chosen):
        # Only texts long enough to hold the phrase: partial_ratio also finds a short
        # heading ("To the Government of Mali") inside a long query.
        if len(texts[i]) >= len(query):
            inside = fuzz.partial_ratio(query, texts[i], score_cutoff=PHRASE_MIN)
            out[i] = inside * PARTIAL_WEIGHT
    return out
