"""Start the desktop application."""

from __future__ import annotations

import sys


def run(db: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    from app.services.library import open_library
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Concord")
    app.setOrganizationName("Concord")
    lib = open_library(db, seed=True)
    window = MainWindow(lib)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(run())
