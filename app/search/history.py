"""Clause history: every version of a piece of agreed language in the library, by meeting date.

The deprivation-of-liberty language of Mali 2020 5(h) comes back in 5(r) and 7(e) of the
same conclusions and, edited, in later years. Each entry is diffed against the closest
earlier entry (the most similar one before it), not blindly against the one just before
it: when a document holds the language twice (5(h) and 5(r)), 2022's 5(r) is read against
2021's 5(r), so each diff shows what changed in that language, not the difference between
two paragraphs that always differed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process, utils

from app.compare.inline import diff_texts, is_unchanged
from app.compare.model import Edit
from app.errors import BadReference
from app.search.provenance import (
    MIN_SIMILARITY,
    PARTIAL_MIN_SHARE,
    PROVENANCE_REFINE,
    Source,
    score_matrix,
)
from app.search.similar import MIN_QUERY_CHARS, PARTIAL_WEIGHT, segment_index
from app.store import Store


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
    """The library's segments close to `text`, ordered by meeting date, then document, then position.

    `at` is the (document id, position) of the segment the clause was taken from, marked
    `current`; `best_per_document` keeps only each document's closest segment (the
    language as each year's conclusions put it). Scored like provenance, except that a
    clause given as text is a phrase: it is looked for inside paragraphs too, as precedent
    search does.
    """
    if len(text.strip()) < MIN_QUERY_CHARS:
        raise BadReference(f"{text.strip()!r} is too short to trace: give a clause of "
                           f"{MIN_QUERY_CHARS} characters or more, or a reference such as 1:5(h)")
    index = segment_index(lib)
    dates = {i: info.meeting_date for i, info in lib.document_infos().items()}
    query = utils.default_process(text)
    scores = score_matrix([query], index.processed, cutoff=min_similarity,
                          refine=PROVENANCE_REFINE, min_share=PARTIAL_MIN_SHARE if at else 0.0,
                          every_match=True)[0]
    if at is None:
        scores = np.maximum(scores, _phrase_scores(query, index.processed))
    hits = [int(i) for i in np.flatnonzero(scores >= min_similarity)]
    if best_per_document:
        best: dict[int, int] = {}
        for i in hits:
            d = index.entries[i].document_id
            if d not in best or scores[i] > scores[best[d]]:
                best[d] = i
        hits = list(best.values())
    hits.sort(key=lambda i: (dates.get(index.entries[i].document_id, ""), index.entries[i].document_id,
                             index.entries[i].position))
    sources = []
    for i in hits:
        e = index.entries[i]
        title, situation = index.documents.get(e.document_id, ("", ""))
        sources.append(Source(round(float(scores[i]), 1), e.document_id, title, situation,
                              dates.get(e.document_id, ""), e.position, e.label, e.kind, e.text))
    return _link(sources, at)


def _link(sources: list[Source], at: tuple[int, int] | None) -> list[HistoryEntry]:
    """Each version with the closest version before it (the latest of equals) and the diff."""
    processed = [utils.default_process(s.text) for s in sources]
    n = len(sources)
    earlier = np.tril(np.ones((n, n), dtype=bool), k=-1)
    between = score_matrix(processed, processed, earlier, refine=PROVENANCE_REFINE,
                           min_share=PARTIAL_MIN_SHARE)
    out = []
    for k, s in enumerate(sources):
        current = at == (s.document_id, s.position)
        if k == 0:
            out.append(HistoryEntry(s, None, (), current))
            continue
        row = between[k, :k]
        prev = int(k - 1 - np.argmax(row[::-1]))  # the latest of the best
        out.append(HistoryEntry(s, prev, diff_texts(sources[prev].text, s.text), current))
    return out


PHRASE_CANDIDATES = 200
# The phrase itself, give or take a word: looser matches of a short phrase are other
# language ("calling upon all parties to the armed conflict to comply" for "Calling upon
# the parties to the conflict to further implement"); edited versions of it are still found
# by the whole-text scores above.
PHRASE_MIN = 90.0


def _phrase_scores(query: str, processed: Sequence[str]) -> np.ndarray:
    """A typed phrase scored inside every paragraph that may contain it.

    Ranking by `ratio` puts short headings first for a short phrase, so the paragraphs that
    contain it are never refined; `token_set_ratio` ranks them first (all the phrase's words
    are there), and the best of them are scored with `partial_ratio`, weighted as precedent
    search weighs a match inside a longer text.
    """
    out = np.zeros(len(processed))
    if not query or not processed:
        return out
    words = process.cdist([query], processed, scorer=fuzz.token_set_ratio, processor=None, workers=-1)[0]
    for i in np.argsort(-words, kind="stable")[:PHRASE_CANDIDATES]:
        # Only texts long enough to hold the phrase: partial_ratio also finds a short
        # heading ("To the Government of Mali") inside a long query.
        if len(processed[i]) >= len(query):
            inside = fuzz.partial_ratio(query, processed[i], score_cutoff=PHRASE_MIN)
            out[i] = inside * PARTIAL_WEIGHT
    return out
