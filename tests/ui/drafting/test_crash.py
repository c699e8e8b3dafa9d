"""A process editing a draft in the editor is killed; the library keeps all but the last second."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.services import drafts as svc
from app.store import Library

ROOT = Path(__file__).resolve().parents[3]

CHILD = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from app.store import open_store
from ui.drafting import DraftEditor
from ui.session import Session

app = QApplication([])
editor = DraftEditor(Session(open_store(sys.argv[1])), int(sys.argv[2]))
editor.show()
row = [s.label for s in editor.segments].index("5(a)")
n = 0

def type_one():
    global n
    n += 1
    editor.set_text(row, f"[edit {n}] strongly condemning")
    print(n, time.monotonic(), flush=True)

timer = QTimer()
timer.timeout.connect(type_one)
timer.start(20)
app.exec()
"""


@pytest.mark.slow
def test_kill_mid_session_loses_at_most_the_last_second(corpus_library, tmp_path):
    draft = svc.new_draft(corpus_library, "Crash", "1")
    path = corpus_library.path
    corpus_library.close()
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, str(script), path, str(draft.id)], stdout=subprocess.PIPE,
                            text=True, env=env, cwd=ROOT)
    edits: list[tuple[int, float]] = []
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            n, t = line.split()
            edits.append((int(n), float(t)))
            if n == "120":  # about 2.4 s of typing
                break
    finally:
        proc.send_signal(signal.SIGKILL)
        killed_at = time.monotonic()
        proc.wait()
    assert len(edits) == 120
    lib = Library(path)
    try:
        assert lib.integrity_check() == "ok"
        text = next(s.text for s in svc.get_draft(lib, draft.id).head if s.label == "5(a)")
    finally:
        lib.close()
    stored = int(text.split("]")[0].removeprefix("[edit "))
    must_have = max(n for n, t in edits if t <= killed_at - 1.0)
    assert stored >= must_have
