"""The library: documents and segments in one SQLite file, searched through FTS5.

Every write is one transaction (BEGIN IMMEDIATE ... COMMIT), so a document is stored whole
or not at all; WAL and synchronous=FULL keep what was committed through a crash.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from app.errors import LibraryError, NotFound
from app.model import Document, DocumentSummary, Kind, SearchHit, Segment
from app.store.schema import migrate

_HL_START, _HL_END = "\x02", "\x03"


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class Library:
    """One library file. Not shared between threads: open one per thread."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.created = self.path == ":memory:" or not Path(self.path).exists()
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=10)
            conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            self.db = sqlite_utils.Database(conn)
            migrate(self.db)
            # The index's own terms, to expand prefix queries (see `_expand_prefixes`).
            conn.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.segments_vocab"
                " USING fts5vocab(main, segments_fts, row)"
            )
        except sqlite3.DatabaseError as e:
            raise LibraryError(f"{self.path}: not a Concord library or damaged ({e})") from e

    def close(self) -> None:
        self.db.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """All writes inside happen together or not at all."""
        conn = self.db.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    # --- documents -----------------------------------------------------------------

    def find_duplicate(self, content_hash: str) -> int | None:
        row = self.db.execute(
            "SELECT id FROM documents WHERE content_hash = ?", [content_hash]
        ).fetchone()
        return int(row[0]) if row else None

    def add_document(self, doc: Document) -> tuple[Document, bool]:
        """Store `doc`; returns (stored document, True) or (existing one, False) if a duplicate."""
        digest = doc.content_hash
        existing = self.find_duplicate(digest)
        if existing is not None:
            return self.get_document(existing), False
        imported_at = now_iso()
        with self.transaction() as db:
            db.table("documents").insert(
                {
                    "title": doc.title,
                    "situation": doc.situation,
                    "meeting_date": doc.meeting_date,
                    "report_symbol": doc.report_symbol,
                    "symbol": doc.symbol,
                    "source_file": doc.source_file,
                    "content_hash": digest,
                    "imported_at": imported_at,
                    "warnings": json.dumps(list(doc.warnings)),
                    "refs": json.dumps(list(doc.references)),
                }
            )
            doc_id = int(db.execute("SELECT last_insert_rowid()").fetchone()[0])
            db.table("segments").insert_all(
                (
                    {
                        "document_id": doc_id,
                        "position": i,
                        "kind": s.kind.value,
                        "label": s.label,
                        "section": s.section,
                        "addressee": s.addressee,
                        "text": s.text,
                    }
                    for i, s in enumerate(doc.segments)
                ),
                batch_size=500,
            )
        return self.get_document(doc_id), True

    def _summary(self, row: sqlite3.Row | tuple) -> DocumentSummary:
        return DocumentSummary(*row)

    def list_documents(self) -> list[DocumentSummary]:
        rows = self.db.execute(
            """SELECT d.id, d.title, d.situation, d.meeting_date, d.report_symbol, d.symbol,
                      d.source_file, d.imported_at,
                      (SELECT count(*) FROM segments s WHERE s.document_id = d.id)
               FROM documents d ORDER BY d.meeting_date DESC, d.id"""
        ).fetchall()
        return [self._summary(r) for r in rows]

    def get_document(self, doc_id: int) -> Document:
        row = self.db.execute(
            """SELECT id, title, situation, meeting_date, report_symbol, symbol, source_file,
                      imported_at, warnings, refs FROM documents WHERE id = ?""",
            [doc_id],
        ).fetchone()
        if row is None:
            raise NotFound(f"no document {doc_id} in the library")
        segs = self.db.execute(
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
            segments=tuple(Segment(Kind(k), t, lb, sec, ad) for k, t, lb, sec, ad in segs),
        )

    def find_document(self, key: str) -> Document:
        """A document by id, own symbol or report symbol."""
        key = key.strip()
        if key.isdigit():
            return self.get_document(int(key))
        row = self.db.execute(
            "SELECT id FROM documents WHERE symbol = ? OR report_symbol = ? ORDER BY id LIMIT 1",
            [key, key],
        ).fetchone()
        if row is None:
            raise NotFound(f"no document with id or symbol {key!r} in the library")
        return self.get_document(int(row[0]))

    def update_metadata(self, doc_id: int, **fields: str) -> Document:
        allowed = {"title", "situation", "meeting_date", "report_symbol", "symbol"}
        bad = set(fields) - allowed
        if bad:
            raise ValueError(f"cannot edit {', '.join(sorted(bad))}")
        self.get_document(doc_id)
        with self.transaction() as db:
            db.table("documents").update(doc_id, fields)
        return self.get_document(doc_id)

    def delete_document(self, doc_id: int) -> None:
        self.get_document(doc_id)
        with self.transaction() as db:
            db.execute("DELETE FROM segments WHERE document_id = ?", [doc_id])
            db.execute("DELETE FROM documents WHERE id = ?", [doc_id])

    def all_segments(self) -> list[tuple[int, int, Segment]]:
        """(document id, position, segment) for every segment, for similarity search."""
        rows = self.db.execute(
            """SELECT document_id, position, kind, text, label, section, addressee
               FROM segments ORDER BY document_id, position"""
        ).fetchall()
        return [(r[0], r[1], Segment(Kind(r[2]), r[3], r[4], r[5], r[6])) for r in rows]

    def counts(self) -> dict[str, int]:
        return {
            "documents": self.db.execute("SELECT count(*) FROM documents").fetchone()[0],
            "segments": self.db.execute("SELECT count(*) FROM segments").fetchone()[0],
        }

    def integrity_check(self) -> str:
        return str(self.db.execute("PRAGMA integrity_check").fetchone()[0])

    # --- search --------------------------------------------------------------------

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Full-text search; any text a person types is accepted (see `fts_query`)."""
        match = self._expand_prefixes(fts_query(query))
        if not match:
            return []
        rows = self.db.execute(
            f"""SELECT s.document_id, d.title, d.situation, s.position, s.label, s.kind,
                       highlight(segments_fts, 0, '{_HL_START}', '{_HL_END}')
                FROM segments_fts JOIN segments s ON s.id = segments_fts.rowid
                JOIN documents d ON d.id = s.document_id
                WHERE segments_fts MATCH ? ORDER BY bm25(segments_fts) LIMIT ?""",
            [match, limit],
        ).fetchall()
        hits = []
        for doc_id, title, situation, pos, label, kind, marked in rows:
            text, spans = _unmark(marked)
            hits.append(SearchHit(doc_id, title, situation, pos, label, kind, text, spans))
        return hits


    def _expand_prefixes(self, match: str) -> str:
        """Make `reintegrat*` find "reintegration" although the index holds Porter stems.

        The index stores "reintegr", which the prefix "reintegrat" does not start; so each
        prefix term becomes an OR of the indexed terms that it starts or that start it.
        """

        def expand(m: re.Match[str]) -> str:
            prefix = m.group(1).lower()
            if " " in prefix or len(prefix) < 3:
                return m.group(0)
            rows = self.db.execute(
                "SELECT term FROM temp.segments_vocab WHERE term >= ? AND term < ? LIMIT 500",
                [prefix[:3], prefix[:3] + "\U0010ffff"],
            ).fetchall()
            terms = [t for (t,) in rows if t.startswith(prefix) or (prefix.startswith(t) and len(t) >= 4)]
            if not terms:
                return m.group(0)
            return "(" + " OR ".join(f'"{t}"' for t in terms) + ")"

        return re.sub(r'"([^"]*)"\*', expand, match)


_TERM_RE = re.compile(r'"([^"]*)"|(\S+)')


def fts_query(text: str) -> str:
    """Turn what a person typed into a safe FTS5 query.

    Quoted text is a phrase, `word*` a prefix, an upper-case OR between terms an
    alternative; every other character is taken literally, so `5(n)`, `"unbalanced` or
    `NOT AND` never reach FTS5 as syntax.
    """
    parts: list[str] = []
    for m in _TERM_RE.finditer(text):
        phrase, word = m.group(1), m.group(2)
        if word == "OR":
            if parts and parts[-1] != "OR":
                parts.append("OR")
            continue
        raw = phrase if phrase is not None else word
        prefix = word is not None and word.endswith("*")
        tokens = re.findall(r"\w+", raw)
        if not tokens:
            continue
        quoted = '"' + " ".join(tokens) + '"'
        parts.append(quoted + ("*" if prefix else ""))
    while parts and parts[-1] == "OR":
        parts.pop()
    return " ".join(parts)


def _unmark(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    spans: list[tuple[int, int]] = []
    out: list[str] = []
    pos = 0
    start = 0
    for ch in marked:
        if ch == _HL_START:
            start = pos
        elif ch == _HL_END:
            spans.append((start, pos))
        else:
            out.append(ch)
            pos += 1
    return "".join(out), tuple(spans)
