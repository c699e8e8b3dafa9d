"""Run the benchmarks: `python -m bench` runs all, `python -m bench compare` those matching."""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    wanted = argv[0] if argv else ""
    names = sorted(
        m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)])
        if m.name.startswith("bench_") and wanted in m.name
    )
    if not names:
        print(f"no benchmark matches {wanted!r}", file=sys.stderr)
        return 2
    for name in names:
        print(f"== {name}")
        start = time.perf_counter()
        importlib.import_module(f"bench.{name}").main()
        print(f"   ({time.perf_counter() - start:.1f} s)\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
