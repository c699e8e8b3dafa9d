"""Opening a library file safely: tell a Concord library from anything else before writing.

Opening another program's SQLite database with write access would convert it (WAL mode,
our tables, `user_version`); so a file is first read through a read-only connection and
refused, untouched, unless it is empty or already a Concord library of a known version.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from app.errors import LibraryError, NotALibrary
from app.store.schema import SCHEMA_VERSION, newer_message

SQLITE_MAGIC = b"SQLite format 3\x00"
# Tables of every Concord schema version (the first migration's).
OUR_TABLES = {"documents", "segments"}


@dataclass(frozen=True, slots=True)
class FileState:
    """What a library file is before we touch it."""

    exists: bool  # a non-empty file is there
    version: int  # its schema version (0 for a new library)
    writable: bool  # we can write the file and the folder beside it (WAL needs both)


def uri(path: str, *, read_only: bool, immutable: bool = False) -> str:
    """An SQLite URI for `path`; `immutable` reads a file in a read-only folder without -shm."""
    params = "mode=ro" if read_only else "mode=rwc"
    if immutable:
        params += "&immutable=1"
    return f"file:{quote(os.path.abspath(path))}?{params}"


def connect_read_only(path: str, timeout: float) -> sqlite3.Connection:
    """A read-only connection; falls back to immutable for a folder we cannot write."""
    try:
        conn = sqlite3.connect(uri(path, read_only=True), uri=True, isolation_level=None,
                               timeout=timeout, check_same_thread=False)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn = sqlite3.connect(uri(path, read_only=True, immutable=True), uri=True,
                               isolation_level=None, timeout=timeout, check_same_thread=False)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn


def inspect(path: str) -> FileState:
    """Refuse, without writing a byte, a file that is not a Concord library we can open."""
    p = Path(path)
    folder_writable = os.access(p.parent if str(p.parent) else ".", os.W_OK)
    if not p.exists() or p.stat().st_size == 0:
        return FileState(False, 0, folder_writable)
    if p.is_dir():
        raise NotALibrary(f"{path}: is a folder, not a Concord library")
    try:
        with p.open("rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except OSError as e:
        raise LibraryError(f"{path}: cannot be read ({e.strerror or e})") from e
    if head != SQLITE_MAGIC:
        raise NotALibrary(f"{path}: not a Concord library (not an SQLite database); left untouched")
    try:
        conn = connect_read_only(path, timeout=10)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        raise NotALibrary(f"{path}: not a Concord library or damaged ({e}); left untouched") from e
    if version > SCHEMA_VERSION and tables >= OUR_TABLES:
        raise LibraryError(f"{path}: {newer_message(version)}")
    if version == 0 and not tables:
        return FileState(True, 0, folder_writable and os.access(p, os.W_OK))
    if version == 0 or not tables >= OUR_TABLES:
        found = ", ".join(sorted(tables)[:4]) + ("..." if len(tables) > 4 else "")
        raise NotALibrary(
            f"{path}: not a Concord library (another program's database with tables {found}); left untouched"
        )
    return FileState(True, version, folder_writable and os.access(p, os.W_OK))
