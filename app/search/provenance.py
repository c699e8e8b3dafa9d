"""Provenance: for each segment of a passage, where its language was agreed before.

Every segment of a document, range or draft is classified against the library:
`verbatim` (the same text, whitespace aside, in another document), `modified` (a source
scores at least `MIN_SIMILARITY` with precedent search's own scoring) or `new`, with the word-level edits from the source to the segment. Optionally earlier
positions of the same document count as sources too: the Mali 2020 letter to the
Government, 7(a)..7(i), repeats the public statement's 5(n)..5(v).

Speed: each segment is scored only against the candidates the segment index names
(`app.search.index`), each distinct library text once; `iter_provenance` yields the
segments one by one so that a view can show them as they are found; see
bench/bench_index.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from rapidfuzz import utils

from app.compare.inline import diff_texts
from app.compare.model import Edit
from app.model import Kind, Passage, Segment
from app.search.index import SegmentIndex, segment_index
from app.search.scoring import REFINE, score_matrix, score_row
from app.search.similar import MIN_QUERY_CHARS, SIMILAR_LANGUAGE_MIN, ranked_entries
from app.store import Store

__all__ = ["MODIFIED", "NEW", "REFINE", "VERBATIM", "Provenance", "SegmentProvenance", "Source",
           "iter_provenance", "passage_positions", "provenance", "score_matrix"]

VERBATIM, MODIFIED, NEW = "verbatim", "modified", "new"
STATUSES = (VERBATIM, MODIFIED, NEW)
# A whole segment's source is among its 10 best by ratio and prefix; partial_ratio on two
# long paragraphs costs about 0.5 ms, so refining 50 would dominate the run.
PROVENANCE_REFINE = 10
# Candidates per segment: both sides are whole segments, so the best by word pairs suffice.
PROVENANCE_CANDIDATES = 60
# The threshold of "find similar language" (`similar.similar_language`).
MIN_SIMILARITY = SIMILAR_LANGUAGE_MIN
# Both sides are whole segments: a line much shorter than a paragraph found inside it
# ("To the Government of Mali" in 5(o)) is a common phrase, not where the paragraph comes
# from. Prefix and partial matches count from this share up; 5(d) opens 5(p) at 0.49.
PARTIAL_MIN_SHARE = 1 / 3


@dataclass(frozen=True, slots=True)
class Source:
    """A library segment (or an earlier one of the same document) that a text comes from."""

    similarity: float  # 0-100
    document_id: int | None  # None: the passage's own document, not stored (a draft)
    document_title: str
    situation: str
    meeting_date: str
    position: int
    label: str
    kind: str
    text: str

    def cite(self) -> str:
        """How a drafter names it: "Mali 2020 5(n)" (situation, meeting year, label)."""
        where = self.situation or self.document_title
        year = self.meeting_date[:4]
        return " ".join(p for p in (where, year, self.label or self.kind) if p)


@dataclass(frozen=True, slots=True)
class SegmentProvenance:
    """One segment of the passage, its class, its best sources and the edits from the first."""

    position: int  # index of the segment in its document
    segment: Segment
    status: str  # VERBATIM, MODIFIED or NEW
    similarity: float  # to the best source; 0 when new
    sources: tuple[Source, ...]  # best first; empty when new
    edits: tuple[Edit, ...]  # from sources[0].text to segment.text; empty when new

    @property
    def source(self) -> Source | None:
        return self.sources[0] if self.sources else None

    @property
    def words(self) -> int:
        return len(self.segment.text.split())

    @property
    def name(self) -> str:
        """The label, or the kind for unlabelled lines ("heading", "addressee")."""
        return self.segment.label or self.segment.kind.value


@dataclass(frozen=True, slots=True)
class Provenance:
    """A passage segment by segment: what is repeated, what changed and what is new."""

    ref: str
    title: str
    segments: tuple[SegmentProvenance, ...]

    def counts(self) -> dict[str, int]:
        """Segments per class: {"verbatim": 60, "modified": 12, "new": 5}."""
        return {s: sum(1 for p in self.segments if p.status == s) for s in STATUSES}

    def words(self) -> dict[str, int]:
        """Words per class, which weighs a long new paragraph more than a new heading."""
        return {s: sum(p.words for p in self.segments if p.status == s) for s in STATUSES}

    def percentages(self) -> dict[str, float]:
        """Share of the words in each class, 0-100, one decimal."""
        words = self.words()
        total = sum(words.values())
        return {s: round(100 * n / total, 1) if total else 0.0 for s, n in words.items()}


def normalise(text: str) -> str:
    """The text with runs of whitespace made single spaces: what `verbatim` compares."""
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class _Candidates:
    """Segments a passage may come from, with what ranking and citing them needs."""

    sources: list[Source]  # similarity 0: filled in per query
    processed: list[str]
    rank: list[tuple[str, int]]  # (meeting date, document id): the more recent wins a tie


def _allowed_entries(index: SegmentIndex, exclude: int | None, before: str) -> np.ndarray:
    """Per entry: outside document `exclude` and not dated after `before` (undated always counts)."""
    allowed: np.ndarray = np.asarray(index.entry_docs != (exclude if exclude is not None else -1))
    if before:
        later = np.array([d for d, date in index.dates.items() if date and date > before], dtype=np.int64)
        allowed &= ~np.isin(index.entry_docs, later)
    return allowed


def _library_source(index: SegmentIndex, e: int, score: float) -> Source:
    entry = index.entries[e]
    title, situation = index.documents.get(entry.document_id, ("", ""))
    return Source(round(score, 1), entry.document_id, title, situation, index.dates.get(entry.document_id, ""),
                  entry.position, entry.label, entry.kind, entry.text)


def _own_candidates(passage: Passage) -> tuple[_Candidates, list[int]]:
    """The passage's whole document as candidates, and each one's position in it."""
    doc = passage.document
    out = _Candidates([], [], [])
    positions = []
    for pos, s in enumerate(doc.segments):
        if s.kind is Kind.TITLE or not s.text.strip():
            continue
        out.sources.append(Source(0.0, doc.id, doc.title, doc.situation, doc.meeting_date, pos,
                                  s.label, s.kind.value, s.text))
        out.processed.append(utils.default_process(s.text))
        out.rank.append((doc.meeting_date, doc.id or 0))
        positions.append(pos)
    return out, positions


def passage_positions(passage: Passage) -> list[int]:
    """Index in its document of each segment of the passage (a passage is a contiguous run)."""
    segs, run = passage.document.segments, passage.segments
    if segs[passage.offset : passage.offset + len(run)] == run:
        return passage.positions()
    for start in range(len(segs) - len(run) + 1):
        if segs[start : start + len(run)] == run:
            return list(range(start, start + len(run)))
    return list(range(len(run)))  # a passage not cut from its document: its own order


def provenance(
    lib: Store,
    passage: Passage,
    *,
    exclude_document: int | None = None,
    within: bool = False,
    min_similarity: float = MIN_SIMILARITY,
    max_sources: int = 3,
    earlier_only: bool = True,
) -> Provenance:
    """Each segment of `passage` (titles aside) classified verbatim, modified or new.

    Sources are other documents of the library: never the passage's own stored document
    (`exclude_document`, by default the passage's), and with `earlier_only` never a
    document dated after the passage's meeting date (a later text copied from it is not
    where it came from; undated documents always count). `within` adds the earlier
    positions of the passage's own document. Ties go to the most recent document.
    """
    rows = iter_provenance(lib, passage, exclude_document=exclude_document, within=within,
                           min_similarity=min_similarity, max_sources=max_sources, earlier_only=earlier_only)
    return Provenance(passage.ref, passage.describe(), tuple(rows))


_Found = tuple[tuple[bool, float, str, int, int], Source]


def iter_provenance(
    lib: Store,
    passage: Passage,
    *,
    exclude_document: int | None = None,
    within: bool = False,
    min_similarity: float = MIN_SIMILARITY,
    max_sources: int = 3,
    earlier_only: bool = True,
) -> Iterator[SegmentProvenance]:
    """`provenance`'s segments one by one, as each is traced (a view shows them as they come)."""
    doc = passage.document
    exclude = exclude_document if exclude_document is not None else doc.id
    index = segment_index(lib)
    allowed = _allowed_entries(index, exclude, doc.meeting_date if earlier_only else "")
    allowed_texts = np.zeros(len(index.texts), dtype=bool)
    allowed_texts[index.text_of[allowed]] = True
    own, own_positions = _own_candidates(passage) if within else (_Candidates([], [], []), [])
    positions = passage_positions(passage)
    rows = [(pos, s) for pos, s in zip(positions, passage.segments, strict=True)
            if s.kind is not Kind.TITLE and s.text.strip()]
    own_exact: dict[str, list[int]] = {}
    for i, src in enumerate(own.sources):
        own_exact.setdefault(normalise(src.text), []).append(i)

    for pos, seg in rows:
        processed = utils.default_process(seg.text)
        query = processed if len(seg.text.strip()) >= MIN_QUERY_CHARS else ""
        found: list[_Found] = []
        ids, containment, dice = index.candidates(processed, limit=PROVENANCE_CANDIDATES if query else 1,
                                                  allowed=allowed_texts)
        if query:
            scores = score_row(query, [index.texts[i] for i in ids.tolist()], hint=containment,
                               cutoff=min_similarity, refine=PROVENANCE_REFINE, min_share=PARTIAL_MIN_SHARE,
                               first=dice, best=max_sources)
            hits = ranked_entries(index, ids, scores, min_similarity, max_sources,
                                  lambda e: bool(allowed[e]), digits=1, cut=False)
            hits.sort(key=lambda h: (round(h[0], 1), _recency(index, h[1])), reverse=True)
            found.extend(_ranked_entry(index, e, score, False) for score, e in hits[:max_sources])
            if own.sources:
                mask = np.array([p < pos for p in own_positions], dtype=bool)
                own_row = score_row(query, own.processed, allowed=mask, cutoff=min_similarity,
                                    refine=PROVENANCE_REFINE, min_share=PARTIAL_MIN_SHARE)
                found.extend(_ranked(own, int(i), float(own_row[i]), False)
                             for i in np.flatnonzero(own_row >= min_similarity))
        # A verbatim copy holds every word pair of the segment: it is among the candidates.
        exact, words = normalise(seg.text), " ".join(processed.split())
        same = [e for t in ids[containment >= 1 - 1e-9].tolist() if " ".join(index.texts[t].split()) == words
                for e in index.members[t].tolist() if allowed[e]]
        same.sort(key=lambda e: _recency(index, e), reverse=True)  # the order `found` sorts them in
        copies = [e for e in same if index.entries[e].text == seg.text or normalise(index.entries[e].text) == exact]
        found.extend(_ranked_entry(index, e, 100.0, True) for e in copies[:max_sources])
        found.extend(_ranked(own, i, 100.0, True) for i in own_exact.get(exact, []) if own_positions[i] < pos)
        found.sort(key=lambda f: f[0], reverse=True)
        sources = _distinct_sources(found, max_sources)
        if not sources:
            yield SegmentProvenance(pos, seg, NEW, 0.0, (), ())
            continue
        verbatim = found[0][0][0]
        best = sources[0]
        yield SegmentProvenance(pos, seg, VERBATIM if verbatim else MODIFIED, best.similarity,
                                sources, diff_texts(best.text, seg.text))


