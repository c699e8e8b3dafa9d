"""What a feature (drafting, tracing) may ask of the window it lives in.

Features receive the `Session` and a `Workspace`, never the main window itself: they open
tabs and dialogs, read the current tab and say things in the status bar through this
small surface, so none of them imports the window (no import cycle) and each can be
driven by a stand-in in a test.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QDialog, QWidget

from app.model import Passage

if TYPE_CHECKING:
    from ui.views.comparison import ComparisonView
    from ui.views.reader import ReaderView


class DraftTab(Protocol):
    """A draft open for editing, as other features see it."""

    draft_id: int

    @property
    def draft_title(self) -> str: ...

    def flush(self) -> bool:
        """Store what was typed now; False (and the editor says why) when it could not be."""
        ...


class Workspace(Protocol):
    @property
    def tab_changed(self) -> SignalInstance:
        """Fires when another tab becomes the current one."""
        ...

    def window(self) -> QWidget:
        """The widget dialogs and actions belong to."""
        ...

    def add_tab(self, widget: QWidget, title: str, tooltip: str = "") -> int: ...

    def close_widget(self, widget: QWidget) -> bool:
        """Close the tab showing `widget`; False when it stays (a draft that could not be stored)."""
        ...

    def set_tab_title(self, widget: QWidget, title: str, tooltip: str = "") -> None: ...

    def show_tab(self, widget: QWidget) -> None: ...

    def current_tab(self) -> QWidget | None: ...

    def tab_widgets(self) -> list[QWidget]: ...

    def current_reader(self) -> ReaderView | None: ...

    def current_draft(self) -> DraftTab | None: ...

    def show_status(self, text: str, ms: int = 0) -> None: ...

    def show_dialog(self, dialog: QDialog) -> None:
        """Open `dialog` (not exec), deleted when it closes."""
        ...

    def open_document(self, doc_id: int, position: int = -1) -> ReaderView | None: ...

    def open_comparison(self, left: Passage, right: Passage) -> ComparisonView: ...
