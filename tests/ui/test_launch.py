"""`concord`: the desktop application with no command or `gui`, the CLI otherwise."""

from __future__ import annotations

import logging
import sys
import threading

import pytest

import ui.launch as launch
from app.resources import APP_ID


def test_no_command_opens_the_gui(monkeypatch):
    opened = []
    monkeypatch.setattr(launch, "cmd_gui", lambda args: opened.append((args.db, args.check)) or 0)
    assert launch.main([]) == 0
    assert launch.main(["--db", "other.sqlite", "gui"]) == 0
    assert opened == [(None, False), ("other.sqlite", False)]


def test_other_commands_go_to_the_cli(tmp_path, corpus_path, capsys):
    db = str(tmp_path / "lib.sqlite")
    assert launch.main(["--db", db, "import", str(corpus_path)]) == 0
    assert launch.main(["--db", db, "list"]) == 0
    assert "Conclusions on children and armed conflict in Mali" in capsys.readouterr().out


def test_help_lists_gui_with_the_cli_commands(capsys):
    with pytest.raises(SystemExit) as exit_:
        launch.main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "gui " in out and "open the desktop application" in out
    assert "import " in out and "compare " in out


@pytest.fixture
def gui_hooks(monkeypatch):
    """The GUI installs its log file and error hooks for the process: undo them after."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    yield
    root = logging.getLogger()
    for h in [h for h in root.handlers if h.get_name() == "concord-file"]:
        root.removeHandler(h)
        h.close()


def test_gui_check_shows_the_main_window_and_says_what_it_shows(qtbot, tmp_path, capsys, gui_hooks):
    from PySide6.QtWidgets import QApplication

    assert launch.main(["--db", str(tmp_path / "new.sqlite"), "gui", "--check"]) == 0
    title, status, tabs, icon = capsys.readouterr().out.strip().split(" | ")
    assert title == "shown: Concord — new.sqlite"
    assert status == f"{tmp_path / 'new.sqlite'} — 1 document, 106 segments"
    assert tabs == "tabs: Mali"
    assert icon == "icon: 16, 32, 48, 64, 128, 256"
    assert QApplication.desktopFileName() == APP_ID


def test_a_library_that_cannot_open_is_one_line_and_status_1(tmp_path, capsys, gui_hooks):
    missing = tmp_path / "no-such-folder" / "lib.sqlite"
    assert launch.main(["--db", str(missing), "gui"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("concord: ") and len(err.strip().splitlines()) == 1
