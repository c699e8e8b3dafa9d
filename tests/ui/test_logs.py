"""The log file in the user's log folder, and the hooks that turn an error nobody caught into
one line for the person and a traceback in the log, never on the console."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from ui.logs import install_hooks, log_path, start_logging


@pytest.fixture
def log_file():
    path = start_logging()
    yield path
    root = logging.getLogger()
    for h in [h for h in root.handlers if h.get_name() == "concord-file"]:
        root.removeHandler(h)
        h.close()


def _read(path) -> str:
    for h in logging.getLogger().handlers:
        h.flush()
    return path.read_text(encoding="utf-8")


def test_the_log_is_in_the_users_log_folder_and_rotates(log_file):
    assert log_file == log_path() and log_file.name == "concord.log"
    assert "Concord" in log_file.parts  # under the platform's user log folder (a temporary HOME here)
    assert start_logging() == log_file  # once: a second call adds no second handler
    assert sum(h.get_name() == "concord-file" for h in logging.getLogger().handlers) == 1
    logging.getLogger("ui.test").warning("a line for the log")
    assert "WARNING" in _read(log_file) and "ui.test: a line for the log" in _read(log_file)
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "concord-file")
    assert handler.maxBytes > 0 and handler.backupCount > 0


def test_an_error_in_a_thread_is_one_line_for_the_person_and_a_traceback_in_the_log(log_file, capfd):
    said: list[str] = []
    undo = install_hooks(said.append)
    try:
        worker = threading.Thread(target=lambda: 1 / 0)
        worker.start()
        worker.join()
    finally:
        undo()
    assert said == [f"Something went wrong while working: division by zero (details in {log_file})"]
    text = _read(log_file)
    assert "Traceback" in text and "ZeroDivisionError" in text
    assert "Traceback" not in capfd.readouterr().err


def test_an_error_in_a_qt_slot_goes_the_same_way(qtbot, log_file, capfd):
    said: list[str] = []

    def broken_slot() -> None:
        raise KeyError("5(z)")

    undo = install_hooks(said.append)
    try:
        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: bool(said), timeout=5000)
    finally:
        undo()
    assert said[0].startswith("Something went wrong while working: '5(z)' (details in ")
    assert "KeyError" in _read(log_file)
    assert "Traceback" not in capfd.readouterr().err


def test_the_window_shows_the_line_once(window):
    window.unexpected_error.emit("Something went wrong while working: boom (details in x.log)")
    window.unexpected_error.emit("Something went wrong while working: again (details in x.log)")  # no pile of boxes
    boxes = [b for b in window.findChildren(QMessageBox) if b.objectName() == "unexpected-error" and b.isVisible()]
    assert [b.text() for b in boxes] == ["Something went wrong while working: boom (details in x.log)"]
    for b in boxes:
        b.close()
