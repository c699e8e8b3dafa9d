"""Screenshots for the README: the main window, the reader, the comparison of 5(n)..5(v)
with 7(a)..7(i). Also a dark-palette comparison, kept with the test's files for review."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from app.services.library import passage_of

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _dark_palette() -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e", QPalette.ColorRole.AlternateBase: "#2a2a2a",
        QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#333333",
        QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.Highlight: "#3d7bd9",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#333333",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
    }
    for role, color in roles.items():
        p.setColor(role, QColor(color))
    return p


def _settle(qtbot) -> None:
    qtbot.wait(50)
    QApplication.processEvents()


def test_screenshots(window, qtbot, wait_rows, tmp_path):
    # `make screenshots` (CONCORD_SCREENSHOTS=1) refreshes the README's pictures; a plain
    # test run writes them to a temporary folder and leaves the checkout clean.
    shots = SHOTS if os.environ.get("CONCORD_SCREENSHOTS") else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    window.resize(1400, 860)
    tree = window.panel.tree
    tree.expand(window.panel.proxy.index(0, 0))
    reader = window.open_document(1)
    reader.go_to_label("5(n)")
    reader.list.scrollTo(reader.model.index(reader.model.row_of_label("5")), reader.list.ScrollHint.PositionAtTop)
    _settle(qtbot)
    assert window.grab().save(str(shots / "main-window.png"))

    reader.go_to_label("7", "7(b)")
    reader.open_find()
    reader.find_bar.edit.setText("Government of Mali")
    reader.go_to_label("7")
    _settle(qtbot)
    assert window.tabs.grab().save(str(shots / "reader.png"))

    doc = reader.document
    view = wait_rows(window.open_comparison(passage_of(doc, "5(n)", "5(v)"), passage_of(doc, "7(a)", "7(i)")))
    view.next_change()
    view.next_change()  # 5(p) / 7(c), the pair that differs most
    _settle(qtbot)
    assert window.grab().save(str(shots / "comparison.png"))

    QApplication.setPalette(_dark_palette())
    try:
        _settle(qtbot)
        assert window.grab().save(str(tmp_path / "comparison-dark.png"))
    finally:
        QApplication.setPalette(QApplication.style().standardPalette())
    for name in ("main-window.png", "reader.png", "comparison.png"):
        assert (shots / name).stat().st_size > 20_000  # a real picture, not an empty window
