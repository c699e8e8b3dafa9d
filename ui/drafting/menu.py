"""The Drafts menu of the main window: new, open, import, history, compare and export.

Each action has a method that takes its answers as arguments (what a dialog would ask),
so the same path runs from the menu and from a script or a test. The editor, the dialogs
and the Word writer are imported when first used: the menu costs nothing at start-up.
It knows the window only as a `Workspace`, and the library as the `Session`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from app.errors import ConcordError
from app.model import Passage
from app.services import drafts as svc
from app.services.library import passage_of, resolve_ref
from app.store import Store
from app.wording import count
from ui import settings as S
from ui.dialogs.errors import show_error
from ui.dialogs.lists import ChoiceDialog
from ui.dialogs.reference_picker import ReferencePickerDialog
from ui.models.draft_list_model import DraftListModel
from ui.models.roles import Role
from ui.session import Session
from ui.workers import Job
from ui.workspace import Workspace

if TYPE_CHECKING:
    from ui.drafting.dialogs import ExportChoice, ExportDraftDialog, VersionPairDialog
    from ui.drafting.editor import DraftEditor
    from ui.drafting.new_draft_dialog import NewDraftDialog
    from ui.views.comparison import ComparisonView

Side = int | None  # a version number; None is the working copy

WORD_FILTER = "Word, text or PDF (*.docx *.txt *.pdf);;All files (*)"


def draft_ref(draft_id: int, version: Side) -> str:
    return f"draft:{draft_id}" if version is None else f"draft:{draft_id}@{version}"


class DraftsMenu(QObject):
    """Builds the Drafts menu and opens drafts as `DraftEditor` tabs of the workspace."""

    def __init__(self, session: Session, workspace: Workspace) -> None:
        super().__init__(workspace.window())
        self.session = session
        self.workspace = workspace
        self._editors: list[DraftEditor] = []
        self.menu = QMenu("D&rafts", workspace.window())
        self.menu.setAccessibleName("Drafts")
        self.new_action = self._act("&New Draft…", "Ctrl+N", self.new_draft_dialog)
        self.open_action = self._act("&Open Draft…", "Ctrl+Shift+O", self.open_draft_dialog)
        self.import_action = self._act("&Import Word File as Draft…", "Ctrl+Shift+I", self.import_dialog)
        self.menu.addSeparator()
        self.history_action = self._act("Draft &History…", "Ctrl+Alt+V", self.history_dialog)
        self.compare_action = self._act("&Compare Draft With…", "Ctrl+Shift+C", self.compare_dialog)
        self.export_action = self._act("&Export Draft to Word…", "Ctrl+Shift+X", self.export_dialog)
        self.menu.aboutToShow.connect(self._update_actions)
        workspace.tab_changed.connect(lambda _: self._update_actions())
        self._update_actions()

    def _act(self, text: str, shortcut: str, slot) -> QAction:
        action = QAction(text, self.workspace.window())
        action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({shortcut})")
        action.triggered.connect(lambda _=False: slot())
        self.menu.addAction(action)
        return action

    def _update_actions(self) -> None:
        on_draft = self.current_editor() is not None
        for a in (self.history_action, self.compare_action, self.export_action):
            a.setEnabled(on_draft)

    @property
    def library(self) -> Store:
        return self.session.store

    def _show(self, dialog) -> None:
        self.workspace.show_dialog(dialog)

    # --- tabs -------------------------------------------------------------------------

    def current_editor(self) -> DraftEditor | None:
        w = self.workspace.current_tab()
        return next((e for e in self._editors if e is w), None)

    def editors(self) -> list[DraftEditor]:
        """The draft tabs open now."""
        open_now = self.workspace.tab_widgets()
        self._editors = [e for e in self._editors if any(e is w for w in open_now)]
        return list(self._editors)

    def release(self, widget: QWidget) -> bool:
        """Whether `widget` may close; a draft tab first stores what was typed, or asks what to
        do with it when the library will not take it (the person may also keep it open)."""
        from ui.drafting.unsaved import confirm_close

        editor = next((e for e in self._editors if e is widget), None)
        if editor is None:
            return True
        if not confirm_close(editor, self.workspace.window()):
            return False
        editor.stop()
        self._editors.remove(editor)
        return True

    def open_draft(self, draft_id: int) -> DraftEditor | None:
        """Show draft `draft_id` in its editor tab (reused if open)."""
        editor = next((e for e in self.editors() if e.draft_id == draft_id), None)
        if editor is None:
            from ui.drafting.editor import DraftEditor

            try:
                editor = DraftEditor(self.session, draft_id)
            except ConcordError as e:
                show_error(self.workspace.window(), "Cannot open draft", str(e))
                return None
            self._editors.append(editor)
            d = editor.draft
            self.workspace.add_tab(editor, f"Draft: {d.situation or d.title}", d.title)
        self.workspace.show_tab(editor)
        editor.view.setFocus()
        return editor

    # --- new and open -----------------------------------------------------------------

    def new_draft_dialog(self) -> NewDraftDialog:
        """Start from the skeleton, the current document (its selection) or another draft."""
        from ui.drafting.new_draft_dialog import NewDraftDialog

        reader = self.workspace.current_reader()
        current: Passage | None = None
        if reader is not None:
            current = reader.selected_passage() if len(reader.selected_rows()) > 1 else passage_of(reader.document)
        dialog = NewDraftDialog(self.session, current, self.workspace.window())
        dialog.accepted.connect(lambda: self._created(dialog))
        self._show(dialog)
        return dialog

    def _created(self, dialog: NewDraftDialog) -> None:
        if dialog.draft is not None:
            self.open_draft(dialog.draft.id)

    def open_draft_dialog(self) -> ChoiceDialog:
        drafts = svc.list_drafts(self.library)
        intro = f"{count(len(drafts), 'draft')} in this library, the most recently saved first." if drafts else \
            "No draft in this library yet: Drafts > New Draft… starts one."
        dialog = ChoiceDialog("Open Draft", intro, DraftListModel(drafts), self.workspace.window())
        dialog.chosen.connect(lambda index: self.open_draft(index.data(Role.DRAFT_ID)))
        self._show(dialog)
        return dialog

    # --- import -----------------------------------------------------------------------

    def import_dialog(self) -> Job | None:
        path, _ = QFileDialog.getOpenFileName(self.workspace.window(), "Import Word file as draft", S.start_folder(S.IMPORT_FOLDER),
                                              WORD_FILTER)
        if not path:
            return None
        S.IMPORT_FOLDER.set(str(Path(path).parent))
        editor = self.current_editor()
        into = None
        if editor is not None:
            box = QMessageBox(QMessageBox.Icon.Question, "Import Word file as draft",
                              f"Import {Path(path).name} as a new draft, or as the next version of "
                              f"“{editor.draft.title}” (a text returned by another delegation)?",
                              parent=self.workspace.window())
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
            editor.save_soon()  # the working copy is stored (on the lane) before the import replaces it

        job = self.session.write(lambda lib, job: svc.import_draft(lib, path, into), "importing the draft")
        job.signals.finished.connect(lambda result: self._imported(path, into, *result))
        job.signals.failed.connect(lambda msg: show_error(self.workspace.window(), "Import failed", msg))
        self.workspace.show_status(f"Importing {Path(path).name}…")
        return job

    def _imported(self, path: str, into: int | None, draft, number: int) -> None:
        editor = self.open_draft(draft.id)
        if editor is not None and into is not None:
            editor.adopt(draft.head, f"Import {Path(path).name}")
        self.workspace.show_status(f"Imported {Path(path).name} as version {number} of “{draft.title}”", 8000)

    # --- history, compare, export -----------------------------------------------------

    def history_dialog(self) -> VersionPairDialog | None:
        editor = self.current_editor()
        if editor is None:
            return None
        from ui.drafting.dialogs import VersionPairDialog

        editor.flush()
        draft = svc.get_draft(self.library, editor.draft_id)
        if not draft.versions:
            self.workspace.show_status("Save a version first (Ctrl+S in the draft).", 6000)
            return None
        dialog = VersionPairDialog(draft, self.workspace.window())
        dialog.accepted.connect(lambda: self.open_history(draft.id, *dialog.pair()))
        self._show(dialog)
        return dialog

    def open_history(self, draft_id: int, left: Side, right: Side) -> ComparisonView:
        """Compare two versions of a draft (None: the working copy) in a comparison tab."""
        for e in self.editors():
            if e.draft_id == draft_id:
                e.flush()
        return self.workspace.open_comparison(resolve_ref(self.library, draft_ref(draft_id, left)),
                                              resolve_ref(self.library, draft_ref(draft_id, right)))

    def compare_dialog(self) -> ReferencePickerDialog | None:
        """Compare the draft's working copy with a library document or range (the draft on the right)."""
        editor = self.current_editor()
        if editor is None:
            return None
        editor.flush()
        text = resolve_ref(self.library, draft_ref(editor.draft_id, None))
        dialog = ReferencePickerDialog(self.library, text, self.workspace.window())
        docs = self.library.list_documents()
        if docs:
            dialog.picker.set_passage(passage_of(self.library.get_document(docs[0].id)))
        dialog.accepted.connect(lambda: self._compare_chosen(dialog, text))
        self._show(dialog)
        return dialog

    def _compare_chosen(self, dialog: ReferencePickerDialog, text: Passage) -> None:
        chosen = dialog.passage()
        if chosen is not None:
            self.workspace.open_comparison(chosen, text)

    def export_dialog(self) -> ExportDraftDialog | None:
        editor = self.current_editor()
        if editor is None:
            return None
        from ui.drafting.dialogs import ExportDraftDialog

        editor.flush()
        dialog = ExportDraftDialog(self.library, svc.get_draft(self.library, editor.draft_id), self.workspace.window())
        draft_id = editor.draft_id
        dialog.accepted.connect(lambda: dialog.chosen and self.export(draft_id, dialog.chosen))
        self._show(dialog)
        return dialog

    def export(self, draft_id: int, choice: ExportChoice) -> Job:
        """Write the Word file off the UI thread; the status bar says where it went."""
        for e in self.editors():
            if e.draft_id == draft_id:
                e.flush()
        job = self.session.read(lambda lib, job: svc.export_draft(
                lib, draft_id, choice.path, choice.version, choice.against, choice.mode, choice.author
            ), "exporting the draft")
        job.signals.finished.connect(lambda path: self.workspace.show_status(f"Exported the draft to {path}", 8000))
        job.signals.failed.connect(lambda msg: show_error(self.workspace.window(), "Export failed", msg))
        return job
