"""New Draft...: title, situation, what to start from, and the replace step reviewed first.

Starting from another situation's text pre-fills the pairs ("Mali" -> "Burkina Faso",
"Malian" -> "Burkinabe"); the drafter edits them and sees every replacement
`draft_source` plans before anything is stored.
"""

from __future__ import annotations

import dataclasses
import html
import re

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.drafts import Draft
from app.errors import ConcordError
from app.model import Passage
from app.services import drafts as svc
from app.wording import count
from ui.dialogs.parts import error_label, ok_cancel_buttons
from ui.dialogs.passage_picker import PassagePicker
from ui.drafting.delegate import TextDelegate
from ui.drafting.replace_models import ReplacementHitsModel, ReplacementModel, default_pairs
from ui.session import Session

SKELETON, DOCUMENT, DRAFT = 0, 1, 2
TITLE_PREFIX = "Conclusions on children and armed conflict in "


CHANGE_RE = re.compile(r"\[(.+?) -> (.+?)\]")


def context_html(context: str, kept: bool = False) -> str:
    """A hit's context with its change set apart: "... of <s>Mali</s> <b>Burkina Faso</b>, ...";
    `kept` (the place is not to be replaced): "... of <b>Mali</b>, ..." as it will stay."""
    out, last = [], 0
    for m in CHANGE_RE.finditer(context):
        out.append(html.escape(context[last:m.start()]))
        if kept:
            out.append(f'<b style="color:#8a4b00">{html.escape(m.group(1))}</b>')
        else:
            out.append(f'<span style="color:#b00020;text-decoration:line-through">{html.escape(m.group(1))}</span> '
                       f'<b style="color:#00701a">{html.escape(m.group(2))}</b>')
        last = m.end()
    out.append(html.escape(context[last:]))
    return "".join(out)


