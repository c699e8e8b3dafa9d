"""Expanding a document in the library tree, with 1,000 documents against 25.

The library panel reads a document's structure when its row is expanded and lays its
rows across the full width. Measured on the generated libraries (bench/library.py): the
time from `expand` until the event loop has laid the rows out, for documents across the
list, with 1,000 documents (goal: <= 50 ms) against the same with 25, in the same run.
Run: `python -m bench tree`.
"""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.store import Library  # noqa: E402
from bench.library import library  # noqa: E402


def expand_times(name: str, samples: int = 7) -> tuple[float, int]:
    from ui.library_panel import LibraryPanel

    lib = Library(library(name), read_only=True)
    panel = LibraryPanel(lib)
    panel.resize(420, 900)
    panel.show()
    app = QApplication.instance()
    assert app is not None
    app.processEvents()
    rows = panel.proxy.rowCount()
    times = []
    for k in range(samples):
        index = panel.proxy.index((k * rows) // samples, 0)
        start = time.perf_counter()
        panel.tree.expand(index)
        app.processEvents()
        panel.tree.viewport().repaint()
        times.append(time.perf_counter() - start)
        panel.tree.collapse(index)
        app.processEvents()
    panel.close()
    lib.close()
    return statistics.median(times), rows


def main() -> None:
    QApplication.instance() or QApplication([])
    small, n_small = expand_times("2.5k")
    large, n_large = expand_times("100k")
    print(f"library tree: expanding a document with {n_large:,} documents: {large * 1000:.1f} ms "
          f"(goal <= 50 ms); with {n_small} documents: {small * 1000:.1f} ms; ratio {large / small:.2f}")


if __name__ == "__main__":
    main()
