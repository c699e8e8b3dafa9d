"""The main window: the library's documents and the selected one's structured text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
)

from app.store import Library


class MainWindow(QMainWindow):
    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.setWindowTitle("Concord")
        self.documents = QListWidget()
        self.documents.setAccessibleName("Documents")
        self.reader = QTreeWidget()
        self.reader.setAccessibleName("Document text")
        self.reader.setHeaderLabels(["Label", "Text"])
        self.reader.setWordWrap(True)
        self.reader.setColumnWidth(0, 80)
        split = QSplitter()
        split.addWidget(self.documents)
        split.addWidget(self.reader)
        split.setSizes([260, 740])
        self.setCentralWidget(split)
        self.resize(1100, 700)
        self.documents.currentItemChanged.connect(self._show_selected)
        for d in library.list_documents():
            item = QListWidgetItem(f"{d.situation or d.title} — {d.meeting_date}")
            item.setData(Qt.ItemDataRole.UserRole, d.id)
            self.documents.addItem(item)
        counts = library.counts()
        self.statusBar().showMessage(
            f"{library.path} — {counts['documents']} documents, {counts['segments']} segments"
        )
        if self.documents.count():
            self.documents.setCurrentRow(0)

    def _show_selected(self, item: QListWidgetItem | None) -> None:
        self.reader.clear()
        if item is None:
            return
        doc = self.library.get_document(int(item.data(Qt.ItemDataRole.UserRole)))
        for s in doc.segments:
            row = QTreeWidgetItem([s.label, s.text])
            if s.kind.value in ("heading", "title", "addressee"):
                font = row.font(1)
                font.setBold(True)
                row.setFont(1, font)
            self.reader.addTopLevelItem(row)
