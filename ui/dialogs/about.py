"""Help > About Concord: the version a drafter quotes when reporting a problem, and where things are."""

from __future__ import annotations

import platform
from importlib.metadata import PackageNotFoundError, version

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


def concord_version() -> str:
    """The installed version (pyproject.toml's, through the package metadata)."""
    try:
        return version("concord")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "(not installed)"


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


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, library_path: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Concord")
        self.setObjectName("about-dialog")
        self.title = QLabel(f"Concord {concord_version()}")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        for line in about_lines(library_path):
            label = QLabel(line)
            label.setTextFormat(Qt.TextFormat.PlainText)  # a library path is the person's text
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)


def show_about(parent: QWidget) -> AboutDialog:
    """Open (not exec) the About box for the main window's library."""
    library = getattr(parent, "library", None)
    dialog = AboutDialog(parent, str(library.location) if library is not None else None)
    dialog.open()
    return dialog
