"""Clause history: the versions of 5(h)'s deprivation-of-liberty language across the years."""

from dataclasses import replace

import pytest

from app.compare.render import marked_text
from app.errors import BadReference, NotFound
from app.search.history import clause_history
from app.services.drafts import new_draft
from app.services.search import clause_history as clause_history_of

# Each year edits the previous year's 5(h); 5(r) and 7(e) stay as in 2020.
EDITS = {
    "2021-05-10": ("grave concern", "deep concern"),
    "2022-06-01": ("acknowledging that some children", "acknowledging that many children"),
    "2023-07-03": ("in 2013;", "in 2013, and its renewal in 2022;"),
}


def add_years(lib, corpus_doc):
    """Mali 2021, 2022, 2023 (added out of order), each 5(h) edited from the year before."""
    text = corpus_doc.segment("5(h)").text
    versions = {}
    for date, (old, new) in EDITS.items():
        assert old in text
        text = text.replace(old, new)
        versions[date] = text
    for date in ("2023-07-03", "2021-05-10", "2022-06-01"):
        segs = tuple(s.with_text(versions[date]) if s.label == "5(h)" else s for s in corpus_doc.segments)
        lib.add_document(replace(corpus_doc, segments=segs, meeting_date=date))


def test_history_of_5h_across_three_later_years(corpus_library, corpus_doc):
    add_years(corpus_library, corpus_doc)
    history = clause_history(corpus_library, corpus_doc.segment("5(h)").text, best_per_document=True)
    assert [(e.source.meeting_date, e.source.label, e.source.document_id) for e in history] == [
        ("2020-11-20", "5(h)", 1), ("2021-05-10", "5(h)", 3), ("2022-06-01", "5(h)", 4), ("2023-07-03", "5(h)", 2)]
    assert [e.previous for e in history] == [None, 0, 1, 2]
    assert [e.source.similarity for e in history][0] == 100
    assert marked_text(history[1].edits).startswith("Expressing [-grave-]{+deep+} concern at the deprivation of ")
    assert "acknowledging that [-some-]{+many+} children" in marked_text(history[2].edits)
    assert marked_text(history[3].edits).endswith("Government of Mali in 2013{+, and its renewal in 2022+};")
    assert [e.changed for e in history] == [False, True, True, True]


def test_every_close_segment_each_against_its_closest_earlier_version(corpus_library, corpus_doc):
    add_years(corpus_library, corpus_doc)
    history = clause_history_of(corpus_library, "1:5(h)")
    cites = [e.source.cite() for e in history]
    assert cites == [f"Mali {y} {lab}" for y in (2020, 2021, 2022, 2023) for lab in ("5(h)", "5(r)", "7(e)")]
    assert [e.current for e in history] == [True] + [False] * 11
    previous = [cites[e.previous] if e.previous is not None else None for e in history]
    # 2021's 5(r) is read against 2020's 5(r) (unchanged), not against 2021's 5(h) just before it
    assert previous == [None, "Mali 2020 5(h)", "Mali 2020 5(r)",
                        "Mali 2020 5(h)", "Mali 2020 5(r)", "Mali 2020 7(e)",
                        "Mali 2021 5(h)", "Mali 2021 5(r)", "Mali 2021 7(e)",
                        "Mali 2022 5(h)", "Mali 2022 5(r)", "Mali 2022 7(e)"]
    assert [e.changed for e in history] == [False, True, True, True, False, False, True, False, False,
                                           True, False, False]
    assert marked_text(history[2].edits).startswith("Expressing concern [-at-]{+about+} the deprivation")


def test_a_quoted_clause_and_bad_input(corpus_library):
    history = clause_history_of(corpus_library, "Expressing concern at the deprivation of liberty of children "
                                                "for their association or alleged association with armed groups")
    # a phrase is found inside the paragraphs: whole in 5(r), with "grave" added in 5(h)
    assert [(e.source.label, e.source.similarity) for e in history] == [("5(h)", 85.6), ("5(r)", 90.0),
                                                                         ("7(e)", 87.8)]
    with pytest.raises(BadReference, match="too short"):
        clause_history_of(corpus_library, "Strongly")
    draft = new_draft(corpus_library, "Mali 2024", "1:5(h)")
    with pytest.raises(BadReference, match="one clause"):
        clause_history_of(corpus_library, f"draft:{draft.id}")  # a whole draft, not a clause
    # a clause of a draft is traced to the library; it is not stored, so none is `current`
    from_draft = clause_history_of(corpus_library, f"draft:{draft.id}:1")
    assert [(e.source.label, e.current) for e in from_draft] == [("5(h)", False), ("5(r)", False), ("7(e)", False)]
    with pytest.raises(NotFound):
        clause_history_of(corpus_library, "1:5(zz)")


def test_a_phrase_found_verbatim_inside_every_paragraph_that_holds_it(corpus_library):
    # Shorter than any of the paragraphs: ranked by plain ratio, headings came first and the
    # three paragraphs holding the phrase word for word were never looked inside.
    history = clause_history_of(
        corpus_library, "the deprivation of liberty of children for their association or alleged association")
    assert [(e.source.label, e.source.similarity) for e in history] == [("5(h)", 90.0), ("5(r)", 90.0),
                                                                         ("7(e)", 90.0)]
