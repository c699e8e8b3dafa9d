"""The main window: library panel, tabs, import, settings, errors from workers."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from app.errors import ExportError
from ui import settings as S
from ui.main_window import MainWindow
from ui.views.reader import ReaderView
from ui.workers import Job

SMALL = """Conclusions on children and armed conflict in the Sudan

1. The Working Group met on the Sudan and welcomed the report.

2. The members of the Working Group <img src="http://example.invalid/x.png"> expressed concern.
"""


def _error_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_window_lists_documents_and_opens_a_reader(window, qtbot, tmp_path):
    # Offscreen Qt with no font installed draws empty boxes: make sure a real family exists.
    assert QFontDatabase.families()
    assert window.panel.proxy.rowCount() == 1
    assert window.statusBar().currentMessage().endswith(" — 1 document, 106 segments")
    window.panel.tree.setCurrentIndex(window.panel.proxy.index(0, 0))
    window.panel.tree.setFocus()
    qtbot.keyClick(window.panel.tree, Qt.Key.Key_Return)
    reader = window.current_reader()
    assert isinstance(reader, ReaderView) and reader.document.id == 1
    labels = [reader.model.index(r).data(Qt.ItemDataRole.UserRole + 2) for r in range(reader.model.rowCount())]
    assert "5(n)" in labels and "annex-17" in labels
    assert window.open_document(1) is reader and window.tabs.count() == 1  # reused
    assert window.grab().save(str(Path(tmp_path) / "main.png"))


def test_import_with_progress_and_a_failing_file(window, qtbot, tmp_path, corpus_path):
    good = tmp_path / "sudan.txt"
    good.write_text(SMALL, encoding="utf-8")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 this is not really a PDF")
    seen: list[tuple[int, int, str]] = []
    controller = window.import_paths([str(good), str(broken), str(corpus_path)])
    controller.job.signals.progress.connect(lambda d, t, n: seen.append((d, t, n)))
    with qtbot.waitSignal(controller.finished, timeout=20000) as blocker:
        pass
    results = blocker.args[0]
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].error.startswith("broken.pdf")
    assert results[2].duplicate_of == 1
    assert controller.progress.maximum() == 3
    summary = window.last_dialog
    assert summary.model.counts() == {"imported": 1, "duplicate": 1, "failed": 1}
    assert summary.windowTitle() == "Import complete"
    assert summary.headline.text() == "Import complete, 3 files read: 1 imported, 1 already in the library, 1 failed."
    assert window.panel.proxy.rowCount() == 2
    assert "2 documents" in window.statusBar().currentMessage()


def test_an_import_that_ran_to_the_end_is_not_called_cancelled(window, qtbot, tmp_path):
    good = tmp_path / "sudan.txt"
    good.write_text(SMALL, encoding="utf-8")
    controller = window.import_paths([str(good)])
    with qtbot.waitSignal(controller.finished, timeout=20000):
        pass
    summary = window.last_dialog
    assert not controller.cancelled and not controller.job.is_cancelled()
    assert summary.windowTitle() == "Import complete"
    assert summary.headline.text() == "Import complete, 1 file read: 1 imported, 0 already in the library, 0 failed."
    assert "cancel" not in (summary.windowTitle() + summary.headline.text()).lower()
    assert not controller.progress.isVisible()


def test_cancelling_during_an_import_says_so(window, qtbot, tmp_path):
    paths = []
    for n, place in enumerate(("the Sudan", "Chad", "Niger")):
        f = tmp_path / f"doc{n}.txt"
        f.write_text(SMALL.replace("the Sudan", place), encoding="utf-8")
        paths.append(str(f))
    # Keep the write lane busy while the import is wired up, so that it cannot start first.
    busy = threading.Event()
    window.session.lane.submit(Job(lambda job: busy.wait(10), "waiting"))
    controller = window.import_paths(paths)
    # The worker waits, on reaching the second file, until the person has pressed Cancel.
    # The press is connected first: Qt calls slots in the order they were connected, so the
    # press is queued for the UI thread before the worker starts waiting for it.
    pressed = threading.Event()
    controller.job.signals.progress.connect(
        lambda done, total, name: done == 1 and (controller.progress.findChild(QPushButton).click(), pressed.set()))
    controller.job.signals.progress.connect(
        lambda done, total, name: done == 1 and pressed.wait(10), Qt.ConnectionType.DirectConnection)
    busy.set()
    with qtbot.waitSignal(controller.finished, timeout=20000) as blocker:
        pass
    assert len(blocker.args[0]) == 2 and controller.cancelled
    summary = window.last_dialog
    assert summary.windowTitle() == "Import cancelled"
    assert summary.headline.text() == "Import cancelled after 2 of 3 files: 2 imported, 0 already in the library, 0 failed."


def test_dropping_files_imports_them(window, qtbot, tmp_path):
    good = tmp_path / "sudan.txt"
    good.write_text(SMALL, encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(good))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.panel.proxy.rowCount() == 2, timeout=20000)


def test_markup_in_a_document_is_shown_literally(window, qtbot, tmp_path):
    good = tmp_path / "sudan.txt"
    good.write_text(SMALL, encoding="utf-8")
    window.import_paths([str(good)])
    qtbot.waitUntil(lambda: window.panel.proxy.rowCount() == 2, timeout=20000)
    doc_id = max(d.id for d in window.library.list_documents())
    reader = window.open_document(doc_id)
    row = reader.model.row_of_label("2")
    block = reader.delegate._block(reader.model.index(row))
    assert '<img src="http://example.invalid/x.png">' in block.layout.text()
    assert reader.title.textFormat() == Qt.TextFormat.PlainText
    reader.select_rows(row)
    reader.copy_with_label()
    assert QApplication.clipboard().text().startswith('2 The members of the Working Group <img src=')


def test_worker_error_becomes_a_dialog(window, qtbot):
    def boom(job):
        raise RuntimeError("disk on fire")

    job = Job(boom, "reading the disk")
    job.signals.failed.connect(lambda msg: __import__("ui.dialogs.errors", fromlist=["x"]).show_error(window, "Failed", msg))
    with qtbot.waitSignal(job.signals.failed, timeout=5000) as blocker:
        window.runner.start(job)
    assert blocker.args[0] == "Something went wrong while reading the disk: disk on fire"
    qtbot.waitUntil(lambda: any("disk on fire" in b.text() for b in _error_boxes()))
    for b in _error_boxes():
        assert b.textFormat() == Qt.TextFormat.PlainText
        b.close()


@pytest.mark.parametrize(("error", "message"), [
    # a ConcordError is written for a person: its message alone
    (ExportError("out.docx: the folder /x does not exist"), "out.docx: the folder /x does not exist"),
    # anything else: a sentence, no Python class name
    (KeyError("5(z)"), "Something went wrong while comparing: '5(z)'"),
    (ValueError(""), "Something went wrong while comparing."),
    (OSError(28, "No space left on device"), "Something went wrong while comparing: [Errno 28] No space left on device"),
])
def test_worker_error_messages(window, qtbot, error, message):
    def fail(job):
        raise error

    job = Job(fail, "comparing")
    with qtbot.waitSignal(job.signals.failed, timeout=5000) as blocker:
        window.runner.start(job)
    assert blocker.args[0] == message


def test_window_state_and_library_persist(qtbot, corpus_library, tmp_path):
    w = MainWindow(corpus_library)
    qtbot.addWidget(w)
    w.show()
    w.resize(760, 540)
    w.splitter.setSizes([200, 560])
    w.close()
    assert S.LAST_LIBRARY.get() == corpus_library.path
    assert not S.WINDOW_GEOMETRY.get().isEmpty()
    again = MainWindow(corpus_library)
    qtbot.addWidget(again)
    again.show()
    assert again.size().width() == 760
    assert abs(again.splitter.sizes()[0] - 200) <= 2


def test_switching_library(window, qtbot, tmp_path):
    assert window.switch_library(str(tmp_path / "other.sqlite"))
    assert window.panel.proxy.rowCount() == 0
    assert "0 documents" in window.statusBar().currentMessage()
    bad = tmp_path / "not-a-library.sqlite"
    bad.write_bytes(b"this is not sqlite" * 100)
    assert not window.switch_library(str(bad))
    assert any("not a Concord library" in b.text() for b in _error_boxes())
    for b in _error_boxes():
        b.close()


def test_every_menu_action_has_a_shortcut(window):
    # A key the widgets handle themselves (Undo, Copy, F2 in the library) is shown after a tab,
    # as Qt shows a shortcut; an About box and a submenu have none by convention.
    for menu_action in window.menuBar().actions():
        for a in menu_action.menu().actions():
            if a.isSeparator() or not a.isVisible() or a.menu() is not None:
                continue
            assert not a.shortcut().isEmpty() or "\t" in a.text() or a.text() == "&About Concord", a.text()
