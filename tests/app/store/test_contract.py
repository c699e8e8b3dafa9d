"""The store contract (`app.store.base.Store`), run on both backends: SQLite and PostgreSQL.

Every test here takes `store` (or `location`), so each runs once per backend.
"""

from __future__ import annotations

import threading

import pytest

from app.drafts import edit_text
from app.errors import DraftConflict, LibraryError, NotFound
from app.model import Document, Kind, Segment
from app.store import LibraryChange, Store, open_store


def small_doc(title: str, n: int = 3) -> Document:
    return Document(title=title, situation="Chad", segments=tuple(
        Segment(Kind.PARAGRAPH, f"{title} paragraph {i} on children and armed conflict.", str(i))
        for i in range(1, n + 1)))


def test_is_a_store(store):
    assert isinstance(store, Store)
    assert store.created and not store.read_only
    assert store.counts() == {"documents": 0, "segments": 0}


def test_round_trip_keeps_every_segment_and_field(store, corpus_doc):
    stored, new = store.add_document(corpus_doc)
    assert new and stored.id == 1
    assert stored.segments == corpus_doc.segments
    assert (stored.situation, stored.report_symbol) == ("Mali", "S/2020/1105")
    assert stored.references == corpus_doc.references
    assert stored.cited_symbols == corpus_doc.cited_symbols and stored.doc_kind == corpus_doc.doc_kind
    assert stored.imported_at
    again, new = store.add_document(corpus_doc.with_segments(corpus_doc.segments))
    assert not new and again.id == stored.id
    assert store.counts() == {"documents": 1, "segments": len(corpus_doc.segments)}
    assert store.all_segments()[5] == (1, 5, corpus_doc.segments[5])
    assert store.segment_text(1, 5) == corpus_doc.segments[5].text
    assert store.document_infos()[1].situation == "Mali"


def test_committed_data_survives_reopening(location, corpus_doc):
    lib = open_store(location)
    lib.add_document(corpus_doc)
    draft = lib.create_draft("Mali 2022", "Mali", corpus_doc.segments[:4], first_version="zero draft")
    lib.close()
    again = open_store(location)
    assert not again.created
    assert again.get_document(1).segments == corpus_doc.segments
    assert again.get_draft(draft).versions[0].name == "zero draft"
    assert {h.label for h in again.search("deprivation of liberty")} == {"5(h)", "5(r)", "7(e)"}
    again.close()


@pytest.mark.parametrize("query, labels", [
    ("deprivation of liberty", {"5(h)", "5(r)", "7(e)"}),
    ("recruit* children", {"5(a)", "5(o)", "7(e)"}),  # at least these
    ("reintegrat*", {"5(u)", "7(h)"}),
    ("Gamba OR Sahel", {"annex-2", "9(a)"}),
    ("deprivation NOT Malian", {"5(h)"}),
])
def test_search(corpus_store, query, labels):
    found = {h.label for h in corpus_store.search(query, limit=200)}
    assert labels <= found


def test_search_highlights_the_stored_text(corpus_store, corpus_doc):
    hits = corpus_store.search("deprivation of liberty")
    texts = {s.label: s.text for s in corpus_doc.segments}
    for h in hits:
        assert h.text == texts[h.label]
        assert [h.text[a:b].lower() for a, b in h.spans][:3] == ["deprivation", "of", "liberty"]
    (h,) = corpus_store.search("S/2020/1105")  # a symbol: several words to both engines
    assert "S/2020/1105" in h.text and h.spans


@pytest.mark.parametrize("query", ['"unbalanced', "NOT", "AND OR", "(", "*", "a:b", "'", "NEAR(x y)",
                                   "-", "^x", "", "&|!", "x:*", "'a' & 'b'", "\\", "%s"])
def test_any_typed_query_is_safe(corpus_store, query):
    corpus_store.search(query)  # never raises


