"""Storage failures a person can meet: another program's file, a newer library, read-only,
a full disk, a held lock, a damaged search index. Each gives one clear line and loses nothing."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.errors import (
    LibraryBusy,
    LibraryError,
    LibraryFull,
    LibraryReadOnly,
    NotALibrary,
    SearchIndexDamaged,
)
from app.model import Document, Kind, Segment
from app.store import Library
from app.store.schema import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[3]


def digest(path: Path) -> str:
    """The bytes of a library file (reading a WAL library may add its -shm companion)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def small_doc(title: str, n: int = 3) -> Document:
    return Document(title=title, segments=tuple(
        Segment(Kind.PARAGRAPH, f"{title} paragraph {i} on children and armed conflict.", str(i))
        for i in range(1, n + 1)))


def cli(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app.cli", "--db", str(db), *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_another_programs_database_is_refused_and_left_untouched(tmp_path):
    other = tmp_path / "contacts.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE people (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO people VALUES ('A. Delegate', '+1 212 000')")
    conn.commit()
    conn.close()
    before = digest(other)
    with pytest.raises(NotALibrary, match="not a Concord library .*people.*left untouched"):
        Library(other)
    result = cli("list", db=other)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "not a Concord library" in result.stderr
    assert "Traceback" not in result.stderr
    assert digest(other) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contacts.sqlite"]  # no -wal, no -shm


def test_a_library_from_a_newer_concord_names_both_versions(tmp_path, corpus_doc):
    path = tmp_path / "future.sqlite"
    lib = Library(path)
    lib.add_document(corpus_doc)
    lib.close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 2}")
    conn.close()
    before = digest(path)
    with pytest.raises(LibraryError, match=f"schema version {SCHEMA_VERSION + 2}.*up to version {SCHEMA_VERSION}"):
        Library(path)
    assert digest(path) == before


def test_read_only_library_reads_and_refuses_writes(tmp_path, corpus_doc):
    path = tmp_path / "lib.sqlite"
    lib = Library(path)
    lib.add_document(corpus_doc)
    lib.close()
    ro = Library(path, read_only=True)
    assert ro.read_only
    assert ro.get_document(1).segments == corpus_doc.segments
    assert ro.search("deprivation of liberty")
    with pytest.raises(LibraryReadOnly, match="read-only"):
        ro.add_document(small_doc("New"))
    with pytest.raises(LibraryReadOnly, match="read-only"):
        ro.create_draft("T", "", corpus_doc.segments)
    ro.close()
    assert Library(path).counts()["documents"] == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write a read-only folder")
def test_read_only_folder_opens_for_reading(tmp_path, corpus_doc):
    folder = tmp_path / "share"
    folder.mkdir()
    path = folder / "lib.sqlite"
    Library(path).add_document(corpus_doc)
    folder.chmod(0o555)
    try:
        lib = Library(path)
        assert lib.read_only and lib.counts()["documents"] == 1
        with pytest.raises(LibraryReadOnly):
            lib.add_document(small_doc("New"))
    finally:
        folder.chmod(0o755)


@contextlib.contextmanager
def tmpfs(folder: Path, size: str) -> Iterator[Path]:
    """A small filesystem of its own at `folder` (skips the test where none can be mounted)."""
    folder.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                      capture_output=True).returncode != 0:
        pytest.skip("this machine cannot mount a tmpfs")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting needs root")
def test_read_only_mount_through_the_cli(tmp_path, corpus_doc):
    """A library on a read-only share: read commands work, write commands say read-only."""
    with tmpfs(tmp_path / "share", "4m") as mount:
        path = mount / "lib.sqlite"
        lib = Library(path)
        lib.add_document(corpus_doc)
        lib.close()
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        before = digest(path)
        listed = cli("list", db=path)
        assert listed.returncode == 0 and "Mali" in listed.stdout, listed.stderr
        found = cli("search", "deprivation of liberty", db=path)
        assert found.returncode == 0 and "5(h)" in found.stdout, found.stderr
        refused = cli("draft", "new", "--title", "T", db=path)
        assert refused.returncode == 1
        assert "read-only" in refused.stderr and "Traceback" not in refused.stderr
        assert refused.stderr.count("\n") == 1
        assert digest(path) == before


def test_full_disk_is_named_and_loses_nothing(tmp_path, corpus_doc):
    path = tmp_path / "lib.sqlite"
    lib = Library(path)
    lib.add_document(small_doc("First"))
    # SQLite's own "database or disk is full", as on a real full disk: no page can be added.
    pages = lib.db.execute("PRAGMA page_count").fetchone()[0]
    lib.db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(LibraryFull, match="disk is full; nothing of this change was stored"):
        lib.add_document(corpus_doc)
    assert [d.title for d in lib.list_documents()] == ["First"]
    assert lib.integrity_check() == "ok"
    assert lib.search("paragraph")


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small tmpfs needs root")
def test_full_tmpfs_is_named_and_loses_nothing(tmp_path, corpus_doc):
    with tmpfs(tmp_path / "small", "400k") as mount:
        lib = Library(mount / "lib.sqlite")
        lib.add_document(small_doc("First"))
        big = small_doc("Big", 4000)
        with pytest.raises(LibraryFull, match="disk is full"):
            lib.add_document(big)
        assert [d.title for d in lib.list_documents()] == ["First"]
        assert lib.integrity_check() == "ok"
        lib.close()


