"""Documents and segments in PostgreSQL: the SQL of `PgLibrary`'s document methods."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import psycopg

from app.errors import LibraryError, NotFound
from app.model import DocKind, Document, DocumentSummary, Draft, DraftVersion, Kind, Segment
from app.store.base import EDITABLE_FIELDS
from app.store.clock import now_iso
from app.store.drafts import restore_drafts

if TYPE_CHECKING:
    from app.store.postgres.library import Tx

COLUMNS = ("shape, title, situation, meeting_date, report_symbol, symbol, source_file, content_hash, "
           "imported_at, warnings, refs, doc_kind, meeting_number, cited_symbols")
SEGMENT_COPY = "COPY segments (document_id, position, kind, label, section, addressee, text) FROM STDIN"


def _row(doc: Document) -> list[Any]:
    return [doc.shape, doc.title, doc.situation, doc.meeting_date, doc.report_symbol, doc.symbol, doc.source_file,
            doc.content_hash, doc.imported_at or now_iso(), json.dumps(list(doc.warnings)),
            json.dumps(list(doc.references)), doc.doc_kind.value, doc.meeting_number,
            json.dumps(list(doc.cited_symbols))]


def _copy_segments(conn: psycopg.Connection, doc_id: int, segments: Sequence[Segment]) -> None:
    with conn.cursor().copy(SEGMENT_COPY) as copy:
        for i, s in enumerate(segments):
            copy.write_row((doc_id, i, s.kind.value, s.label, s.section, s.addressee, s.text))


def find_duplicate(conn: psycopg.Connection, content_hash: str) -> int | None:
    row = conn.execute("SELECT id FROM documents WHERE content_hash = %s", [content_hash]).fetchone()
    return int(row[0]) if row else None


def insert(conn: psycopg.Connection, doc: Document, same_as: int | None = None) -> tuple[int, bool]:
    """Store `doc` (inside a transaction); (its id, True), or (the id of the same text, False).

    Another user importing the same text at the same moment: the unique content hash makes
    the second insert wait for the first and then store nothing.
    """
    row = conn.execute(
        f"INSERT INTO documents (same_as, {COLUMNS}) VALUES ({', '.join(['%s'] * 15)}) "
        "ON CONFLICT (content_hash) DO NOTHING RETURNING id",
        [same_as, *_row(replace(doc, imported_at=now_iso()))],
    ).fetchone()
    if row is None:
        existing = find_duplicate(conn, doc.content_hash)
        assert existing is not None
        return existing, False
    doc_id = int(row[0])
    _copy_segments(conn, doc_id, doc.segments)
    return doc_id, True


def replace_document(conn: psycopg.Connection, doc_id: int, doc: Document) -> None:
    """`doc`'s text and metadata in place of document `doc_id`, which keeps its id."""
    conn.execute("DELETE FROM segments WHERE document_id = %s", [doc_id])
    sets = ", ".join(f"{c} = %s" for c in COLUMNS.split(", "))
    conn.execute(f"UPDATE documents SET {sets} WHERE id = %s", [*_row(replace(doc, imported_at=now_iso())), doc_id])
    _copy_segments(conn, doc_id, doc.segments)


def documents_shaped(conn: psycopg.Connection, shape: str) -> list[int]:
    rows = conn.execute("SELECT id FROM documents WHERE shape = %s AND same_as IS NULL ORDER BY id", [shape])
    return [int(r[0]) for r in rows]


def list_documents(conn: psycopg.Connection) -> list[DocumentSummary]:
    rows = conn.execute(
        """SELECT d.id, d.title, d.situation, d.meeting_date, d.report_symbol, d.symbol,
                  d.source_file, d.imported_at,
                  (SELECT count(*) FROM segments s WHERE s.document_id = d.id),
                  d.doc_kind, d.meeting_number, d.same_as
           FROM documents d ORDER BY d.meeting_date DESC, d.id"""
    ).fetchall()
    return [DocumentSummary(*r) for r in rows]


