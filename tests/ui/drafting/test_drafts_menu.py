"""The Drafts menu in the main window: new draft with a replace step, open from the panel,
versions, history comparison, redline export, import of a returned Word file, flushing."""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document as DocxFile
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.compare.model import RowOp as Op
from app.services import drafts as svc
from app.store import Library
from ui import settings as S
from ui.drafting import DraftEditor
from ui.drafting.dialogs import ExportChoice
from ui.drafting.new_draft_dialog import DOCUMENT, NewDraftDialog
from ui.models.roles import Role

SHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


def _shots(tmp_path: Path) -> Path:
    shots = SHOTS if os.environ.get("CONCORD_SCREENSHOTS") else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    return shots


def _stored(path: str, draft_id: int):
    lib = Library(path)
    try:
        return svc.get_draft(lib, draft_id)
    finally:
        lib.close()


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text))


def _new_burkina_draft(window, qtbot) -> NewDraftDialog:
    """Through the dialog, from the open Mali document, with the pre-filled replace step."""
    window.open_document(1)
    dialog = window.drafts.new_draft_dialog()
    assert dialog.source_kind() == DOCUMENT and dialog.source_ref() == "1"
    dialog.situation.setText("Burkina Faso")
    assert dialog.pairs.pairs == [["Mali", "Burkina Faso"], ["Malian", "Burkinabe"]]
    assert dialog.title.text() == "Conclusions on children and armed conflict in Burkina Faso"
    # The drafter adds a pair of their own; the preview follows.
    row = dialog.pairs.add_pair()
    dialog.pairs.setData(dialog.pairs.index(row, 0), "Bamako")
    dialog.pairs.setData(dialog.pairs.index(row, 1), "Ouagadougou")
    assert dialog.refresh()
    return dialog


@pytest.fixture
def burkina(window, qtbot, tmp_path):
    dialog = _new_burkina_draft(window, qtbot)
    hits = dialog.hits.hits
    changes = {(h.old, h.new) for h in hits}
    assert {("Mali", "Burkina Faso"), ("Malian", "Burkinabe")} <= changes
    assert dialog.hits.rowCount() == len(hits) and dialog.hits.index(0, 1).data() == f"{hits[0].old} → {hits[0].new}"
    assert dialog.preview_label.text().startswith(f"{len(hits)} replacements in ")
    qtbot.wait(50)
    assert dialog.grab().save(str(_shots(tmp_path) / "new-draft.png"))
    assert svc.list_drafts(window.library) == []  # nothing stored before Create
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    editor = window.tabs.currentWidget()
    assert isinstance(editor, DraftEditor) and editor.draft_id == dialog.draft.id
    return editor, hits


def test_new_draft_replaces_and_opens_from_the_panel(window, qtbot, burkina):
    editor, hits = burkina
    draft = _stored(window.library.path, editor.draft_id)
    assert draft.situation == "Burkina Faso"
    text = "\n".join(s.text for s in draft.head)
    plain = [h for h in hits if not h.held]
    assert "Burkinabe" in _words(text) and text.count("Burkina Faso") >= sum(h.old == "Mali" for h in plain)
    # Every plain hit the preview listed is now in the stored row it named; "Mali" is left
    # only where the replace step held it (Mali's symbols, dates, mission, agreement).
    for h in plain:
        assert h.new in draft.head[h.index].text
    held_rows = {h.index for h in hits if h.held}
    assert all(i in held_rows for i, s in enumerate(draft.head) if {"Mali", "Malian"} & _words(s.text))

    # The library panel lists it under "Drafts"; a double-click opens it (after closing its tab).
    window.close_tab(window.tabs.indexOf(editor))
    proxy, tree = window.panel.proxy, window.panel.tree
    group = proxy.index(proxy.rowCount() - 1, 0)
    assert group.data() == "Drafts (1)"
    tree.expand(group)
    item = proxy.index(0, 0, group)
    assert item.data(Role.DRAFT_ID) == editor.draft_id and item.data() == f"Burkina Faso — {draft.title}"
    tree.scrollTo(item)
    where = tree.visualRect(item).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert tree.currentIndex() == item
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    reopened = window.tabs.currentWidget()
    assert isinstance(reopened, DraftEditor) and reopened.draft_id == editor.draft_id
    assert reopened.segments == draft.head
    # The filter box keeps drafts whose title or situation match.
    window.panel.filter.setText("burkina")
    assert proxy.rowCount() == 1 and proxy.index(0, 0).data() == "Drafts (1)"
    window.panel.filter.setText("sudan")
    assert proxy.rowCount() == 0


