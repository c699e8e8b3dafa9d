"""The comparison view: opening from the reader, navigation, toggles, compare text."""

from __future__ import annotations

import dataclasses
import zipfile

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.compare.model import Comparison, Edit, Row, RowOp
from app.model import Kind, Segment
from app.services.library import passage_of
from ui.views.comparison import ComparisonView
from ui.views.comparison_delegate import part_formats, side_formats, word_counts
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
    view = ComparisonView(window.session)
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
    assert view.delegate.notes(view.model.row_at(5))[0] == "moved here from above ↑"  # 5(c) is beside it
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


def test_export_html_replaces_the_file_at_once(window, wait_rows, tmp_path):
    doc = window.library.get_document(1)
    view = wait_rows(window.open_comparison(passage_of(doc, "5(n)", "5(v)"), passage_of(doc, "7(a)", "7(i)")))
    target = tmp_path / "report.html"
    target.write_text("an earlier report", encoding="utf-8")
    before = target.stat().st_ino
    assert view.export_html(path=str(target)) == str(target)
    assert "5(n)" in target.read_text(encoding="utf-8")
    assert target.stat().st_ino != before  # a new file renamed over the old one, not rewritten in place
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".~concord")) == []


def _error_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


@pytest.mark.parametrize(("kind", "expect"), [
    ("track", "w:ins"),  # tracked changes, by the author given
    ("bold", "w:strike"),  # struck and underlined, no revisions
    ("report", "w:tbl"),  # the side-by-side table
])
def test_export_word_runs_off_the_ui_thread(window, qtbot, wait_rows, tmp_path, kind, expect):
    doc = window.library.get_document(1)
    view = wait_rows(window.open_comparison(passage_of(doc, "5(n)", "5(v)"), passage_of(doc, "7(a)", "7(i)")))
    out = tmp_path / f"{kind}.docx"
    job = view.export_word(kind, path=str(out), author="Drafter")
    assert window.statusBar().currentMessage() == f"Exporting {_what(kind)} to {kind}.docx…"
    with qtbot.waitSignal(job.signals.finished, timeout=20000) as blocker:
        pass
    assert str(blocker.args[0]) == str(out)
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode()
    assert expect in xml and ("Drafter" in xml) == (kind == "track")
    assert window.statusBar().currentMessage() == f"Exported {_what(kind)} to {out}"


def _what(kind: str) -> str:
    return "the comparison report" if kind == "report" else "the comparison"



def test_export_to_an_impossible_place_is_a_dialog(window, qtbot, wait_rows, tmp_path):
    doc = window.library.get_document(1)
    view = wait_rows(window.open_comparison(passage_of(doc, "5(n)", "5(v)"), passage_of(doc, "7(a)", "7(i)")))
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("a file, not a folder", encoding="utf-8")
    job = view.export_word("report", path=str(not_a_folder / "report.docx"))
    with qtbot.waitSignal(job.signals.failed, timeout=20000) as blocker:
        pass
    message = blocker.args[0]
    assert message.startswith(str(not_a_folder / "report.docx")) and "\n" not in message
    assert "Error" not in message and "Traceback" not in message
    qtbot.waitUntil(lambda: any(b.text() == message for b in _error_boxes()))
    assert not (not_a_folder.parent / "report.docx").exists()
    assert view.export_html(path=str(not_a_folder / "report.html")) == ""
    assert any(b.text().startswith(str(not_a_folder / "report.html")) for b in _error_boxes())
    for b in _error_boxes():
        b.close()


def test_moves_are_counted_as_the_core_counts_them(qtbot, window):
    """Two moves (four rows): the summary says 2 moved, as `Comparison.summary()` does."""
    base = _hand_made()
    x, x2 = _seg("5(e)", "Another moved text."), _seg("6(e)", "Another moved text.")
    cmp = Comparison("left", "right", (*base.rows, Row(RowOp.MOVED, x, None, 4, None, 100.0, move_id=2),
                                       Row(RowOp.MOVED, None, x2, None, 4, 100.0, move_id=2)))
    view = ComparisonView(window.session)
    window.add_tab(view, "two moves")
    view.set_comparison(cmp)
    assert f"· {cmp.summary()['moved']} moved" in view.summary.text()
    assert view.summary.text().endswith("1 removed · 2 moved · 3 relabelled")


