"""The comparison use cases: references, passages, pasted texts, parallels, repeats."""

import pytest

from app.compare.model import CompareOptions, RowOp
from app.errors import BadReference, NotFound
from app.services import compare as svc


def test_compare_refs(corpus_library):
    cmp = svc.compare_refs(corpus_library, "1:5(n)..5(v)", "1:7(a)..7(i)")
    assert (cmp.left_ref, cmp.right_ref) == ("1:5(n)..5(v)", "1:7(a)..7(i)")
    assert cmp.left_title == "Mali 5(n)..5(v)"
    assert [r.op for r in cmp.rows].count(RowOp.EQUAL) == 3 and len(cmp.rows) == 9
    assert svc.comparison_json(cmp)["summary"]["modified"] == 6
    assert "{+the six +}grave" in svc.comparison_text(cmp)
    assert svc.comparison_html(cmp).startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("left", "right", "error"),
    [
        ("1:5(zz)", "1:7(a)", NotFound),  # no such label
        ("1:5(n)..5(q", "1:7(a)", BadReference),
        ("9", "1", NotFound),  # no such document
    ],
)
def test_bad_references(corpus_library, left, right, error):
    with pytest.raises(error):
        svc.compare_refs(corpus_library, left, right)


def test_compare_texts_stores_nothing(corpus_library):
    left = "Conclusions on Mali\n1. The Working Group welcomed the report of the Secretary-General.\n"
    right = "Conclusions on Mali\n1. The Working Group warmly welcomed the report of the Secretary-General.\n"
    cmp = svc.compare_texts(left, right)
    (title, para) = cmp.rows
    assert title.op is RowOp.EQUAL
    assert para.op is RowOp.MODIFIED
    assert [(e.op, e.text) for e in para.edits if e.op != "equal"] == [("insert", "warmly ")]
    assert corpus_library.counts()["documents"] == 1


def test_options_reach_the_engine(corpus_library):
    cmp = svc.compare_refs(corpus_library, "1:5(v)", "1:7(i)",
                           CompareOptions(ignore_case=True, ignore_punctuation=True))
    assert cmp.rows[0].op is RowOp.EQUAL


def test_parallels_and_repeats_of_a_document(corpus_doc):
    (block,) = svc.parallels(corpus_doc)
    assert block.comparison.left_ref == "5(n)..5(v)"
    assert svc.parallels(corpus_doc, threshold=100.0) == []
    groups = svc.repeats(corpus_doc)
    assert any([s.label for s in g.segments] == ["5(h)", "5(r)", "7(e)"] for g in groups)
