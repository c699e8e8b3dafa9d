"""The `concord` program: the desktop application with no command (or `gui`), else the CLI.

`app/` never imports the Qt layer, so the GUI's `gui` command is added to the CLI's parser
here; `concord --help` lists it with the others, and `concord --db PATH gui` works as before.
"""

from __future__ import annotations

import argparse
import sys

from app.cli import main as cli_main
from app.resources import APP_ID
from app.version import __version__


def register_gui(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help="open the desktop application (the default with no command)")
    p.add_argument(
        "--check",
        action="store_true",
        help="open the main window, print what it shows and quit (checks an installation)",
    )
    p.set_defaults(func=cmd_gui)


def cmd_gui(args: argparse.Namespace) -> int:
    from ui.main import build_window, present

    app, window = build_window(args.db)
    _brand(app)
    present(window)
    if args.check:
        return _check(window)
    return app.exec()


def _check(window) -> int:
    """Run the event loop until the window has been shown once, say what it shows, close it.

    A local loop rather than `app.exec()`/`app.quit()`: quitting the application would end
    every later event loop of the process (the tests run this in theirs).
    """
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    seen: list[bool] = []

    def report() -> None:
        seen.append(window.isVisible())
        print(_shown(window), flush=True)
        loop.quit()

    QTimer.singleShot(0, report)
    loop.exec()
    window.close()
    return 0 if seen == [True] else 1


def _brand(app) -> None:
    """The icon in the title bar and task switcher, matched to the installed desktop entry."""
    from ui.dialogs.about import concord_icon

    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(concord_icon())


def _shown(window) -> str:
    """One line saying what a person sees: title, status bar, tabs open, the icon's sizes."""
    from PySide6.QtWidgets import QApplication

    tabs = ", ".join(window.tabs.tabText(i) for i in range(window.tabs.count())) or "none"
    sizes = ", ".join(str(s.width()) for s in QApplication.windowIcon().availableSizes()) or "none"
    state = "shown" if window.isVisible() else "not shown"
    return (f"{state}: {window.windowTitle()} | {window.statusBar().currentMessage()}"
            f" | tabs: {tabs} | icon: {sizes}")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    return cli_main(args or ["gui"], extra=[register_gui])


if __name__ == "__main__":
    sys.exit(main())
