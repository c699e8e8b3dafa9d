"""Repeated language at a real library's size: precedents, provenance, clause history, index, import.

Libraries of 2.5k, 25k and 100k segments derived from the corpus document (bench/library.py,
built once and cached). Per size, with baselines measured in the same run:

- precedent lookup over 200 queries (100 library segments edited by a few words, and the
  same typed 30% of the way): p50/p95, against one exhaustive `cdist(ratio)` pass over all
  segments; recall@5 of the segment each query was made from, and recall@10 against the
  same scorer run on every text (`index.SCORE_EVERY_TEXT`);
- provenance of the corpus document (106 segments) and clause history of paragraph 2
  (in every document), against the same with every text scored, and whether they agree;
- index build time and peak memory, and bringing it up to date after one import;
- import throughput, and the cost of adding one document to the library against adding
  it to an empty one.

Run: `python -m bench index` (all sizes) or `BENCH_SIZES=100k python -m bench index`.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import tempfile
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process, utils

from app.search import index as search_index
from app.search.index import segment_index
from app.search.scoring import score_row
from app.search.similar import MIN_OPENING_SHARE
from app.services.library import passage_of
from app.services.search import clause_history, find_precedents, provenance
from app.store import Library
from bench.library import SIZES, corpus, derived, documents, edit_words, library

QUERIES = 100  # each also typed 30% of the way: 200 in all


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


@contextmanager
def every_text() -> Iterator[None]:
    """Score every distinct text, not only the index's candidates (the exhaustive baseline)."""
    search_index.SCORE_EVERY_TEXT = True
    try:
        yield
    finally:
        search_index.SCORE_EVERY_TEXT = False


