"""The SQLite library: documents and segments in one file, searched through FTS5.

Every write is one transaction (BEGIN IMMEDIATE ... COMMIT), so a document is stored whole
or not at all; WAL and synchronous=FULL keep what was committed through a crash. Each
thread gets its own connection (a connection belongs to the thread that opened it), so
one `Library` serves the UI thread and its workers. Storage failures become one-line
errors that say what to do: read-only, disk full, locked by another program.
"""

from __future__ import annotations

import getpass
import itertools
import json
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import sqlite_utils

from app.errors import (
    LibraryBusy,
    LibraryError,
    LibraryFull,
    LibraryReadOnly,
    NotFound,
    SearchIndexDamaged,
)
from app.model import (
    DocKind,
    Document,
    DocumentSummary,
    Draft,
    DraftSummary,
    DraftVersion,
    Kind,
    ReviewMark,
    SearchHit,
    Segment,
)
from app.store import drafts as draft_sql
from app.store import fts
from app.store.base import EDITABLE_FIELDS, DocInfo, LibraryChange, Unsubscribe
from app.store.clock import now_iso
from app.store.opening import connect_read_only, inspect, uri
from app.store.schema import SCHEMA_VERSION, migrate

log = logging.getLogger(__name__)
LOCK_TIMEOUT_S = 10
POLL_S = 0.5  # how often a subscription looks for another program's writes
_memory_names = itertools.count(1)


def storage_error(e: sqlite3.Error, where: str) -> Exception:
    """The error a person should see for a failed write, or `e` itself when it is not one of
    the known storage conditions (a constraint, a bug)."""
    text = str(e).lower()
    if "disk is full" in text or "disk i/o error" in text and "full" in text:
        return LibraryFull(f"{where}: the disk is full; nothing of this change was stored")
    if "readonly" in text or "read-only" in text:
        return LibraryReadOnly(f"{where}: the library is read-only; nothing can be changed in it")
    if "locked" in text or "busy" in text:
        return LibraryBusy(f"{where}: another program holds the library locked; try again in a moment")
    return e


