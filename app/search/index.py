"""The library's segments indexed for similarity, kept in step with the store.

Scoring every segment per query costs seconds at a real library's size (100,000 segments),
so the index finds candidates first and only those are scored (`app.search.scoring`):

- Agreed language repeats, so segments are grouped by their processed text (`texts`):
  each distinct text is scored once however many documents hold it.
- Each distinct text is a set of word pairs ("armed conflict", "conflict in"); an
  inverted index maps each pair to the texts holding it. For a query, `overlap` adds up
  the pairs it shares with every text, each weighted by how rare it is (idf), with one
  `np.bincount` over the pairs' postings: about a millisecond at 100,000 segments.
- `candidates` keeps the texts most like the query as a whole (weighted Dice of the
  pairs) and those holding most of it (containment: a typed beginning, a phrase inside a
  paragraph), a few hundred, which are then scored exactly.

Word pairs were chosen by measurement on the generated 100k library (bench/library.py),
each generator giving the candidates that precedent search then scores: recall@10 against
scoring every text 0.994 with word pairs, 0.913 with datasketch's MinHash LSH forest (64
permutations, top 300; 23 s to build) and 0.939 with SQLite FTS5's bm25 (top 600
segments, an OR of the query's words: over a second a query). Edited copies keep most of
their pairs and a typed 30% keeps all of its own, and exact weighted counts rank
near-duplicates apart where MinHash's estimate and bm25 blur them.

The index is rebuilt when the store's documents revision moves, taking over the distinct
texts it already holds: only documents whose content hash is new (imported or replaced
since) are read and split into pairs.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import NamedTuple

import numpy as np
from rapidfuzz import utils

from app.model import Kind, Segment
from app.store import Store

_SINGLE = np.uint64(0xFFFFFFFF)  # second half of the key of a one-word text
# Tests set this to score every text, so that the index's answers can be checked against
# exhaustive scoring with the same scorer.
SCORE_EVERY_TEXT = False
# A query sharing no word pair with any text (typos in every word) is scored against every
# text while that stays cheap; past this it finds nothing.
EXHAUSTIVE_FALLBACK_MAX = 20_000


@dataclass(frozen=True, slots=True)
class Entry:
    document_id: int
    position: int
    label: str
    kind: str
    text: str


class Candidates(NamedTuple):
    """Texts to score for a query (ascending) with the share of the query's word pairs each
    holds (0-1) and their weighted Dice coefficient with it (0-1)."""

    ids: np.ndarray
    containment: np.ndarray
    dice: np.ndarray


@dataclass(frozen=True, eq=False)
class SegmentIndex:
    """Every searchable segment of a library, grouped by processed text, with word-pair postings."""

    fingerprint: tuple[int, ...]
    entries: tuple[Entry, ...]  # ordered by (document id, position)
    processed: tuple[str, ...]  # per entry; equal texts are one string object
    documents: dict[int, tuple[str, str]]  # id -> (title, situation)
    dates: dict[int, str]  # id -> meeting date
    texts: list[str]  # distinct processed texts, in order of first entry
    text_of: np.ndarray  # per entry: its text's index
    entry_docs: np.ndarray  # per entry: document id
    members: list[np.ndarray] = field(repr=False)  # per text: its entries, ascending
    pairs: list[np.ndarray] = field(repr=False)  # per text: its word-pair keys, unique, sorted
    vocabulary: dict[str, int] = field(repr=False)
    keys: np.ndarray = field(repr=False)  # every word-pair key, sorted
    starts: np.ndarray = field(repr=False)  # postings of keys[k]: postings[starts[k]:starts[k+1]]
    postings: np.ndarray = field(repr=False)
    idf: np.ndarray = field(repr=False)  # per key
    weights: np.ndarray = field(repr=False)  # per text: the sum of its pairs' idf
    by_text: dict[str, int] = field(repr=False)
    hashes: dict[int, str] = field(default_factory=dict, repr=False)  # the store's `indexed_documents`

    @property
    def lengths(self) -> np.ndarray:
        """Length of each entry's processed text."""
        return np.fromiter((len(p) for p in self.processed), dtype=np.int64, count=len(self.processed))

    def text_id(self, processed: str) -> int | None:
        return self.by_text.get(processed)

    def query_pairs(self, processed: str) -> tuple[np.ndarray, int]:
        """The query's known word-pair keys (unique) and how many pairs it has in all."""
        ids = [self.vocabulary.get(w, -1) for w in processed.split()]
        if not ids:
            return np.zeros(0, dtype=np.uint64), 0
        a = np.asarray(ids, dtype=np.int64)
        if len(a) == 1:
            keys = (a.astype(np.uint64) << np.uint64(32)) | _SINGLE if a[0] >= 0 else np.zeros(0, np.uint64)
            return keys, 1
        known = (a[:-1] >= 0) & (a[1:] >= 0)
        keys = (a[:-1][known].astype(np.uint64) << np.uint64(32)) | a[1:][known].astype(np.uint64)
        return np.unique(keys), len(set(zip(ids[:-1], ids[1:], strict=True)))

    def overlap(self, processed: str) -> tuple[np.ndarray, float]:
        """Per text, the idf-weighted word pairs it shares with the query; and the query's own weight."""
        n = len(self.texts)
        qkeys, total = self.query_pairs(processed)
        if not n or not total:
            return np.zeros(n), 0.0
        found = np.zeros(0, dtype=np.int64)
        if len(self.keys) and len(qkeys):
            pos = np.minimum(np.searchsorted(self.keys, qkeys), len(self.keys) - 1)
            found = pos[self.keys[pos] == qkeys]
        unseen = total - len(found)
        max_idf = float(np.log1p(n))  # a pair no text holds weighs as much as the rarest
        weight = float(self.idf[found].sum()) + unseen * max_idf
        if not len(found):
            return np.zeros(n), weight
        lo, hi = self.starts[found], self.starts[found + 1]
        idx = np.concatenate([self.postings[a:b] for a, b in zip(lo.tolist(), hi.tolist(), strict=True)])
        w = np.repeat(self.idf[found], hi - lo)
        return np.bincount(idx, weights=w, minlength=n), weight

    def candidates(self, processed: str, *, limit: int, allowed: np.ndarray | None = None,
                   min_containment: float | None = None) -> Candidates:
        """Texts worth scoring exactly for the query: the best `limit` by weighted Dice and the
        best `limit` by containment, plus every text holding at least `min_containment` of
        the query; `allowed` (bool per text) leaves the others out."""
        shared, weight = self.overlap(processed)
        containment = shared / weight if weight else shared
        dice = 2 * shared / (weight + self.weights) if weight else shared
        if allowed is not None:
            containment = np.where(allowed, containment, -1.0)
        if SCORE_EVERY_TEXT or (not shared.any() and len(self.texts) <= EXHAUSTIVE_FALLBACK_MAX):
            every = np.flatnonzero(containment >= 0) if allowed is not None else np.arange(len(self.texts))
            return Candidates(every, np.maximum(containment[every], 0), dice[every])
        nonzero = np.flatnonzero(containment > 0)
        picked = [_top(dice[nonzero], limit), _top(containment[nonzero], limit)]
        if min_containment is not None:
            picked.append(np.flatnonzero(containment[nonzero] >= min_containment))
        chosen = nonzero[np.unique(np.concatenate(picked))]
        return Candidates(chosen, containment[chosen], dice[chosen])

    def entries_in(self, document_id: int) -> np.ndarray:
        """Indexes of a document's entries (entries are ordered by document)."""
        lo, hi = np.searchsorted(self.entry_docs, [document_id, document_id + 1])
        return np.arange(lo, hi)


