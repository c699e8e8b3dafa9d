"""The replace step as a review: a checkbox per place, held places unchecked with the reason,
and the places marked in the new draft until the drafter has looked at them."""

from __future__ import annotations

import html

import pytest
from PySide6.QtCore import Qt

from app.drafts import Replacement
from app.model import Kind, ReviewMark, Segment
from app.services import drafts as svc
from app.store import Library
from ui.drafting import DraftEditor
from ui.drafting.review import follow_marks, next_marked_row, review_summary, row_map
from ui.models.roles import Role

REPS = [Replacement("Mali", "Burkina Faso"), Replacement("Malian", "Burkinabe")]


def _stored_marks(path: str, draft_id: int) -> tuple[ReviewMark, ...]:
    lib = Library(path)
    try:
        return lib.review_marks(draft_id)
    finally:
        lib.close()


def _rows(*texts: str) -> tuple[Segment, ...]:
    return tuple(Segment(Kind.PARAGRAPH, t, str(i + 1)) for i, t in enumerate(texts))


@pytest.mark.parametrize(("after", "expected"), [
    # a row added above: the marks move down with their row
    (("new", "a Mali b", "c", "d Mali"), [(1, 2), (3, 2)]),
    # the marked row edited: its mark is gone (the drafter has looked at it)
    (("a Chad b", "c", "d Mali"), [(2, 2)]),
    # the marked row deleted
    (("c", "d Mali"), [(1, 2)]),
    # a marked row moved to the end: its mark goes with it
    (("c", "d Mali", "a Mali b"), [(1, 2), (2, 2)]),
    # nothing changed
    (("a Mali b", "c", "d Mali"), [(0, 2), (2, 2)]),
])
def test_marks_follow_their_rows(after, expected):
    before = _rows("a Mali b", "c", "d Mali")
    marks = (ReviewMark(0, 2, 6, "held", "not replaced: cites S/AC.51/2018/1"),
             ReviewMark(2, 2, 6, "replaced", "replaced 'Mali'"))
    moved = follow_marks(marks, before, _rows(*after))
    assert [(m.index, m.start) for m in moved] == expected
    assert all(m.note in {x.note for x in marks} for m in moved)


def test_row_map_pairs_duplicates_in_order_and_review_wording():
    assert row_map(_rows("x", "x", "y"), _rows("x", "x", "y")) == {0: 0, 1: 1, 2: 2}
    marks = (ReviewMark(3, 0, 1, "replaced", ""), ReviewMark(3, 4, 5, "held", ""), ReviewMark(7, 0, 1, "held", ""))
    assert review_summary(marks) == "3 to review (1 replaced, 2 held)"
    assert review_summary(()) == ""
    assert next_marked_row(marks, 0) == 3 and next_marked_row(marks, 3) == 7 and next_marked_row(marks, 7) == 3
    assert next_marked_row(marks, 5, forward=False) == 3 and next_marked_row((), 0) == -1


