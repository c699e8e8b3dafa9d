"""Full-text search on PostgreSQL: the same typed syntax as the SQLite store, as a tsquery.

The query is built from tsquery functions with the words as parameters (never spliced
into SQL or tsquery text), following `app.store.query`: NOT binds tighter than AND, AND
tighter than OR. Words are stemmed and unaccented by the `concord` text search
configuration, as the generated `segments.tsv` column is; a prefix (`reintegrat*`) is
stemmed too, so it finds "reintegration" whose stem is "reintegr".
"""

from __future__ import annotations

import unicodedata
from typing import Any

import psycopg

from app.errors import BadQuery, SearchIndexDamaged
from app.model import SearchHit
from app.store.fts import HL_END, HL_START, unmark
from app.store.postgres.schema import TS_CONFIG
from app.store.query import Query, Term, parse_query

CFG = f"'{TS_CONFIG}'::regconfig"
HEADLINE = f"StartSel={HL_START}, StopSel={HL_END}, HighlightAll=true"


def plain(word: str) -> str:
    """A word as the index holds an unstemmed word: lower case, accents removed."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _prefix(word: str, alone: bool) -> str:
    """A prefix as the SQLite store expands it: the index's words that start with what was
    typed, or (typed alone) that what was typed starts with, at least 4 letters long,
    since "reintegrat" starts the stem "reintegr" of "reintegration"."""
    raw = plain(word)  # \w characters only: nothing a tsquery would read as syntax
    lexemes = [f"'{raw}':*"]
    if alone and len(raw) >= 3:
        lexemes += [f"'{raw[:n]}'" for n in range(4, len(raw))]
    return " | ".join(lexemes)


def _term(t: Term, params: list[Any]) -> str:
    """One term as a tsquery expression."""
    words = list(t.words)
    last = words.pop() if t.prefix else None
    parts = []
    if words:
        params.append(" ".join(words))
        parts.append(f"phraseto_tsquery({CFG}, %s)")
    if last is not None:
        params.append(_prefix(last, alone=not words))
        parts.append("%s::tsquery")
    expr = parts[0]
    for p in parts[1:]:
        expr = f"tsquery_phrase({expr}, {p})"
    return expr


def tsquery_sql(query: Query) -> tuple[str, list[Any]]:
    """An SQL expression for the tsquery of `query`, and its parameters."""
    params: list[Any] = []
    alternatives = []
    for group in query.groups():
        expr = ""
        for op, t in group:
            term = _term(t, params)
            if not expr:
                expr = term if op == "AND" else f"!!{term}"
            else:
                expr = f"({expr} && {'!!' if op == 'NOT' else ''}{term})"
        alternatives.append(expr)
    return " || ".join(f"({a})" for a in alternatives), params


def search(conn: psycopg.Connection, text: str, limit: int, where: str) -> list[SearchHit]:
    query = parse_query(text)
    if query is None:
        return []
    expr, params = tsquery_sql(query)
    try:
        rows = conn.execute(
            f"""WITH q AS (SELECT {expr} AS q),
                     hits AS (SELECT s.id, s.document_id, s.position, s.label, s.kind, s.text,
                                     ts_rank_cd(s.tsv, q.q) AS rank
                              FROM segments s JOIN documents d ON d.id = s.document_id, q
                              WHERE s.tsv @@ q.q AND d.same_as IS NULL
                              ORDER BY rank DESC, s.id LIMIT %s)
                SELECT h.document_id, d.title, d.situation, h.position, h.label, h.kind,
                       ts_headline({CFG}, concord_words(h.text), q.q, %s), h.text
                FROM hits h JOIN documents d ON d.id = h.document_id, q
                ORDER BY h.rank DESC, h.id""",
            [*params, limit, HEADLINE],
        ).fetchall()
    except psycopg.errors.SyntaxError as e:  # a query the builder let through
        raise BadQuery(f"cannot search for {text[:60]!r}: {e}") from e
    except (psycopg.errors.UndefinedColumn, psycopg.errors.UndefinedObject) as e:
        raise SearchIndexDamaged(f"{where}: the full-text index is missing ({e}); "
                                 "run `concord repair` to rebuild it") from e
    hits = []
    for doc_id, title, situation, pos, label, kind, marked, text in rows:
        _, spans = unmark(marked)  # offsets into the text as stored: separators kept their length
        hits.append(SearchHit(doc_id, title, situation, pos, label, kind, text, spans))
    return hits
