"""Shared fixtures: the real corpus document, fresh libraries, headless Qt."""

from __future__ import annotations

import os
import re
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


@pytest.fixture(autouse=True)
def _word_files_validate(monkeypatch):
    """Every Word file Concord writes in a test must pass `openxml-audit`, warnings included.

    Documents built by the exports (`docx_layout.new_document`) are remembered and each is
    validated as it is saved to a file (before an atomic write renames it); the findings
    fail the test when it ends. Hostile files that tests write on purpose with python-docx
    alone are not Concord's and are left alone.
    """
    import weakref

    import docx.document

    from app.export import docx_layout

    ours: set[int] = set()  # ids of the exports' documents (python-docx's are unhashable)
    findings: list[str] = []
    new_document, save = docx_layout.new_document, docx.document.Document.save

    def recording_new_document(*args, **kwargs):
        d = new_document(*args, **kwargs)
        ours.add(id(d))
        weakref.finalize(d, ours.discard, id(d))
        return d

    def validating_save(self, path_or_stream):
        save(self, path_or_stream)
        if id(self) in ours and isinstance(path_or_stream, str | os.PathLike):
            findings.extend(f"{path_or_stream}: {f}" for f in _ooxml_findings(os.fspath(path_or_stream)))

    monkeypatch.setattr(docx_layout, "new_document", recording_new_document)
    monkeypatch.setattr(docx.document.Document, "save", validating_save)
    yield
    assert not findings, "\n".join(findings)


_VERDICTS: dict[str, list[str]] = {}  # the findings for each file content already validated
_STAMPS = re.compile(rb'w:date="[^"]*"|<dcterms:(created|modified)[^<]*</dcterms:\1>')


def _ooxml_findings(path: str) -> list[str]:
    """openxml-audit's errors and warnings for a .docx, once per distinct content.

    Many tests save the same document (the corpus redline) with only the revision dates
    and timestamps differing; it is validated once, which keeps the suite's time down.
    """
    import hashlib
    import zipfile

    from openxml_audit import OpenXmlValidator

    digest = hashlib.sha256()
    with zipfile.ZipFile(path) as z:
        for name in sorted(z.namelist()):
            digest.update(name.encode() + b"\0" + _STAMPS.sub(b"", z.read(name)) + b"\0")
    key = digest.hexdigest()
    if key not in _VERDICTS:
        result = OpenXmlValidator(max_errors=20).validate(path)
        found = [str(e) for e in result.errors]
        if not result.is_valid and not found:
            found.append("not valid")
        _VERDICTS[key] = found
    return _VERDICTS[key]
