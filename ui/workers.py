"""Background work: reads on a small pool, writes on one serial lane, newest query wins.

A `Job` wraps a plain function `fn(job) -> result`; the function may call
`job.report(done, total, what)` and should stop early when `job.is_cancelled()`. Results,
progress and errors come back as Qt signals, delivered on the UI thread. An exception in
the function never escapes: it becomes `failed(message)` (a `ConcordError`'s own one-line
message, else a sentence without Python's class names; the traceback goes to the log).

- `JobRunner` runs reads (search, comparison, provenance) on a private pool.
- `WriteLane` runs every write to the library, one at a time and in the order asked, off
  the UI thread (an autosave never waits on the UI thread for an import to let go).
- `Latest` keeps only the newest of a series of queries: starting one cancels the one
  before (taken off the queue if it has not started, its result dropped if it has).

A job handed over on the UI thread starts once control is back in the event loop, so
the signals connected right after `start` or `submit` hear everything it says (a job
that fails at once would otherwise be done before anyone listened).

The workers are Python threads that live as long as their pool (`ThreadPoolExecutor`),
not `QThreadPool` threads: a store keeps one connection per thread in a `threading.local`,
and Python forgets a thread-local between two `QRunnable.run` calls on a Qt pool thread,
so each job there opened (and kept) a connection of its own.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, SignalInstance

from app.errors import ConcordError

log = logging.getLogger(__name__)
T = TypeVar("T")


def failure_message(task: str, error: BaseException) -> str:
    """A sentence for a person about an unexpected error, without Python's class names
    (the log keeps the traceback): "Something went wrong while comparing: list index out of range"."""
    detail = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"Something went wrong while {task}: {detail}" if detail else f"Something went wrong while {task}."


class JobSignals(QObject):
    progress = Signal(int, int, str)  # done, total, what is being done
    finished = Signal(object)  # the function's result
    failed = Signal(str)  # a one-line message for a person
    ended = Signal()  # after finished or failed, whichever happened


class Job:
    """One piece of work for a pool or the lane; see the module docstring."""

    def __init__(self, fn: Callable[[Job], Any], name: str = "") -> None:
        """`name` says what the job does, as in "while <name>": "importing files", "comparing"."""
        self.fn = fn
        self.name = name or "working"
        self.signals = JobSignals()
        self.result: Any = None
        self.error: BaseException | None = None
        self.message = ""  # what `failed` said
        self._cancel = threading.Event()
        self.done = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int, what: str = "") -> None:
        _emit(self.signals.progress, done, total, what)

    def run(self) -> None:
        try:
            self.result = self.fn(self)
        except ConcordError as e:
            self.error, self.message = e, str(e)
            log.info("%s: %s", self.name, e)
            _emit(self.signals.failed, self.message)
        except Exception as e:  # a bug must become a message, never a crash
            self.error, self.message = e, failure_message(self.name, e)
            log.exception("%s failed", self.name)
            _emit(self.signals.failed, self.message)
        else:
            _emit(self.signals.finished, self.result)
        finally:
            self.done.set()
            _emit(self.signals.ended)


def _emit(signal: SignalInstance, *args: object) -> None:
    """Emit, unless the program is closing and Qt has already let go of the signal's object."""
    try:
        signal.emit(*args)
    except RuntimeError:  # "Signal source has been deleted": nobody is left to tell
        log.debug("a job ended after its window closed")


class _Queue(QObject):
    """Jobs handed over, given to the threads in order on the next turn of the event loop."""

    _kick = Signal()

    def __init__(self, parent: QObject | None, threads: int, name: str) -> None:
        super().__init__(parent)
        self._threads = ThreadPoolExecutor(threads, thread_name_prefix=name)
        self._futures: dict[Job, Future[None]] = {}
        self._pending: list[Job] = []
        self._lock = threading.Lock()
        self._kick.connect(self._start_pending, Qt.ConnectionType.QueuedConnection)

    def _hand_over(self, job: Job) -> None:
        with self._lock:
            self._pending.append(job)
        self._kick.emit()

    def _take(self, job: Job, *, handed_over: bool = True) -> bool:
        """Take `job` back if no thread has begun it yet; with `handed_over` False, only one
        already given to the threads (whose starter has connected to it by then)."""
        with self._lock:
            if handed_over and job in self._pending:
                self._pending.remove(job)
                return True
            future = self._futures.get(job)
        return future is not None and future.cancel()

    def _start_pending(self) -> None:
        with self._lock:
            jobs, self._pending = self._pending, []
        for job in jobs:
            self._start_now(job)

    def _start_now(self, job: Job) -> None:
        future = self._threads.submit(job.run)
        with self._lock:
            self._futures[job] = future
        future.add_done_callback(lambda _: self._forget(job))

    def _forget(self, job: Job) -> None:
        with self._lock:
            self._futures.pop(job, None)

    def _wait(self, wait_ms: int) -> bool:
        """Wait until every job given to the threads has run; False if some still runs."""
        with self._lock:
            futures = list(self._futures.values())
        return not wait_for(futures, timeout=wait_ms / 1000).not_done


