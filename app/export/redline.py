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

A paragraph split in two (or more) is one paragraph per part with the marks between them
tracked as inserted, a merge the same with the marks deleted, so both readings still give
the two texts; in mode "bold" a merge is written as the one paragraph it became.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement as Element

from app.compare.model import Comparison, Edit, Row, RowOp
from app.compare.parts import chunks
from app.errors import ExportError
from app.export import autonumber
from app.export import docx_layout as lay
from app.export.document import numbered_label, shows_labels
from app.model import Segment


class Mode(StrEnum):
    """How a redline shows changes: Word's tracked changes, or bold and strike-through."""

    TRACK = "track"
    BOLD = "bold"


MODES = tuple(Mode)

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

    def mark(self, tag: str, *, dated: bool = True) -> Element:
        el = lay.element(tag)
        el.set(qn("w:id"), str(self.next_id))
        self.next_id += 1
        if dated:
            el.set(qn("w:author"), self.author)
            el.set(qn("w:date"), self.date)
        return el


def redline_document(
    comparison: Comparison, mode: str = Mode.TRACK, author: str = "Concord", now: datetime | None = None,
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
    if mode == Mode.TRACK and numbering == autonumber.AUTOMATIC:
        d = _build(comparison, mode, _Revisions(author or "Concord", date), automatic=True)
        paired = _paired_moves(comparison.rows)
        paras = [p for r in comparison.rows for p in row_paragraphs(r, paired)]
        accepted = [numbered_label(p.accepted, automatic=True) for p in paras if p.accepted is not None]
        rejected = [numbered_label(p.rejected, automatic=True) for p in paras if p.rejected is not None]
        if shows_labels(d, accepted, "accept") and shows_labels(d, rejected, "reject"):
            return d
    return _build(comparison, mode, _Revisions(author or "Concord", date), automatic=False)


_GONE_IF_ACCEPTED = ("delete", "move_from")
_GONE_IF_REJECTED = ("insert", "move_to")


def _build(comparison: Comparison, mode: str, rev: _Revisions, *, automatic: bool) -> DocxDocument:
    left_name, right_name = side_names(comparison)
    d = lay.new_document(header=f"{left_name} \u2192 {right_name}")
    body = lay.BodyWriter(d)
    paired = _paired_moves(comparison.rows)
    paras = [p for row in comparison.rows
             for p in row_paragraphs(row, paired, labels=not automatic or _typed(row))]
    if automatic:
        plan = autonumber.plan_lists([numbered_label(p.segment, automatic=True) for p in paras])
        ids = autonumber.install(d, plan)
    kinds = [p.kind for p in paras]
    joins = [p.joins for p in paras]
    paragraphs = []
    if mode == Mode.TRACK and kinds and (kinds[0] in _GONE_IF_ACCEPTED or kinds[0] in _GONE_IF_REJECTED):
        paragraphs.append(_anchor(body))
        kinds, joins = ["", *kinds], ["", *joins]
    joined = None  # bold mode: the paragraph a merge's next part is written into
    for i, para in enumerate(paras):
        if joined is not None:
            _write_bold(joined, para.pieces)
            joined = joined if para.joins == "accept" else None
            continue
        style = lay.style_for(para.segment)
        if automatic:
            style = autonumber.style_for(style, plan.slots[i])
        p = body.paragraph(style)
        if automatic:
            autonumber.apply(p, style, plan.slots[i], ids)
        if mode == Mode.TRACK:
            _write_tracked(p, para.kind, para.pieces, para.move_id, rev)
        else:  # untracked, a merge can only be written as the paragraph it became
            _write_bold(p, para.pieces)
            joined = p if para.joins == "accept" else None
        paragraphs.append(p)
    if mode == Mode.TRACK:
        for p, (accept, reject), join in zip(paragraphs, removed_marks(kinds), joins, strict=True):
            accept, reject = accept or join == "accept", reject or join == "reject"
            if reject:
                _mark_paragraph(p, "w:ins", rev)
            if accept:
                _mark_paragraph(p, "w:del", rev)
        settings = d.settings.element
        if settings.find(qn("w:trackRevisions")) is None:  # further edits are tracked too
            settings.insert_element_before(OxmlElement("w:trackRevisions"), *_AFTER_TRACK_REVISIONS)
    return d


def _anchor(body: lay.BodyWriter) -> Element:
    """A hidden first paragraph for a redline that starts with a paragraph on one side only.

    A paragraph that came or went is joined to the paragraph before it (`removed_marks`);
    the first one has none, and joining it to the next one instead makes LibreOffice
    number the rest of the list wrong ("[1.]", "1.[2.]", ...). This paragraph, a hidden
    tab, is there in both readings and shows in neither; LibreOffice keeps its properties
    (hidden) when the paragraph after it is joined to it, since it is not empty.
    """
    p = body.paragraph(lay.TEXT)
    p.get_or_add_pPr().append(_hidden())
    r = lay.text_run("\t")
    r.insert(0, _hidden())
    p.append(r)
    return p


def _hidden() -> Element:
    rpr = OxmlElement("w:rPr")
    rpr.append(OxmlElement("w:vanish"))
    return rpr


def _typed(row: Row) -> bool:
    """Whether a row's labels are written as text whatever the numbering (the annex)."""
    return any(s is not None and lay.typed_label(s) for s in (row.left, row.right))


def removed_marks(kinds: list[str]) -> list[tuple[bool, bool]]:
    """For each paragraph of the redline: is its mark removed on accepting, on rejecting?

    A paragraph that exists on one side only is joined to its neighbour in the other
    reading by removing one paragraph mark, and the mark chosen is the one *before* its
    text: "P\u00b6[D\u00b6]" is written "P[\u00b6D]\u00b6", the mark of P deleted with the
    text of D. Both read the same, but LibreOffice counts list numbers by where a tracked
    change starts: with the mark of D deleted, the change reaches into the next
    paragraph, which then loses its number in LibreOffice's display ("[(d)]", "(d)[(e)]")
    and every later number shifts. Joining after P keeps P's properties in Word (the upper
    paragraph's formatting wins a join), in LibreOffice and in our own reader.

    Paragraphs before the first one that remains have nothing to join after: their own
    marks go, as Word writes a deleted paragraph. The last mark of a document is never
    tracked. A mark removed in both readings (a deleted first paragraph followed by an
    inserted one) is written as inserted and deleted.
    """
    def removed(present: list[bool]) -> list[bool]:
        n = len(present)
        first = next((i for i, here in enumerate(present) if here), n)
        out = [i < first or (i + 1 < n and not present[i + 1]) for i in range(n)]
        if out:
            out[-1] = False
        return out

    accept = removed([k not in _GONE_IF_ACCEPTED for k in kinds])
    reject = removed([k not in _GONE_IF_REJECTED for k in kinds])
    return list(zip(accept, reject, strict=True))


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


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of a redline: its mark change, pieces, the segment it is styled and
    numbered as, and the segments it shows when every change is accepted or rejected (None
    when it is not there, or joins the paragraph before it: the parts of a split joined
    again on rejecting, of a merge on accepting, say which in `joins`)."""

    kind: str
    pieces: list[Piece]
    segment: Segment
    accepted: Segment | None
    rejected: Segment | None
    move_id: int | None = None
    joins: str = ""  # "accept" or "reject": the reading in which this paragraph's mark goes


def row_paragraphs(row: Row, paired: set[int], *, labels: bool = True) -> list[Paragraph]:
    """The paragraphs a row becomes: one, or one per part of a split or merge."""
    if row.right_parts or row.left_parts:
        return _part_paragraphs(row, labels)
    kind, pieces, segment = paragraph_pieces(row, paired, labels=labels)
    accepted = row.right if kind not in _GONE_IF_ACCEPTED else None
    rejected = row.left if kind not in _GONE_IF_REJECTED else None
    return [Paragraph(kind, pieces, segment, accepted, rejected, row.move_id)]


def _part_paragraphs(row: Row, labels: bool) -> list[Paragraph]:
    """A split or merge as one paragraph per part, the marks between them tracked.

    Split 5(d) into 5(d) and 5(e): two paragraphs, the mark between them inserted, so
    rejecting joins them again into the old 5(d); what stood at the join on the left (the
    space of "; stressing") ends the first paragraph as a deletion. A merge is the reverse,
    the marks between its parts deleted. The later parts' typed labels are inserted (or
    deleted) with their tab.
    """
    split = bool(row.right_parts)
    parts = row.right_parts or row.left_parts
    left, right = row.left_text, row.right_text
    out = []
    for m, (part, c) in enumerate(zip(parts, chunks(row), strict=True)):
        pieces = edit_pieces(c.edits, left[c.left[0] : c.left[1]], right[c.right[0] : c.right[1]])
        if labels and m == 0:
            assert row.left is not None and row.right is not None
            pieces = _label_pieces(row.left.label, row.right.label) + pieces
        elif labels and part.label:
            pieces = [("insert" if split else "delete", lay.label_text(part.label) + "\t"), *pieces]
        joins = "" if m == len(parts) - 1 else "reject" if split else "accept"
        if split:
            out.append(Paragraph("", _merge(pieces), part, part, row.left if m == 0 else None,
                                 joins=joins))
        else:
            assert row.right is not None
            out.append(Paragraph("", _merge(pieces), row.right if m == 0 else part,
                                 row.right if m == 0 else None, part, joins=joins))
    return out


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
    pieces = _label_pieces(row.left.label, row.right.label)
    pieces += edit_pieces(row.edits, row.left.text, row.right.text)
    return _merge(pieces)


def _label_pieces(left: str, right: str) -> list[Piece]:
    """A pair's typed labels: the same, or "(m)" become "(l)" with the tab kept."""
    ll, rl = lay.label_text(left), lay.label_text(right)
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
    return pieces


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


