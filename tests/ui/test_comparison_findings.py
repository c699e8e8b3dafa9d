"""A comparison that tells what it found: the change list and its filters, "change n of m",
"No differences", Ctrl+F, Document > Compare Documents…, naming of the sides, redline
options, similar language in order. Screenshots go to docs/screenshots with
CONCORD_SCREENSHOTS=1 (`make screenshots`), else to the test's folder."""

from __future__ import annotations

import dataclasses
import os
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.compare.model import RowOp
from app.export import ooxml_reader as reader
from app.services.library import passage_of
from ui.dialogs.compare_documents import CompareDocumentsDialog
from ui.dialogs.redline_options import RedlineOptionsDialog
from ui.views.change_list import change_words, punctuation_only

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _shots(tmp_path: Path) -> Path:
    shots = SHOTS if os.environ.get("CONCORD_SCREENSHOTS") else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    return shots


def _settle(qtbot) -> None:
    qtbot.wait(50)
    QApplication.processEvents()


@pytest.fixture
def derived_view(derived_window, wait_rows):
    """Mali 2020 (1) against the Burkina Faso text derived from it (2), whole documents."""
    w = derived_window
    return wait_rows(w.open_comparison(passage_of(w.library.get_document(1)), passage_of(w.library.get_document(2))))


def test_change_list_lists_every_change_and_follows_the_comparison(derived_view, qtbot, tmp_path):
    view = derived_view
    cmp = view.comparison
    changes = [i for i, r in enumerate(cmp.rows) if r.op is not RowOp.EQUAL]
    table = view.changes.model
    assert table.rowCount() == len(changes) > 0
    kinds = {table.index(i, 1).data() for i in range(table.rowCount())}
    labels = [table.index(i, 2).data() for i in range(table.rowCount())]
    words = [table.index(i, 3).data() for i in range(table.rowCount())]
    # 5(d) became 5(e) with "without undue delay" -> "promptly"; the new 5(c) added; old 5(e) removed
    edited = labels.index("5(d) → 5(e)")
    assert "“without undue delay” → “promptly”" in words[edited]
    assert table.index(edited, 1).data() == "changed, stronger: “without undue delay” dropped"
    assert any(k.startswith("added") for k in kinds) and any(k.startswith("removed") for k in kinds)
    added = next(i for i in range(table.rowCount()) if table.index(i, 1).data().startswith("added"))
    assert labels[added] == "5(c)" and words[added].startswith("+“Welcoming the")
    # clicking a line shows that change, and the toolbar says which one it is
    qtbot.mouseClick(view.changes.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.changes.table.visualRect(table.index(edited, 2)).center())
    assert view.model.row_at(view.current_row()).left.label == "5(d)"
    assert view.position.text().strip() == f"change {edited + 1} of {len(changes)}"
    # F7 moves the change list's selection along
    view.next_change()
    assert view.changes.table.currentIndex().row() == edited + 1
    assert view.position.text().strip() == f"change {edited + 2} of {len(changes)}"
    view.window().resize(1400, 860)
    _settle(qtbot)
    assert view.window().grab().save(str(_shots(tmp_path) / "comparison-changes.png"))


def test_kind_filters_hide_those_changes_in_the_list_and_the_comparison(derived_view, qtbot):
    view = derived_view
    view.changes_only_action.setChecked(True)
    before = view.model.rowCount()
    view.changes.boxes["inserted"].setChecked(False)
    shown = [view.model.row_at(r).op for r in range(view.model.rowCount())]
    assert RowOp.INSERTED not in shown and len(shown) == before - 1
    assert view.changes.model.rowCount() == len(shown)
    for kind in ("modified", "deleted", "moved"):
        view.changes.boxes[kind].setChecked(False)
    assert view.model.rowCount() == 0 and view.stack.currentWidget() is view.empty
    assert view.empty.text().startswith("No changes of the kinds shown")
    view.changes.boxes["modified"].setChecked(True)
    assert {view.model.row_at(r).op for r in range(view.model.rowCount())} == {RowOp.MODIFIED}
    assert view.stack.currentIndex() == 0


