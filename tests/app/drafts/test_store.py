import pytest

from app.drafts import edit_text
from app.errors import NotFound
from app.store import Library
from app.store import drafts as store
from app.store.schema import SCHEMA_VERSION, schema_version


def test_versions_are_immutable_and_head_autosaves(corpus_library, corpus_doc):
    draft_id = store.create_draft(corpus_library, "Mali 2022", "Mali", corpus_doc.segments)
    assert store.save_version(corpus_library, draft_id, "zero draft") == 1
    changed = edit_text(corpus_doc.segments, 1, "[Revised] opening")
    store.save_head(corpus_library, draft_id, changed)
    draft = store.get_draft(corpus_library, draft_id)
    assert draft.head == changed
    assert store.get_version(corpus_library, draft_id, 1).segments == corpus_doc.segments
    assert store.save_version(corpus_library, draft_id, "rev.1") == 2
    assert [(v.number, v.name) for v in store.get_draft(corpus_library, draft_id).versions] == [
        (1, "zero draft"), (2, "rev.1")]
    assert store.get_version(corpus_library, draft_id, 2).segments == changed


def test_survives_reopening(tmp_path, corpus_doc):
    path = tmp_path / "lib.sqlite"
    lib = Library(path)
    draft_id = store.create_draft(lib, "T", "Mali", corpus_doc.segments, first_version="imported.docx")
    lib.close()
    lib = Library(path)
    draft = store.get_draft(lib, draft_id)
    assert draft.head == corpus_doc.segments and draft.versions[0].name == "imported.docx"
    assert schema_version(lib.db) == SCHEMA_VERSION
    assert [d.title for d in store.list_drafts(lib)] == ["T"]
    store.delete_draft(lib, draft_id)
    assert store.list_drafts(lib) == []
    assert lib.integrity_check() == "ok"


def test_failed_write_leaves_previous_head(library, corpus_doc):
    draft_id = store.create_draft(library, "T", "", corpus_doc.segments)

    class Boom(Exception):
        pass

    with pytest.raises(Boom), library.transaction() as db:
        db.execute("UPDATE draft_heads SET segments = '[]' WHERE draft_id = ?", [draft_id])
        raise Boom
    assert store.get_draft(library, draft_id).head == corpus_doc.segments


@pytest.mark.parametrize(
    "call",
    [
        lambda lib: store.get_draft(lib, 42),
        lambda lib: store.save_head(lib, 42, ()),
        lambda lib: store.save_version(lib, 42, "x"),
        lambda lib: store.get_version(lib, 42, 1),
    ],
)
def test_missing_draft(library, call):
    with pytest.raises(NotFound, match="42"):
        call(library)
