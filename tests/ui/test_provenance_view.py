"""The provenance view: statuses, sources and painted changes of a later document; the
"within this document" toggle on the corpus; opening and comparing with a source."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from ui.models.provenance_model import (
    SOURCE_COL,
    STATUS_COL,
    TEXT_COL,
    ProvenanceModel,
    plain_tooltip,
)
from ui.models.roles import Role
from ui.views.comparison import ComparisonView
from ui.views.provenance import ProvenanceView, summary_text
from ui.views.reader import ReaderView
from ui.views.trace_table import ChangesTextDelegate, status_color

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _row(view: ProvenanceView, name: str) -> dict:
    r = view.row_of(name)
    assert r >= 0, name
    m = view.model
    return {
        "status": m.index(r, STATUS_COL).data(Role.STATUS),
        "word": m.index(r, STATUS_COL).data(),
        "source": m.index(r, SOURCE_COL).data(),
        "text": m.index(r, TEXT_COL).data(),
        "spans": m.index(r, TEXT_COL).data(Role.SPANS),
        "index": m.index(r, TEXT_COL),
    }


def _changes(row: dict) -> list[tuple[str, str]]:
    return [(op, row["text"][a:b]) for a, b, op in row["spans"]]


def test_provenance_of_a_later_document(derived_window, wait_ready, qtmodeltester, qtbot, tmp_path):
    window = derived_window
    window.open_document(2)
    view = wait_ready(window.trace.provenance_of_current())
    assert isinstance(view, ProvenanceView) and window.tabs.currentWidget() is view
    qtmodeltester.check(view.model, force_py=True)
    prov = view.provenance
    assert prov.counts()["new"] >= 1 and prov.counts()["modified"] == 2

    kept = _row(view, "5(d)")  # the old 5(c), one letter down: repeated word for word
    assert (kept["status"], kept["word"], kept["source"], kept["spans"]) == ("verbatim", "verbatim", "Mali 2020 5(c)", ())
    assert _row(view, "5(f)")["source"] == "Mali 2020 5(f)"  # after the dropped 5(e), the letters meet again

    changed = _row(view, "5(e)")  # the old 5(d), edited
    assert changed["status"] == "modified" and changed["source"] == "Mali 2020 5(d)"
    assert ("delete", "without undue delay") in _changes(changed)
    assert ("insert", "promptly") in _changes(changed)
    assert any(op == "insert" and "international standards" in t for op, t in _changes(changed))
    assert "without undue delay promptly" in changed["text"]  # one text reads both versions

    history = _row(view, "5(h)")
    assert history["status"] == "modified" and ("delete", "grave") in _changes(history)

    new = _row(view, "5(c)")
    assert (new["status"], new["source"], new["spans"]) == ("new", "not found in earlier conclusions", ())
    assert "annex" not in {view.model.item(r).name for r in range(view.model.rowCount())
                           if view.model.item(r).status == "new"}  # the rest of the text is agreed language

    # The painted text: deletions struck, insertions underlined, as the comparison view paints them.
    delegate = view.table.itemDelegate()
    assert isinstance(delegate, ChangesTextDelegate)
    ranges = delegate._block(changed["index"]).layout.formats()
    painted = {(f.start, f.start + f.length): (f.format.fontStrikeOut(), f.format.fontUnderline()) for f in ranges}
    assert painted == {(a, b): (op == "delete", op == "insert") for a, b, op in changed["spans"]}

    c = prov.counts()
    assert view.summary.text() == summary_text(prov)
    assert f"verbatim {c['verbatim']} " in view.summary.text() and f"new {c['new']} " in view.summary.text()
    assert abs(sum(prov.percentages().values()) - 100) < 0.5
    qtbot.wait(50)  # rows are fitted to their wrapped text after the columns settle
    view.select(view.row_of("5(e)"), TEXT_COL)
    view.table.scrollTo(view.model.index(view.row_of("5(b)"), 0), view.table.ScrollHint.PositionAtTop)
    qtbot.wait(50)
    shots = SHOTS if os.environ.get("CONCORD_SCREENSHOTS") else tmp_path  # as test_screenshots
    shots.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(shots / "provenance.png"))
    assert (shots / "provenance.png").stat().st_size > 20_000
    from test_screenshots import _dark_palette

    QApplication.setPalette(_dark_palette())
    try:
        qtbot.wait(50)
        assert window.grab().save(str(tmp_path / "provenance-dark.png"))
    finally:
        QApplication.setPalette(QApplication.style().standardPalette())


def test_document_text_stays_plain(derived_window, wait_ready, qtbot):
    window = derived_window
    window.open_document(2)
    view = wait_ready(window.trace.provenance_of_current())
    new = _row(view, "5(c)")
    assert '<img src="http://example.invalid/x.png">' in new["text"] and "<script>" in new["text"]
    block = view.table.text_delegate._block(new["index"])
    assert '<img src="http://example.invalid/x.png">' in block.layout.text()  # laid out as characters
    # Qt reads a tooltip that looks like markup as rich text: every tooltip is escaped text.
    tip = plain_tooltip(new["text"])
    assert "&lt;img src=&quot;http://example.invalid/x.png&quot;&gt;" in tip and "<img" not in tip
    tips = [view.model.index(r, c).data(Qt.ItemDataRole.ToolTipRole)
            for r in range(view.model.rowCount()) for c in range(view.model.columnCount())]
    assert all(t.startswith(plain_tooltip("")[:20]) for t in tips)
    view.table.setCurrentIndex(new["index"])
    view.table.viewport().grab()  # painting it fetches nothing and shows the characters


def test_within_this_document_finds_the_letter_repeating_the_statement(window, wait_ready, qtbot):
    window.open_document(1)
    view = wait_ready(window.trace.provenance_of_current())
    assert _row(view, "7(b)")["status"] == "new"  # the only document: nothing earlier to come from
    with qtbot.waitSignal(view.provenance_ready, timeout=20000):
        view.within.setChecked(True)
    row = _row(view, "7(b)")
    assert (row["status"], row["source"]) == ("verbatim", "5(o) in this document")
    assert _row(view, "5(o)")["status"] == "new"
    with qtbot.waitSignal(view.provenance_ready, timeout=20000):
        view.within_action.trigger()  # Ctrl+Alt+W: back off
    assert not view.within.isChecked() and _row(view, "7(b)")["status"] == "new"


def test_open_source_from_the_keyboard_and_compare_with_it(derived_window, wait_ready, qtbot, wait_rows):
    window = derived_window
    window.open_document(2)
    view = wait_ready(window.trace.provenance_of_current())
    view.select(view.row_of("5(d)"))
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    reader = window.tabs.currentWidget()
    assert isinstance(reader, ReaderView) and reader.document.id == 1
    assert reader.document.segments[reader.selected_rows()[0]].label == "5(c)"

    window.tabs.setCurrentWidget(view)
    view.select(view.row_of("5(e)"))
    assert view.compare_action.isEnabled()
    view.compare_action.trigger()
    cmp = wait_rows(window.tabs.currentWidget())
    assert isinstance(cmp, ComparisonView)
    row = cmp.model.row_at(0)
    assert (row.left.label, row.right.label, row.op.value) == ("5(d)", "5(e)", "modified")
    assert cmp.left.document.id == 1 and cmp.right.document.id == 2

    window.tabs.setCurrentWidget(view)
    view.select(view.row_of("5(c)"))  # new: nothing to open or compare with
    assert not view.open_action.isEnabled() and not view.compare_action.isEnabled()
    assert not view.open_source()


def test_provenance_of_a_reader_selection(derived_window, wait_ready):
    window = derived_window
    reader = window.open_document(2)
    reader.go_to_label("5(c)", "5(e)")
    window.tabs.setCurrentWidget(reader)
    with_signal = []
    reader.provenance_requested.connect(with_signal.append)
    reader.provenance_action.trigger()
    view = wait_ready(window.tabs.currentWidget())
    assert [p.name for p in view.provenance.segments] == ["5(c)", "5(d)", "5(e)"]
    assert [p.status for p in view.provenance.segments] == ["new", "verbatim", "modified"]
    assert "5(c)..5(e)" in view.title.text()


def test_status_colours_differ_and_read_on_dark(qapp):
    light = QPalette()
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    for pal in (light, dark):
        colors = {s: status_color(s, pal).name() for s in ("verbatim", "modified", "new")}
        assert len(set(colors.values())) == 3
    assert status_color("new", dark).lightness() > status_color("new", light).lightness()


def test_empty_model(qtmodeltester):
    qtmodeltester.check(ProvenanceModel(), force_py=True)