def _recency(index: SegmentIndex, e: int) -> tuple[str, int, int]:
    entry = index.entries[e]
    return index.dates.get(entry.document_id, ""), entry.document_id, -entry.position


def _ranked_entry(index: SegmentIndex, e: int, score: float, verbatim: bool) -> _Found:
    """A library candidate with its sort key, as `_ranked`."""
    entry = index.entries[e]
    date = index.dates.get(entry.document_id, "")
    return ((verbatim, round(score, 1), date, entry.document_id, -entry.position),
            _library_source(index, e, score))


def _ranked(cands: _Candidates, i: int, score: float, verbatim: bool
            ) -> tuple[tuple[bool, float, str, int, int], Source]:
    """A candidate with its sort key: verbatim first, then score, then the most recent, then order."""
    s = cands.sources[i]
    date, doc_id = cands.rank[i]
    found = Source(round(score, 1), s.document_id, s.document_title, s.situation, s.meeting_date,
                   s.position, s.label, s.kind, s.text)
    return (verbatim, round(score, 1), date, doc_id, -s.position), found


def _distinct_sources(found: list[tuple[tuple[bool, float, str, int, int], Source]], limit: int
                      ) -> tuple[Source, ...]:
    """The first `limit` sources, each segment once (a verbatim one is also found by score)."""
    seen: set[tuple[int | None, int]] = set()
    out: list[Source] = []
    for _, s in found:
        if (s.document_id, s.position) in seen:
            continue
        seen.add((s.document_id, s.position))
        out.append(s)
        if len(out) == limit:
            break
    return tuple(out)
