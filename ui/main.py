"""Start the desktop application: `concord gui` and `make run` come here."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

log = logging.getLogger(__name__)


def library_path(db: str | None) -> str | None:
    """The library to open: the one asked for, else the last one used if it still exists."""
    if db:
        return db
    from ui import settings as S

    last = S.LAST_LIBRARY.get()
    return last if last and Path(last).exists() else None


def build_window(db: str | None = None, *, hooks: bool = True):
    """Open the library (seeding a new one with the sample) and create the main window.

    With `hooks`, the log goes to the user's log folder and an error nobody caught becomes
    one line in the window and a traceback in the log (never one on the console).
    """
    from PySide6.QtWidgets import QApplication

    from app.errors import ConcordError
    from app.services.library import open_library
    from ui.dialogs.errors import show_error
    from ui.logs import install_hooks, start_logging
    from ui.main_window import MainWindow

    if hooks:
        log.info("log file: %s", start_logging())
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Concord")
    app.setOrganizationName("Concord")
    from ui import settings as S
    from ui.commands.view_menu import apply_theme

    apply_theme(S.THEME.get())
    problem = ""
    path = library_path(db)
    try:
        lib = open_library(path, seed=True)
    except ConcordError as e:
        if db:  # the person named this file: do not silently open another
            raise
        problem = str(e)
        log.warning("cannot open the last library: %s", e)
        lib = open_library(None, seed=True)
    window = MainWindow(lib)  # the window owns the session on the store
    app.aboutToQuit.connect(window.session.shutdown)
    if hooks:
        install_hooks(window.unexpected_error.emit)
    if problem:
        show_error(window, "Cannot open the last library", problem)
    return app, window


def present(window) -> None:
    """Show the main window as a person should first see it.

    A window never saved before is fitted to the screen (a laptop's is often smaller than
    the default size). The tabs open when Concord last closed on this library come back;
    with none, the newest document opens in the reader, so the first thing on screen is a
    real text rather than an empty pane.
    """
    from ui import settings as S

    if S.WINDOW_GEOMETRY.get().isEmpty() and window.screen() is not None:
        available = window.screen().availableGeometry()
        window.resize(min(window.width(), int(available.width() * 0.95)),
                      min(window.height(), int(available.height() * 0.92)))
    window.show()
    window.restore_tabs()  # the tabs open when Concord last closed on this library
    if window.panel.proxy.rowCount():
        window.panel.tree.setCurrentIndex(window.panel.proxy.index(0, 0))
        if window.tabs.count() == 0:
            newest = window.session.store.list_documents()
            if newest:
                window.open_document(newest[0].id)
        window.panel.tree.setFocus()


def run(db: str | None = None) -> int:
    app, window = build_window(db)
    present(window)
    return app.exec()


if __name__ == "__main__":
    sys.exit(run(sys.argv[1] if len(sys.argv) > 1 else None))
