"""The frozen bundle against the checkout: start-up of `--version` and of the GUI, and size.

Needs a built bundle (`make package`, or CONCORD_BUNDLE=path/to/concord). Each run is a fresh
process, alternating frozen and checkout so both see the same machine load; the GUI run is
`concord gui --check` (main window shown, event loop entered once, quit) on a library already
seeded. The ratio is frozen / checkout: under 1 means the bundle starts faster.
Run: `python -m bench bundle`.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7


def _bundle() -> Path | None:
    path = Path(os.environ.get("CONCORD_BUNDLE", ROOT / "dist" / "concord"))
    return path if (path / "concord").is_file() else None


def _time(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def _part(relative: Path) -> str:
    """What a file of the bundle belongs to, for the size table."""
    parts = relative.parts
    name = parts[1] if len(parts) > 2 and parts[0] == "_internal" else parts[-1]
    if "libicu" in str(relative):
        return "ICU (Qt's text library)"
    if name.startswith(("PySide6", "shiboken6")):
        return "Qt and PySide6"
    if name.startswith("numpy"):
        return "numpy and OpenBLAS"
    if name in ("concord", "python3.11", "base_library.zip") or name.startswith("libpython"):
        return "Python (with every module, archived in the executable)"
    if len(parts) == 2 and name.startswith("lib"):
        return "system libraries (X11, glib, freetype, libstdc++, sqlite...)"
    return name


def sizes(bundle: Path) -> Counter[str]:
    counts: Counter[str] = Counter()
    for p in bundle.rglob("*"):
        if p.is_file() and not p.is_symlink():
            counts[_part(p.relative_to(bundle))] += p.stat().st_size
    return counts


def main() -> None:
    bundle = _bundle()
    if bundle is None:
        print("bundle: none built; run `make package` first")
        return
    frozen, checkout = str(bundle / "concord"), str(Path(sys.executable).parent / "concord")
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "CONCORD_"))}
        env.update(HOME=tmp, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        db = str(Path(tmp) / "library.sqlite")
        _time([checkout, "--db", db, "gui", "--check"], env)  # seeds the library once
        for label, args in (("--version", ["--version"]), ("GUI", ["--db", db, "gui", "--check"])):
            times: dict[str, list[float]] = {"frozen": [], "checkout": []}
            for _ in range(RUNS):
                times["frozen"].append(_time([frozen, *args], env))
                times["checkout"].append(_time([checkout, *args], env))
            f, c = statistics.median(times["frozen"]), statistics.median(times["checkout"])
            print(f"bundle: {label} start-up, median of {RUNS}: frozen {f:.3f} s, "
                  f"checkout {c:.3f} s, ratio frozen / checkout = {f / c:.2f}")
    counts = sizes(bundle)
    total = sum(counts.values())
    print(f"bundle: {total / 1e6:.1f} MB unpacked ({total / 2**20:.1f} MiB) in {bundle}")
    for name, size in counts.most_common(8):
        print(f"bundle:   {size / 1e6:5.1f} MB  {name}")


if __name__ == "__main__":
    main()
