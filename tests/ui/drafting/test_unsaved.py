"""Nothing typed is lost silently: a full disk or a held lock shows "Not saved: <why>", the
text stays in the editor, it is saved once the fault clears, and closing asks first."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import app.store.library as store_library
from app.errors import LibraryFull
from app.parse import parse_file
from app.services import drafts as svc
from app.store import Library
from ui.drafting import DraftEditor
from ui.drafting.unsaved import UnsavedQuestion
from ui.main_window import MainWindow
from ui.session import Session

SHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"
TYPED = "Strongly condemning, in the strongest terms, every grave violation against children"
FULL = "the disk is full; nothing of this change was stored"


class FullDisk:
    """The library on a disk that is full while `full` is set (drafts' autosaves fail)."""

    def __init__(self, inner: Library) -> None:
        self.inner = inner
        self.full = True
        self.save_threads: list[str] = []

    def save_head(self, draft_id, segments, base=None):
        self.save_threads.append(threading.current_thread().name)
        if self.full:
            raise LibraryFull(f"{self.inner.location}: {FULL}")
        return self.inner.save_head(draft_id, segments, base)

    def __getattr__(self, name):
        return getattr(self.inner, name)


def _shots(tmp_path: Path) -> Path:
    shots = SHOTS if os.environ.get("CONCORD_SCREENSHOTS") else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    return shots


def _stored_text(path: str, draft_id: int, row: int) -> str:
    lib = Library(path)
    try:
        return lib.get_draft(draft_id).head[row].text
    finally:
        lib.close()


def _editor(qtbot, session: Session, draft_id: int) -> DraftEditor:
    ed = DraftEditor(session, draft_id)
    qtbot.addWidget(ed)
    ed.retry_timer.setInterval(200)  # the tests need not wait the real RETRY_MS
    ed.resize(1300, 700)
    ed.show()
    return ed


def _type_and_fail(qtbot, ed: DraftEditor, row: int, text: str) -> str:
    ed.set_current_row(row)
    with qtbot.waitSignal(ed.save_failed, timeout=15000) as failed:
        ed.set_text(row, text)
    return failed.args[0]


def test_a_full_disk_says_not_saved_and_the_text_is_saved_once_there_is_room(qtbot, corpus_library, tmp_path):
    draft = svc.new_draft(corpus_library, "Burkina Faso", "1")
    store = FullDisk(corpus_library)
    session = Session(store)
    ed = _editor(qtbot, session, draft.id)
    row = [s.label for s in ed.segments].index("5(a)")
    before = ed.segments[row].text

    assert _type_and_fail(qtbot, ed, row, TYPED) == FULL
    assert ed.save_banner.isVisible() and ed.save_banner.text().startswith(f"Not saved: {FULL}.")
    assert ed.saved_label.text() == "Not saved" and ed.dirty
    assert all(name != threading.main_thread().name for name in store.save_threads)  # off the UI thread
    assert ed.segments[row].text == TYPED  # still in the editor...
    assert _stored_text(corpus_library.path, draft.id, row) == before  # ...and the library unchanged
    qtbot.wait(50)
    assert ed.grab().save(str(_shots(tmp_path) / "draft-not-saved.png"))

    tries = len(store.save_threads)
    qtbot.waitUntil(lambda: len(store.save_threads) > tries, timeout=5000)  # it keeps trying
    store.full = False
    with qtbot.waitSignal(ed.autosaved, timeout=5000):
        pass
    assert not ed.save_banner.isVisible() and ed.saved_label.text().startswith("Saved ") and not ed.dirty
    assert _stored_text(corpus_library.path, draft.id, row) == TYPED
    session.shutdown()


def test_sqlite_running_out_of_pages_is_a_full_disk_too(qtbot, corpus_library):
    draft = svc.new_draft(corpus_library, "Burkina Faso", "1")
    session = Session(corpus_library)
    ed = _editor(qtbot, session, draft.id)
    row = [s.label for s in ed.segments].index("5(b)")
    before = ed.segments[row].text

    def cap_pages(lib: Library) -> None:  # on the lane's own connection, where the writes happen
        pages = lib.db.execute("PRAGMA page_count").fetchone()[0]
        lib.db.execute(f"PRAGMA max_page_count = {pages}")

    session.write_now(cap_pages)
    long_text = " ".join([TYPED] * 60)  # needs pages the file may not grow to
    assert _type_and_fail(qtbot, ed, row, long_text) == FULL
    assert ed.save_banner.text().startswith(f"Not saved: {FULL}.")
    assert ed.segments[row].text == long_text
    assert _stored_text(corpus_library.path, draft.id, row) == before

    with qtbot.waitSignal(ed.autosaved, timeout=5000):
        session.write_now(lambda lib: lib.db.execute("PRAGMA max_page_count = 1073741823"))
    assert _stored_text(corpus_library.path, draft.id, row) == long_text
    session.shutdown()


def test_another_program_holding_the_lock_says_not_saved_until_it_lets_go(qtbot, corpus_library, monkeypatch):
    draft = svc.new_draft(corpus_library, "Burkina Faso", "1")
    monkeypatch.setattr(store_library, "LOCK_TIMEOUT_S", 0.2)  # before the lane opens its connection
    session = Session(corpus_library)
    ed = _editor(qtbot, session, draft.id)
    row = [s.label for s in ed.segments].index("5(c)")
    before = ed.segments[row].text
    other = sqlite3.connect(corpus_library.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        reason = _type_and_fail(qtbot, ed, row, TYPED)
        assert reason == "another program holds the library locked; try again in a moment"
        assert ed.save_banner.text().startswith(f"Not saved: {reason}.")
        assert ed.segments[row].text == TYPED
        assert _stored_text(corpus_library.path, draft.id, row) == before  # a reader is not held back
    finally:
        other.execute("ROLLBACK")
        other.close()
    with qtbot.waitSignal(ed.autosaved, timeout=5000):
        pass
    assert _stored_text(corpus_library.path, draft.id, row) == TYPED
    session.shutdown()


@pytest.fixture
def failing_window(qtbot, corpus_library):
    """The main window on a full disk, a draft open in it with a change it could not save."""
    draft = svc.new_draft(corpus_library, "Burkina Faso", "1")
    store = FullDisk(corpus_library)
    window = MainWindow(Session(store))
    qtbot.addWidget(window)
    window.resize(1300, 820)
    window.show()
    editor = window.drafts.open_draft(draft.id)
    editor.retry_timer.setInterval(200)
    row = [s.label for s in editor.segments].index("5(a)")
    _type_and_fail(qtbot, editor, row, TYPED)
    yield window, editor, store, row
    store.full = False
    window.session.shutdown()


def _answer(qtbot, button: str, shot: Path | None = None) -> list[str]:
    """Press `button` of the question as soon as it is asked; returns what it said."""
    said: list[str] = []

    def press() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, UnsavedQuestion) and w.isVisible()]
        if not boxes:
            QTimer.singleShot(20, press)
            return
        box = boxes[0]
        said.append(f"{box.text()}\n{box.informativeText()}")
        if shot is not None:
            box.grab().save(str(shot))
        getattr(box, button).click()

    QTimer.singleShot(0, press)
    return said


