"""A negotiation round's compilation as Word: every proposal a tracked change by its delegation.

Each paragraph is the circulated text with the changes proposed on it written as `w:ins`
and `w:del` runs authored by the delegation's name, the way the redline writer writes them
(`app.export.redline`), so Word's reviewing pane filters the compilation by delegation;
comments stay as Word comments beside the words they anchor to. The table form sets the
same proposals out as segment | version text | proposals by delegation.

This module knows only paragraphs, authored changes and notes; `app.rounds.layout` decides
which proposals share a paragraph (competing ones cannot, and get one paragraph each).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement as Element
from docx.shared import Emu
from docx.text.paragraph import Paragraph

from app.export import docx_layout as lay
from app.export.redline import Piece, _Revisions, _write_tracked
from app.model import Segment


@dataclass(frozen=True, slots=True)
class AuthoredChange:
    """Replace `text[start:end]` of the paragraph by `new`, proposed by `author`."""

    author: str
    start: int
    end: int
    new: str


@dataclass(frozen=True, slots=True)
class Note:
    """A Word comment on `text[start:end]` of the paragraph."""

    author: str
    text: str
    start: int
    end: int
    initials: str = ""
    date: str = ""  # when it was written, ISO 8601


@dataclass(frozen=True, slots=True)
class CompiledParagraph:
    """One paragraph of the compilation: `segment` gives its text, style and typed label.

    `whole` is "insert" for a paragraph a delegation proposes and "delete" for one it
    would strike, both by `author`; `lead` is typed first in italics ("Alternative 1: ").
    """

    segment: Segment
    changes: tuple[AuthoredChange, ...] = ()
    notes: tuple[Note, ...] = ()
    whole: str = ""
    author: str = ""
    lead: str = ""


@dataclass(frozen=True, slots=True)
class TableCell:
    """What one delegation proposes on one segment: lines of pieces, and comments."""

    delegation: str
    lines: tuple[tuple[str, tuple[Piece, ...]], ...]  # (key, pieces)
    comments: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TableRow:
    label: str
    text: str
    cells: tuple[TableCell, ...]


def compilation_document(title: str, subtitle: str, paragraphs: Sequence[CompiledParagraph],
                         closing: Sequence[str] = (), now: datetime | None = None) -> DocxDocument:
    """The compilation with tracked changes and comments by delegation."""
    when = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    rev = _Revisions("Concord", when.strftime("%Y-%m-%dT%H:%M:%SZ"))
    d = lay.new_document(header=title)
    lay.add_paragraph(d, lay.TITLE).add_run(lay.xml_safe(title))
    if subtitle:
        lay.add_paragraph(d, lay.SUBTITLE).add_run(lay.xml_safe(subtitle))
    for para in paragraphs:
        _paragraph(d, para, rev)
    for line in closing or ("End of the compilation.",):
        lay.add_paragraph(d, lay.TEXT).add_run(lay.xml_safe(line)).italic = True
    return d


def _paragraph(d: DocxDocument, para: CompiledParagraph, rev: _Revisions) -> None:
    seg = para.segment
    p = lay.add_paragraph(d, lay.style_for(seg))._p
    label = lay.label_text(seg.label)
    head: list[Piece] = [("equal", f"{label}\t")] if label else []
    if para.lead:
        r = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        rpr.append(OxmlElement("w:i"))
        r.append(rpr)
        lay.add_text(r, para.lead)
        if head:
            _write_tracked(p, "", head, None, rev)
            head = []
        p.append(r)
    text = seg.text
    if para.whole in ("insert", "delete"):
        rev.author = para.author or "Concord"
        op = para.whole
        _write_tracked(p, "", [(op, h[1]) for h in head] + [(op, text)], None, rev)
        _mark(p, "w:ins" if op == "insert" else "w:del", rev)
        _notes(d, p, para.notes, anchor_all=True)
        return
    if head:
        _write_tracked(p, "", head, None, rev)
    ids = {n: _comment(d, n) for n in para.notes}
    for item in _items(text, para.changes, para.notes):
        if isinstance(item, _Mark) and item.start:
            p.append(_range("w:commentRangeStart", ids[item.note]))
        elif isinstance(item, _Mark):
            p.append(_range("w:commentRangeEnd", ids[item.note]))
            p.append(_reference(ids[item.note]))
        else:
            rev.author = item.author or "Concord"
            _write_tracked(p, "", [(item.op, item.text)], None, rev)


@dataclass(frozen=True, slots=True)
class _Mark:
    start: bool  # the comment's range starts here (else it ends here)
    note: Note


@dataclass(frozen=True, slots=True)
class _Run:
    op: str
    text: str
    author: str


def _items(text: str, changes: Sequence[AuthoredChange], notes: Sequence[Note]) -> list[_Mark | _Run]:
    """The paragraph as runs and comment marks in order. At one place: comment ends,
    insertions, comment starts."""
    changes = sorted(changes, key=lambda c: (c.start, c.end))
    cuts = {0, len(text)}
    for c in changes:
        cuts.update((c.start, c.end))
    for n in notes:
        cuts.update((n.start, n.end))
    points = sorted(x for x in cuts if 0 <= x <= len(text))
    out: list[_Mark | _Run] = []
    for k, x in enumerate(points):
        out += [_Mark(False, n) for n in notes if n.end == x and n.start != x]
        out += [_Run("insert", c.new, c.author) for c in changes if c.end == x and c.new]
        out += [_Mark(True, n) for n in notes if n.start == x]
        out += [_Mark(False, n) for n in notes if n.end == x and n.start == x]
        if k + 1 < len(points):
            y = points[k + 1]
            owner = next((c for c in changes if c.start <= x and y <= c.end and c.start < c.end), None)
            if y > x:
                out.append(_Run("delete" if owner else "equal", text[x:y], owner.author if owner else ""))
    return out


def _notes(d: DocxDocument, p: Element, notes: Sequence[Note], *, anchor_all: bool) -> None:
    """Comments on a paragraph written whole: each one spans the paragraph's runs."""
    if not notes:
        return
    for n in notes:
        cid = _comment(d, n)
        ppr = p.find(qn("w:pPr"))
        start = _range("w:commentRangeStart", cid)
        if ppr is not None:
            ppr.addnext(start)
        else:
            p.insert(0, start)
        p.append(_range("w:commentRangeEnd", cid))
        p.append(_reference(cid))


