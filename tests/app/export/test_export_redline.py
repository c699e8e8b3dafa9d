"""Redlines: accepting every change gives the right text, rejecting every change the left."""

from __future__ import annotations

import importlib.util
import re
import zipfile
from datetime import UTC, datetime

import pytest
from exportkit import (
    NEW_SUBPARAGRAPH,
    lines,
    make_comparison,
    redraft,
    redraft_across_levels,
    word_edits,
)
from lxml import etree

from app.compare.model import Comparison, Edit, Row, RowOp
from app.errors import ExportError
from app.export import ooxml_reader as reader
from app.export.document import passage_document
from app.export.redline import (
    edit_pieces,
    redline_document,
    removed_marks,
    side_names,
    word_pieces,
)
from app.model import Document, Kind, Passage, Segment


def _save(comparison: Comparison, tmp_path, mode: str = "track", **kw):
    path = tmp_path / f"redline-{mode}-{kw.get('numbering', 'automatic')}.docx"
    redline_document(comparison, mode, **kw).save(path)
    return path


def _numbered(path) -> bool:
    """Whether the file numbers its paragraphs automatically (its styles name a list)."""
    styles = reader.read_parts(path).styles
    return styles is not None and styles.find(
        ".//w:style[@w:styleId='ConclusionsParagraph']/w:pPr/w:numPr", {"w": reader.W}) is not None


LABEL_RE = re.compile(r"\(?[a-z]+\)|\d+\.")  # "(c)", "12." as typed labels read


def _doc(*segments: Segment, title: str = "T") -> Document:
    return Document(title, tuple(segments))


def P(label: str, text: str) -> Segment:
    kind = Kind.SUBPARAGRAPH if "(" in label else Kind.PARAGRAPH
    return Segment(kind, text, label)


@pytest.mark.parametrize("numbering", ["automatic", "typed"])
def test_corpus_redline_accept_gives_right_and_reject_gives_left(
    corpus_doc, corpus_redraft, corpus_comparison, tmp_path, numbering
):
    path = _save(corpus_comparison, tmp_path, numbering=numbering)
    assert _numbered(path) is (numbering == "automatic")
    assert reader.paragraphs(path, "accept") == lines(corpus_redraft.segments)
    assert reader.paragraphs(path, "reject") == lines(corpus_doc.segments)


def test_automatic_numbers_leave_only_the_real_changes(corpus_comparison, tmp_path):
    """5(c) deleted and a subparagraph inserted after 5(e): no letter is a revision."""
    automatic = reader.revisions(_save(corpus_comparison, tmp_path))
    typed = reader.revisions(_save(corpus_comparison, tmp_path, numbering="typed"))
    assert not [r.text for r in automatic if LABEL_RE.fullmatch(r.text.strip())]
    relettered = [r.text for r in typed if LABEL_RE.fullmatch(r.text.strip())]
    assert len(relettered) > 10  # with typed labels every later letter of 5 is struck and retyped
    assert len(automatic) == len(typed) - len(relettered)


def test_corpus_redline_marks_each_kind_of_change(corpus_comparison, tmp_path):
    when = datetime(2024, 3, 1, 9, 30, tzinfo=UTC)
    path = _save(corpus_comparison, tmp_path, author="A. Drafter", now=when)
    revs = reader.revisions(path)
    kinds = {r.kind for r in revs}
    assert kinds == {"ins", "del", "moveFrom", "moveTo"}
    assert {r.author for r in revs} == {"A. Drafter"}
    assert {r.date for r in revs} == {"2024-03-01T09:30:00Z"}
    ids = reader.annotation_ids(path)
    assert len(ids) == len(set(ids)) and all(i.isdigit() for i in ids)
    inserted = "".join(r.text for r in revs if r.kind == "ins")
    deleted = "".join(r.text for r in revs if r.kind == "del")
    assert NEW_SUBPARAGRAPH in inserted
    assert "fully and swiftly" in inserted and "further" in deleted  # 5(b) edited
    assert "Reiterating" in inserted and "Stressing" in deleted  # 7(c) edited
    # one paragraph mark goes with each paragraph that came or went (5(c) deleted, 5(m)
    # moved away, 5(f) inserted, 5(b) moved in), tracked as a plain deletion or insertion
    marks = [r.kind for r in revs if r.paragraph_mark]
    assert sorted(marks) == ["del", "del", "ins", "ins"]
    moved_from = "".join(r.text for r in revs if r.kind == "moveFrom")
    assert "Expressing grave concern at incidents of denial of humanitarian access" in moved_from
    # on its way the moved subparagraph was edited: "deep" is inserted at the destination
    assert any(r.kind == "ins" and r.text == "deep" for r in revs)


