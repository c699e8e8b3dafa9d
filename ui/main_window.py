"""The main window: library panel, tabs of readers and comparisons, menus, status bar.

Other parts of the program open their own widgets as tabs through `add_tab`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QSplitter, QTabWidget, QWidget

from app.errors import ConcordError
from app.model import Document, Passage
from app.services.library import open_library, passage_of
from app.store import Library
from app.wording import count
from ui import settings as S
from ui.dialogs.about import show_about
from ui.dialogs.compare_text import CompareTextDialog
from ui.dialogs.errors import show_error
from ui.dialogs.import_dialog import (
    ImportController,
    ImportFileDialog,
    ImportSummaryDialog,
    revisions_setting,
)
from ui.dialogs.lists import ChoiceDialog
from ui.dialogs.reference_picker import ReferencePickerDialog
from ui.drafting.menu import DraftsMenu
from ui.export_jobs import start_export
from ui.library_panel import LibraryPanel
from ui.models import DOC_ID_ROLE, POSITION_ROLE
from ui.models.parallels_model import PARALLEL_ROLE, ParallelsModel, run_name
from ui.models.similar_model import SimilarModel, SimilarRow
from ui.trace_actions import TraceActions
from ui.views.comparison import ComparisonView, has_service, service
from ui.views.passage_picker import distinctions
from ui.views.reader import ReaderView
from ui.views.search import SearchDialog
from ui.workers import Job, JobRunner, library_job


class MainWindow(QMainWindow):
    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.runner = JobRunner(self)
        self.pending_left: Passage | None = None
        self.last_dialog: QWidget | None = None  # the latest result dialog, for tests
        self.setWindowTitle("Concord")
        self.setAcceptDrops(True)
        self.panel = LibraryPanel(library)
        self.panel.open_requested.connect(self.open_document)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Open documents and comparisons")
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.panel)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([320, 980])
        self.setCentralWidget(self.splitter)
        self.search_dialog = SearchDialog(self.runner, library.path, self)
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
        bar = self.menuBar()
        file = bar.addMenu("&File")
        self.import_action = self._act(file, "&Import…", "Ctrl+I", self.choose_import)
        self._act(file, "&Open Library…", "Ctrl+O", self.choose_library)
        self._act(file, "&New Library…", "Ctrl+Shift+N", self.choose_new_library)
        file.addSeparator()
        self._act(file, "&Compare Text…", "Ctrl+Shift+T", self.compare_text)
        file.addSeparator()
        self._act(file, "Close &Tab", "Ctrl+W", lambda: self.close_tab(self.tabs.currentIndex()))
        self._act(file, "&Quit", "Ctrl+Q", self.close)
        edit = bar.addMenu("&Edit")
        self._act(edit, "&Search Library…", "Ctrl+K", self.search_dialog.open_search)
        self._act(edit, "&Find in Document", None, self._find_in_document).setToolTip("Ctrl+F in a reader")
        self._act(edit, "Filter &Library", "Ctrl+L", self._focus_filter)
        document = bar.addMenu("&Document")
        self._act(document, "Find &Parallel Blocks", "Ctrl+Shift+P", self.find_parallels)
        self.export_passage_action = self._act(document, "Export to &Word…", "Ctrl+Shift+D", self.export_passage)
        self.export_passage_action.setVisible(has_service("export"))
        self.drafts = DraftsMenu(self)
        bar.addMenu(self.drafts.menu)
        self.trace = TraceActions(self, document, edit)
        view = bar.addMenu("&View")
        self._act(view, "&Library Panel", "Ctrl+1", lambda: self.panel.tree.setFocus())
        self._act(view, "&Current Tab", "Ctrl+2", lambda: self.tabs.currentWidget() and self.tabs.currentWidget().setFocus())
        help_ = bar.addMenu("&Help")
        self._act(help_, "&Keyboard Shortcuts", "F1", self.show_shortcuts)
        self._act(help_, "&About Concord", None, lambda: setattr(self, "last_dialog", show_about(self)))

    def _focus_filter(self) -> None:
        self.panel.filter.setFocus()
        self.panel.filter.selectAll()

    def _find_in_document(self) -> None:
        reader = self.current_reader()
        if reader:
            reader.open_find()

    def show_shortcuts(self) -> None:
        lines = []
        widgets = [self, *(self.tabs.widget(i) for i in range(self.tabs.count()))]
        seen = set()
        for w in widgets:
            for a in w.findChildren(QAction):
                key = a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                name = a.text().replace("&", "")
                if key and (name, key) not in seen:
                    seen.add((name, key))
                    lines.append(f"{key:<18} {name}")
        box = QMessageBox(QMessageBox.Icon.Information, "Keyboard shortcuts", "\n".join(sorted(lines)), parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_dialog = box

    # --- tabs -----------------------------------------------------------------------

    def add_tab(self, widget: QWidget, title: str, tooltip: str = "") -> int:
        """Open `widget` as a closable tab and show it (readers, comparisons, editors)."""
        i = self.tabs.addTab(widget, title)
        self.tabs.setTabToolTip(i, tooltip or title)
        self.tabs.setCurrentIndex(i)
        widget.setFocus()
        return i

    def close_tab(self, index: int) -> None:
        w = self.tabs.widget(index)
        if w is not None:
            self.drafts.release(w)  # a draft tab stores what was typed before it goes
            self.tabs.removeTab(index)
            w.deleteLater()

    def current_reader(self) -> ReaderView | None:
        w = self.tabs.currentWidget()
        return w if isinstance(w, ReaderView) else None

    def open_document(self, doc_id: int, position: int = -1) -> ReaderView | None:
        """Show document `doc_id` in its reader tab (reused if open), at `position`."""
        reader = next(
            (self.tabs.widget(i) for i in range(self.tabs.count())
             if isinstance(self.tabs.widget(i), ReaderView) and self.tabs.widget(i).document.id == doc_id),
            None,
        )
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
        view = ComparisonView(self.runner, self.library)
        view.compare_passages(left, right)
        self.add_tab(view, view.title(), "  ↔  ".join(view.side_names()))
        view.comparison_ready.connect(lambda _: self._retitle(view))  # the pickers change the sides
        return view

    def _retitle(self, view: ComparisonView) -> None:
        i = self.tabs.indexOf(view)
        if i >= 0:
            self.tabs.setTabText(i, view.title())
            self.tabs.setTabToolTip(i, "  ↔  ".join(view.side_names()))

    # --- comparing ------------------------------------------------------------------

    def compare_with(self, passage: Passage) -> ReferencePickerDialog:
        dialog = ReferencePickerDialog(self.library, passage, self)
        dialog.accepted.connect(lambda: self.open_comparison(passage, dialog.passage()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last_dialog = dialog
        return dialog

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
        view = ComparisonView(self.runner, None)
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
        dialog.chosen.connect(lambda index: self.open_parallel(doc, index.data(PARALLEL_ROLE)))
        dialog.open()
        self.last_dialog = dialog

    def open_parallel(self, doc: Document, p) -> ComparisonView:
        def passage(start: int, end: int) -> Passage:
            name = run_name(doc, start, end)
            if ".." in name:
                return passage_of(doc, *name.split(".."))
            if doc.segments[start].label:
                return passage_of(doc, doc.segments[start].label)
            return Passage(doc, doc.segments[start:end], str(doc.id))

        return self.open_comparison(passage(p.left_start, p.left_end), passage(p.right_start, p.right_end))

    def find_similar(self, passage: Passage) -> Job:
        doc = passage.document
        ids = {id(s): i for i, s in enumerate(doc.segments)}
        wanted = [(s.label or "—", ids[id(s)]) for s in passage.segments if id(s) in ids and s.numbered][:40]

        def work(lib: Library, job: Job) -> list[SimilarRow]:
            from app.services.search import similar_language

            rows: list[SimilarRow] = []
            for n, (label, pos) in enumerate(wanted):
                if job.is_cancelled():
                    break
                job.report(n, len(wanted), label)
                found = similar_language(lib, doc.id, pos, limit=5)
                rows += [SimilarRow(label, "this document", h) for h in found.same_document]
                rows += [SimilarRow(label, "library", h) for h in found.elsewhere]
            return rows

        job = library_job(self.library.path, work, "finding similar language")
        job.signals.finished.connect(lambda rows: self._show_similar(passage, rows))
        job.signals.failed.connect(lambda msg: show_error(self, "Similar language", msg))
        self.statusBar().showMessage(f"Looking for language similar to {passage.describe()}…")
        return self.runner.start(job)

    def _show_similar(self, passage: Passage, rows: list[SimilarRow]) -> None:
        intro = f"Language similar to {passage.describe()}: {count(len(rows), 'paragraph')}, most similar first for each."
        dialog = ChoiceDialog("Similar language", intro, SimilarModel(rows), self)
        dialog.chosen.connect(lambda index: self.open_document(index.data(DOC_ID_ROLE), index.data(POSITION_ROLE)))
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
            folder = S.EXPORT_FOLDER.get() or str(Path.home())
            name = "".join(c if c.isalnum() or c in "-_ " else "-" for c in passage.describe())
            path, _ = QFileDialog.getSaveFileName(self, "Export to Word", str(Path(folder) / f"{name}.docx"),
                                                  "Word (*.docx)")
            if not path:
                return None
            S.EXPORT_FOLDER.set(str(Path(path).parent))
        return start_export(self.runner, self, passage.describe(), path,
                            lambda: svc.export_passage_docx(passage, path))

    # --- library --------------------------------------------------------------------

    def update_status(self) -> None:
        c = self.library.counts()
        self.statusBar().showMessage(f"{self.library.path} — {count(c['documents'], 'document')}, {count(c['segments'], 'segment')}")
        self.setWindowTitle(f"Concord — {Path(self.library.path).name}")

    def choose_import(self) -> ImportFileDialog:
        """Files to import and how to read Word tracked changes; the import starts on Open."""
        dialog = ImportFileDialog(self, S.IMPORT_FOLDER.get())
        dialog.filesSelected.connect(lambda paths: self.import_paths(paths, dialog.revisions()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def import_paths(self, paths: list[str], revisions: str = "") -> ImportController:
        """Import off the UI thread (Word tracked changes as last chosen); a summary dialog follows."""
        controller = ImportController(self.runner, self.library.path, paths, self, revisions or revisions_setting())
        controller.finished.connect(lambda results: self._imported(results, controller.cancelled, len(paths)))
        controller.failed.connect(lambda msg: show_error(self, "Import failed", msg))
        controller.start()
        return controller

    def _imported(self, results, cancelled: bool, total: int = 0) -> None:
        self.panel.reload()
        self.update_status()
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
        path, _ = QFileDialog.getOpenFileName(self, "Open library", str(Path(self.library.path).parent),
                                              "Concord library (*.sqlite *.db);;All files (*)")
        if path:
            self.switch_library(path)

    def choose_new_library(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "New library", str(Path(self.library.path).parent / "library.sqlite"),
                                              "Concord library (*.sqlite)")
        if path:
            self.switch_library(path)

    def switch_library(self, path: str) -> bool:
        try:
            new = open_library(path)
        except ConcordError as e:
            show_error(self, "Cannot open library", str(e))
            return False
        while self.tabs.count():
            self.close_tab(0)
        self.runner.shutdown()
        old, self.library = self.library, new
        old.close()
        self.panel.reload(new)
        self.search_dialog.set_library_path(new.path)
        S.LAST_LIBRARY.set(new.path)
        self.update_status()
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
        if self.library.path != ":memory:":
            S.LAST_LIBRARY.set(self.library.path)

    def closeEvent(self, event: QCloseEvent) -> None:
        for editor in self.drafts.editors():
            editor.flush()
        self.save_state()
        self.runner.shutdown()
        super().closeEvent(event)


