"""The team library: the store contract on a PostgreSQL server (`postgresql://user@host/db`)."""

from app.store.postgres.address import forget, is_address, remember
from app.store.postgres.library import PgLibrary

__all__ = ["PgLibrary", "forget", "is_address", "remember"]
