"""Drafts in the library: metadata, immutable versions and the autosaved working copy.

Segments are stored as JSON (kind, text, label, section, addressee): a version is read
back whole, never queried inside. Every write is one transaction, so a kill mid-write
leaves the previous working copy intact. Every change records who made it (the store's
`user`), which a Word redline of the draft uses as its tracked-change author.

The SQL here is written once for both stores (`?` placeholders, `RETURNING`); each store
gives it `rows()` for reads and `transaction()` for writes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from app.errors import DraftConflict, NotFound
from app.model import Draft, DraftSummary, DraftVersion, Kind, ReviewMark, Segment, VersionInfo
from app.store.clock import now_iso


class Executor(Protocol):
    """A transaction's connection: `execute` returns a DB-API cursor."""

    def execute(self, sql: str, params: Any = ..., /) -> Any: ...


class SqlLibrary(Protocol):
    """What the draft SQL needs of a store."""

    @property
    def user(self) -> str: ...

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...

    def transaction(self, *, documents: bool = True,
                    draft_id: int | None = None) -> AbstractContextManager[Any]: ...


def segments_to_json(segments: Sequence[Segment]) -> str:
    return json.dumps(
        [{"kind": s.kind.value, "text": s.text, "label": s.label, "section": s.section,
          "addressee": s.addressee} for s in segments],
        ensure_ascii=False,
    )


def segments_from_json(data: str) -> tuple[Segment, ...]:
    return tuple(
        Segment(Kind(d["kind"]), d["text"], d.get("label", ""), d.get("section", ""), d.get("addressee", ""))
        for d in json.loads(data)
    )


def create_draft(lib: SqlLibrary, title: str, situation: str, segments: Sequence[Segment],
                 first_version: str = "") -> int:
    """A new draft whose working copy is `segments`; `first_version` also saves it as version 1."""
    now, user = now_iso(), lib.user
    body = segments_to_json(segments)
    with lib.transaction(documents=False) as tx:
        draft_id = int(tx.execute(
            "INSERT INTO drafts (title, situation, created_at, updated_at, created_by) "
            "VALUES (?, ?, ?, ?, ?) RETURNING id", [title, situation, now, now, user]).fetchone()[0])
        tx.execute("INSERT INTO draft_heads (draft_id, segments, saved_at, saved_by, revision) "
                   "VALUES (?, ?, ?, ?, 1)", [draft_id, body, now, user])
        if first_version:
            tx.execute("INSERT INTO draft_versions (draft_id, number, name, saved_at, segments, saved_by) "
                       "VALUES (?, 1, ?, ?, ?, ?)", [draft_id, first_version, now, body, user])
    return draft_id


def _exists(lib: SqlLibrary, draft_id: int) -> None:
    if not lib.rows("SELECT 1 FROM drafts WHERE id = ?", [draft_id]):
        raise NotFound(f"no draft {draft_id} in the library")


def get_draft(lib: SqlLibrary, draft_id: int) -> Draft:
    rows = lib.rows(
        """SELECT d.id, d.title, d.situation, d.created_at, d.updated_at, h.segments, h.saved_at,
                  h.revision, h.saved_by, d.created_by
           FROM drafts d JOIN draft_heads h ON h.draft_id = d.id WHERE d.id = ?""",
        [draft_id],
    )
    if not rows:
        raise NotFound(f"no draft {draft_id} in the library")
    row = rows[0]
    versions = lib.rows(
        "SELECT number, name, saved_at, saved_by FROM draft_versions WHERE draft_id = ? ORDER BY number",
        [draft_id],
    )
    return Draft(id=row[0], title=row[1], situation=row[2], created_at=row[3], updated_at=row[4],
                 head=segments_from_json(row[5]), head_saved_at=row[6],
                 versions=tuple(VersionInfo(*v) for v in versions),
                 head_revision=int(row[7]), head_saved_by=row[8], created_by=row[9])


def list_drafts(lib: SqlLibrary) -> list[DraftSummary]:
    rows = lib.rows(
        """SELECT d.id, d.title, d.situation, d.updated_at,
                  (SELECT count(*) FROM draft_versions v WHERE v.draft_id = d.id),
                  coalesce((SELECT name FROM draft_versions v WHERE v.draft_id = d.id
                            ORDER BY number DESC LIMIT 1), '')
           FROM drafts d ORDER BY d.updated_at DESC, d.id DESC"""
    )
    return [DraftSummary(*r) for r in rows]


def save_head(lib: SqlLibrary, draft_id: int, segments: Sequence[Segment], base: int | None = None) -> str:
    """Autosave: replace the working copy in one transaction; returns the time saved.

    The revision check is part of the UPDATE itself, so two saves from the same base can
    never both succeed: the second finds the revision moved on and changes nothing.
    """
    now, user = now_iso(), lib.user
    body = segments_to_json(segments)
    check = "" if base is None else " AND revision = ?"
    with lib.transaction(documents=False, draft_id=draft_id) as tx:
        cur = tx.execute(f"UPDATE draft_heads SET segments = ?, saved_at = ?, saved_by = ?, "
                         f"revision = revision + 1 WHERE draft_id = ?{check}",
                         [body, now, user, draft_id, *([] if base is None else [base])])
        if cur.rowcount == 0:
            stored = tx.execute("SELECT revision, saved_by, saved_at, segments FROM draft_heads "
                                "WHERE draft_id = ?", [draft_id]).fetchone()
            if stored is None:
                raise NotFound(f"no draft {draft_id} in the library")
            raise DraftConflict(
                f"draft {draft_id} was saved by {stored[1] or 'someone else'} at {stored[2]} "
                "since you opened it; your changes were not saved over theirs",
                draft_id=draft_id, revision=int(stored[0]), saved_by=stored[1], saved_at=stored[2],
                stored=segments_from_json(stored[3]))
        tx.execute("UPDATE drafts SET updated_at = ? WHERE id = ?", [now, draft_id])
    return now


