"""A comparison report: a summary of what changed, then the two texts side by side."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement as Element
from docx.shared import Emu

from app.compare.model import Comparison, Direction, Row, RowOp
from app.export import docx_layout as lay
from app.export.redline import Piece, row_paragraphs, row_pieces, side_names
from app.model import Segment

_OPS_IN_ORDER = (RowOp.MODIFIED, RowOp.INSERTED, RowOp.DELETED, RowOp.MOVED, RowOp.SPLIT, RowOp.MERGED)
_OP_NAMES = {
    RowOp.EQUAL: "unchanged",
    RowOp.MODIFIED: "modified",
    RowOp.INSERTED: "inserted",
    RowOp.DELETED: "deleted",
    RowOp.MOVED: "moved",
    RowOp.SPLIT: "split",
    RowOp.MERGED: "merged",
}
_DIRECTIONS = (Direction.STRONGER, Direction.WEAKER, Direction.MIXED)


def report_document(comparison: Comparison) -> DocxDocument:
    """The report: title, counts, changed labels by kind of change, side-by-side table."""
    d = lay.new_document()
    lay.add_paragraph(d, lay.TITLE).add_run("Comparison report")
    left_name, right_name = side_names(comparison)
    lay.add_paragraph(d, lay.SUBTITLE).add_run(f"{left_name} (left) and {right_name} (right)")
    lay.add_paragraph(d, lay.HEADING).add_run("Summary")
    lay.add_paragraph(d, lay.TEXT).add_run(summary_sentence(comparison))
    for op, labels in changed_labels(comparison).items():
        if labels:
            p = lay.add_paragraph(d, lay.TEXT)
            p.add_run(f"{_OP_NAMES[op].capitalize()}: ").italic = True
            p.add_run(", ".join(labels) + ".")
    for direction, lines in strength_changes(comparison).items():
        if lines:
            p = lay.add_paragraph(d, lay.TEXT)
            p.add_run(f"Language {direction.value}: ").italic = True
            p.add_run("; ".join(lines) + ".")
    lay.add_paragraph(d, lay.HEADING).add_run("Side by side")
    _table(d, comparison)
    return d


def summary_sentence(comparison: Comparison) -> str:
    """'106 segments on the left, 106 on the right: 102 unchanged, 2 modified, ...'."""
    counts = comparison.summary()
    rows = comparison.rows
    moves = len({r.move_id for r in rows if r.op is RowOp.MOVED})
    n_left = sum(len(r.left_segments) for r in rows if not (r.op is RowOp.MOVED and r.right))
    n_right = sum(len(r.right_segments) for r in rows)
    parts = [f"{counts['equal']} unchanged"]
    for op in _OPS_IN_ORDER:
        n = moves if op is RowOp.MOVED else counts[op.value]
        if n:
            parts.append(f"{n} {_OP_NAMES[op]}")
    text = f"{n_left} segments on the left, {n_right} on the right: " + ", ".join(parts)
    if counts["relabelled"]:
        text += f"; {counts['relabelled']} relabelled"
    strength = [f"{counts[d.value]} {d.value}" for d in _DIRECTIONS if counts[d.value]]
    if strength:
        text += "; language " + ", ".join(strength)
    return text + "."


def changed_labels(comparison: Comparison) -> dict[RowOp, list[str]]:
    """The labels of the changed segments, by kind of change ("5(m) \u2192 5(b)" for a move)."""
    out: dict[RowOp, list[str]] = {op: [] for op in _OPS_IN_ORDER}
    for r in comparison.rows:
        if r.op is RowOp.EQUAL or (r.op is RowOp.MOVED and r.right is None):
            continue
        if r.op is RowOp.MOVED:
            src = r.left.label if r.left else ""
            out[r.op].append(f"{_name(r.left)} \u2192 {_name(r.right)}" if src else _name(r.right))
        elif r.op in (RowOp.SPLIT, RowOp.MERGED):
            out[r.op].append(" + ".join(map(_name, r.left_segments)) + " \u2192 "
                             + " + ".join(map(_name, r.right_segments)))
        else:
            out[r.op].append(_name(r.right or r.left))
    return out


def strength_changes(comparison: Comparison) -> dict[Direction, list[str]]:
    """The pairs whose language got stronger, weaker or both, with why: '5(p) (must \u2192 should)'."""
    out: dict[Direction, list[str]] = {d: [] for d in _DIRECTIONS}
    for r in comparison.rows:
        if r.strength is not None and r.strength.changed:
            out[r.strength.direction].append(f"{_name(r.right or r.left)} ({r.strength.why})")
    return out


def _name(s: Segment | None) -> str:
    if s is None:
        return ""
    if s.label:
        return s.label
    text = s.text if len(s.text) <= 40 else s.text[:37].rstrip() + "..."
    return f"\u201c{text}\u201d"


def _table(d: DocxDocument, comparison: Comparison) -> None:
    """The side-by-side table, one row per comparison row, built straight in the XML.

    python-docx finds a new row's cells by walking the whole table, which made a long
    report quadratic; here each row is written once.
    """
    table = d.add_table(rows=0, cols=3)
    table.style = d.styles["Table Grid"]
    narrow = Emu(lay.text_width(d) // 7)  # the strength column
    width = Emu((lay.text_width(d) - narrow) // 2)
    for column, w in zip(table.columns, (width, width, narrow), strict=True):
        column.width = w
    cells = [_CellXml(d, str(width.twips)), _CellXml(d, str(width.twips)),
             _CellXml(d, str(narrow.twips))]
    tbl = table._tbl
    header = OxmlElement("w:tr")
    _repeat_header(header)
    for cell_xml, title in zip(cells, (*side_names(comparison), "Strength"), strict=True):
        header.append(cell_xml.cell([("title", title)]))
    tbl.append(header)
    arrivals = {r.move_id: r.right for r in comparison.rows if r.op is RowOp.MOVED and r.right}
    for r in comparison.rows:
        tr = OxmlElement("w:tr")
        for cell_xml, pieces in zip(cells, (*_cells(r, arrivals), _strength_cell(r)), strict=True):
            tr.append(cell_xml.cell(pieces))
        tbl.append(tr)


class _CellXml:
    """Builds table cells of one width with the report's paragraph and highlight styles."""

    def __init__(self, d: DocxDocument, twips: str) -> None:
        self.twips = twips
        self.para = d.styles[lay.TABLE_TEXT].style_id
        self.run_styles = {"delete": d.styles[lay.DELETED].style_id,
                           "insert": d.styles[lay.INSERTED].style_id}

    def cell(self, pieces: list[Piece]) -> Element:
        tc = OxmlElement("w:tc")
        tcpr = OxmlElement("w:tcPr")
        tcw = OxmlElement("w:tcW")
        tcw.set(qn("w:w"), self.twips)
        tcw.set(qn("w:type"), "dxa")
        tcpr.append(tcw)
        tc.append(tcpr)
        p = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        ps = OxmlElement("w:pStyle")
        ps.set(qn("w:val"), self.para)
        ppr.append(ps)
        p.append(ppr)
        for op, text in pieces:
            run = lay.text_run(text.replace("\t", " "))
            rpr = _run_properties(op, self.run_styles.get(op))
            if rpr is not None:
                run.insert(0, rpr)
            p.append(run)
        tc.append(p)
        return tc


