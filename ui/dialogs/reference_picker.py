"""Choose the passage to compare a selection with: a document and a label range."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from app.errors import ConcordError
from app.model import Passage
from app.store import Store
from ui.dialogs.parts import error_label, ok_cancel_buttons
from ui.dialogs.passage_picker import PassagePicker, dated_name


class ReferencePickerDialog(QDialog):
    def __init__(self, library: Store, chosen: Passage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Compare with")
        self.chosen = chosen
        whole = len(chosen.segments) == len(chosen.document.segments)
        intro = QLabel(f"Compare {dated_name(chosen)}{' (whole document)' if whole else ''} with:")
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.picker = PassagePicker(library, "Other")
        self.picker.set_passage(Passage(chosen.document, chosen.document.segments, chosen.ref))
        self.error = error_label()
        buttons = ok_cancel_buttons(self, "Compare")
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