def test_a_held_lock_is_named(tmp_path, monkeypatch):
    path = tmp_path / "lib.sqlite"
    lib = Library(path)
    lib.add_document(small_doc("First"))
    monkeypatch.setattr("app.store.library.LOCK_TIMEOUT_S", 0.2)
    other = Library(path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program writing and not letting go
    try:
        with pytest.raises(LibraryBusy, match="another program holds the library locked"):
            other.add_document(small_doc("Second"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert [d.title for d in other.list_documents()] == ["First"]


def test_a_failed_commit_keeps_its_cause(library, monkeypatch):
    """The cause of a failure reaches the caller, not a second ROLLBACK's complaint."""
    library.add_document(small_doc("First"))
    pages = library.db.execute("PRAGMA page_count").fetchone()[0]
    library.db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(LibraryFull) as info:
        library.create_draft("Draft", "", small_doc("Draft body", 300).segments)
    assert "cannot rollback" not in str(info.value)
    assert "cannot rollback" not in repr(info.value.__cause__)


def test_missing_search_index_is_reported_and_repaired(tmp_path, corpus_doc):
    path = tmp_path / "lib.sqlite"
    lib = Library(path)
    lib.add_document(corpus_doc)
    lib.db.execute("DROP TABLE segments_fts")
    lib.close()
    lib = Library(path)
    with pytest.raises(SearchIndexDamaged, match="missing; run `concord repair`"):
        lib.search("children")
    assert lib.check() == ["the full-text index is missing"]
    result = cli("repair", db=path)
    assert result.returncode == 0, result.stderr
    assert "rebuilt" in result.stdout
    lib = Library(path)
    assert {h.label for h in lib.search("deprivation of liberty")} == {"5(h)", "5(r)", "7(e)"}
    assert lib.check() == []
    assert lib.get_document(1).segments == corpus_doc.segments


def test_damaged_search_index_is_detected_and_repaired(tmp_path, corpus_doc):
    path = tmp_path / "lib.sqlite"
    lib = Library(path)
    lib.add_document(corpus_doc)
    # The index's data rows overwritten: what a bad sector or a half-copied file does.
    lib.db.execute("UPDATE segments_fts_data SET block = zeroblob(length(block)) WHERE id > 10")
    problems = lib.check()
    assert problems and "damaged" in problems[0]
    assert lib.repair()
    assert lib.check() == []
    assert {h.label for h in lib.search("deprivation of liberty")} == {"5(h)", "5(r)", "7(e)"}


def test_a_write_in_another_thread_moves_the_revision(library):
    before = library.revision()
    t = threading.Thread(target=lambda: library.add_document(small_doc("Worker")))
    t.start()
    t.join()
    assert library.revision() > before
    assert [d.title for d in library.list_documents()] == ["Worker"]


def test_migration_from_version_two_keeps_everything(tmp_path, corpus_doc):
    """A library written before revisions existed is brought up to date, ids and all."""
    import sqlite_utils

    from app.store.schema import MIGRATIONS

    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    db = sqlite_utils.Database(conn)
    for number, step in enumerate(MIGRATIONS[:2], start=1):
        step(db)
        conn.execute(f"PRAGMA user_version = {number}")
    conn.execute("INSERT INTO documents (id, title, content_hash, imported_at) VALUES (7, 'Old', 'h', 'now')")
    conn.execute("INSERT INTO segments (document_id, position, kind, label, text) "
                 "VALUES (7, 0, 'paragraph', '1', 'Recruitment and use of children.')")
    conn.execute("INSERT INTO drafts (id, title, created_at, updated_at) VALUES (3, 'D', 'now', 'now')")
    conn.execute("INSERT INTO draft_heads VALUES (3, '[]', 'now')")
    conn.close()
    lib = Library(path)
    assert lib.get_document(7).segments[0].text == "Recruitment and use of children."
    assert lib.get_draft(3).title == "D"
    assert [h.label for h in lib.search("recruit* children")] == ["1"]
    assert lib.integrity_check() == "ok"
    new, _ = lib.add_document(corpus_doc)
    assert new.id == 8


def test_one_connection_per_thread_however_often_it_works(library):
    """A pool thread Python does not own loses thread-locals between jobs; the store keys its
    connections by thread, so repeated jobs on one thread share one connection."""
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for _ in range(20):
            pool.submit(library.counts).result()
    assert len(library._by_thread) <= 3  # this thread and at most two workers
