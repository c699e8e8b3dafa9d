"""Edit Details…: correct a stored document's title, situation, meeting, symbols and kind.

The dialog only asks; `app.services.library.edit_document` checks every value and refuses
a bad one in one line (shown under the fields), changing nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from app.errors import ConcordError
from app.model import DocKind, Document
from ui.dialogs.parts import error_label, ok_cancel_buttons

# (field of Document, as edit_document names it too; label; placeholder)
FIELDS = (
    ("title", "&Title:", "Conclusions on children and armed conflict in …"),
    ("situation", "&Situation:", "e.g. Mali"),
    ("meeting_date", "Meeting &date:", "YYYY-MM-DD, e.g. 2020-11-20"),
    ("meeting_number", "Meeting &number:", "e.g. 81"),
    ("symbol", "S&ymbol:", "e.g. S/AC.51/2020/11"),
    ("report_symbol", "&Report symbol:", "the Secretary-General's report, e.g. S/2020/1105"),
)


class DocumentDetailsDialog(QDialog):
    """Accepting stores the changed fields through `save(changes)`; its error keeps the dialog open."""

    def __init__(self, doc: Document, save: Callable[[dict[str, str]], Document],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit Document Details")
        self.doc = doc
        self.save = save
        self.saved: Document | None = None
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for key, label, hint in FIELDS:
            edit = QLineEdit(str(getattr(doc, key) or ""))
            edit.setPlaceholderText(hint)
            edit.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(label, edit)
            self.fields[key] = edit
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind")
        for k in DocKind:
            self.kind.addItem(k.value, k.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(str(doc.doc_kind))))
        form.addRow("&Kind:", self.kind)
        self.error = error_label()
        self.error.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(ok_cancel_buttons(self, "Save"))
        self.resize(560, 0)

    def changes(self) -> dict[str, str]:
        """The fields the person changed, as `edit_document` names them."""
        out = {key: edit.text().strip() for key, edit in self.fields.items()
               if edit.text().strip() != str(getattr(self.doc, key) or "")}
        if self.kind.currentData() != str(self.doc.doc_kind):
            out["kind"] = self.kind.currentData()
        return out

    def accept(self) -> None:
        changes = self.changes()
        if not changes:
            super().accept()
            return
        try:
            self.saved = self.save(changes)
        except ConcordError as e:
            self.error.setText(str(e))
            return
        super().accept()
