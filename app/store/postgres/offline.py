"""Autosaves that reach the server, and those kept on this computer until it is back."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from app.errors import DraftConflict, LibraryUnreachable, NotFound
from app.model import Segment
from app.store import drafts as draft_sql
from app.store.clock import now_iso
from app.store.postgres.pending import KeptSave

if TYPE_CHECKING:
    from app.store.postgres.library import PgLibrary


def save_or_keep(lib: PgLibrary, draft_id: int, segments: Sequence[Segment], base: int | None) -> str:
    """Save the working copy; if the server cannot be reached, keep it here and say so.

    A newer save of the same draft replaces what was kept of it (it was edited from the
    same base), whether it reaches the server or is kept in its turn.
    """
    others = [k for k in lib.pending.items() if k.draft_id != draft_id]
    if others:
        lib.flush_pending()
    try:
        when = draft_sql.save_head(lib, draft_id, segments, base)
    except LibraryUnreachable as e:
        lib.pending.put(KeptSave(draft_id, base, tuple(segments), now_iso(), lib.user))
        raise LibraryUnreachable(
            f"{lib.path}: the server cannot be reached; draft {draft_id} is kept on this computer "
            "and will be saved when the server is back") from e
    except DraftConflict:
        lib.pending.drop(draft_id)
        raise
    lib.pending.drop(draft_id)
    return when


def flush(lib: PgLibrary) -> list[str]:
    """Save every kept working copy; one saved over since becomes a version beside theirs."""
    done = []
    for kept in lib.pending.items():
        try:
            draft_sql.save_head(lib, kept.draft_id, kept.segments, kept.base)
            done.append(f"draft {kept.draft_id}: the copy kept on this computer was saved")
        except DraftConflict as e:
            name = f"kept offline by {kept.user or 'a user'} ({kept.saved_at})"
            keep_as_version(lib, kept.draft_id, name, kept.segments)
            done.append(f"draft {kept.draft_id}: {e.saved_by or 'someone'} saved it meanwhile; "
                        f"the copy kept on this computer is version {name!r}")
        except NotFound:
            done.append(f"draft {kept.draft_id}: deleted from the library meanwhile; "
                        f"the copy kept on this computer stays in {lib.pending.folder}")
            continue
        except LibraryUnreachable:
            break
        lib.pending.drop(kept.draft_id)
    return done


def keep_as_version(lib: PgLibrary, draft_id: int, name: str, segments: Sequence[Segment]) -> int:
    """A version holding `segments` that leaves the working copy as it is."""
    body = draft_sql.segments_to_json(segments)
    with lib.transaction(documents=False, draft_id=draft_id) as tx:
        tx.execute("SELECT 1 FROM drafts WHERE id = ? FOR UPDATE", [draft_id])
        row = tx.execute("SELECT coalesce(max(number), 0) + 1 FROM draft_versions WHERE draft_id = ?",
                         [draft_id]).fetchone()
        number = int(row[0])  # type: ignore[index]
        tx.execute("INSERT INTO draft_versions (draft_id, number, name, saved_at, segments, saved_by) "
                   "VALUES (?, ?, ?, ?, ?, ?)", [draft_id, number, name, now_iso(), body, lib.user])
    return number
