"""The comparison view: both passages side by side, aligned row by row, changes marked.

The comparison itself is computed off the UI thread by the engine (`app.services.compare`);
this view only paints the resulting `Comparison` value and navigates it.
"""

from __future__ import annotations

import dataclasses
import importlib
import importlib.util
from pathlib import Path
from types import ModuleType

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.compare.model import CompareOptions, Comparison, Row
from app.errors import ConcordError
from app.model import Passage
from app.wording import count
from ui import settings as S
from ui.dialogs.errors import show_error
from ui.dialogs.passage_picker import PassagePicker, side_distinctions, side_titles, version_of
from ui.dialogs.redline_options import RedlineOptionsDialog
from ui.export_jobs import start_export
from ui.models.comparison_model import ComparisonModel
from ui.models.roles import Role
from ui.session import LibraryChange, Session
from ui.views.change_list import ChangeListPanel
from ui.views.comparison_delegate import ComparisonDelegate
from ui.views.comparison_find import ComparisonFindBar
from ui.views.overview import OverviewStrip
from ui.views.reader import SegmentListView
from ui.workers import Job


def has_service(name: str) -> bool:
    """Whether `app.services.<name>` is installed, without importing it (start-up time)."""
    return importlib.util.find_spec(f"app.services.{name}") is not None


def service(name: str) -> ModuleType | None:
    """`app.services.<name>` when it is installed, else None (its actions stay hidden)."""
    if not has_service(name):
        return None
    return importlib.import_module(f"app.services.{name}")


def summary_text(cmp: Comparison) -> str:
    c = cmp.summary()
    parts = [f"{c['equal']} same", f"{c['modified']} changed", f"{c['inserted']} added",
             f"{c['deleted']} removed"]
    if c["moved"]:
        parts.append(f"{c['moved']} moved")  # the core counts a move once, not once per row
    for key in ("split", "merged"):
        if c[key]:
            parts.append(f"{c[key]} {key}")
    if c["relabelled"]:
        parts.append(f"{c['relabelled']} relabelled")
    for key in ("stronger", "weaker", "mixed"):
        if c[key]:
            parts.append(f"{c[key]} {key}")
    return " · ".join(parts)


