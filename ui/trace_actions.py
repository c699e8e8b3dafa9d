"""Tracing language: the provenance of a document, a selection or a draft, and the history of a clause.

Adds its actions to the window's Document, Edit and Drafts menus and opens the views as
tabs of the `Workspace`. The views are imported on first use, so start-up pays nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu

from app.errors import ConcordError
from app.model import Document, Kind, Origin, Passage
from ui.dialogs.errors import show_error
from ui.session import Session
from ui.workspace import Workspace

if TYPE_CHECKING:
    from app.services.search import HistoryEntry, SegmentProvenance
    from ui.views.clause_history import ClauseHistoryView
    from ui.views.comparison import ComparisonView
    from ui.views.provenance import ProvenanceView

PROVENANCE_KEY = "Ctrl+Shift+G"
HISTORY_TEXT_KEY = "Ctrl+Alt+H"
DRAFT_PROVENANCE_KEY = "Ctrl+Alt+D"


def one_segment(doc: Document, position: int) -> Passage:
    """Segment `position` of `doc` as a passage of its own, named as a REF names it."""
    seg = doc.segments[position]
    ref = f"{doc.id}:{seg.label}" if doc.id is not None and seg.label else str(doc.id or "")
    return Passage(doc, (seg,), ref, seg.label, origin=Origin(document_id=doc.id), offset=position)


class TraceActions(QObject):
    """Builds the menu entries and opens provenance and clause history tabs in the workspace."""

    def __init__(self, session: Session, workspace: Workspace, document_menu: QMenu, edit_menu: QMenu,
                 drafts_menu: QMenu) -> None:
        super().__init__(workspace.window())
        self.session = session
        self.workspace = workspace
        self.provenance_action = self._act(document_menu, "Show &Provenance…", PROVENANCE_KEY,
                                           self.provenance_of_current,
                                           "Which paragraphs repeat earlier conclusions, which changed them, which are new")
        self.history_action = self._act(edit_menu, "Clause &History…", HISTORY_TEXT_KEY, self.ask_clause,
                                        "Every version of a clause in the library, by meeting date")
        drafts_menu.addSeparator()
        self.draft_provenance_action = self._act(drafts_menu, "&Provenance of This Draft", DRAFT_PROVENANCE_KEY,
                                                 self.provenance_of_draft, "Where the draft's language comes from")
        drafts_menu.aboutToShow.connect(self._update_actions)
        workspace.tab_changed.connect(lambda _: self._update_actions())
        self._update_actions()

    def _act(self, menu: QMenu, text: str, shortcut: str, slot, tip: str) -> QAction:
        a = QAction(text, self.workspace.window())
        if shortcut:
            a.setShortcut(QKeySequence(shortcut))
        a.setToolTip(tip)
        a.setStatusTip(tip)
        a.triggered.connect(lambda _=False: slot())
        menu.addAction(a)
        return a

    def _update_actions(self) -> None:
        self.draft_provenance_action.setEnabled(self.workspace.current_draft() is not None)

    def connect_reader(self, reader) -> None:
        reader.provenance_requested.connect(self.provenance_of)
        reader.history_requested.connect(self.history_of_passage)

    # --- provenance -----------------------------------------------------------------

    def provenance_of_current(self) -> ProvenanceView | None:
        """The whole document of the current reader, or the working copy of the current draft."""
        if self.workspace.current_draft() is not None:
            return self.provenance_of_draft()
        reader = self.workspace.current_reader()
        if reader is None:
            self.workspace.show_status("Open a document or a draft to see where its language comes from.", 6000)
            return None
        doc = reader.document
        return self.provenance_of(str(doc.id), f"Provenance of {doc.situation or doc.title} {doc.meeting_date[:4]}".strip())

    def provenance_of_draft(self) -> ProvenanceView | None:
        editor = self.workspace.current_draft()
        if editor is None:
            return None
        editor.flush()  # the working copy as typed, not as last autosaved (the editor says if it failed)
        return self.provenance_of(f"draft:{editor.draft_id}", f"Provenance of the draft {editor.draft_title}")

    def provenance_of(self, what: str | Passage, title: str = "") -> ProvenanceView:
        """Open a provenance tab for a REF or a passage (a reader's selection)."""
        from ui.views.provenance import ProvenanceView

        if isinstance(what, Passage) and not title:
            title = f"Provenance of {what.describe()}"
        view = ProvenanceView(self.session)
        view.source_requested.connect(self.workspace.open_document)
        view.compare_requested.connect(self.compare_with_source)
        view.trace(what, title)
        name = what.describe() if isinstance(what, Passage) else title.removeprefix("Provenance of ")
        self.workspace.add_tab(view, f"Provenance: {name}"[:48], title)
        return view

    def compare_with_source(self, p: SegmentProvenance, traced: Passage) -> ComparisonView | None:
        """The segment (right) against the earlier text it comes from (left)."""
        src = p.source
        if src is None:
            return None
        doc = traced.document
        if src.document_id is not None and src.document_id != doc.id:
            try:
                doc = self.session.store.get_document(src.document_id)
            except ConcordError as e:
                show_error(self.workspace.window(), "Cannot open the source", str(e))
                return None
        left = one_segment(doc, src.position)
        seg = p.segment
        right = Passage(traced.document, (seg,), f"{traced.document.id}:{seg.label}", seg.label,
                        origin=traced.origin, offset=p.position)
        return self.workspace.open_comparison(left, right)

    # --- clause history -------------------------------------------------------------

    def history_of_passage(self, passage: Passage) -> ClauseHistoryView | None:
        """The first segment of a reader's selection: by its REF when labelled, else by its text."""
        doc = passage.document
        seg = next((s for s in passage.segments if s.kind is not Kind.TITLE and s.text.strip()), None)
        if seg is None:
            return None
        where = f"{doc.situation or doc.title} {doc.meeting_date[:4]}".strip()
        if seg.label and doc.id is not None:
            return self.history_of(f"{doc.id}:{seg.label}", f"History of {where} {seg.label}")
        return self.history_of(seg.text, f"History of “{seg.text[:60]}”")

    def ask_clause(self) -> QInputDialog:
        """Ask for the clause (prefilled with the reader's selected paragraph) and trace it."""
        reader = self.workspace.current_reader()
        passage = reader.selected_passage() if reader else None
        start = passage.segments[0].text if passage and passage.segments else ""
        dialog = QInputDialog(self.workspace.window())
        dialog.setWindowTitle("Clause history")
        dialog.setLabelText("The clause to trace (a few words or a whole paragraph):")
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        dialog.setTextValue(start)
        dialog.textValueSelected.connect(self.history_of_text)
        self.workspace.show_dialog(dialog)
        return dialog

    def history_of_text(self, text: str) -> ClauseHistoryView | None:
        text = " ".join(text.split())
        if not text:
            return None
        return self.history_of(text, f"History of “{text[:60]}{'…' if len(text) > 60 else ''}”")

    def history_of(self, ref_or_text: str, title: str) -> ClauseHistoryView:
        from ui.views.clause_history import ClauseHistoryView

        view = ClauseHistoryView(self.session)
        view.open_requested.connect(self.workspace.open_document)
        view.compare_requested.connect(self.compare_versions)
        view.trace(ref_or_text, title)
        self.workspace.add_tab(view, title.replace("History of", "History:")[:48], title)
        return view

    def compare_versions(self, earlier: HistoryEntry, later: HistoryEntry) -> ComparisonView | None:
        ids = [e.source.document_id for e in (earlier, later)]
        try:
            docs = [self.session.store.get_document(i) for i in ids if i is not None]
        except ConcordError as e:
            show_error(self.workspace.window(), "Cannot open the version", str(e))
            return None
        if len(docs) != 2:
            return None
        return self.workspace.open_comparison(one_segment(docs[0], earlier.source.position),
                                              one_segment(docs[1], later.source.position))