def test_versions_history_redline_and_import(window, qtbot, burkina, tmp_path):
    editor, _ = burkina
    draft_id = editor.draft_id
    assert editor.save_version("zero draft") == 1
    row = [s.label for s in editor.segments].index("2")
    edited = editor.segments[row].text.replace("welcomed", "[warmly] noted")
    assert edited != editor.segments[row].text
    editor.set_current_row(row)
    editor.set_text(row, edited)
    assert editor.save_version("rev.1") == 2

    # Draft History: the latest pair is offered first and its comparison shows the edit.
    dialog = window.drafts.history_dialog()
    assert dialog.pair() == (1, 2) and dialog.box.count() == 2  # 1→2 and 2→working copy
    dialog.accept()
    view = window.tabs.currentWidget()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10000)
    modified = [r for r in view.comparison.rows if r.op is Op.MODIFIED]
    assert [r.right.label for r in modified] == ["2"]
    assert "[warmly]" in modified[0].right.text and "[warmly]" not in modified[0].left.text
    assert view.right_picker.ref() == f"draft:{draft_id}@2"  # the header names the draft version
    assert view.right_picker.document.currentText() == "Burkina Faso draft, rev.1"
    assert window.tabs.tabText(window.tabs.currentIndex()) == "zero draft ↔ rev.1"
    qtbot.wait(50)
    assert window.grab().save(str(tmp_path / "draft-history.png"))

    # Export the redline of rev.1 against the zero draft through the dialog.
    window.tabs.setCurrentWidget(editor)
    out = tmp_path / "out" / "redline.docx"
    out.parent.mkdir()
    export = window.drafts.export_dialog()
    export.version.setCurrentIndex(export.version.findData(2))
    export.redline_radio.setChecked(True)
    export.base.setCurrentIndex(export.base.findData(f"draft:{draft_id}@1"))
    export.author.setText("Delegation of Example")
    export.path.setText(str(out))
    export.accept()
    qtbot.waitUntil(out.exists, timeout=10000)
    assert S.EXPORT_AUTHOR.get() == "Delegation of Example" and S.EXPORT_FOLDER.get() == str(out.parent)
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert "<w:ins " in xml and "<w:del " in xml
    body = DocxFile(str(out)).element.body
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    inserted = "".join(t.text or "" for ins in body.iter(f"{W}ins") for t in ins.iter(f"{W}t"))
    deleted = "".join(t.text or "" for d in body.iter(f"{W}del") for t in d.iter(f"{W}delText"))
    assert "[warmly] noted" in inserted and "welcomed" in deleted
    assert all(ins.get(f"{W}author") == "Delegation of Example" for ins in body.iter(f"{W}ins"))

    # A text returned by another delegation: the working copy in Word, one paragraph changed.
    returned = tmp_path / "returned-by-delegation.docx"
    window.drafts.export(draft_id, ExportChoice(None, str(returned)))
    qtbot.waitUntil(returned.exists, timeout=10000)
    word = DocxFile(str(returned))
    para = next(p for p in word.paragraphs if "[warmly] noted" in p.text)
    para.add_run(" It commended the transition authorities.")
    word.save(str(returned))
    window.drafts.import_word(str(returned), into=draft_id)
    qtbot.waitUntil(lambda: len(editor.draft.versions) == 3, timeout=10000)
    stored = _stored(window.library.path, draft_id)
    assert stored.versions[-1].name == "returned-by-delegation.docx"
    assert any("commended" in s.text for s in stored.head)
    assert editor.segments == stored.head  # the open editor shows the returned text...
    editor.undo_stack.undo()  # ...as one undoable step
    assert not any("commended" in s.text for s in editor.segments)


def test_compare_draft_with_a_library_document(window, qtbot, burkina):
    editor, _ = burkina
    dialog = window.drafts.compare_dialog()
    assert dialog.picker.ref() == "1"
    dialog.picker.start.setCurrentText("5(n)")
    dialog.picker.end.setCurrentText("5(v)")
    dialog.accept()
    view = window.tabs.currentWidget()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10000)
    assert view.left.ref == "1" and view.left.start == "5(n)"
    assert view.right.ref == f"draft:{editor.draft_id}"
    assert any(r.op is Op.MODIFIED and "Burkina Faso" in r.right.text for r in view.comparison.rows)


def test_open_draft_dialog_and_import_as_new_draft(window, qtbot, corpus_path, tmp_path):
    empty = window.drafts.open_draft_dialog()
    assert empty.model.rowCount() == 0 and "No draft" in empty.intro.text()
    empty.reject()
    window.drafts.import_word(str(corpus_path))
    qtbot.waitUntil(lambda: isinstance(window.tabs.currentWidget(), DraftEditor), timeout=10000)
    editor = window.tabs.currentWidget()
    draft = _stored(window.library.path, editor.draft_id)
    assert [v.name for v in draft.versions] == [corpus_path.name] and draft.situation == "Mali"
    window.close_tab(window.tabs.currentIndex())
    dialog = window.drafts.open_draft_dialog()
    assert dialog.model.rowCount() == 1 and dialog.model.index(0, 2).data() == f"1 ({corpus_path.name})"
    dialog.view.activated.emit(dialog.model.index(0, 0))
    assert window.tabs.currentWidget().draft_id == draft.id


