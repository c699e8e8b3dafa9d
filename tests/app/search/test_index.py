"""The segment index: kept in step with the store, and finding what scoring every text finds."""

from __future__ import annotations

import random
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz import utils

from app.model import Document, Kind
from app.search import index as search_index
from app.search.index import build, entries_of, segment_index
from app.search.provenance import MODIFIED, VERBATIM, provenance
from app.search.similar import find_precedents
from app.services.library import passage_of
from app.store import Library

SITUATIONS = ["Chad", "Niger", "Sudan", "Somalia", "Yemen", "Iraq"]


def derived(doc: Document, k: int) -> Document:
    """Another situation's conclusions drafted from `doc`: a few segments edited, some dropped."""
    rng = random.Random(k)
    words = [w for s in doc.segments for w in s.text.split()]
    name = SITUATIONS[k % len(SITUATIONS)]
    segs = []
    for s in doc.segments:
        if s.kind is Kind.SUBPARAGRAPH and rng.random() < 0.1:
            continue
        text = s.text.replace("Mali", name)
        if s.kind is not Kind.TITLE and rng.random() < 0.15:
            ws = text.split()
            ws[rng.randrange(len(ws))] = rng.choice(words)
            text = " ".join(ws)
        segs.append(s.with_text(text))
    return replace(doc.with_segments(tuple(segs)), situation=name, meeting_date=f"{2000 + k % 25}-03-01",
                   title=f"Conclusions on children and armed conflict in {name} ({k})")


def retitled(doc: Document, k: int) -> Document:
    """The same conclusions under another title (a title is not language to reuse)."""
    title = f"Copy {k} of the conclusions"
    return replace(doc.with_segments((doc.segments[0].with_text(title), *doc.segments[1:])), title=title,
                   meeting_date=f"201{k}-01-01")


def pair_sets(ix):
    names = {i: w for w, i in ix.vocabulary.items()}
    out = []
    for pairs in ix.pairs:
        out.append(sorted((names[int(p) >> 32], names.get(int(p) & 0xFFFFFFFF, "")) for p in pairs))
    return out


def assert_same_index(a, b):
    assert a.entries == b.entries and a.processed == b.processed and a.texts == b.texts
    np.testing.assert_array_equal(a.text_of, b.text_of)
    assert [m.tolist() for m in a.members] == [m.tolist() for m in b.members]
    assert pair_sets(a) == pair_sets(b)
    np.testing.assert_allclose(a.weights, b.weights)
    assert a.documents == b.documents and a.dates == b.dates and a.hashes == b.hashes
    for text in a.texts[:: max(1, len(a.texts) // 7)]:
        ca, cb = a.candidates(text, limit=5), b.candidates(text, limit=5)
        np.testing.assert_array_equal(ca[0], cb[0])
        np.testing.assert_allclose(ca[1], cb[1])


def scratch(lib):
    infos = {i: (d.title, d.situation, d.meeting_date) for i, d in lib.document_infos().items()}
    return build((lib.documents_revision(),), *entries_of(lib.all_segments()), infos,
                 hashes=lib.indexed_documents())


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["add", "delete", "rename", "replace", "copy"]), st.integers(0, 40)),
                min_size=1, max_size=6))
def test_an_index_updated_by_revision_equals_one_built_from_scratch(corpus_doc, ops):
    lib = Library(":memory:")
    try:
        lib.add_document(derived(corpus_doc, 99))
        segment_index(lib)
        for op, k in ops:
            ids = sorted(lib.document_infos())
            if op == "add":
                lib.add_document(derived(corpus_doc, k))
            elif op == "delete" and ids:
                lib.delete_document(ids[k % len(ids)])
            elif op == "replace" and ids:  # another text under the same id
                lib.replace_document(ids[k % len(ids)], derived(corpus_doc, k + 50))
            elif op == "copy" and ids:  # the same document from another file: left out of the index
                lib.add_document(derived(corpus_doc, k + 100), same_as=ids[k % len(ids)])
            elif ids:
                lib.update_metadata(ids[k % len(ids)], situation=f"Situation {k}")
            assert_same_index(segment_index(lib), scratch(lib))
    finally:
        lib.close()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, 10_000), st.integers(0, 105), st.integers(2, 5))