def _marked(path) -> list[tuple[str, str]]:
    """(tracked mark, text) of each body paragraph whose mark is tracked, text as it stands."""
    out = []
    for p in reader.document_xml(path).iter(f"{{{reader.W}}}p"):
        rpr = p.find("w:pPr/w:rPr", {"w": reader.W})
        tags = "+".join(etree.QName(c).localname for c in rpr) if rpr is not None else ""
        if tags:
            out.append((tags, "".join(t.text or "" for t in p.iter(f"{{{reader.W}}}t"))))
    return out


def test_a_deleted_paragraph_joins_the_paragraph_before_it(corpus_comparison, tmp_path):
    """The mark removed is the one ending the paragraph before: 5(b)'s, not 5(c)'s own.

    LibreOffice numbers the paragraph after a tracked change that reaches into it as if it
    had gone too ("[(d)]", then "(d)[(e)]" for every later letter).
    """
    marked = {text[:24]: tags for tags, text in _marked(_save(corpus_comparison, tmp_path))}
    assert marked == {
        "Strongly condemning all ": "ins",  # 5(a), before 5(m) moved in as 5(b)
        "Calling upon the parties": "del",  # 5(b), where the deleted 5(c) began
        "Noting that, on 13 July ": "ins",  # 5(e), before the inserted subparagraph
        "Strongly condemning the ": "del",  # 5(l), before 5(m) moved away
    }


@pytest.mark.parametrize(
    "kinds, marks",
    [
        # nothing changed in paragraph marks
        (["", "", ""], [(False, False)] * 3),
        # a deletion and an insertion in the middle: the mark before goes
        (["", "delete", ""], [(True, False), (False, False), (False, False)]),
        (["", "insert", ""], [(False, True), (False, False), (False, False)]),
        # a moved paragraph's two halves are a deletion and an insertion
        (["", "move_from", "", "move_to"], [(True, False), (False, False), (False, True),
                                            (False, False)]),
        # two deleted in a row: the marks before each go, the last one's stays
        (["", "delete", "delete", ""], [(True, False), (True, False), (False, False),
                                        (False, False)]),
        # at the start there is nothing before: the paragraph's own mark goes
        (["delete", ""], [(True, False), (False, False)]),
        (["insert", "insert", ""], [(False, True), (False, True), (False, False)]),
        # a deleted first paragraph, then an inserted one: its mark goes in both readings
        (["delete", "insert", ""], [(True, True), (False, False), (False, False)]),
        # the last mark of a document is never tracked
        (["", "delete"], [(True, False), (False, False)]),
        (["insert"], [(False, False)]),
    ],
)
def test_removed_marks(kinds, marks):
    assert removed_marks(kinds) == marks


def test_move_ranges_pair_by_name(corpus_comparison, tmp_path):
    root = reader.document_xml(_save(corpus_comparison, tmp_path))
    w = {"w": reader.W}
    for side in ("moveFrom", "moveTo"):
        starts = root.findall(f".//w:{side}RangeStart", w)
        ends = root.findall(f".//w:{side}RangeEnd", w)
        assert [s.get(f"{{{reader.W}}}id") for s in starts] == [e.get(f"{{{reader.W}}}id") for e in ends]
        assert [s.get(f"{{{reader.W}}}name") for s in starts] == ["move1"]


