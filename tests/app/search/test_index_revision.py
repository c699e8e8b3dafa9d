"""The similarity index follows the library: renames, deletes and re-imports of the same shape."""

from __future__ import annotations

from dataclasses import replace

from app.search.similar import find_precedents, segment_index
from app.store import Library

QUERY = "Strongly condemning all violations and abuses committed against children in Mali"


def test_renaming_a_situation_reaches_precedents(corpus_library):
    before = find_precedents(corpus_library, QUERY)
    assert before and before[0].situation == "Mali"
    corpus_library.update_metadata(1, situation="Malx")  # same length: counts and sums agree
    after = find_precedents(corpus_library, QUERY)
    assert after[0].situation == "Malx"


def test_delete_then_import_of_the_same_shape_is_not_served_stale(corpus_library, corpus_doc):
    first = find_precedents(corpus_library, QUERY)[0]
    corpus_library.delete_document(first.document_id)
    # The same segments with one word changed everywhere it occurs: same counts, same lengths.
    edited = corpus_doc.with_segments(tuple(s.with_text(s.text.replace("Mali", "Mala"))
                                            for s in corpus_doc.segments))
    stored, _ = corpus_library.add_document(replace(edited, situation="Mala"))
    again = find_precedents(corpus_library, QUERY.replace("Mali", "Mala"))[0]
    assert again.document_id == stored.id != first.document_id
    assert "Mala" in again.text


def test_index_keyed_on_the_store_not_the_path(tmp_path, corpus_doc):
    a, b = Library(tmp_path / "a.sqlite"), Library(tmp_path / "b.sqlite")
    a.add_document(corpus_doc)
    assert len(segment_index(a).entries) > 100
    assert segment_index(b).entries == ()
    a.close()
    b.close()


def test_draft_autosave_keeps_the_index(corpus_library, corpus_doc):
    index = segment_index(corpus_library)
    draft = corpus_library.create_draft("T", "", corpus_doc.segments)
    corpus_library.save_head(draft, corpus_doc.segments[:5])
    assert segment_index(corpus_library) is index