class JobRunner(_Queue):
    """Starts jobs on a private pool and keeps each alive until it has ended."""

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent, threads, "concord-read")
        self._running: set[Job] = set()

    def start(self, job: Job) -> Job:
        self._running.add(job)
        job.signals.ended.connect(lambda: self._running.discard(job))
        self._hand_over(job)
        return job

    def _start_now(self, job: Job) -> None:
        if job.is_cancelled():  # superseded before it began: it never runs
            self._running.discard(job)
            job.done.set()
            return
        super()._start_now(job)

    def cancel(self, job: Job) -> None:
        """Ask `job` to stop; one still waiting for a thread never starts."""
        job.cancel()
        if self._take(job):
            self._running.discard(job)
            job.done.set()

    def running(self) -> list[Job]:
        return list(self._running)

    def shutdown(self, wait_ms: int = 3000) -> bool:
        """Ask every job to stop and wait for those already running (on closing the window)."""
        for job in list(self._running):
            self.cancel(job)
        return self._wait(wait_ms)


_lane = threading.local()


class WriteLane(_Queue):
    """Every write to the library, one at a time, in the order asked, off the UI thread.

    `submit` queues a job and returns at once; `call` runs a function on the lane and waits
    for it (a write whose result the UI needs now, such as a version's number), after
    everything queued before it. `written` fires on the UI thread after each job.
    """

    written = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent, 1, "concord-write")
        self._jobs: set[Job] = set()
        self._urgent: list[Job] = []

    def submit(self, job: Job, *, urgent: bool = False) -> Job:
        """Queue `job`; an `urgent` one (an autosave) may also run between the steps of a
        long job already on the lane (an import of many files), see `run_urgent`."""
        fn = job.fn

        def on_lane(j: Job) -> Any:
            _lane.active = True
            try:
                return fn(j)
            finally:
                _lane.active = False

        job.fn = on_lane
        self._jobs.add(job)
        job.signals.ended.connect(lambda: self._ended(job))
        with self._lock:
            if urgent:
                self._urgent.append(job)
        self._hand_over(job)
        return job

    def _ended(self, job: Job) -> None:
        self._jobs.discard(job)
        with self._lock:
            if job in self._urgent:
                self._urgent.remove(job)
        self.written.emit()

    def call(self, fn: Callable[[], T], name: str = "saving") -> T:
        """Run `fn` on the lane after what is queued and return its result (or raise its error)."""
        if getattr(_lane, "active", False):
            return fn()  # already on the lane (a job calling another write)
        job = self.submit(Job(lambda job: fn(), name))
        self._start_pending()  # now, after everything handed over before it
        job.done.wait()
        if job.error is not None:
            raise job.error
        return job.result  # type: ignore[no-any-return]

    def run_urgent(self) -> None:
        """On the lane, between two steps of a long job: run the urgent jobs waiting behind it."""
        with self._lock:
            waiting, self._urgent = self._urgent, []
        for job in waiting:
            if self._take(job, handed_over=False):
                job.run()
            elif not job.done.is_set():
                with self._lock:
                    self._urgent.append(job)  # not given to the threads yet: next time

    def pending(self) -> int:
        """Jobs queued or running."""
        return len(self._jobs)

    def shutdown(self, wait_ms: int = 30000) -> bool:
        """Wait for every queued write to finish (on closing: nothing typed may be dropped)."""
        self._start_pending()
        return self._wait(wait_ms)


class Latest(QObject):
    """The newest of a series of background queries (a search as one types, a re-traced
    provenance): starting one cancels the one before, and only the newest reports."""

    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, runner: JobRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.job: Job | None = None

    def start(self, job: Job) -> Job:
        self.cancel()
        self.job = job
        job.signals.finished.connect(self._finished)
        job.signals.failed.connect(self._failed)
        return self.runner.start(job)

    def cancel(self) -> None:
        if self.job is not None:
            self.runner.cancel(self.job)
            self.job = None

    def _current(self) -> bool:
        return self.job is not None and self.sender() is self.job.signals

    def _finished(self, result: object) -> None:
        if self._current():
            self.job = None
            self.finished.emit(result)

    def _failed(self, message: str) -> None:
        if self._current():
            self.job = None
            self.failed.emit(message)