def save_version(lib: SqlLibrary, draft_id: int, name: str, segments: Sequence[Segment] | None = None) -> int:
    """Freeze the working copy (or `segments`, which also become the working copy) as a new version."""
    _exists(lib, draft_id)
    now, user = now_iso(), lib.user
    with lib.transaction(documents=False, draft_id=draft_id) as tx:
        if segments is None:
            body = tx.execute("SELECT segments FROM draft_heads WHERE draft_id = ?", [draft_id]).fetchone()[0]
        else:
            body = segments_to_json(segments)
            tx.execute("UPDATE draft_heads SET segments = ?, saved_at = ?, saved_by = ?, "
                       "revision = revision + 1 WHERE draft_id = ?", [body, now, user, draft_id])
        # Two people saving a version at once: the row lock on the draft orders them.
        tx.execute("UPDATE drafts SET updated_at = ? WHERE id = ?", [now, draft_id])
        number = int(tx.execute("SELECT coalesce(max(number), 0) + 1 FROM draft_versions WHERE draft_id = ?",
                                [draft_id]).fetchone()[0])
        tx.execute("INSERT INTO draft_versions (draft_id, number, name, saved_at, segments, saved_by) "
                   "VALUES (?, ?, ?, ?, ?, ?)", [draft_id, number, name, now, body, user])
    return number


def get_version(lib: SqlLibrary, draft_id: int, number: int) -> DraftVersion:
    rows = lib.rows(
        "SELECT number, name, saved_at, segments, saved_by FROM draft_versions "
        "WHERE draft_id = ? AND number = ?",
        [draft_id, number],
    )
    if not rows:
        _exists(lib, draft_id)
        raise NotFound(f"draft {draft_id} has no version {number}")
    n, name, saved_at, body, saved_by = rows[0]
    return DraftVersion(draft_id, n, name, saved_at, segments_from_json(body), saved_by)


def update_draft(lib: SqlLibrary, draft_id: int, *, title: str | None = None, situation: str | None = None) -> None:
    _exists(lib, draft_id)
    fields = {k: v for k, v in (("title", title), ("situation", situation)) if v is not None}
    if not fields:
        return
    sets = ", ".join(f"{k} = ?" for k in fields)
    with lib.transaction(documents=False, draft_id=draft_id) as tx:
        tx.execute(f"UPDATE drafts SET {sets}, updated_at = ? WHERE id = ?",
                   [*fields.values(), now_iso(), draft_id])


def review_marks(lib: SqlLibrary, draft_id: int) -> tuple[ReviewMark, ...]:
    _exists(lib, draft_id)
    rows = lib.rows(
        "SELECT row_index, start, end_, kind, note FROM draft_review_marks WHERE draft_id = ? ORDER BY seq",
        [draft_id],
    )
    return tuple(ReviewMark(*r) for r in rows)


def set_review_marks(lib: SqlLibrary, draft_id: int, marks: Sequence[ReviewMark]) -> None:
    """Replace the draft's marks (the drafter reviewed some, or the replace step made them)."""
    _exists(lib, draft_id)
    with lib.transaction(documents=False, draft_id=draft_id) as tx:
        tx.execute("DELETE FROM draft_review_marks WHERE draft_id = ?", [draft_id])
        for i, m in enumerate(marks):
            tx.execute("INSERT INTO draft_review_marks (draft_id, seq, row_index, start, end_, kind, note) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)", [draft_id, i, m.index, m.start, m.end, m.kind, m.note])


def delete_draft(lib: SqlLibrary, draft_id: int) -> None:
    _exists(lib, draft_id)
    with lib.transaction(documents=False, draft_id=draft_id) as tx:
        tx.execute("DELETE FROM draft_review_marks WHERE draft_id = ?", [draft_id])
        tx.execute("DELETE FROM draft_versions WHERE draft_id = ?", [draft_id])
        tx.execute("DELETE FROM draft_heads WHERE draft_id = ?", [draft_id])
        tx.execute("DELETE FROM drafts WHERE id = ?", [draft_id])


def restore_drafts(tx: Executor, drafts: Iterable[tuple[Draft, Sequence[DraftVersion]]]) -> int:
    """Insert drafts as another library stores them, ids and authors kept; returns the largest id."""
    top = 0
    for d, versions in drafts:
        tx.execute("INSERT INTO drafts (id, title, situation, created_at, updated_at, created_by) "
                   "VALUES (?, ?, ?, ?, ?, ?)",
                   [d.id, d.title, d.situation, d.created_at, d.updated_at, d.created_by])
        tx.execute("INSERT INTO draft_heads (draft_id, segments, saved_at, saved_by, revision) "
                   "VALUES (?, ?, ?, ?, ?)",
                   [d.id, segments_to_json(d.head), d.head_saved_at, d.head_saved_by, d.head_revision])
        for v in versions:
            tx.execute("INSERT INTO draft_versions (draft_id, number, name, saved_at, segments, saved_by) "
                       "VALUES (?, ?, ?, ?, ?, ?)",
                       [d.id, v.number, v.name, v.saved_at, segments_to_json(v.segments), v.saved_by])
        top = max(top, d.id)
    return top