def test_two_documents_that_read_the_same_are_told_apart(derived_window, corpus_doc, wait_rows):
    window = derived_window
    segs = list(corpus_doc.segments)
    segs[-1] = dataclasses.replace(segs[-1], text=segs[-1].text + " (corrected)")
    again, added = window.library.add_document(dataclasses.replace(
        corpus_doc, id=None, segments=tuple(segs), source_file="mali-2020-corrected.txt"))
    assert added and again.id == 3
    first = window.library.get_document(1)
    view = wait_rows(window.open_comparison(passage_of(first), passage_of(again)))
    title = window.tabs.tabText(window.tabs.currentIndex())
    assert title == "Mali · conclusions-mali-2020.txt ↔ Mali · mali-2020-corrected.txt"
    assert view.left_title.text() != view.right_title.text()
    names = [view.left_picker.document.itemText(i) for i in range(view.left_picker.document.count())]
    assert sorted(names) == ["Burkina Faso 2022-03-01", "Mali 2020-11-20 · conclusions-mali-2020.txt",
                             "Mali 2020-11-20 · mali-2020-corrected.txt"]
    assert view.left_picker.document.currentText() == "Mali 2020-11-20 · conclusions-mali-2020.txt"
    assert view.right_picker.document.currentText() == "Mali 2020-11-20 · mali-2020-corrected.txt"
    # ranges of the two show the documents too; a range against its own document does not need to
    ranges = wait_rows(window.open_comparison(passage_of(first, "5(n)"), passage_of(again, "5(n)")))
    assert ranges.title() == "Mali · conclusions-mali-2020.txt 5(n) ↔ Mali · mali-2020-corrected.txt 5(n)"
    assert ComparisonView._short(passage_of(first, "5(n)")) == "5(n)"
    # reader tabs
    window.open_document(1)
    window.open_document(3)
    readers = [window.tabs.tabText(i) for i in range(window.tabs.count()) if window.tabs.widget(i).__class__.__name__ == "ReaderView"]
    assert readers == ["Mali · conclusions-mali-2020.txt", "Mali · mali-2020-corrected.txt"]


@pytest.mark.parametrize(("docs", "expected"), [
    # different dates: the date tells them apart
    ([("Mali", "2020-11-20", "", "a.txt", 1), ("Mali", "2022-03-01", "", "a.txt", 2)], ["2020-11-20", "2022-03-01"]),
    # same date: the symbols
    ([("Mali", "2020-11-20", "S/AC.51/2020/11", "a.txt", 1), ("Mali", "2020-11-20", "S/AC.51/2020/12", "a.txt", 2)],
     ["S/AC.51/2020/11", "S/AC.51/2020/12"]),
    # same date, no symbols, same file name: the ids
    ([("Mali", "2020-11-20", "", "in/a.txt", 1), ("Mali", "2020-11-20", "", "out/a.txt", 2)], ["#1", "#2"]),
    # different situations need nothing
    ([("Mali", "2020-11-20", "", "a.txt", 1), ("Chad", "2020-11-20", "", "a.txt", 2)], ["", ""]),
])
def test_distinctions(docs, expected):
    from app.model import DocumentSummary
    from ui.dialogs.passage_picker import distinctions

    rows = [DocumentSummary(i, "Conclusions", s, d, "", sym, f, "", 1) for s, d, sym, f, i in docs]
    assert distinctions(rows, lambda d: d.situation) == expected


