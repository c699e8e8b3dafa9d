"""Repeated language: groups of segments saying nearly the same thing."""

from app.compare.repeats import find_repeats
from app.model import Kind, Segment


def labels(group):
    return [s.label for s in group.segments]


def test_corpus_repeats(corpus_doc):
    groups = [labels(g) for g in find_repeats(corpus_doc.segments)]
    assert ["5(h)", "5(r)", "7(e)"] in groups  # deprivation of liberty
    assert ["5(d)", "5(p)", "7(c)"] in groups  # accountability
    for a, b in zip("noqstuv", "abdfghi", strict=True):
        assert [f"5({a})", f"7({b})"] in groups
    # Nothing else is grouped with the deprivation-of-liberty language.
    members = [m for g in groups for m in g]
    assert len(members) == len(set(members))
    assert "5(a)" not in members and "annex-2" not in members


def test_group_links_carry_similarity(corpus_doc):
    group = next(g for g in find_repeats(corpus_doc.segments) if labels(g)[0] == "5(h)")
    assert 60 <= group.lowest < group.highest <= 100
    assert {corpus_doc.segments[a].label for a, _, _ in group.links} <= {"5(h)", "5(r)"}


def test_short_lines_are_not_language():
    segs = [Segment(Kind.TEXT, "Mister Chairman;"), Segment(Kind.TEXT, "Mister Chairman;")]
    assert find_repeats(segs) == []
    assert find_repeats(segs, min_chars=5)[0].indexes == (0, 1)