@pytest.mark.parametrize("numbering", ["automatic", "typed"])
def test_relabelled_paragraph(tmp_path, numbering):
    left = _doc(P("5(a)", "Alpha."), P("5(b)", "Beta."))
    right = _doc(P("5(a)", "Beta."))
    path = _save(make_comparison(left, right), tmp_path, numbering=numbering)
    assert reader.paragraphs(path, "accept") == ["(a)\tBeta."]
    assert reader.paragraphs(path, "reject") == ["(a)\tAlpha.", "(b)\tBeta."]
    changes = [(r.kind, r.text) for r in reader.revisions(path)]
    if numbering == "typed":  # the letter itself is a tracked change
        assert ("del", "(b)") in changes and ("ins", "(a)") in changes
    else:  # only the deleted paragraph is; Word reletters "Beta." by itself
        assert changes == [("del", ""), ("del", "Alpha.")]


@pytest.mark.parametrize(
    "left, right",
    [
        # "label=text": a subparagraph inserted last, then first (the others move down)
        ("5=P a=A b=B", "5=P a=A b=B c=C"),
        ("5=P a=A b=B", "5=P a=N b=A c=B"),
        # the first subparagraph deleted (B becomes (a)), the last one deleted
        ("5=P a=A b=B 6=Q", "5=P a=B 6=Q"),
        ("5=P a=A b=B", "5=P a=A"),
        # a paragraph deleted with its letters: the next one becomes 5, its letters follow
        ("4=O 5=P a=A 6=Q a=B", "4=O 5=Q a=B"),
        # a paragraph inserted before the annex; the annex restarts at 1 in both readings
        ("7=P annex-1=X annex-2=Y", "7=P 8=N annex-1=X annex-2=Y"),
    ],
)
def test_numbered_paragraphs_inserted_and_deleted(tmp_path, left, right):
    def segments(spec: str) -> list[Segment]:
        out, paragraph = [], ""
        for item in spec.split():
            label, key = item.split("=")
            if label.isalpha():
                label = f"{paragraph}({label})"
            else:
                paragraph = label
            out.append(P(label, " ".join(key.lower() * k for k in range(1, 5)) + "."))  # "b bb bbb bbbb."
        return out

    ls, rs = segments(left), segments(right)
    comparison = make_comparison(_doc(*ls), _doc(*rs))
    assert {r.op for r in comparison.rows} <= {RowOp.EQUAL, RowOp.INSERTED, RowOp.DELETED}
    path = _save(comparison, tmp_path)
    assert _numbered(path)
    assert reader.paragraphs(path, "accept") == lines(rs)
    assert reader.paragraphs(path, "reject") == lines(ls)
    assert not [r.text for r in reader.revisions(path) if LABEL_RE.fullmatch(r.text.strip())]


@pytest.mark.parametrize(
    "left, right",
    [
        # an inserted last paragraph: the final paragraph mark cannot itself be inserted
        (["One."], ["One.", "Two."]),
        # a deleted last paragraph
        (["One.", "Two."], ["One."]),
        # several whole paragraphs changing at the end, of different kinds
        (["One.", "Two.", "Three."], ["One.", "Four.", "Five."]),
        # a first paragraph inserted, and the only paragraph edited
        (["Two."], ["Zero.", "Two."]),
        (["A cat sat."], ["A dog sat."]),
        # a move to the very end
        (["Moved paragraph text here.", "Stays.", "Also stays."],
         ["Stays.", "Also stays.", "Moved paragraph text here."]),
    ],
)
def test_accept_and_reject_at_the_edges(left, right, tmp_path):
    ls = [Segment(Kind.TEXT, t) for t in left]
    rs = [Segment(Kind.TEXT, t) for t in right]
    path = _save(make_comparison(_doc(*ls), _doc(*rs)), tmp_path)
    assert reader.paragraphs(path, "accept") == right
    assert reader.paragraphs(path, "reject") == left


