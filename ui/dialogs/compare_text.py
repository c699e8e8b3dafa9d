"""Compare text…: paste two passages and see them compared; nothing is stored."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from ui.dialogs.parts import ok_cancel_buttons


class CompareTextDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Compare text")
        self.first = QPlainTextEdit()
        self.first.setAccessibleName("First text")
        self.first.setPlaceholderText("Paste the first passage (one paragraph per line or blank-line separated)")
        self.second = QPlainTextEdit()
        self.second.setAccessibleName("Second text")
        self.second.setPlaceholderText("Paste the second passage")
        self.buttons = ok_cancel_buttons(self, "Compare")
        grid = QGridLayout(self)
        first_label, second_label = QLabel("&First text"), QLabel("&Second text")
        first_label.setBuddy(self.first)
        second_label.setBuddy(self.second)
        grid.addWidget(first_label, 0, 0)
        grid.addWidget(second_label, 0, 1)
        grid.addWidget(self.first, 1, 0)
        grid.addWidget(self.second, 1, 1)
        grid.addWidget(self.buttons, 2, 0, 1, 2)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self._update()
        self.resize(900, 480)

    def _update(self) -> None:
        ok = bool(self.first.toPlainText().strip() and self.second.toPlainText().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def texts(self) -> tuple[str, str]:
        return self.first.toPlainText(), self.second.toPlainText()