def _top(values: np.ndarray, k: int) -> np.ndarray:
    """Positions of the `k` largest values; of equals (to 1e-9: sums of the same weights
    in another order) the first, so that equal indexes choose the same."""
    if len(values) <= k:
        return np.arange(len(values))
    v = np.round(values, 9)
    kth = -np.partition(-v, k - 1)[k - 1]
    above = np.flatnonzero(v > kth)
    return np.concatenate([above, np.flatnonzero(v == kth)[: k - len(above)]])


def _pairs(processed: str, vocabulary: dict[str, int]) -> np.ndarray:
    ids = [vocabulary.setdefault(w, len(vocabulary)) for w in processed.split()]
    a = np.asarray(ids, dtype=np.uint64)
    if len(a) < 2:
        return (a << np.uint64(32)) | _SINGLE
    return np.unique((a[:-1] << np.uint64(32)) | a[1:])


def entries_of(segments: Iterable[tuple[int, int, Segment]]) -> tuple[list[Entry], list[str]]:
    """The searchable segments (titles and blank ones aside) and their processed texts."""
    entries: list[Entry] = []
    processed: list[str] = []
    for doc_id, pos, seg in segments:
        if seg.kind is Kind.TITLE or not seg.text.strip():
            continue
        entries.append(Entry(doc_id, pos, seg.label, seg.kind.value, seg.text))
        processed.append(utils.default_process(seg.text))
    return entries, processed


