"""Global search (Ctrl+K) and find in document (Ctrl+F)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.models.roles import Role


def test_global_search_highlights_and_opens_the_paragraph(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = window.search_dialog
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.results_shown, timeout=10000) as blocker:
        qtbot.keyClicks(dialog.edit, "Safe Schools Declaration")
    assert blocker.args[0] >= 2
    first = dialog.model.index(0)
    text = first.data()
    assert {text[a:b].lower() for a, b in first.data(Role.SPANS)} <= {"safe", "schools", "declaration"}
    hit = dialog.model.hits[0]
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    reader = window.current_reader()
    assert reader is not None and reader.selected_rows() == [hit.position]


def test_search_with_markup_and_no_hits(window, qtbot):
    dialog = window.search_dialog
    dialog.open_search()
    with qtbot.waitSignal(dialog.results_shown, timeout=10000) as blocker:
        dialog.edit.setText('<img src="x"> 5(n) "unbalanced')
        dialog.run_search()
    assert blocker.args[0] == 0 and dialog.status.text() == "no paragraph matches"


def test_find_in_document(window, qtbot):
    reader = window.open_document(1)
    reader.list.setFocus()
    qtbot.keyClick(reader.list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert reader.find_bar.isVisible() and reader.find_bar.edit.hasFocus()
    qtbot.keyClicks(reader.find_bar.edit, "deprivation of liberty")
    assert reader.find_bar.status.text().startswith("1 of ")
    first = reader.selected_rows()
    qtbot.keyClick(reader.find_bar.edit, Qt.Key.Key_Return)
    assert reader.selected_rows() != first and reader.find_bar.status.text().startswith("2 of ")
    labels = {reader.document.segments[r].label for r in reader._matches}
    assert {"5(h)", "5(r)", "7(e)"} <= labels
    qtbot.keyClick(reader.find_bar.edit, Qt.Key.Key_Escape)
    assert not reader.find_bar.isVisible()
