"""The library's schema as numbered migrations; the version lives in `PRAGMA user_version`."""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

from app.errors import LibraryError
from app.model import label_shape


def _m1_documents(db: sqlite_utils.Database) -> None:
    db.execute(
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            situation TEXT NOT NULL DEFAULT '',
            meeting_date TEXT NOT NULL DEFAULT '',
            report_symbol TEXT NOT NULL DEFAULT '',
            symbol TEXT NOT NULL DEFAULT '',
            source_file TEXT NOT NULL DEFAULT '',
            content_hash TEXT NOT NULL UNIQUE,
            imported_at TEXT NOT NULL,
            warnings TEXT NOT NULL DEFAULT '[]',
            refs TEXT NOT NULL DEFAULT '[]'
        )"""
    )
    db.execute(
        """
        CREATE TABLE segments (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL,
            label TEXT NOT NULL DEFAULT '',
            section TEXT NOT NULL DEFAULT '',
            addressee TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            UNIQUE (document_id, position)
        )"""
    )
    db.execute("CREATE INDEX segments_label ON segments(document_id, label)")
    # The same FTS5 table and triggers sqlite-utils' enable_fts() creates, written out here
    # so that they are part of this migration's transaction (enable_fts commits on its own).
    db.execute(
        """
        CREATE VIRTUAL TABLE segments_fts USING fts5(
            text, content='segments', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        )"""
    )
    db.execute(
        """CREATE TRIGGER segments_ai AFTER INSERT ON segments BEGIN
            INSERT INTO segments_fts(rowid, text) VALUES (new.id, new.text);
        END"""
    )
    db.execute(
        """CREATE TRIGGER segments_ad AFTER DELETE ON segments BEGIN
            INSERT INTO segments_fts(segments_fts, rowid, text) VALUES('delete', old.id, old.text);
        END"""
    )
    db.execute(
        """CREATE TRIGGER segments_au AFTER UPDATE ON segments BEGIN
            INSERT INTO segments_fts(segments_fts, rowid, text) VALUES('delete', old.id, old.text);
            INSERT INTO segments_fts(rowid, text) VALUES (new.id, new.text);
        END"""
    )


def _m2_drafts(db: sqlite_utils.Database) -> None:
    db.execute(
        """
        CREATE TABLE drafts (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            situation TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE draft_versions (
            id INTEGER PRIMARY KEY,
            draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            saved_at TEXT NOT NULL,
            segments TEXT NOT NULL,
            UNIQUE (draft_id, number)
        )"""
    )
    # The working copy: the unsaved head, rewritten on every autosave.
    db.execute(
        """
        CREATE TABLE draft_heads (
            draft_id INTEGER PRIMARY KEY REFERENCES drafts(id) ON DELETE CASCADE,
            segments TEXT NOT NULL,
            saved_at TEXT NOT NULL
        )"""
    )


def _m3_revisions_and_kinds(db: sqlite_utils.Database) -> None:
    """Ids never reused (AUTOINCREMENT), a revision counter, and each document's kind.

    SQLite cannot add AUTOINCREMENT to a table, so `documents` and `drafts` are rebuilt
    (foreign keys are off while migrations run; `foreign_key_check` runs before commit).
    """
    db.execute(
        """
        CREATE TABLE documents_new (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL,
            situation TEXT NOT NULL DEFAULT '',
            meeting_date TEXT NOT NULL DEFAULT '',
            report_symbol TEXT NOT NULL DEFAULT '',
            symbol TEXT NOT NULL DEFAULT '',
            source_file TEXT NOT NULL DEFAULT '',
            content_hash TEXT NOT NULL UNIQUE,
            imported_at TEXT NOT NULL,
            warnings TEXT NOT NULL DEFAULT '[]',
            refs TEXT NOT NULL DEFAULT '[]',
            doc_kind TEXT NOT NULL DEFAULT 'conclusions',
            meeting_number TEXT NOT NULL DEFAULT '',
            cited_symbols TEXT NOT NULL DEFAULT '[]',
            same_as INTEGER REFERENCES documents(id) ON DELETE SET NULL,
            shape TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute(
        """INSERT INTO documents_new (id, title, situation, meeting_date, report_symbol, symbol,
                  source_file, content_hash, imported_at, warnings, refs)
           SELECT id, title, situation, meeting_date, report_symbol, symbol, source_file,
                  content_hash, imported_at, warnings, refs FROM documents"""
    )
    db.execute("DROP TABLE documents")
    db.execute("ALTER TABLE documents_new RENAME TO documents")
    db.execute("CREATE INDEX documents_shape ON documents(shape)")
    for (doc_id,) in db.execute("SELECT id FROM documents").fetchall():
        labels = [r[0] for r in db.execute(
            "SELECT label FROM segments WHERE document_id = ? AND label != '' ORDER BY position", [doc_id])]
        db.execute("UPDATE documents SET shape = ? WHERE id = ?", [label_shape(labels), doc_id])
    db.execute(
        """
        CREATE TABLE drafts_new (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL,
            situation TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )"""
    )
    db.execute("INSERT INTO drafts_new SELECT id, title, situation, created_at, updated_at FROM drafts")
    db.execute("DROP TABLE drafts")
    db.execute("ALTER TABLE drafts_new RENAME TO drafts")
    # Ids already handed out before this migration stay used, even if their rows are gone.
    db.execute("CREATE TABLE concord_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)")
    db.execute("INSERT INTO concord_meta VALUES ('revision', 1), ('documents_revision', 1)")


def _m4_review_marks(db: sqlite_utils.Database) -> None:
    """Places of a new draft still to be reviewed (what the replace step changed or held)."""
    db.execute(
        """
        CREATE TABLE draft_review_marks (
            draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            row_index INTEGER NOT NULL,
            start INTEGER NOT NULL,
            end_ INTEGER NOT NULL,
            kind TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (draft_id, seq)
        )"""
    )


def _m5_draft_authors(db: sqlite_utils.Database) -> None:
    """Who made each draft change, and a revision of each working copy so that a save
    based on an older copy than the stored one is caught instead of overwriting it."""
    db.execute("ALTER TABLE drafts ADD COLUMN created_by TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE draft_versions ADD COLUMN saved_by TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE draft_heads ADD COLUMN saved_by TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE draft_heads ADD COLUMN revision INTEGER NOT NULL DEFAULT 1")


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _m1_documents, _m2_drafts, _m3_revisions_and_kinds, _m4_review_marks, _m5_draft_authors,
]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite_utils.Database) -> list[int]:
    """Bring the schema up to date, one transaction per migration; returns those applied."""
    applied: list[int] = []
    current = schema_version(db)
    if current > SCHEMA_VERSION:
        raise LibraryError(newer_message(current))
    conn = db.conn
    if current == SCHEMA_VERSION:
        return applied
    conn.execute("PRAGMA foreign_keys = OFF")  # table rebuilds; checked before each commit
    try:
        for number in range(current + 1, SCHEMA_VERSION + 1):
            conn.execute("BEGIN IMMEDIATE")
            try:
                MIGRATIONS[number - 1](db)
                if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                    raise LibraryError(f"migration {number} would break the library's links; not applied")
                conn.execute(f"PRAGMA user_version = {number}")
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            applied.append(number)
    finally:
        conn.execute("PRAGMA foreign_keys = ON")
    return applied


def newer_message(found: int, known: int = SCHEMA_VERSION) -> str:
    return (f"this library was written by a newer Concord (schema version {found}; this program "
            f"knows up to version {known}): update Concord to open it")
