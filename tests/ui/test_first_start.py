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


def test_the_next_start_reopens_the_tabs_and_the_theme(qtbot, tmp_path):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from app.services.library import passage_of
    from ui import settings as S
    from ui.commands.view_menu import apply_theme
    from ui.views.comparison import ComparisonView

    path = str(tmp_path / "lib.sqlite")
    app, window = build_window(path, hooks=False)
    qtbot.addWidget(window)
    present(window)
    doc = window.library.get_document(1)
    window.open_comparison(passage_of(doc, "5(n)", "5(v)"), passage_of(doc, "7(a)", "7(i)"))
    window.view.set_theme("dark")
    window.close()
    try:
        app, again = build_window(path, hooks=False)
        qtbot.addWidget(again)
        present(again)
        assert [type(w) for w in again.tab_widgets()] == [ReaderView, ComparisonView]
        assert isinstance(again.current_tab(), ComparisonView)
        assert S.THEME.get() == "dark"
        assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 80
        again.close()
    finally:
        apply_theme("system")
