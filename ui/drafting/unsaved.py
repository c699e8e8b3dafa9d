"""Closing a draft whose text the library does not have: ask, never drop it silently.

The question offers to try the library again, to write the text to a file of the
person's choosing (a Word file that Drafts > Import Word File as Draft reads back), or
to discard it; Cancel keeps the tab open.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.errors import ConcordError
from app.model import Document, Passage
from ui import settings as S
from ui.dialogs.errors import show_error

if TYPE_CHECKING:
    from ui.drafting.editor import DraftEditor

log = logging.getLogger(__name__)
SAVE_AGAIN, SAVE_TO_FILE, DISCARD, CANCEL = "save", "file", "discard", "cancel"
FILE_FILTER = "Word (*.docx);;Text (*.txt)"


class UnsavedQuestion(QMessageBox):
    """"The draft … is not saved: <why>": Save Again, Save to a File…, Discard, Cancel."""

    def __init__(self, editor: DraftEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle("Draft not saved")
        self.setText(f"The latest changes to “{editor.draft_title}” are not in the library.")
        self.setInformativeText(f"Not saved: {editor.problem}.\n\nTry the library again, keep the text "
                                "in a file of your own, or discard the changes.")
        self.again = self.addButton("Save &Again", QMessageBox.ButtonRole.AcceptRole)
        self.to_file = self.addButton("Save to a &File…", QMessageBox.ButtonRole.ActionRole)
        self.discard = self.addButton("&Discard Changes", QMessageBox.ButtonRole.DestructiveRole)
        self.cancel = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.again)
        self.setEscapeButton(self.cancel)

    def choice(self) -> str:
        clicked = self.clickedButton()
        if clicked is self.again:
            return SAVE_AGAIN
        if clicked is self.to_file:
            return SAVE_TO_FILE
        return DISCARD if clicked is self.discard else CANCEL


def ask(editor: DraftEditor, parent: QWidget) -> str:
    """Ask what to do with the unsaved text (modal: the window is closing)."""
    box = UnsavedQuestion(editor, parent)
    box.exec()
    return box.choice()


def choose_file(editor: DraftEditor, parent: QWidget) -> str:
    folder = S.start_folder(S.EXPORT_FOLDER)
    name = "".join(c if c.isalnum() or c in "-_ " else "-" for c in editor.draft_title)[:60].strip() or "draft"
    path, _ = QFileDialog.getSaveFileName(parent, "Save the draft to a file", str(Path(folder) / f"{name}.docx"),
                                          FILE_FILTER)
    return path


def save_to_file(editor: DraftEditor, path: str) -> Path:
    """Write the editor's working copy, as typed, to `path` (.docx, else plain text)."""
    draft = editor.draft
    doc = Document(title=draft.title, segments=editor.segments, situation=draft.situation)
    if Path(path).suffix.lower() == ".docx":
        from app.services.export import export_passage_docx  # the Word writer loads when needed

        return export_passage_docx(Passage(doc, doc.segments, f"draft:{editor.draft_id}"), path)
    from app.export.atomic import write_text_atomic

    lines = [f"{s.label} {s.text}".strip() for s in editor.segments]
    return write_text_atomic(path, "\n\n".join(lines) + "\n")


def confirm_close(editor: DraftEditor, parent: QWidget) -> bool:
    """Whether the editor may close: its text is stored, written to a file, or given up."""
    while not editor.flush():
        choice = ask(editor, parent)
        if choice == CANCEL:
            return False
        if choice == DISCARD:
            log.warning("draft %s: unsaved changes discarded on closing (%s)", editor.draft_id, editor.problem)
            return True
        if choice == SAVE_TO_FILE:
            path = choose_file(editor, parent)
            if not path:
                continue
            try:
                written = save_to_file(editor, path)
            except ConcordError as e:
                show_error(parent, "Cannot save the draft to a file", str(e)).exec()
                continue
            S.EXPORT_FOLDER.set(str(Path(path).parent))
            log.info("draft %s: unsaved changes written to %s", editor.draft_id, written)
            return True
    return True
