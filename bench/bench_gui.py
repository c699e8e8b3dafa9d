"""The GUI on a real library's size: expanding a document in the library tree, and the
provenance and clause history tabs streaming their rows.

Tree: expanding a document with 1,000 documents against 25.

The library panel reads a document's structure when its row is expanded and lays its
rows across the full width. Measured on the generated libraries (bench/library.py): the
time from `expand` until the event loop has laid the rows out, for documents across the
list, with 1,000 documents (goal: <= 50 ms) against the same with 25, in the same run.
Tabs: on the 100k library (its segment index built beforehand, as after the first
search), the time from asking for the provenance of a document and the history of a
clause to the first rows shown (goal: <= 200 ms) and to the whole result, and the longest
the window's event loop went without running (a 10 ms timer's largest gap), against the
same gap while the event loop idles.
Run: `python -m bench gui`.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.store import Library  # noqa: E402
from bench.library import library  # noqa: E402


def expand_times(name: str, samples: int = 7) -> tuple[float, int]:
    from ui.library_panel import LibraryPanel
    from ui.session import Session

    lib = Library(library(name), read_only=True)
    session = Session(lib)
    panel = LibraryPanel(session)
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
    session.shutdown()
    lib.close()
    return statistics.median(times), rows


def _gaps(app: QApplication, until: Callable[[], bool], limit_s: float = 60.0) -> float:
    """Run the event loop until `until()`, returning the largest gap between 10 ms ticks."""
    last, gap = time.perf_counter(), 0.0

    def tick() -> None:
        nonlocal last, gap
        now = time.perf_counter()
        gap = max(gap, now - last)
        last = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    end = time.perf_counter() + limit_s
    while not until() and time.perf_counter() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    timer.stop()
    return gap


def tabs(app: QApplication) -> None:
    from app.search.index import segment_index
    from ui.session import Session
    from ui.views.clause_history import ClauseHistoryView
    from ui.views.provenance import ProvenanceView

    path = library("100k")
    lib = Library(path, read_only=True)
    segment_index(lib)
    session = Session(lib)
    idle_start = time.perf_counter()
    idle = _gaps(app, lambda: time.perf_counter() - idle_start > 0.5)
    for name, view, start in (
        ("provenance of document 1", ProvenanceView(session), lambda v: v.trace("1")),
        ("clause history of 1:2", ClauseHistoryView(session), lambda v: v.trace("1:2", "1:2")),
    ):
        marks: dict[str, float] = {}
        view._rows_found.connect(lambda *_, m=marks: m.setdefault("first", time.perf_counter()))
        ready = view.provenance_ready if hasattr(view, "provenance_ready") else view.history_ready
        ready.connect(lambda *_, m=marks: m.setdefault("done", time.perf_counter()))
        t0 = time.perf_counter()
        start(view)
        gap = _gaps(app, lambda m=marks: "done" in m)
        first, done = marks.get("first", float("nan")) - t0, marks.get("done", float("nan")) - t0
        print(f"{name} tab: first rows after {first * 1000:.0f} ms (goal <= 200 ms), all after "
              f"{done * 1000:.0f} ms; longest event-loop gap {gap * 1000:.0f} ms "
              f"(idle: {idle * 1000:.0f} ms)")
        view.close()
    session.shutdown()
    lib.close()


def main() -> None:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    small, n_small = expand_times("2.5k")
    large, n_large = expand_times("100k")
    print(f"library tree: expanding a document with {n_large:,} documents: {large * 1000:.1f} ms "
          f"(goal <= 50 ms); with {n_small} documents: {small * 1000:.1f} ms; ratio {large / small:.2f}")
    tabs(app)


if __name__ == "__main__":
    main()
