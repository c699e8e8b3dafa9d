"""Provenance speed: a 106-segment document against a library of about 5,000 segments.

Run: .venv/bin/python -m bench provenance. Prints the time of `provenance` (one scoring
pass over the library's distinct texts) against a baseline measured in the same run: a
loop of `find_precedents` calls, one per segment.
"""

from __future__ import annotations

import time
from dataclasses import replace

from app.parse import parse_file
from app.search.provenance import MIN_SIMILARITY, provenance
from app.search.similar import find_precedents, segment_index
from app.services.library import passage_of
from app.store import Library
from bench.bench_similar import CORPUS, SITUATIONS


def main() -> None:
    doc = parse_file(CORPUS)
    lib = Library(":memory:")
    for n, name in enumerate(SITUATIONS):
        # each year's conclusions on another situation: the name changed, every fifth segment edited
        segs = tuple(s.with_text(s.text.replace("Mali", name) + (f" ({n})" if i % 5 == 0 else ""))
                     for i, s in enumerate(doc.segments))
        lib.add_document(replace(doc.with_segments(segs), situation=name, meeting_date=f"{1990 + n}-01-01"))
    query = replace(doc.with_segments(tuple(s.with_text(s.text.replace("Mali", "Chad")) for s in doc.segments)),
                    situation="Chad", meeting_date="2030-01-01")
    passage = passage_of(query)
    n_library = len(segment_index(lib).entries)

    t = time.perf_counter()
    result = provenance(lib, passage)
    ours = time.perf_counter() - t

    t = time.perf_counter()
    for s in passage.segments:
        find_precedents(lib, s.text, limit=3, min_similarity=MIN_SIMILARITY)
    base = time.perf_counter() - t
    counts = result.counts()
    print(f"{len(passage.segments)} segments against {n_library} library segments: "
          f"{counts['verbatim']} verbatim, {counts['modified']} modified, {counts['new']} new")
    print(f"provenance: {ours:.2f} s; baseline ({len(passage.segments)} find_precedents calls): {base:.2f} s; "
          f"ratio {ours / base:.2f}")


if __name__ == "__main__":
    main()
