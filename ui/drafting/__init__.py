"""The drafting tab: a structured draft editor with a precedent side panel.

`DraftEditor` is loaded on first use, so the main window's Drafts menu (in this package)
adds nothing to start-up until a draft is opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ui.drafting.editor import DraftEditor

__all__ = ["DraftEditor"]


def __getattr__(name: str) -> Any:
    if name == "DraftEditor":
        from ui.drafting.editor import DraftEditor

        return DraftEditor
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
