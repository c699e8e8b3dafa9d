"""Help > About Concord: the version from pyproject.toml and the library in use."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app.version import version
from ui.dialogs.about import AboutDialog


def about_action(window):
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    return next(a for a in help_menu.actions() if a.text() == "&About Concord")


def test_about_box_from_the_help_menu_names_version_and_library(window, qtbot, tmp_path):
    about_action(window).trigger()
    dialog = window.last_dialog
    assert isinstance(dialog, AboutDialog) and dialog.isVisible()
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert texts[0] == f"Concord {version()}"
    assert f"Library: {window.library.location}" in texts
    assert any(t.startswith("Python 3.") and ", Qt 6." in t for t in texts)
    icon = next(label for label in dialog.findChildren(QLabel) if not label.pixmap().isNull())
    assert icon.pixmap().width() == 64
    assert dialog.grab().save(str(tmp_path / "about.png"))
    dialog.close()
