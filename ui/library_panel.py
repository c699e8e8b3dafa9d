"""The library panel: a filter box over the tree of documents and their structure, then drafts."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ui.models.library_model import LibraryFilterModel, LibraryModel
from ui.models.roles import Role
from ui.session import LibraryChange, Session
from ui.views.textpaint import filter_field

FITTED_COLUMNS = (1, 3)  # date, symbol


class LibraryPanel(QWidget):
    """Activating a document opens it; a paragraph opens it there; a draft opens its editor."""

    open_requested = Signal(int, int)  # document id, position (-1: the top)
    draft_requested = Signal(int)  # draft id

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = LibraryModel(session.store, self)
        session.library_changed.connect(self._library_changed)
        self.proxy = LibraryFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.filter = filter_field("Filter documents (situation, title, date, symbol)", "Filter documents")
        self.tree = QTreeView()
        self.tree.setAccessibleName("Library")
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Dates and symbols are sized to their contents once per reload, not on every layout:
        # ResizeToContents asked a thousand documents for their width at each expanded row.
        for col in FITTED_COLUMNS:
            self.tree.header().setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        self.model.modelReset.connect(self._fit_columns)
        self._fit_columns()
        self.tree.setColumnHidden(2, True)  # the title is in the tooltip; the panel is narrow
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 0, 4)
        lay.addWidget(self.filter)
        lay.addWidget(self.tree, 1)
        self.filter.textChanged.connect(self.proxy.set_filter)
        self.filter.returnPressed.connect(self._focus_first)
        self.tree.activated.connect(self._activated)
        self.tree.expanded.connect(self._span_children)

    def _library_changed(self, change: LibraryChange) -> None:
        if change.switched:
            self.model.set_library(self.session.store)
        else:
            self.model.refresh()

    def _fit_columns(self) -> None:
        for col in FITTED_COLUMNS:
            self.tree.resizeColumnToContents(col)

    def _span_children(self, parent: QModelIndex) -> None:
        """Structure rows (headings, paragraphs) use the whole width, not just the first column.

        Spanned once per row, then the rows are laid out once (updates held meanwhile)."""
        if parent.data(Role.KIND) == "drafts":
            return  # drafts show their date and versions in the other columns
        self.tree.setUpdatesEnabled(False)
        try:
            for row in range(self.proxy.rowCount(parent)):
                if not self.tree.isFirstColumnSpanned(row, parent):
                    self.tree.setFirstColumnSpanned(row, parent, True)
        finally:
            self.tree.setUpdatesEnabled(True)

    def _focus_first(self) -> None:
        if self.proxy.rowCount():
            self.tree.setFocus()
            self.tree.setCurrentIndex(self.proxy.index(0, 0))

    def _activated(self, index: QModelIndex) -> None:
        draft_id = index.data(Role.DRAFT_ID)
        if draft_id is not None:
            self.draft_requested.emit(draft_id)
            return
        doc_id = index.data(Role.DOC_ID)
        if doc_id is None:
            return
        position = -1 if index.data(Role.KIND) == "document" else index.data(Role.POSITION)
        self.open_requested.emit(doc_id, position)
