"""The GUI on a team library: connect through the dialog, read, search, draft, autosave."""

from __future__ import annotations

import os

from app.drafts import edit_text
from app.services import drafts as svc
from app.services.library import open_library
from app.store import open_store


def test_connect_read_search_and_draft_on_a_team_library(qtbot, pg_address, corpus_doc, tmp_path):
    from ui.dialogs.team_library import TeamLibraryDialog
    from ui.drafting import DraftEditor
    from ui.main_window import MainWindow

    seed = open_store(pg_address)
    seed.add_document(corpus_doc)
    draft = svc.new_draft(seed, "Mali 2022", "1")
    window = MainWindow(open_library(str(tmp_path / "own.sqlite")))
    qtbot.addWidget(window)
    window.resize(1300, 820)
    window.show()

    dialog = TeamLibraryDialog(window, pg_address)
    assert (dialog.server.text(), dialog.database.text(), dialog.user.text()) == (
        pg_address.split("@")[1].split("/")[0], pg_address.rsplit("/", 1)[1], "alice")
    dialog.password.setText("not kept anywhere")
    if os.environ.get("CONCORD_SCREENSHOTS"):
        dialog.grab().save(str(tmp_path / "team-library.png"))
    dialog.accept()
    assert dialog.address == pg_address
    assert window.switch_library(dialog.address)
    store = window.session.store
    assert store.location == pg_address
    assert window.panel.tree.model().rowCount() > 0
    assert {h.label for h in store.search("deprivation of liberty")} == {"5(h)", "5(r)", "7(e)"}

    editor = DraftEditor(window.session, draft.id)
    qtbot.addWidget(editor)
    editor.show()
    seed.save_head(draft.id, edit_text(draft.head, 2, "A colleague's wording."), base=draft.head_revision)
    editor.set_text(3, "My wording.")  # typed in an editor opened before the colleague saved
    assert editor.flush()
    stored = seed.get_draft(draft.id)
    assert stored.head[3].text == "My wording." and stored.head_saved_by == "alice"
    assert [v.name for v in stored.versions][-1].startswith("text saved by alice")  # theirs kept
    assert "their text is version" in editor.saved_label.text()
    from PySide6.QtCore import QThreadPool

    editor.close()
    QThreadPool.globalInstance().waitForDone(10000)  # the precedent panel's search, before the server stops
    window.runner.shutdown()
    seed.close()