def _run_properties(op: str, style_id: str | None) -> Element | None:
    """Highlights by character style; a column title is bold, a note ("Moved to") italic."""
    if not (style_id or op in ("title", "note")):
        return None
    rpr = OxmlElement("w:rPr")
    if style_id:
        rs = OxmlElement("w:rStyle")
        rs.set(qn("w:val"), style_id)
        rpr.append(rs)
    if op in ("title", "note"):
        rpr.append(OxmlElement("w:b" if op == "title" else "w:i"))
    return rpr


def _cells(r: Row, arrivals: dict[int | None, Segment]) -> tuple[list[Piece], list[Piece]]:
    """The left and right cell contents of a row, highlights as delete/insert pieces.

    A move shows twice: where it left (the old text, and where it went) and where it
    arrived (the changes made on the way).
    """
    if r.left_parts or r.right_parts:  # each part of a split or merge on its own line
        paragraphs = row_paragraphs(r, set())
        left_sep = [("equal", "\n")] if r.left_parts else []
        right_sep = [("equal", "\n")] if r.right_parts else []
        left = [q for n, p in enumerate(paragraphs)
                for q in (left_sep if n else []) + [q for q in p.pieces if q[0] != "insert"]]
        right = [q for n, p in enumerate(paragraphs)
                 for q in (right_sep if n else []) + [q for q in p.pieces if q[0] != "delete"]]
        return left, right
    if r.op is RowOp.MOVED and r.right is None and r.left is not None:
        dest = arrivals.get(r.move_id)
        note = f"Moved to {_name(dest)}: " if dest is not None else "Moved: "
        return [("note", note), *_whole("equal", r.left)], []
    if r.left is not None and r.right is not None:
        pieces = row_pieces(r)
        left = [p for p in pieces if p[0] != "insert"]
        right = [p for p in pieces if p[0] != "delete"]
        if r.op is RowOp.MOVED:
            left = [("note", f"Moved from {_name(r.left)}: "), *left]
        return left, right
    if r.left is not None:
        return _whole("delete", r.left), []
    if r.right is not None:
        return [], _whole("insert", r.right)
    return [], []


def _strength_cell(r: Row) -> list[Piece]:
    """'weaker: must \u2192 should' for a pair whose language moved; nothing otherwise."""
    if r.strength is None or not r.strength.changed:
        return []
    return [("note", r.strength.direction.value), ("equal", f": {r.strength.why}")]


def _whole(op: str, s: Segment) -> list[Piece]:
    label = lay.label_text(s.label)
    return [(op, f"{label} {s.text}" if label else s.text)]


def _repeat_header(tr: Element) -> None:
    """The titles row repeats at the top of every page the table runs over, unsplit.

    `w:cantSplit` and `w:tblHeader` are on/off properties: present means on (a `w:val`
    of "true" is not in the schema).
    """
    trpr = OxmlElement("w:trPr")
    for tag in ("w:cantSplit", "w:tblHeader"):
        trpr.append(OxmlElement(tag))
    tr.insert(0, trpr)
