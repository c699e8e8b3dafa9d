"""Full-text search in SQLite: what a person typed, made into a safe FTS5 query.

The index (`segments_fts`, Porter stems over unicode61) is kept by triggers on `segments`;
this module builds the MATCH expression, expands prefixes against the index's own terms,
and knows how to check and rebuild the index.
"""

from __future__ import annotations

import re
import sqlite3

from app.errors import BadQuery, SearchIndexDamaged
from app.model import SearchHit
from app.store.query import Term, parse_query

HL_START, HL_END = "\x02", "\x03"
TOKENIZER = "porter unicode61 remove_diacritics 2"

FTS_TABLE_SQL = f"""CREATE VIRTUAL TABLE segments_fts USING fts5(
    text, content='segments', content_rowid='id', tokenize='{TOKENIZER}')"""
FTS_TRIGGERS_SQL = (
    """CREATE TRIGGER segments_ai AFTER INSERT ON segments BEGIN
        INSERT INTO segments_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER segments_ad AFTER DELETE ON segments BEGIN
        INSERT INTO segments_fts(segments_fts, rowid, text) VALUES('delete', old.id, old.text);
    END""",
    """CREATE TRIGGER segments_au AFTER UPDATE ON segments BEGIN
        INSERT INTO segments_fts(segments_fts, rowid, text) VALUES('delete', old.id, old.text);
        INSERT INTO segments_fts(rowid, text) VALUES (new.id, new.text);
    END""",
)


def fts_query(text: str) -> str:
    """What a person typed (see `app.store.query`) as a safe FTS5 query.

    Terms are joined by an explicit AND (FTS5 refuses an implicit AND after a
    parenthesised group, which is what a prefix expands to).
    """
    query = parse_query(text)
    if query is None:
        return ""

    def term(t: Term) -> str:
        return '"' + " ".join(t.words) + '"' + ("*" if t.prefix else "")

    parts = [term(query.first)]
    for op, t in query.rest:
        parts += [op, term(t)]
    return " ".join(parts)


def expand_prefixes(conn: sqlite3.Connection, match: str) -> str:
    """Make `reintegrat*` find "reintegration" although the index holds Porter stems.

    The index stores "reintegr", which the prefix "reintegrat" does not start; so a prefix
    also matches the indexed terms that it starts (at least 4 letters long). The prefix
    itself stays a prefix query: an indexed term written out as a word would be stemmed
    once more ("releas" to "relea") and miss.
    """

    def expand(m: re.Match[str]) -> str:
        prefix = m.group(1).lower()
        if " " in prefix or len(prefix) < 3:
            return m.group(0)
        rows = conn.execute(
            "SELECT term FROM temp.segments_vocab WHERE term >= ? AND term < ? LIMIT 500",
            [prefix[:3], prefix[:3] + "\U0010ffff"],
        ).fetchall()
        terms = [t for (t,) in rows if prefix.startswith(t) and len(t) >= 4 and t != prefix]
        if not terms:
            return m.group(0)
        return "(" + " OR ".join([m.group(0)] + [f'"{t}"' for t in terms]) + ")"

    return re.sub(r'"([^"]*)"\*', expand, match)


def search(conn: sqlite3.Connection, query: str, limit: int, where: str) -> list[SearchHit]:
    """The best `limit` segments for `query`; `where` names the library in an error."""
    match = fts_query(query)
    if not match:
        return []
    try:
        match = expand_prefixes(conn, match)
        rows = conn.execute(
            f"""SELECT s.document_id, d.title, d.situation, s.position, s.label, s.kind,
                       highlight(segments_fts, 0, '{HL_START}', '{HL_END}')
                FROM segments_fts JOIN segments s ON s.id = segments_fts.rowid
                JOIN documents d ON d.id = s.document_id
                WHERE segments_fts MATCH ? AND d.same_as IS NULL ORDER BY bm25(segments_fts) LIMIT ?""",
            [match, limit],
        ).fetchall()
    except sqlite3.DatabaseError as e:
        if "syntax error" in str(e):  # a query the builder let through
            raise BadQuery(f"cannot search for {query[:60]!r}: {e}") from e
        raise SearchIndexDamaged(
            f"{where}: the full-text index is damaged ({e}); run `concord repair` to rebuild it"
        ) from e
    hits = []
    for doc_id, title, situation, pos, label, kind, marked in rows:
        text, spans = unmark(marked)
        hits.append(SearchHit(doc_id, title, situation, pos, label, kind, text, spans))
    return hits


def index_exists(conn: sqlite3.Connection) -> bool:
    return conn.execute(
        "SELECT 1 FROM sqlite_master WHERE name = 'segments_fts' AND type = 'table'"
    ).fetchone() is not None


def index_problems(conn: sqlite3.Connection) -> list[str]:
    """Empty when the full-text index exists and agrees with the segments."""
    if not index_exists(conn):
        return ["the full-text index is missing"]
    try:
        conn.execute("INSERT INTO segments_fts(segments_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as e:
        return [f"the full-text index is damaged ({e})"]
    return []


def rebuild(conn: sqlite3.Connection) -> None:
    """Recreate the full-text index and its triggers from the segments (inside a transaction)."""
    for trigger in ("segments_ai", "segments_ad", "segments_au"):
        conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    conn.execute("DROP TABLE IF EXISTS segments_fts")
    conn.execute(FTS_TABLE_SQL)
    for sql in FTS_TRIGGERS_SQL:
        conn.execute(sql)
    conn.execute("INSERT INTO segments_fts(segments_fts) VALUES ('rebuild')")


def attach_vocabulary(conn: sqlite3.Connection) -> None:
    """The index's own terms, per connection, for `expand_prefixes`."""
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.segments_vocab USING fts5vocab(main, segments_fts, row)"
    )


def unmark(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Text without highlight marks, and the spans they enclosed."""
    spans: list[tuple[int, int]] = []
    out: list[str] = []
    pos = 0
    start = 0
    for ch in marked:
        if ch == HL_START:
            start = pos
        elif ch == HL_END:
            spans.append((start, pos))
        else:
            out.append(ch)
            pos += 1
    return "".join(out), tuple(spans)
