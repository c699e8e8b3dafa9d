"""The precedent side panel: the closest library language to the row being edited.

The search runs in a `PrecedentJob` on the thread pool, with its own `Library` connection
(a SQLite connection belongs to the thread that opened it), after a pause in typing; a
result that arrives after a newer request is dropped.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
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
from app.errors import ConcordError
from app.services.search import Precedent, find_precedents
from app.store import open_store
from app.wording import count
from ui.models.provenance_model import plain_tooltip

DEBOUNCE_MS = 300


class _JobSignals(QObject):
    finished = Signal(int, object)  # request id, list[(Precedent, edits)]


class PrecedentJob(QRunnable):
    """Find the top precedents for a text and diff each against it, off the UI thread."""

    def __init__(self, library_path: str, request: int, text: str, limit: int = 5) -> None:
        super().__init__()
        self.library_path, self.request, self.text, self.limit = library_path, request, text, limit
        self.signals = _JobSignals()
        self.setAutoDelete(False)  # the panel keeps it until its result is delivered

    def run(self) -> None:
        results: list[tuple[Precedent, tuple[Edit, ...]]] = []
        try:
            lib = open_store(self.library_path)
            try:
                for p in find_precedents(lib, self.text, limit=self.limit):
                    results.append((p, diff_texts(self.text, p.text)))
            finally:
                lib.close()
        except ConcordError:  # the library went away (a team library's server): no precedents
            pass
        finally:
            self.signals.finished.emit(self.request, results)


def diff_html(edits: tuple[Edit, ...]) -> str:
    """Words to drop struck through in red, words the precedent adds underlined in green."""
    out = []
    for e in edits:
        t = html.escape(e.text)
        if e.op == "delete":
            out.append(f'<span style="color:#b00020;text-decoration:line-through">{t}</span>')
        elif e.op == "insert":
            out.append(f'<span style="color:#00701a;text-decoration:underline">{t}</span>')
        else:
            out.append(t)
    return "".join(out)


class PrecedentPanel(QWidget):
    """Top 5 precedents with similarity, source and word differences; insert or replace."""

    insert_requested = Signal(str)
    replace_requested = Signal(str)
    results_shown = Signal(int)  # how many

    def __init__(self, library_path: str, parent=None) -> None:
        super().__init__(parent)
        self.library_path = library_path
        self.pool = QThreadPool.globalInstance()
        self.request = 0
        self.pending_text = ""
        self.results: list[tuple[Precedent, tuple[Edit, ...]]] = []
        self.jobs: dict[int, PrecedentJob] = {}
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

    def _start(self) -> None:
        self.request += 1
        job = PrecedentJob(self.library_path, self.request, self.pending_text)
        job.signals.finished.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self.jobs[self.request] = job
        self.status.setText("Searching…")
        self.pool.start(job)

    def _show(self, request: int, results: list) -> None:
        self.jobs.pop(request, None)
        if request != self.request:
            return  # a newer request is on its way
        self.results = results
        while self.list.count() > 1:
            item = self.list.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
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
        body = QLabel(diff_html(edits))
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
