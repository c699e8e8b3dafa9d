"""Managing the library from the window: delete, rename and correct documents and drafts
(asserted on the stored library and on what search and similar language find), and the
same document imported again from another file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from app.services import drafts as svc
from app.services.search import similar_language
from app.store import Library
from ui.commands.library import Target
from ui.models.roles import Role
from ui.views.reader import ReaderView


def _reopen(path: str) -> Library:
    return Library(path)


def _button(box: QMessageBox, text: str):
    return next(b for b in box.buttons() if b.text().replace("&", "") == text)


def _doc_index(window, doc_id: int) -> QModelIndex:
    proxy = window.panel.proxy
    return next(proxy.index(r, 0) for r in range(proxy.rowCount()) if proxy.index(r, 0).data(Role.DOC_ID) == doc_id)


def test_deleting_a_document_asks_first_then_every_index_forgets_it(derived_window, qtbot):
    window = derived_window
    lib = window.library
    assert {h.document_id for h in lib.search("Burkina Faso")} == {2}
    assert any(h.document_id == 2 for h in similar_language(lib, 1, 20, limit=10).elsewhere)
    window.open_document(2)
    window.open_document(1)
    # From the library panel: select document 2, press Delete: a question, nothing deleted yet.
    tree = window.panel.tree
    tree.setFocus()
    tree.setCurrentIndex(_doc_index(window, 2))
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    box = window.library_commands.last_dialog
    assert isinstance(box, QMessageBox) and "Burkina Faso" in box.text() and box.isVisible()
    assert lib.counts()["documents"] == 2
    _button(box, "Cancel").click()
    assert lib.counts()["documents"] == 2

    box = window.library_commands.delete_dialog()
    with qtbot.waitSignal(window.session.library_changed, timeout=10000):
        _button(box, "Delete").click()
    assert [d.id for d in lib.list_documents()] == [1]
    again = _reopen(lib.location)
    try:
        assert [d.id for d in again.list_documents()] == [1]
        assert again.search("Burkina Faso") == []  # the full-text index followed at once
        assert all(h.document_id != 2 for h in similar_language(again, 1, 20, limit=10).elsewhere)
    finally:
        again.close()
    # Its reader tab closed; the other stayed; the panel lists one document.
    readers = [w for w in window.tab_widgets() if isinstance(w, ReaderView)]
    assert [r.document.id for r in readers] == [1]
    assert window.panel.proxy.rowCount() == 1
    assert window.statusBar().currentMessage().startswith("Deleted “Burkina Faso")


def test_correcting_a_documents_details(window, qtbot):
    reader = window.open_document(1)
    dialog = window.library_commands.details_dialog()  # the current reader's document
    assert dialog.fields["situation"].text() == "Mali" and dialog.fields["meeting_date"].text() == "2020-11-20"
    # A bad date is refused in one line and nothing is stored.
    dialog.fields["meeting_date"].setText("20/11/2020")
    dialog.fields["symbol"].setText("S/AC.51/2020/11")
    dialog.accept()
    assert dialog.isVisible() and "is not a date as YYYY-MM-DD" in dialog.error.text()
    assert window.library.get_document(1).symbol == ""
    dialog.fields["meeting_date"].setText("2020-11-21")
    dialog.kind.setCurrentIndex(dialog.kind.findData("public statement"))
    with qtbot.waitSignal(window.session.library_changed, timeout=10000):
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    stored = _reopen(window.library.location)
    try:
        doc = stored.get_document(1)
        assert (doc.symbol, doc.meeting_date, str(doc.doc_kind)) == ("S/AC.51/2020/11", "2020-11-21", "public statement")
        assert doc.segments == window.library.get_document(1).segments  # the text is untouched
    finally:
        stored.close()
    # The open reader and the panel show the corrected details.
    assert "S/AC.51/2020/11" in reader.meta.text() and "2020-11-21" in reader.meta.text()
    assert window.panel.proxy.index(0, 1).data() == "2020-11-21"
    assert window.panel.proxy.index(0, 3).data() == "S/AC.51/2020/11"


def test_renaming_a_document_and_a_draft(window, qtbot):
    draft = svc.new_draft(window.library, "Zero draft on Chad", "1")
    window.session.check()
    editor = window.drafts.open_draft(draft.id)
    commands = window.library_commands
    assert commands.target() == Target("draft", draft.id, "Zero draft on Chad")
    dialog = commands.rename_dialog()
    assert dialog.textValue() == "Zero draft on Chad"
    dialog.setTextValue("Conclusions on Chad, first reading")
    dialog.accept()
    assert window.library.get_draft(draft.id).title == "Conclusions on Chad, first reading"
    assert not commands.rename(Target("draft", draft.id, ""), "   ")  # refused: a draft needs a title
    assert window.library.get_draft(draft.id).title == "Conclusions on Chad, first reading"
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert any("needs a title" in b.text() for b in boxes)
    for b in boxes:
        b.close()
    assert editor.draft_title  # the editor stays open on the renamed draft

    assert commands.rename(Target("document", 1, "Mali"), "Conclusions on <b>Mali</b>, 2020")
    window.session.check()
    assert window.library.get_document(1).title == "Conclusions on <b>Mali</b>, 2020"
    # Tooltips show the title as written, never as markup.
    tip = window.panel.proxy.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;Mali&lt;/b&gt;" in tip and "<b>Mali" not in tip


def test_deleting_a_draft_closes_its_tab(window, qtbot):
    draft = svc.new_draft(window.library, "To be deleted", "1")
    window.session.check()
    editor = window.drafts.open_draft(draft.id)
    editor.set_text(3, editor.segments[3].text + " [new]")
    box = window.library_commands.delete_dialog()  # the current tab is the draft
    assert "“To be deleted”" in box.text()
    _button(box, "Delete").click()
    qtbot.waitUntil(lambda: window.library.list_drafts() == [], timeout=10000)
    assert editor not in window.tab_widgets()
    qtbot.waitUntil(lambda: window.panel.proxy.rowCount() == 1, timeout=10000)  # no "Drafts" group left


def test_library_context_menu(window):
    index = _doc_index(window, 1)
    menu = window.library_commands.context_menu_for(index)
    names = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    assert names == ["Open", "Compare With…", "Rename…", "Edit Details…", "Delete…"]
    # Ctrl+E in the panel compares the selected document (P-22).
    window.panel.tree.setCurrentIndex(index)
    window.library_commands.compare_selected()
    assert window.last_dialog.windowTitle().startswith("Compare")
    window.last_dialog.close()


# --- the same document from another file ---------------------------------------------

@pytest.fixture
def other_copy(tmp_path, corpus_path) -> Path:
    """The corpus saved again by another program: straight quotes, "Secretary General"."""
    text = corpus_path.read_text(encoding="utf-8")
    path = tmp_path / "Mali conclusions (another copy).txt"
    path.write_text(text.replace("’", "'").replace("Secretary-General", "Secretary General"), encoding="utf-8")
    return path


def _import_and_answer(window, qtbot, paths, answer: str, for_all: bool = False):
    controller = window.import_paths([str(p) for p in paths])
    qtbot.waitUntil(lambda: controller.question is not None, timeout=20000)
    question = controller.question
    assert question.isVisible() and "holds the same document as Mali" in question.text()
    assert window.library.counts()["documents"] == 1  # nothing stored before the answer
    if for_all:
        question.for_all.setChecked(True)
    with qtbot.waitSignal(controller.finished, timeout=20000) as blocker:
        _button(question, answer).click()
    return blocker.args[0]


def test_same_document_skip(window, qtbot, other_copy):
    results = _import_and_answer(window, qtbot, [other_copy], "Skip")
    assert results[0].same_action == "skipped"
    assert window.library.counts()["documents"] == 1
    assert window.last_dialog.model.counts() == {"imported": 0, "duplicate": 1, "failed": 0}


def test_same_document_keep_both(window, qtbot, other_copy):
    results = _import_and_answer(window, qtbot, [other_copy], "Keep Both")
    assert results[0].same_action == "kept both"
    docs = window.library.list_documents()
    assert len(docs) == 2 and {d.same_as for d in docs} == {None, 1}
    # The copy is left out of search results: no hit appears twice.
    assert {h.document_id for h in window.library.search("Safe Schools Declaration")} == {1}
    details = window.last_dialog.model.index(0, 2).data()
    assert "kept both" in details and "leave out" in details
    qtbot.waitUntil(lambda: window.panel.proxy.rowCount() == 2, timeout=10000)
    shown = {window.panel.proxy.index(r, 0).data() for r in range(2)}
    assert shown == {"Mali", "Mali (copy)"}  # the two rows can be told apart


def test_same_document_replace_keeps_the_id(window, qtbot, other_copy, tmp_path, corpus_path):
    # Two other copies, told apart by their hyphens; one answer ("for all") for both.
    second = tmp_path / "third copy.txt"
    second.write_text(corpus_path.read_text(encoding="utf-8").replace("’", "'"), encoding="utf-8")
    results = _import_and_answer(window, qtbot, [other_copy, second], "Replace", for_all=True)
    assert [r.same_action for r in results] == ["replaced", "replaced"]
    assert [d.id for d in window.library.list_documents()] == [1]  # the id is kept
    text = " ".join(s.text for s in window.library.get_document(1).segments)
    assert "’" not in text and "Secretary-General" in text  # the last file's text