def peak_mb(fn: Callable[[], Any]) -> tuple[Any, float]:
    tracemalloc.start()
    try:
        result = fn()
        return result, tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def queries(lib: Library, seed: int) -> list[tuple[str, str, tuple[int, int]]]:
    """(query, origin text, origin) for segments edited by a few words, then the same typed 30%."""
    index = segment_index(lib)
    rng = random.Random(seed)
    vocabulary = [w for e in index.entries[:500] for w in e.text.split()]
    out: list[tuple[str, str, tuple[int, int]]] = []
    typed: list[tuple[str, str, tuple[int, int]]] = []
    while len(out) < QUERIES:
        e = index.entries[rng.randrange(len(index.entries))]
        if len(e.text) < 60:
            continue
        q = edit_words(e.text, rng, vocabulary, rng.randint(1, 3))
        out.append((q, e.text, (e.document_id, e.position)))
        typed.append((q[: len(q) * 3 // 10], e.text, (e.document_id, e.position)))
    return out + typed


def recall_from_origin(lib: Library, query: str, origin_text: str, hits: list[Any]) -> tuple[bool, bool]:
    """(strict, with ties): the origin's text among the top 5, or scoring the same as the 5th."""
    strict = any(h.text == origin_text for h in hits[:5])
    if strict or len(hits) < 5:
        return strict, strict
    own = score_row(utils.default_process(query), [utils.default_process(origin_text)],
                    min_opening_share=MIN_OPENING_SHARE)[0]
    return strict, round(float(own), 1) >= hits[4].similarity


def recall_vs_exhaustive(ours: list[Any], exhaustive: list[Any]) -> float:
    if not exhaustive:
        return 1.0
    a, b = Counter(h.similarity for h in ours), Counter(h.similarity for h in exhaustive)
    return sum((a & b).values()) / len(exhaustive)


def precedents(lib: Library, name: str) -> None:
    qs = queries(lib, seed=len(name))
    index = segment_index(lib)
    found = []
    times = []
    for q, _, _ in qs:  # one after another, as a drafter's pauses in typing come
        hits, t = timed(lambda q=q: find_precedents(lib, q, 10))
        times.append(t)
        found.append(hits)
    strict, tied, vs_exhaustive = 0, 0, []
    for (q, origin_text, _), hits in zip(qs, found, strict=True):
        s, w = recall_from_origin(lib, q, origin_text, hits)
        strict += s
        tied += w
        with every_text():
            vs_exhaustive.append(recall_vs_exhaustive(hits, find_precedents(lib, q, 10)))
    base = []
    for q, _, _ in qs[:: max(1, len(qs) // 20)]:
        base.append(timed(lambda q=q: process.cdist([utils.default_process(q)], index.processed,
                                                     scorer=fuzz.ratio, processor=None, workers=-1))[1])
    times.sort()
    p50, p95 = times[len(times) // 2], times[int(len(times) * 0.95) - 1]
    b = statistics.median(base)
    print(f"  precedent lookup, {len(qs)} queries: p50 {_ms(p50)}, p95 {_ms(p95)} (goal at 100k: <= 50 ms)")
    print(f"    baseline, one exhaustive cdist(ratio) over {len(index.entries):,} segments: {_ms(b)}; "
          f"ratio p95 / baseline {p95 / b:.3f} (goal <= 0.05)")
    print(f"    recall@5 of the origin segment: {tied / len(qs):.3f} (the origin's own text in the top 5: "
          f"{strict / len(qs):.3f}; goal >= 0.99); recall@10 vs the same scorer on every text: "
          f"{statistics.mean(vs_exhaustive):.3f} (goal >= 0.99)")


def _outline(prov: Any) -> list[tuple[str, str]]:
    return [(p.status, p.source.cite() if p.source else "") for p in prov.segments]


def trace(lib: Library) -> None:
    doc = corpus()
    passage = passage_of(replace(doc, situation="Chad", meeting_date="2031-01-01"))
    prov, t = timed(lambda: provenance(lib, passage))
    _, peak = peak_mb(lambda: provenance(lib, passage))
    with every_text():
        exhaustive, tb = timed(lambda: provenance(lib, passage))
    same = sum(a == b for a, b in zip(_outline(prov), _outline(exhaustive), strict=True))
    c = prov.counts()
    print(f"  provenance of the corpus document ({len(prov.segments)} segments: {c['verbatim']} verbatim, "
          f"{c['modified']} modified, {c['new']} new): {t:.2f} s, {peak:.0f} MB traced peak "
          f"(goal at 100k: <= 1.5 s, <= 400 MB)")
    print(f"    baseline, every text scored: {tb:.2f} s; ratio {t / tb:.3f}; "
          f"same class and first source for {same}/{len(prov.segments)} segments")
    ref = "1:2"
    history, t = timed(lambda: clause_history(lib, ref))
    with every_text():
        exhaustive_h, tb = timed(lambda: clause_history(lib, ref))

    def key(h: Any) -> tuple[Any, ...]:
        return h.source.document_id, h.source.position, h.previous

    agree = [key(h) for h in history] == [key(h) for h in exhaustive_h]
    changed = sum(h.changed for h in history)
    print(f"  clause history of {ref} ({len(history)} versions, {changed} changed): {t:.2f} s "
          f"(goal at 100k: <= 1 s); baseline, every text scored: {tb:.2f} s; ratio {t / tb:.3f}; "
          f"same versions and links: {agree}")


def index_build(lib: Library) -> None:
    search_index._cache.clear()
    index, peak = peak_mb(lambda: segment_index(lib))
    search_index._cache.clear()
    _, t = timed(lambda: segment_index(lib))
    print(f"  index build: {t:.2f} s, {peak:.0f} MB traced peak; {len(index.entries):,} segments, "
          f"{len(index.texts):,} distinct texts, {len(index.keys):,} word pairs")


def imports(path: Path, name: str) -> None:
    doc = corpus()
    n = documents(SIZES[name])
    extra = [derived(doc, n + k, n) for k in range(15)]
    with tempfile.TemporaryDirectory() as tmp:
        empty = Library(Path(tmp) / "empty.sqlite")
        fresh = [timed(lambda d=d: empty.add_document(d))[1] for d in extra[:7]]
        empty.close()
        copy = Path(tmp) / "full.sqlite"
        shutil.copy(path, copy)
        full = Library(copy)
        segment_index(full)
        added = [timed(lambda d=d: full.add_document(d))[1] for d in extra[7:14]]
        _, refresh = timed(lambda: segment_index(full))
        full.add_document(extra[14])
        search_index._cache.clear()
        _, rebuild = timed(lambda: segment_index(full))
        full.close()
        search_index._cache.clear()
        bulk = Library(Path(tmp) / "bulk.sqlite")
        batch = [derived(doc, k, 40) for k in range(40)]
        _, t = timed(lambda: [bulk.add_document(d) for d in batch])
        bulk.close()
    f, a = statistics.median(fresh), statistics.median(added)
    print(f"  import: {len(batch) / t:.0f} documents/s (goal >= 50); one document into this library "
          f"{_ms(a)}, into an empty one {_ms(f)}: ratio {a / f:.2f} (goal <= 1.2)")
    print(f"    index brought up to date after 7 imports: {_ms(refresh)}; rebuilt from scratch: {_ms(rebuild)}")


def main() -> None:
    wanted = [s.strip() for s in os.environ.get("BENCH_SIZES", ",".join(SIZES)).split(",") if s.strip()]
    for name in wanted:
        path = library(name)
        lib = Library(path, read_only=True)
        search_index._cache.clear()
        print(f"-- {name}: {lib.counts()['segments']:,} segments in {lib.counts()['documents']:,} documents")
        index_build(lib)
        precedents(lib, name)
        trace(lib)
        lib.close()
        imports(path, name)
        search_index._cache.clear()


if __name__ == "__main__":
    main()