def test_no_differences_is_said_not_left_blank(window, qtbot, wait_rows, tmp_path):
    doc = window.library.get_document(1)
    view = window.open_comparison(passage_of(doc), passage_of(doc))
    view.changes_only_action.setChecked(True)
    qtbot.waitUntil(lambda: bool(view.comparison.rows), timeout=10000)
    assert view.model.rowCount() == 0
    assert view.stack.currentWidget() is view.empty and view.empty.isVisible()
    assert view.empty.text().startswith("No differences")
    assert f"({len(doc.segments)} rows)" in view.empty.text()
    assert view.position.text().strip() == "No differences"
    assert view.changes.stack.currentWidget() is view.changes.empty
    assert view.changes.empty.text() == "No differences"
    _settle(qtbot)
    assert view.grab().save(str(_shots(tmp_path) / "comparison-no-differences.png"))


def test_find_in_either_side_with_next_previous_and_count(derived_view, qtbot, tmp_path):
    view = derived_view
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.find_bar.isVisible() and view.find_bar.edit.hasFocus()
    qtbot.keyClicks(view.find_bar.edit, "promptly")
    # only the right side of 5(d)->5(e) says "promptly"
    assert view.find_bar.matches == [(view.model.view_row_of(_row_index(view, "5(e)")), "right", 1)]
    assert view.model.row_at(view.current_row()).right.label == "5(e)"
    assert view.find_bar.count.text().startswith("1 of 1 · right")
    view.find_bar.edit.setText("Burkina Faso")
    rows = {r for r, _, _ in view.find_bar.matches}
    texts = [(view.model.row_at(r).left_text if side == "left" else view.model.row_at(r).right_text)
             for r, side, _ in view.find_bar.matches]
    assert all("burkina faso" in t.casefold() for t in texts)
    expected = sum(r.left_text.count("Burkina Faso") + r.right_text.count("Burkina Faso") for r in view.comparison.rows)
    assert view.find_bar.total() == expected > 0
    assert view.find_bar.count.text().endswith(f"{expected} in {len(rows)} {'row' if len(rows) == 1 else 'rows'}")
    # the search starts at the row shown (5(e)), then Return / Shift+Return step through
    at, first, n = view.find_bar.at, view.current_row(), len(view.find_bar.matches)
    assert view.find_bar.matches[at][0] >= first
    qtbot.keyClick(view.find_bar.edit, Qt.Key.Key_Return)
    assert view.find_bar.at == (at + 1) % n and view.current_row() == view.find_bar.matches[(at + 1) % n][0]
    assert view.find_bar.count.text().startswith(f"{(at + 1) % n + 1} of {n} · ")
    qtbot.keyClick(view.find_bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert view.current_row() == first and view.find_bar.at == at
    view.go_to_row(0)
    view.find_bar.edit.setText("")
    view.find_bar.edit.setText("Burkina Faso")
    assert view.find_bar.at == 0
    view.find_previous()  # from the first, round to the last
    assert view.find_bar.at == n - 1
    # the found words are marked on their side
    row = view.model.row_at(view.current_row())
    side = view.find_bar.matches[view.find_bar.at][1]
    (_, block), *_ = view.delegate._blocks(row, side)
    marks = [f for f in block.layout.formats() if f.format.background().color().name() == "#ffe066"]
    assert marks and all(block.layout.text()[m.start:m.start + m.length] == "Burkina Faso" for m in marks)
    _settle(qtbot)
    assert view.window().grab().save(str(_shots(tmp_path) / "comparison-find.png"))
    qtbot.keyClick(view.find_bar.edit, Qt.Key.Key_Escape)
    assert not view.find_bar.isVisible() and view.delegate.highlight == ""
    view.find_bar.edit.setText("nowhere in either text")
    assert view.find_bar.matches == [] and view.find_bar.count.text() == "not found"


def _row_index(view, right_label: str) -> int:
    return next(i for i, r in enumerate(view.comparison.rows) if r.right and r.right.label == right_label)


def test_compare_documents_dialog_defaults_to_whole_documents_and_follows_imports(derived_window, corpus_doc, qtbot,
                                                                                  wait_rows, tmp_path):
    window = derived_window
    window.open_document(1)
    dialog = window.compare_documents()
    assert isinstance(dialog, CompareDocumentsDialog)
    assert (dialog.left.ref(), dialog.right.ref()) == ("1", "2")  # whole documents: the reader's, and the other
    assert dialog.left.start.currentText() == "(whole document)"
    # a document imported while the dialog (and a comparison tab) is open shows in the pickers
    tab = wait_rows(window.open_comparison(passage_of(window.library.get_document(1)),
                                           passage_of(window.library.get_document(2))))
    later = dataclasses.replace(corpus_doc, id=None, situation="Chad", meeting_date="2023-05-04",
                                title="Conclusions on Chad", source_file="chad-2023.txt",
                                segments=corpus_doc.segments[:-2])
    doc, added = window.library.add_document(later)
    assert added
    window.session.check()
    for picker in (dialog.left, dialog.right, tab.left_picker, tab.right_picker):
        assert picker.document.findData(doc.id) >= 0
        assert "Chad 2023-05-04" in [picker.document.itemText(i) for i in range(picker.document.count())]
    _settle(qtbot)
    assert dialog.grab().save(str(_shots(tmp_path) / "compare-documents.png"))
    dialog.accept()
    view = wait_rows(window.current_tab())
    assert (view.left.ref, view.right.ref) == ("1", "2")
    # both titles are compared: one row pairs them, nothing added or removed for the title
    (title_row,) = [r for r in view.comparison.rows if (r.left and r.left.kind.value == "title")
                    or (r.right and r.right.kind.value == "title")]
    assert title_row.left is not None and title_row.right is not None


def test_select_all_and_compare_never_adds_or_removes_the_title(window, qtbot, wait_rows):
    reader = window.open_document(1)
    reader.list.setFocus()
    qtbot.keyClick(reader.list, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    passage = reader.selected_passage()
    assert len(passage.segments) == len(reader.document.segments)
    dialog = window.compare_with(passage)
    assert "Mali 2020-11-20 (whole document)" in dialog.findChildren(type(dialog.error))[0].text()
    dialog.accept()
    view = wait_rows(window.current_tab())
    assert all(r.op is RowOp.EQUAL for r in view.comparison.rows)
    view.swap()
    qtbot.waitUntil(lambda: view.summary.text() != "comparing…", timeout=10000)
    assert all(r.op is RowOp.EQUAL for r in view.comparison.rows)


def test_sides_are_named_by_situation_and_date_in_headers_and_exports(derived_view, qtbot, tmp_path):
    view = derived_view
    assert view.comparison.left_title == "Mali 2020-11-20"
    assert view.comparison.right_title == "Burkina Faso 2022-03-01"
    assert (view.left_title.text(), view.right_title.text()) == ("Mali 2020-11-20", "Burkina Faso 2022-03-01")
    out = tmp_path / "redline.docx"
    with qtbot.waitSignal(view.export_word("track", str(out), author="A. Drafter", numbering="typed").signals.finished,
                          timeout=20000):
        pass
    with zipfile.ZipFile(out) as z:
        headers = " ".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/header"))
    assert "Mali 2020-11-20 → Burkina Faso 2022-03-01" in headers and "(1)" not in headers


def test_two_texts_of_one_situation_and_date_are_told_apart_without_ids(derived_window, corpus_doc, wait_rows):
    window = derived_window
    again, _ = window.library.add_document(dataclasses.replace(
        corpus_doc, id=None, segments=corpus_doc.segments[:-1], source_file="mali-2020-rev1.docx"))
    view = wait_rows(window.open_comparison(passage_of(window.library.get_document(1)), passage_of(again)))
    assert (view.comparison.left_title, view.comparison.right_title) == (
        "Mali 2020-11-20 · conclusions-mali-2020.txt", "Mali 2020-11-20 · mali-2020-rev1.docx")


@pytest.mark.parametrize(("choice", "typed"), [("typed", True), ("automatic", False)])
def test_redline_options_dialog_writes_typed_labels_or_word_numbering(derived_view, qtbot, tmp_path, monkeypatch,
                                                                       choice, typed):
    view = derived_view
    shown: list[RedlineOptionsDialog] = []

    def answer(dialog: RedlineOptionsDialog) -> int:
        shown.append(dialog)
        dialog.author.setText("A. Drafter")
        (dialog.typed if choice == "typed" else dialog.automatic).setChecked(True)
        if choice == "typed":
            dialog.grab().save(str(_shots(tmp_path) / "export-redline-options.png"))
        dialog.accept()
        return 1

    monkeypatch.setattr(RedlineOptionsDialog, "exec", answer)
    out = tmp_path / f"{choice}.docx"
    job = view.export_word("track", str(out))
    with qtbot.waitSignal(job.signals.finished, timeout=20000):
        pass
    assert len(shown) == 1
    parts = reader.read_parts(out)
    raw = reader.labelled(dataclasses.replace(parts, numbering=None))  # only the text, no list numbers
    shown_labels = reader.labelled(parts)
    # 5(e) (the old 5(d), edited) reads with its label either way; typed: the label is in the text
    (shown_e,) = [(label, text) for label, text in shown_labels if "promptly" in text]
    (raw_e,) = [(label, text) for label, text in raw if "promptly" in text]
    assert raw_e[1].startswith("(e)") is typed  # typed: the label is text; automatic: a list number
    assert (shown_e[0] == "(e)") is not typed and raw_e[0] == ""
    assert any(r.author == "A. Drafter" for r in reader.revisions(out))
    # the choice is remembered for the next export
    again = view.redline_options("track")
    assert again.typed.isChecked() is typed and again.author.text() == "A. Drafter"


def test_similar_language_is_most_similar_first(window, qtbot, corpus_doc):
    window.library.add_document(dataclasses.replace(corpus_doc, id=None, situation="Mali", source_file="copy.txt",
                                                    segments=tuple(dataclasses.replace(s, text=s.text + " Again.")
                                                                   for s in corpus_doc.segments)))
    reader = window.open_document(1)
    reader.go_to_label("1", "3")
    job = window.find_similar(reader.selected_passage())
    qtbot.waitUntil(lambda: window.last_dialog is not None and window.last_dialog.windowTitle() == "Similar language",
                    timeout=30000)
    assert job is not None
    model = window.last_dialog.view.model()
    rows = [(model.index(i, 0).data(), float(model.index(i, 2).data().rstrip("%"))) for i in range(model.rowCount())]
    assert rows
    for label in {lab for lab, _ in rows}:
        scores = [s for lab, s in rows if lab == label]
        assert scores == sorted(scores, reverse=True), label
    # each paragraph's hits stay together, in the order of the paragraphs
    order = [lab for i, (lab, _) in enumerate(rows) if i == 0 or rows[i - 1][0] != lab]
    assert len(order) == len(set(order))


def test_punctuation_only_and_words_of_a_change():
    from app.compare.model import Edit, Row
    from app.model import Kind, Segment

    a, b = Segment(Kind.SUBPARAGRAPH, "To act;", "12(g)"), Segment(Kind.SUBPARAGRAPH, "To act.", "12(g)")
    row = Row(RowOp.MODIFIED, a, b, 0, 0, 90.0, (Edit("equal", "To act", (0, 6), (0, 6)), Edit("delete", ";", (6, 7), (6, 6)),
                                               Edit("insert", ".", (7, 7), (6, 7))))
    assert punctuation_only(row)
    assert change_words(row) == "“;” → “.”"
    words = dataclasses.replace(row, edits=(Edit("delete", "To", (0, 2), (0, 0)), Edit("insert", "Now", (2, 2), (0, 3))))
    assert not punctuation_only(words)


def test_find_keys_are_left_to_a_window_that_has_them(window, qtbot):
    """A window whose Edit menu owns Ctrl+F: the comparison's own key gives way, so the key
    is not ambiguous, and the menu's call still opens the comparison's find bar."""
    from PySide6.QtGui import QAction, QKeySequence

    from ui.views.comparison import ComparisonView

    find_key = QKeySequence(QKeySequence.StandardKey.Find).toString()
    owned = any(a.shortcut().toString() == find_key for a in window.findChildren(QAction))
    view = ComparisonView(window.session)
    if not owned:  # a window without an Edit menu's Find: give it one, as the main window has
        menu_find = QAction("Find…", window)
        menu_find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        window.addAction(menu_find)
        menu_find.triggered.connect(view.open_find)
    window.add_tab(view, "texts")
    view.compare_texts("1. The Council acts.", "1. The Council acts now.")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10000)
    assert view.find_action.shortcut().isEmpty()
    # F3 gives way too where the window's Edit menu has Find Next, and only there.
    from PySide6.QtWidgets import QWidget

    def in_view(a: QAction) -> bool:
        owner = a.parent()
        return owner is view or (isinstance(owner, QWidget) and view.isAncestorOf(owner))

    window_keys = {a.shortcut().toString() for a in window.findChildren(QAction) if not in_view(a)}
    assert view.find_next_action.shortcut().isEmpty() == ("F3" in window_keys)
    view.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))  # as if it had not given way
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert not view.find_bar.isVisible()  # ambiguous: Qt runs neither
    view.find_action.setShortcut(QKeySequence())
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.find_bar.isVisible()
