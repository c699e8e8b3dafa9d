"""A comparison as a Word redline: the right-hand text with every difference tracked.

python-docx has no API for revisions, so the OOXML is written here: `w:ins` and `w:del`
(with `w:delText`) around runs, `w:moveFrom`/`w:moveTo` inside their named range marks for
a moved paragraph, and the same marks in a paragraph's `w:rPr` when the paragraph itself was
inserted, deleted or moved. Each revision has an author, a date and a unique `w:id`.
Accepting every change gives the right-hand text, rejecting every change the left-hand one.

Labels are Word's automatic numbers by default: an inserted subparagraph is a tracked
inserted paragraph whose letter Word computes, and the letters after it change with no
revision of their own, in both readings. Typed labels ("(c)" + tab, tracked as text when
they change) remain as an option, and are what mode "bold" always uses: with tracking off
a struck-out paragraph still takes a number, so automatic letters would be wrong.

Mode "bold" writes the same differences as bold insertions and struck-through deletions with
tracking off, the other form the UN's editorial instructions accept.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from app.compare.model import Comparison, Edit, Row, RowOp
from app.errors import ExportError
from app.export import autonumber
from app.export import docx_layout as lay
from app.export.document import shows_labels
from app.model import Segment

MODES = ("track", "bold")

# A piece of a paragraph: (op, text), op one of equal / delete / insert / move_from / move_to.
Piece = tuple[str, str]
_TOKEN_RE = re.compile(r"\s+|[^\s]+")


@dataclass
class _Revisions:
    """Author, date and the counter giving every revision and range mark its own id."""

    author: str
    date: str
    next_id: int = 1
    move_names: dict[int, str] = field(default_factory=dict)

    def mark(self, tag: str, *, dated: bool = True):
        el = OxmlElement(tag)
        el.set(qn("w:id"), str(self.next_id))
        self.next_id += 1
        if dated:
            el.set(qn("w:author"), self.author)
            el.set(qn("w:date"), self.date)
        return el


def redline_document(
    comparison: Comparison, mode: str = "track", author: str = "Concord", now: datetime | None = None,
    *, numbering: str = autonumber.AUTOMATIC,
) -> DocxDocument:
    """The Word document showing `comparison`'s differences as tracked changes (or bold).

    With automatic numbering the labels must come out right in both readings: accepting
    every change gives the right-hand labels, rejecting every change the left-hand ones.
    When one list cannot show both (two ranges starting at different letters, `5(n)..`
    against `7(a)..`; a subparagraph that became a paragraph), labels are typed instead.
    """
    if mode not in MODES:
        raise ExportError(f"unknown redline mode {mode!r} (expected one of: {', '.join(MODES)})")
    autonumber.check_numbering(numbering)
    when = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    date = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    if mode == "track" and numbering == autonumber.AUTOMATIC:
        d = _build(comparison, mode, _Revisions(author or "Concord", date), automatic=True)
        paired = _paired_moves(comparison.rows)
        kinds = [(paragraph_pieces(r, paired)[0], r) for r in comparison.rows]
        accepted = [r.right.label for k, r in kinds if r.right is not None and k not in _GONE_IF_ACCEPTED]
        rejected = [r.left.label for k, r in kinds if r.left is not None and k not in _GONE_IF_REJECTED]
        if shows_labels(d, accepted, "accept") and shows_labels(d, rejected, "reject"):
            return d
    return _build(comparison, mode, _Revisions(author or "Concord", date), automatic=False)


_GONE_IF_ACCEPTED = ("delete", "move_from")
_GONE_IF_REJECTED = ("insert", "move_to")


def _build(comparison: Comparison, mode: str, rev: _Revisions, *, automatic: bool) -> DocxDocument:
    left_name, right_name = side_names(comparison)
    d = lay.new_document(header=f"{left_name} \u2192 {right_name}")
    paired = _paired_moves(comparison.rows)
    rows_pieces = [paragraph_pieces(row, paired, labels=not automatic) for row in comparison.rows]
    if automatic:
        plan = autonumber.plan_lists([segment.label for _, _, segment in rows_pieces])
        ids = autonumber.install(d, plan)
    marks = []
    for i, (row, (kind, pieces, segment)) in enumerate(zip(comparison.rows, rows_pieces, strict=True)):
        style = lay.style_for(segment)
        p = lay.add_paragraph(d, style)
        if automatic:
            autonumber.apply(p._p, style, plan.slots[i], ids)
        if mode == "track":
            _write_tracked(p._p, kind, pieces, row.move_id, rev)
            marks.append(kind)
        else:
            _write_bold(p._p, pieces)
    if mode == "track":
        _settle_final_mark(d, marks, rev)
        settings = d.settings.element
        if settings.find(qn("w:trackRevisions")) is None:  # further edits are tracked too
            settings.insert_element_before(OxmlElement("w:trackRevisions"), *_AFTER_TRACK_REVISIONS)
    return d


def side_names(comparison: Comparison) -> tuple[str, str]:
    """How to name the two sides: their titles, with their references when the titles agree.

    Two versions of the Mali conclusions are both titled "Mali"; "Mali (1)" and "Mali (2)"
    tell them apart.
    """
    left, right = comparison.left_title or "Left", comparison.right_title or "Right"
    left_ref, right_ref = comparison.left_ref, comparison.right_ref
    if left == right and left_ref and right_ref and left_ref != right_ref:
        return f"{left} ({left_ref})", f"{right} ({right_ref})"
    return left, right


def paragraph_pieces(
    row: Row, paired: set[int], *, labels: bool = True
) -> tuple[str, list[Piece], Segment]:
    """What one row becomes: its paragraph-mark change, its pieces and the segment to style.

    The paragraph-mark change is "" (none), "insert", "delete", "move_from" or "move_to".
    Text deleted from a moved paragraph on its way is shown struck at the source only: at
    the destination it would come back twice when every change is rejected. `labels`
    False leaves typed labels out, for paragraphs numbered by Word.
    """
    left, right = row.left, row.right
    if row.op is RowOp.MOVED and row.move_id in paired:
        if right is None and left is not None:
            return "move_from", _merge([("move_from", t) for _, t in _all(left, labels)]), left
        if right is not None:
            pieces = [("move_to" if op == "equal" else op, t)
                      for op, t in row_pieces(row, labels=labels) if op != "delete"]
            return "move_to", _merge(pieces), right
    if right is None and left is not None:
        return "delete", _merge([("delete", t) for _, t in _all(left, labels)]), left
    if left is None and right is not None:
        return "insert", _merge([("insert", t) for _, t in _all(right, labels)]), right
    if left is None or right is None:
        raise ExportError("a comparison row has neither a left nor a right segment")
    return "", row_pieces(row, labels=labels), right


def _all(segment: Segment, labels: bool = True) -> list[Piece]:
    label = lay.label_text(segment.label) if labels else ""
    return ([("equal", label + "\t")] if label else []) + [("equal", segment.text)]


def row_pieces(row: Row, *, labels: bool = True) -> list[Piece]:
    """Pieces of a row with both sides: its label change (if `labels`), then its text's edits."""
    assert row.left is not None and row.right is not None
    if not labels:
        return edit_pieces(row.edits, row.left.text, row.right.text)
    ll, rl = lay.label_text(row.left.label), lay.label_text(row.right.label)
    pieces: list[Piece] = []
    if ll == rl:
        if rl:
            pieces.append(("equal", rl + "\t"))
    else:  # "(m)" became "(l)": the number itself is a change, and the tab stays put
        if ll:
            pieces.append(("delete", ll))
        if rl:
            pieces.append(("insert", rl))
        if ll and rl:
            pieces.append(("equal", "\t"))
        else:
            pieces.append(("delete" if ll else "insert", "\t"))
    pieces += edit_pieces(row.edits, row.left.text, row.right.text)
    return _merge(pieces)


