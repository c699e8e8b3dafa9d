"""The team library on PostgreSQL: the store contract over psycopg 3, for several users at once.

Each thread gets its own connection (autocommit; writes in explicit transactions). Every
write transaction bumps the revision counters and announces itself with NOTIFY, so other
users' Concords learn of it at once (`subscribe`). Two imports at once are ordered by the
server (a duplicate is found under the unique content hash, never stored twice); two
saves of the same working copy from the same base cannot both succeed (`save_head`). A
save that cannot reach the server is kept on this computer (`pending`) and made when the
server is back. Failures become the same one-line errors as the SQLite store's.
"""

from __future__ import annotations

import functools
import json
import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import psycopg

from app.errors import LibraryError, LibraryReadOnly, LibraryUnreachable, NotFound
from app.model import (
    Document,
    DocumentSummary,
    Draft,
    DraftSummary,
    DraftVersion,
    ReviewMark,
    SearchHit,
    Segment,
)
from app.store import drafts as draft_sql
from app.store.base import DocInfo, LibraryChange, Unsubscribe
from app.store.postgres import documents as doc_sql
from app.store.postgres import search
from app.store.postgres.address import parse, password_for
from app.store.postgres.failures import connect_error, storage_error
from app.store.postgres.pending import Pending, default_folder
from app.store.postgres.schema import SCHEMA_VERSION, migrate, schema_version
from app.store.postgres.watch import Watcher

log = logging.getLogger(__name__)
CHANNEL = "concord_library"
LOCK_TIMEOUT_MS = 10_000
P = ParamSpec("P")
R = TypeVar("R")


def mapped(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn psycopg's failures into the store's one-line errors."""

    @functools.wraps(fn)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except psycopg.Error as e:
            error = storage_error(e, args[0].location)  # type: ignore[attr-defined]
            if error is e:
                raise
            raise error from e

    return call


class Tx:
    """A transaction's connection for the SQL shared with SQLite (`?` placeholders)."""

    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Any = ()) -> psycopg.Cursor[Any]:
        return self.conn.execute(sql.replace("?", "%s"), params)