def test_closing_a_tab_or_the_window_keeps_what_was_typed(window, qtbot, burkina, tmp_path):
    editor, _ = burkina
    path, draft_id = window.library.path, editor.draft_id
    editor.set_text(1, "Typed just before closing the tab")
    window.close_tab(window.tabs.indexOf(editor))  # before the autosave timer fires
    assert _stored(path, draft_id).head[1].text == "Typed just before closing the tab"
    editor = window.drafts.open_draft(draft_id)
    editor.set_text(1, "Typed just before closing the window")
    window.close()
    assert _stored(path, draft_id).head[1].text == "Typed just before closing the window"


def test_screenshot_of_a_draft_tab_with_precedents(window, qtbot, burkina, tmp_path):
    editor, _ = burkina
    window.resize(1400, 860)
    tree = window.panel.tree
    tree.expand(window.panel.proxy.index(window.panel.proxy.rowCount() - 1, 0))
    row = [s.label for s in editor.segments].index("5(o)")
    text = editor.segments[row].text.replace("Commending", "[Strongly] commending", 1)
    with qtbot.waitSignal(editor.panel.results_shown, timeout=5000) as shown:
        editor.set_current_row(row)
        editor.set_text(row, text.replace("national policy", "[comprehensive] national policy"))
    assert shown.args[0] >= 1 and editor.panel.results[0][0].source() == "Mali 5(o)"
    editor.view.scrollTo(editor.model.index(row, 1), editor.view.ScrollHint.PositionAtCenter)
    qtbot.wait(50)
    QApplication.processEvents()
    shot = _shots(tmp_path) / "draft-editor.png"
    assert window.grab().save(str(shot))
    assert shot.stat().st_size > 20_000


def test_drafts_menu_shortcuts_do_not_clash(window, qtbot, burkina):
    from PySide6.QtGui import QAction, QKeySequence

    editor, _ = burkina
    reader = window.open_document(1)
    view = window.drafts.open_history(editor.draft_id, None, None)

    def keys(actions) -> list[str]:
        return [a.shortcut().toString(QKeySequence.SequenceFormat.PortableText) for a in actions
                if not a.shortcut().isEmpty()]

    menu = keys(window.drafts.menu.actions())
    assert menu == ["Ctrl+N", "Ctrl+Shift+O", "Ctrl+Shift+I", "Ctrl+Alt+V", "Ctrl+Shift+C", "Ctrl+Shift+X",
                    "Ctrl+Alt+D"]
    assert all(a.text() and a.toolTip() for a in window.drafts.menu.actions() if not a.isSeparator())
    menus = [a.menu() for a in window.menuBar().actions() if a.menu()]
    assert window.drafts.menu in menus
    window_keys = keys(a for m in menus for a in m.actions())
    assert set(menu) <= set(window_keys) and len(window_keys) == len(set(window_keys))
    for tab in (editor, reader, view):
        own = keys(tab.findChildren(QAction))
        assert not set(own) & set(window_keys), type(tab).__name__


def test_new_draft_from_the_skeleton_and_from_another_drafts_version(window, qtbot, burkina):
    from ui.drafting.new_draft_dialog import DRAFT, SKELETON

    editor, _ = burkina
    editor.save_version("zero draft")
    window.tabs.setCurrentIndex(window.tabs.indexOf(editor))  # not a reader: the skeleton is offered first
    dialog = window.drafts.new_draft_dialog()
    assert dialog.source_kind() == SKELETON and dialog.replace_box.isHidden()
    dialog.situation.setText("Chad")
    assert dialog.create() is not None
    chad = _stored(window.library.path, dialog.draft.id)
    assert chad.head[0].text == "Conclusions on children and armed conflict in Chad"
    dialog.reject()

    dialog = window.drafts.new_draft_dialog()
    dialog.draft_radio.setChecked(True)
    dialog.draft_box.setCurrentIndex(dialog.draft_box.findData(editor.draft_id))
    assert dialog.source_kind() == DRAFT and dialog.source_ref() == f"draft:{editor.draft_id}@1"
    assert not dialog.replace_box.isHidden()
    dialog.situation.setText("Niger")
    assert dialog.pairs.pairs == [["Burkina Faso", "Niger"], ["Burkinabe", "Nigerien"]]
    assert dialog.refresh() and dialog.hits.rowCount() > 0
    dialog.title.setText("Niger, from the Burkina Faso zero draft")
    assert dialog.create() is not None
    niger = _stored(window.library.path, dialog.draft.id)
    words = _words(" ".join(s.text for s in niger.head))
    assert niger.title == "Niger, from the Burkina Faso zero draft" and niger.situation == "Niger"
    assert "Nigerien" in words and "Burkinabe" not in words and "Burkina" not in words
    dialog.reject()