def _write_tracked(p: Element, kind: str, pieces: list[Piece], move_id: int | None, rev: _Revisions) -> None:
    """The runs of one paragraph, each change wrapped in its revision element.

    A moved paragraph's text sits between named move range marks; its paragraph mark is
    tracked as a plain insertion or deletion (see `removed_marks`): LibreOffice reads a
    mark tracked as moved as neither, and left an empty item where the moved paragraph
    had been on rejecting every change.
    """
    range_tag = {"move_from": "w:moveFrom", "move_to": "w:moveTo"}.get(kind)
    start = None
    if range_tag:
        name = rev.move_names.setdefault(move_id or 0, f"move{len(rev.move_names) + 1}")
        start = rev.mark(range_tag + "RangeStart")
        start.set(qn("w:name"), name)
        p.append(start)
    for op, text in pieces:
        deleted = op in ("delete", "move_from")
        r = lay.text_run(text, "w:delText" if deleted else "w:t")
        if op == "equal":
            p.append(r)
        else:
            wrapper = rev.mark(_WRAPPER[op])
            wrapper.append(r)
            p.append(wrapper)
    if start is not None and range_tag:
        end = lay.element(range_tag + "RangeEnd")
        end.set(qn("w:id"), start.get(qn("w:id")))
        p.append(end)


def _mark_paragraph(p: Element, tag: str, rev: _Revisions) -> None:
    """Track paragraph `p`'s mark as inserted (`w:ins`) or deleted (`w:del`)."""
    ppr = p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = lay.element("w:rPr")
        ppr.append(rpr)  # w:rPr comes after the other paragraph properties written here
    mark = rev.mark(tag)
    if tag == "w:del" and len(rpr) and rpr[0].tag == qn("w:ins"):
        rpr[0].addnext(mark)  # w:ins precedes w:del
    else:
        rpr.insert(0, mark)


def _write_bold(p: Element, pieces: list[Piece]) -> None:
    for op, text in pieces:
        r = lay.text_run(text)
        if op != "equal":
            rpr = OxmlElement("w:rPr")
            rpr.append(OxmlElement("w:strike" if op in ("delete", "move_from") else "w:b"))
            r.insert(0, rpr)
        p.append(r)
