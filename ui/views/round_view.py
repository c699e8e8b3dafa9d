"""The compilation of a negotiation round: every segment with the proposals on it, by delegation.

One row per segment of the circulated version, then its proposals grouped by delegation,
each drawn as a word-level change (struck, underlined) with a few words around it;
competing proposals are tinted; comments sit below the segment with the words they quote.
Filters: one delegation, one paragraph, competing proposals only. Accept, reject, reopen
and edit-by-hand are each one undoable step; each rewrites the draft's working copy as the
next version (the core does it: `app.services.rounds`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import ConcordError
from app.rounds import decide
from app.rounds.compile import Compilation
from app.rounds.model import ProposalKind, Status
from app.services import rounds as svc
from app.wording import count
from ui.dialogs.errors import show_error
from ui.models.round_model import SPANS_ROLE, RoundModel, RoundRow, rows_for
from ui.models.table import Index
from ui.session import Session
from ui.views.textpaint import (
    TextBlock,
    TextBlockDelegate,
    change_formats,
    diff_colors,
    filter_field,
)

ALL = "All delegations"
# The round tab's keys (its buttons take them; Help > Keyboard Shortcuts lists them).
KEYS = {"accept": ("Accept the selected proposal", "A"), "reject": ("Reject the selected proposal", "R"),
        "edit": ("Edit the paragraph's text for the next version", "E"), "undo": ("Undo a decision", "Ctrl+Z"),
        "redo": ("Redo a decision", "Ctrl+Shift+Z")}


class ChangesDelegate(TextBlockDelegate):
    """Wrapped plain text with its deletions struck and insertions underlined."""

    def _block(self, option: QStyleOptionViewItem, index: Index, width: int) -> TextBlock:
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        spans = index.data(SPANS_ROLE) or ()
        font = index.data(Qt.ItemDataRole.FontRole) or option.font
        key = (text, spans, width, font.toString())
        block = self._cache.get(key)
        if block is None:
            block = TextBlock(text, font, width - 8, change_formats(spans, diff_colors(option.palette)))
            self._cache[key] = block
        return block

    def paint(self, painter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        painter.setPen(opt.palette.color(opt.palette.ColorRole.Text))
        self._block(opt, index, opt.rect.width()).draw(painter, opt.rect.left() + 4, opt.rect.top() + 3)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        view = self.view
        width = view.columnWidth(index.column()) if isinstance(view, QTableView) else 500
        return QSize(width, int(self._block(option, index, width).height) + 6)


class DecisionCommand(QUndoCommand):
    """One decision: redo stores `changes`, undo stores what they replaced."""

    def __init__(self, text: str, view: RoundView, changes: decide.Changes, previous: decide.Changes) -> None:
        super().__init__(text)
        self.view, self.changes, self.previous = view, changes, previous

    def redo(self) -> None:
        self.view.store_changes(self.changes)

    def undo(self) -> None:
        self.view.store_changes(self.previous)


class RoundView(QWidget):
    """See the module docstring; `decided` fires with the draft id after every stored step."""

    decided = Signal(int)

    def __init__(self, session: Session, ref: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.store, self.ref = session, session.store, ref
        self.draft_id, self.version = svc.version_of(self.store, ref)
        self.undo_stack = QUndoStack(self)
        self.compilation: Compilation | None = None
        self.choose_winner: Callable[[str, tuple[str, ...]], str | None] = self._ask_winner
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        f = self.title.font()
        f.setPointSizeF(f.pointSizeF() * 1.2)
        f.setBold(True)
        self.title.setFont(f)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.delegation = QComboBox()
        self.delegation.setAccessibleName("Show the proposals of")
        self.delegation.currentIndexChanged.connect(lambda _: self.refresh())
        self.paragraph = filter_field("Paragraph, e.g. 5(c)", "Show one paragraph")
        self.paragraph.textChanged.connect(lambda _: self.refresh())
        self.competing = QCheckBox("&Competing only")
        self.competing.toggled.connect(lambda _: self.refresh())
        self.model = RoundModel([], self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName("Compilation")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(True)
        self.view.verticalHeader().hide()
        self.delegate = ChangesDelegate(self.view)
        self.view.setItemDelegateForColumn(2, self.delegate)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 70), (1, 150), (3, 190)):
            self.view.setColumnWidth(col, width)
        header.sectionResized.connect(lambda *_: self.view.resizeRowsToContents())
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in (
            ("accept", "&Accept", lambda: self._on_selected(self.accept)),
            ("reject", "&Reject", lambda: self._on_selected(self.reject)),
            ("reopen", "Re&open", lambda: self._on_selected(self.reopen)),
            ("edit", "&Edit Text…", self.edit_dialog),
            ("undo", "Undo", self.undo_stack.undo),
            ("redo", "Redo", self.undo_stack.redo),
            ("brackets", "&Brackets…", self.brackets_dialog),
            ("add", "Add &Returns…", self.add_dialog),
            ("export", "E&xport…", self.export_dialog),
        ):
            b = QPushButton(text)
            if name in KEYS:
                b.setShortcut(QKeySequence(KEYS[name][1]))
                b.setToolTip(f"{KEYS[name][0]} ({KEYS[name][1]})")
            b.clicked.connect(lambda _=False, s=slot: s())
            buttons.addWidget(b)
            self.buttons[name] = b
        buttons.insertStretch(6, 1)  # decisions on the left, the round's files on the right
        self.undo_stack.canUndoChanged.connect(self.buttons["undo"].setEnabled)
        self.undo_stack.canRedoChanged.connect(self.buttons["redo"].setEnabled)
        self.buttons["undo"].setEnabled(False)
        self.buttons["redo"].setEnabled(False)
        filters = QHBoxLayout()
        filters.addWidget(QLabel("Show:"))
        filters.addWidget(self.delegation)
        filters.addWidget(self.paragraph)
        filters.addWidget(self.competing)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.reload()

    # --- showing ----------------------------------------------------------------------

    def reload(self) -> None:
        """Read the round again from the store (after a decision, an added return)."""
        c = self.compilation = svc.compilation(self.store, self.ref)
        self.title.setText(f"Round on {c.state.version_name} \u2014 draft {self.draft_id}")
        current = self.delegation.currentText()
        self.delegation.blockSignals(True)
        self.delegation.clear()
        self.delegation.addItems([ALL, *c.delegations])
        self.delegation.setCurrentText(current if current in c.delegations else ALL)
        self.delegation.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        if self.compilation is None:
            return
        c = self.compilation
        key = self.selected_key()
        who = self.delegation.currentText()
        label = self.paragraph.text().strip()
        shown = c.filtered(None if who in ("", ALL) else who, [label] if label else None, self.competing.isChecked())
        self.model.set_rows(rows_for(shown))
        self.delegate.clear_cache()
        self.view.resizeRowsToContents()
        entries = c.entries()
        statuses = [e.status for e in entries]
        self.summary.setText(
            f"{count(len(c.state.returns), 'return')} \u00b7 {count(len(entries), 'proposal')} from "
            f"{count(len(c.delegations), 'delegation')} \u00b7 {sum(1 for e in entries if e.competing)} competing"
            f" \u00b7 {statuses.count(Status.ACCEPTED)} accepted, {statuses.count(Status.REJECTED)} rejected, "
            f"{statuses.count(Status.PENDING)} pending")
        if key:
            self.select(key)
        self._update_buttons()

    def select(self, key: str) -> bool:
        for i, r in enumerate(self.model.rows):
            if r.key == key:
                self.view.selectRow(i)
                return True
        return False

    def selected_row(self) -> RoundRow | None:
        i = self.view.currentIndex().row()
        return self.model.rows[i] if 0 <= i < len(self.model.rows) else None

    def selected_key(self) -> str:
        r = self.selected_row()
        return r.key if r is not None else ""

    def _update_buttons(self) -> None:
        r = self.selected_row()
        on_proposal = r is not None and bool(r.key)
        for name in ("accept", "reject", "reopen"):
            self.buttons[name].setEnabled(on_proposal)
        self.buttons["edit"].setEnabled(r is not None and r.index >= 0 and r.kind != "new")

    # --- deciding ---------------------------------------------------------------------

    def _on_selected(self, action: Callable[[str], object]) -> None:
        key = self.selected_key()
        if key:
            action(key)

    def _push(self, text: str, changes: decide.Changes) -> None:
        state = svc.state(self.store, self.ref)
        previous = {k: state.decisions.get(k) for k in changes}
        self.undo_stack.push(DecisionCommand(text, self, changes, previous))

    def store_changes(self, changes: decide.Changes) -> None:
        try:
            self.session.write_now(lambda store: svc.apply(store, svc.state(store, self.ref), changes),
                                   "recording a decision")
        except ConcordError as e:
            show_error(self, "Cannot record the decision", str(e))
            return
        self.reload()
        self.decided.emit(self.draft_id)

    def accept(self, key: str) -> bool:
        """Accept `key`; when it competes with an accepted proposal, ask which one wins."""
        state = svc.state(self.store, self.ref)
        try:
            changes = decide.accept(state, key)
        except decide.CompetingAccepted as e:
            wins = self.choose_winner(key, e.rivals)
            if wins is None:
                return False
            changes = decide.accept(state, key, wins)
        self._push(f"Accept {key}", changes)
        return True

    def reject(self, key: str) -> None:
        self._push(f"Reject {key}", decide.reject(svc.state(self.store, self.ref), key))

    def reopen(self, key: str) -> None:
        self._push(f"Reopen {key}", decide.reopen(svc.state(self.store, self.ref), key))

    def edit(self, index: int, text: str) -> None:
        state = svc.state(self.store, self.ref)
        self._push(f"Edit {state.segments[index].label or 'paragraph'}", decide.edit_segment(state, index, text))

    def _ask_winner(self, key: str, rivals: tuple[str, ...]) -> str | None:
        c = self.compilation
        assert c is not None
        rival = rivals[0]
        box = QMessageBox(QMessageBox.Icon.Question, "Competing Proposals",
                          f"{key} ({c.entry(key).delegation}: {c.entry(key).summary}) competes with {rival} "
                          f"({c.entry(rival).delegation}: {c.entry(rival).summary}), already accepted. "
                          "Which one goes into the next version?", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        take = box.addButton(f"Take {key}", QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(f"Keep {rival}", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return key if box.clickedButton() is take else rival if box.clickedButton() is keep else None

    def edit_dialog(self) -> None:
        from ui.dialogs.round_dialog import SegmentEditDialog

        r = self.selected_row()
        c = self.compilation
        if r is None or r.index < 0 or c is None:
            return
        place = c.places[r.index]
        text = place.edited if place.edited is not None else place.segment.text
        if r.key and c.entry(r.key).proposal.kind is ProposalKind.EDIT:
            text = decide.start_text(c.state, r.key)
        dialog = SegmentEditDialog(place.segment.label, text, self)
        dialog.accepted.connect(lambda: self.edit(r.index, dialog.text()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # --- returns and export ----------------------------------------------------------

    def add_dialog(self):
        from ui.dialogs.round_dialog import RoundReturnsDialog

        dialog = RoundReturnsDialog(self.session, self.ref, self)
        dialog.finished.connect(lambda _: self.reload())  # some may be stored though others were refused
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def brackets_dialog(self):
        from ui.dialogs.round_dialog import BracketRegisterDialog

        dialog = BracketRegisterDialog(svc.bracket_register(self.store, self.draft_id), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def export_dialog(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self, "Export the compilation", str(Path.home() / "compilation.docx"),
            "Word, tracked changes by delegation (*.docx);;Word, as a table (*.docx)")
        if path:
            self.export(path, table="table" in chosen)

    def export(self, path: str, *, table: bool = False) -> Path | None:
        try:
            return svc.export_docx(self.store, self.ref, path, table=table)
        except ConcordError as e:
            show_error(self, "Export failed", str(e))
            return None