class PgLibrary:
    """A library in a PostgreSQL database; see the module docstring. Implements `Store`."""

    def __init__(self, location: str, *, read_only: bool = False, pending_dir: Path | None = None) -> None:
        self.address = parse(location)
        self.path = self.address.key  # never the password
        self._lock = threading.Lock()
        self._flushing = threading.Lock()
        self._local = threading.local()
        self._connections: list[psycopg.Connection] = []
        self._watchers: list[Watcher] = []
        self._closed = False
        self._read_only = read_only
        try:
            conn = self._connect()
            self._user = str(conn.execute("SELECT current_user").fetchone()[0])  # type: ignore[index]
            applied = [] if read_only else migrate(conn, self.path)
            version = schema_version(conn)
            if not version:
                raise LibraryReadOnly(f"{self.path}: there is no library in this database yet, "
                                      "and it is opened read-only")
            if version < SCHEMA_VERSION:
                raise LibraryReadOnly(f"{self.path}: the library needs updating to this version of Concord, "
                                      "but it is opened read-only; open it once as its owner")
            may_write = conn.execute("SELECT has_table_privilege('documents', 'INSERT') "
                                     "AND has_table_privilege('draft_heads', 'UPDATE')").fetchone()[0]  # type: ignore[index]
        except psycopg.Error as e:
            self.close()
            error = storage_error(e, self.path)
            if error is e:
                raise LibraryError(f"{self.path}: not a Concord library or damaged ({e})") from e
            raise error from e
        except BaseException:
            self.close()
            raise
        self.created = 1 in applied
        self._read_only = read_only or not may_write
        self.pending = Pending(pending_dir or default_folder(), self.path)
        if not self._read_only:
            self.flush_pending()

    # --- connections -----------------------------------------------------------------

    def _connect(self) -> psycopg.Connection:
        """This thread's connection, opened again if the last one was lost."""
        conn: psycopg.Connection | None = getattr(self._local, "conn", None)
        if conn is not None and not conn.closed and not conn.broken:
            return conn
        if conn is not None:
            self._forget(conn)
        conn = self.open_connection()
        self._local.conn = conn
        with self._lock:
            self._connections.append(conn)
        return conn

    def open_connection(self) -> psycopg.Connection:
        """A new autocommit connection (also the listener's); a failure is a one-line error."""
        if self._closed:
            raise LibraryError(f"{self.path}: the library is closed")
        params: dict[str, Any] = dict(self.address.params)
        password = password_for(self.address)
        if password:
            params["password"] = password
        params.setdefault("connect_timeout", "10")
        params.setdefault("application_name", "Concord")
        # Notice a dead network within seconds instead of TCP's minutes.
        params.setdefault("keepalives_idle", "10")
        params.setdefault("keepalives_interval", "5")
        params.setdefault("keepalives_count", "3")
        params.setdefault("tcp_user_timeout", "20000")
        options = f"-c lock_timeout={LOCK_TIMEOUT_MS} -c idle_in_transaction_session_timeout=60000"
        if self._read_only:
            options += " -c default_transaction_read_only=on"
        params["options"] = (params.get("options", "") + " " + options).strip()
        try:
            return psycopg.connect(autocommit=True, **params)
        except psycopg.Error as e:
            raise connect_error(e, self.path) from e

    def _forget(self, conn: psycopg.Connection) -> None:
        with self._lock:
            if conn in self._connections:
                self._connections.remove(conn)
        with suppress(psycopg.Error):
            conn.close()

    @property
    def location(self) -> str:
        return self.path

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def user(self) -> str:
        return self._user

    def identity(self) -> str:
        return f"pg:{self.path}"

    def close(self) -> None:
        self._closed = True
        for w in self._watchers:
            w.stop()
        with self._lock:
            conns, self._connections = self._connections, []
        for conn in conns:
            try:
                conn.close()
            except psycopg.Error:
                log.warning("%s: a connection could not be closed", self.path)
        self._local = threading.local()

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._connect().execute(sql.replace("?", "%s"), params).fetchall()

    @contextmanager
    def transaction(self, *, documents: bool = True, draft_id: int | None = None) -> Iterator[Tx]:
        """All writes inside happen together or not at all; the revision moves and a NOTIFY
        tells every listening Concord on commit."""
        if self._read_only:
            raise LibraryReadOnly(f"{self.path}: this user may read the library but not change it")
        conn = self._connect()
        try:
            with conn.transaction():
                yield Tx(conn)
                keys = ["revision", "documents_revision"] if documents else ["revision"]
                rows = conn.execute("UPDATE concord_meta SET value = value + 1 WHERE key = ANY(%s) "
                                    "RETURNING key, value", [keys]).fetchall()
                revision = {str(k): int(v) for k, v in rows}["revision"]
                payload = {"revision": revision, "documents": documents, "draft": draft_id, "author": self._user}
                conn.execute("SELECT pg_notify(%s, %s)", [CHANNEL, json.dumps(payload)])
        except psycopg.Error as e:
            error = storage_error(e, self.path)
            if error is e:
                raise
            raise error from e

    @mapped
    def _meta(self, key: str) -> int:
        row = self._connect().execute("SELECT value FROM concord_meta WHERE key = %s", [key]).fetchone()
        return int(row[0]) if row else 0

    def revision(self) -> int:
        return self._meta("revision")

    def documents_revision(self) -> int:
        return self._meta("documents_revision")

    def subscribe(self, callback: Callable[[LibraryChange], None]) -> Unsubscribe:
        watcher = Watcher(self, CHANNEL, callback)
        self._watchers.append(watcher)
        watcher.start()
        return watcher.stop

    # --- documents (SQL in app.store.postgres.documents) -----------------------------

    @mapped
    def find_duplicate(self, content_hash: str) -> int | None:
        return doc_sql.find_duplicate(self._connect(), content_hash)

    @mapped
    def add_document(self, doc: Document, *, same_as: int | None = None) -> tuple[Document, bool]:
        existing = self.find_duplicate(doc.content_hash)
        if existing is None:
            with self.transaction() as tx:
                doc_id, new = doc_sql.insert(tx.conn, doc, same_as)
            if new:
                return self.get_document(doc_id), True
            existing = doc_id
        return self.get_document(existing), False

    @mapped
    def replace_document(self, doc_id: int, doc: Document) -> Document:
        self.get_document(doc_id)
        with self.transaction() as tx:
            doc_sql.replace_document(tx.conn, doc_id, doc)
        return self.get_document(doc_id)

    @mapped
    def documents_shaped(self, shape: str) -> list[int]:
        return doc_sql.documents_shaped(self._connect(), shape)

    @mapped
    def list_documents(self) -> list[DocumentSummary]:
        return doc_sql.list_documents(self._connect())

    @mapped
    def get_document(self, doc_id: int) -> Document:
        return doc_sql.get_document(self._connect(), doc_id)

    @mapped
    def find_document(self, key: str) -> Document:
        key = key.strip()
        if key.isdigit():
            return self.get_document(int(key))
        row = self._connect().execute("SELECT id FROM documents WHERE symbol = %s OR report_symbol = %s "
                                      "ORDER BY id LIMIT 1", [key, key]).fetchone()
        if row is None:
            raise NotFound(f"no document with id or symbol {key!r} in the library")
        return self.get_document(int(row[0]))

    @mapped
    def update_metadata(self, doc_id: int, **fields: str) -> Document:
        self.get_document(doc_id)
        with self.transaction() as tx:
            doc_sql.update_metadata(tx.conn, doc_id, fields)
        return self.get_document(doc_id)

    @mapped
    def delete_document(self, doc_id: int) -> None:
        self.get_document(doc_id)
        with self.transaction() as tx:
            tx.execute("DELETE FROM documents WHERE id = ?", [doc_id])

    @mapped
    def document_infos(self) -> dict[int, DocInfo]:
        rows = self._connect().execute("SELECT id, title, situation, meeting_date, symbol FROM documents")
        return {int(r[0]): DocInfo(int(r[0]), r[1], r[2], r[3] or "", r[4] or "") for r in rows}

    @mapped
    def all_segments(self) -> list[tuple[int, int, Segment]]:
        return doc_sql.all_segments(self._connect())

    @mapped
    def indexed_documents(self) -> dict[int, str]:
        return doc_sql.indexed_documents(self._connect())

    @mapped
    def segments_of(self, document_ids: Sequence[int]) -> list[tuple[int, int, Segment]]:
        return doc_sql.segments_of(self._connect(), sorted({int(i) for i in document_ids}))

    @mapped
    def segment_text(self, doc_id: int, position: int) -> str:
        row = self._connect().execute("SELECT text FROM segments WHERE document_id = %s AND position = %s",
                                      [doc_id, position]).fetchone()
        if row is None:
            raise NotFound(f"document {doc_id} has no segment at position {position}")
        return str(row[0])

    @mapped
    def counts(self) -> dict[str, int]:
        row = self._connect().execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM segments)"
                                      ).fetchone()
        assert row is not None
        return {"documents": int(row[0]), "segments": int(row[1])}

    # --- search and health -----------------------------------------------------------

    @mapped
    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        return search.search(self._connect(), query, limit, self.path)

    @mapped
    def check(self) -> list[str]:
        return doc_sql.index_problems(self._connect())

    @mapped
    def repair(self) -> list[str]:
        problems = self.check()
        with self.transaction(documents=False) as tx:
            doc_sql.rebuild_index(tx.conn)
        return [f"{p}: rebuilt" for p in problems] or ["the full-text index was rebuilt"]

    # --- drafts (SQL shared with SQLite in app.store.drafts) -------------------------

    @mapped
    def create_draft(self, title: str, situation: str, segments: Sequence[Segment],
                     first_version: str = "") -> int:
        return draft_sql.create_draft(self, title, situation, segments, first_version)

    @mapped
    def get_draft(self, draft_id: int) -> Draft:
        if not self._read_only and self.pending.get(draft_id):
            self.flush_pending()
        return draft_sql.get_draft(self, draft_id)

    @mapped
    def list_drafts(self) -> list[DraftSummary]:
        return draft_sql.list_drafts(self)

    @mapped
    def save_head(self, draft_id: int, segments: Sequence[Segment], base: int | None = None) -> str:
        from app.store.postgres.offline import save_or_keep

        return save_or_keep(self, draft_id, segments, base)

    @mapped
    def save_version(self, draft_id: int, name: str, segments: Sequence[Segment] | None = None) -> int:
        return draft_sql.save_version(self, draft_id, name, segments)

    @mapped
    def get_version(self, draft_id: int, number: int) -> DraftVersion:
        return draft_sql.get_version(self, draft_id, number)

    @mapped
    def update_draft(self, draft_id: int, *, title: str | None = None, situation: str | None = None) -> None:
        draft_sql.update_draft(self, draft_id, title=title, situation=situation)

    @mapped
    def review_marks(self, draft_id: int) -> tuple[ReviewMark, ...]:
        return draft_sql.review_marks(self, draft_id)

    @mapped
    def set_review_marks(self, draft_id: int, marks: Sequence[ReviewMark]) -> None:
        draft_sql.set_review_marks(self, draft_id, marks)

    @mapped
    def delete_draft(self, draft_id: int) -> None:
        draft_sql.delete_draft(self, draft_id)
        self.pending.drop(draft_id)

    def flush_pending(self) -> list[str]:
        """Save what was kept on this computer while the server was away; says what was done."""
        from app.store.postgres.offline import flush

        if not self._flushing.acquire(blocking=False):
            return []
        try:
            return flush(self)
        except LibraryUnreachable:
            return []
        finally:
            self._flushing.release()

    # --- copying -----------------------------------------------------------------------

    @mapped
    def restore(self, documents: Iterable[Document], drafts: Iterable[tuple[Draft, Sequence[DraftVersion]]],
                same_as: dict[int, int] | None = None) -> None:
        with self.transaction() as tx:
            doc_sql.restore(tx, documents, drafts, same_as or {})
