"""The library store: the contract (`Store`), its SQLite implementation (`Library`) and the
team library on PostgreSQL (`app.store.postgres.PgLibrary`).

`open_store(location)` is how the rest of Concord gets a store; it is the one place that
decides which implementation a location names.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.store.base import DocInfo, LibraryChange, Store
from app.store.library import Library

__all__ = ["STORAGE_ERRORS", "DocInfo", "Library", "LibraryChange", "Store", "is_server_address",
           "open_store"]

# What a backend raises for a write it could not make (the transaction is rolled back):
# callers catch these without knowing which database is behind the store. (The PostgreSQL
# store turns its driver's failures into `app.errors` ones: `ConcordError`s.)
STORAGE_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error,)
SERVER_SCHEMES = ("postgresql://", "postgres://")


def is_server_address(location: str | Path | None) -> bool:
    """True when `location` names a team library on a server rather than a file."""
    return isinstance(location, str) and location.startswith(SERVER_SCHEMES)


def open_store(location: str | Path, *, read_only: bool = False) -> Store:
    """The store at `location`: `postgresql://user@host/dbname`, a library file path or ":memory:"."""
    if is_server_address(location):
        # Imported here: a single-user library never loads the PostgreSQL driver.
        from app.store.postgres import PgLibrary

        return PgLibrary(str(location), read_only=read_only)
    return Library(location, read_only=read_only)
