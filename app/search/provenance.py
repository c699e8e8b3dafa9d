"""Provenance: for each segment of a passage, where its language was agreed before.

Every segment of a document, range or draft is classified against the library:
`verbatim` (the same text, whitespace aside, in another document), `modified` (a source
scores at least `MIN_SIMILARITY` with precedent search's own scoring) or `new`, with the word-level edits from the source to the segment. Optionally earlier
positions of the same document count as sources too: the Mali 2020 letter to the
Government, 7(a)..7(i), repeats the public statement's 5(n)..5(v).

Speed: the whole passage is scored against the whole library at once (`score_matrix`:
one `cdist`, one `cpdist` over every pair's common prefix, `partial_ratio` only where it
can still decide), on the library's distinct texts only (agreed language repeats, so
libraries hold many identical segments); see bench/bench_provenance.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process, utils

from app.compare.inline import diff_texts
from app.compare.model import Edit
from app.model import Kind, Passage, Segment
from app.search.similar import MIN_QUERY_CHARS, PARTIAL_WEIGHT, SIMILAR_LANGUAGE_MIN, segment_index
from app.store import Store

VERBATIM, MODIFIED, NEW = "verbatim", "modified", "new"
STATUSES = (VERBATIM, MODIFIED, NEW)
REFINE = 50  # as `similar.score_all`: the best this many per query are rescored with partial_ratio
# A whole segment's source is among its 10 best by ratio and prefix; partial_ratio on two
# long paragraphs costs about 0.5 ms, so refining 50 would dominate the run.
PROVENANCE_REFINE = 10
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


def score_matrix(
    queries: Sequence[str],
    processed: Sequence[str],
    allowed: np.ndarray | None = None,
    refine: int = REFINE,
    cutoff: float = 0.0,
    min_share: float = 0.0,
    every_match: bool = False,
) -> np.ndarray:
    """`similar.score_all` for many queries at once: a `len(queries) x len(processed)` array.

    Both sides are texts already passed through `rapidfuzz.utils.default_process`. Scores
    under `cutoff` may come back lower than `score_all` gives (rapidfuzz stops early), so
    a caller keeping only scores from `cutoff` up sees the same. `allowed` (same shape,
    bool) marks the pairs that may be returned; others score -1 and are never refined. A
    row whose best is already PARTIAL_WEIGHT * 100 or more is not refined: a weighted
    partial match cannot pass it. With `min_share`, the prefix and partial parts only
    count for pairs whose shorter text is at least that share of the longer. With
    `every_match` every row is refined even when its best is already found, because the
    caller wants all the texts that contain a phrase, not only the best one (clause history).
    """
    n, m = len(queries), len(processed)
    if not n or not m:
        return np.zeros((n, m))
    scores = process.cdist(queries, processed, scorer=fuzz.ratio, processor=None, workers=-1,
                           score_cutoff=cutoff or None).astype(np.float64)
    qlen = np.fromiter((len(q) for q in queries), dtype=np.int64, count=n)
    clen = np.fromiter((len(c) for c in processed), dtype=np.int64, count=m)
    # the start of the longer text of each pair against the shorter: both cut to the shorter length
    heads_q: list[str] = []
    heads_c: list[str] = []
    for q in queries:
        lq = len(q)
        heads_q.extend(q[: len(c)] if len(c) < lq else q for c in processed)
        heads_c.extend(c[:lq] for c in processed)
    prefix_cutoff = cutoff / PARTIAL_WEIGHT if cutoff else None
    prefix = process.cpdist(heads_q, heads_c, scorer=fuzz.ratio, processor=None, workers=-1,
                            score_cutoff=prefix_cutoff).reshape(n, m)
    shorter, longer = np.minimum.outer(qlen, clen), np.maximum.outer(qlen, clen)
    partial_ok = (shorter >= min_share * longer) & (qlen[:, None] != clen[None, :])
    scores = np.maximum(scores, np.where(partial_ok, prefix * PARTIAL_WEIGHT, 0))
    if allowed is not None:
        scores[~allowed] = -1
    ceiling = 100 * PARTIAL_WEIGHT
    for r in range(n):
        row = scores[r]
        if not queries[r] or (not every_match and row.max(initial=-1) >= ceiling):
            continue
        top = np.argsort(-row, kind="stable")[:refine]
        for i in top:
            if row[i] < 0:
                break
            if shorter[r, i] < min_share * longer[r, i]:
                continue
            partial = fuzz.partial_ratio(queries[r], processed[i], score_cutoff=prefix_cutoff)
            row[i] = max(row[i], partial * PARTIAL_WEIGHT)
    return scores


@dataclass(frozen=True, slots=True)
class _Candidates:
    """Segments a passage may come from, with what ranking and citing them needs."""

    sources: list[Source]  # similarity 0: filled in per query
    processed: list[str]
    rank: list[tuple[str, int]]  # (meeting date, document id): the more recent wins a tie


def _library_candidates(lib: Store, exclude: int | None, before: str) -> _Candidates:
    """Every indexed segment outside document `exclude`, from documents not dated after `before`."""
    index = segment_index(lib)
    dates = {i: info.meeting_date for i, info in lib.document_infos().items()}
    out = _Candidates([], [], [])
    for e, p in zip(index.entries, index.processed, strict=True):
        date = dates.get(e.document_id, "")
        if e.document_id == exclude or (before and date and date > before):
            continue
        title, situation = index.documents.get(e.document_id, ("", ""))
        out.sources.append(Source(0.0, e.document_id, title, situation, date, e.position, e.label,
                                  e.kind, e.text))
        out.processed.append(p)
        out.rank.append((date, e.document_id))
    return out


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
    doc = passage.document
    exclude = exclude_document if exclude_document is not None else doc.id
    library = _library_candidates(lib, exclude, doc.meeting_date if earlier_only else "")
    own, own_positions = _own_candidates(passage) if within else (_Candidates([], [], []), [])
    positions = passage_positions(passage)
    rows = [(pos, s) for pos, s in zip(positions, passage.segments, strict=True)
            if s.kind is not Kind.TITLE and s.text.strip()]
    queries = [utils.default_process(s.text) if len(s.text.strip()) >= MIN_QUERY_CHARS else ""
               for _, s in rows]

    # Agreed language repeats: score each distinct library text once.
    distinct: dict[str, int] = {}
    inverse = np.fromiter((distinct.setdefault(p, len(distinct)) for p in library.processed),
                          dtype=np.int64, count=len(library.processed))
    lib_scores = score_matrix(queries, list(distinct), cutoff=min_similarity,
                              refine=PROVENANCE_REFINE, min_share=PARTIAL_MIN_SHARE)[:, inverse]
    allowed = np.array([[p < pos for p in own_positions] for pos, _ in rows], dtype=bool).reshape(
        len(rows), len(own_positions))
    own_scores = score_matrix(queries, own.processed, allowed, cutoff=min_similarity,
                              refine=PROVENANCE_REFINE, min_share=PARTIAL_MIN_SHARE)

    exact: dict[str, list[tuple[_Candidates, int]]] = {}
    for cands in (library, own):
        for i, s in enumerate(cands.sources):
            exact.setdefault(normalise(s.text), []).append((cands, i))

    out = []
    for r, (pos, seg) in enumerate(rows):
        found: list[tuple[tuple[bool, float, str, int, int], Source]] = []
        for cands, scores in ((library, lib_scores[r]), (own, own_scores[r])):
            for hit in np.flatnonzero(scores >= min_similarity):
                found.append(_ranked(cands, int(hit), float(scores[hit]), False))
        for cands, i in exact.get(normalise(seg.text), []):
            if cands is library or own_positions[i] < pos:
                found.append(_ranked(cands, i, 100.0, True))
        found.sort(key=lambda f: f[0], reverse=True)
        sources = _distinct_sources(found, max_sources)
        if not sources:
            out.append(SegmentProvenance(pos, seg, NEW, 0.0, (), ()))
            continue
        verbatim = found[0][0][0]
        best = sources[0]
        out.append(SegmentProvenance(pos, seg, VERBATIM if verbatim else MODIFIED, best.similarity,
                                     sources, diff_texts(best.text, seg.text)))
    return Provenance(passage.ref, passage.describe(), tuple(out))


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
