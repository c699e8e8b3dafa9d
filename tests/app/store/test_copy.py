"""`concord library copy`: a whole library from SQLite to PostgreSQL and back, verified."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.errors import LibraryError
from app.store import open_store
from app.store.copy import copy_library, verify

ROOT = Path(__file__).resolve().parents[3]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


@pytest.fixture
def source(tmp_path, corpus_path):
    """A library file with the corpus, a second document, and a draft with two versions."""
    path = tmp_path / "source.sqlite"
    assert cli("--db", str(path), "import", str(corpus_path)).returncode == 0
    other = tmp_path / "chad.txt"
    other.write_text(corpus_path.read_text(encoding="utf-8").replace("Mali", "Chad"), encoding="utf-8")
    assert cli("--db", str(path), "import", str(other)).returncode == 0
    made = cli("--db", str(path), "draft", "new", "--from", "1", "--replace", "Mali=Niger", "--title", "Niger")
    assert made.returncode == 0, made.stderr
    assert cli("--db", str(path), "draft", "save-version", "1", "--name", "zero draft").returncode == 0
    assert cli("--db", str(path), "draft", "save-version", "1", "--name", "rev.1").returncode == 0
    return path


def listing(db: str) -> list[dict]:
    rows = json.loads(cli("--db", db, "list", "--json").stdout)
    return [{k: v for k, v in r.items()} for r in rows]


def test_copy_round_trips_through_postgresql(source, pg_address, tmp_path):
    there = cli("library", "copy", str(source), pg_address)
    assert there.returncode == 0, there.stderr
    assert "copied 2 documents" in there.stdout and "1 drafts (2 versions)" in there.stdout
    assert "verified" in there.stdout
    back_path = tmp_path / "back.sqlite"
    back = cli("library", "copy", pg_address, str(back_path))
    assert back.returncode == 0, back.stderr
    a, b, c = open_store(str(source)), open_store(pg_address), open_store(str(back_path))
    for copy in (b, c):
        report = verify(a, copy)
        assert report.probes > 50 and report.same_results == report.probes
    assert listing(str(source)) == listing(pg_address) == listing(str(back_path))
    for ref in ("1:5(n)..5(v)", "2:7", "draft:1@2"):
        shown = [cli("--db", db, "show", ref, "--json").stdout for db in (str(source), pg_address, str(back_path))]
        assert shown[0] == shown[1] == shown[2] and shown[0]
    for lib in (a, b, c):
        lib.close()


def test_copy_into_a_library_in_use_is_refused(source, pg_address):
    lib = open_store(pg_address)
    lib.create_draft("Someone's draft", "", ())
    lib.close()
    refused = cli("library", "copy", str(source), pg_address)
    assert refused.returncode == 1
    assert refused.stderr.strip().endswith("the library is not empty; copy into a new one")
    assert open_store(pg_address).counts()["documents"] == 0


def test_a_missing_source_is_one_line(tmp_path, pg_address):
    refused = cli("library", "copy", str(tmp_path / "nothing.sqlite"), pg_address)
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1
    assert "no such library file" in refused.stderr


def test_verify_names_a_difference(source, tmp_path):
    a = open_store(str(source))
    b = open_store(str(tmp_path / "copy.sqlite"))
    copy_library(a, b)
    b.update_metadata(2, situation="Chad (edited)")
    with pytest.raises(LibraryError, match="copy differs .*: document 2 \\(situation\\)"):
        verify(a, b)
    a.close()
    b.close()
