"""Listening for other users' writes: LISTEN on the library's channel, on a thread of its own.

Each committed write transaction sends a NOTIFY (revision, whether documents changed,
the draft changed, its author). When the connection is lost the watcher keeps trying to
reconnect; once back it reports one change (what happened meanwhile is unknown) and saves
what was kept on this computer while the server was away.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

import psycopg
from psycopg import sql

from app.errors import LibraryError
from app.store.base import LibraryChange

if TYPE_CHECKING:
    from app.store.postgres.library import PgLibrary

log = logging.getLogger(__name__)
WAIT_S = 0.5


def change_of(payload: str) -> LibraryChange:
    d = json.loads(payload)
    draft = d.get("draft")
    return LibraryChange(int(d["revision"]), bool(d.get("documents")),
                         int(draft) if draft is not None else None, str(d.get("author", "")))


class Watcher:
    def __init__(self, lib: PgLibrary, channel: str, callback: Callable[[LibraryChange], None]) -> None:
        self.lib = lib
        self.channel = channel
        self.callback = callback
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="library-listen", daemon=True)
        self.listening = threading.Event()  # set while LISTEN is active (tests wait on it)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _tell(self, change: LibraryChange) -> None:
        try:
            self.callback(change)
        except Exception:
            log.exception("a library change listener failed")

    def _run(self) -> None:
        backoff, lost = WAIT_S, False
        while not self._stop.is_set():
            try:
                conn = self.lib.open_connection()
            except LibraryError:
                self._stop.wait(backoff)
                backoff = min(backoff * 2, 10.0)
                continue
            backoff = WAIT_S
            try:
                conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(self.channel)))
                self.listening.set()
                if lost:
                    self.lib.flush_pending()
                    self._tell(LibraryChange(self.lib.revision(), documents=True))
                    lost = False
                while not self._stop.is_set():
                    for note in conn.notifies(timeout=WAIT_S):
                        self._tell(change_of(note.payload))
            except (psycopg.Error, LibraryError, ValueError) as e:
                log.info("%s: stopped listening (%s); reconnecting", self.lib.path, e)
                lost = True
            finally:
                self.listening.clear()
                with contextlib.suppress(psycopg.Error):
                    conn.close()
