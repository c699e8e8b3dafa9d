"""Closing the window while a precedent search runs: the program ends cleanly, with nothing
on the console (it used to print "Signal source has been deleted" from the search's thread)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

CHILD = """
import sys, time
from PySide6.QtCore import QTimer
import ui.drafting.precedents as precedents
from app.services import drafts as svc
from ui.main import build_window, present

# A library large enough that finding precedents takes a second.
found = precedents.find_precedents
def slow(*args, **kwargs):
    print("searching", flush=True)
    time.sleep(1.0)
    return found(*args, **kwargs)
precedents.find_precedents = slow

app, window = build_window(sys.argv[1])
present(window)
draft = svc.new_draft(window.library, "Burkina Faso", "1")
editor = window.drafts.open_draft(draft.id)
row = [s.label for s in editor.segments].index("5(n)")
editor.set_current_row(row)
editor.set_text(row, "Stressing the primary role of the Government in providing protection")

def close_while_searching():
    editor.panel.timer.stop()
    editor.panel._start()
    QTimer.singleShot(100, window.close)

QTimer.singleShot(0, close_while_searching)
code = app.exec()
print("closed", flush=True)
sys.exit(code)
"""


@pytest.mark.slow
def test_closing_the_window_during_a_precedent_search_is_quiet(tmp_path):
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    home = tmp_path / "home"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "HOME": str(home),
           "XDG_STATE_HOME": str(home / "state"), "XDG_CONFIG_HOME": str(home / "config")}
    done = subprocess.run([sys.executable, str(script), str(tmp_path / "library.sqlite")], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["searching", "closed"]  # it closed while the search ran
    for line in done.stderr.splitlines():
        assert "propagateSizeHints" in line, done.stderr  # offscreen Qt's own notice; nothing of ours
    logs = list((home / "state").rglob("concord.log"))
    assert logs and "Signal source has been deleted" not in logs[0].read_text(encoding="utf-8")
    assert "Traceback" not in logs[0].read_text(encoding="utf-8")
