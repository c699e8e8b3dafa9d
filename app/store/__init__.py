"""The local SQLite library."""

from app.store.library import Library

__all__ = ["Library"]