def edit_pieces(edits: tuple[Edit, ...], left: str, right: str) -> list[Piece]:
    """Pieces that rebuild `left` (equal + delete) and `right` (equal + insert) exactly.

    The engine's edits are trusted for where the changes are, but the text comes from the
    two texts themselves: an "equal" that differs in case or spacing (when the comparison
    ignored them) becomes a deletion and an insertion, and any stretch the edits skip is
    compared directly. Edits that do not fit the texts are replaced by a word diff.
    """
    if not edits:
        return word_pieces(left, right)
    out: list[Piece] = []
    li = ri = 0

    def span(a: str, b: str) -> None:
        if a == b:
            out.append(("equal", a))
        else:
            out.extend(word_pieces(a, b))

    for e in edits:
        (la, lb), (ra, rb) = e.left, e.right
        if not (li <= la <= lb <= len(left) and ri <= ra <= rb <= len(right)):
            return word_pieces(left, right)
        span(left[li:la], right[ri:ra])
        if e.op == "equal":
            span(left[la:lb], right[ra:rb])
        elif e.op in ("delete", "insert", "replace"):
            out += [("delete", left[la:lb]), ("insert", right[ra:rb])]
        else:
            return word_pieces(left, right)
        li, ri = lb, rb
    span(left[li:], right[ri:])
    return _merge(out)


