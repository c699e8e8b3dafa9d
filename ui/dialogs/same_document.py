"""The question asked when a file holds a document the library already has from another file
(the PDF of a Word file imported before): keep both, replace, or skip.

The core recognises the document by its content, not its file name, and stores nothing
until the drafter has answered (`Same.ASK`); the import then runs again with the answer.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget

from app.model import Document, ImportResult
from app.services.library import Same


def describe(doc: Document) -> str:
    """ "Mali, meeting of 2020-11-20 (document 1, from conclusions-mali-2020.txt)"."""
    where = doc.situation or doc.title
    when = f", meeting of {doc.meeting_date}" if doc.meeting_date else ""
    source = f", from {Path(doc.source_file).name}" if doc.source_file else ""
    return f"{where}{when} (document {doc.id}{source})"


class SameDocumentQuestion(QMessageBox):
    """Keep Both / Replace / Skip, and "the same for the other files" when more are waiting."""

    def __init__(self, result: ImportResult, others: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle("Already in the library")
        self.setTextFormat(Qt.TextFormat.PlainText)  # file names and titles are the person's text
        stored = result.document
        name = Path(result.file).name
        self.setText(f"{name} holds the same document as {describe(stored) if stored else 'one already stored'}.")
        self.setInformativeText(
            "Keep both: this file is stored too, as a copy that search and similar language leave out.\n"
            "Replace: its text takes the place of the stored one, which keeps its number (open tabs and "
            "references such as 1:5(n) still find it).\n"
            "Skip: nothing is imported from this file.")
        self.keep = self.addButton("&Keep Both", QMessageBox.ButtonRole.AcceptRole)
        self.replace = self.addButton("&Replace", QMessageBox.ButtonRole.DestructiveRole)
        self.skip = self.addButton("&Skip", QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.skip)
        self.setEscapeButton(self.skip)
        self.for_all = QCheckBox(f"Do the same for the {others} other file{'s' if others != 1 else ''} like this one")
        if others:
            self.setCheckBox(self.for_all)

    def choice(self) -> Same:
        clicked = self.clickedButton()
        if clicked is self.keep:
            return Same.KEEP
        if clicked is self.replace:
            return Same.REPLACE
        return Same.SKIP
