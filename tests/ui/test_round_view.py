"""The compilation view: rows by segment and delegation, filters, undoable decisions, the dialog."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.services import drafts as drafts_svc
from app.services import rounds as svc

ROUND_TESTS = Path(__file__).resolve().parents[1] / "app" / "rounds"
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
REF = "draft:1@1"


def _kit():
    """The returned-file writer of the round tests (a module beside them, not a package)."""
    if "returnkit" in sys.modules:
        return sys.modules["returnkit"]
    spec = importlib.util.spec_from_file_location("returnkit", ROUND_TESTS / "returnkit.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["returnkit"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def round_window(window, tmp_path):
    """The main window, draft 1 (the corpus) open, four returns added to its version 1."""
    kit = _kit()
    lib = window.library
    drafts_svc.new_draft(lib, "Mali", from_ref="1")
    lib.save_version(1, "rev.1")
    for author, delegation in kit.AUTHORS.items():
        lib.set_author_delegation(author, delegation)
    version = lib.get_version(1, 1).segments
    uk = kit.write_return(tmp_path / "uk.docx", version, kit.Edits()
                          .insert("5(c)", "insecurity", ", the COVID-19 pandemic", "J. Smith")
                          .replace("5(b)", "further implement", "fully implement", "A. Jones"))
    fr = kit.write_return(tmp_path / "fr.docx", version, kit.Edits()
                          .replace("5(c)", "insecurity and access restrictions", "the security situation",
                                   "M. Dupont"))
    de = kit.write_return(tmp_path / "de.docx", version, kit.Edits()
                          .comment("5(d)", "without undue delay", "Would 'promptly' be enough?", "K. Weber")
                          .delete("5(f)", "K. Weber").new("5(e)", kit.NEW_TEXT, "L. Braun"))
    no = kit.write_clean(tmp_path / "no.docx", version, [("5(h)", "grave concern", "serious concern")])
    assert not any(a.error for a in svc.add_returns(lib, REF, [uk, fr]))
    assert not any(a.error for a in svc.add_returns(lib, REF, [de], "Germany"))
    assert not any(a.error for a in svc.add_returns(lib, REF, [no], "Norway"))
    window.drafts.open_draft(1)
    return window


def _view(window):
    return window.drafts.open_round(1, 1)


def _rows(view, kind):
    return [r for r in view.model.rows if r.kind == kind]


def test_rows_follow_the_compilation(round_window, qtmodeltester):
    view = _view(round_window)
    qtmodeltester.check(view.model)
    assert len(_rows(view, "segment")) == 106
    proposals = _rows(view, "proposal")
    assert sorted(r.delegation for r in proposals) == ["France", "Germany", "Norway", "United Kingdom",
                                                        "United Kingdom"]
    competing = [r for r in proposals if r.competing]
    assert [r.delegation for r in competing] == ["United Kingdom", "France"]
    row = view.model.rows.index(competing[0])
    assert view.model.index(row, 2).data(Qt.ItemDataRole.BackgroundRole) is not None
    (comment,) = _rows(view, "comment")
    assert comment.delegation == "Germany (K. Weber)" and "without undue delay" in comment.text
    (new,) = _rows(view, "new")
    assert new.text == f"New paragraph: {_kit().NEW_TEXT}" and new.spans[0][2] == "insert"
    assert view.summary.text().startswith("4 returns \u00b7 6 proposals from 4 delegations \u00b7 2 competing")
    assert competing[0].status == f"pending \u00b7 competes with {competing[1].key}"


def test_filters(round_window):
    view = _view(round_window)
    view.delegation.setCurrentText("France")
    assert [(r.kind, r.label) for r in view.model.rows] == [("segment", "5(c)"), ("proposal", "2.1")]
    view.delegation.setCurrentText("All delegations")
    view.competing.setChecked(True)
    assert [r.delegation for r in _rows(view, "proposal")] == ["United Kingdom", "France"]
    view.competing.setChecked(False)
    view.paragraph.setText("5(d)")
    assert [r.kind for r in view.model.rows] == ["segment", "comment"]


def _head_text(window, label):
    return next(s.text for s in window.library.get_draft(1).head if s.label == label)


def test_decisions_are_undoable_steps_and_competing_ones_ask(round_window):
    view = _view(round_window)
    uk = next(r.key for r in _rows(view, "proposal") if r.competing and r.delegation == "United Kingdom")
    fr = next(r.key for r in _rows(view, "proposal") if r.competing and r.delegation == "France")
    assert view.accept(uk)
    assert "insecurity, the COVID-19 pandemic and" in _head_text(round_window, "5(c)")
    asked = []
    view.choose_winner = lambda key, rivals: asked.append((key, rivals)) or key
    assert view.accept(fr)
    assert asked == [(fr, (uk,))]
    assert _head_text(round_window, "5(c)").startswith("Noting with concern that the security situation to")
    state = svc.state(round_window.library, REF)
    assert (state.status(uk).value, state.status(fr).value) == ("rejected", "accepted")
    view.undo_stack.undo()
    state = svc.state(round_window.library, REF)
    assert (state.status(uk).value, state.status(fr).value) == ("accepted", "pending")
    assert "insecurity, the COVID-19 pandemic and" in _head_text(round_window, "5(c)")
    editor = round_window.drafts.editors()[0]
    assert next(s.text for s in editor.segments if s.label == "5(c)") == _head_text(round_window, "5(c)")
    view.choose_winner = lambda key, rivals: None  # cancelled: nothing changes
    assert not view.accept(fr)
    assert (view.undo_stack.index(), view.undo_stack.count()) == (1, 2)  # nothing pushed


def test_edit_by_hand_and_undo(round_window):
    view = _view(round_window)
    index = next(r.index for r in _rows(view, "segment") if r.label == "5(c)")
    view.edit(index, "Noting with concern that insecurity, including the pandemic, limited access;")
    assert _head_text(round_window, "5(c)") == "Noting with concern that insecurity, including the pandemic, limited access;"
    assert next(r for r in _rows(view, "segment") if r.label == "5(c)").status == "edited"
    assert view.model.rows[0].kind == "segment"
    view.undo_stack.undo()
    assert _head_text(round_window, "5(c)").startswith("Noting with concern that insecurity and access")


def test_add_returns_dialog_refuses_another_document(round_window, tmp_path):
    from ui.dialogs.round_dialog import RoundReturnsDialog

    other = tmp_path / "other.txt"
    other.write_text("1. A text about something else entirely.\n", encoding="utf-8")
    kit = _kit()
    version = round_window.library.get_version(1, 1).segments
    good = kit.write_clean(tmp_path / "cl.docx", version, [("5(k)", "Strongly condemning", "Condemning")])
    dialog = RoundReturnsDialog(round_window.session, REF, round_window)
    dialog.add_files([str(other), str(good), str(good)])
    assert dialog.paths() == [str(other), str(good)]
    dialog.delegation.setText("Chile")
    last = dialog.authors.rowCount() - 1  # the empty row at the end
    dialog.authors.item(last, 0).setText("K. Weber")
    assert dialog.authors.rowCount() == last + 2  # a new empty row for the next one
    dialog.authors.item(last, 1).setText("Germany")
    dialog.accept()
    assert dialog.isVisible() or dialog.result() == 0
    assert dialog.error.text().startswith("other.txt: not a return of draft 1 version 1")
    assert dialog.paths() == [str(other)]  # the file that was added left the list
    assert round_window.library.author_delegations()["K. Weber"] == "Germany"
    assert [a.file for a in dialog.results if not a.error] == ["cl.docx"]


def test_screenshot_of_the_compilation(round_window, qtbot, tmp_path):
    shots = SHOTS if os.environ.get("CONCORD_SCREENSHOTS") else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    round_window.resize(1400, 860)
    view = _view(round_window)
    view.accept(next(r.key for r in _rows(view, "proposal") if r.delegation == "Norway"))
    row = next(i for i, r in enumerate(view.model.rows) if r.label == "5(b)")
    view.view.scrollTo(view.model.index(row, 0), view.view.ScrollHint.PositionAtTop)
    view.view.selectRow(next(i for i, r in enumerate(view.model.rows) if r.competing))
    qtbot.wait(50)
    QApplication.processEvents()
    assert round_window.grab().save(str(shots / "round-compilation.png"))
    view.competing.setChecked(True)
    qtbot.wait(50)
    assert view.grab().save(str(shots / "round-competing.png"))
    assert (shots / "round-compilation.png").stat().st_size > 20_000


def test_bracket_register_dialog(round_window):
    view = _view(round_window)
    index = next(r.index for r in _rows(view, "segment") if r.label == "5(c)")
    view.edit(index, "Noting with [grave] concern that insecurity limited access;")
    dialog = view.brackets_dialog()
    cells = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert cells == ["5(c)", "[grave]", "penholder", "working copy", "open"]
    dialog.close()


def test_drafts_menu_opens_the_round_on_the_last_version(round_window):
    assert round_window.drafts.round_action.isEnabled()  # the draft editor is the current tab
    view = round_window.drafts.round_dialog()
    assert (view.draft_id, view.version) == (1, 1)
    assert round_window.tabs.currentWidget() is view
    assert round_window.tabs.tabText(round_window.tabs.currentIndex()) == "Round: rev.1"


def test_round_keys_are_in_help(round_window):
    groups = round_window.show_shortcuts().groups()
    assert ("Accept the selected proposal", "A") in groups["Negotiation round"]
    assert ("Negotiation Round on a Version…", "Ctrl+Alt+R") in groups["Drafts menu"]
    view = _view(round_window)
    assert view.buttons["accept"].shortcut().toString() == "A"
