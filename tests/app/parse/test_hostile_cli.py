"""`concord import` on hostile files: exit status 1, one line naming file and reason."""

from __future__ import annotations

import sqlite3

import pytest
from hostile import billion_laughs, random_bytes, small_docx_bytes, zip_bomb

from app.cli import main


def _state(db):
    conn = sqlite3.connect(db)
    try:
        return (
            conn.execute("SELECT id, title, content_hash FROM documents ORDER BY id").fetchall(),
            conn.execute("SELECT count(*) FROM segments").fetchone(),
            conn.execute("SELECT rowid FROM segments_fts WHERE segments_fts MATCH 'Government' ORDER BY rowid").fetchall(),
            conn.execute("PRAGMA integrity_check").fetchone()[0],
        )
    finally:
        conn.close()


@pytest.fixture
def db(tmp_path, corpus_path, capsys):
    path = tmp_path / "lib.sqlite"
    assert main(["--db", str(path), "import", str(corpus_path)]) == 0
    capsys.readouterr()
    return path


@pytest.mark.parametrize(("name", "make", "reason"), [
    ("empty.docx", lambda t: b"", "the file is empty"),
    ("noise.pdf", lambda t: random_bytes(), "binary data of unknown format"),
    ("truncated.docx", lambda t: small_docx_bytes(t)[:900], "damaged or truncated Word file"),
    ("bomb.docx", lambda t: zip_bomb(), "possible zip bomb"),
    ("laughs.docx", lambda t: billion_laughs(), "DOCTYPE or entity declaration"),
])
def test_import_of_hostile_file_fails_cleanly(tmp_path, db, capsys, name, make, reason):
    path = tmp_path / name
    path.write_bytes(make(tmp_path))
    before = _state(db)
    assert main(["--db", str(db), "import", str(path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith(f"concord: {name}: ") and reason in err[0]
    assert _state(db) == before and before[-1] == "ok" and before[0] and before[2]


def test_good_files_still_import_beside_a_bad_one(tmp_path, db, capsys):
    bad = tmp_path / "laughs.docx"
    bad.write_bytes(billion_laughs())
    good = tmp_path / "good.txt"
    good.write_text("Conclusions on Testland\n\n1. The Working Group met in Testland.\n")
    assert main(["--db", str(db), "import", str(bad), str(good)]) == 1
    out = capsys.readouterr()
    assert "good.txt: imported as document 2" in out.out
    assert out.err.count("\n") == 1
