"""The comparison report: summary, changed labels, side-by-side table with highlights."""

from __future__ import annotations

import importlib.util

import docx
import pytest

from app.compare.model import Comparison, RowOp
from app.export import docx_layout as lay
from app.export.report import changed_labels, report_document, summary_sentence
from app.model import Passage


@pytest.fixture
def report(corpus_comparison: Comparison, tmp_path):
    path = tmp_path / "report.docx"
    report_document(corpus_comparison).save(path)
    return docx.Document(str(path))


def test_summary_counts_each_kind_of_change(corpus_comparison):
    # 106 segments on the left; the redraft deletes one, inserts one, moves one, edits two.
    assert summary_sentence(corpus_comparison) == (
        "106 segments on the left, 106 on the right: "
        "102 unchanged, 2 modified, 1 inserted, 1 deleted, 1 moved; "
        "9 relabelled."
    )


def test_changed_labels_by_kind(corpus_comparison):
    assert changed_labels(corpus_comparison) == {
        RowOp.MODIFIED: ["5(c)", "7(c)"],
        RowOp.INSERTED: ["5(f)"],
        RowOp.DELETED: ["5(c)"],
        RowOp.MOVED: ["5(m) \u2192 5(b)"],
        RowOp.SPLIT: [],
        RowOp.MERGED: [],
    }


def test_report_starts_with_the_summary(report, corpus_comparison):
    texts = [p.text for p in report.paragraphs]
    assert texts[0] == "Comparison report"
    assert summary_sentence(corpus_comparison) in texts
    assert "Modified: 5(c), 7(c)." in texts and "Moved: 5(m) \u2192 5(b)." in texts


def test_table_puts_the_texts_side_by_side(report, corpus_comparison):
    (table,) = report.tables
    assert len(table.rows) == len(corpus_comparison.rows) + 1
    header = [c.text for c in table.rows[0].cells]
    assert header == [corpus_comparison.left_title, corpus_comparison.right_title, "Strength"]
    by_op = {r.op: i + 1 for i, r in enumerate(corpus_comparison.rows) if r.op is not RowOp.MOVED}
    left, right, _ = table.rows[by_op[RowOp.DELETED]].cells
    assert left.text.startswith("(c) Noting with concern") and right.text == ""
    left, right, _ = table.rows[by_op[RowOp.INSERTED]].cells
    assert left.text == "" and "release of children" in right.text


def test_highlights_use_the_comparison_styles(report, corpus_comparison):
    (table,) = report.tables
    i = next(i for i, r in enumerate(corpus_comparison.rows)
             if r.op is RowOp.MODIFIED and r.left.label == "7(c)") + 1
    left, right, _ = table.rows[i].cells
    deleted = [r.text for r in left.paragraphs[0].runs if r.style.name == lay.DELETED]
    inserted = [r.text for r in right.paragraphs[0].runs if r.style.name == lay.INSERTED]
    assert deleted == ["Stressing"] and inserted == ["Reiterating"]
    assert report.styles[lay.DELETED].font.strike is True


def test_a_move_shows_where_it_went(report, corpus_comparison):
    (table,) = report.tables
    src = next(i for i, r in enumerate(corpus_comparison.rows)
               if r.op is RowOp.MOVED and r.right is None) + 1
    assert table.rows[src].cells[0].text.startswith("Moved to 5(b): (m) Expressing grave concern")
    dst = next(i for i, r in enumerate(corpus_comparison.rows)
               if r.op is RowOp.MOVED and r.right is not None) + 1
    assert table.rows[dst].cells[0].text.startswith("Moved from 5(m): ")
    assert table.rows[dst].cells[1].text.startswith("(b) Expressing deep concern")


@pytest.mark.skipif(importlib.util.find_spec("app.services.compare") is None,
                    reason="the comparison engine (app.services.compare) is not there yet")
def test_report_of_a_real_comparison(corpus_doc, corpus_redraft, tmp_path):
    from app.services.compare import compare_passages

    comparison = compare_passages(Passage(corpus_doc, corpus_doc.segments, "1"),
                                  Passage(corpus_redraft, corpus_redraft.segments, "2"))
    path = tmp_path / "real.docx"
    report_document(comparison).save(path)
    d = docx.Document(str(path))
    assert summary_sentence(comparison) in [p.text for p in d.paragraphs]
    assert len(d.tables[0].rows) == len(comparison.rows) + 1
    assert changed_labels(comparison)[RowOp.DELETED] == ["5(c)"]
