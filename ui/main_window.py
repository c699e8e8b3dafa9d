"""The main window: library panel, tabs of readers and comparisons, menus, status bar.

It is the `Workspace` the features (drafting, tracing) work in: they open their widgets
as tabs through `add_tab` and never import this module. Everything here reads and writes
the library through the `Session`, and refreshes on its `library_changed`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QWidget,
)

from app.errors import ConcordError
from app.model import Document, Origin, Passage
from app.services.library import open_library, passage_of
from app.store import Store
from app.wording import count
from ui import settings as S
from ui.commands.continuity import RecentLibraries, remember_library, restore_tabs, save_tabs
from ui.commands.edit_menu import EditCommands
from ui.commands.help_menu import HelpCommands
from ui.commands.library import LibraryCommands
from ui.commands.printing import PrintCommands
from ui.commands.view_menu import ViewCommands
from ui.dialogs.compare_documents import CompareDocumentsDialog
from ui.dialogs.compare_text import CompareTextDialog
from ui.dialogs.errors import show_error
from ui.dialogs.import_dialog import (
    ImportController,
    ImportFileDialog,
    ImportSummaryDialog,
    revisions_setting,
)
from ui.dialogs.lists import ChoiceDialog
from ui.dialogs.passage_picker import distinctions
from ui.dialogs.reference_picker import ReferencePickerDialog
from ui.drafting.menu import DraftsMenu
from ui.export_jobs import start_export
from ui.library_panel import LibraryPanel
from ui.models.parallels_model import ParallelsModel, run_name
from ui.models.plain import plain_tooltip
from ui.models.roles import Role
from ui.models.similar_model import SimilarModel, SimilarRow, most_similar_first
from ui.session import LibraryChange, Session
from ui.trace_actions import TraceActions
from ui.views.comparison import ComparisonView, has_service, service
from ui.views.reader import ReaderView
from ui.views.search import SearchDialog
from ui.workers import Job, JobRunner
from ui.workspace import DraftTab

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """`MainWindow(session)`, or `MainWindow(store)` for a session of its own on `store`."""

    unexpected_error = Signal(str)  # one line about an error nobody caught (from any thread)

    def __init__(self, session: Session | Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session if isinstance(session, Session) else Session(session, self)
        self.session.library_changed.connect(self._library_changed)
        self.unexpected_error.connect(self._show_unexpected)
        self.pending_left: Passage | None = None
        self.last_dialog: QWidget | None = None  # the latest result dialog, for tests
        self.setWindowTitle("Concord")
        self.setAcceptDrops(True)
        self.panel = LibraryPanel(self.session)
        self.panel.open_requested.connect(self.open_document)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Open documents and comparisons")
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)  # more tabs in sight before the arrows
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.panel)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(0, False)
        self.panel.setMinimumWidth(200)  # a narrow window squeezes the tabs, not the library
        self.splitter.setSizes([320, 980])
        self.setCentralWidget(self.splitter)
        self.search_dialog = SearchDialog(self.session, self)
        self.search_dialog.hit_chosen.connect(self.open_document)
        self._make_menus()
        self.resize(1300, 820)
        self._restore()
        self.update_status()

    # --- menus ----------------------------------------------------------------------

    def _act(self, menu, text: str, shortcut, slot) -> QAction:
        a = QAction(text, self)
        if shortcut:
            a.setShortcut(QKeySequence(shortcut))
        a.triggered.connect(lambda _=False: slot())
        menu.addAction(a)
        return a

    def _make_menus(self) -> None:
        """The menus; each group of commands is built by its own module of `ui.commands`."""
        bar = self.menuBar()
        file = bar.addMenu("&File")
        self.import_action = self._act(file, "&Import…", "Ctrl+I", self.choose_import)
        self._act(file, "&Open Library…", "Ctrl+O", self.choose_library)
        self.recent = RecentLibraries(self, file, self.switch_library)
        self._act(file, "&New Library…", "Ctrl+Shift+N", self.choose_new_library)
        self._act(file, "Connect to &Team Library…", "Ctrl+Alt+O", self.connect_team_library)
        file.addSeparator()
        self._act(file, "&Compare Text…", "Ctrl+Shift+T", self.compare_text)
        file.addSeparator()
        self.printing = PrintCommands(self, file)
        file.addSeparator()
        self._act(file, "Close &Tab", "Ctrl+W", lambda: self.close_tab(self.tabs.currentIndex()))
        self._act(file, "&Quit", "Ctrl+Q", self.close)
        edit = bar.addMenu("&Edit")
        self.edit = EditCommands(self, edit, self._focus_filter)
        self._act(edit, "&Search Library…", "Ctrl+K", self.search_dialog.open_search)
        self._act(edit, "Filter &Library", "Ctrl+L", self._focus_filter)
        document = bar.addMenu("&Document")
        self._act(document, "&Compare With…\tCtrl+E", None, self.compare_current)
        self._act(document, "C&ompare Documents…", "Ctrl+Alt+M", self.compare_documents)
        self._act(document, "Find &Parallel Blocks", "Ctrl+Shift+P", self.find_parallels)
        self.export_passage_action = self._act(document, "Export to &Word…", "Ctrl+Shift+D", self.export_passage)
        self.export_passage_action.setVisible(has_service("export"))
        self.drafts = DraftsMenu(self.session, self)
        self.panel.draft_requested.connect(self.drafts.open_draft)
        bar.addMenu(self.drafts.menu)
        self.trace = TraceActions(self.session, self, document, edit, self.drafts.menu)
        self.library_commands = LibraryCommands(self.session, self, self.panel.tree, self.drafts,
                                                self.compare_with, document)
        view = bar.addMenu("&View")
        self._act(view, "&Library Panel", "Ctrl+1", lambda: self.panel.tree.setFocus())
        self._act(view, "&Current Tab", "Ctrl+2", lambda: self.tabs.currentWidget() and self.tabs.currentWidget().setFocus())
        self._act(view, "&Next Tab", "Ctrl+PgDown", lambda: self._step_tab(1))
        self._act(view, "&Previous Tab", "Ctrl+PgUp", lambda: self._step_tab(-1))
        self.view = ViewCommands(self, view)
        help_ = bar.addMenu("&Help")
        self.help = HelpCommands(self.session, self, self, help_)

    def _step_tab(self, step: int) -> None:
        if self.tabs.count():
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def _focus_filter(self) -> None:
        self.panel.filter.setFocus()
        self.panel.filter.selectAll()

    def compare_current(self) -> None:
        """Document > Compare With…: the reader's selection (or the library panel's)."""
        reader = self.current_reader()
        if reader is not None and not self.panel.tree.hasFocus():
            selected = reader.selected_passage() if len(reader.selected_rows()) > 1 else None
            self.compare_with(selected or passage_of(reader.document))
        else:
            self.library_commands.compare_selected()

    def show_shortcuts(self) -> QDialog:
        dialog = self.help.show_shortcuts()
        return dialog

    @property
    def library(self) -> Store:
        return self.session.store

    @property
    def runner(self) -> JobRunner:
        return self.session.runner

    # --- the workspace features see -------------------------------------------------

    @property
    def tab_changed(self) -> SignalInstance:
        return self.tabs.currentChanged

    def show_tab(self, widget: QWidget) -> None:
        self.tabs.setCurrentWidget(widget)

    def current_tab(self) -> QWidget | None:
        return self.tabs.currentWidget()

    def tab_widgets(self) -> list[QWidget]:
        return [w for i in range(self.tabs.count()) if (w := self.tabs.widget(i)) is not None]

    def current_draft(self) -> DraftTab | None:
        return self.drafts.current_editor()

    def show_status(self, text: str, ms: int = 0) -> None:
        self.statusBar().showMessage(text, ms)

    def show_dialog(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last_dialog = dialog

    def _show_unexpected(self, line: str) -> None:
        """One line for the person; the traceback is in the log. One box at a time."""
        if not any(isinstance(w, QMessageBox) and w.objectName() == "unexpected-error" and w.isVisible()
                   for w in self.findChildren(QMessageBox)):
            show_error(self, "Something went wrong", line).setObjectName("unexpected-error")

    # --- tabs -----------------------------------------------------------------------

    def add_tab(self, widget: QWidget, title: str, tooltip: str = "") -> int:
        """Open `widget` as a closable tab and show it (readers, comparisons, editors)."""
        self.view.fit(widget)
        i = self.tabs.addTab(widget, title)
        self.tabs.setTabToolTip(i, plain_tooltip(tooltip or title))  # titles may hold markup
        self.tabs.setCurrentIndex(i)
        widget.setFocus()
        return i

    def close_widget(self, widget: QWidget) -> bool:
        i = self.tabs.indexOf(widget)
        return self.close_tab(i) if i >= 0 else True

    def set_tab_title(self, widget: QWidget, title: str, tooltip: str = "") -> None:
        i = self.tabs.indexOf(widget)
        if i >= 0:
            self.tabs.setTabText(i, title)
            self.tabs.setTabToolTip(i, plain_tooltip(tooltip or title))

    def close_tab(self, index: int) -> bool:
        """Close tab `index`; False when it stays (a draft whose text could not be stored)."""
        w = self.tabs.widget(index)
        if w is None:
            return True
        if not self.drafts.release(w):  # a draft tab stores what was typed, or asks
            return False
        self.tabs.removeTab(index)
        w.deleteLater()
        return True

    def current_reader(self) -> ReaderView | None:
        w = self.tabs.currentWidget()
        return w if isinstance(w, ReaderView) else None

    def open_document(self, doc_id: int, position: int = -1) -> ReaderView | None:
        """Show document `doc_id` in its reader tab (reused if open), at `position`."""
        reader = next((w for w in self.tab_widgets() if isinstance(w, ReaderView) and w.document.id == doc_id), None)
        if reader is None:
            try:
                doc = self.library.get_document(doc_id)
            except ConcordError as e:
                show_error(self, "Cannot open document", str(e))
                return None
            reader = self._new_reader(doc)
        self.tabs.setCurrentWidget(reader)
        if position >= 0:
            reader.go_to_position(position)
        reader.list.setFocus()
        return reader

    def _new_reader(self, doc: Document) -> ReaderView:
        reader = ReaderView(doc)
        reader.compare_requested.connect(self.compare_with)
        reader.left_chosen.connect(self.set_left)
        reader.right_chosen.connect(self.set_right)
        reader.similar_requested.connect(self.find_similar)
        self.trace.connect_reader(reader)
        self.add_tab(reader, self._reader_title(doc), doc.title)
        return reader

    def _reader_title(self, doc: Document) -> str:
        """The situation, with what tells it apart from other documents on the same situation."""
        docs = [d for d in self.library.list_documents() if d.id != doc.id] + [doc]
        apart = distinctions(docs, lambda d: d.situation or d.title)[-1]
        return f"{doc.situation or doc.title} · {apart}" if apart else doc.situation or doc.title

    def open_comparison(self, left: Passage, right: Passage) -> ComparisonView:
        view = ComparisonView(self.session)
        view.compare_passages(left, right)
        self.add_tab(view, view.title(), "  ↔  ".join(view.side_names()))
        view.comparison_ready.connect(lambda _: self._retitle(view))  # the pickers change the sides
        return view

    def _retitle(self, view: ComparisonView) -> None:
        i = self.tabs.indexOf(view)
        if i >= 0:
            self.tabs.setTabText(i, view.title())
            self.tabs.setTabToolTip(i, plain_tooltip("  ↔  ".join(view.side_names())))

    # --- comparing ------------------------------------------------------------------

    def compare_documents(self) -> CompareDocumentsDialog:
        """Document > Compare Documents…: both sides chosen, whole documents by default; the
        document in the current reader (if any) on the left."""
        reader = self.current_reader()
        dialog = CompareDocumentsDialog(self.session, reader.document.id if reader else None, self)
        dialog.accepted.connect(lambda: (sides := dialog.passages()) and self.open_comparison(*sides))
        self.show_dialog(dialog)
        return dialog

    def compare_with(self, passage: Passage) -> ReferencePickerDialog:
        dialog = ReferencePickerDialog(self.library, passage, self)
        dialog.accepted.connect(lambda: self._compare_chosen(passage, dialog))
        self.show_dialog(dialog)
        return dialog

    def _compare_chosen(self, passage: Passage, dialog: ReferencePickerDialog) -> None:
        other = dialog.passage()
        if other is not None:
            self.open_comparison(passage, other)

    def set_left(self, passage: Passage) -> None:
        self.pending_left = passage
        self.statusBar().showMessage(
            f"Left side: {passage.describe()}. Select the other passage and choose Set as right.", 10000
        )

    def set_right(self, passage: Passage) -> ComparisonView | None:
        if self.pending_left is None:
            self.statusBar().showMessage("Choose Set as left on a passage first.", 6000)
            return None
        left, self.pending_left = self.pending_left, None
        return self.open_comparison(left, passage)

    def compare_text(self) -> CompareTextDialog:
        dialog = CompareTextDialog(self)
        dialog.accepted.connect(lambda: self.open_text_comparison(*dialog.texts()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def open_text_comparison(self, a: str, b: str) -> ComparisonView:
        view = ComparisonView(self.session, pickers=False)
        view.compare_texts(a, b)
        self.add_tab(view, "Compared texts")
        return view

    def find_parallels(self) -> Job | None:
        reader = self.current_reader()
        svc = service("compare")
        if reader is None or svc is None:
            self.statusBar().showMessage("Open a document to find its parallel blocks.", 6000)
            return None
        doc = reader.document
        job = Job(lambda job: svc.parallels(doc), "finding parallel blocks")
        job.signals.finished.connect(lambda found: self._show_parallels(doc, found))
        job.signals.failed.connect(lambda msg: show_error(self, "Parallel blocks", msg))
        return self.runner.start(job)

    def _show_parallels(self, doc: Document, found: list) -> None:
        model = ParallelsModel(doc, found)
        intro = f"{count(len(found), 'pair of runs', 'pairs of runs')} in {doc.situation or doc.title} mirror each other."
        dialog = ChoiceDialog("Parallel blocks", intro, model, self)
        dialog.chosen.connect(lambda index: self.open_parallel(doc, index.data(Role.PARALLEL)))
        dialog.open()
        self.last_dialog = dialog

    def open_parallel(self, doc: Document, p) -> ComparisonView:
        def passage(start: int, end: int) -> Passage:
            name = run_name(doc, start, end)
            if ".." in name:
                first, last = name.split("..")
                return passage_of(doc, first, last)
            if doc.segments[start].label:
                return passage_of(doc, doc.segments[start].label)
            return Passage(doc, doc.segments[start:end], str(doc.id), origin=Origin(document_id=doc.id),
                           offset=start)

        return self.open_comparison(passage(p.left_start, p.left_end), passage(p.right_start, p.right_end))

    def find_similar(self, passage: Passage) -> Job | None:
        doc = passage.document
        ids = {id(s): i for i, s in enumerate(doc.segments)}
        wanted = [(s.label or "—", ids[id(s)]) for s in passage.segments if id(s) in ids and s.numbered][:40]
        doc_id = doc.id
        if doc_id is None:
            self.show_status("Similar language is found for documents of the library.", 6000)
            return None

        def work(lib: Store, job: Job) -> list[SimilarRow]:
            from app.services.search import similar_language

            rows: list[SimilarRow] = []
            for n, (label, pos) in enumerate(wanted):
                if job.is_cancelled():
                    break
                job.report(n, len(wanted), label)
                found = similar_language(lib, doc_id, pos, limit=5)
                rows += [SimilarRow(label, "this document", h) for h in found.same_document]
                rows += [SimilarRow(label, "library", h) for h in found.elsewhere]
            return rows

        job = self.session.read(work, "finding similar language")
        job.signals.finished.connect(lambda rows: self._show_similar(passage, rows))
        job.signals.failed.connect(lambda msg: show_error(self, "Similar language", msg))
        self.statusBar().showMessage(f"Looking for language similar to {passage.describe()}…")
        return job

    def _show_similar(self, passage: Passage, rows: list[SimilarRow]) -> None:
        intro = f"Language similar to {passage.describe()}: {count(len(rows), 'paragraph')}, most similar first for each."
        dialog = ChoiceDialog("Similar language", intro, SimilarModel(most_similar_first(rows)), self)
        dialog.chosen.connect(lambda index: self.open_document(index.data(Role.DOC_ID), index.data(Role.POSITION)))
        dialog.open()
        self.last_dialog = dialog
        self.statusBar().clearMessage()

    def export_passage(self, path: str = "") -> Job | None:
        """Write the selected paragraphs (or the whole document) to a Word file, off the UI thread."""
        reader, svc = self.current_reader(), service("export")
        if reader is None or svc is None:
            return None
        passage = reader.selected_passage() if len(reader.selected_rows()) > 1 else None
        passage = passage or passage_of(reader.document)
        if not path:
            folder = S.start_folder(S.EXPORT_FOLDER)
            name = "".join(c if c.isalnum() or c in "-_ " else "-" for c in passage.describe())
            path, _ = QFileDialog.getSaveFileName(self, "Export to Word", str(Path(folder) / f"{name}.docx"),
                                                  "Word (*.docx)")
            if not path:
                return None
            S.EXPORT_FOLDER.set(str(Path(path).parent))
        return start_export(self.runner, self, passage.describe(), path,
                            lambda: svc.export_passage_docx(passage, path))

    # --- library --------------------------------------------------------------------

    def _library_changed(self, change: LibraryChange) -> None:
        if change.documents or change.switched:
            self.update_status()
        if change.documents and not change.switched:
            self._follow_library()

    def _follow_library(self) -> None:
        """Open tabs follow the library: a reader whose document was deleted closes, one whose
        details were corrected shows them; a renamed draft's tab takes its new title."""
        for w in self.tab_widgets():
            if isinstance(w, ReaderView) and w.document.id is not None:
                try:
                    doc = self.library.get_document(w.document.id)
                except ConcordError:
                    self.close_widget(w)
                    continue
                if doc.title != w.document.title or doc.situation != w.document.situation or \
                        doc.meeting_date != w.document.meeting_date or doc.symbol != w.document.symbol or \
                        doc.report_symbol != w.document.report_symbol or doc.segments != w.document.segments:
                    w.set_document(doc)
                    self.set_tab_title(w, self._reader_title(doc), doc.title)

    def update_status(self) -> None:
        where = self.library.location
        try:
            c = self.library.counts()
        except ConcordError as e:
            self.statusBar().showMessage(f"{where} — {e}")
            return
        self.statusBar().showMessage(f"{where} — {count(c['documents'], 'document')}, {count(c['segments'], 'segment')}")
        self.setWindowTitle(f"Concord — {Path(where).name}")

    def choose_import(self) -> ImportFileDialog:
        """Files to import and how to read Word tracked changes; the import starts on Open."""
        dialog = ImportFileDialog(self, S.start_folder(S.IMPORT_FOLDER))
        dialog.filesSelected.connect(lambda paths: self.import_paths(paths, dialog.revisions()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def import_paths(self, paths: list[str], revisions: str = "") -> ImportController:
        """Import off the UI thread (Word tracked changes as last chosen); a summary dialog follows."""
        controller = ImportController(self.session, paths, self, revisions or revisions_setting())
        controller.finished.connect(lambda results: self._imported(results, controller.cancelled, len(paths)))
        controller.failed.connect(lambda msg: show_error(self, "Import failed", msg))
        controller.start()
        return controller

    def _imported(self, results, cancelled: bool, total: int = 0) -> None:
        dialog = ImportSummaryDialog(results, cancelled, self, total)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last_dialog = dialog

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def choose_library(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open library", str(Path(self.library.location).parent),
                                              "Concord library (*.sqlite *.db);;All files (*)")
        if path:
            self.switch_library(path)

    def choose_new_library(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "New library", str(Path(self.library.location).parent / "library.sqlite"),
                                              "Concord library (*.sqlite)")
        if path:
            self.switch_library(path)

    def connect_team_library(self) -> None:
        from ui.dialogs.team_library import TeamLibraryDialog

        dialog = TeamLibraryDialog(self, self.library.location)
        if dialog.exec():
            self.switch_library(dialog.address)

    def switch_library(self, path: str) -> bool:
        try:
            new = open_library(path)
        except ConcordError as e:
            log.warning("cannot open library %s: %s", path, e)
            show_error(self, "Cannot open library", str(e))
            return False
        while self.tabs.count():
            if not self.close_tab(0):  # a draft whose text the person wants to keep trying
                new.close()
                return False
        self.session.switch(new)  # the panel, the search and the status bar follow
        S.LAST_LIBRARY.set(new.location)
        remember_library(new.location)
        return True

    # --- window state ---------------------------------------------------------------

    def _restore(self) -> None:
        geometry = S.WINDOW_GEOMETRY.get()
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = S.WINDOW_STATE.get()
        if not state.isEmpty():
            self.restoreState(state)
        split = S.MAIN_SPLITTER.get()
        if not split.isEmpty():
            self.splitter.restoreState(split)

    def save_state(self) -> None:
        S.WINDOW_GEOMETRY.set(self.saveGeometry())
        S.WINDOW_STATE.set(self.saveState())
        S.MAIN_SPLITTER.set(self.splitter.saveState())
        if self.library.location != ":memory:":
            S.LAST_LIBRARY.set(self.library.location)
            remember_library(self.library.location)
        save_tabs(self, self.library.location)

    def restore_tabs(self) -> int:
        """Reopen the tabs open when the window last closed on this library."""
        return restore_tabs(self.session, self, self.drafts.open_draft)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Nothing typed is dropped: each draft is stored, written to a file or given up by
        the person; then the session lets its writes finish and stops its readers."""
        for editor in self.drafts.editors():
            if not self.drafts.release(editor):
                event.ignore()
                return
        self.save_state()
        self.session.shutdown()
        super().closeEvent(event)


