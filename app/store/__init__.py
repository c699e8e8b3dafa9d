"""The library store: the contract (`Store`) and its SQLite implementation (`Library`).

`open_store(location)` is how the rest of Concord gets a store; it is the one place that
decides which implementation a location names.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.store.base import DocInfo, Store
from app.store.library import Library

__all__ = ["STORAGE_ERRORS", "DocInfo", "Library", "Store", "open_store"]

# What a backend raises for a write it could not make (the transaction is rolled back):
# callers catch these without knowing which database is behind the store.
STORAGE_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error,)


def open_store(location: str | Path, *, read_only: bool = False) -> Store:
    """The store at `location`: a library file path (or ":memory:")."""
    return Library(location, read_only=read_only)
