"""Whatever a person types into search gives results or one clear line, never a traceback."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import ConcordError
from app.store.fts import fts_query

words = st.sampled_from(["children", "recruit*", "deprivation", "liberty", "Mali", "reintegrat*",
                         "armed", "x", "5(n)", "S/2020/1105", "élève", "NEAR", "near", "and"])
operators = st.sampled_from(["OR", "NOT", "AND", "NEAR", "NEAR(", ")", "(", '"', "*", "-", "^", ":", "'", ",", ";"])
phrases = st.lists(words, min_size=1, max_size=3).map(lambda ws: '"' + " ".join(ws) + '"')
queries = st.lists(st.one_of(words, operators, phrases, st.text(max_size=6)), max_size=8).map(" ".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(queries)
def test_any_query_gives_results_or_one_clear_line(corpus_library, query):
    try:
        hits = corpus_library.search(query)
    except ConcordError as e:
        assert "\n" not in str(e)
    else:
        assert all(h.document_id == 1 for h in hits)


@pytest.mark.parametrize("query, labels", [
    ("recruit* children", {"5(a)", "5(o)", "7(e)"}),  # a prefix with another term (a traceback before)
    ("children recruit*", {"5(a)", "5(o)", "7(e)"}),
    ("deprivation NOT Malian", {"5(h)"}),  # 5(r) and 7(e) name "the Malian authorities"
])
def test_prefix_and_not_combine(corpus_library, query, labels):
    found = {h.label for h in corpus_library.search(query, limit=200)}
    assert labels <= found


def test_not_excludes(corpus_library):
    with_malian = {h.label for h in corpus_library.search("deprivation Malian", limit=200)}
    without = {h.label for h in corpus_library.search("deprivation NOT Malian", limit=200)}
    assert with_malian and not (with_malian & without)


@pytest.mark.parametrize("typed, match", [
    ("recruit* children", '"recruit"* AND "children"'),
    ("a OR b", '"a" OR "b"'),
    ("OR a", '"a"'),
    ("a NOT", '"a"'),
    ('"six grave" violations', '"six grave" AND "violations"'),
    ("NEAR(x y)", '"NEAR x" AND "y"'),  # literal words, never FTS5's NEAR()
])
def test_query_builder(typed, match):
    assert fts_query(typed) == match
