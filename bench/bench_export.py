"""How fast Word files are written, and parallel blocks found, as documents grow.

1. Exports of conclusions-shaped documents (a paragraph, then nine lettered
   subparagraphs, text drawn from the corpus vocabulary) of 5,000 and 50,000 segments:
   the document, a redline against a redraft (edits, deletions, insertions, moves,
   re-lettering: `bench_compare.redraft`) and the comparison report, each saved to a
   file. The baseline, measured in the same run on the 5,000-segment document, is
   python-docx's own way: `Document.add_paragraph(text, style)` per segment.
2. Parallel blocks in a document made of a run and its redraft (one block of thousands of
   pairs), against scoring every pair of segments (rapidfuzz's `cdist`), which is what
   finding them cost before.

Time per segment should stay flat from 5,000 to 50,000 (linear cost); the target is
50,000 segments in at most 10 s for each export. Processor time is printed beside the
wall time: on a machine busy with other work the wall time says little.
"""

from __future__ import annotations

import random
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from rapidfuzz import fuzz, process

from app.compare.engine import compare_segments
from app.compare.parallels import find_parallels
from app.export import docx_layout as lay
from app.export.document import passage_document
from app.export.redline import redline_document
from app.export.report import report_document
from app.model import Document, Kind, Passage, Segment, letters
from app.parse import parse_file
from bench.bench_compare import CORPUS, redraft, synthetic

SIZES = (5_000, 50_000)


def conclusions(n: int, vocabulary: list[str], seed: int) -> list[Segment]:
    """`n` segments: paragraph 1, 1(a)..1(i), paragraph 2, ... with 15-120 words each."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        number, letter = divmod(i, 10)
        text = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(15, 120)))
        if letter == 0:
            out.append(Segment(Kind.PARAGRAPH, text + ":", str(number + 1)))
        else:
            out.append(Segment(Kind.SUBPARAGRAPH, text + ";", f"{number + 1}({letters(letter)})"))
    return out


def renumbered(segments: list[Segment]) -> list[Segment]:
    """Paragraphs numbered 1, 2, ... and their subparagraphs lettered again, in order.

    `bench_compare.redraft` keeps the old numbers of paragraphs around a deleted one; a
    drafter's Word file would not, and gaps would send the redline to typed labels.
    """
    out, number, letter = [], 0, 0
    for s in segments:
        if s.kind is Kind.PARAGRAPH:
            number, letter = number + 1, 0
            s = replace(s, label=str(number))
        else:
            letter += 1
            s = replace(s, label=f"{max(number, 1)}({letters(letter)})")
        out.append(s)
    return out


def timed(fn: Callable[[], object]) -> float:
    """Wall time of one call, in seconds; `cpu` keeps the processor time of the last call.

    The processor time (all threads) shows what a busy machine hides in the wall time.
    """
    start, start_cpu = time.perf_counter(), time.process_time()
    fn()
    cpu[0] = time.process_time() - start_cpu
    return time.perf_counter() - start


cpu = [0.0]


def exports() -> None:
    corpus = parse_file(CORPUS)
    vocabulary = [w for s in corpus.segments for w in s.text.split()]
    print("Word exports, written and saved (one segment in ten changed in the redline):")
    print(f"  {'segments':>8} {'export':>9} {'time':>8} {'cpu':>7} {'per segment':>12} "
          f"{'vs linear from 5,000':>21}")
    base: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.docx"
        for n in SIZES:
            left = conclusions(n, vocabulary, seed=n)
            right = renumbered(redraft(left, seed=n + 1))
            comparison = compare_segments(left, right, left_title="Left", right_title="Right")
            doc = Document("Conclusions", tuple(left))
            jobs = {
                "document": lambda doc=doc: passage_document(Passage(doc, doc.segments, "1")).save(out),
                "redline": lambda c=comparison: redline_document(c).save(out),
                "report": lambda c=comparison: report_document(c).save(out),
            }
            for name, job in jobs.items():
                t = timed(job)
                per = t / n
                base.setdefault(name, per)
                print(f"  {n:>8,} {name:>9} {t:>7.2f}s {cpu[0]:>6.2f}s {per * 1e6:>9.0f} us "
                      f"{per / base[name]:>20.2f}x")
        n = SIZES[0]
        left = conclusions(n, vocabulary, seed=n)

        def plain_python_docx() -> None:
            d = lay.new_document()
            for s in left:
                d.add_paragraph(s.text, style=lay.style_for(s))
            d.save(out)

        t = timed(plain_python_docx)
        ours = base["document"] * n
        print(f"  baseline, python-docx add_paragraph per segment, {n:,} segments: {t:.2f}s; "
              f"document export {t / ours:.1f}x faster")


def parallels() -> None:
    corpus = parse_file(CORPUS)
    vocabulary = [w for s in corpus.segments for w in s.text.split()]
    print("parallel blocks (a run and its redraft in one document):")
    print(f"  {'segments':>8} {'time':>8} {'cpu':>7} {'per segment':>12} {'vs linear from 5,000':>21}")
    base = None
    for n in SIZES:
        half = synthetic(n // 2, vocabulary, seed=n)
        segments = half + redraft(half, seed=n + 1)
        t = timed(lambda segments=segments: find_parallels(segments))
        per = t / len(segments)
        base = base or per
        print(f"  {len(segments):>8,} {t:>7.2f}s {cpu[0]:>6.2f}s {per * 1e6:>9.0f} us {per / base:>20.2f}x")
    n = 2_000
    half = synthetic(n // 2, vocabulary, seed=n)
    keys = [s.text for s in half + redraft(half, seed=n + 1)]
    t_all = timed(lambda: process.cdist(keys, keys, scorer=fuzz.ratio, workers=-1))
    t_ours = timed(lambda: find_parallels([Segment(Kind.TEXT, k) for k in keys]))
    print(f"  baseline, every pair scored (the old way), {len(keys):,} segments: {t_all:.2f}s "
          f"(grows with the square); finding the blocks here: {t_ours:.2f}s, "
          f"{t_all / t_ours:.1f}x faster")


def main() -> None:
    exports()
    print()
    parallels()


if __name__ == "__main__":
    main()
