"""What the window remembers between two sessions: the libraries opened lately (File > Open
Recent) and the tabs that were open, reopened at the next start on the same library.

A tab is remembered by what it shows, never by its widgets: a document by its id and the
row that was current, a draft by its id, a comparison by the references of its two sides
(`1:5(n)..5(v)`, `draft:3@1`). Whatever no longer exists (a deleted document) is left out.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QWidget

from app.errors import ConcordError
from app.model import Passage
from app.services.library import resolve_ref
from ui import settings as S
from ui.session import Session
from ui.workspace import Workspace

log = logging.getLogger(__name__)
RECENT_MAX = 8


# --- recent libraries -------------------------------------------------------------------

def is_server(location: str) -> bool:
    """A team library's address (`postgresql://user@server/db`, no password), not a file."""
    return "://" in location


def remember_library(path: str) -> list[str]:
    """Put `path` first in the recent list (once, at most `RECENT_MAX` kept)."""
    if not path or path == ":memory:":
        return S.RECENT_LIBRARIES.get()
    full = path if is_server(path) else str(Path(path).expanduser().resolve())
    recent = [full] + [p for p in S.RECENT_LIBRARIES.get() if p != full]
    S.RECENT_LIBRARIES.set(recent[:RECENT_MAX])
    return recent[:RECENT_MAX]


class RecentLibraries(QObject):
    """File > Open Recent: the libraries opened lately that still exist, newest first."""

    def __init__(self, parent: QWidget, menu: QMenu, switch: Callable[[str], object]) -> None:
        super().__init__(parent)
        self.menu = menu.addMenu("Open &Recent")
        self.menu.setAccessibleName("Recent libraries")
        self.switch = switch
        self.menu.aboutToShow.connect(self.fill)
        self.fill()

    def fill(self) -> None:
        self.menu.clear()
        recent = [p for p in S.RECENT_LIBRARIES.get() if is_server(p) or Path(p).exists()]
        for n, path in enumerate(recent, 1):
            name = path if is_server(path) else f"{Path(path).name}  —  {Path(path).parent}"
            a = self.menu.addAction(f"&{n} {name}")
            a.setToolTip(path)
            a.triggered.connect(lambda _=False, p=path: self.switch(p))
        if not recent:
            self.menu.addAction("No library opened yet").setEnabled(False)
        self.menu.addSeparator()
        self.menu.addAction("&Clear the List").triggered.connect(lambda _=False: self.clear())

    def clear(self) -> None:
        S.RECENT_LIBRARIES.set([])
        self.fill()


# --- open tabs --------------------------------------------------------------------------

def passage_ref(p: Passage) -> str:
    """The REF that reads `p` again: `1`, `1:7`, `1:5(n)..5(v)`, `draft:3@1`; "" if none."""
    if p.ref.startswith("draft:"):
        return p.ref
    if p.document.id is None:
        return ""
    if not p.start:
        return str(p.document.id)
    return f"{p.document.id}:{p.start}" + (f"..{p.end}" if p.end and p.end != p.start else "")


def tab_record(widget: QWidget) -> dict[str, Any] | None:
    """What `widget` shows, as the settings keep it; None for a tab not worth reopening."""
    draft_id = getattr(widget, "draft_id", None)
    if isinstance(draft_id, int):
        return {"kind": "draft", "id": draft_id}
    left, right = getattr(widget, "left", None), getattr(widget, "right", None)
    if isinstance(left, Passage) and isinstance(right, Passage):
        a, b = passage_ref(left), passage_ref(right)
        return {"kind": "comparison", "left": a, "right": b} if a and b else None
    doc = getattr(widget, "document", None)
    doc_id = getattr(doc, "id", None)
    if isinstance(doc_id, int) and hasattr(widget, "selected_rows"):
        rows = widget.selected_rows()  # type: ignore[attr-defined]
        return {"kind": "document", "id": doc_id, "row": rows[0] if rows else -1}
    return None


def save_tabs(workspace: Workspace, library: str) -> dict[str, Any]:
    tabs = [r for w in workspace.tab_widgets() if (r := tab_record(w)) is not None]
    current = workspace.current_tab()
    state = {"library": library, "tabs": tabs,
             "current": next((i for i, w in enumerate(workspace.tab_widgets()) if w is current), 0)}
    S.OPEN_TABS.set(json.dumps(state))
    return state


def restore_tabs(session: Session, workspace: Workspace, open_draft: Callable[[int], object]) -> int:
    """Reopen the tabs of the last session on this library; how many came back."""
    try:
        state = json.loads(S.OPEN_TABS.get() or "{}")
    except ValueError:
        return 0
    if not isinstance(state, dict) or state.get("library") != session.store.location:
        return 0
    opened: list[QWidget] = []
    for record in state.get("tabs", []):
        try:
            widget = _reopen(session, workspace, open_draft, record)
        except (ConcordError, KeyError, TypeError, ValueError) as e:  # gone since, or a hand-edited file
            log.info("tab %s not reopened: %s", record, e)
            continue
        if isinstance(widget, QWidget):
            opened.append(widget)
    current = state.get("current", 0)
    if isinstance(current, int) and 0 <= current < len(opened):
        workspace.show_tab(opened[current])
    return len(opened)


def _reopen(session: Session, workspace: Workspace, open_draft: Callable[[int], object],
            record: dict[str, Any]) -> object:
    kind = record["kind"]
    if kind == "document":
        session.store.get_document(int(record["id"]))  # NotFound for one deleted since: no error box
        return workspace.open_document(int(record["id"]), int(record.get("row", -1)))
    if kind == "draft":
        session.store.get_draft(int(record["id"]))
        return open_draft(int(record["id"]))
    if kind == "comparison":
        lib = session.store
        return workspace.open_comparison(resolve_ref(lib, str(record["left"])), resolve_ref(lib, str(record["right"])))
    raise ValueError(f"unknown tab kind {kind!r}")
