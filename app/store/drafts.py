"""Drafts in the library: metadata, immutable versions and the autosaved working copy.

Segments are stored as JSON (kind, text, label, section, addressee): a version is read
back whole, never queried inside. Every write is one transaction, so a kill mid-write
leaves the previous working copy intact.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from app.errors import NotFound
from app.model import Draft, DraftSummary, DraftVersion, Kind, ReviewMark, Segment, VersionInfo
from app.store.clock import now_iso

if TYPE_CHECKING:
    from app.store.library import Library


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


def create_draft(lib: Library, title: str, situation: str, segments: Sequence[Segment],
                 first_version: str = "") -> int:
    """A new draft whose working copy is `segments`; `first_version` also saves it as version 1."""
    now = now_iso()
    body = segments_to_json(segments)
    with lib.transaction(documents=False) as db:
        db.execute("INSERT INTO drafts (title, situation, created_at, updated_at) VALUES (?, ?, ?, ?)",
                   [title, situation, now, now])
        draft_id = int(db.execute("SELECT last_insert_rowid()").fetchone()[0])
        db.execute("INSERT INTO draft_heads (draft_id, segments, saved_at) VALUES (?, ?, ?)",
                   [draft_id, body, now])
        if first_version:
            db.execute("INSERT INTO draft_versions (draft_id, number, name, saved_at, segments) "
                       "VALUES (?, 1, ?, ?, ?)", [draft_id, first_version, now, body])
    return draft_id


def _exists(lib: Library, draft_id: int) -> None:
    if lib.db.execute("SELECT 1 FROM drafts WHERE id = ?", [draft_id]).fetchone() is None:
        raise NotFound(f"no draft {draft_id} in the library")


def get_draft(lib: Library, draft_id: int) -> Draft:
    row = lib.db.execute(
        """SELECT d.id, d.title, d.situation, d.created_at, d.updated_at, h.segments, h.saved_at
           FROM drafts d JOIN draft_heads h ON h.draft_id = d.id WHERE d.id = ?""",
        [draft_id],
    ).fetchone()
    if row is None:
        raise NotFound(f"no draft {draft_id} in the library")
    versions = lib.db.execute(
        "SELECT number, name, saved_at FROM draft_versions WHERE draft_id = ? ORDER BY number",
        [draft_id],
    ).fetchall()
    return Draft(id=row[0], title=row[1], situation=row[2], created_at=row[3], updated_at=row[4],
                 head=segments_from_json(row[5]), head_saved_at=row[6],
                 versions=tuple(VersionInfo(*v) for v in versions))


def list_drafts(lib: Library) -> list[DraftSummary]:
    rows = lib.db.execute(
        """SELECT d.id, d.title, d.situation, d.updated_at,
                  (SELECT count(*) FROM draft_versions v WHERE v.draft_id = d.id),
                  coalesce((SELECT name FROM draft_versions v WHERE v.draft_id = d.id
                            ORDER BY number DESC LIMIT 1), '')
           FROM drafts d ORDER BY d.updated_at DESC, d.id DESC"""
    ).fetchall()
    return [DraftSummary(*r) for r in rows]


def save_head(lib: Library, draft_id: int, segments: Sequence[Segment]) -> str:
    """Autosave: replace the working copy in one transaction; returns the time saved."""
    now = now_iso()
    body = segments_to_json(segments)
    with lib.transaction(documents=False) as db:
        cur = db.execute("UPDATE draft_heads SET segments = ?, saved_at = ? WHERE draft_id = ?",
                         [body, now, draft_id])
        if cur.rowcount == 0:
            raise NotFound(f"no draft {draft_id} in the library")
        db.execute("UPDATE drafts SET updated_at = ? WHERE id = ?", [now, draft_id])
    return now


def save_version(lib: Library, draft_id: int, name: str, segments: Sequence[Segment] | None = None) -> int:
    """Freeze the working copy (or `segments`, which also become the working copy) as a new version."""
    _exists(lib, draft_id)
    now = now_iso()
    with lib.transaction(documents=False) as db:
        if segments is None:
            body = db.execute("SELECT segments FROM draft_heads WHERE draft_id = ?", [draft_id]).fetchone()[0]
        else:
            body = segments_to_json(segments)
            db.execute("UPDATE draft_heads SET segments = ?, saved_at = ? WHERE draft_id = ?",
                       [body, now, draft_id])
        number = int(db.execute("SELECT coalesce(max(number), 0) + 1 FROM draft_versions WHERE draft_id = ?",
                                [draft_id]).fetchone()[0])
        db.execute("INSERT INTO draft_versions (draft_id, number, name, saved_at, segments) VALUES (?, ?, ?, ?, ?)",
                   [draft_id, number, name, now, body])
        db.execute("UPDATE drafts SET updated_at = ? WHERE id = ?", [now, draft_id])
    return number


def get_version(lib: Library, draft_id: int, number: int) -> DraftVersion:
    row = lib.db.execute(
        "SELECT number, name, saved_at, segments FROM draft_versions WHERE draft_id = ? AND number = ?",
        [draft_id, number],
    ).fetchone()
    if row is None:
        _exists(lib, draft_id)
        raise NotFound(f"draft {draft_id} has no version {number}")
    return DraftVersion(draft_id, row[0], row[1], row[2], segments_from_json(row[3]))


def update_draft(lib: Library, draft_id: int, *, title: str | None = None, situation: str | None = None) -> None:
    _exists(lib, draft_id)
    fields = {k: v for k, v in (("title", title), ("situation", situation)) if v is not None}
    if not fields:
        return
    with lib.transaction(documents=False) as db:
        db.table("drafts").update(draft_id, {**fields, "updated_at": now_iso()})


def review_marks(lib: Library, draft_id: int) -> tuple[ReviewMark, ...]:
    _exists(lib, draft_id)
    rows = lib.db.execute(
        "SELECT row_index, start, end_, kind, note FROM draft_review_marks WHERE draft_id = ? ORDER BY seq",
        [draft_id],
    ).fetchall()
    return tuple(ReviewMark(*r) for r in rows)


def set_review_marks(lib: Library, draft_id: int, marks: Sequence[ReviewMark]) -> None:
    """Replace the draft's marks (the drafter reviewed some, or the replace step made them)."""
    _exists(lib, draft_id)
    with lib.transaction(documents=False) as db:
        db.execute("DELETE FROM draft_review_marks WHERE draft_id = ?", [draft_id])
        db.conn.executemany(
            "INSERT INTO draft_review_marks (draft_id, seq, row_index, start, end_, kind, note) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(draft_id, i, m.index, m.start, m.end, m.kind, m.note) for i, m in enumerate(marks)],
        )


def delete_draft(lib: Library, draft_id: int) -> None:
    _exists(lib, draft_id)
    with lib.transaction(documents=False) as db:
        db.execute("DELETE FROM draft_review_marks WHERE draft_id = ?", [draft_id])
        db.execute("DELETE FROM draft_versions WHERE draft_id = ?", [draft_id])
        db.execute("DELETE FROM draft_heads WHERE draft_id = ?", [draft_id])
        db.execute("DELETE FROM drafts WHERE id = ?", [draft_id])
