"""What a person sees when Concord starts: the window fits the screen, the newest
document is open in the reader, not an empty pane."""

from __future__ import annotations

from ui.main import build_window, present
from ui.views.reader import ReaderView


def test_first_start_opens_the_sample_in_the_reader_and_fits_the_screen(qtbot, tmp_path):
    app, window = build_window(str(tmp_path / "new.sqlite"), hooks=False)
    qtbot.addWidget(window)
    present(window)
    reader = window.tabs.currentWidget()
    assert isinstance(reader, ReaderView)
    assert reader.document.situation == "Mali"
    assert window.tabs.tabText(window.tabs.currentIndex()).startswith("Mali")
    available = window.screen().availableGeometry()
    assert window.width() <= available.width() and window.height() <= available.height()
    assert window.grab().save(str(tmp_path / "first-start.png"))
    window.runner.shutdown()