def test_a_segment_copied_verbatim_is_always_found_verbatim(corpus_doc, seed, which, documents):
    lib = Library(":memory:")
    try:
        for k in range(documents):
            lib.add_document(derived(corpus_doc, seed + k))
        library = [e for e in segment_index(lib).entries if len(e.text.strip()) >= 12]
        source = library[which % len(library)]
        hits = find_precedents(lib, source.text, limit=1)
        assert hits and hits[0].similarity == 100 and hits[0].text == source.text
        copy = replace(corpus_doc.with_segments((corpus_doc.segments[0], corpus_doc.segments[1].with_text(source.text))),
                       meeting_date="2099-01-01")
        prov = provenance(lib, passage_of(copy))
        assert prov.segments[-1].status == VERBATIM and prov.segments[-1].source.text == source.text
    finally:
        lib.close()


def test_duplicated_texts_are_scored_once(corpus_doc):
    lib = Library(":memory:")
    try:
        for k in range(4):  # the same conclusions under four titles: every paragraph four times
            lib.add_document(retitled(corpus_doc, k))
        ix = segment_index(lib)
        one = {utils.default_process(s.text) for s in corpus_doc.segments[1:] if s.text.strip()}
        assert len(ix.texts) == len(one) and len(ix.entries) == 4 * (len(corpus_doc.segments) - 1)
        assert all(len(m) % 4 == 0 for m in ix.members)
        text = corpus_doc.segment("5(h)").text
        hits = find_precedents(lib, text, limit=4)
        assert [h.similarity for h in hits] == [100.0] * 4 and len({h.document_id for h in hits}) == 4
    finally:
        lib.close()


def test_candidates_hold_the_typed_beginning_and_the_edited_copy(corpus_library, corpus_doc, scoring_mode):
    for k in range(5):
        corpus_library.add_document(derived(corpus_doc, k))
    ix = segment_index(corpus_library)
    text = corpus_doc.segment("5(r)").text
    edited = text.replace("deprivation", "detention")
    source = ix.text_id(utils.default_process(text))
    for query in (edited, edited[: len(edited) * 3 // 10]):
        ids, _, _ = ix.candidates(utils.default_process(query), limit=3)
        assert source in ids.tolist()
    if scoring_mode == "candidates":
        assert len(ix.candidates(utils.default_process(edited), limit=3)[0]) < len(ix.texts) / 2


def test_a_draft_provenance_modified_and_verbatim_found_among_many(corpus_doc):
    lib = Library(":memory:")
    try:
        stored = [lib.add_document(derived(corpus_doc, k))[0] for k in range(6)]
        draft = stored[-1]
        seg = draft.segments[5]
        changed = corpus_doc.with_segments((corpus_doc.segments[0], seg, seg.with_text(seg.text + " and more")))
        prov = provenance(lib, passage_of(replace(changed, meeting_date="2099-01-01")))
        assert [p.status for p in prov.segments] == [VERBATIM, MODIFIED]
    finally:
        lib.close()


@pytest.mark.parametrize("limit", [1, 3])
def test_ties_keep_library_order(corpus_doc, limit):
    lib = Library(":memory:")
    try:
        for k in range(3):
            lib.add_document(retitled(corpus_doc, k))
        hits = find_precedents(lib, corpus_doc.segment("5(a)").text, limit=limit)
        assert [h.document_id for h in hits] == sorted(h.document_id for h in hits)
        assert len(hits) == limit
    finally:
        lib.close()
    assert search_index.SCORE_EVERY_TEXT in (True, False)
