"""The drafting scenario end to end, asserted on the stored draft and the exported file."""

from pathlib import Path

import pytest
from docx import Document as DocxFile
from PySide6.QtCore import Qt

from app.drafts import Replacement
from app.model import Kind
from app.services import drafts as svc
from app.services.compare import compare_refs
from app.services.export import export_redline_docx
from app.store import Library
from ui.drafting import DraftEditor

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def editor(qtbot, corpus_library, session):
    draft = svc.new_draft(corpus_library, "Burkina Faso", "1",
                          [Replacement("Mali", "Burkina Faso"), Replacement("Malian", "Burkinabe")])
    ed = DraftEditor(session, draft.id)
    qtbot.addWidget(ed)
    ed.resize(1400, 800)
    ed.show()
    return ed


def _row(ed, label):
    return [s.label for s in ed.segments].index(label)


def _stored(ed):
    lib = Library(ed.session.store.location)
    try:
        return svc.get_draft(lib, ed.draft_id).head
    finally:
        lib.close()


def test_drafting_scenario(qtbot, editor, corpus_library, tmp_path):
    ed = editor
    assert ed.segments[0].text == "Conclusions on children and armed conflict in Burkina Faso"
    # Typing: two keystroke-sized edits of one row merge into one undo step, autosaved.
    i = _row(ed, "5(n)")
    ed.set_current_row(i)
    original = ed.segments[i].text
    ed.set_text(i, "[Strongly] " + original)
    ed.set_text(i, "[Strongly] [firmly] " + original)
    assert ed.undo_stack.count() == 1 and ed.brackets_label.text() == "2 brackets open"
    with qtbot.waitSignal(ed.autosaved, timeout=2000):
        pass
    assert _stored(ed)[i].text.startswith("[Strongly] [firmly]")

    # Add a subparagraph under 6: it becomes 6(a), the old 6(a) becomes 6(b).
    ed.set_current_row(_row(ed, "6"))
    old_6a = ed.segments[_row(ed, "6(a)")].text
    ed.add(Kind.SUBPARAGRAPH)
    assert ed.current_row() == _row(ed, "6(a)") and ed.segments[_row(ed, "6(b)")].text == old_6a
    ed.set_text(ed.current_row(), "Welcoming the release of children")

    # Move with Alt+Up: the new 6(a) goes above paragraph 6, into 5 as 5(ee).
    qtbot.keyClick(ed.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert ed.segments[ed.current_row()].label == "5(ee)"
    qtbot.keyClick(ed.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert ed.segments[ed.current_row()].label == "6(a)"

    # Indent 6(b) under 6(a), then outdent it back.
    ed.set_current_row(_row(ed, "6(b)"))
    assert ed.indent() and ed.segments[ed.current_row()].label == "6(a)(i)"
    assert ed.outdent() and ed.segments[ed.current_row()].label == "6(b)"

    # Delete paragraph 8 with its subparagraphs; 9 becomes 8.
    nine = ed.segments[_row(ed, "9")].text
    ed.set_current_row(_row(ed, "8"))
    ed.delete_row()
    assert ed.segments[_row(ed, "8")].text == nine
    # Undo brings 8 back, redo deletes it again.
    ed.undo_stack.undo()
    assert ed.segments[_row(ed, "9")].text == nine
    ed.undo_stack.redo()
    assert ed.segments[_row(ed, "8")].text == nine

    ed.flush()
    assert _stored(ed) == ed.segments
    assert ed.save_version("zero draft") == 1
    ed.set_text(_row(ed, "2"), ed.segments[_row(ed, "2")].text.replace("welcomed", "[warmly] welcomed"))
    assert ed.save_version("rev.1") == 2

    # Compare the two versions and export the redline as tracked changes.
    cmp = compare_refs(corpus_library, f"draft:{ed.draft_id}@1", f"draft:{ed.draft_id}@2")
    assert [r.right.label for r in cmp.rows if r.op.value == "modified"] == ["2"]
    out = export_redline_docx(cmp, tmp_path / "redline.docx")
    body = DocxFile(str(out)).element.body
    inserted = "".join(t.text for t in body.iter(f"{W}ins") for t in t.iter(f"{W}t"))
    assert "[warmly]" in inserted


def test_precedent_panel_replace_is_undoable(qtbot, editor):
    ed = editor
    i = _row(ed, "5(n)")
    ed.set_current_row(i)
    before = ed.segments[i].text
    with qtbot.waitSignal(ed.panel.results_shown, timeout=5000) as shown:
        ed.set_text(i, "Stressing the primary role of the Government in providing protection")
    assert shown.args[0] >= 1
    top = ed.panel.results[0][0]
    assert top.source() in ("Mali 5(n)", "Mali 7(a)")
    ed.panel.replace_requested.emit(top.text)
    assert ed.segments[i].text == top.text
    ed.undo_stack.undo()
    assert ed.segments[i].text == "Stressing the primary role of the Government in providing protection"
    ed.undo_stack.undo()
    assert ed.segments[i].text == before
    n = len(ed.segments)
    ed.panel.insert_requested.emit(top.text)
    assert len(ed.segments) == n + 1 and ed.segments[i + 1].text == top.text
    assert ed.segments[i + 1].label == "5(o)"
    out = Path(ed.session.store.location).parent / "editor.png"
    assert ed.grab().save(str(out))


def test_dragging_a_row_moves_its_block_undoably(qtmodeltester, editor):
    from PySide6.QtCore import QModelIndex

    ed = editor
    qtmodeltester.check(ed.model)
    model, labels = ed.model, lambda: [s.label for s in ed.segments]
    texts = {s.label: s.text for s in ed.segments if s.label}
    stored_before = ed.segments

    # Paragraph 9 dropped before paragraph 7 (between rows): it becomes 7, with its subparagraphs.
    nine = _row(ed, "9")
    subs_of_9 = [s.text for s in ed.segments if s.label.startswith("9(")]
    assert len(subs_of_9) == 3
    data = model.mimeData([model.index(nine, 0), model.index(nine, 1)])
    assert data.hasFormat("application/x-concord-draft-row")
    model.dropMimeData(data, Qt.DropAction.MoveAction, _row(ed, "7"), 0, QModelIndex())
    assert ed.segments[_row(ed, "7")].text == texts["9"] and ed.segments[_row(ed, "8")].text == texts["7"]
    assert [s.text for s in ed.segments if s.label.startswith("7(")] == subs_of_9
    assert ed.undo_stack.undoText() == "Move" and len(ed.segments) == len(stored_before)

    # 5(b) dropped on 5(e) (onto the row) goes just before it: 5(c), 5(d) move up a letter.
    data = model.mimeData([model.index(_row(ed, "5(b)"), 1)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(_row(ed, "5(e)"), 1))
    assert [ed.segments[_row(ed, f"5({c})")].text for c in "bcd"] == [texts["5(c)"], texts["5(d)"], texts["5(b)"]]
    assert ed.segments[_row(ed, "5(e)")].text == texts["5(e)"]

    # A row dropped on itself changes nothing; undo twice restores the draft exactly.
    count = ed.undo_stack.count()
    model.dropMimeData(model.mimeData([model.index(3, 1)]), Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert ed.undo_stack.count() == count
    ed.undo_stack.undo()
    ed.undo_stack.undo()
    assert ed.segments == stored_before and labels() == [s.label for s in stored_before]
    qtmodeltester.check(ed.model)
