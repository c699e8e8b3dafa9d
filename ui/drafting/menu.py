"""The Drafts menu of the main window: new, open, import, history, compare and export.

Each action has a method that takes its answers as arguments (what a dialog would ask),
so the same path runs from the menu and from a script or a test. The editor, the dialogs
and the Word writer are imported when first used: the menu costs nothing at start-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from app.errors import ConcordError
from app.model import Passage
from app.services import drafts as svc
from app.services.library import passage_of, resolve_ref
from app.store import Library
from app.wording import count
from ui import settings as S
from ui.dialogs.errors import show_error
from ui.dialogs.lists import ChoiceDialog
from ui.dialogs.reference_picker import ReferencePickerDialog
from ui.models import DRAFT_ID_ROLE
from ui.models.draft_list_model import DraftListModel
from ui.workers import Job, library_job

if TYPE_CHECKING:
    from ui.drafting.dialogs import ExportChoice, ExportDraftDialog, VersionPairDialog
    from ui.drafting.editor import DraftEditor
    from ui.drafting.new_draft_dialog import NewDraftDialog
    from ui.main_window import MainWindow
    from ui.views.comparison import ComparisonView

Side = int | None  # a version number; None is the working copy

WORD_FILTER = "Word, text or PDF (*.docx *.txt *.pdf);;All files (*)"


def draft_ref(draft_id: int, version: Side) -> str:
    return f"draft:{draft_id}" if version is None else f"draft:{draft_id}@{version}"


class DraftsMenu(QObject):
    """Builds the menu on `window` and opens drafts as `DraftEditor` tabs."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._editors: list[DraftEditor] = []
        self.menu = QMenu("D&rafts", window)
        self.menu.setAccessibleName("Drafts")
        self.new_action = self._act("&New Draft…", "Ctrl+N", self.new_draft_dialog)
        self.open_action = self._act("&Open Draft…", "Ctrl+Shift+O", self.open_draft_dialog)
        self.import_action = self._act("&Import Word File as Draft…", "Ctrl+Shift+I", self.import_dialog)
        self.menu.addSeparator()
        self.history_action = self._act("Draft &History…", "Ctrl+H", self.history_dialog)
        self.compare_action = self._act("&Compare Draft With…", "Ctrl+Shift+C", self.compare_dialog)
        self.export_action = self._act("&Export Draft to Word…", "Ctrl+Shift+X", self.export_dialog)
        self.round_action = self._act("Negotiation &Round on a Version…", "Ctrl+Shift+R", self.round_dialog)
        self.menu.aboutToShow.connect(self._update_actions)
        window.tabs.currentChanged.connect(lambda _: self._update_actions())
        window.panel.draft_requested.connect(self.open_draft)
        self._update_actions()

    def _act(self, text: str, shortcut: str, slot) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({shortcut})")
        action.triggered.connect(lambda _=False: slot())
        self.menu.addAction(action)
        return action

    def _update_actions(self) -> None:
        on_draft = self.current_editor() is not None
        for a in (self.history_action, self.compare_action, self.export_action, self.round_action):
            a.setEnabled(on_draft)

    @property
    def library(self) -> Library:
        return self.window.library

    def _show(self, dialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.window.last_dialog = dialog

    # --- tabs -------------------------------------------------------------------------

    def current_editor(self) -> DraftEditor | None:
        w = self.window.tabs.currentWidget()
        return next((e for e in self._editors if e is w), None)

    def editors(self) -> list[DraftEditor]:
        """The draft tabs open now."""
        tabs = self.window.tabs
        open_now = [tabs.widget(i) for i in range(tabs.count())]
        self._editors = [e for e in self._editors if any(e is w for w in open_now)]
        return list(self._editors)

    def release(self, widget) -> bool:
        """If `widget` is a draft tab, store what was typed and let go of it (its tab is closing)."""
        editor = next((e for e in self._editors if e is widget), None)
        if editor is None:
            return False
        editor.release()
        self._editors.remove(editor)
        return True

    def open_draft(self, draft_id: int) -> DraftEditor | None:
        """Show draft `draft_id` in its editor tab (reused if open)."""
        editor = next((e for e in self.editors() if e.draft_id == draft_id), None)
        if editor is None:
            from ui.drafting.editor import DraftEditor

            try:
                editor = DraftEditor(self.library.path, draft_id)
            except ConcordError as e:
                show_error(self.window, "Cannot open draft", str(e))
                return None
            self._editors.append(editor)
            editor.version_saved.connect(lambda _: self.window.panel.reload())
            d = editor.draft
            self.window.add_tab(editor, f"Draft: {d.situation or d.title}", d.title)
        self.window.tabs.setCurrentWidget(editor)
        editor.view.setFocus()
        return editor

    # --- new and open -----------------------------------------------------------------

    def new_draft_dialog(self) -> NewDraftDialog:
        """Start from the skeleton, the current document (its selection) or another draft."""
        from ui.drafting.new_draft_dialog import NewDraftDialog

        reader = self.window.current_reader()
        current: Passage | None = None
        if reader is not None:
            current = reader.selected_passage() if len(reader.selected_rows()) > 1 else passage_of(reader.document)
        dialog = NewDraftDialog(self.library, current, self.window)
        dialog.accepted.connect(lambda: self._created(dialog))
        self._show(dialog)
        return dialog

    def _created(self, dialog: NewDraftDialog) -> None:
        if dialog.draft is not None:
            self.window.panel.reload()
            self.open_draft(dialog.draft.id)

    def open_draft_dialog(self) -> ChoiceDialog:
        drafts = svc.list_drafts(self.library)
        intro = f"{count(len(drafts), 'draft')} in this library, the most recently saved first." if drafts else \
            "No draft in this library yet: Drafts > New Draft… starts one."
        dialog = ChoiceDialog("Open Draft", intro, DraftListModel(drafts), self.window)
        dialog.chosen.connect(lambda index: self.open_draft(index.data(DRAFT_ID_ROLE)))
        self._show(dialog)
        return dialog

    # --- import -----------------------------------------------------------------------

    def import_dialog(self) -> Job | None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Import Word file as draft", S.IMPORT_FOLDER.get(),
                                              WORD_FILTER)
        if not path:
            return None
        S.IMPORT_FOLDER.set(str(Path(path).parent))
        editor = self.current_editor()
        into = None
        if editor is not None:
            box = QMessageBox(QMessageBox.Icon.Question, "Import Word file as draft",
                              f"Import {Path(path).name} as a new draft, or as the next version of "
                              f"“{editor.draft.title}” (a text returned by another delegation)?", parent=self.window)
            new_version = box.addButton("New &Version", QMessageBox.ButtonRole.AcceptRole)
            new_draft = box.addButton("New &Draft", QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            clicked = box.clickedButton()
            if clicked not in (new_version, new_draft):
                return None
            into = editor.draft_id if clicked == new_version else None
        return self.import_word(path, into)

    def import_word(self, path: str, into: int | None = None) -> Job:
        """Read `path` off the UI thread as a new draft, or as the next version of draft `into`."""
        editor = next((e for e in self.editors() if e.draft_id == into), None)
        if editor is not None:
            editor.flush()  # the working copy is stored before the import replaces it

        def work(lib: Library, job: Job):
            return svc.import_draft(lib, path, into)

        job = library_job(self.library.path, work, "importing the draft")
        job.signals.finished.connect(lambda result: self._imported(path, into, *result))
        job.signals.failed.connect(lambda msg: show_error(self.window, "Import failed", msg))
        self.window.statusBar().showMessage(f"Importing {Path(path).name}…")
        return self.window.runner.start(job)

    def _imported(self, path: str, into: int | None, draft, number: int) -> None:
        self.window.panel.reload()
        editor = self.open_draft(draft.id)
        if editor is not None and into is not None:
            editor.adopt(draft.head, f"Import {Path(path).name}")
        self.window.statusBar().showMessage(
            f"Imported {Path(path).name} as version {number} of “{draft.title}”", 8000)

    # --- history, compare, export -----------------------------------------------------

    def history_dialog(self) -> VersionPairDialog | None:
        editor = self.current_editor()
        if editor is None:
            return None
        from ui.drafting.dialogs import VersionPairDialog

        editor.flush()
        draft = svc.get_draft(self.library, editor.draft_id)
        if not draft.versions:
            self.window.statusBar().showMessage("Save a version first (Ctrl+S in the draft).", 6000)
            return None
        dialog = VersionPairDialog(draft, self.window)
        dialog.accepted.connect(lambda: self.open_history(draft.id, *dialog.pair()))
        self._show(dialog)
        return dialog

    def open_history(self, draft_id: int, left: Side, right: Side) -> ComparisonView:
        """Compare two versions of a draft (None: the working copy) in a comparison tab."""
        for e in self.editors():
            if e.draft_id == draft_id:
                e.flush()
        return self.window.open_comparison(resolve_ref(self.library, draft_ref(draft_id, left)),
                                           resolve_ref(self.library, draft_ref(draft_id, right)))

    def compare_dialog(self) -> ReferencePickerDialog | None:
        """Compare the draft's working copy with a library document or range (the draft on the right)."""
        editor = self.current_editor()
        if editor is None:
            return None
        editor.flush()
        text = resolve_ref(self.library, draft_ref(editor.draft_id, None))
        dialog = ReferencePickerDialog(self.library, text, self.window)
        docs = self.library.list_documents()
        if docs:
            dialog.picker.set_passage(passage_of(self.library.get_document(docs[0].id)))
        dialog.accepted.connect(lambda: self.window.open_comparison(dialog.passage(), text))
        self._show(dialog)
        return dialog

    def export_dialog(self) -> ExportDraftDialog | None:
        editor = self.current_editor()
        if editor is None:
            return None
        from ui.drafting.dialogs import ExportDraftDialog

        editor.flush()
        dialog = ExportDraftDialog(self.library, svc.get_draft(self.library, editor.draft_id), self.window)
        draft_id = editor.draft_id
        dialog.accepted.connect(lambda: dialog.chosen and self.export(draft_id, dialog.chosen))
        self._show(dialog)
        return dialog

    def export(self, draft_id: int, choice: ExportChoice) -> Job:
        """Write the Word file off the UI thread; the status bar says where it went."""
        for e in self.editors():
            if e.draft_id == draft_id:
                e.flush()
        job = library_job(self.library.path, lambda lib, job: svc.export_draft(
                lib, draft_id, choice.path, choice.version, choice.against, choice.mode, choice.author
            ), "exporting the draft")
        job.signals.finished.connect(
            lambda path: self.window.statusBar().showMessage(f"Exported the draft to {path}", 8000))
        job.signals.failed.connect(lambda msg: show_error(self.window, "Export failed", msg))
        return self.window.runner.start(job)

    # --- negotiation rounds -----------------------------------------------------------

    def round_dialog(self):
        """Open the round on a version of the current draft (the last one saved, or one asked for)."""
        editor = self.current_editor()
        if editor is None:
            return None
        from PySide6.QtWidgets import QInputDialog

        editor.flush()
        draft = svc.get_draft(self.library, editor.draft_id)
        if not draft.versions:
            self.window.statusBar().showMessage("Save the version you circulated first (Ctrl+S in the draft).", 6000)
            return None
        names = [f"{v.number}: {v.name}" for v in reversed(draft.versions)]
        name = names[0]
        if len(names) > 1:
            name, ok = QInputDialog.getItem(self.window, "Negotiation Round", "The version that was circulated:",
                                            names, 0, False)
            if not ok:
                return None
        return self.open_round(draft.id, int(name.split(":", 1)[0]))

    def open_round(self, draft_id: int, version: int):
        """The compilation of the round on `draft_id`'s `version` in a tab; an open editor of
        the draft takes each decision's next version as an undoable step of its own."""
        from ui.views.round_view import RoundView

        view = RoundView(self.library, f"draft:{draft_id}@{version}")

        def decided(did: int) -> None:
            for e in self.editors():
                if e.draft_id == did:
                    e.adopt(svc.get_draft(self.library, did).head, "Round decision")

        view.decided.connect(decided)
        self.window.add_tab(view, f"Round: {view.compilation.state.version_name if view.compilation else version}",
                            f"Negotiation round on draft {draft_id} version {version}")
        self.window.tabs.setCurrentWidget(view)
        return view
