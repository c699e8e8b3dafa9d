"""Start-up to a usable window with the sample library, against a bare Qt window.

Each run is a fresh interpreter (as when a person starts the program): the time is from
launching it until the main window has been shown and the event loop has run once. The
baseline, measured in the same run, is a fresh interpreter showing an empty QMainWindow, so
the ratio says what Concord adds to Qt's own start-up. Run: `python -m bench.bench_startup`.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5

CONCORD = """
import sys
from ui.settings import use_settings_file
use_settings_file(sys.argv[2])
from PySide6.QtCore import QTimer
from ui.main import build_window
app, window = build_window(sys.argv[1])
window.show()
QTimer.singleShot(0, lambda: (print("ready", window.panel.proxy.rowCount(), flush=True), app.quit()))
app.exec()
"""

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow()
w.resize(1300, 820)
w.show()
QTimer.singleShot(0, lambda: (print("ready", flush=True), app.quit()))
app.exec()
"""


def _time(code: str, *args: str, env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline() if proc.stdout else ""
    elapsed = time.perf_counter() - start
    proc.wait(timeout=60)
    if not line.startswith("ready"):
        raise RuntimeError(f"start-up did not reach the window (exit {proc.returncode})")
    return elapsed, line.strip()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, HOME=tmp, XDG_DATA_HOME=tmp, XDG_CONFIG_HOME=tmp)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        db, ini = str(Path(tmp) / "library.sqlite"), str(Path(tmp) / "settings.ini")
        first, line = _time(CONCORD, db, ini, env=env)  # creates and seeds the library
        concord = [_time(CONCORD, db, ini, env=env)[0] for _ in range(RUNS)]
        bare = [_time(BARE, env=env)[0] for _ in range(RUNS)]
    c, b = statistics.median(concord), statistics.median(bare)
    print(f"startup: first run (new library, seeded with the sample): {first:.3f} s ({line})")
    print(f"startup: Concord to a usable window, median of {RUNS}: {c:.3f} s")
    print(f"startup: bare Qt window, median of {RUNS}: {b:.3f} s")
    print(f"startup: ratio Concord / bare Qt = {c / b:.2f}")


if __name__ == "__main__":
    main()
