"""The drafting tab: a structured draft editor with a precedent side panel."""

from ui.drafting.editor import DraftEditor

__all__ = ["DraftEditor"]
