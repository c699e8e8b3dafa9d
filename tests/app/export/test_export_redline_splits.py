"""Splits and merges in the Word redline and report: paragraph marks tracked between the parts,
so that accepting every change gives the right text and rejecting every change the left."""

from __future__ import annotations

import shutil
from functools import partial

import pytest
from docx import Document as open_docx
from exportkit import lines

from app.compare import engine
from app.compare.model import Direction, RowOp
from app.export import ooxml_reader as reader
from app.export.redline import redline_document
from app.export.report import report_document, strength_changes, summary_sentence
from app.model import Kind, Segment
from tests.app.compare.restructure import restructure

compare_segments = partial(engine.compare_segments, structure=True)


def _numbered(path) -> bool:
    styles = reader.read_parts(path).styles
    return styles is not None and styles.find(
        ".//w:style[@w:styleId='ConclusionsParagraph']/w:pPr/w:numPr", {"w": reader.W}) is not None


@pytest.mark.parametrize("numbering", ["automatic", "typed"])
@pytest.mark.parametrize("forward", [True, False], ids=["split", "merged"])
def test_accept_and_reject_give_the_two_texts(corpus_doc, tmp_path, numbering, forward):
    """The corpus against its restructured redraft (two splits, two merges, two of them
    across levels), both ways round: each reading is exactly one of the documents."""
    left, right = (corpus_doc, restructure(corpus_doc))[:: 1 if forward else -1]
    cmp = compare_segments(left.segments, right.segments)
    assert cmp.summary()["split"] == cmp.summary()["merged"] == 2
    path = tmp_path / "redline.docx"
    redline_document(cmp, numbering=numbering).save(path)
    assert _numbered(path) is (numbering == "automatic")  # Word's numbers show both readings
    assert reader.paragraphs(path, "accept") == lines(right.segments)
    assert reader.paragraphs(path, "reject") == lines(left.segments)
    ids = reader.annotation_ids(path)
    assert len(ids) == len(set(ids))
    # the joins are paragraph marks, inserted for a split and deleted for a merge
    # (5(d) in two and paragraph 3 in ten: ten marks; 5(x) with 5(y), 6 with 6(a) and 6(b): three)
    marks = [r.kind for r in reader.revisions(path) if r.paragraph_mark]
    assert (marks.count("ins"), marks.count("del")) == ((10, 3) if forward else (3, 10))


def test_the_change_across_the_join_is_the_only_text_change(corpus_doc, tmp_path):
    """5(d) split before "stressing that": the join's space and the small letter go, the
    capital comes; nothing else of 5(d) is tracked."""
    (d,) = [s for s in corpus_doc.segments if s.label == "5(d)"]
    k = d.text.index("; stressing that") + 1
    parts = (d.with_text(d.text[:k]), Segment(Kind.SUBPARAGRAPH, "S" + d.text[k + 2:], "5(e)"))
    path = tmp_path / "split.docx"
    redline_document(compare_segments([d], list(parts)), numbering="typed").save(path)
    texts = [(r.kind, r.text) for r in reader.revisions(path) if not r.paragraph_mark]
    assert texts == [("del", " "), ("ins", "(e)"), ("del", "stressing"), ("ins", "Stressing")]
    assert reader.paragraphs(path, "reject") == [f"(d)\t{d.text}"]
    assert reader.paragraphs(path, "accept") == [f"(d)\t{parts[0].text}", f"(e)\t{parts[1].text}"]


def _doc(*texts: tuple[str, str]) -> list[Segment]:
    return [Segment(Kind.SUBPARAGRAPH if "(" in label else Kind.PARAGRAPH, text, label)
            for label, text in texts]


A = "Stressing the importance of accountability for all violations and abuses against children;"
B = "stressing that all perpetrators must be brought to justice without undue delay;"
C = "Welcoming the release from detention of 79 children by the Malian authorities;"
D = "Encouraging the Government to adopt the draft law to annul the legal deadline for birth registration;"
NEW = "Inviting donors to keep the Working Group informed of their funding efforts;"


