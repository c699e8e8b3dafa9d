"""Document > Compare…: choose both sides; whole documents unless a range is typed.

The document lists follow the library while the dialog is open (an import finishing in
the background shows up), as the comparison tab's own pickers do.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from app.errors import ConcordError
from app.model import Passage
from app.services.library import passage_of
from ui.dialogs.parts import error_label, ok_cancel_buttons
from ui.dialogs.passage_picker import PassagePicker
from ui.session import LibraryChange, Session


class CompareDocumentsDialog(QDialog):
    """Left and right side, each a document and an optional range (from .. to)."""

    def __init__(self, session: Session, left_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Compare documents")
        self.session = session
        self.left = PassagePicker(session.store, "Left")
        self.right = PassagePicker(session.store, "Right")
        docs = session.store.list_documents()
        if docs:
            ids = [d.id for d in docs]
            first = left_id if left_id in ids else ids[0]
            # the other side: the newest other document (what a drafter compares against)
            other = next((d.id for d in sorted(docs, key=lambda d: (d.meeting_date, d.id or 0), reverse=True)
                          if d.id != first), first)
            for picker, doc_id in ((self.left, first), (self.right, other)):
                assert doc_id is not None
                picker.set_passage(passage_of(session.store.get_document(doc_id)))
        session.library_changed.connect(self._library_changed)
        self.error = error_label()
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("Compare the whole documents, or type a range (from .. to) on either side:"))
        lay.addWidget(self.left)
        lay.addWidget(self.right)
        lay.addWidget(self.error)
        lay.addWidget(ok_cancel_buttons(self, "Compare"))
        self.resize(760, 170)

    def _library_changed(self, change: LibraryChange) -> None:
        if change.documents and not change.switched:
            self.left.reload_documents()
            self.right.reload_documents()

    def passages(self) -> tuple[Passage, Passage] | None:
        try:
            return self.left.passage(), self.right.passage()
        except ConcordError as e:
            self.error.setText(str(e))
            return None

    def accept(self) -> None:
        if self.passages() is not None:
            super().accept()

    def done(self, result: int) -> None:
        self.session.library_changed.disconnect(self._library_changed)
        super().done(result)
