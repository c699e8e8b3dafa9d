"""The right end of the draft editor's toolbar row, which never overflows (open brackets,
whether the text is saved, Save version), and the bar of places left to review.

A `QToolBar` hides what does not fit behind its » button; at 1440 pixels the "Saved"
label and then Save version went there. These widgets sit beside the toolbar instead, so
the toolbar gives way first.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget


def saved_at(iso: str, now: datetime | None = None) -> tuple[str, str]:
    """ "Saved 09:47" (today) or "Saved 1 Dec 09:47", in local time, and the full time for
    the tooltip; the library stores UTC as ISO 8601."""
    try:
        when = datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return f"Saved {iso}", iso
    now = now or datetime.now().astimezone()
    short = when.strftime("%H:%M") if when.date() == now.date() else f"{when.day} {when.strftime('%b %H:%M')}"
    return f"Saved {short}", f"Saved in the library on {when.strftime('%Y-%m-%d at %H:%M:%S')}"


def _label(name: str) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAccessibleName(name)
    return label


def _button(action: QAction) -> QToolButton:
    button = QToolButton()
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return button


class StatusStrip(QWidget):
    """Open brackets, saved state, Save version."""

    def __init__(self, save_version: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.brackets_label = _label("Open brackets")
        self.saved_label = _label("Saved state")
        self.save_button = _button(save_version)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 0, 8, 0)
        row.setSpacing(10)
        row.addWidget(self.brackets_label)
        row.addWidget(self.saved_label)
        row.addWidget(self.save_button)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)


class ReviewBar(QWidget):
    """ "83 places to review (58 replaced, 25 held)": Next, Mark reviewed, Mark all reviewed.

    Shown while the replace step left places to review; the places are highlighted in the
    text (replaced in blue, held back in rose)."""

    def __init__(self, review_next: QAction, mark_reviewed: QAction, mark_all: QAction,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review-bar")
        self.setAccessibleName("Places to review")
        self.label = _label("To review")
        self.label.setObjectName("to-review")
        self.buttons = [_button(a) for a in (review_next, mark_reviewed, mark_all)]
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 3, 8, 3)
        row.addWidget(self.label, 1)
        for b in self.buttons:
            row.addWidget(b)
        self.label.setWordWrap(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#review-bar { background: #cfe2ff; } #review-bar QLabel { color: #1f1f1f; }")
        self.hide()

    def show_review(self, summary: str) -> None:
        """`summary` from `review_summary`; empty hides the bar."""
        self.label.setText(f"{summary}: highlighted below, replaced in blue, held back (not replaced) in rose. "
                           "Read each, then mark it reviewed." if summary else "")
        self.setVisible(bool(summary))