def test_the_preview_holds_places_back_and_the_drafter_decides(window, qtbot):
    window.open_document(1)
    dialog = window.drafts.new_draft_dialog()
    dialog.situation.setText("Burkina Faso")
    assert dialog.refresh()
    model = dialog.hits
    hits = list(model.hits)
    held = [r for r, h in enumerate(hits) if h.held]
    plain = [r for r, h in enumerate(hits) if not h.held]
    assert held and plain
    # Held places are unchecked with their reason shown; the others are checked.
    for r in held:
        assert model.index(r, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
        assert model.index(r, 2).data() == hits[r].held
    assert all(model.index(r, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked for r in plain)
    mission = next(r for r in held if "MINUSMA" in hits[r].held)
    assert hits[mission].held == "names the mission MINUSMA"
    # The drafter checks one held place (through the checkbox) and unchecks a plain one.
    assert model.setData(model.index(mission, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    model.set_checked(plain[0], False)
    assert f"{len(plain)} to be made" in dialog.preview_label.text()  # one in, one out
    dialog.refresh()  # planning again keeps the choices
    assert model.is_checked(mission) and not model.is_checked(plain[0])
    draft = dialog.create()
    assert draft is not None

    head = draft.head
    m, p = hits[mission], hits[plain[0]]
    mission_text = head[m.index].text
    assert "Stabilization Mission in Burkina Faso (MINUSMA)" in mission_text  # checked: replaced
    # The unchecked plain place kept its word; so did every other held place.
    source_text = window.library.get_document(1).segments
    assert head[p.index].text[p.start:p.end] == "Mali" == source_text[p.index].text[p.start:p.end]
    marks = _stored_marks(window.library.path, draft.id)
    assert len(marks) == len(hits)
    kinds = {(mk.index, mk.kind, mk.note) for mk in marks}
    assert (p.index, "held", "not replaced: left unchecked in the preview") in kinds
    assert sum(1 for mk in marks if mk.kind == "replaced") == len(plain)
    for mk in marks:
        written = head[mk.index].text[mk.start:mk.end]
        assert written in ("Burkina Faso", "Burkinabe") if mk.kind == "replaced" else written in ("Mali", "Malian")


@pytest.fixture
def editor(qtbot, corpus_library, session):
    draft = svc.new_draft(corpus_library, "Burkina Faso", "1", REPS)
    ed = DraftEditor(session, draft.id)
    qtbot.addWidget(ed)
    ed.resize(1300, 800)
    ed.show()
    return ed


def _saved(qtbot, ed) -> None:
    with qtbot.waitSignal(ed.autosaved, timeout=5000):
        pass


def test_marked_places_are_highlighted_until_reviewed(qtbot, editor):
    ed = editor
    path = ed.session.store.location
    marks = _stored_marks(path, ed.draft_id)
    assert marks and ed.marks == marks
    assert ed.review_bar.isVisible() and ed.review_bar.label.text().startswith(f"{len(marks)} to review")
    first = marks[0]
    spans = ed.model.index(first.index, 1).data(Role.SPANS)
    assert (first.start, first.end, first.kind) in spans
    assert first.note in html.unescape(ed.model.index(first.index, 1).data(Qt.ItemDataRole.ToolTipRole))

    # Next to review goes to the first marked row; Mark reviewed clears that row's marks.
    ed.set_current_row(0)
    row = ed.next_to_review()
    assert row == min(m.index for m in marks if m.index > 0)
    done = ed.mark_reviewed()
    assert done == sum(1 for m in marks if m.index == row)
    _saved(qtbot, ed)
    stored = _stored_marks(path, ed.draft_id)
    assert len(stored) == len(marks) - done and row not in {m.index for m in stored}

    # A paragraph added at the top moves every mark down one row, in the library too.
    ed.set_current_row(0)
    assert ed.add(Kind.PARAGRAPH, "Recalling its previous conclusions")
    _saved(qtbot, ed)
    shifted = _stored_marks(path, ed.draft_id)
    added = ed.current_row()
    assert [(m.index, m.start) for m in shifted] == [(m.index + (m.index >= added), m.start) for m in stored]

    # Editing a marked row clears its marks; undo does not need them back to be right.
    target = shifted[0].index
    ed.set_text(target, ed.segments[target].text + " (edited)")
    _saved(qtbot, ed)
    assert target not in {m.index for m in _stored_marks(path, ed.draft_id)}

    assert ed.mark_all_reviewed() > 0
    _saved(qtbot, ed)
    assert _stored_marks(path, ed.draft_id) == () and not ed.review_bar.isVisible()
    assert not ed.mark_reviewed_action.isEnabled()


def test_find_and_replace_in_a_draft(qtbot, editor):
    ed = editor
    row = [s.label for s in ed.segments].index("2")
    ed.set_current_row(row)
    ed.set_text(row, "MALI and Mali welcomed the Malian report on mali.", mergeable=False)
    steps = ed.undo_stack.count()
    ed.open_replace()
    bar = ed.find_bar
    assert bar.isVisible() and bar.replacing
    bar.whole_words.setChecked(True)
    bar.find_field.setText("mali")
    total = len(ed.finder.matches)
    in_row = [m for m in ed.finder.matches if m.index == row]
    assert len(in_row) == 3  # "Malian" is not a whole word "mali"
    assert bar.status.text().endswith(f"of {total}") and bar.replace_all_button.text() == f"Replace All ({total})"
    found = ed.model.index(row, 1).data(Role.SPANS)
    assert (0, 4, "current") in found or (0, 4, "find") in found

    bar.replacement.setText("chad")
    assert ed.finder.replace_all() == total
    assert ed.segments[row].text == "CHAD and Chad welcomed the Malian report on chad."
    assert ed.undo_stack.count() == steps + 1  # one step, however many rows
    assert ed.undo_stack.undoText() == f"Replace all “mali” ({total})"
    assert bar.status.text() == "no match"
    _saved(qtbot, ed)
    lib = Library(ed.session.store.location)
    try:
        assert svc.get_draft(lib, ed.draft_id).head[row].text.startswith("CHAD and Chad")
    finally:
        lib.close()
    ed.undo_stack.undo()
    assert ed.segments[row].text.startswith("MALI and Mali")

    # Replace one: the current match only, its case kept.
    bar.match_case.setChecked(False)
    bar.whole_words.setChecked(False)
    bar.find_field.setText("Malian")
    ed.set_current_row(row)
    ed.finder.refresh()
    current = ed.finder.matches[ed.finder.current]
    bar.replacement.setText("burkinabe")
    assert ed.finder.replace_one()
    assert ed.segments[current.index].text[current.start:].startswith("Burkinabe")
    bar.close_bar()
    assert not ed.model.found


def test_tab_in_a_row_moves_on_instead_of_typing_a_tab(qtbot, editor):
    ed = editor
    row = [s.label for s in ed.segments].index("2")
    ed.set_current_row(row)
    ed.view.setFocus()
    ed.view.edit(ed.model.index(row, 1))
    text_edit = ed.view.indexWidget(ed.model.index(row, 1))
    assert text_edit is not None
    qtbot.keyClicks(text_edit, " Noted")
    qtbot.keyClick(text_edit, Qt.Key.Key_Tab)
    assert "\t" not in ed.segments[row].text and ed.segments[row].text.endswith(" Noted")
    assert ed.current_row() == row + 1
    assert ed.view.state() != ed.view.State.EditingState
    _saved(qtbot, ed)
    lib = Library(ed.session.store.location)
    try:
        assert "\t" not in svc.get_draft(lib, ed.draft_id).head[row].text
    finally:
        lib.close()
