"""Clause history: every version of 5(h) by meeting date, each against the version it follows;
choosing one opens the reader; a clause typed in."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from ui.models.history_model import (
    DATE_COL,
    DOCUMENT_COL,
    FOLLOWS_COL,
    LABEL_COL,
    TEXT_COL,
    ClauseHistoryModel,
)
from ui.models.roles import Role
from ui.views.clause_history import ClauseHistoryView
from ui.views.comparison import ComparisonView
from ui.views.reader import ReaderView

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _rows(view: ClauseHistoryView) -> list[tuple[str, str, str]]:
    m = view.model
    return [(m.index(r, DATE_COL).data(), m.index(r, DOCUMENT_COL).data(), m.index(r, LABEL_COL).data())
            for r in range(m.rowCount())]


def test_history_of_5h_in_date_order(derived_window, wait_ready, qtmodeltester, qtbot, tmp_path):
    window = derived_window
    reader = window.open_document(1)
    reader.go_to_label("5(h)")
    reader.history_action.trigger()  # Ctrl+Shift+Y, also in the context menu
    view = wait_ready(window.tabs.currentWidget())
    assert isinstance(view, ClauseHistoryView)
    qtmodeltester.check(view.model, force_py=True)
    rows = _rows(view)
    dates = [d for d, _, _ in rows]
    assert dates == sorted(dates) and dates[0] == "2020-11-20" and dates[-1] == "2022-03-01"
    assert rows[0] == ("2020-11-20", "Mali", "5(h)") and ("2022-03-01", "Burkina Faso", "5(h)") in rows
    assert view.model.index(0, 0).data(Role.CURRENT)  # the clause asked for, selected
    assert view.table.currentIndex().row() == 0

    # Burkina Faso 5(h) follows Mali 5(h): "grave" struck, "deep" added.
    r = rows.index(("2022-03-01", "Burkina Faso", "5(h)"))
    entry = view.model.entries[r]
    assert view.model.entries[entry.previous].source.label == "5(h)" and entry.changed
    text = view.model.index(r, TEXT_COL).data()
    changes = [(op, text[a:b]) for a, b, op in view.model.index(r, TEXT_COL).data(Role.SPANS)]
    assert ("delete", "grave") in changes and ("insert", "deep") in changes
    assert "follows Mali 2020 5(h), changed" in view.model.index(r, DATE_COL).data(Qt.ItemDataRole.AccessibleTextRole)
    # Burkina Faso 5(r) repeats Mali's 5(r) unchanged: nothing painted.
    assert view.model.index(r, FOLLOWS_COL).data() == "Mali 2020 5(h)"
    same = rows.index(("2022-03-01", "Burkina Faso", "5(r)"))
    assert not view.model.entries[same].changed and view.model.index(same, TEXT_COL).data(Role.SPANS) == ()
    assert view.model.index(same, FOLLOWS_COL).data() == "Mali 2020 5(r)\nunchanged"
    assert view.model.index(1, FOLLOWS_COL).data() == "5(h)"  # Mali 5(r) against Mali 5(h), same document
    assert "versions in 2 documents, 2020-11-20 to 2022-03-01" in view.summary.text()

    view.table.setCurrentIndex(view.model.index(r, TEXT_COL))
    qtbot.wait(50)
    view.table.scrollTo(view.model.index(r, 0), view.table.ScrollHint.PositionAtBottom)
    qtbot.wait(50)
    shots = SHOTS if os.environ.get("CONCORD_SCREENSHOTS") else tmp_path  # as test_screenshots
    shots.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(shots / "clause-history.png"))
    assert (shots / "clause-history.png").stat().st_size > 20_000

    view.compare_action.trigger()  # against the version it follows
    cmp = window.tabs.currentWidget()
    assert isinstance(cmp, ComparisonView)
    assert (cmp.left.document.id, cmp.left.start, cmp.right.document.id, cmp.right.start) == (1, "5(h)", 2, "5(h)")

    window.tabs.setCurrentWidget(view)
    view.table.setCurrentIndex(view.model.index(r, 0))
    view.table.activated.emit(view.model.index(r, 0))  # Enter or double-click
    opened = window.tabs.currentWidget()
    assert isinstance(opened, ReaderView) and opened.document.id == 2
    assert opened.document.segments[opened.selected_rows()[0]].label == "5(h)"


def test_history_of_a_typed_clause(derived_window, wait_ready, qtbot):
    window = derived_window
    reader = window.open_document(2)
    reader.go_to_label("5(h)")
    dialog = window.trace.ask_clause()  # Edit > Clause History…, prefilled with the selected paragraph
    assert isinstance(dialog, QInputDialog) and dialog.textValue().startswith("Expressing deep concern")
    dialog.setTextValue("Expressing concern at the deprivation of liberty of children for their association "
                        "or alleged association with armed groups")
    dialog.accept()
    view = wait_ready(window.tabs.currentWidget())
    assert isinstance(view, ClauseHistoryView)
    docs = {(d, label) for _, d, label in _rows(view)}
    assert {("Mali", "5(h)"), ("Mali", "5(r)"), ("Burkina Faso", "5(h)"), ("Burkina Faso", "5(r)")} <= docs
    assert not any(view.model.index(r, 0).data(Role.CURRENT) for r in range(view.model.rowCount()))


def test_a_clause_too_short_is_refused_in_a_dialog(window, qtbot):
    from PySide6.QtWidgets import QApplication, QMessageBox

    view = window.trace.history_of_text("of")
    qtbot.waitUntil(lambda: view.summary.text() == "could not trace this clause", timeout=10000)
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert any("too short to trace" in b.text() for b in boxes)
    for b in boxes:
        b.close()


def test_empty_model(qtmodeltester):
    qtmodeltester.check(ClauseHistoryModel(), force_py=True)