def test_bold_mode_strikes_deletions_and_bolds_insertions(corpus_doc, corpus_redraft,
                                                          corpus_comparison, tmp_path):
    path = _save(corpus_comparison, tmp_path, mode="bold")
    assert not _numbered(path)  # a struck-out paragraph would take a number: labels are typed
    assert reader.revisions(path) == []
    with zipfile.ZipFile(path) as z:  # tracking stays off
        assert b"trackRevisions" not in z.read("word/settings.xml")
    paras = reader.formatted_runs(path)
    right = ["".join(r.text for r in p if not r.strike) for p in paras]
    left = ["".join(r.text for r in p if not r.bold) for p in paras]
    assert [x for x in right if x] == lines(corpus_redraft.segments)
    assert [x for x in left if x] == lines(corpus_doc.segments)
    assert not any(r.bold and r.strike for p in paras for r in p)


def test_track_mode_turns_tracking_on(corpus_comparison, tmp_path):
    with zipfile.ZipFile(_save(corpus_comparison, tmp_path)) as z:
        assert b"<w:trackRevisions/>" in z.read("word/settings.xml")


def test_unknown_mode_or_numbering_is_refused(corpus_comparison):
    with pytest.raises(ExportError, match="unknown redline mode 'colour'"):
        redline_document(corpus_comparison, "colour")
    with pytest.raises(ExportError, match="unknown numbering 'bullets'"):
        redline_document(corpus_comparison, numbering="bullets")


@pytest.mark.parametrize(
    "edits, left, right",
    [
        # the engine's edits, as the contract describes them
        (word_edits("the cat sat", "the dog sat"), "the cat sat", "the dog sat"),
        # an "equal" that differs in case (the comparison ignored case): still exact
        ((Edit("equal", "Government", (0, 10), (0, 10)),), "Government", "government"),
        # edits that leave the spaces between words out
        ((Edit("equal", "a", (0, 1), (0, 1)), Edit("equal", "b", (2, 3), (3, 4))), "a b", "a  b"),
        # edits that do not fit the texts: a word diff is used instead
        ((Edit("equal", "zzz", (5, 90), (0, 3)),), "one two", "one three"),
        # no edits at all
        ((), "one two", "one two three"),
    ],
)
def test_edit_pieces_rebuild_both_texts(edits, left, right):
    pieces = edit_pieces(edits, left, right)
    assert "".join(t for op, t in pieces if op != "insert") == left
    assert "".join(t for op, t in pieces if op != "delete") == right


def test_word_pieces_mark_whole_words():
    assert word_pieces("to further implement", "to fully implement") == [
        ("equal", "to "), ("delete", "further"), ("insert", "fully"), ("equal", " implement"),
    ]


def test_unpaired_moves_become_a_deletion_and_an_edit_in_place(tmp_path):
    """A move whose other half is missing from the rows loses no text either way."""
    kept, gone = Segment(Kind.TEXT, "Kept."), Segment(Kind.TEXT, "Left behind.")
    old, new = Segment(Kind.TEXT, "Arrived late."), Segment(Kind.TEXT, "Arrived early.")
    rows = (Row(RowOp.EQUAL, kept, kept, 0, 0, 100.0),
            Row(RowOp.MOVED, gone, None, 1, None, 100.0, move_id=3),
            Row(RowOp.MOVED, old, new, 2, 1, 60.0, word_edits(old.text, new.text), move_id=7))
    path = _save(Comparison("L", "R", rows), tmp_path)
    assert {r.kind for r in reader.revisions(path)} == {"ins", "del"}
    assert reader.paragraphs(path, "accept") == ["Kept.", "Arrived early."]
    assert reader.paragraphs(path, "reject") == ["Kept.", "Left behind.", "Arrived late."]


needs_engine = pytest.mark.skipif(importlib.util.find_spec("app.services.compare") is None,
                                  reason="the comparison engine (app.services.compare) is not there yet")


