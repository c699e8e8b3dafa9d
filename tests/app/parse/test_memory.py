"""Peak memory of hostile imports, measured in a fresh interpreter with `getrusage`.

The figures are printed (run with `-s` to see them); the bounds are generous, meant only to
catch a limit that stopped working (a 100 MB file read whole, a bomb inflated past its cap).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from docxhostile import lying_size
from hostile import MB
from pdfbombs import filtered_pdf

_MEASURE = """
import json, resource, sys
from app.parse import parse_file
import app.parse.pdf, app.parse.docx, docx  # loaded before the baseline
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
try:
    doc = parse_file(sys.argv[1])
    result = f"imported {len(doc.segments)} segments"
except Exception as e:
    result = f"{type(e).__name__}: {e}"
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(json.dumps({"baseline": base, "peak": peak, "result": result}))
"""


def peak_rss(path: Path) -> dict:
    # Linux keeps a process's peak RSS across fork and exec, so a child forked from this
    # (large) test process would start with its peak. A shell started first, which forks
    # the interpreter rather than exec-ing it (the trailing `:`), gives it a fresh count.
    out = subprocess.run(["sh", "-c", '"$0" -c "$1" "$2"; :', sys.executable, _MEASURE, str(path)],
                         capture_output=True, text=True, timeout=300, check=True,
                         cwd=Path(__file__).resolve().parents[3])
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"\n{path.name}: {path.stat().st_size / MB:.1f} MB on disk, peak RSS {figures['peak']} MB "
          f"(+{figures['peak'] - figures['baseline']} MB over {figures['baseline']} MB): {figures['result']}")
    return figures


def huge_text(path: Path) -> Path:
    line = b"The Working Group expressed deep concern at the increase in violations.\n"
    block = (line * (MB // len(line) + 1))[:MB]
    with path.open("wb") as f:
        for _ in range(100):
            f.write(block)
    return path


@pytest.mark.slow
@pytest.mark.parametrize("name, make, refused, bound_mb", [
    # Refused from its size before it is read: no growth at all.
    ("huge.txt", huge_text, "text file of 100.0 MB", 32),
    # 300 MB behind two layers of zlib, refused at the 200 MB cap: about the cap, once.
    ("bomb.pdf", lambda p: p.write_bytes(filtered_pdf("flate+flate", 300)) and p, "expands past 200 MB", 320),
    # A part declaring 2,000 bytes that inflates to 200 MB: only the declared bytes are read.
    ("lying.docx", lambda p: p.write_bytes(lying_size(2000, 200, forge_crc=True)) and p, "not well-formed", 32),
])
def test_peak_memory_of_hostile_imports(tmp_path, name, make, refused, bound_mb):
    path = tmp_path / name
    make(path)
    figures = peak_rss(path)
    assert figures["result"].startswith("ImportRefused") and refused in figures["result"]
    assert figures["peak"] - figures["baseline"] < bound_mb
