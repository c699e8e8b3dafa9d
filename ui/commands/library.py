"""Managing the library from the window: rename, correct the details of, and delete a
document or a draft, from the library panel's context menu or the Document menu.

Each command has a method that takes its answers as arguments (what a dialog would ask),
so the same path runs from a menu, a script or a test. Writes go to the session's lane;
`library_changed` then refreshes the panel, the search and the similarity results (the
store's indexes follow its tables in the same transaction).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QTreeView, QWidget

from app.errors import ConcordError
from app.model import Document, Passage
from app.services import drafts as drafts_svc
from app.services.library import delete_document, edit_document, passage_of
from ui.dialogs.document_details import DocumentDetailsDialog
from ui.dialogs.errors import show_error
from ui.drafting.menu import DraftsMenu
from ui.models.roles import Role
from ui.session import Session
from ui.workers import Job
from ui.workspace import Workspace


@dataclass(frozen=True)
class Target:
    """What a command acts on: a stored document or a draft."""

    kind: str  # "document" or "draft"
    id: int
    name: str


class LibraryCommands(QObject):
    """Rename…, Edit Details…, Delete… and the library panel's context menu."""

    def __init__(self, session: Session, workspace: Workspace, tree: QTreeView, drafts: DraftsMenu,
                 compare: Callable[[Passage], object], document_menu: QMenu) -> None:
        super().__init__(workspace.window())
        self.session = session
        self.workspace = workspace
        self.tree = tree
        self.drafts = drafts
        self.compare = compare
        self.last_dialog: QWidget | None = None  # the question or dialog opened last, for tests
        win = workspace.window()
        # F2 and Del act in the library panel only (F2 edits a draft's row, Del deletes text);
        # the menu shows them after a tab, as Qt shows a shortcut.
        self.rename_action = self._act("&Rename…\tF2 in the library", None, self.rename_dialog, win)
        self.details_action = self._act("Edit &Details…", "Ctrl+Alt+I", self.details_dialog, win)
        self.delete_action = self._act("De&lete…\tDel in the library", None, self.delete_dialog, win)
        document_menu.addSeparator()
        for a in (self.rename_action, self.details_action, self.delete_action):
            document_menu.addAction(a)
        # In the tree, F2 renames, Del deletes and Ctrl+E compares, as in the reader.
        self.tree_actions = [
            self._act("Rename…", "F2", self.rename_dialog, tree, Qt.ShortcutContext.WidgetShortcut),
            self._act("Delete…", QKeySequence.StandardKey.Delete, self.delete_dialog, tree,
                      Qt.ShortcutContext.WidgetShortcut),
            self._act("Compare With…", "Ctrl+E", self.compare_selected, tree, Qt.ShortcutContext.WidgetShortcut),
        ]
        for a in self.tree_actions:
            tree.addAction(a)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self.show_context_menu)
        self.context_menu: QMenu | None = None

    def _act(self, text: str, shortcut, slot, parent: QObject,
             context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut) -> QAction:
        a = QAction(text, parent)
        if shortcut:
            a.setShortcut(QKeySequence(shortcut))
            a.setShortcutContext(context)
        a.triggered.connect(lambda _=False: slot())
        return a

    # --- what the commands act on ---------------------------------------------------

    def _from_index(self, index: QModelIndex) -> Target | None:
        if not index.isValid():
            return None
        index = index.siblingAtColumn(0)
        draft_id = index.data(Role.DRAFT_ID)
        if draft_id is not None:
            return Target("draft", draft_id, index.data(Qt.ItemDataRole.DisplayRole) or "")
        doc_id = index.data(Role.DOC_ID)
        if doc_id is None:
            return None
        while index.parent().isValid():  # a paragraph of the document: the document
            index = index.parent()
        return Target("document", doc_id, index.data(Qt.ItemDataRole.DisplayRole) or "")

    def target(self) -> Target | None:
        """The item selected in the library panel when it has the focus, else what the
        current tab shows (a reader's document, a draft), else the panel's selection."""
        if self.tree.hasFocus():
            return self._from_index(self.tree.currentIndex())
        reader = self.workspace.current_reader()
        if reader is not None and reader.document.id is not None:
            return Target("document", reader.document.id, reader.document.situation or reader.document.title)
        draft = self.workspace.current_draft()
        if draft is not None:
            return Target("draft", draft.draft_id, draft.draft_title)
        return self._from_index(self.tree.currentIndex())

    def _document(self, doc_id: int) -> Document | None:
        try:
            return self.session.store.get_document(doc_id)
        except ConcordError as e:
            show_error(self.workspace.window(), "Document", str(e))
            return None

    # --- the context menu -----------------------------------------------------------

    def show_context_menu(self, pos: QPoint) -> QMenu | None:
        index = self.tree.indexAt(pos)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        menu = self.context_menu_for(index)
        if menu is not None:
            menu.popup(self.tree.viewport().mapToGlobal(pos))
        return menu

    def context_menu_for(self, index: QModelIndex) -> QMenu | None:
        target = self._from_index(index)
        if target is None:
            return None
        menu = QMenu(self.tree)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def add(text: str, slot, shortcut: str = "") -> QAction:
            a = menu.addAction(text)
            if shortcut:
                a.setShortcut(QKeySequence(shortcut))
            a.triggered.connect(lambda _=False: slot())
            return a

        add("&Open", lambda: self._open(index))
        if target.kind == "document":
            add("&Compare With…", self.compare_selected, "Ctrl+E")
        menu.addSeparator()
        add("&Rename…", lambda: self.rename_dialog(target), "F2")
        if target.kind == "document":
            add("Edit &Details…", lambda: self.details_dialog(target), "Ctrl+Alt+I")
        menu.addSeparator()
        add("De&lete…", lambda: self.delete_dialog(target), "Del")
        self.context_menu = menu
        return menu

    def _open(self, index: QModelIndex) -> None:
        self.tree.activated.emit(index)

    def compare_selected(self) -> None:
        """Compare the selected document or paragraph with another passage (Ctrl+E in the tree)."""
        index = self.tree.currentIndex().siblingAtColumn(0)
        doc_id = index.data(Role.DOC_ID) if index.isValid() else None
        if doc_id is None:
            return
        doc = self._document(doc_id)
        if doc is None:
            return
        label = index.data(Role.LABEL) or ""
        self.compare(passage_of(doc, label) if label and index.data(Role.KIND) != "document" else passage_of(doc))

    # --- rename -----------------------------------------------------------------------

    def rename_dialog(self, target: Target | None = None) -> QInputDialog | None:
        target = target or self.target()
        if target is None:
            return None
        try:
            current = (self.session.store.get_document(target.id).title if target.kind == "document"
                       else drafts_svc.get_draft(self.session.store, target.id).title)
        except ConcordError as e:
            show_error(self.workspace.window(), "Cannot rename", str(e))
            return None
        dialog = QInputDialog(self.workspace.window())
        dialog.setWindowTitle("Rename")
        dialog.setLabelText(f"New title of the {target.kind}:")
        dialog.setTextValue(current)
        dialog.resize(560, dialog.height())
        dialog.textValueSelected.connect(lambda title: self.rename(target, title))
        self._show(dialog)
        return dialog

    def rename(self, target: Target, title: str) -> bool:
        """Give the document or draft `title`; False (and the reason shown) when refused."""
        title = title.strip()
        try:
            if target.kind == "document":
                self.session.write_now(lambda lib: edit_document(lib, str(target.id), title=title), "renaming")
            else:
                if not title:
                    raise ConcordError("a draft needs a title")
                self.session.write_now(lambda lib: lib.update_draft(target.id, title=title), "renaming")
        except ConcordError as e:
            show_error(self.workspace.window(), "Cannot rename", str(e))
            return False
        self.workspace.show_status(f"Renamed to “{title}”.", 6000)
        return True

    # --- details ----------------------------------------------------------------------

    def details_dialog(self, target: Target | None = None) -> DocumentDetailsDialog | None:
        target = target or self.target()
        if target is None or target.kind != "document":
            self.workspace.show_status("Select a document in the library to edit its details.", 6000)
            return None
        doc = self._document(target.id)
        if doc is None:
            return None
        doc_id = target.id

        def save(changes: dict[str, str]) -> Document:
            return self.session.write_now(lambda lib: edit_document(lib, str(doc_id), **changes),
                                          "correcting the document's details")

        dialog = DocumentDetailsDialog(doc, save, self.workspace.window())
        self._show(dialog)
        return dialog

    # --- delete -----------------------------------------------------------------------

    def delete_dialog(self, target: Target | None = None) -> QMessageBox | None:
        target = target or self.target()
        if target is None:
            return None
        if target.kind == "document":
            what = ("Its text leaves the library: search, similar language, precedents and provenance "
                    "no longer find it, and its open tabs close. Drafts started from it keep their text.")
        else:
            what = "Its working copy and every saved version are deleted, and its tab closes."
        box = QMessageBox(QMessageBox.Icon.Warning, f"Delete {target.kind}",
                          f"Delete the {target.kind} “{target.name}” from the library?",
                          parent=self.workspace.window())
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(what + "\n\nThis cannot be undone.")
        delete = box.addButton("&Delete", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda _: box.clickedButton() is delete and self.delete(target))
        self._show(box)
        return box

    def delete(self, target: Target) -> Job | None:
        """Delete now (the question was answered): close what shows it, then delete on the lane."""
        if target.kind == "draft":
            editor = next((e for e in self.drafts.editors() if e.draft_id == target.id), None)
            if editor is not None and not self.workspace.close_widget(editor):
                return None

            def work(lib, job):
                lib.delete_draft(target.id)
        else:
            for w in self.workspace.tab_widgets():
                if target.id in _documents_shown(w):
                    self.workspace.close_widget(w)

            def work(lib, job):
                delete_document(lib, str(target.id))

        job = self.session.write(work, f"deleting the {target.kind}")
        job.signals.finished.connect(lambda _: self.workspace.show_status(f"Deleted “{target.name}”.", 6000))
        job.signals.failed.connect(lambda msg: show_error(self.workspace.window(), "Cannot delete", msg))
        return job

    def _show(self, dialog) -> None:
        self.last_dialog = dialog
        self.workspace.show_dialog(dialog)


def _documents_shown(widget: QWidget) -> set[int]:
    """The stored documents a tab shows: a reader's, or either side of a comparison."""
    ids: set[int] = set()
    doc = getattr(widget, "document", None)
    if isinstance(doc, Document) and doc.id is not None:
        ids.add(doc.id)
    for side in ("left", "right"):
        p = getattr(widget, side, None)
        if isinstance(p, Passage) and p.document.id is not None:
            ids.add(p.document.id)
    return ids
