"""Help > About Concord: the version a drafter quotes when reporting a problem, and where things are."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.resources import icon_pngs
from app.version import __version__


def about_lines(library_path: str | None) -> list[str]:
    """What the box says below the title: what Concord is, versions, the library's file."""
    lines = [
        "Compare, trace and draft the conclusions of the Security Council Working Group "
        "on Children and Armed Conflict.",
        f"Python {platform.python_version()}, Qt {qVersion()} (PySide6 {pyside_version})",
    ]
    if library_path:
        lines.append(f"Library: {library_path}")
    return lines


def concord_icon() -> QIcon:
    """The application icon from its PNG renderings (no image format plugin needed)."""
    icon = QIcon()
    for png in icon_pngs():
        icon.addFile(str(png))
    return icon


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, library_path: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Concord")
        self.setObjectName("about-dialog")
        icon = QLabel()
        icon.setPixmap(concord_icon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.title = QLabel(f"Concord {__version__}")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        text = QVBoxLayout()
        text.addWidget(self.title)
        for line in about_lines(library_path):
            label = QLabel(line)
            label.setTextFormat(Qt.TextFormat.PlainText)  # a library path is the person's text
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.addWidget(label)
        text.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(icon)
        row.addLayout(text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)


def show_about(parent: QWidget) -> AboutDialog:
    """Open (not exec) the About box for the main window's library."""
    library = getattr(parent, "library", None)
    dialog = AboutDialog(parent, library.location if library is not None else None)
    dialog.open()
    return dialog
