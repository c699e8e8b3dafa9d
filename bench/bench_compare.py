"""How fast a comparison is, against the standard library's side-by-side, and as documents grow.

1. The corpus document against a redraft of it made here (deleted, inserted and moved
   subparagraphs, word edits, re-lettering): Concord's whole comparison (alignment, word
   diffs, the HTML side-by-side page) against `difflib.HtmlDiff().make_table` on the two
   texts, one line per segment, measured in the same run; and the comparison against
   itself without the strength verdicts and the search for splits and merges (what a
   comparison cost before them), target within 1.5x; the same against a second redraft
   that also splits, merges and weakens, where both have work to do.
2. Growth: documents of 100, 1,000 and 5,000 segments, each against a redraft changing
   about one segment in ten. Time per segment should stay flat (near-linear cost).
"""

from __future__ import annotations

import difflib
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from app.compare.engine import compare_segments
from app.compare.render import to_html
from app.model import Kind, Segment, letters
from app.parse import parse_file

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "conclusions-mali-2020.txt"
if not CORPUS.exists():
    CORPUS = ROOT / "resources" / "sample" / "conclusions-mali-2020.txt"

SIZES = (100, 1_000, 5_000)


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of `repeat` calls, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def reletter(segments: list[Segment]) -> list[Segment]:
    """Letter subparagraphs again in order under each numbered paragraph (5(a), 5(b), ...)."""
    out, parent, n = [], "", 0
    for s in segments:
        if s.kind is Kind.SUBPARAGRAPH and "(" in s.label:
            p = s.label[: s.label.index("(")]
            n = n + 1 if p == parent else 1
            parent = p
            s = replace(s, label=f"{p}({letters(n)})")
        out.append(s)
    return out