class Library:
    """One library file; see the module docstring. Implements `app.store.base.Store`."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        self._lock = threading.Lock()
        # By OS thread id, not threading.local: a thread that Python does not own (a Qt pool
        # thread) loses its thread-locals after every job, and would open a connection per job.
        self._by_thread: dict[int, tuple[sqlite3.Connection, sqlite_utils.Database]] = {}
        self._closed = False
        self._stop = threading.Event()
        try:
            self._user = getpass.getuser()
        except (KeyError, OSError):  # no name for this uid (a container)
            self._user = ""
        if self.path == ":memory:":
            # One shared in-memory database for every thread's connection; the first
            # connection keeps it alive.
            self._uri = f"file:concord-memory-{next(_memory_names)}?mode=memory&cache=shared"
            self.created, self._read_only, version = True, False, 0
        else:
            state = inspect(self.path)
            self.created = not state.exists
            self._read_only = read_only or not state.writable
            version = state.version
            if self._read_only and not state.exists:
                raise LibraryReadOnly(f"{self.path}: cannot create a library in a read-only folder")
            if self._read_only and version < SCHEMA_VERSION:
                raise LibraryReadOnly(f"{self.path}: the library needs updating to this version of Concord, "
                                      "but it is read-only; open it once where it can be written")
            self._uri = uri(self.path, read_only=False)
        try:
            self._connect()
            if not self._read_only:
                migrate(self.db)
        except sqlite3.DatabaseError as e:
            self.close()
            error = storage_error(e, self.path)
            if error is not e:
                raise error from e
            raise LibraryError(f"{self.path}: not a Concord library or damaged ({e})") from e
        except BaseException:
            self.close()
            raise

    # --- connections -----------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        held = self._by_thread.get(threading.get_ident())
        if held is not None:
            return held[0]
        return self._open_connection()

    def _open_connection(self) -> sqlite3.Connection:
        if self._closed:
            raise LibraryError(f"{self.path}: the library is closed")
        if self._read_only:
            conn = connect_read_only(self.path, LOCK_TIMEOUT_S)
        else:
            conn = sqlite3.connect(self._uri, uri=True, isolation_level=None, timeout=LOCK_TIMEOUT_S,
                                   check_same_thread=False)
            conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
        try:
            fts.attach_vocabulary(conn)
        except sqlite3.DatabaseError:
            log.warning("%s: the full-text index is missing; search needs `concord repair`", self.path)
        with self._lock:
            self._by_thread[threading.get_ident()] = (conn, sqlite_utils.Database(conn))
        return conn

    @property
    def db(self) -> sqlite_utils.Database:
        """This thread's connection as a sqlite-utils Database (store internals and tests)."""
        self._connect()
        return self._by_thread[threading.get_ident()][1]

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
        return self._uri if self.path == ":memory:" else f"sqlite:{Path(self.path).resolve()}"

    def close(self) -> None:
        """Close every thread's connection (call once no worker uses the library)."""
        self._closed = True
        self._stop.set()
        with self._lock:
            conns, self._by_thread = [c for c, _ in self._by_thread.values()], {}
        for conn in conns:
            try:
                conn.close()
            except sqlite3.Error:  # a worker's connection mid-statement
                log.warning("%s: a connection could not be closed", self.path)

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        """A read (the draft SQL shared with the PostgreSQL store)."""
        return self._connect().execute(sql, params).fetchall()

    @contextmanager
    def transaction(self, *, documents: bool = True,
                    draft_id: int | None = None) -> Iterator[sqlite_utils.Database]:
        """All writes inside happen together or not at all; the revision moves on commit.

        `documents=False` for writes that leave documents and segments as they were
        (drafts), so similarity indexes stay valid. `draft_id` (the draft changed) is for
        stores that announce changes; subscribers here see only the revision move.
        """
        if self._read_only:
            raise LibraryReadOnly(f"{self.path}: the library is read-only; nothing can be changed in it")
        conn = self._connect()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            raise storage_error(e, self.path) from e
        try:
            yield self.db
            keys = ("revision", "documents_revision") if documents else ("revision",)
            conn.execute(
                f"UPDATE concord_meta SET value = value + 1 WHERE key IN ({', '.join('?' * len(keys))})", keys
            )
            conn.execute("COMMIT")
        except BaseException as e:
            # SQLite rolls back by itself on some errors (a full disk): a second ROLLBACK
            # would hide the cause behind "cannot rollback - no transaction is active".
            if conn.in_transaction:
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error:
                    log.exception("%s: rollback failed", self.path)
            if isinstance(e, sqlite3.OperationalError):
                error = storage_error(e, self.path)
                if error is not e:
                    raise error from e
            raise

    def _meta(self, key: str) -> int:
        row = self._connect().execute("SELECT value FROM concord_meta WHERE key = ?", [key]).fetchone()
        return int(row[0]) if row else 0

    def revision(self) -> int:
        return self._meta("revision")

    def documents_revision(self) -> int:
        return self._meta("documents_revision")

    def subscribe(self, callback: Callable[[LibraryChange], None]) -> Unsubscribe:
        """Poll the revision (another program may write the file too) on a thread of its own."""
        stop = threading.Event()

        def poll() -> None:
            last = (self.revision(), self.documents_revision())
            while not (stop.wait(POLL_S) or self._stop.is_set()):
                try:
                    now = (self.revision(), self.documents_revision())
                except (sqlite3.Error, LibraryError):
                    continue
                if now != last:
                    callback(LibraryChange(now[0], documents=now[1] != last[1]))
                    last = now

        threading.Thread(target=poll, name="library-watch", daemon=True).start()
        return stop.set

    # --- documents -----------------------------------------------------------------

    def find_duplicate(self, content_hash: str) -> int | None:
        row = self._connect().execute(
            "SELECT id FROM documents WHERE content_hash = ?", [content_hash]
        ).fetchone()
        return int(row[0]) if row else None

    def add_document(self, doc: Document, *, same_as: int | None = None) -> tuple[Document, bool]:
        """Store `doc`; returns (stored document, True) or (existing one, False) if a duplicate.

        `same_as` names the stored document this one is another copy of (the PDF of an
        imported Word file): kept, but left out of search and similarity results.
        """
        digest = doc.content_hash
        existing = self.find_duplicate(digest)
        if existing is not None:
            return self.get_document(existing), False
        with self.transaction() as db:
            # Checked again under the write lock: another process may have stored it meanwhile.
            row = db.execute("SELECT id FROM documents WHERE content_hash = ?", [digest]).fetchone()
            if row is not None:
                existing = int(row[0])
            else:
                doc_id = int(db.execute(
                    f"INSERT INTO documents (same_as, {DOCUMENT_COLUMNS}) VALUES ({', '.join('?' * 15)}) "
                    "RETURNING id", [same_as, *_document_row(replace(doc, imported_at=now_iso()))]).fetchone()[0])
                _insert_segments(db, doc_id, doc.segments)
        if existing is not None:
            return self.get_document(existing), False
        return self.get_document(doc_id), True

    def replace_document(self, doc_id: int, doc: Document) -> Document:
        """Put `doc`'s text and metadata in place of stored document `doc_id`, keeping its id
        (so references such as `3:5(n)` still name it)."""
        self.get_document(doc_id)
        with self.transaction() as db:
            db.execute("DELETE FROM segments WHERE document_id = ?", [doc_id])
            db.table("documents").update(doc_id, {
                "title": doc.title, "situation": doc.situation, "meeting_date": doc.meeting_date,
                "report_symbol": doc.report_symbol, "symbol": doc.symbol, "source_file": doc.source_file,
                "content_hash": doc.content_hash, "imported_at": now_iso(),
                "warnings": json.dumps(list(doc.warnings)), "refs": json.dumps(list(doc.references)),
                "doc_kind": doc.doc_kind.value, "meeting_number": doc.meeting_number,
                "cited_symbols": json.dumps(list(doc.cited_symbols)), "shape": doc.shape,
            })
            _insert_segments(db, doc_id, doc.segments)
        return self.get_document(doc_id)

    def documents_shaped(self, shape: str) -> list[int]:
        """Ids of the stored documents (not copies) whose label sequence is `shape`."""
        rows = self._connect().execute(
            "SELECT id FROM documents WHERE shape = ? AND same_as IS NULL ORDER BY id", [shape])
        return [int(r[0]) for r in rows]

    def list_documents(self) -> list[DocumentSummary]:
        rows = self._connect().execute(
            """SELECT d.id, d.title, d.situation, d.meeting_date, d.report_symbol, d.symbol,
                      d.source_file, d.imported_at,
                      (SELECT count(*) FROM segments s WHERE s.document_id = d.id),
                      d.doc_kind, d.meeting_number, d.same_as
               FROM documents d ORDER BY d.meeting_date DESC, d.id"""
        ).fetchall()
        return [DocumentSummary(*r) for r in rows]

    def get_document(self, doc_id: int) -> Document:
        conn = self._connect()
        row = conn.execute(
            """SELECT id, title, situation, meeting_date, report_symbol, symbol, source_file,
                      imported_at, warnings, refs, doc_kind, meeting_number, cited_symbols
               FROM documents WHERE id = ?""",
            [doc_id],
        ).fetchone()
        if row is None:
            raise NotFound(f"no document {doc_id} in the library")
        segs = conn.execute(
            """SELECT kind, text, label, section, addressee FROM segments
               WHERE document_id = ? ORDER BY position""",
            [doc_id],
        ).fetchall()
        return Document(
            id=row[0],
            title=row[1],
            situation=row[2],
            meeting_date=row[3],
            report_symbol=row[4],
            symbol=row[5],
            source_file=row[6],
            imported_at=row[7],
            warnings=tuple(json.loads(row[8])),
            references=tuple(json.loads(row[9])),
            doc_kind=DocKind(row[10]) if row[10] in DocKind._value2member_map_ else DocKind.OTHER,
            meeting_number=row[11],
            cited_symbols=tuple(json.loads(row[12])),
            segments=tuple(Segment(Kind(k), t, lb, sec, ad) for k, t, lb, sec, ad in segs),
        )

    def find_document(self, key: str) -> Document:
        """A document by id, own symbol or report symbol."""
        key = key.strip()
        if key.isdigit():
            return self.get_document(int(key))
        row = self._connect().execute(
            "SELECT id FROM documents WHERE symbol = ? OR report_symbol = ? ORDER BY id LIMIT 1",
            [key, key],
        ).fetchone()
        if row is None:
            raise NotFound(f"no document with id or symbol {key!r} in the library")
        return self.get_document(int(row[0]))

    def update_metadata(self, doc_id: int, **fields: str) -> Document:
        bad = set(fields) - EDITABLE_FIELDS
        if bad:
            raise ValueError(f"cannot edit {', '.join(sorted(bad))}")
        if "doc_kind" in fields:
            fields["doc_kind"] = DocKind(fields["doc_kind"]).value
        self.get_document(doc_id)
        with self.transaction() as db:
            db.table("documents").update(doc_id, fields)
        return self.get_document(doc_id)

    def delete_document(self, doc_id: int) -> None:
        self.get_document(doc_id)
        with self.transaction() as db:
            db.execute("DELETE FROM segments WHERE document_id = ?", [doc_id])
            db.execute("DELETE FROM documents WHERE id = ?", [doc_id])

    def document_infos(self) -> dict[int, DocInfo]:
        rows = self._connect().execute("SELECT id, title, situation, meeting_date, symbol FROM documents")
        return {int(r[0]): DocInfo(int(r[0]), r[1], r[2], r[3] or "", r[4] or "") for r in rows}

    def all_segments(self) -> list[tuple[int, int, Segment]]:
        """(document id, position, segment) for every segment, for similarity search; a second
        copy of a document (`same_as`) is left out, so no result lists the same text twice."""
        rows = self._connect().execute(
            """SELECT s.document_id, s.position, s.kind, s.text, s.label, s.section, s.addressee
               FROM segments s JOIN documents d ON d.id = s.document_id
               WHERE d.same_as IS NULL ORDER BY s.document_id, s.position"""
        ).fetchall()
        return [(r[0], r[1], Segment(Kind(r[2]), r[3], r[4], r[5], r[6])) for r in rows]

    def indexed_documents(self) -> dict[int, str]:
        rows = self._connect().execute("SELECT id, content_hash FROM documents WHERE same_as IS NULL")
        return {int(r[0]): str(r[1]) for r in rows}

    def segments_of(self, document_ids: Sequence[int]) -> list[tuple[int, int, Segment]]:
        ids = sorted(set(self.indexed_documents()) & {int(i) for i in document_ids})
        out: list[tuple[int, int, Segment]] = []
        conn = self._connect()
        for start in range(0, len(ids), 500):  # SQLite's bound-parameter limit
            chunk = ids[start : start + 500]
            rows = conn.execute(
                f"""SELECT document_id, position, kind, text, label, section, addressee
                    FROM segments WHERE document_id IN ({', '.join('?' * len(chunk))})
                    ORDER BY document_id, position""", chunk).fetchall()
            out.extend((r[0], r[1], Segment(Kind(r[2]), r[3], r[4], r[5], r[6])) for r in rows)
        return out

    def segment_text(self, doc_id: int, position: int) -> str:
        row = self._connect().execute(
            "SELECT text FROM segments WHERE document_id = ? AND position = ?", [doc_id, position]
        ).fetchone()
        if row is None:
            raise NotFound(f"document {doc_id} has no segment at position {position}")
        return str(row[0])

    def counts(self) -> dict[str, int]:
        conn = self._connect()
        return {
            "documents": conn.execute("SELECT count(*) FROM documents").fetchone()[0],
            "segments": conn.execute("SELECT count(*) FROM segments").fetchone()[0],
        }

    def integrity_check(self) -> str:
        return str(self._connect().execute("PRAGMA integrity_check").fetchone()[0])

    # --- search and health -----------------------------------------------------------

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Full-text search; any text a person types is accepted (see `fts.fts_query`)."""
        conn = self._connect()
        if not fts.index_exists(conn):
            raise SearchIndexDamaged(
                f"{self.path}: the full-text index is missing; run `concord repair` to rebuild it")
        return fts.search(conn, query, limit, self.path)

    def check(self) -> list[str]:
        conn = self._connect()
        problems = [] if self.integrity_check() == "ok" else ["the file is damaged (integrity check failed)"]
        return problems + fts.index_problems(conn)

    def repair(self) -> list[str]:
        problems = fts.index_problems(self._connect())
        with self.transaction(documents=False) as db:
            fts.rebuild(db.conn)
        fts.attach_vocabulary(self._connect())
        return [f"{p}: rebuilt" for p in problems] or ["the full-text index was rebuilt"]

    # --- drafts (SQL in app.store.drafts) -------------------------------------------

    def create_draft(self, title: str, situation: str, segments: Sequence[Segment],
                     first_version: str = "") -> int:
        return draft_sql.create_draft(self, title, situation, segments, first_version)

    def get_draft(self, draft_id: int) -> Draft:
        return draft_sql.get_draft(self, draft_id)

    def list_drafts(self) -> list[DraftSummary]:
        return draft_sql.list_drafts(self)

    def save_head(self, draft_id: int, segments: Sequence[Segment], base: int | None = None) -> str:
        return draft_sql.save_head(self, draft_id, segments, base)

    def save_version(self, draft_id: int, name: str, segments: Sequence[Segment] | None = None) -> int:
        return draft_sql.save_version(self, draft_id, name, segments)

    def get_version(self, draft_id: int, number: int) -> DraftVersion:
        return draft_sql.get_version(self, draft_id, number)

    def update_draft(self, draft_id: int, *, title: str | None = None, situation: str | None = None) -> None:
        draft_sql.update_draft(self, draft_id, title=title, situation=situation)

    def review_marks(self, draft_id: int) -> tuple[ReviewMark, ...]:
        return draft_sql.review_marks(self, draft_id)

    def set_review_marks(self, draft_id: int, marks: Sequence[ReviewMark]) -> None:
        draft_sql.set_review_marks(self, draft_id, marks)

    def delete_draft(self, draft_id: int) -> None:
        draft_sql.delete_draft(self, draft_id)

    # --- copying -----------------------------------------------------------------------

    def restore(self, documents: Iterable[Document], drafts: Iterable[tuple[Draft, Sequence[DraftVersion]]],
                same_as: dict[int, int] | None = None) -> None:
        links = same_as or {}
        with self.transaction() as db:
            if db.execute("SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM drafts)"
                          ).fetchone()[0]:
                raise LibraryError(f"{self.path}: the library is not empty; copy into a new one")
            for doc in documents:
                db.execute(f"INSERT INTO documents (id, {DOCUMENT_COLUMNS}) VALUES ({', '.join('?' * 15)})",
                           [doc.id, *_document_row(doc)])
                assert doc.id is not None
                _insert_segments(db, doc.id, doc.segments)
            for doc_id, original in links.items():
                db.execute("UPDATE documents SET same_as = ? WHERE id = ?", [original, doc_id])
            draft_sql.restore_drafts(db, drafts)


DOCUMENT_COLUMNS = ("shape, title, situation, meeting_date, report_symbol, symbol, source_file, content_hash, "
                    "imported_at, warnings, refs, doc_kind, meeting_number, cited_symbols")


def _document_row(doc: Document) -> list[object]:
    """A document's `DOCUMENT_COLUMNS`."""
    return [doc.shape, doc.title, doc.situation, doc.meeting_date, doc.report_symbol, doc.symbol,
            doc.source_file, doc.content_hash, doc.imported_at or now_iso(), json.dumps(list(doc.warnings)),
            json.dumps(list(doc.references)), doc.doc_kind.value, doc.meeting_number,
            json.dumps(list(doc.cited_symbols))]


def _insert_segments(db: sqlite_utils.Database, doc_id: int, segments: Sequence[Segment]) -> None:
    # executemany, not sqlite-utils' insert_all: a tenth of the Python work per segment.
    db.conn.executemany(
        "INSERT INTO segments (document_id, position, kind, label, section, addressee, text)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(doc_id, i, s.kind.value, s.label, s.section, s.addressee, s.text) for i, s in enumerate(segments)],
    )
