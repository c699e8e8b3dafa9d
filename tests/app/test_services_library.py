"""Library use cases: importing files, resolving references, seeding."""

import pytest

from app.errors import BadReference, NotFound
from app.services.library import import_files, open_library, resolve_ref


def test_import_files_one_failure_does_not_stop_the_others(library, corpus_path, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    results = import_files(library, [empty, corpus_path, corpus_path])
    assert results[0].error == "empty.txt: the file is empty"
    assert results[1].document and results[1].duplicate_of is None
    assert results[2].duplicate_of == results[1].document.id
    assert library.counts()["documents"] == 1


@pytest.mark.parametrize(
    "ref, first, last, count",
    [
        ("1:5(n)..5(v)", "5(n)", "5(v)", 9),
        ("1:7", "7", "7(i)", 10),  # a paragraph brings its subparagraphs
        ("1:annex-3", "annex-3", "annex-3", 1),
        ("1:5(m)..5(n)", "5(m)", "5(n)", 3),  # the addressee line in between is included
        ("1:12(g)", "12(g)", "12(g)", 1),
    ],
)
def test_resolve_ref(corpus_library, ref, first, last, count):
    p = resolve_ref(corpus_library, ref)
    labelled = [s.label for s in p.segments if s.label]
    assert labelled[0] == first and labelled[-1] == last
    assert len(p.segments) == count


def test_whole_document_ref(corpus_library, corpus_doc):
    assert resolve_ref(corpus_library, "1").segments == corpus_doc.segments
    assert resolve_ref(corpus_library, "S/2020/1105:1").segments[0].label == "1"


@pytest.mark.parametrize(
    "ref, error, message",
    [
        ("1:99", NotFound, "no paragraph labelled '99'"),
        ("7:1", NotFound, "no document 7"),
        ("1:5(v)..5(n)", BadReference, "comes before"),
        ("1:fifth", BadReference, "not a label"),
    ],
)
def test_bad_refs(corpus_library, ref, error, message):
    with pytest.raises(error, match=message):
        resolve_ref(corpus_library, ref)


def test_new_library_is_seeded_with_the_sample(tmp_path):
    lib = open_library(tmp_path / "new.sqlite", seed=True)
    docs = lib.list_documents()
    assert [d.situation for d in docs] == ["Mali"]
    assert docs[0].segments > 100
    lib.close()
    # Seeding happens once: an emptied library stays empty.
    lib = open_library(tmp_path / "new.sqlite", seed=True)
    lib.delete_document(docs[0].id)
    lib.close()
    assert open_library(tmp_path / "new.sqlite", seed=False).counts()["documents"] == 0


def test_a_storage_failure_is_reported_for_that_file_only(library, corpus_path, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("1. A first paragraph.\n\n2. A second paragraph.\n", encoding="utf-8")
    library.db.execute(
        "CREATE TEMP TRIGGER full_disk BEFORE INSERT ON segments WHEN NEW.text LIKE 'A second%' "
        "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
    )
    failed, imported = import_files(library, [other, corpus_path])
    assert failed.error == "other.txt: could not be stored (database or disk is full)"
    assert imported.document is not None
    assert [d.title for d in library.list_documents()] == [imported.document.title]
    assert library.integrity_check() == "ok"