def test_closing_with_unsaved_edits_asks_and_cancel_keeps_the_window(qtbot, failing_window, tmp_path):
    window, editor, store, row = failing_window
    said = _answer(qtbot, "cancel", _shots(tmp_path) / "draft-unsaved-question.png")
    window.close()
    assert said and f"Not saved: {FULL}." in said[0] and "Burkina Faso" in said[0]
    assert window.isVisible() and editor.segments[row].text == TYPED  # nothing thrown away

    # Save Again once there is room: the window closes and the text is in the library.
    store.full = False
    said = _answer(qtbot, "again")
    window.close()
    assert not window.isVisible()
    assert _stored_text(store.location, editor.draft_id, row) == TYPED


def test_closing_saves_to_a_file_the_person_chooses(qtbot, failing_window, tmp_path, monkeypatch):
    window, editor, store, row = failing_window
    out = tmp_path / "kept.docx"
    monkeypatch.setattr("ui.drafting.unsaved.choose_file", lambda editor, parent: str(out))
    said = _answer(qtbot, "to_file")
    window.close()
    assert said and not window.isVisible()
    kept = parse_file(out)  # our own reader takes it back: Drafts > Import Word File as Draft
    assert kept.segment("5(a)").text == TYPED
    assert _stored_text(store.location, editor.draft_id, row) != TYPED  # the library never had it


def test_closing_a_tab_and_discarding(qtbot, failing_window):
    window, editor, store, row = failing_window
    said = _answer(qtbot, "discard")
    assert window.close_tab(window.tabs.indexOf(editor))
    assert said and window.tabs.count() == 0
    assert _stored_text(store.location, editor.draft_id, row) != TYPED
