"""The reader: a document as a drafter knows it, labels in the margin, headings set apart.

Each segment is a row of a list view painted by `SegmentDelegate`, so a paragraph or a
range of paragraphs is selected with the mouse or the keyboard and acted on from the
context menu (or its shortcuts).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QListView,
    QSizePolicy,
    QStyle,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.model import Document, Kind, Passage
from app.services.library import passage_of
from app.wording import count
from ui.models.document_model import DocumentModel
from ui.models.roles import Role
from ui.models.table import Index
from ui.views.textpaint import (
    TextBlock,
    TextBlockDelegate,
    char_format,
    diff_colors,
    filter_field,
    format_range,
    paint_selection,
)


def reading_font(base: QFont | None = None, scale: float = 1.1) -> QFont:
    """The application font a little larger: paragraphs are read for hours."""
    f = QFont(base or QApplication.font())
    if f.pointSizeF() > 0:
        f.setPointSizeF(f.pointSizeF() * scale)
    return f



def tool_button(text: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    return button

class SegmentDelegate(TextBlockDelegate):
    """Paints one segment: its label in the margin, its text wrapped beside it."""

    LABEL_WIDTH = 64
    PAD = 8

    def _fonts(self, kind: str) -> QFont:
        f = reading_font(self.view.font())
        if kind == "title":
            f.setPointSizeF(f.pointSizeF() * 1.35)
            f.setWeight(QFont.Weight.Bold)
        elif kind == "heading":
            f.setPointSizeF(f.pointSizeF() * 1.12)
            f.setWeight(QFont.Weight.DemiBold)
        elif kind == "addressee":
            f.setItalic(True)
            f.setWeight(QFont.Weight.DemiBold)
        return f

    def _text_width(self) -> float:
        """The viewport's width, but no wider than about 100 characters: long lines tire."""
        measure = self.view.fontMetrics().averageCharWidth() * 100
        return min(self.view.viewport().width() - self.LABEL_WIDTH - 3 * self.PAD, measure)

    def _space_above(self, kind: str) -> int:
        return {"title": 10, "heading": 22, "addressee": 14, "paragraph": 8}.get(kind, 2)

    def _block(self, index: Index) -> TextBlock:
        kind = index.data(Role.KIND)
        spans = index.data(Role.SPANS) or ()
        width = self._text_width()
        key = (index.row(), int(width), spans, self.view.font().key())
        block = self._cache.get(key)
        if block is None:
            if len(self._cache) > 4000:
                self._cache.clear()
            colors = diff_colors(self.view.palette())
            fmt = char_format(colors.find_fg, colors.find_bg)
            formats = [format_range(a, b, fmt) for a, b in spans]
            align = Qt.AlignmentFlag.AlignHCenter if kind == "title" else Qt.AlignmentFlag.AlignLeft
            block = TextBlock(index.data() or "", self._fonts(kind), width, formats, align)
            self._cache[key] = block
        return block

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        kind = index.data(Role.KIND)
        h = self._block(index).height + self._space_above(kind) + self.PAD
        return QSize(int(self._text_width() + self.LABEL_WIDTH), int(h + 0.999))

    def paint(self, painter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        pal = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect = option.rect
        if selected:
            paint_selection(painter, rect, pal)
        text_color = pal.color(QPalette.ColorRole.Text)
        kind = index.data(Role.KIND)
        top = rect.top() + self._space_above(kind)
        label = index.data(Role.LABEL) or ""
        if label:
            lf = reading_font(self.view.font())
            lf.setWeight(QFont.Weight.Bold)
            painter.setFont(lf)
            painter.setPen(diff_colors(pal).muted)
            painter.drawText(
                rect.left() + self.PAD, top, self.LABEL_WIDTH, 40,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextSingleLine,
                label,
            )
        painter.setPen(text_color)
        self._block(index).draw(painter, rect.left() + self.LABEL_WIDTH + 2 * self.PAD, top)
        if option.state & QStyle.StateFlag.State_HasFocus and self.view.hasFocus():
            pen = painter.pen()
            pen.setColor(pal.color(QPalette.ColorRole.Highlight).darker(140))
            pen.setStyle(Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.restore()


class SegmentListView(QListView):
    """A list view whose rows re-wrap when it is resized."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.verticalScrollBar().setSingleStep(24)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange):
            delegate = self.itemDelegate()
            if hasattr(delegate, "clear_cache"):
                delegate.clear_cache()
            self.scheduleDelayedItemsLayout()
        super().changeEvent(event)


class FindBar(QWidget):
    """Find in document (Ctrl+F): type, Enter for the next match, Escape to close."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = filter_field("Find in document", "Find in document")
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName("Find results")
        self.prev_button = tool_button("Previous")
        self.prev_button.setAccessibleName("Previous match")
        self.next_button = tool_button("Next")
        self.next_button.setAccessibleName("Next match")
        self.close_button = tool_button("Close")
        self.close_button.setAccessibleName("Close find")
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        for w in (self.edit, self.status, self.prev_button, self.next_button, self.close_button):
            row.addWidget(w)
        row.setStretch(0, 1)


def details_line(document: Document) -> str:
    """ "S/AC.51/2020/11 · meeting of 2020-11-20 · on report S/2020/1105 · 17 paragraphs,
    95 subparagraphs": numbered paragraphs and their subparagraphs counted apart."""
    annex = sum(1 for s in document.segments if s.label.startswith("annex"))
    paragraphs = sum(1 for s in document.segments if s.kind is Kind.PARAGRAPH and not s.label.startswith("annex"))
    subparagraphs = sum(1 for s in document.segments if s.kind is Kind.SUBPARAGRAPH and not s.label.startswith("annex"))
    counts = ", ".join(x for x in (
        count(paragraphs, "paragraph") if paragraphs else "",
        count(subparagraphs, "subparagraph") if subparagraphs else "",
        f"an annex of {count(annex, 'paragraph')}" if annex else "",
    ) if x) or count(len(document.segments), "segment")
    return " · ".join(x for x in (
        document.symbol,
        document.meeting_date and f"meeting of {document.meeting_date}",
        document.report_symbol and f"on report {document.report_symbol}",
        counts,
    ) if x)


class ReaderView(QWidget):
    """One document; selected paragraphs can be compared, copied or traced."""

    compare_requested = Signal(object)  # Passage: ask which passage to compare it with
    left_chosen = Signal(object)  # Passage: "Set as left"
    right_chosen = Signal(object)  # Passage: "Set as right"
    similar_requested = Signal(object)  # Passage: "Find similar language"
    provenance_requested = Signal(object)  # Passage: where the selected language comes from
    history_requested = Signal(object)  # Passage: every version of its first clause

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setAccessibleName(f"Reader: {document.title}")
        self.model = DocumentModel(document, self)
        self.title = QLabel(document.title)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self._fit_title()
        self.meta = QLabel(details_line(document))
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.meta.setWordWrap(True)
        # Wrapped labels must be allowed their wrapped height, or a narrow window clips
        # the title's first line.
        # (their height follows their width: a sizeHint guessed at some narrow width would
        # leave blank lines under a long details line)
        for label in (self.title, self.meta):
            policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
            policy.setHeightForWidth(True)
            label.setSizePolicy(policy)
        self.meta.setAccessibleName("Document details")
        self.list = SegmentListView()
        self.list.setAccessibleName("Document text")
        self.list.setModel(self.model)
        self.delegate = SegmentDelegate(self.list)
        self.list.setItemDelegate(self.delegate)
        self.find_bar = FindBar()
        self.find_bar.hide()
        self._matches: list[int] = []
        self._match_at = -1

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        head = QVBoxLayout()
        head.setContentsMargins(12, 8, 12, 6)
        head.setSpacing(4)
        head.addWidget(self.title)
        head.addWidget(self.meta)
        lay.addLayout(head)
        lay.addWidget(self.find_bar)
        lay.addWidget(self.list, 1)
        self._make_actions()
        self.find_bar.edit.textChanged.connect(self.find_text)
        self.find_bar.edit.returnPressed.connect(self.find_next)
        self.find_bar.next_button.clicked.connect(self.find_next)
        self.find_bar.prev_button.clicked.connect(self.find_previous)
        self.find_bar.close_button.clicked.connect(self.close_find)

    def _action(self, text: str, shortcut: str | QKeySequence.StandardKey, slot, *, menu: bool = True) -> QAction:
        a = QAction(text, self)
        a.setShortcut(QKeySequence(shortcut))
        a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        a.triggered.connect(slot)
        self.addAction(a)
        if menu:
            self.list.addAction(a)
        return a

    def _make_actions(self) -> None:
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.compare_action = self._action("Compare with…", "Ctrl+E", self._emit(self.compare_requested))
        self.left_action = self._action("Set as left", "Ctrl+Shift+L", self._emit(self.left_chosen))
        self.right_action = self._action("Set as right", "Ctrl+Shift+R", self._emit(self.right_chosen))
        self.copy_action = self._action("Copy with label", QKeySequence.StandardKey.Copy, self.copy_with_label)
        self.similar_action = self._action(
            "Find similar language", "Ctrl+Shift+S", self._emit(self.similar_requested)
        )
        self.provenance_action = self._action(
            "Provenance of Selection", "Ctrl+Alt+G", self._emit(self.provenance_requested)
        )
        self.history_action = self._action("History of This Clause…", "Ctrl+Shift+Y", self._emit(self.history_requested))
        # Find (Ctrl+F), Find Next (F3) and Find Previous (Shift+F3) are the window's Edit menu
        # entries: they reach the current tab wherever the focus is, the library panel included.
        close = QAction("Close find", self.find_bar)
        close.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        close.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        close.triggered.connect(self.close_find)
        self.find_bar.addAction(close)

    def _emit(self, signal):
        def fire() -> None:
            passage = self.selected_passage()
            if passage is not None:
                signal.emit(passage)

        return fire

    def _fit_title(self) -> None:
        tf = QFont(self.font())
        tf.setPointSizeF(tf.pointSizeF() * 1.25)
        tf.setWeight(QFont.Weight.Bold)
        self.title.setFont(tf)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # zoom, text size: the title follows
            self._fit_title()
        super().changeEvent(event)

    def set_document(self, document: Document) -> None:
        """Show `document` (the same one, its details corrected or its text replaced)."""
        current = self.selected_rows()
        self.document = document
        self.setAccessibleName(f"Reader: {document.title}")
        self.title.setText(document.title)
        self.meta.setText(details_line(document))
        self.model.set_document(document)
        self.delegate.clear_cache()
        if current and current[0] < self.model.rowCount():
            self.select_rows(current[0])

    # --- selection ------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        rows = sorted(i.row() for i in self.list.selectionModel().selectedIndexes())
        if not rows and self.list.currentIndex().isValid():
            rows = [self.list.currentIndex().row()]
        return rows

    def selected_passage(self) -> Passage | None:
        """The selected paragraphs as a passage: 5(n)..5(v), or 7 with all its subparagraphs."""
        rows = self.selected_rows()
        if not rows:
            return None
        segs = self.document.segments
        if rows[0] == 0 and rows[-1] == len(segs) - 1:  # all of it (Ctrl+A): the title too
            return passage_of(self.document)
        labels = [segs[r].label for r in range(rows[0], rows[-1] + 1) if segs[r].label]
        if not labels:
            ref = str(self.document.id)
            return Passage(self.document, tuple(segs[rows[0] : rows[-1] + 1]), ref)
        return passage_of(self.document, labels[0], labels[-1] if len(labels) > 1 else "")

    def select_rows(self, first: int, last: int | None = None) -> None:
        last = first if last is None else last
        sel = self.list.selectionModel()
        sel.clearSelection()
        top, bottom = self.model.index(first), self.model.index(last)
        from PySide6.QtCore import QItemSelection, QItemSelectionModel

        sel.select(QItemSelection(top, bottom), QItemSelectionModel.SelectionFlag.Select)
        sel.setCurrentIndex(top, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.list.scrollTo(top, QAbstractItemView.ScrollHint.PositionAtTop)

    def go_to_label(self, label: str, end: str = "") -> bool:
        row = self.model.row_of_label(label)
        if row < 0:
            return False
        last = self.model.row_of_label(end) if end else row
        self.select_rows(row, max(row, last))
        return True

    def go_to_position(self, position: int) -> None:
        if 0 <= position < self.model.rowCount():
            self.select_rows(position)

    def copy_text(self) -> str:
        """The selected segments, each with its label, as a drafter pastes them."""
        segs = self.document.segments
        out = []
        for r in self.selected_rows():
            s = segs[r]
            out.append(f"{s.label} {s.text}" if s.label else s.text)
        return "\n\n".join(out)

    def copy_with_label(self) -> None:
        text = self.copy_text()
        if text:
            QApplication.clipboard().setText(text)

    # --- find in document -----------------------------------------------------------

    def open_find(self) -> None:
        self.find_bar.show()
        self.find_bar.edit.setFocus()
        self.find_bar.edit.selectAll()

    def close_find(self) -> None:
        self.find_bar.edit.clear()
        self.find_bar.hide()
        self.list.setFocus()

    def find_text(self, needle: str) -> int:
        """Highlight every occurrence; select the first. Returns the number of paragraphs."""
        self._matches = self.model.set_find(needle)
        self.delegate.clear_cache()
        self.list.scheduleDelayedItemsLayout()
        self._match_at = -1
        if self._matches:
            self.find_next()
        else:
            self.find_bar.status.setText("no match" if needle.strip() else "")
        self.list.viewport().update()
        return len(self._matches)

    def _show_match(self) -> None:
        row = self._matches[self._match_at]
        self.select_rows(row)
        self.list.scrollTo(self.model.index(row), QAbstractItemView.ScrollHint.PositionAtCenter)
        self.find_bar.status.setText(f"{self._match_at + 1} of {count(len(self._matches), 'paragraph')}")

    def find_next(self) -> None:
        if self._matches:
            self._match_at = (self._match_at + 1) % len(self._matches)
            self._show_match()

    def find_previous(self) -> None:
        if self._matches:
            self._match_at = (self._match_at - 1) % len(self._matches)
            self._show_match()
