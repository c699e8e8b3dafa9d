"""Where the desktop application writes what went wrong: a rotating log file, and hooks
that turn an unexpected exception into one line for the person and a traceback for the log.

Nothing a person can cause prints a traceback on the console: the hooks catch exceptions
escaping a Qt slot (Qt reports them through `sys.excepthook`) or a thread.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from platformdirs import user_log_dir

from ui.workers import failure_message

log = logging.getLogger(__name__)
LOG_FILE = "concord.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
_HANDLER_NAME = "concord-file"

Notify = Callable[[str], None]


def log_path() -> Path:
    """The log file in the user's log folder (`~/.local/state/Concord/log/concord.log` on Linux)."""
    return Path(user_log_dir("Concord", appauthor=False)) / LOG_FILE


def start_logging(level: int = logging.INFO) -> Path:
    """Send every module's log to the rotating file (once; later calls only return its path)."""
    path = log_path()
    root = logging.getLogger()
    if any(h.get_name() == _HANDLER_NAME for h in root.handlers):
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True)
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    return path


def one_line(error: BaseException) -> str:
    """What the person reads about an unexpected error: a sentence and where the details are."""
    return f"{failure_message('working', error)} (details in {log_path()})"


def install_hooks(notify: Notify) -> Callable[[], None]:
    """Catch exceptions nobody caught: log the traceback, `notify` one line. Returns an undo.

    `notify` may be called from any thread; give it something thread-safe (a Qt signal's
    `emit`, which delivers on the UI thread).
    """
    previous, previous_thread = sys.excepthook, threading.excepthook

    def report(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, error, tb)
            return
        log.error("Unexpected error", exc_info=(kind, error, tb))
        try:
            notify(one_line(error))
        except Exception:  # the window is gone: the log has it
            log.debug("could not show the error", exc_info=True)

    def report_thread(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            report(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = report
    threading.excepthook = report_thread

    def undo() -> None:
        sys.excepthook, threading.excepthook = previous, previous_thread

    return undo
