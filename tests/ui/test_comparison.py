"""The comparison view: opening from the reader, navigation, toggles, compare text."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from app.compare.model import Comparison, Edit, Row, RowOp
from app.model import Kind, Segment
from app.services.library import passage_of
from ui.views.comparison import ComparisonView
from ui.views.comparison_delegate import side_formats, word_counts
from ui.views.textpaint import diff_colors


def _seg(label: str, text: str) -> Segment:
    return Segment(Kind.SUBPARAGRAPH, text, label)


def _hand_made() -> Comparison:
    """5(a) kept, 5(b) edited, 5(c) moved to the end, 5(d) removed, a new 6(c) added."""
    a, b = _seg("5(a)", "Same words."), _seg("5(b)", "Urging the Government to act.")
    b2 = _seg("6(a)", "Urging the Government to act now.")
    c, c2 = _seg("5(c)", "Moved text."), _seg("6(d)", "Moved text.")
    d, e = _seg("5(d)", "Old <script>alert(1)</script> text."), _seg("6(c)", "New text.")
    edits = (Edit("equal", "Urging the Government to act", (0, 28), (0, 28)),
             Edit("insert", " now", (28, 28), (28, 32)),
             Edit("equal", ".", (28, 29), (32, 33)))
    rows = (
        Row(RowOp.EQUAL, a, _seg("6(z)", "Same words."), 0, 0, 100.0, relabelled=True),
        Row(RowOp.MOVED, c, None, 2, None, 100.0, move_id=1),
        Row(RowOp.MODIFIED, b, b2, 1, 1, 92.0, edits, relabelled=True),
        Row(RowOp.DELETED, d, None, 3, None, 0.0),
        Row(RowOp.INSERTED, None, e, None, 2, 0.0),
        Row(RowOp.MOVED, c, c2, 2, 3, 100.0, move_id=1, relabelled=True),
    )
    return Comparison("left", "right", rows)


def test_highlights_follow_the_edits(qtbot, window):
    cmp = _hand_made()
    colors = diff_colors(window.palette())
    (ins,) = side_formats(cmp.rows[2], "right", colors)
    assert (ins.start, ins.length) == (28, 4) and ins.format.fontUnderline()
    assert side_formats(cmp.rows[2], "left", colors) == []
    (gone,) = side_formats(cmp.rows[3], "left", colors)
    assert gone.format.fontStrikeOut() and gone.length == len(cmp.rows[3].left.text)
    assert word_counts(cmp.rows[2]) == (0, 1)


def test_navigation_moves_and_overview_on_a_hand_made_comparison(qtbot, window):
    view = ComparisonView(window.runner, window.library)
    window.add_tab(view, "hand made")
    view.set_comparison(_hand_made())
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_F7)
    assert view.current_row() == 1
    qtbot.keyClick(view.list, Qt.Key.Key_F7)
    assert view.current_row() == 2
    qtbot.keyClick(view.list, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert view.current_row() == 1
    assert view.go_to_partner() == 5  # the move's other place
    assert view.delegate.notes(view.model.row_at(1)) == ("", "moved to 6(d) ↓")
    assert view.delegate.notes(view.model.row_at(5))[0] == "moved from 5(c) ↑"
    assert "1 same · 1 changed · 1 added · 1 removed · 1 moved" in view.summary.text()
    # the overview strip marks the five changed rows; clicking the bottom jumps to the end
    assert [m[0] for m in view.overview.marks()] == [1, 2, 3, 4, 5]
    qtbot.mouseClick(view.overview, Qt.MouseButton.LeftButton, pos=QPoint(8, view.overview.height() - 2))
    assert view.current_row() == 5
    # document text is painted literally
    block = view.delegate._block(view.model.row_at(3), "left", "")
    assert "<script>alert(1)</script>" in block.layout.text()


def test_open_comparison_from_the_reader(window, qtbot, wait_rows):
    reader = window.open_document(1)
    assert reader.go_to_label("5(n)", "5(v)")
    passage = reader.selected_passage()
    assert (passage.start, passage.end, len(passage.segments)) == ("5(n)", "5(v)", 9)
    reader.list.setFocus()
    qtbot.keyClick(reader.list, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # Compare with…
    dialog = window.last_dialog
    dialog.picker.start.setCurrentText("7(a)")
    dialog.picker.end.setCurrentText("7(i)")
    dialog.accept()
    view = wait_rows(window.tabs.currentWidget())
    assert isinstance(view, ComparisonView) and window.tabs.tabText(window.tabs.currentIndex()) == "5(n)..5(v) ↔ 7(a)..7(i)"
    labels = [(r.left.label, r.right.label) for r in view.comparison.rows]
    assert labels == list(zip([f"5({c})" for c in "nopqrstuv"], [f"7({c})" for c in "abcdefghi"], strict=True))
    assert "relabelled" in view.summary.text()
    changes = view.comparison.change_rows()
    assert view.next_change() == changes[0] and view.next_change() == changes[1]
    assert view.previous_change() == changes[0]


def test_set_left_and_right(window, wait_rows):
    reader = window.open_document(1)
    reader.go_to_label("5(h)")
    reader.left_action.trigger()
    reader.go_to_label("5(r)")
    reader.right_action.trigger()
    view = wait_rows(window.tabs.currentWidget())
    assert view.comparison.rows[0].left.label == "5(h)" and view.comparison.rows[0].right.label == "5(r)"


def test_toggles_rerun_and_filter(window, qtbot, wait_rows):
    doc = window.library.get_document(1)
    view = wait_rows(window.open_comparison(passage_of(doc, "5(n)", "5(v)"), passage_of(doc, "7(a)", "7(i)")))
    total = view.model.rowCount()
    view.changes_only_action.trigger()
    assert view.model.rowCount() == len(view.comparison.change_rows()) < total
    view.changes_only_action.trigger()
    assert view.model.rowCount() == total
    def changed_pieces(cmp):
        return sum(1 for r in cmp.rows for e in r.edits if e.op != "equal")

    before = changed_pieces(view.comparison)
    with qtbot.waitSignal(view.comparison_ready, timeout=10000) as blocker:
        view.ignore_punct_action.trigger()
    assert blocker.args[0].options.ignore_punctuation
    assert changed_pieces(blocker.args[0]) < before  # 5(n) ends "Mali;" where 7(a) has "Mali and"
    assert view.comparison is blocker.args[0]
    with qtbot.waitSignal(view.comparison_ready, timeout=10000) as blocker:
        view.swap_action.trigger()
    assert blocker.args[0].rows[0].left.label == "7(a)"


def test_compare_text_and_ignore_case(window, qtbot, wait_rows):
    dialog = window.compare_text()
    dialog.first.setPlainText("1. Urging the Government to act.\n\n2. Welcoming the report.")
    dialog.second.setPlainText("1. urging the Government to act swiftly.\n\n2. Welcoming the report.")
    dialog.accept()
    view = wait_rows(window.tabs.currentWidget())
    assert [r.op.value for r in view.comparison.rows] == ["modified", "equal"]
    assert window.library.counts()["documents"] == 1  # nothing stored
    with qtbot.waitSignal(view.comparison_ready, timeout=10000) as blocker:
        view.ignore_case_action.trigger()
    inserted = [e.text.strip() for e in blocker.args[0].rows[0].edits if e.op == "insert"]
    assert inserted == ["swiftly"]


def test_export_html_and_word(window, wait_rows, tmp_path):
    import zipfile

    doc = window.library.get_document(1)
    view = wait_rows(window.open_comparison(passage_of(doc, "5(n)", "5(v)"), passage_of(doc, "7(a)", "7(i)")))
    html = view.export_html(path=str(tmp_path / "report.html"))
    assert "5(n)" in (tmp_path / "report.html").read_text(encoding="utf-8") and html
    out = view.export_word("track", path=str(tmp_path / "redline.docx"), author="Drafter")
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode()
    assert "w:ins" in xml and 'w:author="Drafter"' in xml