def test_find_edit_and_delete(corpus_store):
    doc = corpus_store.update_metadata(1, symbol="S/AC.51/2020/11", doc_kind="conclusions")
    assert doc.symbol == "S/AC.51/2020/11"
    assert corpus_store.find_document("S/AC.51/2020/11").id == 1
    assert corpus_store.find_document("S/2020/1105").id == 1
    with pytest.raises(ValueError):
        corpus_store.update_metadata(1, content_hash="x")
    corpus_store.delete_document(1)
    assert corpus_store.counts() == {"documents": 0, "segments": 0}
    assert corpus_store.search("children") == []
    with pytest.raises(NotFound):
        corpus_store.get_document(1)
    with pytest.raises(NotFound):
        corpus_store.find_document("S/2020/1105")


def test_ids_are_never_reused(store):
    first, _ = store.add_document(small_doc("First"))
    store.delete_document(first.id)
    again, _ = store.add_document(small_doc("Second"))
    assert again.id != first.id
    d1 = store.create_draft("One", "", small_doc("x").segments)
    store.delete_draft(d1)
    assert store.create_draft("Two", "", small_doc("y").segments) != d1


def test_revision_moves_on_every_write(store, corpus_doc):
    seen = [store.revision()]
    doc, _ = store.add_document(corpus_doc)
    seen.append(store.revision())
    store.update_metadata(doc.id, situation="Mali ")
    seen.append(store.revision())
    draft = store.create_draft("T", "", corpus_doc.segments)
    docs_rev = store.documents_revision()
    store.save_head(draft, corpus_doc.segments[:3])
    seen.append(store.revision())
    assert store.documents_revision() == docs_rev  # an autosave leaves documents as they were
    store.delete_document(doc.id)
    seen.append(store.revision())
    assert seen == sorted(set(seen))
    assert store.documents_revision() > docs_rev


def test_drafts_versions_are_immutable_and_record_their_author(store, corpus_doc):
    draft_id = store.create_draft("Mali 2022", "Mali", corpus_doc.segments)
    assert store.save_version(draft_id, "zero draft") == 1
    changed = edit_text(corpus_doc.segments, 1, "[Revised] opening")
    store.save_head(draft_id, changed)
    draft = store.get_draft(draft_id)
    assert draft.head == changed
    assert draft.created_by == draft.head_saved_by == store.user != ""
    assert draft.versions[0].saved_by == store.user
    assert store.get_version(draft_id, 1).segments == corpus_doc.segments
    assert store.save_version(draft_id, "rev.1") == 2
    assert store.get_version(draft_id, 2).segments == changed
    assert store.get_version(draft_id, 2).saved_by == store.user
    store.update_draft(draft_id, title="Mali 2023")
    assert [(d.title, d.versions, d.last_version) for d in store.list_drafts()] == [("Mali 2023", 2, "rev.1")]
    with pytest.raises(NotFound, match="no version 7"):
        store.get_version(draft_id, 7)
    store.delete_draft(draft_id)
    assert store.list_drafts() == []
    with pytest.raises(NotFound, match=str(draft_id)):
        store.get_draft(draft_id)


def test_a_save_from_an_older_copy_is_refused_not_lost(location, corpus_doc):
    """Two people edit the same working copy: the later save does not silently overwrite."""
    alice, bob = open_store(location), open_store(location)
    draft_id = alice.create_draft("Mali 2022", "Mali", corpus_doc.segments)
    base = alice.get_draft(draft_id).head_revision
    assert bob.get_draft(draft_id).head_revision == base
    theirs = edit_text(corpus_doc.segments, 2, "Alice's wording of the paragraph.")
    alice.save_head(draft_id, theirs, base=base)
    mine = edit_text(corpus_doc.segments, 2, "Bob's wording of the paragraph.")
    with pytest.raises(DraftConflict, match=f"draft {draft_id} was saved by .* since you opened it") as info:
        bob.save_head(draft_id, mine, base=base)
    assert info.value.stored == theirs and info.value.revision == base + 1
    assert bob.get_draft(draft_id).head == theirs  # nothing of bob's save was written
    bob.save_head(draft_id, mine, base=info.value.revision)  # he chose to save over theirs
    assert alice.get_draft(draft_id).head == mine
    assert alice.get_draft(draft_id).head_revision == base + 2
    alice.close()
    bob.close()


def test_an_unchecked_save_still_overwrites(store, corpus_doc):
    """Callers written before the base existed keep working."""
    draft_id = store.create_draft("T", "", corpus_doc.segments)
    store.save_head(draft_id, corpus_doc.segments[:2])
    store.save_head(draft_id, corpus_doc.segments[:3])
    assert store.get_draft(draft_id).head == corpus_doc.segments[:3]
    with pytest.raises(NotFound, match="42"):
        store.save_head(42, (), base=1)


