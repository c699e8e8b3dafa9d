"""Writing a file off the UI thread: a status message while it runs, the outcome announced.

Building a Word file takes a noticeable moment (155-275 ms for the Mali conclusions, more
for longer texts), long enough to freeze the window if done on the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtWidgets import QMainWindow, QStatusBar, QWidget

from ui.dialogs.errors import show_error
from ui.workers import Job, JobRunner


def _status_bar(owner: QWidget) -> QStatusBar | None:
    top = owner.window()
    return top.statusBar() if isinstance(top, QMainWindow) else None


def start_export(runner: JobRunner, owner: QWidget, what: str, path: str, write: Callable[[], object]) -> Job:
    """Run `write()` (which writes `what` to `path`) on a worker; a failure becomes a dialog on `owner`.

    The job's `finished` carries what `write` returned (the path written).
    """
    job = Job(lambda job: write(), f"exporting {what}")

    def done(result: object) -> None:
        if shiboken6.isValid(owner) and (status := _status_bar(owner)):
            status.showMessage(f"Exported {what} to {result or path}", 8000)

    def failed(message: str) -> None:
        if not shiboken6.isValid(owner):
            return
        if status := _status_bar(owner):
            status.clearMessage()
        show_error(owner, "Export failed", message)

    job.signals.finished.connect(done)
    job.signals.failed.connect(failed)
    if status := _status_bar(owner):
        status.showMessage(f"Exporting {what} to {Path(path).name}…")
    return runner.start(job)