class ContextDelegate(TextDelegate):
    """Paints a replacement's context with the old words struck and the new ones in bold, or,
    for a place left unchecked, the old word as it will stay."""

    _kept = False

    def paint(self, painter, option, index) -> None:
        self._kept = index.siblingAtColumn(0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
        super().paint(painter, option, index)
        self._kept = False

    def _document(self, option, text: str, width: int, spans=()) -> QTextDocument:
        doc = super()._document(option, text, width)
        doc.setHtml(context_html(text, self._kept))
        return doc


def _table(model, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class NewDraftDialog(QDialog):
    """Accepting creates the draft (`self.draft`); nothing is stored before that."""

    def __init__(self, session: Session, current: Passage | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New Draft")
        self.session = session
        self.library = library = session.store
        self.draft: Draft | None = None
        self._title_touched = False
        self._pairs_touched = False
        self.source: svc.DraftSource | None = None  # the plan the preview shows
        self._filling = False

        self.title = QLineEdit()
        self.title.setAccessibleName("Draft title")
        self.title.setPlaceholderText(TITLE_PREFIX + "…")
        self.title.textEdited.connect(lambda _: setattr(self, "_title_touched", True))
        self.situation = QLineEdit()
        self.situation.setAccessibleName("Situation of the new draft")
        self.situation.setPlaceholderText("e.g. Burkina Faso")
        self.situation.textChanged.connect(self._situation_changed)
        form = QFormLayout()
        form.addRow("&Title:", self.title)
        form.addRow("&Situation:", self.situation)

        self.sources = QButtonGroup(self)
        self.skeleton_radio = QRadioButton("&Blank skeleton of conclusions")
        self.document_radio = QRadioButton("A library &document or label range:")
        self.draft_radio = QRadioButton("A &version of another draft:")
        for i, r in enumerate((self.skeleton_radio, self.document_radio, self.draft_radio)):
            self.sources.addButton(r, i)
        self.picker = PassagePicker(library, "Source")
        self.picker.start.setMinimumContentsLength(16)  # room for "(whole document)"
        self.draft_box = QComboBox()
        self.draft_box.setAccessibleName("Source draft")
        self.version_box = QComboBox()
        self.version_box.setAccessibleName("Source version")
        for d in svc.list_drafts(library):
            self.draft_box.addItem(f"{d.title} ({d.situation})" if d.situation else d.title, d.id)
        self.draft_box.currentIndexChanged.connect(self._fill_versions)
        source_box = QGroupBox("Start from")
        sv = QVBoxLayout(source_box)
        sv.addWidget(self.skeleton_radio)
        sv.addWidget(self.document_radio)
        sv.addWidget(self._indented(self.picker))
        sv.addWidget(self.draft_radio)
        row = QHBoxLayout()
        row.addWidget(self.draft_box, 2)
        row.addWidget(self.version_box, 1)
        holder = QWidget()
        holder.setLayout(row)
        sv.addWidget(self._indented(holder))

        self.pairs = ReplacementModel(self)
        self.hits = ReplacementHitsModel(self)
        self.pairs_view = _table(self.pairs, "Replacements")
        self.pairs_view.setMaximumHeight(120)
        self.pairs_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        add = QPushButton("&Add pair")
        add.clicked.connect(self._add_pair)
        remove = QPushButton("&Remove pair")
        remove.clicked.connect(lambda: self.pairs.remove_pair(self.pairs_view.currentIndex().row()))
        buttons_col = QVBoxLayout()
        buttons_col.addWidget(add)
        buttons_col.addWidget(remove)
        buttons_col.addStretch(1)
        pairs_row = QHBoxLayout()
        pairs_row.addWidget(self.pairs_view, 1)
        pairs_row.addLayout(buttons_col)
        self.preview_label = QLabel()
        self.preview_label.setTextFormat(Qt.TextFormat.PlainText)
        self.preview_label.setWordWrap(True)
        self.hits_view = _table(self.hits, "Replacements to be made")
        self.hits_view.setWordWrap(True)
        self.hits_view.setMinimumHeight(260)
        self.hits_view.setItemDelegateForColumn(ReplacementHitsModel.CONTEXT, ContextDelegate(self.hits_view))
        header = self.hits_view.horizontalHeader()
        for col in (0, 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)  # reasons wrap
        header.resizeSection(2, 170)
        self.hits.dataChanged.connect(lambda *_: self._show_counts())
        self.check_all = QPushButton("Replace A&ll")
        self.check_all.setToolTip("Check every place, the held ones too")
        self.check_all.clicked.connect(lambda: self.hits.set_all(True))
        self.check_default = QPushButton("Hold &Back the Held Ones")
        self.check_default.setToolTip("The default: every place checked but those that cite a symbol, a date, "
                                      "a mission or an agreement")
        self.check_default.clicked.connect(lambda: self.hits.set_all(None))
        self.check_none = QPushButton("Replace &None")
        self.check_none.clicked.connect(lambda: self.hits.set_all(False))
        checks_row = QHBoxLayout()
        checks_row.addWidget(self.preview_label, 1)
        for b in (self.check_all, self.check_default, self.check_none):
            checks_row.addWidget(b)
        # Contexts wrap: rows are re-measured once the columns have their final width.
        self.relayout_timer = QTimer(self, singleShot=True, interval=0)
        self.relayout_timer.timeout.connect(self.hits_view.resizeRowsToContents)
        self.hits_view.horizontalHeader().sectionResized.connect(lambda *_: self.relayout_timer.start())
        self.replace_box = QGroupBox("Replace step: review before the draft is created")
        rv = QVBoxLayout(self.replace_box)
        rv.addLayout(pairs_row)
        rv.addLayout(checks_row)
        rv.addWidget(self.hits_view, 1)

        self.error = error_label()
        self.error.setWordWrap(True)
        self.buttons = ok_cancel_buttons(self, "Create Draft")
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(source_box)
        lay.addWidget(self.replace_box, 1)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)

        self.refresh_timer = QTimer(self, singleShot=True, interval=150)
        self.refresh_timer.timeout.connect(self.refresh)
        self.sources.idToggled.connect(lambda _id, on: self._source_changed() if on else None)
        self.picker.changed.connect(self._source_changed)
        self.version_box.currentIndexChanged.connect(lambda _: self._source_changed())
        for signal in (self.pairs.dataChanged, self.pairs.rowsInserted, self.pairs.rowsRemoved):
            signal.connect(self._pairs_edited)

        self.document_radio.setEnabled(self.picker.document.count() > 0)
        self.draft_radio.setEnabled(self.draft_box.count() > 0)
        self.draft_radio.setVisible(self.draft_box.count() > 0)  # no draft yet: no empty boxes
        holder.setVisible(self.draft_box.count() > 0)
        self._fill_versions()
        if current is not None:
            self.picker.set_passage(current)
        (self.document_radio if current is not None else self.skeleton_radio).setChecked(True)
        self._source_changed()
        self.title.setFocus()
        self.resize(1000, 800)

    @staticmethod
    def _indented(widget: QWidget) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(24, 0, 0, 0)
        row.addWidget(widget)
        return box

    # --- the source -------------------------------------------------------------------

    def source_kind(self) -> int:
        return self.sources.checkedId()

    def source_ref(self) -> str | None:
        """The REF `draft_source` reads: None (skeleton), `1:5(n)..5(v)` or `draft:2@1`."""
        kind = self.source_kind()
        if kind == DOCUMENT:
            return self.picker.ref()
        if kind == DRAFT:
            draft_id, version = self.draft_box.currentData(), self.version_box.currentData()
            if draft_id is None:
                raise ConcordError("the library has no draft to start from")
            return f"draft:{draft_id}" if version is None else f"draft:{draft_id}@{version}"
        return None

    def source_situation(self) -> str:
        kind = self.source_kind()
        if kind == DOCUMENT and self.picker.document.currentIndex() >= 0:
            return self.picker._doc(self.picker.document.currentData()).situation
        if kind == DRAFT and self.draft_box.currentData() is not None:
            return svc.get_draft(self.library, self.draft_box.currentData()).situation
        return ""

    def _fill_versions(self, _: int = 0) -> None:
        self.version_box.blockSignals(True)
        self.version_box.clear()
        draft_id = self.draft_box.currentData()
        if draft_id is not None:
            draft = svc.get_draft(self.library, draft_id)
            for v in reversed(draft.versions):
                self.version_box.addItem(f"{v.number}. {v.name}", v.number)
            self.version_box.addItem("working copy", None)
        self.version_box.blockSignals(False)
        if self.source_kind() == DRAFT:
            self._source_changed()

    def _source_changed(self) -> None:
        kind = self.source_kind()
        self.picker.setEnabled(kind == DOCUMENT)
        self.draft_box.setEnabled(kind == DRAFT)
        self.version_box.setEnabled(kind == DRAFT)
        self.replace_box.setVisible(kind != SKELETON)
        self.hits.set_all(None)  # another text: the choices made on the last one do not apply
        self._prefill_pairs()
        self.refresh_timer.start()

    def _situation_changed(self, text: str) -> None:
        if not self._title_touched:
            self.title.setText(TITLE_PREFIX + text.strip() if text.strip() else "")
        self._prefill_pairs()
        self.refresh_timer.start()

    # --- the replace step -------------------------------------------------------------

    def _prefill_pairs(self) -> None:
        """Offer the situation's name and adjective until the drafter edits the pairs."""
        if self._pairs_touched or self.source_kind() == SKELETON:
            return
        self._filling = True
        try:
            self.pairs.set_pairs(default_pairs(self.source_situation(), self.situation.text()))
        finally:
            self._filling = False

    def _pairs_edited(self, *_) -> None:
        if not self._filling:
            self._pairs_touched = True
        self.refresh_timer.start()

    def _add_pair(self) -> None:
        row = self.pairs.add_pair()
        index = self.pairs.index(row, 0)
        self.pairs_view.setCurrentIndex(index)
        self.pairs_view.edit(index)

    def refresh(self) -> bool:
        """Plan the replace step now and list every replacement; False if the source is wrong."""
        self.refresh_timer.stop()
        self.error.clear()
        if self.source_kind() == SKELETON:
            self.source = None
            self.hits.set_hits(())
            return True
        try:
            source = svc.draft_source(self.library, self.source_ref(), self.pairs.replacements(),
                                      self.situation.text().strip() or None)
        except ConcordError as e:
            self.error.setText(str(e))
            self.source = None
            self.hits.set_hits(())
            self.preview_label.clear()
            return False
        self.source = source
        self.hits.set_hits(source.hits)
        if not self.pairs.replacements():
            n = len(source.segments)
            self.preview_label.setText(f"No replacement: the {count(n, 'row')} {'is' if n == 1 else 'are'} "
                                       f"copied as {'it is' if n == 1 else 'they are'}.")
        else:
            self._show_counts()
        self.relayout_timer.start()
        return True

    def _show_counts(self) -> None:
        """ "83 replacements in 40 of 106 rows: 58 checked, 25 held back (unchecked)."."""
        hits = self.hits.hits
        if not self.pairs.replacements() or self.source is None:
            return
        rows = len({h.index for h in hits})
        s = "" if len(hits) == 1 else "s"
        replace, keep = self.hits.chosen()
        held = sum(1 for h in hits if h.held)
        self.preview_label.setText(
            f"{len(hits)} replacement{s} in {rows} of {count(len(self.source.segments), 'row')}: "
            f"{len(replace)} to be made, {len(keep)} left as they are"
            + (f" ({held} held back: they cite a symbol, a date, a mission or an agreement; check those that "
               "are right)" if held else "")
            + ". Each place stays highlighted in the draft until you mark it reviewed.")

    # --- creating ---------------------------------------------------------------------

    def create(self) -> Draft | None:  # type: ignore[override]  # not QWidget.create: what OK does
        """Store the new draft with the places the drafter checked replaced; None (and a
        message) on error. An unchecked place is left as it was and marked for review."""
        if not self.refresh():
            return None
        title = self.title.text()
        pairs = self.pairs.replacements() if self.source_kind() != SKELETON else []
        source = self.source
        if source is None:
            source = svc.draft_source(self.library, None, (), self.situation.text().strip() or None)
        replace, _ = self.hits.chosen()
        checked = {h.key for h in replace}
        hits = tuple(h if h.held or h.key in checked else dataclasses.replace(h, held="left unchecked in the preview")
                     for h in source.hits)
        plan = dataclasses.replace(source, hits=hits)
        try:
            self.draft = self.session.write_now(lambda lib: svc.create_draft(lib, title, plan, pairs, checked),
                                                "creating the draft")
        except ConcordError as e:
            self.error.setText(str(e))
            return None
        return self.draft

    def accept(self) -> None:
        if self.create() is not None:
            super().accept()
