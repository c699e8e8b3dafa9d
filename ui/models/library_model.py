"""The library panel's model: documents, and under each its sections, addressees, paragraphs;
then a "Drafts" group with the library's drafts.

A document's structure is read only when its row is expanded (`fetchMore`), so opening a
library of hundreds of documents costs one listing query (and one for the drafts).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from app.drafts import DraftSummary
from app.model import Document, DocumentSummary, Kind, parent_label
from app.services.drafts import list_drafts
from app.store import Store
from app.wording import count
from ui.models.plain import plain_tooltip
from ui.models.roles import Role
from ui.models.table import NamedColumns

Index = QModelIndex | QPersistentModelIndex


@dataclass(eq=False)
class OutlineNode:
    """One row of the tree: a document, a heading, an addressee line or a paragraph."""

    kind: str
    text: str
    doc_id: int
    label: str = ""
    position: int = -1
    summary: DocumentSummary | None = None
    draft: DraftSummary | None = None
    parent: OutlineNode | None = None
    children: list[OutlineNode] = field(default_factory=list)
    loaded: bool = True
    number: int = 0  # the row under its parent: `parent()` is asked for it on every layout

    def add(self, child: OutlineNode) -> OutlineNode:
        child.parent = self
        child.number = len(self.children)
        self.children.append(child)
        return child

    def row(self) -> int:
        return self.number if self.parent else 0


def outline(doc: Document, root: OutlineNode) -> None:
    """Add `doc`'s structure under `root` as a drafter reads it.

    Headings hold what follows them; an addressee line holds the subparagraphs addressed
    ("To the Government of Mali" holds 5(n)..5(v)) and sits under its paragraph (5);
    5(a)(ii) sits under 5(a). The title and unnumbered text are left out.
    """
    section: OutlineNode = root
    by_label: dict[str, OutlineNode] = {}
    addressee: OutlineNode | None = None
    for pos, s in enumerate(doc.segments):
        if s.kind is Kind.HEADING:
            section = root.add(OutlineNode("heading", s.text, root.doc_id, position=pos))
            addressee = None
        elif s.kind is Kind.ADDRESSEE:
            last = by_label.get(_last_paragraph(by_label))
            holder = last if last is not None and last.parent is section else section
            addressee = holder.add(OutlineNode("addressee", s.text, root.doc_id, position=pos))
        elif s.label:
            parent = by_label.get(parent_label(s.label))
            if s.kind is Kind.PARAGRAPH or parent is None:
                holder, addressee = section, None
            elif addressee is not None and addressee.parent is parent:
                holder = addressee
            else:
                holder = parent
            node = OutlineNode(s.kind.value, s.text, root.doc_id, s.label, pos)
            by_label[s.label] = holder.add(node)


def _last_paragraph(by_label: dict[str, OutlineNode]) -> str:
    """The most recent top-level paragraph label (addressee lines belong to it)."""
    for label in reversed(list(by_label)):
        if "(" not in label:
            return label
    return ""


COLUMNS = ("Situation", "Date", "Title", "Symbol")


_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class LibraryModel(NamedColumns, QAbstractItemModel):
    """Documents at the top level (situation, date, title, symbol), structure below."""

    COLUMNS = COLUMNS

    def __init__(self, library: Store, parent=None) -> None:
        super().__init__(parent)
        self.library = library
        self.root = OutlineNode("root", "", 0)
        self.reload()

    def reload(self) -> None:
        self._reset(self.library.list_documents(), list_drafts(self.library))

    def _reset(self, docs: list[DocumentSummary], drafts: list[DraftSummary]) -> None:
        self.beginResetModel()
        self.root.children = []
        for d in docs:
            node = OutlineNode("document", d.situation or d.title, d.id, summary=d, loaded=False)
            self.root.add(node)
        if drafts:
            group = self.root.add(OutlineNode("drafts", f"Drafts ({len(drafts)})", 0))
            for dr in drafts:
                group.add(OutlineNode("draft", dr.title, 0, draft=dr))
        self.endResetModel()

    def refresh(self) -> None:
        """Show the library as it is now, without collapsing the tree when only drafts' dates,
        titles or versions moved on (an autosave changes the library every few seconds)."""
        docs, drafts = self.library.list_documents(), list_drafts(self.library)
        shown_docs = [n.summary for n in self.root.children if n.summary is not None]
        group = self.drafts_group()
        rows = self.node(group).children if group.isValid() else []
        by_id = {d.id: d for d in drafts}
        if docs != shown_docs or {n.draft.id for n in rows if n.draft} != set(by_id):
            self._reset(docs, drafts)
            return
        for row, node in enumerate(rows):
            assert node.draft is not None
            new = by_id[node.draft.id]
            if new != node.draft:
                node.draft, node.text = new, new.title
                self.dataChanged.emit(self.index(row, 0, group), self.index(row, len(COLUMNS) - 1, group))

    def drafts_group(self) -> QModelIndex:
        """The index of the "Drafts" row (invalid when the library has no drafts)."""
        for row, node in enumerate(self.root.children):
            if node.kind == "drafts":
                return self.createIndex(row, 0, node)
        return QModelIndex()

    def set_library(self, library: Store) -> None:
        self.library = library
        self.reload()

    # --- Qt model interface ---------------------------------------------------------

    def node(self, index: Index) -> OutlineNode:
        return index.internalPointer() if index.isValid() else self.root

    # index, parent, rowCount and hasChildren run for every row on every layout of the tree
    # (a thousand documents): plain checks, no calls back into Qt.
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        node = parent.internalPointer() if parent.isValid() else self.root
        if row < 0 or column < 0 or column >= len(COLUMNS) or row >= len(node.children) or \
                (parent.isValid() and parent.column() != 0):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        up = self.node(index).parent
        if up is None or up is self.root:
            return QModelIndex()
        return self.createIndex(up.row(), 0, up)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(COLUMNS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags  # asked for every row laid out

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:
        node = self.node(parent)
        if parent.isValid() and parent.column() != 0:
            return False
        return bool(node.children) or not node.loaded

    def canFetchMore(self, parent: Index) -> bool:
        return parent.isValid() and parent.column() == 0 and not self.node(parent).loaded

    def fetchMore(self, parent: Index) -> None:
        node = self.node(parent)
        if node.loaded:
            return
        node.loaded = True
        probe = OutlineNode("document", "", node.doc_id)
        outline(self.library.get_document(node.doc_id), probe)
        if not probe.children:
            return
        self.beginInsertRows(parent, 0, len(probe.children) - 1)
        for child in probe.children:
            node.add(child)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node = self.node(index)
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if node.summary is not None:
                d = node.summary
                value = (d.situation or "—", d.meeting_date, d.title, d.symbol)[col]
                if col == 0 and d.same_as:
                    value += " (copy)"  # the same document from another file, kept too
                if role == Qt.ItemDataRole.ToolTipRole:  # escaped: a title may hold markup
                    copy = f"\na copy of document {d.same_as}, left out of search" if d.same_as else ""
                    return plain_tooltip(f"{d.title}\n{d.symbol or 'no symbol'} · {d.meeting_date} · "
                                         f"{count(d.segments, 'segment')}\nfrom {d.source_file}{copy}")
                return value
            if node.draft is not None:
                return self._draft_data(node.draft, col, role)
            if col != 0:
                return None
            text = " ".join(node.text.split())
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain_tooltip(text)
            short = text if len(text) <= 90 else text[:88] + "…"
            return f"{node.label}  {short}" if node.label else short
        if role == Role.DOC_ID:
            return node.doc_id if node.kind not in ("drafts", "draft") else None
        if role == Role.DRAFT_ID:
            return node.draft.id if node.draft is not None else None
        if role == Role.LABEL:
            return node.label
        if role == Role.KIND:
            return node.kind
        if role == Role.POSITION:
            return node.position
        return None

    @staticmethod
    def _draft_data(d: DraftSummary, col: int, role: int) -> str | None:
        if role == Qt.ItemDataRole.ToolTipRole:
            versions = f"{count(d.versions, 'version')}, the last {d.last_version!r}" if d.versions else "no version saved yet"
            return plain_tooltip(f"Draft: {d.title}\n{d.situation or 'no situation'} · {versions} · "
                                 f"saved {d.updated_at[:16].replace('T', ' ')}")
        versions = count(d.versions, 'version')
        name = f"{d.situation} — {d.title}" if d.situation else d.title  # titles all start alike
        return (name, d.updated_at[:10], d.title, versions)[col]


class LibraryFilterModel(QSortFilterProxyModel):
    """Keeps the documents whose situation, title, date or symbols contain the filter text."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._needle = ""

    def set_filter(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        assert isinstance(model, LibraryModel)
        node = model.node(model.index(source_row, 0, source_parent))
        if node.kind == "drafts":
            return any(self._matches(child) for child in node.children)
        if source_parent.isValid() and node.kind != "draft":
            return True
        return self._matches(node)

    def _matches(self, node: OutlineNode) -> bool:
        if node.summary is not None:
            d = node.summary
            hay = " ".join((d.situation, d.title, d.meeting_date, d.symbol, d.report_symbol))
        elif node.draft is not None:
            hay = " ".join((node.draft.title, node.draft.situation, node.draft.last_version))
        else:
            return True
        return all(word in hay.casefold() for word in self._needle.split())