class ComparisonView(QWidget):
    """Two passages (or two pasted texts) compared; re-runs when a side or an option changes."""

    comparison_ready = Signal(object)  # Comparison
    failed = Signal(str)

    def __init__(self, session: Session, pickers: bool = True, parent: QWidget | None = None) -> None:
        """`pickers`: the sides can be chosen from the library (not for two pasted texts)."""
        super().__init__(parent)
        self.session = session
        self.runner = session.runner
        self.left: Passage | None = None
        self.right: Passage | None = None
        self.texts: tuple[str, str] | None = None
        self.latest = session.latest(self)
        self.latest.finished.connect(self.set_comparison)
        self.latest.failed.connect(self._fail)
        self.setAccessibleName("Comparison")
        self.model = ComparisonModel(parent=self)
        self.list = SegmentListView()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName("Aligned paragraphs")
        self.list.setModel(self.model)
        self.delegate = ComparisonDelegate(self.list)
        self.delegate.partner_label = self._partner_label
        self.delegate.partner_above = self._partner_above
        self.list.setItemDelegate(self.delegate)
        self.overview = OverviewStrip(self.list)
        self.overview.row_clicked.connect(self.go_to_row)
        self.list.activated.connect(lambda index: self.go_to_partner())
        self.list.selectionModel().currentChanged.connect(lambda *_: self._current_moved())
        self.changes = ChangeListPanel(self.model)
        self.changes.model.partner_label = self._partner_label
        self.changes.row_chosen.connect(self.go_to_row)
        self.changes.kinds_changed.connect(self.set_kinds)
        self.find_bar = ComparisonFindBar(self.model, self.current_row, self)
        self.find_bar.row_found.connect(self.go_to_row)
        self.find_bar.query_changed.connect(self._highlight)
        self.position = QLabel()
        self.position.setAccessibleName("Position among the changes")
        self.empty = QLabel()
        self.empty.setAccessibleName("No differences")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        ef = self.empty.font()
        ef.setPointSizeF(ef.pointSizeF() * 1.4)
        self.empty.setFont(ef)

        self.left_title = QLabel()
        self.right_title = QLabel()
        for lab in (self.left_title, self.right_title):
            lab.setTextFormat(Qt.TextFormat.PlainText)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleName("Summary of changes")
        self.left_picker = PassagePicker(session.store, "Left") if pickers else None
        self.right_picker = PassagePicker(session.store, "Right") if pickers else None
        session.library_changed.connect(self._library_changed)
        self.toolbar = QToolBar()
        self.toolbar.setAccessibleName("Comparison tools")
        self._make_actions()

        header = QHBoxLayout()
        header.setContentsMargins(8, 6, 8, 0)
        if self.left_picker and self.right_picker:
            header.addWidget(self.left_picker, 1)
            swap = QToolButton()
            swap.setDefaultAction(self.swap_action)
            header.addWidget(swap)
            header.addWidget(self.right_picker, 1)
            self.left_picker.changed.connect(self._pickers_changed)
            self.right_picker.changed.connect(self._pickers_changed)
        titles = QHBoxLayout()
        titles.setContentsMargins(8, 0, 8, 0)
        titles.addWidget(self.left_title, 1)
        titles.addWidget(self.summary, 0, Qt.AlignmentFlag.AlignHCenter)
        titles.addWidget(self.right_title, 1, Qt.AlignmentFlag.AlignRight)
        rows = QWidget()
        body = QHBoxLayout(rows)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.list, 1)
        body.addWidget(self.overview)
        self.stack = QStackedWidget()  # the rows, or "No differences" when none shows
        self.stack.addWidget(rows)
        self.stack.addWidget(self.empty)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.changes)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([800, 400])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addLayout(header)
        lay.addWidget(self.toolbar)
        lay.addWidget(self.find_bar)
        lay.addLayout(titles)
        lay.addWidget(self.splitter, 1)
        self.setFocusProxy(self.list)

    # --- actions --------------------------------------------------------------------

    def _action(self, text: str, shortcut: str | QKeySequence.StandardKey, slot, *, checkable: bool = False, checked: bool = False) -> QAction:
        a = QAction(text, self)
        a.setShortcut(QKeySequence(shortcut))
        a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        a.setToolTip(f"{text} ({a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        if checkable:
            a.setCheckable(True)
            a.setChecked(checked)
            a.toggled.connect(slot)
        else:
            a.triggered.connect(slot)
        self.addAction(a)
        return a

    def _make_actions(self) -> None:
        tb = self.toolbar
        self.prev_action = self._action("Previous change", "Shift+F7", self.previous_change)
        self.next_action = self._action("Next change", "F7", self.next_change)
        self.changes_only_action = self._action(
            "Changes only", "Ctrl+Shift+H", self.set_changes_only, checkable=True, checked=S.CHANGES_ONLY.get()
        )
        self.strength_only_action = self._action(
            "Strength changes only", "Ctrl+Alt+F", self.set_strength_only, checkable=True
        )
        self.ignore_case_action = self._action(
            "Ignore case", "Ctrl+Alt+C", self._option_toggled, checkable=True, checked=S.IGNORE_CASE.get()
        )
        self.ignore_punct_action = self._action(
            "Ignore punctuation", "Ctrl+Alt+P", self._option_toggled, checkable=True,
            checked=S.IGNORE_PUNCTUATION.get(),
        )
        self.swap_action = self._action("Swap sides", "Ctrl+Alt+S", self.swap)
        self.partner_action = self._action("Go to other place of move", "Ctrl+J", self.go_to_partner)
        self.export_html_action = self._action("Export HTML report…", "Ctrl+Shift+E", self.export_html)
        self.find_action = self._action("Find in comparison", QKeySequence.StandardKey.Find, self.open_find)
        self.find_next_action = self._action("Find next", QKeySequence.StandardKey.FindNext, self.find_next)
        self.find_prev_action = self._action("Find previous", QKeySequence.StandardKey.FindPrevious,
                                             self.find_previous)
        self.find_action.setIconText("Find")
        self.export_html_action.setIconText("HTML report")
        self.model.set_changes_only(self.changes_only_action.isChecked())
        tb.addAction(self.prev_action)
        tb.addAction(self.next_action)
        tb.addWidget(self.position)
        for a in (None, self.changes_only_action,
                  self.strength_only_action, self.ignore_case_action, self.ignore_punct_action, None,
                  self.find_action, self.export_html_action):
            if a is None:
                tb.addSeparator()
            else:
                tb.addAction(a)
        self.word_actions: list[QAction] = []
        if has_service("export"):
            menu = QMenu("Export to Word", self)
            for text, kind in (("Word with tracked changes…", "track"),
                               ("Word with struck and underlined changes…", "bold"),
                               ("Word comparison report…", "report")):
                a = QAction(text, self)
                a.triggered.connect(lambda _=False, k=kind: self.export_word(k))
                menu.addAction(a)
                self.word_actions.append(a)
            self.word_actions[0].setShortcut(QKeySequence("Ctrl+Shift+W"))
            self.word_actions[0].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addActions(self.word_actions)
            button = QToolButton()
            button.setText("Export to Word")
            button.setAccessibleName("Export to Word")
            button.setMenu(menu)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            tb.addWidget(button)

    # --- computing ------------------------------------------------------------------

    def options(self) -> CompareOptions:
        return CompareOptions(
            ignore_case=self.ignore_case_action.isChecked(),
            ignore_punctuation=self.ignore_punct_action.isChecked(),
        )

    def compare_passages(self, left: Passage, right: Passage) -> Job | None:
        self.left, self.right, self.texts = left, right, None
        if self.left_picker and self.right_picker:
            self.left_picker.set_passage(left)
            self.right_picker.set_passage(right)
        left_name, right_name = self.side_names()
        self.left_title.setText(left_name)
        self.right_title.setText(right_name)
        return self._run(lambda svc, opts: svc.compare_passages(left, right, opts))

    def compare_texts(self, a: str, b: str) -> Job | None:
        self.left = self.right = None
        self.texts = (a, b)
        for picker in (self.left_picker, self.right_picker):
            if picker:
                picker.hide()
        self.swap_action.setEnabled(True)
        self.left_title.setText("First text")
        self.right_title.setText("Second text")
        return self._run(lambda svc, opts: svc.compare_texts(a, b, opts))

    def rerun(self) -> Job | None:
        if self.texts is not None:
            return self.compare_texts(*self.texts)
        if self.left is not None and self.right is not None:
            return self.compare_passages(self.left, self.right)
        return None

    def _run(self, fn) -> Job | None:
        svc = service("compare")
        if svc is None:
            self._fail("The comparison engine is not available in this installation.")
            return None
        opts = self.options()
        self.summary.setText("comparing…")
        return self.latest.start(Job(lambda job: fn(svc, opts), "comparing"))

    def _library_changed(self, change: LibraryChange) -> None:
        """The sides are texts already read; only the documents offered in the pickers follow."""
        if change.documents and not change.switched:
            for picker in (self.left_picker, self.right_picker):
                if picker is not None:
                    picker.reload_documents()

    def _fail(self, message: str) -> None:
        self.summary.setText("comparison failed")
        self.failed.emit(message)
        show_error(self, "Comparison failed", message)

    def set_comparison(self, cmp: Comparison) -> None:
        """Show `cmp` (computed here, or built by hand in tests). Its sides are named by
        situation and date, so the exports' headers say "Mali 2020-11-20 → Mali rev.1"."""
        if self.left is not None and self.right is not None:
            left, right = side_titles(self.left, self.right)
            cmp = dataclasses.replace(cmp, left_title=left, right_title=right)
        self.delegate.clear_cache()
        self.model.set_comparison(cmp)
        self.summary.setText(summary_text(cmp))
        if not self.left_title.text():
            self.left_title.setText(cmp.left_title)
            self.right_title.setText(cmp.right_title)
        self.overview.update()
        self._show_state()
        self.comparison_ready.emit(cmp)

    def _show_state(self) -> None:
        """The rows, or a plain sentence when there are none to show (never a blank pane)."""
        if self.model.rowCount():
            self.stack.setCurrentIndex(0)
        else:
            if not self.model.comparison.rows:
                text = ""
            elif not self.model.has_differences():
                n = len(self.model.comparison.rows)
                text = f"No differences\n\nThe two sides read the same ({count(n, 'row')})."
            else:
                text = "No changes of the kinds shown\n\nTick Changed, Added, Removed or Moved beside the list."
            self.empty.setText(text)
            self.stack.setCurrentIndex(1)
        self._current_moved()

    def _current_moved(self) -> None:
        """'change 3 of 12' in the toolbar, and the change list on the same change."""
        changes = self.model.change_view_rows()
        row = self.current_row()
        if not self.model.comparison.rows:
            text = ""
        elif not self.model.has_differences():
            text = "No differences"
        elif row in changes:
            text = f"change {changes.index(row) + 1} of {len(changes)}"
        else:
            text = count(len(changes), "change")
        self.position.setText(f"  {text}  ")
        self.changes.follow(row)
        self.overview.update()

    # --- finding ----------------------------------------------------------------------

    def showEvent(self, event) -> None:
        """Ctrl+F, F3 and Shift+F3 stay the window's when it has them (an Edit menu that
        calls `open_find`, `find_next`, `find_previous` here): two actions on one key would
        make Qt refuse both as ambiguous."""
        window_keys = {a.shortcut().toString() for a in self.window().actions()
                       if a.shortcutContext() == Qt.ShortcutContext.WindowShortcut and not a.shortcut().isEmpty()}
        for a in (self.find_action, self.find_next_action, self.find_prev_action):
            if a.shortcut().toString() in window_keys:
                a.setShortcut(QKeySequence())
        super().showEvent(event)

    def open_find(self) -> None:
        self.find_bar.open_bar()

    def find_next(self) -> None:
        self.find_bar.find_next()

    def find_previous(self) -> None:
        self.find_bar.find_previous()

    def _highlight(self, text: str) -> None:
        self.delegate.set_highlight(text)
        self.list.viewport().update()

    @property
    def comparison(self) -> Comparison:
        return self.model.comparison

    @staticmethod
    def _short(p: Passage, apart: str = "") -> str:
        """A tab's name for one side; `apart` tells its document from the other side's."""
        version = version_of(p)
        if version:
            return version if not p.start else f"{version} {p.start}"
        where = p.document.situation or p.title
        if not p.start:
            return f"{where} · {apart}" if apart else where
        labels = p.start if p.end in ("", p.start) else f"{p.start}..{p.end}"
        return f"{where} · {apart} {labels}" if apart else labels

    def side_names(self) -> tuple[str, str]:
        """Both sides' full names, told apart when two documents would read the same."""
        if not (self.left and self.right):
            return self.left_title.text(), self.right_title.text()
        return side_titles(self.left, self.right)

    def title(self) -> str:
        if self.left and self.right:
            a, b = side_distinctions(self.left, self.right)
            return f"{self._short(self.left, a)} ↔ {self._short(self.right, b)}"
        return "Compared texts"

    # --- reacting to the person -----------------------------------------------------

    def _pickers_changed(self) -> None:
        if self.left_picker is None or self.right_picker is None:
            return
        try:
            left, right = self.left_picker.passage(), self.right_picker.passage()
        except ConcordError as e:
            show_error(self, "Cannot compare", str(e))
            return
        self.compare_passages(left, right)

    def _option_toggled(self, _: bool = False) -> None:
        S.IGNORE_CASE.set(self.ignore_case_action.isChecked())
        S.IGNORE_PUNCTUATION.set(self.ignore_punct_action.isChecked())
        self.rerun()

    def set_changes_only(self, on: bool) -> None:
        S.CHANGES_ONLY.set(on)
        self._refilter(lambda: self.model.set_changes_only(on))

    def set_kinds(self, kinds: frozenset[str]) -> None:
        """Show the changes of these kinds only (the change list's ticks)."""
        self._refilter(lambda: self.model.set_kinds(kinds))

    def set_strength_only(self, on: bool) -> None:
        """Show only the pairs whose language got stronger or weaker."""
        self._refilter(lambda: self.model.set_strength_only(on))

    def _refilter(self, apply) -> None:
        """Change which rows show, staying on the current row when it still shows."""
        current = self.list.currentIndex()
        keep = self.model.data(current, Role.COMPARISON_INDEX) if current.isValid() else None
        self.delegate.clear_cache()
        apply()
        if keep is not None and self.model.view_row_of(keep) >= 0:
            self.go_to_row(self.model.view_row_of(keep))
        self._show_state()

    def swap(self) -> None:
        if self.texts is not None:
            self.compare_texts(self.texts[1], self.texts[0])
        elif self.left is not None and self.right is not None:
            self.compare_passages(self.right, self.left)

    def current_row(self) -> int:
        index = self.list.currentIndex()
        return index.row() if index.isValid() else -1

    def go_to_row(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        index = self.model.index(row)
        self.list.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.list.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.overview.update()

    def next_change(self) -> int:
        row = self.model.next_change(self.current_row())
        self.go_to_row(row)
        return row

    def previous_change(self) -> int:
        current = self.current_row()
        row = self.model.previous_change(current if current >= 0 else self.model.rowCount())
        self.go_to_row(row)
        return row

    def go_to_partner(self) -> int:
        row = self.model.partner_of(self.current_row()) if self.current_row() >= 0 else -1
        self.go_to_row(row)
        return row

    def _partner_above(self, row: Row) -> bool:
        """Whether a moved row's other place comes earlier in the comparison."""
        rows = self.model.comparison.rows
        mine = next((i for i, r in enumerate(rows) if r is row), -1)
        return any(i < mine for i, r in enumerate(rows) if r is not row and r.move_id == row.move_id
                   and row.move_id is not None)

    def _partner_label(self, row: Row) -> str:
        if row.move_id is None:
            return ""
        for other in self.model.comparison.rows:
            if other is not row and other.move_id == row.move_id:
                seg = other.right or other.left
                return seg.label if seg else ""
        return ""

    # --- export ---------------------------------------------------------------------

    def _save_path(self, caption: str, suffix: str, filter_: str) -> str:
        folder = S.EXPORT_FOLDER.get() or str(Path.home())
        name = "".join(ch if ch.isalnum() or ch in "-_ " else "-" for ch in self.title())[:60].strip()
        path, _ = QFileDialog.getSaveFileName(self, caption, str(Path(folder) / f"{name}{suffix}"), filter_)
        if path:
            S.EXPORT_FOLDER.set(str(Path(path).parent))
        return path

    def export_html(self, _: bool = False, path: str = "") -> str:
        """Write the HTML report (quick: on the UI thread), all at once or not at all."""
        svc = service("compare")
        if svc is None or not self.model.comparison.rows:
            return ""
        path = path or self._save_path("Export comparison report", ".html", "HTML (*.html)")
        if not path:
            return ""
        from app.export.atomic import write_text_atomic

        try:
            write_text_atomic(path, svc.comparison_html(self.model.comparison))
        except ConcordError as e:
            show_error(self, "Export failed", str(e))
            return ""
        return path

    def redline_options(self, kind: str) -> RedlineOptionsDialog:
        what = (f"{self.model.comparison.left_title} → {self.model.comparison.right_title}, "
                + ("with tracked changes." if kind == "track" else "with struck and underlined changes."))
        return RedlineOptionsDialog(what, kind == "track", self)

    def export_word(self, kind: str, path: str = "", author: str | None = None,
                    numbering: str | None = None) -> Job | None:
        """Write a Word file of the comparison off the UI thread: tracked changes ("track"),
        struck and underlined changes ("bold"), or the side-by-side report ("report").
        A redline asks its author and its numbering (automatic or typed labels) first."""
        svc = service("export")
        if svc is None or not self.model.comparison.rows:
            return None
        if kind != "report" and author is None:
            dialog = self.redline_options(kind)
            if not dialog.exec():
                return None
            author, numbering = dialog.author.text().strip(), dialog.numbering()
        numbering = numbering or S.EXPORT_NUMBERING.get()
        path = path or self._save_path("Export to Word", ".docx", "Word (*.docx)")
        if not path:
            return None
        cmp = self.model.comparison
        if kind == "report":
            return start_export(self.runner, self, "the comparison report", path,
                                lambda: svc.export_report_docx(cmp, path))
        return start_export(self.runner, self, "the comparison", path,
                            lambda: svc.export_redline_docx(cmp, path, mode=kind, author=author or None,
                                                            numbering=numbering))
