"""Provenance of a passage against a library: verbatim, modified or new, with the edits."""

from dataclasses import replace

import numpy as np
import pytest
from rapidfuzz import utils

from app.compare.render import marked_text
from app.model import Kind, Segment
from app.search.provenance import MODIFIED, NEW, VERBATIM, provenance, score_matrix
from app.search.similar import score_all, segment_index
from app.services.library import resolve_ref

NEW_TEXT = ("Welcoming the adoption by the transitional authorities of a national strategy on the "
            "prevention of child marriage and calling for its swift implementation;")


def burkina_2022(corpus_doc):
    """A 2022 document drafted from Mali 2020's public statement, paragraph 5 to 5(h).

    5(a), 5(b) kept, 5(c) edited, 5(d) reworded beyond recognition, 5(e) and 5(f) deleted,
    5(g) kept, 5(h) edited and moved under another addressee line, one new subparagraph.
    """
    seg = corpus_doc.segment
    c = seg("5(c)").text.replace("during the reporting period presented", "during the period under review presented")
    h = seg("5(h)").text.replace("grave concern", "deep concern").replace("Government of Mali", "Government")
    segs = (
        Segment(Kind.TITLE, "Conclusions on children and armed conflict in Burkina Faso"),
        Segment(Kind.HEADING, "Public statement by the Chair of the Working Group"),
        Segment(Kind.PARAGRAPH, seg("5").text, "5"),
        Segment(Kind.ADDRESSEE, "To all parties to armed conflict in Mali"),
        Segment(Kind.SUBPARAGRAPH, "  " + seg("5(a)").text.replace(" ", "  ", 3), "5(a)"),
        Segment(Kind.SUBPARAGRAPH, seg("5(b)").text, "5(b)"),
        Segment(Kind.SUBPARAGRAPH, c, "5(c)"),
        Segment(Kind.SUBPARAGRAPH, "Stressing that accountability matters.", "5(d)"),
        Segment(Kind.SUBPARAGRAPH, seg("5(g)").text, "5(e)"),
        Segment(Kind.ADDRESSEE, "To the Government of Burkina Faso"),
        Segment(Kind.SUBPARAGRAPH, h, "5(f)"),
        Segment(Kind.SUBPARAGRAPH, NEW_TEXT, "5(g)"),
    )
    return replace(corpus_doc, title=segs[0].text, segments=segs, situation="Burkina Faso",
                   meeting_date="2022-06-01", symbol="S/AC.51/2022/3")


def rows(prov):
    return [(p.name, p.status, p.source.cite() if p.source else "") for p in prov.segments]


def test_every_segment_of_a_derived_document_is_classified(corpus_library, corpus_doc):
    stored, _ = corpus_library.add_document(burkina_2022(corpus_doc))
    prov = provenance(corpus_library, resolve_ref(corpus_library, str(stored.id)))
    assert rows(prov) == [
        ("heading", VERBATIM, "Mali 2020 heading"),
        ("5", VERBATIM, "Mali 2020 5"),
        ("addressee", VERBATIM, "Mali 2020 addressee"),
        ("5(a)", VERBATIM, "Mali 2020 5(a)"),  # only its spacing differs
        ("5(b)", VERBATIM, "Mali 2020 5(b)"),
        ("5(c)", MODIFIED, "Mali 2020 5(c)"),
        ("5(d)", NEW, ""),  # too short and too different to come from 5(d)
        ("5(e)", VERBATIM, "Mali 2020 5(g)"),  # relabelled: found by its text
        ("addressee", MODIFIED, "Mali 2020 addressee"),  # To the Government of [-Mali-]{+Burkina Faso+}
        ("5(f)", MODIFIED, "Mali 2020 5(h)"),
        ("5(g)", NEW, ""),
    ]
    by_label = {p.name: p for p in prov.segments}
    assert "during the [-reporting period-]{+period under review+} presented" in marked_text(by_label["5(c)"].edits)
    assert marked_text(prov.segments[8].edits) == "To the Government of [-Mali-]{+Burkina Faso+}"
    assert marked_text(by_label["5(f)"].edits).startswith("Expressing [-grave-]{+deep+} concern at")
    assert "urging the Government [-of Mali -]to comply" in marked_text(by_label["5(f)"].edits)
    assert by_label["5(a)"].similarity == 100 and by_label["5(a)"].edits[0].op == "equal"
    assert 90 <= by_label["5(c)"].similarity < 100
    assert by_label["5(g)"].edits == () and by_label["5(g)"].similarity == 0

    counts, words = prov.counts(), prov.words()
    assert counts == {VERBATIM: 6, MODIFIED: 3, NEW: 2}
    assert words[NEW] == len(NEW_TEXT.split()) + 4  # and "Stressing that accountability matters."
    assert sum(words.values()) == sum(p.words for p in prov.segments)
    assert sum(prov.percentages().values()) == pytest.approx(100, abs=0.2)


