"""Dialogs of a negotiation round: adding returned files (dropped or picked), the author table,
and a segment's text typed by hand for the next version."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import rounds as svc
from ui.dialogs.parts import error_label, ok_cancel_buttons
from ui.session import Session

FILE_FILTER = "Returned texts (*.docx *.txt *.pdf);;All files (*)"


class DropList(QListWidget):
    """A list of files that takes files dropped from the desktop or a mail client."""

    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setAccessibleName("Returned files")

    def dragEnterEvent(self, e) -> None:
        if e.mimeData().hasUrls():
            e.acceptProposedAction()

    def dragMoveEvent(self, e) -> None:
        if e.mimeData().hasUrls():
            e.acceptProposedAction()

    def dropEvent(self, e) -> None:
        paths = [u.toLocalFile() for u in e.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.files_dropped.emit(paths)
            e.acceptProposedAction()


class RoundReturnsDialog(QDialog):
    """Add returned files to the round on `ref`; the author table is edited here too.

    After `accept`, `results` says what became of each file; refused files keep the dialog
    open with their reasons, one line each, and nothing of them is stored.
    """

    def __init__(self, session: Session, ref: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.store, self.ref = session, session.store, ref
        self.results: list[svc.Added] = []
        self.setWindowTitle("Add Returned Texts")
        self.setAcceptDrops(True)
        intro = QLabel("Drop the files the delegations sent back (Word with tracked changes, or a clean "
                       "text), or pick them. Tracked changes are read with their authors; a clean text "
                       "needs its delegation.")
        intro.setWordWrap(True)
        self.files = DropList()
        self.files.files_dropped.connect(self.add_files)
        pick = QPushButton("&Add Files…")
        pick.clicked.connect(self.pick_files)
        clear = QPushButton("&Clear")
        clear.clicked.connect(self.files.clear)
        self.delegation = QLineEdit()
        self.delegation.setPlaceholderText("e.g. Norway (needed for a clean text)")
        self.delegation.setAccessibleName("Delegation of these files")
        self.authors = QTableWidget(0, 2)
        self.authors.setHorizontalHeaderLabels(["Author (as Word shows it)", "Delegation"])
        self.authors.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.authors.setAccessibleName("Authors and their delegations")
        for author, delegation in sorted(self.store.author_delegations().items()):
            self._author_row(author, delegation)
        self._author_row("", "")
        self.authors.itemChanged.connect(self._grow)
        self.error = error_label()
        self.error.setWordWrap(True)
        buttons = ok_cancel_buttons(self, "Add to Round")
        row = QHBoxLayout()
        row.addWidget(pick)
        row.addWidget(clear)
        row.addStretch(1)
        form = QFormLayout()
        form.addRow("&Delegation:", self.delegation)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.files, 1)
        layout.addLayout(row)
        layout.addLayout(form)
        layout.addWidget(QLabel("Who speaks for whom (kept for every round):"))
        layout.addWidget(self.authors, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(620, 520)

    def _author_row(self, author: str, delegation: str) -> None:
        r = self.authors.rowCount()
        self.authors.insertRow(r)
        self.authors.setItem(r, 0, QTableWidgetItem(author))
        self.authors.setItem(r, 1, QTableWidgetItem(delegation))

    def _grow(self, _item: QTableWidgetItem) -> None:
        last = self.authors.rowCount() - 1
        if any((self.authors.item(last, c) or QTableWidgetItem()).text().strip() for c in (0, 1)):
            self.authors.blockSignals(True)
            self._author_row("", "")
            self.authors.blockSignals(False)

    def author_table(self) -> dict[str, str]:
        out = {}
        for r in range(self.authors.rowCount()):
            a, d = (self.authors.item(r, c) for c in (0, 1))
            if a is not None and a.text().strip():
                out[a.text().strip()] = d.text().strip() if d is not None else ""
        return out

    def dragEnterEvent(self, e) -> None:
        if e.mimeData().hasUrls():
            e.acceptProposedAction()

    def dropEvent(self, e) -> None:
        self.add_files([u.toLocalFile() for u in e.mimeData().urls() if u.isLocalFile()])

    def pick_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Returned texts", "", FILE_FILTER)
        self.add_files(paths)

    def add_files(self, paths: list[str]) -> None:
        have = set(self.paths())
        for p in paths:
            if p and p not in have:
                self.files.addItem(p)
                have.add(p)

    def paths(self) -> list[str]:
        return [self.files.item(i).text() for i in range(self.files.count())]

    def accept(self) -> None:
        if not self.paths():
            self.error.setText("Add at least one returned file.")
            return
        before = self.store.author_delegations()
        table = self.author_table()
        paths, delegation = self.paths(), self.delegation.text()

        def work(store) -> list[svc.Added]:
            for author, name in table.items():
                if before.get(author, "") != name:
                    svc.set_author(store, author, name)
            return svc.add_returns(store, self.ref, paths, delegation)

        self.results = self.session.write_now(work, "adding returned texts")
        refused = [a for a in self.results if a.error]
        if refused:
            self.error.setText("\n".join(a.error for a in refused))
            kept = {a.file for a in self.results if not a.error}
            for i in reversed(range(self.files.count())):
                if Path(self.files.item(i).text()).name in kept:
                    self.files.takeItem(i)
            return
        super().accept()


class SegmentEditDialog(QDialog):
    """The next version's text of one segment, typed by hand (starting from a proposal)."""

    def __init__(self, label: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Edit {label or 'Paragraph'} for the Next Version")
        self.editor = QPlainTextEdit()
        self.editor.setPlainText(text)
        self.editor.setAccessibleName("Text of the next version")
        layout = QVBoxLayout(self)
        note = QLabel("This text replaces the paragraph in the next version, whatever was accepted on it.")
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(note)
        layout.addWidget(self.editor, 1)
        layout.addWidget(ok_cancel_buttons(self, "Use This Text"))
        self.resize(560, 260)

    def text(self) -> str:
        return self.editor.toPlainText()


class BracketRegisterDialog(QDialog):
    """The bracket register of a draft: each bracketed passage, who proposed it, in which
    round, and whether it is still open in the working copy."""

    COLUMNS = ("Paragraph", "Bracketed text", "Proposed by", "Round", "Still open")

    def __init__(self, entries: list, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Bracket Register")
        self.table = QTableWidget(len(entries), len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.table.setAccessibleName("Bracket register")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for r, b in enumerate(entries):
            for c, value in enumerate((b.label or "-", b.text, b.proposed_by, b.round, "open" if b.open else "closed")):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        intro = QLabel("No bracketed passage in this draft yet." if not entries else
                       f"{len(entries)} bracketed passage{'s' if len(entries) != 1 else ''}, "
                       f"{sum(1 for b in entries if b.open)} still open.")
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(760, 360)
