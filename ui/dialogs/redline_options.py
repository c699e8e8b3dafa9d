"""Options of a redline exported to Word: the author of the changes and how labels are written.

Automatic numbering lets Word number the paragraphs (a shifted label is not a change), but
LibreOffice shows old numbers in brackets beside changed items ("1.[2.]"); typed labels
write "5(n)" as text, which reads the same in every word processor.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.export.autonumber import AUTOMATIC, TYPED
from ui import settings as S
from ui.dialogs.parts import ok_cancel_buttons


class RedlineOptionsDialog(QDialog):
    """Asked before each redline export; the answers are remembered for the next one."""

    def __init__(self, what: str, tracked: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export redline to Word")
        intro = QLabel(what)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.author = QLineEdit(S.EXPORT_AUTHOR.get())
        self.author.setAccessibleName("Author of the changes")
        self.author.setPlaceholderText("your name, as delegations should see it")
        self.typed = QRadioButton("&Typed labels: “5(n)” written as text, the same in every word processor")
        self.automatic = QRadioButton("&Automatic numbering: Word numbers the paragraphs "
                                      "(LibreOffice may show old numbers in brackets)")
        (self.typed if S.EXPORT_NUMBERING.get() == TYPED else self.automatic).setChecked(True)
        form = QFormLayout()
        form.addRow("Author of the &changes:" if tracked else "&Author:", self.author)
        numbering = QVBoxLayout()
        numbering.addWidget(self.typed)
        numbering.addWidget(self.automatic)
        form.addRow("Labels:", numbering)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(ok_cancel_buttons(self, "Export…"))
        self.author.setFocus()

    def numbering(self) -> str:
        return TYPED if self.typed.isChecked() else AUTOMATIC

    def accept(self) -> None:
        S.EXPORT_AUTHOR.set(self.author.text().strip())
        S.EXPORT_NUMBERING.set(self.numbering())
        super().accept()
