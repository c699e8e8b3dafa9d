"""What every Word user expects of the window: the Edit menu, zoom and text size, themes,
printing and PDF, recent libraries, tabs restored at the next start, help and shortcuts."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication

from app.drafts import Replacement
from app.services import drafts as svc
from app.services.library import passage_of
from ui import settings as S
from ui.commands.view_menu import apply_theme, zoom_step
from ui.drafting import DraftEditor
from ui.main_window import MainWindow
from ui.views.comparison import ComparisonView
from ui.views.reader import ReaderView

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")


def _pdf_text(path: str | Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return " ".join(done.stdout.split())


# --- Edit menu ------------------------------------------------------------------------

def test_ctrl_f_finds_in_the_reader_even_from_the_library_panel(window, qtbot):
    reader = window.open_document(1)
    window.panel.tree.setFocus()
    qtbot.keyClick(window.panel.tree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert reader.find_bar.isVisible() and reader.find_bar.edit.hasFocus()
    qtbot.keyClicks(reader.find_bar.edit, "Safe Schools Declaration")
    assert reader.find_bar.status.text().startswith("1 of ")
    first = reader.selected_rows()
    qtbot.keyClick(reader.find_bar.edit, Qt.Key.Key_F3)
    assert reader.find_bar.status.text().startswith("2 of ") and reader.selected_rows() != first


def test_edit_menu_reaches_the_draft(window, qtbot):
    draft = svc.new_draft(window.library, "Chad", "1", [Replacement("Mali", "Chad")])
    window.session.check()
    editor = window.drafts.open_draft(draft.id)
    row = [s.label for s in editor.segments].index("2")
    before = editor.segments[row].text
    editor.set_current_row(row)
    editor.set_text(row, before + " [new]")
    window.edit.undo()
    assert editor.segments[row].text == before
    window.edit.redo()
    assert editor.segments[row].text.endswith("[new]")
    # Ctrl+H opens the replace bar of the draft; in a reader it says where it works.
    window.edit.replace()
    assert editor.find_bar.isVisible() and editor.find_bar.replacing
    window.open_document(1)
    window.edit.replace()
    assert "works in a draft" in window.statusBar().currentMessage()
    # Copy in a reader copies the selected paragraphs with their labels.
    reader = window.current_reader()
    reader.go_to_label("5(n)")
    reader.list.setFocus()
    window.edit.copy()
    assert QApplication.clipboard().text().startswith("5(n) ")
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    names = [a.text().partition("\t")[0].replace("&", "") for a in edit_menu.actions() if not a.isSeparator()]
    assert names[:10] == ["Undo", "Redo", "Cut", "Copy", "Paste", "Select All", "Find…", "Find Next",
                          "Find Previous", "Replace…"]


# --- View menu ------------------------------------------------------------------------

def test_zoom_and_text_size_apply_to_every_tab_and_are_remembered(window, qtbot, corpus_library):
    reader = window.open_document(1)
    base = reader.list.font().pointSizeF()
    qtbot.keyClick(reader.list, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.view.zoom == 110 and S.ZOOM.get() == 110
    assert reader.list.font().pointSizeF() == pytest.approx(base * 1.1, rel=0.02)
    window.view.step(1)
    assert window.view.zoom == 125
    comparison = window.open_comparison(passage_of(reader.document, "5(n)"), passage_of(reader.document, "7(a)"))
    assert comparison.list.font().pointSizeF() == pytest.approx(base * 1.25, rel=0.02)  # a new tab too
    window.view.set_text_size(14)
    assert reader.list.font().pointSizeF() == pytest.approx(14 * 1.25, rel=0.02)
    assert reader.title.font().pointSizeF() > reader.list.font().pointSizeF()  # the title follows
    qtbot.keyClick(reader.list, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.view.zoom == 100 and reader.list.font().pointSizeF() == pytest.approx(14, rel=0.02)
    assert [zoom_step(100, -1), zoom_step(50, -1), zoom_step(300, 1)] == [90, 50, 300]
    window.view.set_zoom(150)
    window.close()
    again = MainWindow(corpus_library)
    qtbot.addWidget(again)
    assert again.view.zoom == 150 and again.view.text_size == 14


def test_theme_switch_dark_light_system(window):
    system = QApplication.palette().color(QPalette.ColorRole.Window)
    try:
        window.view.theme_actions["dark"].trigger()
        assert S.THEME.get() == "dark"
        assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 80
        assert QApplication.style().name().lower() == "fusion"
        window.view.set_theme("light")
        assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() > 180
        assert window.view.theme_actions["light"].isChecked()
    finally:
        window.view.set_theme("system")
    assert QApplication.palette().color(QPalette.ColorRole.Window) == system
    assert apply_theme("no such theme") == "system"


# --- printing -------------------------------------------------------------------------

def test_print_opens_a_real_printer_dialog(window):
    window.open_document(1)
    dialog = window.printing.print_dialog()
    assert isinstance(dialog, QPrintDialog) and dialog.isVisible()
    dialog.reject()
    preview = window.printing.preview_dialog()
    assert isinstance(preview, QPrintPreviewDialog) and preview.isVisible()
    preview.reject()


@needs_pdftotext
def test_export_to_pdf_of_a_document_a_comparison_and_a_draft(window, qtbot, tmp_path):
    reader = window.open_document(1)
    doc = reader.document
    out = window.printing.export_pdf(str(tmp_path / "mali.pdf"))
    text = _pdf_text(out)
    for s in (doc.segments[3], next(s for s in doc.segments if s.label == "5(n)")):
        assert " ".join(s.text.split())[:120] in text
    assert "5(n)" in text

    view = window.open_comparison(passage_of(doc, "5(n)", "5(v)"), passage_of(doc, "7(a)", "7(i)"))
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10000)
    out = window.printing.export_pdf(str(tmp_path / "comparison.pdf"))
    text = _pdf_text(out)
    assert "7(c)" in text and "5(p)" in text

    draft = svc.new_draft(window.library, "Conclusions on children and armed conflict in Chad", "1",
                          [Replacement("Mali", "Chad")])
    window.session.check()
    editor = window.drafts.open_draft(draft.id)
    row = [s.label for s in editor.segments].index("2")
    editor.set_text(row, "The members of the Working Group [warmly] welcomed the report on Chad.")
    out = window.printing.export_pdf(str(tmp_path / "draft.pdf"))
    text = _pdf_text(out)
    assert "The members of the Working Group [warmly] welcomed the report on Chad." in text
    assert not list(tmp_path.glob(".concord-*"))  # no temporary file left behind
    # A folder that does not exist: one line, nothing written.
    assert window.printing.export_pdf(str(tmp_path / "nowhere" / "x.pdf")) == ""
    assert not (tmp_path / "nowhere").exists()


# --- continuity -----------------------------------------------------------------------

def test_tabs_are_restored_at_the_next_start(qtbot, corpus_library):
    w = MainWindow(corpus_library)
    qtbot.addWidget(w)
    w.show()
    doc = corpus_library.get_document(1)
    draft = svc.new_draft(corpus_library, "Chad", "1")
    w.session.check()
    reader = w.open_document(1, doc.segments.index(next(s for s in doc.segments if s.label == "7")))
    w.open_comparison(passage_of(doc, "5(n)", "5(v)"), passage_of(doc, "7(a)", "7(i)"))
    w.drafts.open_draft(draft.id)
    w.show_tab(reader)
    w.close()
    again = MainWindow(corpus_library)
    qtbot.addWidget(again)
    again.show()
    assert again.restore_tabs() == 3
    tabs = again.tab_widgets()
    assert [type(t) for t in tabs] == [ReaderView, ComparisonView, DraftEditor]
    assert again.current_tab() is tabs[0] and tabs[0].document.segments[tabs[0].selected_rows()[0]].label == "7"
    assert (tabs[1].left.start, tabs[1].left.end, tabs[1].right.start, tabs[1].right.end) == ("5(n)", "5(v)", "7(a)", "7(i)")
    assert tabs[2].draft_id == draft.id


def test_recent_libraries(window, qtbot, tmp_path):
    other = tmp_path / "other.sqlite"
    assert window.switch_library(str(other))
    assert S.RECENT_LIBRARIES.get()[0] == str(other.resolve())
    window.recent.fill()
    names = [a.text() for a in window.recent.menu.actions() if not a.isSeparator()]
    assert names[0].startswith("&1 other.sqlite") and names[-1] == "&Clear the List"
    window.recent.clear()
    assert S.RECENT_LIBRARIES.get() == []


# --- help -----------------------------------------------------------------------------

def test_help_page_shortcut_list_and_about(window):
    help_ = window.help.show_help()
    text = help_.browser.toPlainText()
    for words in ("Start a draft", "held back", "Send a redline", "Tracked changes"):
        assert words in text
    groups = window.show_shortcuts().groups()
    # Grouped by where they work, complete with no tab open.
    for group in ("File menu", "Edit menu", "Drafts menu", "Reader (a document's tab)", "Comparison",
                  "Draft editor", "Library panel"):
        assert groups[group], group
    assert ("Find…", "Ctrl+F") in groups["Edit menu"] and ("Replace…", "Ctrl+H") in groups["Edit menu"]
    assert ("Add a paragraph below", "Ctrl+Return") in groups["Draft editor"]
    assert ("Compare with…", "Ctrl+E") in groups["Reader (a document's tab)"]
    keys = [k for rows in groups.values() for _, k in rows]
    assert "F7" in keys and "Ctrl+S" in keys and "Alt+Up" in keys
    about = window.help.show_about()
    assert about.title.text().startswith("Concord ") and any(c.isdigit() for c in about.title.text())
    about.close()


def test_draft_editor_keys_table_matches_its_actions(window):
    from ui.drafting.editor_actions import KEYS

    draft = svc.new_draft(window.library, "Chad", "1")
    editor = window.drafts.open_draft(draft.id)
    actual = {a.shortcut().toString() for a in editor.actions() if not a.shortcut().isEmpty()}
    from PySide6.QtGui import QKeySequence

    listed = {QKeySequence(k).toString() for _, k in KEYS}
    assert actual <= listed  # every key the editor has is listed
    assert listed - actual == {"F2", "Tab", "Shift+Tab"}  # and the ones its rows handle


# --- smaller things a first-time drafter tripped on ------------------------------------

def test_file_dialogs_start_in_documents_and_the_library_keeps_its_width(window, qtbot, tmp_path):
    home = Path.home()  # a temporary home in tests
    assert S.start_folder(S.IMPORT_FOLDER) == str(home)
    (home / "Documents").mkdir()
    assert S.start_folder(S.IMPORT_FOLDER) == str(home / "Documents")
    S.IMPORT_FOLDER.set(str(tmp_path))
    assert S.start_folder(S.IMPORT_FOLDER) == str(tmp_path)
    S.IMPORT_FOLDER.set(str(tmp_path / "gone"))
    assert S.start_folder(S.IMPORT_FOLDER) == str(home / "Documents")
    # At 1024 x 700 the library panel is still readable (it was squeezed to 65 pixels).
    window.open_document(1)
    window.resize(1024, 700)
    qtbot.wait(20)
    assert window.panel.width() >= 200


def test_a_new_row_opens_for_typing_and_save_version_says_so(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from app.model import Kind

    draft = svc.new_draft(window.library, "Chad", "1")
    editor = window.drafts.open_draft(draft.id)
    editor.set_current_row([s.label for s in editor.segments].index("6"))
    editor.add_sub_action.trigger()
    assert editor.view.state() == editor.view.State.EditingState
    assert editor.segments[editor.current_row()].kind is Kind.SUBPARAGRAPH
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("zero draft", True)))
    editor.save_version_dialog()
    assert window.statusBar().currentMessage() == "Saved version 1, “zero draft”, of “Chad”."


def test_export_draft_dialog_file_label_has_its_mnemonic(window):
    from PySide6.QtWidgets import QLabel

    from ui.drafting.dialogs import ExportDraftDialog

    draft = svc.new_draft(window.library, "Chad", "1")
    dialog = ExportDraftDialog(window.library, window.library.get_draft(draft.id), window)
    label = next(lab for lab in dialog.findChildren(QLabel) if lab.text() == "&File:")
    assert label.buddy() is dialog.path  # drawn as "File:" with F underlined, not "&File:"
    dialog.close()


def test_keys_keep_working_after_a_menu_was_opened_on_another_tab(window):
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    file_menu.aboutToShow.emit()  # nothing to print yet
    edit_menu.aboutToShow.emit()  # no draft yet
    window.open_document(1)
    window.printing.print_action.trigger()
    assert isinstance(window.printing.last_dialog, QPrintDialog) and window.printing.last_dialog.isVisible()
    window.printing.last_dialog.reject()
    draft = svc.new_draft(window.library, "Chad", "1")
    editor = window.drafts.open_draft(draft.id)
    window.edit.replace_action.trigger()
    assert editor.find_bar.isVisible() and editor.find_bar.replacing


def test_find_with_no_tab_filters_the_library_and_says_where_it_works_elsewhere(window, qtbot):
    window.edit.find_action.trigger()
    assert window.panel.filter.hasFocus()
    doc = window.library.get_document(1)
    view = window.open_comparison(passage_of(doc, "5(n)"), passage_of(doc, "7(a)"))
    window.edit.find_action.trigger()
    assert view.find_bar.isVisible()  # a comparison has its own find bar