@needs_engine
@pytest.mark.parametrize(
    "left_range, right_range",
    [
        (None, None),  # the whole corpus against its redraft
        (("5(n)", "5(v)"), ("7(a)", "7(i)")),  # the parallel messages to the Government
    ],
)
def test_real_comparisons_accept_and_reject(corpus_doc, corpus_redraft, tmp_path, left_range,
                                            right_range):
    from app.services.compare import compare_passages
    from app.services.library import passage_of

    if left_range:
        left = passage_of(corpus_doc, *left_range)
        right = passage_of(corpus_doc, *right_range)
    else:
        left = Passage(corpus_doc, corpus_doc.segments, "1")
        right = Passage(corpus_redraft, corpus_redraft.segments, "2")
    comparison = compare_passages(left, right)
    assert comparison.change_rows()
    path = _save(comparison, tmp_path)
    # (n)..(v) against (a)..(i): one list cannot show both, so those labels are typed
    assert _numbered(path) is (left_range is None)
    assert reader.paragraphs(path, "accept") == lines(right.segments)
    assert reader.paragraphs(path, "reject") == lines(left.segments)
    ids = reader.annotation_ids(path)
    assert len(ids) == len(set(ids))
    runs = reader.formatted_runs(_save(comparison, tmp_path, "bold"))
    assert [t for t in ("".join(r.text for r in p if not r.strike) for p in runs) if t] == lines(right.segments)
    assert [t for t in ("".join(r.text for r in p if not r.bold) for p in runs) if t] == lines(left.segments)


@needs_engine
def test_real_comparison_of_the_redraft_finds_the_move(corpus_doc, corpus_redraft, tmp_path):
    from app.services.compare import compare_passages

    comparison = compare_passages(Passage(corpus_doc, corpus_doc.segments, "1"),
                                  Passage(corpus_redraft, corpus_redraft.segments, "2"))
    revs = reader.revisions(_save(comparison, tmp_path))
    assert NEW_SUBPARAGRAPH in "".join(r.text for r in revs if r.kind == "ins")
    assert "Expressing grave concern at incidents" in "".join(r.text for r in revs if r.kind == "moveFrom")
    assert "Expressing " in "".join(r.text for r in revs if r.kind == "moveTo")


@pytest.mark.parametrize(
    "titles, refs, names",
    [
        (("Mali", "Mali"), ("1", "2"), ("Mali (1)", "Mali (2)")),  # two versions: refs tell them apart
        (("Mali 5(n)..5(v)", "Mali 7(a)..7(i)"), ("1:5(n)..5(v)", "1:7(a)..7(i)"),
         ("Mali 5(n)..5(v)", "Mali 7(a)..7(i)")),
        (("", ""), ("", ""), ("Left", "Right")),
    ],
)
def test_side_names(titles, refs, names):
    c = Comparison(titles[0], titles[1], (), left_ref=refs[0], right_ref=refs[1])
    assert side_names(c) == names


@needs_engine
@pytest.mark.parametrize("numbering", ["automatic", "typed"])
def test_a_redline_of_two_word_files_accepts_to_one_and_rejects_to_the_other(
    corpus_doc, tmp_path, numbering
):
    """Two Word files imported, compared and written as a redline: accepting every change
    reads exactly as the right-hand file, rejecting every change as the left-hand one."""
    from app.parse import parse_file
    from app.services.compare import compare_passages

    files = []
    for name, doc in (("left", corpus_doc), ("right", redraft_across_levels(redraft(corpus_doc)))):
        path = tmp_path / f"{name}.docx"
        passage_document(Passage(doc, doc.segments, "1"), numbering=numbering).save(path)
        files.append(path)
    left, right = (parse_file(f) for f in files)
    comparison = compare_passages(Passage(left, left.segments, "1"), Passage(right, right.segments, "2"))
    path = _save(comparison, tmp_path)
    assert reader.paragraphs(path, "accept") == reader.paragraphs(files[1])
    assert reader.paragraphs(path, "reject") == reader.paragraphs(files[0])