def get_document(conn: psycopg.Connection, doc_id: int) -> Document:
    row = conn.execute(
        """SELECT id, title, situation, meeting_date, report_symbol, symbol, source_file,
                  imported_at, warnings, refs, doc_kind, meeting_number, cited_symbols
           FROM documents WHERE id = %s""", [doc_id]).fetchone()
    if row is None:
        raise NotFound(f"no document {doc_id} in the library")
    segs = conn.execute("SELECT kind, text, label, section, addressee FROM segments "
                        "WHERE document_id = %s ORDER BY position", [doc_id]).fetchall()
    return Document(
        id=row[0], title=row[1], situation=row[2], meeting_date=row[3], report_symbol=row[4],
        symbol=row[5], source_file=row[6], imported_at=row[7], warnings=tuple(json.loads(row[8])),
        references=tuple(json.loads(row[9])),
        doc_kind=DocKind(row[10]) if row[10] in DocKind._value2member_map_ else DocKind.OTHER,
        meeting_number=row[11], cited_symbols=tuple(json.loads(row[12])),
        segments=tuple(Segment(Kind(k), t, lb, sec, ad) for k, t, lb, sec, ad in segs),
    )


def update_metadata(conn: psycopg.Connection, doc_id: int, fields: dict[str, str]) -> None:
    bad = set(fields) - EDITABLE_FIELDS
    if bad:
        raise ValueError(f"cannot edit {', '.join(sorted(bad))}")
    if "doc_kind" in fields:
        fields = {**fields, "doc_kind": DocKind(fields["doc_kind"]).value}
    if fields:
        sets = ", ".join(f"{k} = %s" for k in fields)  # names checked against EDITABLE_FIELDS
        conn.execute(f"UPDATE documents SET {sets} WHERE id = %s", [*fields.values(), doc_id])


def all_segments(conn: psycopg.Connection) -> list[tuple[int, int, Segment]]:
    rows = conn.execute("SELECT s.document_id, s.position, s.kind, s.text, s.label, s.section, s.addressee "
                        "FROM segments s JOIN documents d ON d.id = s.document_id "
                        "WHERE d.same_as IS NULL ORDER BY s.document_id, s.position").fetchall()
    return [(int(r[0]), int(r[1]), Segment(Kind(r[2]), r[3], r[4], r[5], r[6])) for r in rows]


def indexed_documents(conn: psycopg.Connection) -> dict[int, str]:
    rows = conn.execute("SELECT id, content_hash FROM documents WHERE same_as IS NULL").fetchall()
    return {int(r[0]): str(r[1]) for r in rows}


def segments_of(conn: psycopg.Connection, document_ids: list[int]) -> list[tuple[int, int, Segment]]:
    """`all_segments` for these documents (copies left out)."""
    rows = conn.execute("SELECT s.document_id, s.position, s.kind, s.text, s.label, s.section, s.addressee "
                        "FROM segments s JOIN documents d ON d.id = s.document_id "
                        "WHERE d.same_as IS NULL AND s.document_id = ANY(%s) "
                        "ORDER BY s.document_id, s.position", [document_ids]).fetchall()
    return [(int(r[0]), int(r[1]), Segment(Kind(r[2]), r[3], r[4], r[5], r[6])) for r in rows]


def index_problems(conn: psycopg.Connection) -> list[str]:
    """Empty when the full-text index exists and is valid."""
    row = conn.execute("SELECT i.indisvalid FROM pg_index i WHERE i.indexrelid = to_regclass('segments_tsv')"
                       ).fetchone()
    if row is None:
        return ["the full-text index is missing"]
    if not row[0]:
        return ["the full-text index is damaged (marked invalid)"]
    return []


def rebuild_index(conn: psycopg.Connection) -> None:
    conn.execute("DROP INDEX IF EXISTS segments_tsv")
    conn.execute("CREATE INDEX segments_tsv ON segments USING gin (tsv)")


def restore(tx: Tx, documents: Iterable[Document], drafts: Iterable[tuple[Draft, Sequence[DraftVersion]]],
            same_as: dict[int, int]) -> None:
    """Fill an empty library, ids kept; the id sequences then continue after the largest."""
    conn = tx.conn
    if conn.execute("SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM drafts)").fetchone()[0]:  # type: ignore[index]
        raise LibraryError("the library is not empty; copy into a new one")
    for doc in documents:
        conn.execute(f"INSERT INTO documents (id, {COLUMNS}) VALUES ({', '.join(['%s'] * 15)})",
                     [doc.id, *_row(doc)])
        assert doc.id is not None
        _copy_segments(conn, doc.id, doc.segments)
    for doc_id, original in same_as.items():
        conn.execute("UPDATE documents SET same_as = %s WHERE id = %s", [original, doc_id])
    restore_drafts(tx, drafts)
    for table in ("documents", "drafts"):
        conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                     f"(SELECT coalesce(max(id), 0) + 1 FROM {table}), false)")
