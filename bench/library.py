"""Libraries of a real library's shape, derived from the corpus document, built once and cached.

A drafter's library holds years of conclusions on many situations, each drafted from
earlier ones: the same paragraphs again and again, with another situation's name, other
dates and symbols, some subparagraphs edited by a few words, some dropped, some added, and
the rest re-lettered. `derived(doc, k, n)` makes the k-th of n such documents from the Mali
2020 conclusions (seeded: the same k always gives the same document); `library(size)`
returns a library file of about `size` segments (100 per document), built on first use
under bench/out/ (gitignored) and reused by later runs.

Run `python -m bench.library 100k` to build one ahead of a benchmark.
"""

from __future__ import annotations

import random
import sys
import time
from dataclasses import replace
from pathlib import Path

from app.model import Document, Kind, Segment
from app.parse import parse_file
from app.store import Library
from bench.bench_compare import CORPUS, reletter

VERSION = 2  # bump when `derived` or the schema changes: cached libraries are rebuilt
SEED = 2006
SIZES = {"2.5k": 2_500, "25k": 25_000, "100k": 100_000}
CACHE = Path(__file__).resolve().parent / "out" / "libraries"
PER_DOCUMENT = 100
SITUATIONS = [
    "Mali", "Chad", "Niger", "Sudan", "South Sudan", "Somalia", "Yemen", "Iraq", "Syria", "Colombia",
    "Myanmar", "Nigeria", "Libya", "Lebanon", "Burundi", "Haiti", "Ukraine", "the Philippines",
    "Afghanistan", "the Central African Republic", "the Democratic Republic of the Congo",
    "Burkina Faso", "Cameroon", "Mozambique", "Ethiopia", "Israel and the State of Palestine",
    "Sri Lanka", "Nepal", "Uganda", "Côte d'Ivoire", "Thailand", "India", "Pakistan",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def corpus() -> Document:
    return parse_file(CORPUS)


def edit_words(text: str, rng: random.Random, vocabulary: list[str], edits: int) -> str:
    """`text` with `edits` words replaced, inserted or deleted."""
    words = text.split()
    for _ in range(edits):
        if not words:
            break
        k = rng.randrange(len(words))
        op = rng.random()
        if op < 0.5:
            words[k] = rng.choice(vocabulary)
        elif op < 0.8:
            words.insert(k, rng.choice(vocabulary))
        elif len(words) > 3:
            del words[k]
    return " ".join(words)


def derived(doc: Document, k: int, n: int) -> Document:
    """The k-th of n documents drafted from `doc`: dated 2006 onwards in order of k."""
    rng = random.Random(SEED * 1_000_003 + k)
    situation = SITUATIONS[k % len(SITUATIONS)]
    year = 2006 + k * 25 // max(n, 1)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    vocabulary = [w for s in doc.segments for w in s.text.split()]

    def localise(text: str) -> str:
        text = text.replace("20 November 2020", f"{day} {MONTHS[month - 1]} {year}")
        text = text.replace("S/2020/1105", f"S/{year}/{1000 + k}").replace("S/AC.51/2018/1", f"S/AC.51/{year - 2}/{k % 7 + 1}")
        return text.replace("Mali", situation).replace("2020", str(year))

    rate = rng.uniform(0.05, 0.20)
    out: list[Segment] = []
    subparagraphs = [s for s in doc.segments if s.kind is Kind.SUBPARAGRAPH]
    for s in doc.segments:
        if s.kind is Kind.SUBPARAGRAPH and rng.random() < 0.06:
            continue  # dropped
        text = localise(s.text)
        if s.kind is not Kind.TITLE and rng.random() < rate:
            text = edit_words(text, rng, vocabulary, rng.randint(1, 4))
        out.append(s.with_text(text))
        if s.kind is Kind.SUBPARAGRAPH and rng.random() < 0.02:  # added: spliced from two others
            a, b = rng.sample(subparagraphs, 2)
            wa, wb = a.text.split(), b.text.split()
            text = " ".join(wa[: len(wa) // 2] + wb[len(wb) // 2 :])
            out.append(Segment(Kind.SUBPARAGRAPH, localise(text), s.label, s.section, s.addressee))
    return replace(doc.with_segments(tuple(reletter(out))), situation=situation,
                   title=localise(doc.title), meeting_date=f"{year}-{month:02d}-{day:02d}",
                   symbol=f"S/AC.51/{year}/{k % 9 + 1}", report_symbol=f"S/{year}/{1000 + k}",
                   source_file=f"generated-{k}.txt")


def documents(size: int) -> int:
    return max(1, round(size / PER_DOCUMENT))


def library(name: str, *, quiet: bool = False) -> Path:
    """The cached library file of `SIZES[name]` segments, built if missing."""
    size = SIZES[name]
    path = CACHE / f"library-{name}-v{VERSION}-s{SEED}.sqlite"
    if path.exists():
        Library(path).close()  # brought up to this version's schema, so it opens read-only too
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".building")
    for leftover in CACHE.glob(partial.name + "*"):
        leftover.unlink()
    doc, n = corpus(), documents(size)
    start = time.perf_counter()
    lib = Library(partial)
    try:
        for k in range(n):
            lib.add_document(derived(doc, k, n))
            if not quiet and (k + 1) % 100 == 0:
                print(f"   building {name}: {k + 1}/{n} documents, {time.perf_counter() - start:.0f} s", flush=True)
        lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        lib.close()
    partial.rename(path)
    for leftover in CACHE.glob(partial.name + "-*"):
        leftover.unlink()
    if not quiet:
        print(f"   built {path.name} ({n} documents) in {time.perf_counter() - start:.0f} s", flush=True)
    return path


if __name__ == "__main__":
    for arg in sys.argv[1:] or list(SIZES):
        print(library(arg))
