"""What a person sees: the import summary, the similar-language table, a bracket in a
selected draft row, the filter box's placeholder on a dark palette. Pictures are saved
with the test's files for review."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

from app.drafts import Replacement
from app.services import drafts as svc
from ui.drafting import DraftEditor

SMALL = """Conclusions on children and armed conflict in the Sudan

1. The Working Group met on the Sudan and welcomed the report.
"""


def _shots(tmp_path: Path) -> Path:
    where = Path(os.environ["CONCORD_SHOTS"]) if os.environ.get("CONCORD_SHOTS") else tmp_path
    where.mkdir(parents=True, exist_ok=True)
    return where


def test_import_summary_picture(window, qtbot, tmp_path):
    good = tmp_path / "sudan.txt"
    good.write_text(SMALL, encoding="utf-8")
    controller = window.import_paths([str(good)])
    with qtbot.waitSignal(controller.finished, timeout=20000):
        pass
    dialog = window.last_dialog
    qtbot.waitExposed(dialog)
    assert dialog.grab().save(str(_shots(tmp_path) / "import-summary.png"))


def test_similar_language_picture(window, qtbot, tmp_path):
    reader = window.open_document(1)
    reader.go_to_label("5(r)")
    job = window.find_similar(reader.selected_passage())
    qtbot.waitUntil(lambda: job.done.is_set() and window.last_dialog is not None, timeout=20000)
    dialog = window.last_dialog
    qtbot.waitExposed(dialog)
    qtbot.wait(50)
    assert dialog.grab().save(str(_shots(tmp_path) / "similar-language.png"))
    table = dialog.view
    # the text wraps inside the table: nothing to scroll sideways, every row tall enough
    assert table.horizontalHeader().length() <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()
    text_col = table.model().columnCount() - 1
    assert table.model().headerData(text_col, Qt.Orientation.Horizontal) == "Text"
    assert table.columnWidth(text_col) > table.viewport().width() // 2
    line = table.fontMetrics().lineSpacing()
    for r in range(table.model().rowCount()):
        text = table.model().index(r, text_col).data()
        needed = table.fontMetrics().horizontalAdvance(text) / table.columnWidth(text_col)
        assert table.rowHeight(r) >= line * min(needed, 3)


def test_selected_draft_row_picture(qtbot, corpus_library, session, tmp_path):
    draft = svc.new_draft(corpus_library, "Burkina Faso", "1", [Replacement("Mali", "Burkina Faso")])
    ed = DraftEditor(session, draft.id)
    qtbot.addWidget(ed)
    ed.resize(1200, 700)
    ed.show()
    i = [s.label for s in ed.segments].index("5(n)")
    ed.set_text(i, "[Strongly] condemns " + ed.segments[i].text)
    ed.set_current_row(i)
    qtbot.wait(250)  # rows refit 100 ms after the columns settle
    assert ed.grab().save(str(_shots(tmp_path) / "draft-selected-bracket.png"))


def _light() -> QPalette:
    return QApplication.style().standardPalette()


def _dark() -> QPalette:
    from test_screenshots import _dark_palette

    return _dark_palette()


@pytest.mark.parametrize("palette", [_light, _dark], ids=["light", "dark"])
@pytest.mark.parametrize("selected", [False, True], ids=["plain", "selected"])
def test_brackets_read_in_every_row(qapp, palette, selected):
    """Bracketed text keeps a contrast of 4.5 or more on its amber, selected or not, light
    or dark; the rest is in the row's own colours (the palette's choice)."""
    from ui.drafting.delegate import TextDelegate
    from ui.views.textpaint import contrast

    delegate = TextDelegate()
    opt = QStyleOptionViewItem()
    opt.palette = palette()
    if selected:
        opt.state |= QStyle.StateFlag.State_Selected
    row_bg = opt.palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base)
    text = "Strongly [condemns [firmly]] the attacks"
    doc = delegate._document(opt, text, 500)
    seen = 0
    block = doc.begin()
    it = block.begin()
    while not it.atEnd():
        frag = it.fragment()
        fmt = frag.charFormat()
        fg = fmt.foreground().color() if fmt.foreground().style() != Qt.BrushStyle.NoBrush else delegate.ink(opt)
        bg = fmt.background().color() if fmt.background().style() != Qt.BrushStyle.NoBrush else row_bg
        if "[" in frag.text():
            assert contrast(fg, bg) >= 4.5, (frag.text(), fg.name(), bg.name())
        else:
            assert (fg, bg) == (delegate.ink(opt), row_bg)
        seen += len(frag.text())
        it += 1
    assert seen == len(text)


def test_placeholder_reads_on_a_dark_palette(window, qtbot):
    from ui.views.textpaint import contrast

    box = window.panel.filter
    QApplication.setPalette(_dark())
    try:
        qtbot.wait(10)
        pal = box.palette()
        assert pal.color(QPalette.ColorRole.Base) == QColor("#1e1e1e")  # the dark palette reached the box
        placeholder = pal.color(QPalette.ColorRole.PlaceholderText)
        assert placeholder.alpha() == 255 and contrast(placeholder, pal.color(QPalette.ColorRole.Base)) >= 4.5
    finally:
        QApplication.setPalette(_light())
    pal = box.palette()
    assert contrast(pal.color(QPalette.ColorRole.PlaceholderText), pal.color(QPalette.ColorRole.Base)) >= 4.5