def _comment(d: DocxDocument, n: Note) -> int:
    """The comment in the comments part, with its author, initials and date; its id."""
    c = d.comments.add_comment(text=lay.xml_safe(n.text), author=n.author, initials=n.initials)
    if n.date:
        c._comment_elm.set(qn("w:date"), n.date)
    return int(c.comment_id)


def _range(tag: str, cid: int) -> Element:
    el = OxmlElement(tag)
    el.set(qn("w:id"), str(cid))
    return el


def _reference(cid: int) -> Element:
    r = OxmlElement("w:r")
    ref = OxmlElement("w:commentReference")
    ref.set(qn("w:id"), str(cid))
    r.append(ref)
    return r


def _mark(p: Element, tag: str, rev: _Revisions) -> None:
    """Track the paragraph's own mark as inserted or deleted, by `rev`'s author."""
    ppr = p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        ppr.append(rpr)
    rpr.insert(0, rev.mark(tag))


# --- the table form -------------------------------------------------------------------------


def table_document(title: str, subtitle: str, rows: Sequence[TableRow]) -> DocxDocument:
    """Segment | version text | proposals by delegation, one row per segment."""
    d = lay.new_document(header=title)
    lay.add_paragraph(d, lay.TITLE).add_run(lay.xml_safe(title))
    if subtitle:
        lay.add_paragraph(d, lay.SUBTITLE).add_run(lay.xml_safe(subtitle))
    table = d.add_table(rows=1, cols=3)
    table.style = d.styles["Table Grid"]
    width = lay.text_width(d)
    widths = (Emu(width * 12 // 100), Emu(width * 44 // 100), Emu(width * 44 // 100))
    header = table.rows[0]
    header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for cell, name in zip(header.cells, ("Paragraph", "Version text", "Proposals"), strict=True):
        _cell_line(cell.paragraphs[0], [("equal", name)], bold=True)
    for row in rows:
        cells = table.add_row().cells
        _cell_line(cells[0].paragraphs[0], [("equal", row.label)])
        _cell_line(cells[1].paragraphs[0], [("equal", row.text)])
        first = True
        for c in row.cells:
            p = cells[2].paragraphs[0] if first else cells[2].add_paragraph()
            first = False
            _cell_line(p, [("equal", c.delegation)], bold=True)
            for key, pieces in c.lines:
                _cell_line(cells[2].add_paragraph(), [("note", f"[{key}] "), *pieces])
            for comment in c.comments:
                _cell_line(cells[2].add_paragraph(), [("note", comment)])
    table.autofit = False
    for column, w in zip(table.columns, widths, strict=True):
        column.width = w
    for r in table.rows:
        for cell, w in zip(r.cells, widths, strict=True):
            cell.width = w
    return d


def _cell_line(p: Paragraph, pieces: Sequence[Piece], bold: bool = False) -> None:
    p.style = lay.TABLE_TEXT
    for op, text in pieces:
        run = p.add_run(lay.xml_safe(text.replace("\t", " ")))
        if bold:
            run.bold = True
        if op == "delete":
            run.style = lay.DELETED
        elif op == "insert":
            run.style = lay.INSERTED
        elif op == "note":
            run.italic = True
