"""Pieces the dialogs build alike: the OK/Cancel row and the line that says what is wrong."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel

ERROR_STYLE = "color: #b3261e"


def ok_cancel_buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    """OK (named for what it does: "Compare", "Export") and Cancel, wired to accept and reject."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def error_label() -> QLabel:
    """An empty red line for a refusal's message; plain text, since messages quote user input."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(ERROR_STYLE)
    return label