def word_pieces(left: str, right: str) -> list[Piece]:
    """A word-level diff of two texts, keeping the spaces, as pieces."""
    a, b = _TOKEN_RE.findall(left), _TOKEN_RE.findall(right)
    out: list[Piece] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(("equal", "".join(a[i1:i2])))
        else:
            out += [("delete", "".join(a[i1:i2])), ("insert", "".join(b[j1:j2]))]
    return _merge(out)


def _merge(pieces: list[Piece]) -> list[Piece]:
    out: list[Piece] = []
    for op, text in pieces:
        if not text:
            continue
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))
    return out


def _paired_moves(rows: tuple[Row, ...]) -> set[int]:
    """Move ids that have both a source and a destination row; others are plain changes."""
    sources = {r.move_id for r in rows if r.op is RowOp.MOVED and r.right is None}
    targets = {r.move_id for r in rows if r.op is RowOp.MOVED and r.right is not None}
    return {m for m in sources & targets if m is not None}


# --- OOXML ---------------------------------------------------------------------------------

# What follows w:trackRevisions in w:settings (ECMA-376 order), to put it in its place.
_AFTER_TRACK_REVISIONS = (
    "w:doNotTrackMoves", "w:doNotTrackFormatting", "w:documentProtection",
    "w:autoFormatOverride", "w:styleLockTheme", "w:styleLockQFSet", "w:defaultTabStop",
)
_WRAPPER = {"insert": "w:ins", "delete": "w:del", "move_from": "w:moveFrom", "move_to": "w:moveTo"}


def _run(text: str, deleted: bool = False):
    """A `w:r` holding `text`, tabs as `w:tab`; deleted text goes in `w:delText`."""
    r = OxmlElement("w:r")
    for i, part in enumerate(text.split("\t")):
        if i:
            lay.add_tab(r)
        if part:
            lay.add_text(r, part, "w:delText" if deleted else "w:t")
    return r


def _write_tracked(p, kind: str, pieces: list[Piece], move_id: int | None, rev: _Revisions) -> None:
    range_tag = {"move_from": "w:moveFrom", "move_to": "w:moveTo"}.get(kind)
    start = None
    if range_tag:
        name = rev.move_names.setdefault(move_id or 0, f"move{len(rev.move_names) + 1}")
        start = rev.mark(range_tag + "RangeStart")
        start.set(qn("w:name"), name)
        p.append(start)
    for op, text in pieces:
        deleted = op in ("delete", "move_from")
        if op == "equal":
            p.append(_run(text))
        else:
            wrapper = rev.mark(_WRAPPER[op])
            wrapper.append(_run(text, deleted))
            p.append(wrapper)
    if start is not None and range_tag:
        end = OxmlElement(range_tag + "RangeEnd")
        end.set(qn("w:id"), start.get(qn("w:id")))
        p.append(end)
    if kind:
        _mark_paragraph(p, kind, rev)


def _mark_paragraph(p, kind: str, rev: _Revisions) -> None:
    ppr = p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        ppr.append(rpr)  # w:rPr comes after the properties python-docx writes (pStyle)
    rpr.insert(0, rev.mark(_WRAPPER[kind]))


def _settle_final_mark(d: DocxDocument, marks: list[str], rev: _Revisions) -> None:
    """Move tracked paragraph marks off the document's last paragraph.

    The last paragraph mark of a document cannot be inserted or deleted. When the redline
    ends with whole inserted, deleted or moved paragraphs, each of their marks moves to the
    paragraph before: "P¶ Y¶(inserted)" reads the same as "P¶(inserted) Y¶", since an
    inserted paragraph and its mark stand or fall together.
    """
    if not marks or not marks[-1]:
        return
    paragraphs = d.element.body.findall(qn("w:p"))
    i = len(marks) - 1
    while i > 0 and marks[i - 1]:
        i -= 1
    if i == 0:
        return  # nothing unchanged to lean on: a blank last paragraph remains in one view
    for j in range(i - 1, len(marks)):
        rpr = paragraphs[j].find(f"{qn('w:pPr')}/{qn('w:rPr')}")
        if rpr is not None:
            for tag in _WRAPPER.values():
                for el in rpr.findall(qn(tag)):
                    rpr.remove(el)
            if not len(rpr):
                rpr.getparent().remove(rpr)
        if j + 1 < len(marks):
            _mark_paragraph(paragraphs[j], marks[j + 1], rev)


def _write_bold(p, pieces: list[Piece]) -> None:
    for op, text in pieces:
        r = _run(text)
        if op != "equal":
            rpr = OxmlElement("w:rPr")
            rpr.append(OxmlElement("w:strike" if op in ("delete", "move_from") else "w:b"))
            r.insert(0, rpr)
        p.append(r)
