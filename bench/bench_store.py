"""Import, full-text search and precedent lookup: a team library on PostgreSQL against a
library file, the same documents, in the same run (a throwaway local server).

Run: .venv/bin/python -m bench store. Prints each backend's time and the ratio PG/SQLite.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from app.parse import parse_file
from app.search.similar import find_precedents
from app.store import open_store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "resources" / "sample" / "conclusions-mali-2020.txt"
SITUATIONS = ["Chad", "Niger", "Sudan", "Somalia", "Yemen", "Iraq", "Syria", "Colombia", "Myanmar",
              "Nigeria", "Libya", "Lebanon", "Burundi", "Haiti", "Ukraine", "Philippines"] * 2
QUERIES = ["deprivation of liberty", "recruit* children", '"six grave violations"', "reintegrat* NOT Chad",
           "sexual violence OR abduction", "humanitarian access"]


def measure(lib) -> tuple[float, float, float]:
    doc = parse_file(CORPUS)
    docs = [doc.with_segments(tuple(s.with_text(s.text.replace("Mali", name) + f" ({n})") for s in doc.segments))
            for n, name in enumerate(SITUATIONS)]
    t = time.perf_counter()
    for d in docs:
        lib.add_document(d)
    imported = (time.perf_counter() - t) / len(docs)
    t = time.perf_counter()
    for q in QUERIES * 5:
        lib.search(q, 50)
    searched = (time.perf_counter() - t) / (len(QUERIES) * 5)
    texts = [s.text[: len(s.text) // 2] for s in doc.segments if s.label][:20]
    find_precedents(lib, texts[0])  # builds the index once
    t = time.perf_counter()
    for q in texts:
        find_precedents(lib, q)
    precedent = (time.perf_counter() - t) / len(texts)
    return imported, searched, precedent


def main() -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from pgserver import PgServer

    server = PgServer().start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            sqlite = open_store(str(Path(folder) / "bench.sqlite"))
            pg = open_store(server.address(server.create_database()))
            a, b = measure(sqlite), measure(pg)
            print(f"{len(SITUATIONS)} documents of {len(parse_file(CORPUS).segments)} segments")
            for name, x, y in zip(("import (per document)", "search (per query)", "precedent lookup"), a, b,
                                  strict=True):
                print(f"  {name:<22} SQLite {x * 1000:7.1f} ms   PostgreSQL {y * 1000:7.1f} ms   "
                      f"ratio {y / x:.2f}x")
            sqlite.close()
            pg.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
