"""TextDelegate: wrapped text with brackets highlighted, edited in place, every keystroke live."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ui.drafting.highlight import BracketHighlighter, bracket_html
from ui.models.roles import Role
from ui.models.table import Index


class SegmentTextEdit(QPlainTextEdit):
    """The in-place editor; Ctrl+Z/Ctrl+Y go to the draft's undo stack, not the editor's.

    Tab never types a tab character (invisible, and carried into every export): it ends
    the edit and moves on to the next row, Shift+Tab to the row before.
    """

    undo_requested = Signal()
    redo_requested = Signal()
    tab_pressed = Signal(bool)  # True: Tab (next row); False: Shift+Tab (previous row)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self.setFrameStyle(0)
        self.highlighter = BracketHighlighter(self.document())

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent) and (
                e.matches(QKeySequence.StandardKey.Undo) or e.matches(QKeySequence.StandardKey.Redo)):
            e.accept()
            return True
        return super().event(e)

    def keyPressEvent(self, e) -> None:
        if e.matches(QKeySequence.StandardKey.Undo):
            self.undo_requested.emit()
            return
        if e.matches(QKeySequence.StandardKey.Redo):
            self.redo_requested.emit()
            return
        if e.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            forward = e.key() == Qt.Key.Key_Tab and not e.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.tab_pressed.emit(forward)
            return
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not e.modifiers():
            parent = self.parent()
            if isinstance(parent, QWidget):
                parent.setFocus()
            e.ignore()
            return
        super().keyPressEvent(e)


class TextDelegate(QStyledItemDelegate):
    """Paints rich text; its editor commits on every change so autosave sees each keystroke."""

    editor_created = Signal(object)

    def _document(self, option: QStyleOptionViewItem, text: str, width: int,
                  spans: tuple[tuple[int, int, str], ...] = ()) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(4)
        doc.setHtml(bracket_html(text, spans))
        doc.setTextWidth(max(width, 50))
        return doc

    def paint(self, painter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(opt, text, opt.rect.width(), index.data(Role.SPANS) or ())
        painter.save()
        painter.translate(opt.rect.topLeft())
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette.setColor(QPalette.ColorRole.Text, self.ink(opt))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    @staticmethod
    def ink(option: QStyleOptionViewItem) -> QColor:
        """The colour of the row's text (bracketed text brings its own, see `bracket_html`)."""
        selected = option.state & QStyle.StateFlag.State_Selected
        return option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = opt.rect.width() if opt.rect.width() > 0 else 600
        doc = self._document(opt, opt.text, width)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 2)

    def createEditor(self, parent, option, index: Index) -> SegmentTextEdit:
        editor = SegmentTextEdit(parent)
        editor.setFont(option.font)
        editor.textChanged.connect(lambda: self.commitData.emit(editor))
        self.editor_created.emit(editor)
        return editor

    def setEditorData(self, editor: QObject, index: Index) -> None:
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        if isinstance(editor, SegmentTextEdit) and editor.toPlainText() != text:
            editor.blockSignals(True)
            editor.setPlainText(text)
            editor.blockSignals(False)
            cursor = editor.textCursor()
            cursor.movePosition(cursor.MoveOperation.End)
            editor.setTextCursor(cursor)

    def setModelData(self, editor: QObject, model, index: Index) -> None:
        if isinstance(editor, SegmentTextEdit):
            model.setData(index, editor.toPlainText())

    def updateEditorGeometry(self, editor, option, index) -> None:
        rect = option.rect
        editor.setGeometry(rect.adjusted(0, 0, 0, max(0, 60 - rect.height())))
