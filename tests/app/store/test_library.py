"""The SQLite library: storing, duplicates, transactions, search, migrations."""

import sqlite3

import pytest

from app.errors import LibraryError, NotFound
from app.model import Document, Kind, Segment
from app.store import Library
from app.store.schema import SCHEMA_VERSION, schema_version


def test_round_trip_keeps_every_segment(library, corpus_doc):
    stored, new = library.add_document(corpus_doc)
    assert new and stored.id == 1
    assert stored.segments == corpus_doc.segments
    assert stored.situation == "Mali" and stored.report_symbol == "S/2020/1105"
    assert stored.references == corpus_doc.references


def test_same_content_twice_is_not_duplicated(library, corpus_doc):
    first, _ = library.add_document(corpus_doc)
    again, new = library.add_document(corpus_doc.with_segments(corpus_doc.segments))
    assert not new and again.id == first.id
    assert library.counts() == {"documents": 1, "segments": len(corpus_doc.segments)}


def test_wal_and_foreign_keys(library):
    assert library.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert library.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert schema_version(library.db) == SCHEMA_VERSION


def test_a_failed_import_leaves_nothing_behind(library, corpus_doc):
    library.add_document(corpus_doc)
    before = library.counts()
    # Make the write fail half-way through the segments, as a full disk would.
    library.db.execute(
        "CREATE TEMP TRIGGER fail_midway BEFORE INSERT ON segments WHEN NEW.position = 2 "
        "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    bad = Document(title="Broken", segments=tuple(Segment(Kind.PARAGRAPH, f"Para {i}.", str(i)) for i in range(1, 6)))
    with pytest.raises(sqlite3.IntegrityError, match="disk full"):
        library.add_document(bad)
    assert library.counts() == before
    assert [d.title for d in library.list_documents()] == [corpus_doc.title]
    assert library.search("Para") == []
    assert library.integrity_check() == "ok"


def test_committed_data_survives_reopening(tmp_path, corpus_doc):
    path = tmp_path / "lib.sqlite"
    lib = Library(path)
    lib.add_document(corpus_doc)
    lib.close()
    again = Library(path)
    assert again.get_document(1).segments == corpus_doc.segments
    assert again.search("deprivation of liberty")


def test_search_finds_words_and_highlights_them(corpus_library):
    hits = corpus_library.search("deprivation of liberty")
    assert {h.label for h in hits} == {"5(h)", "5(r)", "7(e)"}
    h = hits[0]
    assert [h.text[a:b].lower() for a, b in h.spans][:1] == ["deprivation"]


def test_phrase_and_prefix_and_or(corpus_library):
    phrase = {h.label for h in corpus_library.search('"six grave violations"', limit=100)}
    assert "3" in phrase and "5(d)" in phrase
    assert {h.label for h in corpus_library.search("reintegrat*", limit=100)} >= {"5(u)", "7(h)"}
    either = {h.label for h in corpus_library.search("Gamba OR Sahel", limit=100)}
    assert {"annex-2", "9(a)"} <= either


@pytest.mark.parametrize(
    "query",
    ['"unbalanced', "NOT", "AND OR", "(", "5(n)", "*", "a:b", "'", "NEAR(x y)", "-", "children -girls", "^x", ""],
)
def test_any_typed_query_is_safe(corpus_library, query):
    corpus_library.search(query)  # never raises


def test_edit_metadata_and_delete(corpus_library):
    doc = corpus_library.update_metadata(1, symbol="S/AC.51/2020/11")
    assert doc.symbol == "S/AC.51/2020/11"
    assert corpus_library.find_document("S/AC.51/2020/11").id == 1
    assert corpus_library.find_document("S/2020/1105").id == 1
    corpus_library.delete_document(1)
    assert corpus_library.counts() == {"documents": 0, "segments": 0}
    assert corpus_library.search("children") == []
    with pytest.raises(NotFound):
        corpus_library.get_document(1)


def test_not_a_library_file_is_a_clear_error(tmp_path):
    f = tmp_path / "notes.sqlite"
    f.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(LibraryError, match="not a Concord library"):
        Library(f)


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.sqlite"
    Library(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(LibraryError, match="newer"):
        Library(path)