def test_a_document_is_not_its_own_source_nor_are_later_ones(corpus_library, corpus_doc):
    stored, _ = corpus_library.add_document(burkina_2022(corpus_doc))
    # Mali 2020 against a library whose only other document is from 2022: nothing earlier.
    prov = provenance(corpus_library, resolve_ref(corpus_library, "1:5(a)..5(c)"))
    assert [p.status for p in prov.segments] == [NEW, NEW, NEW]
    later = provenance(corpus_library, resolve_ref(corpus_library, "1:5(a)..5(c)"), earlier_only=False)
    assert [p.source.cite() for p in later.segments] == ["Burkina Faso 2022 5(a)", "Burkina Faso 2022 5(b)",
                                                        "Burkina Faso 2022 5(c)"]
    assert [p.status for p in later.segments] == [VERBATIM, VERBATIM, MODIFIED]


def test_within_finds_the_letter_repeating_the_public_statement(corpus_library):
    prov = provenance(corpus_library, resolve_ref(corpus_library, "1:7"), within=True)
    assert [(p.name, p.status, p.source.label) for p in prov.segments[1:]] == [
        ("7(a)", MODIFIED, "5(n)"), ("7(b)", VERBATIM, "5(o)"), ("7(c)", MODIFIED, "5(p)"),
        ("7(d)", VERBATIM, "5(q)"), ("7(e)", MODIFIED, "5(r)"), ("7(f)", VERBATIM, "5(s)"),
        ("7(g)", MODIFIED, "5(t)"), ("7(h)", MODIFIED, "5(u)"), ("7(i)", MODIFIED, "5(v)"),
    ]
    assert prov.segments[0].name == "7"
    by_label = {p.name: p for p in prov.segments}
    assert "perpetrators of {+the six +}grave violations" in marked_text(by_label["7(c)"].edits)
    assert marked_text(by_label["7(e)"].edits).startswith("Expressing concern [-at-]{+about+} the deprivation")
    # earlier positions only: 5(n) has no source in its own document, even with 7(a) below it
    first = provenance(corpus_library, resolve_ref(corpus_library, "1:5(n)"), within=True)
    assert first.segments[0].status == NEW
    # without --within a stored document is never its own source
    assert {p.status for p in provenance(corpus_library, resolve_ref(corpus_library, "1:7(a)..7(i)")).segments} == {NEW}


def test_a_draft_version_is_traced_to_the_library(corpus_library):
    from app.drafts import Replacement
    from app.services.drafts import new_draft, save_version

    draft = new_draft(corpus_library, "Burkina Faso", "1:5(n)..5(p)",
                      [Replacement("Government of Mali", "Government of Burkina Faso")])
    save_version(corpus_library, draft.id, "zero draft")
    prov = provenance(corpus_library, resolve_ref(corpus_library, f"draft:{draft.id}@zero draft"))
    # the draft is renumbered from 1; every source in the library is listed, best first,
    # and of two equal ones in a document the first (the public statement before the letter)
    assert [(p.name, p.status, [s.cite() for s in p.sources]) for p in prov.segments] == [
        ("1", VERBATIM, ["Mali 2020 5(n)", "Mali 2020 7(a)"]),
        ("1(a)", MODIFIED, ["Mali 2020 5(o)", "Mali 2020 7(b)"]),
        ("1(b)", VERBATIM, ["Mali 2020 5(p)", "Mali 2020 7(c)", "Mali 2020 5(d)"]),
    ]
    assert "{+Burkina Faso+}" in marked_text(prov.segments[1].edits)


def test_score_matrix_scores_like_precedent_search(corpus_library, corpus_doc):
    # Beginnings of segments, as precedent search gets them while one types: the same scores
    # from the whole library at once as one query at a time (rows whose best stays under 90).
    index = segment_index(corpus_library)
    texts = [s.text[: len(s.text) // 2] for s in corpus_doc.segments if s.label][:12]
    queries = [utils.default_process(t) + " zz" for t in texts]
    matrix = score_matrix(queries, index.processed)
    checked = 0
    for query, row in zip(queries, matrix, strict=True):
        if row.max() < 90:
            np.testing.assert_allclose(row, score_all(query, index), atol=1e-3)
            checked += 1
    assert checked >= 4
