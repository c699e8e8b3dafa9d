"""Negotiation rounds in the library: the returns read against a version, the decisions taken
on their proposals, and the table of which author speaks for which delegation.

A return's proposals and comments are kept as one JSON body (read back whole, never queried
inside), like a draft's segments. A decision and the working copy it produces are written in
one transaction, so the next version never disagrees with what was decided. The SQL is
written once for both stores, as the drafts' is (`app.store.drafts.SqlLibrary`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from app.errors import NotFound
from app.model import Segment
from app.store.base import DecisionRecord, ReturnRecord, RoundRecord, Store
from app.store.clock import now_iso
from app.store.drafts import SqlLibrary, segments_to_json


def find_round(lib: SqlLibrary, draft_id: int, version: int) -> RoundRecord | None:
    rows = lib.rows("SELECT id, draft_id, version, created_at FROM rounds WHERE draft_id = ? AND version = ?",
                    [draft_id, version])
    return RoundRecord(*rows[0]) if rows else None


def open_round(lib: SqlLibrary, draft_id: int, version: int) -> RoundRecord:
    """The round on a draft's version, started on first use."""
    found = find_round(lib, draft_id, version)
    if found is not None:
        return found
    if not lib.rows("SELECT 1 FROM draft_versions WHERE draft_id = ? AND number = ?", [draft_id, version]):
        if not lib.rows("SELECT 1 FROM drafts WHERE id = ?", [draft_id]):
            raise NotFound(f"no draft {draft_id} in the library")
        raise NotFound(f"draft {draft_id} has no version {version}")
    with lib.transaction(documents=False, draft_id=draft_id) as tx:
        tx.execute("INSERT INTO rounds (draft_id, version, created_at) VALUES (?, ?, ?) "
                   "ON CONFLICT (draft_id, version) DO NOTHING", [draft_id, version, now_iso()])
    made = find_round(lib, draft_id, version)
    assert made is not None
    return made


def list_rounds(lib: SqlLibrary, draft_id: int) -> list[RoundRecord]:
    rows = lib.rows("SELECT id, draft_id, version, created_at FROM rounds WHERE draft_id = ? ORDER BY version",
                    [draft_id])
    return [RoundRecord(*r) for r in rows]


def _draft_of(lib: SqlLibrary, round_id: int) -> int:
    rows = lib.rows("SELECT draft_id FROM rounds WHERE id = ?", [round_id])
    if not rows:
        raise NotFound(f"no round {round_id} in the library")
    return int(rows[0][0])


def add_returns(lib: SqlLibrary, round_id: int, returns: Sequence[tuple[str, str, str, str]]) -> list[int]:
    """Store (file, kind, delegation, body) returns together; their ids, in order."""
    draft_id = _draft_of(lib, round_id)
    now = now_iso()
    ids = []
    with lib.transaction(documents=False, draft_id=draft_id) as tx:
        for file, kind, delegation, body in returns:
            ids.append(int(tx.execute(
                "INSERT INTO round_returns (round_id, file, kind, delegation, imported_at, body) "
                "VALUES (?, ?, ?, ?, ?, ?) RETURNING id", [round_id, file, kind, delegation, now, body]
            ).fetchone()[0]))
    return ids


def round_returns(lib: SqlLibrary, round_id: int) -> list[ReturnRecord]:
    rows = lib.rows("SELECT id, round_id, file, kind, delegation, imported_at, body FROM round_returns "
                    "WHERE round_id = ? ORDER BY id", [round_id])
    return [ReturnRecord(*r) for r in rows]


def delete_return(lib: SqlLibrary, return_id: int) -> None:
    rows = lib.rows("SELECT round_id FROM round_returns WHERE id = ?", [return_id])
    if not rows:
        raise NotFound(f"no return {return_id} in the library")
    round_id = int(rows[0][0])
    with lib.transaction(documents=False, draft_id=_draft_of(lib, round_id)) as tx:
        tx.execute("DELETE FROM round_decisions WHERE round_id = ? AND key LIKE ?", [round_id, f"{return_id}.%"])
        tx.execute("DELETE FROM round_returns WHERE id = ?", [return_id])


def round_decisions(lib: SqlLibrary, round_id: int) -> list[DecisionRecord]:
    rows = lib.rows("SELECT key, status, text, note, decided_at FROM round_decisions WHERE round_id = ? "
                    "ORDER BY key", [round_id])
    return [DecisionRecord(*r) for r in rows]


def set_round_decisions(lib: SqlLibrary, round_id: int, changes: Mapping[str, DecisionRecord | None],
                        head: Sequence[Segment] | None = None) -> None:
    """Record decisions (None: back to pending) and, with them, the draft's new working copy.

    The working copy's revision moves on as with any save, so an editor holding the copy
    from before is told rather than saving over the next version.
    """
    draft_id = _draft_of(lib, round_id)
    now, user = now_iso(), lib.user
    with lib.transaction(documents=False, draft_id=draft_id) as tx:
        for key, d in changes.items():
            tx.execute("DELETE FROM round_decisions WHERE round_id = ? AND key = ?", [round_id, key])
            if d is not None:
                tx.execute("INSERT INTO round_decisions (round_id, key, status, text, note, decided_at) "
                           "VALUES (?, ?, ?, ?, ?, ?)", [round_id, key, d.status, d.text, d.note, d.decided_at or now])
        if head is not None:
            tx.execute("UPDATE draft_heads SET segments = ?, saved_at = ?, saved_by = ?, revision = revision + 1 "
                       "WHERE draft_id = ?", [segments_to_json(head), now, user, draft_id])
            tx.execute("UPDATE drafts SET updated_at = ? WHERE id = ?", [now, draft_id])


def author_delegations(lib: SqlLibrary) -> dict[str, str]:
    return {str(a): str(d) for a, d in lib.rows("SELECT author, delegation FROM author_delegations ORDER BY author")}


def set_author_delegation(lib: SqlLibrary, author: str, delegation: str) -> None:
    """Say which delegation an author of tracked changes speaks for ("" forgets the author)."""
    with lib.transaction(documents=False) as tx:
        tx.execute("DELETE FROM author_delegations WHERE author = ?", [author])
        if delegation:
            tx.execute("INSERT INTO author_delegations (author, delegation) VALUES (?, ?)", [author, delegation])


def copy_rounds(source: Store, dest: Store) -> int:
    """Copy every draft's rounds (returns, decisions) and the author table into `dest`, whose
    drafts keep their ids (`app.store.copy`). Return ids are the new library's own, so each
    decision's proposal key ("3.2") is renamed after its return. Returns the rounds copied."""
    copied = 0
    for author, delegation in source.author_delegations().items():
        dest.set_author_delegation(author, delegation)
    for summary in source.list_drafts():
        for record in source.list_rounds(summary.id):
            made = dest.open_round(record.draft_id, record.version)
            returns = source.round_returns(record.id)
            ids = dest.add_returns(made.id, [(r.file, r.kind, r.delegation, r.body) for r in returns])
            renamed = {str(r.id): str(new) for r, new in zip(returns, ids, strict=True)}
            changes: dict[str, DecisionRecord | None] = {}
            for d in source.round_decisions(record.id):
                head, dot, tail = d.key.partition(".")
                key = f"{renamed[head]}.{tail}" if dot and head in renamed else d.key
                changes[key] = DecisionRecord(key, d.status, d.text, d.note, d.decided_at)
            dest.set_round_decisions(made.id, changes)
            copied += 1
    return copied