def test_another_users_write_is_reported(location, corpus_doc):
    watcher, writer = open_store(location), open_store(location)
    seen: list[LibraryChange] = []
    arrived = threading.Event()

    def note(change: LibraryChange) -> None:
        seen.append(change)
        arrived.set()

    stop = watcher.subscribe(note)
    try:
        listening = getattr(watcher, "_watchers", None)
        if listening:  # PostgreSQL: wait until LISTEN is in place
            assert listening[0].listening.wait(10)
        writer.add_document(small_doc("Arrives"))
        assert arrived.wait(10)
        assert seen[-1].documents and seen[-1].revision == writer.revision()
    finally:
        stop()
        watcher.close()
        writer.close()


def test_restore_keeps_ids_and_refuses_a_library_in_use(store, tmp_path, corpus_doc):
    source = open_store(str(tmp_path / "source.sqlite"))
    source.add_document(small_doc("Deleted"))
    source.delete_document(1)
    doc, _ = source.add_document(corpus_doc)
    draft_id = source.create_draft("Mali 2022", "Mali", corpus_doc.segments, first_version="zero draft")
    source.save_head(draft_id, corpus_doc.segments[:5])
    draft = source.get_draft(draft_id)
    store.restore([source.get_document(doc.id)], [(draft, [source.get_version(draft_id, 1)])])
    assert store.get_document(doc.id) == source.get_document(doc.id)
    assert store.get_draft(draft_id) == draft
    assert store.get_version(draft_id, 1) == source.get_version(draft_id, 1)
    assert {h.label for h in store.search("deprivation of liberty")} == {"5(h)", "5(r)", "7(e)"}
    new, _ = store.add_document(small_doc("After the copy"))
    assert new.id > doc.id
    with pytest.raises(LibraryError, match="not empty"):
        store.restore([source.get_document(doc.id)], [])
    source.close()


def test_check_finds_a_healthy_library(corpus_store):
    assert corpus_store.check() == []
    assert corpus_store.repair()
    assert corpus_store.check() == []
    assert {h.label for h in corpus_store.search("deprivation of liberty")} == {"5(h)", "5(r)", "7(e)"}


def test_an_autosave_after_someone_elses_keeps_both(location, corpus_doc):
    from app.services.drafts import autosave_keeping_both

    alice, bob = open_store(location), open_store(location)
    draft_id = alice.create_draft("Mali 2022", "Mali", corpus_doc.segments)
    base = alice.get_draft(draft_id).head_revision
    theirs = edit_text(corpus_doc.segments, 2, "Alice's wording.")
    first = autosave_keeping_both(alice, draft_id, theirs, base)
    assert first.base == base + 1 and first.note == ""
    mine = edit_text(corpus_doc.segments, 2, "Bob's wording.")
    saved = autosave_keeping_both(bob, draft_id, mine, base)  # bob's editor still had the old copy
    draft = bob.get_draft(draft_id)
    assert draft.head == mine and draft.head_revision == saved.base
    (kept,) = draft.versions
    assert bob.get_version(draft_id, kept.number).segments == theirs
    assert alice.user in kept.name and f"version {kept.number}" in saved.note
    bob.save_head(draft_id, mine[:3], base=saved.base)  # the returned base is the right one
    alice.close()
    bob.close()


def test_indexed_documents_and_their_segments_leave_copies_out(store):
    first, _ = store.add_document(small_doc("First"))
    copy, _ = store.add_document(small_doc("Copy"), same_as=first.id)
    second, _ = store.add_document(small_doc("Second", 2))
    hashes = store.indexed_documents()
    assert set(hashes) == {first.id, second.id}
    assert store.segments_of([second.id, copy.id, first.id]) == [
        s for s in store.all_segments() if s[0] in (first.id, second.id)]
    assert store.segments_of([]) == []
    store.replace_document(second.id, small_doc("Second again", 2))
    assert store.indexed_documents()[second.id] != hashes[second.id]  # new text, same id
    assert store.indexed_documents()[first.id] == hashes[first.id]
