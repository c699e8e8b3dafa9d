"""Background jobs: long work (import, search, comparison) runs off the UI thread.

A `Job` wraps a plain function `fn(job) -> result`; the function may call
`job.report(done, total, what)` and should stop early when `job.is_cancelled()`. Results,
progress and errors come back as Qt signals, delivered on the UI thread. An exception in
the function never escapes: it becomes `failed(message)`, which the UI shows as a dialog.

A SQLite connection belongs to the thread that opened it, so work on the library uses
`library_job`, which opens its own `Library` on the worker thread and closes it after.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.errors import ConcordError
from app.store import Library, open_store

log = logging.getLogger(__name__)


def failure_message(task: str, error: Exception) -> str:
    """A sentence for a person about an unexpected error, without Python's class names
    (the log keeps the traceback): "Something went wrong while comparing: list index out of range"."""
    detail = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"Something went wrong while {task}: {detail}" if detail else f"Something went wrong while {task}."


class JobSignals(QObject):
    progress = Signal(int, int, str)  # done, total, what is being done
    finished = Signal(object)  # the function's result
    failed = Signal(str)  # a one-line message for a person
    ended = Signal()  # after finished or failed, whichever happened


class Job(QRunnable):
    """One piece of work for the thread pool; see the module docstring."""

    def __init__(self, fn: Callable[[Job], Any], name: str = "") -> None:
        """`name` says what the job does, as in "while <name>": "importing files", "comparing"."""
        super().__init__()
        self.setAutoDelete(False)  # Python owns it: `JobRunner` keeps it until it ends
        self.fn = fn
        self.name = name or "working"
        self.signals = JobSignals()
        self._cancel = threading.Event()
        self.done = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int, what: str = "") -> None:
        self.signals.progress.emit(done, total, what)

    def run(self) -> None:
        try:
            result = self.fn(self)
        except ConcordError as e:
            self.signals.failed.emit(str(e))
        except Exception as e:  # a bug must become a dialog, never a crash
            log.exception("%s failed", self.name)
            self.signals.failed.emit(failure_message(self.name, e))
        else:
            self.signals.finished.emit(result)
        finally:
            self.done.set()
            self.signals.ended.emit()


def library_job(path: str, fn: Callable[[Library, Job], Any], name: str = "") -> Job:
    """A job that works on its own connection to the library file `path`."""

    def run(job: Job) -> Any:
        lib = open_store(path)  # a file or a team library
        try:
            return fn(lib, job)
        finally:
            lib.close()

    return Job(run, name or "working on the library")


class JobRunner(QObject):
    """Starts jobs on a private pool and keeps each alive until it has ended."""

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._running: set[Job] = set()

    def start(self, job: Job) -> Job:
        self._running.add(job)
        job.signals.ended.connect(lambda: self._running.discard(job))
        self.pool.start(job)
        return job

    def running(self) -> list[Job]:
        return list(self._running)

    def shutdown(self, wait_ms: int = 3000) -> None:
        """Ask every job to stop and wait for them (on closing the window)."""
        for job in list(self._running):
            job.cancel()
        self.pool.waitForDone(wait_ms)
