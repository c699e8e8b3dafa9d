"""The precedent side panel: the closest library language to the row being edited.

The search runs on the session's reader pool after a pause in typing; a newer request
cancels the one before, whose result is never shown.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.compare.inline import diff_texts
from app.compare.model import Edit
from app.services.search import Precedent, find_precedents
from app.store import Store
from app.wording import count
from ui.models.provenance_model import plain_tooltip
from ui.session import LibraryChange, Session
from ui.views.textpaint import diff_colors
from ui.workers import Job

DEBOUNCE_MS = 300
Found = list[tuple[Precedent, tuple[Edit, ...]]]


def precedents_with_diffs(lib: Store, text: str, job: Job, limit: int = 5) -> Found:
    """The top precedents for `text`, each with its word differences (stops when superseded)."""
    found: Found = []
    for p in find_precedents(lib, text, limit=limit):
        if job.is_cancelled():
            break
        found.append((p, diff_texts(text, p.text)))
    return found


def diff_html(edits: tuple[Edit, ...], palette: QPalette | None = None) -> str:
    """Words to drop struck through in red, words the precedent adds underlined in green, in
    the shades of the palette (a dark theme's are lighter)."""
    colors = diff_colors(palette or QPalette())
    gone, added = colors.delete_fg.name(), colors.insert_fg.name()
    out = []
    for e in edits:
        t = html.escape(e.text)
        if e.op == "delete":
            out.append(f'<span style="color:{gone};text-decoration:line-through">{t}</span>')
        elif e.op == "insert":
            out.append(f'<span style="color:{added};text-decoration:underline">{t}</span>')
        else:
            out.append(t)
    return "".join(out)


class PrecedentPanel(QWidget):
    """Top 5 precedents with similarity, source and word differences; insert or replace."""

    insert_requested = Signal(str)
    replace_requested = Signal(str)
    results_shown = Signal(int)  # how many

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.pending_text = ""
        self.results: Found = []
        self.latest = session.latest(self)
        self.latest.finished.connect(self._show)
        self.latest.failed.connect(self._failed)
        session.library_changed.connect(self._library_changed)
        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.timer.timeout.connect(self._start)
        title = QLabel("<b>Precedents</b>")
        self.status = QLabel("Select or type in a row to see similar language from the library.")
        self.status.setWordWrap(True)
        self.list = QVBoxLayout()
        self.list.addStretch(1)
        inner = QWidget()
        inner.setLayout(self.list)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(title)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        self.setMinimumWidth(320)

    def request_for(self, text: str) -> None:
        """Ask for precedents of `text` after a pause (restarted by every keystroke)."""
        self.pending_text = text
        self.timer.start()

    def _start(self) -> Job:
        text = self.pending_text
        self.status.setText("Searching…")
        return self.latest.start(self.session.job(lambda lib, job: precedents_with_diffs(lib, text, job),
                                                  "looking for precedents"))

    def stop(self) -> None:
        """No more searching (the editor is closing)."""
        self.timer.stop()
        self.latest.cancel()

    def _library_changed(self, change: LibraryChange) -> None:
        if change.documents and self.pending_text:
            self.timer.start()  # new conclusions may hold closer language

    def _failed(self, message: str) -> None:
        self.status.setText(message)

    def _show(self, results: Found) -> None:
        self.results = results
        while self.list.count() > 1:
            item = self.list.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for n, (p, edits) in enumerate(results):
            self.list.insertWidget(n, self._card(p, edits))
        self.status.setText(f"{count(len(results), 'closest segment')} in the library" if results
                            else "No similar language in the library.")
        self.results_shown.emit(len(results))

    def _card(self, p: Precedent, edits: tuple[Edit, ...]) -> QFrame:
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        v = QVBoxLayout(card)
        head = QLabel(f"<b>{p.similarity:.0f}%</b> &nbsp; {html.escape(p.source())}")
        head.setToolTip(plain_tooltip(p.document_title))
        body = QLabel(diff_html(edits, self.palette()))
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.RichText)
        buttons = QHBoxLayout()
        insert = QPushButton("Insert below")
        insert.clicked.connect(lambda: self.insert_requested.emit(p.text))
        replace = QPushButton("Replace")
        replace.clicked.connect(lambda: self.replace_requested.emit(p.text))
        buttons.addWidget(insert)
        buttons.addWidget(replace)
        buttons.addStretch(1)
        v.addWidget(head)
        v.addWidget(body)
        v.addLayout(buttons)
        return card
