"""The store contract's fixtures: every test taking `store` runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest

from app.store import open_store


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request, tmp_path) -> str:
    """Where a new, empty library is: a file, or a database on the test server."""
    if request.param == "sqlite":
        return str(tmp_path / "library.sqlite")
    return request.getfixturevalue("pg_address")


@pytest.fixture
def store(location):
    lib = open_store(location)
    yield lib
    lib.close()


@pytest.fixture
def corpus_store(store, corpus_doc):
    store.add_document(corpus_doc)
    return store
