"""A round of 15 returns on the 106-segment Mali conclusions: read, stored and compiled.

Fifteen delegations each return the circulated Word file with tracked changes by two
authors (a few words replaced and inserted across the text, all of them on the same words
of 5(c), so every return competes there), a comment, and, for some, a deleted subparagraph
and a new one. The baseline, measured in the same run, is importing the same 15 files as
documents (`parse_file`, all changes accepted): the ratio says what reading them as a round
costs over reading them at all. Target: the whole round compiled in at most 2 s.
Run: `python -m bench.bench_round`.
"""

from __future__ import annotations

import importlib.util
import statistics
import sys
import tempfile
import time
from pathlib import Path

from app.parse import parse_file
from app.rounds.returns import read_return
from app.services import drafts as drafts_svc
from app.services import rounds as svc
from app.store import Library

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "resources" / "sample" / "conclusions-mali-2020.txt"
RETURNS = 15
RUNS = 3
TARGET_S = 2.0


def _kit():
    spec = importlib.util.spec_from_file_location("returnkit", ROOT / "tests" / "app" / "rounds" / "returnkit.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["returnkit"] = module
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _returns(kit, version, folder: Path) -> list[Path]:
    numbered = [s for s in version if s.label and len(s.text.split()) > 12]
    files = []
    for i in range(RETURNS):
        a, b = f"Delegate {i} A", f"Delegate {i} B"
        e = kit.Edits().replace("5(c)", "access restrictions", f"restrictions of kind {i}", a)
        for k in range(6):
            s = numbered[(i * 7 + k * 13) % len(numbered)]
            if s.label == "5(c)":
                continue
            words = s.text.split()
            if k % 2:
                e.replace(s.label, words[3], words[3] + "s", a)
            else:
                e.insert(s.label, " ".join(words[:6]), f" [option {i}.{k}]", b)
        e.comment(numbered[i].label, numbered[i].text.split()[0], f"Question {i}", b)
        if i % 3 == 0:
            e.delete(numbered[(i * 5 + 40) % len(numbered)].label, a)
            e.new(numbered[(i * 3 + 20) % len(numbered)].label, f"New subparagraph proposed by delegation {i};", b)
        files.append(kit.write_return(folder / f"return-{i:02}.docx", version, e))
    return files


def main() -> None:
    kit = _kit()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        lib = Library(folder / "library.sqlite")
        lib.add_document(parse_file(CORPUS))
        draft = drafts_svc.new_draft(lib, "Mali", from_ref="1")
        lib.save_version(draft.id, "rev.1")
        version = lib.get_version(draft.id, 1).segments
        files = _returns(kit, version, folder)
        ref = f"draft:{draft.id}@1"
        baseline = statistics.median(_timed(lambda: [parse_file(f) for f in files]) for _ in range(RUNS))
        reading = statistics.median(_timed(lambda: [read_return(f, version) for f in files]) for _ in range(RUNS))
        start = time.perf_counter()
        added = svc.add_returns(lib, ref, files)
        c = svc.compilation(lib, ref)
        whole = time.perf_counter() - start
        compiling = statistics.median(_timed(lambda: svc.compilation(lib, ref)) for _ in range(5))
        exporting = _timed(lambda: svc.export_docx(lib, ref, folder / "compilation.docx"))
        lib.close()
    assert not any(a.error for a in added), [a.error for a in added]
    n = len(c.entries())
    competing = sum(1 for e in c.entries() if e.competing)
    print(f"round: {RETURNS} returns on a {len(version)}-segment version: {n} proposals "
          f"({competing} competing), {sum(len(p.remarks) for p in c.places)} comments")
    print(f"round: read, stored and compiled: {whole:.3f} s (target <= {TARGET_S:.0f} s: "
          f"{'met' if whole <= TARGET_S else 'NOT met'})")
    print(f"round: reading the {RETURNS} files as returns, median of {RUNS}: {reading:.3f} s")
    print(f"round: baseline, importing the same files as documents, median of {RUNS}: {baseline:.3f} s")
    print(f"round: ratio returns / import = {reading / baseline:.2f}")
    print(f"round: compiling the stored round, median of 5: {compiling:.3f} s")
    print(f"round: exporting the compilation as Word: {exporting:.3f} s")


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