@pytest.mark.parametrize(("left", "right"), [
    # a split at the end of the document: the last mark is never tracked
    (_doc(("5(a)", C), ("5(b)", f"{A} {B}")), _doc(("5(a)", C), ("5(b)", A), ("5(c)", B))),
    # a merge at the start, an insertion right after it
    (_doc(("5(a)", A), ("5(b)", B), ("5(c)", C)), _doc(("5(a)", f"{A} {B}"), ("5(b)", NEW), ("5(c)", C))),
    # a split followed by a deletion, a merge at the end
    (_doc(("5(a)", f"{A} {B}"), ("5(b)", NEW), ("5(c)", C), ("5(d)", D)),
     _doc(("5(a)", A), ("5(b)", B), ("5(c)", f"{C} {D}"))),
])
@pytest.mark.parametrize("numbering", ["automatic", "typed"])
def test_at_the_edges_and_beside_other_changes(tmp_path, left, right, numbering):
    cmp = compare_segments(left, right)
    assert {RowOp.SPLIT, RowOp.MERGED} & {r.op for r in cmp.rows}
    for mode in ("track", "bold"):
        path = tmp_path / f"{mode}.docx"
        redline_document(cmp, mode, numbering=numbering).save(path)
        if mode == "track":
            assert reader.paragraphs(path, "accept") == lines(right)
            assert reader.paragraphs(path, "reject") == lines(left)
        else:  # struck and bold: the right side's paragraphs, its text without the struck runs,
            # the left side's text without the bold ones
            runs = reader.formatted_runs(path)
            kept = ["".join(r.text for r in p if not r.strike) for p in runs]
            assert [t for t in kept if t] == lines(right)
            shown = "".join("".join(r.text for r in p if not r.bold) for p in runs)
            assert shown.replace("\t", "") == "".join(lines(left)).replace("\t", "")


@pytest.mark.skipif(not shutil.which("pandoc"), reason="pandoc is not installed")
@pytest.mark.parametrize("view", ["accept", "reject"])
def test_pandoc_reads_the_typed_redline_as_the_two_documents(corpus_doc, tmp_path, view):
    from exportkit import pandoc_paragraphs

    left, right = corpus_doc, restructure(corpus_doc)
    path = tmp_path / "typed.docx"
    redline_document(compare_segments(left.segments, right.segments), numbering="typed").save(path)
    wanted = right if view == "accept" else left
    assert pandoc_paragraphs(path, view) == [" ".join(t.split()) for t in lines(wanted.segments)]


@pytest.mark.skipif(not shutil.which("pandoc"), reason="pandoc is not installed")
@pytest.mark.parametrize("forward", [True, False], ids=["split", "merged"])
@pytest.mark.parametrize("view", ["accept", "reject"])
def test_pandoc_reads_the_numbered_redline_in_order(corpus_doc, tmp_path, forward, view):
    """With Word's numbering pandoc reads every paragraph's text in order, leaving at most an
    empty list item for each numbered part whose mark the reading removes (its habit for
    any tracked paragraph mark)."""
    from exportkit import pandoc_paragraphs

    from app.export.docx_layout import label_text, typed_label

    left, right = (corpus_doc, restructure(corpus_doc))[:: 1 if forward else -1]
    path = tmp_path / "numbered.docx"
    redline_document(compare_segments(left.segments, right.segments)).save(path)
    wanted = right if view == "accept" else left
    texts = [f"{label_text(s.label)}\t{s.text}" if typed_label(s) else s.text for s in wanted.segments]
    read = pandoc_paragraphs(path, view)
    assert [p for p in read if p != "<empty item>"] == [" ".join(t.split()) for t in texts]
    removed = [r for r in reader.revisions(path) if r.paragraph_mark
               and r.kind == ("del" if view == "accept" else "ins")]
    assert read.count("<empty item>") <= len(removed)


def test_report_lists_splits_merges_and_strength(corpus_doc, tmp_path):
    right = restructure(corpus_doc)
    weakened = [s.with_text(s.text.replace("Strongly condemning", "Condemning", 1))
                if s.label == "5(a)" else s for s in right.segments]
    cmp = compare_segments(corpus_doc.segments, weakened)
    assert summary_sentence(cmp) == (
        "106 segments on the left, 113 on the right: 98 unchanged, 1 modified, 2 split, 2 merged; "
        "20 relabelled; language 1 weaker.")
    assert strength_changes(cmp)[Direction.STRONGER] == []
    path = tmp_path / "report.docx"
    report_document(cmp).save(path)
    d = open_docx(str(path))
    text = [p.text for p in d.paragraphs]
    assert "Split: 3 \u2192 3 + 3(a) + 3(b) + 3(c) + 3(d) + 3(e) + 3(f) + 3(g) + 3(h) + 3(i), " \
           "5(d) \u2192 5(d) + 5(e)." in text
    assert "Merged: 5(x) + 5(y) \u2192 5(y), 6 + 6(a) + 6(b) \u2192 6." in text
    assert "Language weaker: 5(a) (Strongly condemning \u2192 Condemning)." in text
    rows = [[c.text for c in r.cells] for r in d.tables[0].rows]
    assert rows[0] == ["Left", "Right", "Strength"]
    (a5,) = [r for r in rows if r[0].startswith("(a) Strongly condemning all violations")]
    assert a5[2] == "weaker: Strongly condemning \u2192 Condemning"
    assert [r[2] for r in rows[1:]].count("") == len(rows) - 2  # the other rows: no mark
    # a split's parts each on their own line, with their labels
    (d5,) = [r for r in d.tables[0].rows if r.cells[1].text.startswith("(d) Stressing the importance")]
    assert d5.cells[1].text.split("\n")[1].startswith("(e) Stressing that all perpetrators")
    assert "\n" not in d5.cells[0].text
