"""PostgreSQL's failures as the one-line errors a person can act on."""

from __future__ import annotations

import psycopg

from app.errors import (
    LibraryBusy,
    LibraryError,
    LibraryFull,
    LibraryReadOnly,
    LibraryUnreachable,
    PasswordNeeded,
)

NOTHING_STORED = "nothing of this change was stored"


def first_line(e: BaseException) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0].strip()


def connect_error(e: psycopg.Error, where: str) -> LibraryError:
    """Why a connection could not be made."""
    text = str(e)
    if "password" in text and ("no password supplied" in text or "authentication failed" in text):
        return PasswordNeeded(f"{where}: the server asks for a password (wrong or not given)")
    if 'database "' in text and "does not exist" in text:
        return LibraryError(f"{where}: no such database on the server; ask its administrator to create it")
    if 'role "' in text and "does not exist" in text:
        return LibraryError(f"{where}: the server knows no such user")
    if getattr(e, "sqlstate", None) == "42501" or "permission denied" in text:
        return LibraryError(f"{where}: the server does not let this user connect ({first_line(e)})")
    return LibraryUnreachable(f"{where}: the server cannot be reached ({first_line(e)})")


def storage_error(e: psycopg.Error, where: str) -> Exception:
    """The error a person should see for a failed statement, or `e` itself for a bug."""
    state = e.sqlstate or ""
    if state == "53100":
        return LibraryFull(f"{where}: the server's disk is full; {NOTHING_STORED}")
    if state in ("42501", "25006"):
        return LibraryReadOnly(f"{where}: this user may read the library but not change it; {NOTHING_STORED}")
    if state in ("55P03", "57014", "40001", "40P01"):
        return LibraryBusy(f"{where}: another user holds what this change needs; try again in a moment")
    if state.startswith(("08", "57P")) or (not state and isinstance(e, psycopg.OperationalError | psycopg.InterfaceError)):
        return LibraryUnreachable(f"{where}: the connection to the server was lost ({first_line(e)}); "
                                  f"{NOTHING_STORED}")
    return e
