"""How long hostile files take to be refused, and how much memory they cost.

The PDFs that hung or flooded the reader without limits (8,000 scattered words, 45,000
scattered characters, form XObjects drawing each other twice over, a million empty text
objects) and a Word file whose lettered list starts at 10,000,000,000, each read in a fresh
interpreter: CPU time and peak memory over the interpreter's own. The baseline, measured in
the same run, is the corpus document read the same way, so each ratio says how many
corpus imports a refusal costs. Run: `python -m bench.bench_hostile`.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "app" / "parse"))

CORPUS = ROOT.parent / "shared" / "corpus" / "conclusions-mali-2020.txt"
if not CORPUS.exists():
    CORPUS = ROOT / "resources" / "sample" / "conclusions-mali-2020.txt"

_MEASURE = """
import json, resource, sys, time
from app.parse import parse_file
import app.parse.pdf, app.parse.docx, docx, wordfreq  # loaded before the baseline
from app.parse.repair import zipf
zipf("the")
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
start = time.process_time()
try:
    doc = parse_file(sys.argv[1])
    result = f"imported {len(doc.segments)} segments"
except Exception as e:
    result = f"{type(e).__name__}: {e}"
print(json.dumps({"cpu": time.process_time() - start, "extra_mb": resource.getrusage(
    resource.RUSAGE_SELF).ru_maxrss // 1024 - base, "result": result}))
"""


def measure(path: Path) -> dict:
    # A shell started first forks the interpreter, so its peak memory starts afresh.
    out = subprocess.run(["sh", "-c", '"$0" -c "$1" "$2"; :', sys.executable, _MEASURE, str(path)],
                         capture_output=True, text=True, timeout=600, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    import pdfhostile as h
    from wordgen import abstract, lvl, make_docx, num, p

    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        files = {
            "scattered-words.pdf": h.scattered_words(8_000),
            "scattered-characters.pdf": h.scattered_characters(45_000),
            "doubling-forms.pdf": h.doubling_forms(40),
            "empty-text-objects.pdf": h.empty_text_objects(1_000_000),
        }
        paths = []
        for name, data in files.items():
            (d / name).write_bytes(data)
            paths.append(d / name)
        numbering = abstract(1, lvl(0, "decimal", "%1."), lvl(1, "lowerLetter", "(%2)", start=10_000_000_000))
        body = p("Conclusions") + p("Agreed:", num=(1, 0)) + "".join(p(f"Item {i};", num=(1, 1)) for i in range(200))
        paths.append(make_docx(d / "huge-start.docx", body, numbering + num(1, 1)))

        base = measure(CORPUS)
        print(f"   baseline: corpus text ({CORPUS.stat().st_size / 1024:.0f} kB) {base['cpu']:.2f} s CPU, "
              f"+{base['extra_mb']} MB: {base['result']}")
        for path in paths:
            m = measure(path)
            print(f"   {path.name:26} {path.stat().st_size / 1024:7.1f} kB  {m['cpu']:6.2f} s CPU "
                  f"({m['cpu'] / max(base['cpu'], 1e-3):5.1f}x baseline)  +{m['extra_mb']:4d} MB  "
                  f"{m['result'][:110]}")


if __name__ == "__main__":
    main()
