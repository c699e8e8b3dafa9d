"""UI fixtures: settings in a fresh file per test, a main window on the corpus library."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _settings_file(tmp_path):
    """Qt caches the user's settings path per process: give each test its own INI file."""
    from ui.settings import use_settings_file

    use_settings_file(str(tmp_path / "settings.ini"))
    yield
    use_settings_file(None)


@pytest.fixture
def window(qtbot, corpus_library):
    from ui.main_window import MainWindow

    w = MainWindow(corpus_library)
    qtbot.addWidget(w)
    w.resize(1300, 820)
    w.show()
    yield w
    w.runner.shutdown()


@pytest.fixture
def wait_rows(qtbot):
    """Wait until a comparison view has its rows (the engine runs on a worker)."""

    def wait(view, timeout: int = 10000):
        qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=timeout)
        return view

    return wait
