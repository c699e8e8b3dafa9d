"""Result lists to choose from: parallel blocks of a document, similar language."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListView,
    QTableView,
    QVBoxLayout,
    QWidget,
)


class ChoiceDialog(QDialog):
    """A list or table of results; Enter or double-click emits `chosen(index)`."""

    chosen = Signal(QModelIndex)

    def __init__(self, title: str, intro: str, model: QAbstractItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.model = model
        self.intro = QLabel(intro)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)
        columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
        view: QAbstractItemView = QTableView() if columns > 1 else QListView()
        view.setAccessibleName(title)
        view.setModel(model)
        if isinstance(view, QTableView):
            # The last column (the text) wraps in the room the others leave: the modes are
            # set once the header has its sections, i.e. after `setModel`.
            view.verticalHeader().hide()
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setWordWrap(True)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
            header = view.horizontalHeader()
            for c in range(columns):
                mode = QHeaderView.ResizeMode.Stretch if c == columns - 1 else QHeaderView.ResizeMode.ResizeToContents
                header.setSectionResizeMode(c, mode)
            self._fit_rows = QTimer(self, singleShot=True, interval=0)
            self._fit_rows.timeout.connect(view.resizeRowsToContents)
            header.sectionResized.connect(lambda *_: self._fit_rows.start())
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.activated.connect(self._choose)
        self.view = view
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(lambda: self._choose(view.currentIndex()))
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addWidget(view, 1)
        lay.addWidget(buttons)
        if model.rowCount():
            view.setCurrentIndex(model.index(0, 0))
        self.resize(820, 420)

    def _choose(self, index: QModelIndex) -> None:
        if index.isValid():
            self.chosen.emit(index)
            self.accept()
