"""Negotiation rounds in the library: the returns read against a version, the decisions taken
on their proposals, and the table of which author speaks for which delegation.

A return's proposals and comments are kept as one JSON body (read back whole, never queried
inside), like a draft's segments. A decision and the working copy it produces are written in
one transaction, so the next version never disagrees with what was decided.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from app.errors import NotFound
from app.model import Segment
from app.store.base import DecisionRecord, ReturnRecord, RoundRecord
from app.store.clock import now_iso
from app.store.drafts import segments_to_json

if TYPE_CHECKING:
    from app.store.library import Library


def find_round(lib: Library, draft_id: int, version: int) -> RoundRecord | None:
    row = lib.db.execute("SELECT id, draft_id, version, created_at FROM rounds WHERE draft_id = ? AND version = ?",
                         [draft_id, version]).fetchone()
    return RoundRecord(*row) if row else None


def open_round(lib: Library, draft_id: int, version: int) -> RoundRecord:
    """The round on a draft's version, started on first use."""
    found = find_round(lib, draft_id, version)
    if found is not None:
        return found
    lib.get_version(draft_id, version)  # NotFound for a draft or version that is not there
    with lib.transaction(documents=False) as db:
        db.execute("INSERT OR IGNORE INTO rounds (draft_id, version, created_at) VALUES (?, ?, ?)",
                   [draft_id, version, now_iso()])
    made = find_round(lib, draft_id, version)
    assert made is not None
    return made


def list_rounds(lib: Library, draft_id: int) -> list[RoundRecord]:
    rows = lib.db.execute("SELECT id, draft_id, version, created_at FROM rounds WHERE draft_id = ? ORDER BY version",
                          [draft_id]).fetchall()
    return [RoundRecord(*r) for r in rows]


def _round_exists(lib: Library, round_id: int) -> None:
    if lib.db.execute("SELECT 1 FROM rounds WHERE id = ?", [round_id]).fetchone() is None:
        raise NotFound(f"no round {round_id} in the library")


def add_returns(lib: Library, round_id: int, returns: Sequence[tuple[str, str, str, str]]) -> list[int]:
    """Store (file, kind, delegation, body) returns together; their ids, in order."""
    _round_exists(lib, round_id)
    now = now_iso()
    ids = []
    with lib.transaction(documents=False) as db:
        for file, kind, delegation, body in returns:
            db.execute("INSERT INTO round_returns (round_id, file, kind, delegation, imported_at, body) "
                       "VALUES (?, ?, ?, ?, ?, ?)", [round_id, file, kind, delegation, now, body])
            ids.append(int(db.execute("SELECT last_insert_rowid()").fetchone()[0]))
    return ids


def round_returns(lib: Library, round_id: int) -> list[ReturnRecord]:
    rows = lib.db.execute(
        "SELECT id, round_id, file, kind, delegation, imported_at, body FROM round_returns "
        "WHERE round_id = ? ORDER BY id", [round_id]).fetchall()
    return [ReturnRecord(*r) for r in rows]


def delete_return(lib: Library, return_id: int) -> None:
    row = lib.db.execute("SELECT round_id FROM round_returns WHERE id = ?", [return_id]).fetchone()
    if row is None:
        raise NotFound(f"no return {return_id} in the library")
    with lib.transaction(documents=False) as db:
        db.execute("DELETE FROM round_decisions WHERE round_id = ? AND key LIKE ?", [row[0], f"{return_id}.%"])
        db.execute("DELETE FROM round_returns WHERE id = ?", [return_id])


def round_decisions(lib: Library, round_id: int) -> list[DecisionRecord]:
    rows = lib.db.execute("SELECT key, status, text, note, decided_at FROM round_decisions WHERE round_id = ? "
                          "ORDER BY key", [round_id]).fetchall()
    return [DecisionRecord(*r) for r in rows]


def set_round_decisions(lib: Library, round_id: int, changes: Mapping[str, DecisionRecord | None],
                        head: Sequence[Segment] | None = None) -> None:
    """Record decisions (None: back to pending) and, with them, the draft's new working copy."""
    row = lib.db.execute("SELECT draft_id FROM rounds WHERE id = ?", [round_id]).fetchone()
    if row is None:
        raise NotFound(f"no round {round_id} in the library")
    now = now_iso()
    with lib.transaction(documents=False) as db:
        for key, d in changes.items():
            db.execute("DELETE FROM round_decisions WHERE round_id = ? AND key = ?", [round_id, key])
            if d is not None:
                db.execute("INSERT INTO round_decisions (round_id, key, status, text, note, decided_at) "
                           "VALUES (?, ?, ?, ?, ?, ?)", [round_id, key, d.status, d.text, d.note, d.decided_at or now])
        if head is not None:
            db.execute("UPDATE draft_heads SET segments = ?, saved_at = ? WHERE draft_id = ?",
                       [segments_to_json(head), now, row[0]])
            db.execute("UPDATE drafts SET updated_at = ? WHERE id = ?", [now, row[0]])


def author_delegations(lib: Library) -> dict[str, str]:
    rows = lib.db.execute("SELECT author, delegation FROM author_delegations ORDER BY author").fetchall()
    return {a: d for a, d in rows}


def set_author_delegation(lib: Library, author: str, delegation: str) -> None:
    """Say which delegation an author of tracked changes speaks for ("" forgets the author)."""
    with lib.transaction(documents=False) as db:
        db.execute("DELETE FROM author_delegations WHERE author = ?", [author])
        if delegation:
            db.execute("INSERT INTO author_delegations (author, delegation) VALUES (?, ?)", [author, delegation])