def _weakened_letter(corpus_doc):
    """The corpus with its letter 7(a)..7(i) redrafted: 7(a) split at "; affirming", three
    weakenings and a strengthening, the letter re-lettered 7(a)..7(j)."""
    from app.labels import letters

    segs = list(corpus_doc.segments)
    at = {s.label: n for n, s in enumerate(segs) if s.label}

    def edit(label: str, old: str, new: str) -> None:
        s = segs[at[label]]
        assert old in s.text
        segs[at[label]] = s.with_text(s.text.replace(old, new, 1))

    edit("7(c)", "must be brought to justice", "should be brought to justice")
    edit("7(d)", "urging the Government to work", "encouraging the Government to work")
    edit("7(e)", "calling on authorities to fully implement", "calling on authorities to implement")
    edit("7(g)", "Encouraging the Government to adopt", "Urging the Government to adopt")
    a = segs[at["7(a)"]]
    k = a.text.index("; affirming") + 1
    segs[at["7(a)"]:at["7(a)"] + 1] = [a.with_text(a.text[:k]),
                                       a.with_text("Affirming" + a.text[k + len(" affirming"):])]
    n = 0
    for i, s in enumerate(segs):
        if s.label.startswith("7("):
            n += 1
            segs[i] = dataclasses.replace(s, label=f"7({letters(n)})")
    return dataclasses.replace(corpus_doc, id=None, segments=tuple(segs),
                               source_file="mali-2020-letter-redrafted.txt")


@pytest.fixture
def weakened_view(window, corpus_doc, wait_rows):
    """5(n)..5(v) of the corpus against the redrafted letter, opened as a drafter would."""
    again, added = window.library.add_document(_weakened_letter(corpus_doc))
    assert added
    window.session.check()
    first = window.library.get_document(1)
    return wait_rows(window.open_comparison(passage_of(first, "5(n)", "5(v)"),
                                            passage_of(again, "7(a)", "7(j)")))


def test_strength_marks_split_parts_and_the_strength_filter(qtbot, window, weakened_view):
    view = weakened_view
    cmp = view.comparison
    assert view.summary.text().endswith("1 split · 9 relabelled · 1 stronger · 3 weaker")
    split = view.model.row_at(0)
    assert split.op is RowOp.SPLIT
    # the split's right side paints both parts, each with its own label and highlights
    parts = part_formats(split, "right", diff_colors(window.palette()))
    assert [s.label for s, _ in parts] == ["7(a)", "7(b)"]
    (affirming,) = parts[1][1]
    assert parts[1][0].text[affirming.start:affirming.start + affirming.length] == "Affirming"
    assert [b.layout.text() for _, b in view.delegate._blocks(split, "right")] == [
        s.text for s in split.right_parts]
    assert "→ 7(a)+7(b): split" in view.model.index(0).data()
    # a weakened pair says so above its right side and in its description
    must = view.model.row_at(2)
    assert view.delegate.notes(must) == ("", "▼ weaker: must → should")
    assert view.model.index(2).data().endswith("; weaker: must → should")
    # the change list says which way and why
    changes = view.changes.model
    listed = {changes.index(i, 2).data(): changes.index(i, 1).data() for i in range(changes.rowCount())}
    assert listed["5(n) → 7(a)+7(b)"] == "split"
    assert listed["5(p) → 7(d)"] == "changed, weaker: must → should"
    assert listed["5(t) → 7(h)"] == "changed, stronger: Encouraging → Urging"
    # the filter keeps the four pairs whose language moved; F7 walks them
    view.strength_only_action.trigger()
    assert [view.model.row_at(r).left.label for r in range(view.model.rowCount())] == [
        "5(p)", "5(q)", "5(r)", "5(t)"]
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_F7)
    qtbot.keyClick(view.list, Qt.Key.Key_F7)
    assert view.model.row_at(view.current_row()).left.label == "5(q)"
    view.strength_only_action.trigger()
    assert view.model.rowCount() == len(cmp.rows)
    assert view.model.row_at(view.current_row()).left.label == "5(q)"  # still on the same pair


def test_screenshot_of_strength_marks(qtbot, window, weakened_view, tmp_path):
    """The comparison with a split and strength marks, all rows and then the strength
    filter; `make screenshots` saves both for the README."""
    import os

    from tests.ui.test_screenshots import SHOTS

    shots = SHOTS if os.environ.get("CONCORD_SCREENSHOTS") else tmp_path
    view = weakened_view
    window.resize(1400, 860)
    view.go_to_row(1)
    view.list.scrollToTop()
    qtbot.wait(50)
    assert window.grab().save(str(shots / "comparison-split.png"))
    view.strength_only_action.trigger()
    view.go_to_row(0)
    qtbot.wait(50)
    assert window.grab().save(str(shots / "comparison-strength.png"))
    for name in ("comparison-split.png", "comparison-strength.png"):
        assert (shots / name).stat().st_size > 20_000