def redraft(segments: tuple[Segment, ...] | list[Segment], seed: int, rate: int = 10) -> list[Segment]:
    """A plausible redraft: per `rate` segments about one changed (edits, deletions,
    insertions), plus one moved segment per 500 (at least one); then re-lettered."""
    rng = random.Random(seed)
    segs = list(segments)
    n = len(segs)
    words = [w for s in segs for w in s.text.split()] or ["text"]
    picks = rng.sample(range(n), max(3, n // rate))
    third = len(picks) // 3
    edit, delete, insert = picks[:third], set(picks[third : 2 * third]), set(picks[2 * third :])
    for i in edit:
        ws = segs[i].text.split()
        k = rng.randrange(len(ws))
        ws[k : k + 1] = [rng.choice(words), rng.choice(words)]
        segs[i] = segs[i].with_text(" ".join(ws))
    out: list[Segment] = []
    for i, s in enumerate(segs):
        if i in insert:
            text = " ".join(rng.choice(words) for _ in range(rng.randint(15, 60)))
            out.append(Segment(s.kind, text, s.label, s.section, s.addressee))
        if i not in delete:
            out.append(s)
    for _ in range(max(1, n // 500)):
        s = out.pop(rng.randrange(len(out)))
        out.insert(rng.randrange(len(out) + 1), s)
    return reletter(out)


def timed_against(fn: Callable[[], object], base: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall times of `fn` and `base`, called in turn so that both see the same load."""
    ours, theirs = [], []
    for _ in range(repeat):
        for f, out in ((fn, ours), (base, theirs)):
            start = time.perf_counter()
            f()
            out.append(time.perf_counter() - start)
    return statistics.median(ours), statistics.median(theirs)


_WEAKER = (("Strongly condemning", "Condemning"), ("urging", "encouraging"), (" must ", " should "),
           ("to immediately", "to"), ("Expressing grave concern", "Expressing concern"))


def restructured(segments: list[Segment], seed: int) -> list[Segment]:
    """`segments` with one subparagraph in eight split at its first "; ", one in eight
    merged into the one before it, and one in four weakened; then re-lettered."""
    rng = random.Random(seed)
    out: list[Segment] = []
    for s in segments:
        roll = rng.randrange(8) if s.kind is Kind.SUBPARAGRAPH else -1
        if rng.randrange(4) == 0:
            for old, new in _WEAKER:
                if old in s.text:
                    s = s.with_text(s.text.replace(old, new, 1))
                    break
        if roll == 0 and "; " in s.text:
            head, tail = s.text.split("; ", 1)
            out += [s.with_text(head + ";"), s.with_text(tail[0].upper() + tail[1:])]
        elif roll == 1 and out and out[-1].kind is Kind.SUBPARAGRAPH:
            out[-1] = out[-1].with_text(out[-1].text + " " + s.text[0].lower() + s.text[1:])
        else:
            out.append(s)
    return reletter(out)


def as_lines(segments: list[Segment] | tuple[Segment, ...]) -> list[str]:
    return [f"{s.label} {s.text}".strip() for s in segments]


def synthetic(n: int, vocabulary: list[str], seed: int) -> list[Segment]:
    """`n` subparagraphs of 15-120 words drawn from the corpus vocabulary."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        text = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(15, 120)))
        out.append(Segment(Kind.SUBPARAGRAPH, text + ";", f"{i // 26 + 1}({letters(i % 26 + 1)})"))
    return out


def corpus_vs_difflib() -> None:
    doc = parse_file(CORPUS)
    left = doc.segments
    right = redraft(left, seed=4)
    a, b = as_lines(left), as_lines(right)

    def ours() -> str:
        return to_html(compare_segments(left, right))

    def stdlib() -> str:
        return difflib.HtmlDiff().make_table(a, b)

    cmp = compare_segments(left, right)
    ours()  # warm up imports and caches for both
    stdlib()
    t_ours = timed(ours, 15)
    t_align = timed(lambda: compare_segments(left, right), 15)
    t_std = timed(stdlib, 3)
    t_full, t_plain = timed_against(
        lambda: compare_segments(left, right, structure=True),
        lambda: compare_segments(left, right, structure=False, strength=False), 41)
    print(f"corpus ({len(left)} segments, {sum(map(len, a)):,} chars) vs redraft ({len(right)}): "
          f"{cmp.summary()}")
    print(f"  Concord comparison only        {t_align * 1000:8.1f} ms")
    print(f"  Concord comparison + HTML page {t_ours * 1000:8.1f} ms")
    print(f"  difflib.HtmlDiff().make_table  {t_std * 1000:8.1f} ms")
    print(f"  ratio (difflib / Concord with HTML): {t_std / t_ours:6.1f}x  (target >= 20x)")
    print(f"  Concord comparison, in turn with: {t_full * 1000:6.1f} ms")
    print(f"  the same without strength, splits {t_plain * 1000:6.1f} ms")
    print(f"  ratio (with / without strength and splits): {t_full / t_plain:5.2f}x  (target <= 1.5x)")
    second = restructured(list(left), seed=5)
    found = compare_segments(left, second, structure=True).summary()
    t_full, t_plain = timed_against(
        lambda: compare_segments(left, second, structure=True),
        lambda: compare_segments(left, second, structure=False, strength=False), 41)
    print(f"corpus vs a redraft that splits, merges and weakens ({len(second)}): "
          f"{found['split']} split, {found['merged']} merged, {found['weaker']} weaker")
    print(f"  with strength and splits {t_full * 1000:6.1f} ms, without {t_plain * 1000:6.1f} ms: "
          f"{t_full / t_plain:5.2f}x  (target <= 1.5x)")


def growth() -> None:
    doc = parse_file(CORPUS)
    vocabulary = [w for s in doc.segments for w in s.text.split()]
    print("growth (one segment in ten changed, moves, re-lettering):")
    print(f"  {'segments':>8} {'time':>10} {'per segment':>12} {'vs linear from 100':>20}")
    base = None
    for n in SIZES:
        left = synthetic(n, vocabulary, seed=n)
        right = redraft(left, seed=n + 1)
        t = timed(lambda left=left, right=right: compare_segments(left, right), 5 if n < 5000 else 3)
        per = t / n
        base = base or per
        print(f"  {n:>8,} {t * 1000:>8.1f} ms {per * 1e6:>9.1f} us {per / base:>19.2f}x")
    left = synthetic(1_000, vocabulary, seed=7)
    right = synthetic(1_000, vocabulary, seed=8)
    t = timed(lambda: compare_segments(left, right), 1)
    print(f"  worst case, two unrelated 1,000-segment documents (all pairs scored): {t * 1000:.0f} ms")


def main() -> None:
    corpus_vs_difflib()
    print()
    growth()


if __name__ == "__main__":
    main()
