import pytest

from app.parse import parse_text
from app.search.similar import find_precedents, segment_index, similar_language


def _position(doc, label):
    return [s.label for s in doc.segments].index(label)


PARALLELS = [(f"5({a})", f"7({b})") for a, b in zip("nopqrstuv", "abcdefghi", strict=True)]


@pytest.mark.parametrize(("query", "expected"), PARALLELS + [(b, a) for a, b in PARALLELS])
@pytest.mark.parametrize("fraction", [1.0, 0.6])
def test_parallel_paragraph_is_the_top_precedent(corpus_library, query, expected, fraction):
    # The public statement to the Government (5(n)-(v)) and the letter to it (7(a)-(i)) are
    # the same language; from the whole text or what has been typed of it, the other is first.
    doc = corpus_library.get_document(1)
    text = doc.segment(query).text
    hits = find_precedents(corpus_library, text[: int(len(text) * fraction)], exclude=(1, _position(doc, query)))
    assert hits[0].label == expected and hits[0].document_id == 1 and hits[0].situation == "Mali"
    assert hits[0].similarity >= 85 and hits[0].source() == f"Mali {expected}"


def test_results_are_ordered_limited_and_thresholded(corpus_library):
    hits = find_precedents(corpus_library, "Strongly condemning all violations and abuses committed against children",
                           limit=5)
    assert 1 <= len(hits) <= 5
    assert [h.similarity for h in hits] == sorted((h.similarity for h in hits), reverse=True)
    assert find_precedents(corpus_library, "Strongly") == []  # too short to mean anything
    assert find_precedents(corpus_library, "The quarterly sales figures of the bakery rose sharply in May.") == []


def test_cache_is_rebuilt_when_documents_change(corpus_library):
    first = segment_index(corpus_library)
    assert segment_index(corpus_library) is first
    corpus_library.add_document(parse_text("Conclusions on children and armed conflict in Chad\n\n"
                                           "1. The Working Group welcomed the cooperation of the Government of Chad.\n"))
    second = segment_index(corpus_library)
    assert second is not first and len(second.entries) == len(first.entries) + 1  # the title is not language to reuse
    hits = find_precedents(corpus_library, "welcomed the cooperation of the Government of Chad")
    assert hits[0].situation == "Chad"


def test_similar_language_same_document_and_elsewhere(corpus_library):
    corpus_library.add_document(parse_text(
        "Conclusions on children and armed conflict in Chad\n\n1. Stressing the importance of accountability "
        "for all violations and abuses against children in armed conflict.\n"))
    doc = corpus_library.get_document(1)
    found = similar_language(corpus_library, 1, _position(doc, "5(d)"))
    assert "5(p)" in [h.label for h in found.same_document]  # the repeated accountability language
    assert "5(d)" not in [h.label for h in found.same_document]
    assert found.elsewhere and found.elsewhere[0].situation == "Chad"
