"""Shared fixtures: the real corpus document, fresh libraries, headless Qt."""

from __future__ import annotations

import os
from pathlib import Path

# Qt aborts the whole process without a display unless this is set before any QApplication.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT.parent / "shared" / "corpus"
CORPUS_TXT = CORPUS_DIR / "conclusions-mali-2020.txt"
if not CORPUS_TXT.exists():  # a checkout without shared/: the bundled copy is the same file
    CORPUS_TXT = ROOT / "resources" / "sample" / "conclusions-mali-2020.txt"


@pytest.fixture(scope="session")
def corpus_path() -> Path:
    return CORPUS_TXT


@pytest.fixture(scope="session")
def corpus_doc():
    from app.parse import parse_file

    return parse_file(CORPUS_TXT)


@pytest.fixture
def library(tmp_path):
    """A new, empty library in a temporary file (WAL needs a real file)."""
    from app.store import Library

    lib = Library(tmp_path / "library.sqlite")
    yield lib
    lib.close()


@pytest.fixture
def corpus_library(library, corpus_doc):
    """A library holding the corpus document as document 1."""
    library.add_document(corpus_doc)
    return library


@pytest.fixture(scope="session")
def pg_server():
    """One throwaway PostgreSQL server for the whole run (Debian's binaries; see pgserver)."""
    from pgserver import PgServer, PostgresMissing

    try:
        server = PgServer().start()
    except PostgresMissing as e:
        if os.environ.get("CI"):
            pytest.fail(str(e))  # CI installs it: a missing server is a failure, never a skip
        pytest.skip(str(e))
    yield server
    server.stop()


@pytest.fixture
def pg_address(pg_server):
    """The address of a new, empty team library owned by `alice` (dropped afterwards)."""
    name = pg_server.create_database()
    yield pg_server.address(name)
    pg_server.drop_database(name)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Never touch the user's real library, settings or LibreOffice profile."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("CONCORD_DB", raising=False)
