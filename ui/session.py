"""The open library for the whole UI: the store, its write lane, its reader pool, one signal.

Every window, view and dialog gets the `Session`, never a file path: one store object
(safe to share between threads) serves the UI thread and the workers. Writes go through
`lane` in order; reads through `runner`. `library_changed` fires after each of our writes
and when another process changed the library (the revision is polled, two cheap queries
every `POLL_MS`), so views refresh themselves instead of being refreshed by hand.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from app.errors import ConcordError
from app.store import Store
from ui.workers import Job, JobRunner, Latest, WriteLane

log = logging.getLogger(__name__)
T = TypeVar("T")
POLL_MS = 2000


@dataclass(frozen=True)
class LibraryChange:
    """What `library_changed` says changed."""

    documents: bool  # documents or their text (an import); False: drafts only (an autosave)
    switched: bool = False  # another library was opened in place of this one


class Session(QObject):
    """See the module docstring."""

    library_changed = Signal(object)  # LibraryChange

    def __init__(self, store: Store, parent: QObject | None = None, poll_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = JobRunner(self)
        self.lane = WriteLane(self)
        self.lane.written.connect(self.check)
        self._seen = self._revisions()
        self.poll = QTimer(self)
        self.poll.setInterval(poll_ms)
        self.poll.timeout.connect(self.check)
        self.poll.start()
        self._closed = False

    # --- reading and writing --------------------------------------------------------

    def read(self, fn: Callable[[Store, Job], Any], name: str) -> Job:
        """Run `fn(store, job)` on the reader pool."""
        return self.runner.start(self.job(fn, name))

    def write(self, fn: Callable[[Store, Job], Any], name: str, *, urgent: bool = False) -> Job:
        """Queue `fn(store, job)` on the write lane; `library_changed` follows when it is done."""
        return self.lane.submit(self.job(fn, name, writes=True), urgent=urgent)

    def write_now(self, fn: Callable[[Store], T], name: str = "saving") -> T:
        """Run `fn(store)` on the write lane after what is queued, wait, and return its result."""
        try:
            return self.lane.call(lambda: fn(self.store), name)
        finally:
            self.check()

    def job(self, fn: Callable[[Store, Job], Any], name: str, *, writes: bool = False) -> Job:
        """A job on this session's store, to start later (a `Latest`, the lane).

        A job that `writes` tells every view what changed before its own result is handled
        (its first slots), so whoever handles the result sees the library as it now is.
        """
        job = Job(lambda job: fn(self.store, job), name)
        if writes:
            job.signals.finished.connect(self._written)
            job.signals.failed.connect(self._written)
        return job

    def _written(self, _: object = None) -> None:
        self.check()

    def latest(self, parent: QObject) -> Latest:
        """A "newest query wins" helper on the reader pool, owned by `parent`."""
        return Latest(self.runner, parent)

    # --- changes ----------------------------------------------------------------------

    def _revisions(self) -> tuple[int, int] | None:
        try:
            return self.store.revision(), self.store.documents_revision()
        except (ConcordError, sqlite3.Error) as e:  # the file went away: say so once, keep going
            log.warning("%s: cannot read the revision: %s", self.store.location, e)
            return None

    def check(self) -> LibraryChange | None:
        """Tell every view if the library changed since the last look (ours or another process's)."""
        if self._closed:
            return None
        now = self._revisions()
        if now is None or now == self._seen:
            return None
        before, self._seen = self._seen, now
        change = LibraryChange(documents=before is None or now[1] != before[1])
        self.library_changed.emit(change)
        return change

    def switch(self, store: Store) -> None:
        """Work on `store` from now on (File > Open Library); the old one is closed."""
        self.runner.shutdown()
        self.lane.shutdown()
        old, self.store = self.store, store
        old.close()
        self._seen = self._revisions()
        self.library_changed.emit(LibraryChange(documents=True, switched=True))

    def shutdown(self) -> None:
        """Stop the readers and let every queued write finish (closing the window)."""
        self.poll.stop()
        self.runner.shutdown()
        if not self.lane.shutdown():
            log.error("%s: writes still running on closing", self.store.location)

    def close(self) -> None:
        self.shutdown()
        self._closed = True
        self.store.close()
