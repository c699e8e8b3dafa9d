"""Choose the passage to compare a selection with: a document and a label range."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.errors import ConcordError
from app.model import Passage
from app.store import Library
from ui.views.passage_picker import PassagePicker


class ReferencePickerDialog(QDialog):
    def __init__(self, library: Library, chosen: Passage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Compare with")
        self.chosen = chosen
        intro = QLabel(f"Compare {chosen.describe()} with:")
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.picker = PassagePicker(library, "Other")
        self.picker.set_passage(Passage(chosen.document, chosen.document.segments, chosen.ref))
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #b3261e")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Compare")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.picker)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.picker.start.setFocus()
        self.resize(620, 140)

    def passage(self) -> Passage | None:
        try:
            return self.picker.passage()
        except ConcordError as e:
            self.error.setText(str(e))
            return None

    def accept(self) -> None:
        if self.passage() is not None:
            super().accept()