def build(fingerprint: tuple[int, ...], entries: list[Entry], processed: list[str],
          infos: dict[int, tuple[str, str, str]], previous: SegmentIndex | None = None,
          hashes: dict[int, str] | None = None) -> SegmentIndex:
    """An index of `entries` (ordered by document and position) with their processed texts;
    the word pairs of texts that `previous` already holds are taken from it."""
    by_text: dict[str, int] = {}
    texts: list[str] = []
    text_of = np.empty(len(entries), dtype=np.int64)
    for i, p in enumerate(processed):
        t = by_text.get(p)
        if t is None:
            t = by_text[p] = len(texts)
            texts.append(p)
        text_of[i] = t
        processed[i] = texts[t]
    vocabulary = previous.vocabulary.copy() if previous is not None else {}
    old = previous.by_text if previous is not None else {}
    pairs = [previous.pairs[old[t]] if t in old and previous is not None else _pairs(t, vocabulary)
             for t in texts]
    n = len(texts)
    order = np.argsort(text_of, kind="stable")
    counts = np.bincount(text_of, minlength=n)
    members = np.split(order, np.cumsum(counts)[:-1]) if n else []
    lens = np.fromiter((len(p) for p in pairs), dtype=np.int64, count=n)
    flat = np.concatenate(pairs) if n else np.zeros(0, dtype=np.uint64)
    owners = np.repeat(np.arange(n, dtype=np.int32), lens)
    by_key = np.argsort(flat, kind="stable")
    flat, owners = flat[by_key], owners[by_key]
    keys, first = np.unique(flat, return_index=True)
    starts = np.append(first, len(flat)).astype(np.int64)
    df = np.diff(starts)
    idf = np.log1p(n / np.maximum(df, 1)) if n else np.zeros(0)
    weights = np.bincount(owners, weights=np.repeat(idf, df), minlength=n) if n else np.zeros(0)
    return SegmentIndex(
        fingerprint, tuple(entries), tuple(processed),
        {i: (title, situation) for i, (title, situation, _) in infos.items()},
        {i: date for i, (_, _, date) in infos.items()},
        texts, text_of, np.fromiter((e.document_id for e in entries), dtype=np.int64, count=len(entries)),
        members, pairs, vocabulary, keys, starts, owners, idf, weights, by_text, dict(hashes or {}),
    )


_cache: dict[str, SegmentIndex] = {}
_lock = threading.Lock()
_building = threading.Lock()


def library_fingerprint(lib: Store) -> tuple[int, ...]:
    """The store's documents revision: it moves on every import, edit, rename and delete."""
    return (lib.documents_revision(),)


def _infos(lib: Store) -> dict[int, tuple[str, str, str]]:
    return {i: (d.title, d.situation, d.meeting_date) for i, d in lib.document_infos().items()}


def refreshed(index: SegmentIndex, lib: Store) -> SegmentIndex:
    """`index` brought up to the library's documents revision: documents deleted, replaced
    or made copies since are dropped, those imported or replaced since are read and added,
    metadata is read again."""
    fingerprint = library_fingerprint(lib)
    infos = _infos(lib)
    hashes = lib.indexed_documents()
    gone = {i for i, h in index.hashes.items() if hashes.get(i) != h}  # deleted, replaced or now a copy
    added = sorted(i for i in hashes if i not in index.hashes or i in gone)
    if not gone and not added:  # metadata only
        return replace(index, fingerprint=fingerprint,
                       documents={i: (t, s) for i, (t, s, _) in infos.items()},
                       dates={i: d for i, (_, _, d) in infos.items()})
    keep = [i for i, e in enumerate(index.entries) if e.document_id not in gone]
    entries = [index.entries[i] for i in keep]
    processed = [index.processed[i] for i in keep]
    new_entries, new_processed = entries_of(lib.segments_of(added)) if added else ([], [])
    if new_entries and entries and new_entries[0].document_id < entries[-1].document_id:
        merged = sorted(zip(entries + new_entries, processed + new_processed, strict=True),
                        key=lambda ep: (ep[0].document_id, ep[0].position))
        entries, processed = [e for e, _ in merged], [p for _, p in merged]
    else:
        entries, processed = entries + new_entries, processed + new_processed
    return build(fingerprint, entries, processed, infos, previous=index, hashes=hashes)


def segment_index(lib: Store) -> SegmentIndex:
    """The index for `lib`, brought up to date if the library changed since it was built."""
    key = lib.identity()
    with _building:
        fingerprint = library_fingerprint(lib)
        with _lock:
            cached = _cache.get(key)
        if cached is not None and cached.fingerprint == fingerprint:
            return cached
        if cached is not None:
            index = refreshed(cached, lib)
        else:
            hashes = lib.indexed_documents()
            index = build(fingerprint, *entries_of(lib.all_segments()), _infos(lib), hashes=hashes)
        with _lock:
            _cache[key] = index
        return index
