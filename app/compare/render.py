"""A comparison as plain text, a JSON-ready dict, or one self-contained HTML page.

The HTML page is sent to colleagues: it has no script, no external resource, and every
piece of document text is escaped, so markup inside a paragraph (`<script>`) shows as text.
"""

from __future__ import annotations

from html import escape
from typing import Any

from app.compare.inline import DELETE, INSERT
from app.compare.model import Comparison, Direction, Edit, Row, RowOp, StrengthChange
from app.compare.parts import chunks
from app.model import Segment

_MARK = {
    RowOp.EQUAL: "=",
    RowOp.MODIFIED: "~",
    RowOp.INSERTED: "+",
    RowOp.DELETED: "-",
    RowOp.MOVED: ">",
    RowOp.SPLIT: "/",
    RowOp.MERGED: "\\",
}
# How a strength verdict reads in one word and one sign (gutter, lists, HTML).
STRENGTH_SIGN = {Direction.STRONGER: "\u25b2", Direction.WEAKER: "\u25bc",
                 Direction.MIXED: "\u25b2\u25bc", Direction.NEITHER: ""}


def strength_note(strength: StrengthChange | None) -> str:
    """'weaker: Strongly condemning → Condemning', or '' when the strength did not change."""
    if strength is None or not strength.changed:
        return ""
    return f"{strength.direction.value}: {strength.why}"


def marked_text(edits: tuple[Edit, ...] | list[Edit]) -> str:
    """Inline markup for a terminal: deletions `[-...-]`, insertions `{+...+}`."""
    out = []
    for e in edits:
        if e.op == DELETE:
            out.append(f"[-{e.text}-]")
        elif e.op == INSERT:
            out.append(f"{{+{e.text}+}}")
        else:
            out.append(e.text)
    return "".join(out)


def row_label(row: Row) -> str:
    """'5(p) | 7(c)', '5(l) |', '| 5(l)', '5(d) | 5(d)+5(e)': both sides' labels (or kinds
    when unlabelled), every part of a split or merge."""
    left = "+".join(_side_label(s) for s in row.left_segments)
    right = "+".join(_side_label(s) for s in row.right_segments)
    return f"{left} | {right}".strip()


def _side_label(s: Segment | None) -> str:
    if s is None:
        return ""
    return s.label or s.kind.value


def structure_note(row: Row) -> str:
    """'split in 2 (re-nested)', 'merged from 3', or '' for a row that is neither."""
    if row.op is RowOp.SPLIT:
        note = f"split in {len(row.right_parts)}"
    elif row.op is RowOp.MERGED:
        note = f"merged from {len(row.left_parts)}"
    else:
        return ""
    return note + (" (re-nested)" if row.renested else "")


def summary_line(cmp: Comparison) -> str:
    counts = cmp.summary()
    parts = [f"{counts[op.value]} {op.value}" for op in RowOp if counts[op.value]]
    if counts["relabelled"]:
        parts.append(f"{counts['relabelled']} relabelled")
    for d in (Direction.STRONGER, Direction.WEAKER, Direction.MIXED):
        if counts[d.value]:
            parts.append(f"{counts[d.value]} {d.value}")
    return ", ".join(parts) or "nothing to compare"


def to_text(cmp: Comparison) -> str:
    """The comparison for a terminal: one block per row, changes marked inline."""
    lines = [f"--- {cmp.left_ref or cmp.left_title}", f"+++ {cmp.right_ref or cmp.right_title}", ""]
    for row in cmp.rows:
        head = f"{_MARK[row.op]} {row.op.value:<8} {row_label(row)}"
        if row.op is not RowOp.INSERTED and row.op is not RowOp.DELETED:
            head += f"  {row.similarity:g}%"
        if row.move_id is not None:
            head += f"  (move {row.move_id}: {'left from here' if row.right is None else 'arrived here'})"
        for note in (structure_note(row), strength_note(row.strength)):
            if note:
                head += f"  {note}"
        lines.append(head)
        if row.op is RowOp.MOVED and row.right is None:
            lines.append(f"    {row.left.text if row.left else ''}")
        elif row.left_parts or row.right_parts:
            parts = row.left_parts or row.right_parts
            lines += [f"    {_side_label(part)}  {marked_text(c.edits)}"
                      for part, c in zip(parts, chunks(row), strict=True)]
        else:
            lines.append(f"    {marked_text(row.edits)}")
    lines += ["", f"Summary: {summary_line(cmp)}"]
    return "\n".join(lines) + "\n"


def to_json(cmp: Comparison) -> dict[str, Any]:
    """`{"left", "right", "rows": [{"op", "left", "right", "similarity", "diff", ...}], "summary"}`."""
    return {
        "left": cmp.left_ref or cmp.left_title,
        "right": cmp.right_ref or cmp.right_title,
        "left_title": cmp.left_title,
        "right_title": cmp.right_title,
        "options": {
            "ignore_case": cmp.options.ignore_case,
            "ignore_punctuation": cmp.options.ignore_punctuation,
            "ignore_whitespace": cmp.options.ignore_whitespace,
        },
        "rows": [_row_json(r) for r in cmp.rows],
        "summary": cmp.summary(),
    }


def _row_json(row: Row) -> dict[str, Any]:
    """A row; a split or merge also lists its parts (`left`/`right` are the first ones)
    and its `diff` runs over the parts joined by a space."""
    out: dict[str, Any] = {
        "op": row.op.value,
        "left": _segment_json(row.left),
        "right": _segment_json(row.right),
        "similarity": row.similarity,
        "diff": [[e.op, e.text] for e in row.edits],
        "relabelled": row.relabelled,
        "move_id": row.move_id,
        "strength": _strength_json(row.strength),
    }
    if row.left_parts or row.right_parts:
        out["left_parts"] = [_segment_json(s) for s in row.left_segments]
        out["right_parts"] = [_segment_json(s) for s in row.right_segments]
        out["renested"] = row.renested
    return out


def _strength_json(strength: StrengthChange | None) -> dict[str, Any] | None:
    if strength is None:
        return None
    return {
        "direction": strength.direction.value,
        "why": strength.why,
        "steps": [{"direction": s.direction.value, "kind": s.kind, "old": s.old, "new": s.new}
                  for s in strength.steps],
    }


def _segment_json(s: Segment | None) -> dict[str, str] | None:
    if s is None:
        return None
    return {"label": s.label, "kind": s.kind.value, "text": s.text}


_CSS = """
body{font:15px/1.45 Georgia,'Times New Roman',serif;margin:2em;color:#1b1b1b;background:#fff}
h1{font-size:1.3em;margin:0 0 .3em}
.summary{margin:0 0 1.2em;padding:.6em .9em;background:#f3f4f6;border-radius:4px}
.summary span{margin-right:1.2em;white-space:nowrap}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{vertical-align:top;padding:.45em .6em;border-bottom:1px solid #e2e2e2;text-align:left}
th{font-family:sans-serif;font-size:.85em;color:#555}
td.gut{width:7.5em;font:12px/1.3 sans-serif;color:#444;text-align:center}
.lbl{font:600 13px sans-serif;color:#333;margin-right:.4em}
del{background:#fde2e2;color:#9b1c1c;text-decoration:line-through}
ins{background:#dcfce7;color:#14532d;text-decoration:underline}
tr.deleted td.l{background:#fff5f5}
tr.inserted td.r{background:#f4fdf6}
tr.moved td{background:#f5f3ff}
tr.equal td.l,tr.equal td.r{color:#555}
tr.split td,tr.merged td{background:#fffbeb}
.part{display:block;margin:0 0 .35em}
.stronger{color:#1d4ed8;font-weight:600}
.weaker{color:#b45309;font-weight:600}
.mixed{color:#6d28d9;font-weight:600}
.why{display:block;font-size:11px;color:#444;margin-top:.2em}
"""


def to_html(cmp: Comparison) -> str:
    """One self-contained, escaped, side-by-side HTML page with a summary at the top."""
    left_name = escape(cmp.left_ref or cmp.left_title)
    right_name = escape(cmp.right_ref or cmp.right_title)
    counts = cmp.summary()
    quiet = {"split", "merged", "stronger", "weaker", "mixed"}  # shown only when they occur
    summary = "".join(
        f"<span>{escape(k)}: <b>{v}</b></span>" for k, v in counts.items() if v or k not in quiet
    )
    body = "\n".join(_row_html(r) for r in cmp.rows)
    title = f"Comparison: {left_name} / {right_name}"
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>{title}</title><style>{_CSS}</style></head><body>\n"
        f"<h1>{title}</h1>\n"
        f"<div class=\"summary\">{summary}</div>\n"
        "<table><thead><tr>"
        f"<th>{escape(cmp.left_title)}<br>{left_name}</th><th class=\"gut\"></th>"
        f"<th>{escape(cmp.right_title)}<br>{right_name}</th></tr></thead>\n<tbody>\n"
        f"{body}\n</tbody></table>\n</body></html>\n"
    )


def _row_html(row: Row) -> str:
    left, right = _sides_html(row)
    gutter = escape(row.op.value)
    if row.op not in (RowOp.INSERTED, RowOp.DELETED):
        gutter += f"<br>{row.similarity:g}%"
    if row.move_id is not None:
        gutter += f"<br>move {row.move_id}"
    if row.relabelled:
        gutter += "<br>relabelled"
    note = structure_note(row)
    if note:
        gutter += f"<br>{escape(note)}"
    if row.strength is not None and row.strength.changed:
        d = row.strength.direction
        gutter += (f"<br><span class=\"{d.value}\">{STRENGTH_SIGN[d]} {d.value}</span>"
                   f"<span class=\"why\">{escape(row.strength.why)}</span>")
    return (
        f"<tr class=\"{escape(row.op.value)}\"><td class=\"l\">{left}</td>"
        f"<td class=\"gut\">{gutter}</td><td class=\"r\">{right}</td></tr>"
    )


def _sides_html(row: Row) -> tuple[str, str]:
    """The left cell shows equal and deleted pieces, the right cell equal and inserted ones."""
    if row.op is RowOp.MOVED and row.right is None:
        return _with_label(row.left, escape(row.left.text) if row.left else ""), ""
    left, right = [], []
    for e in row.edits:
        piece = escape(e.text)
        if e.op == DELETE:
            left.append(f"<del>{piece}</del>")
        elif e.op == INSERT:
            right.append(f"<ins>{piece}</ins>")
        else:
            left.append(piece)
            right.append(escape(_right_piece(row, e)))
    if row.right_parts:
        return _with_label(row.left, "".join(left)), _parts_html(row)
    if row.left_parts:
        return _parts_html(row), _with_label(row.right, "".join(right))
    return _with_label(row.left, "".join(left)), _with_label(row.right, "".join(right))


def _parts_html(row: Row) -> str:
    """The side of a split or merge that has parts: each part its own labelled block."""
    on_right = bool(row.right_parts)
    text = row.right_text if on_right else row.left_text
    mine, other, tag = (INSERT, DELETE, "ins") if on_right else (DELETE, INSERT, "del")
    blocks = []
    for part, c in zip(row.right_parts or row.left_parts, chunks(row), strict=True):
        start = c.right[0] if on_right else c.left[0]
        html = []
        for e in c.edits:
            if e.op == other:
                continue
            a, b = e.right if on_right else e.left
            piece = escape(text[start + a : start + b])
            html.append(f"<{tag}>{piece}</{tag}>" if e.op == mine else piece)
        blocks.append(f"<span class=\"part\">{_with_label(part, ''.join(html))}</span>")
    return "".join(blocks)


def _right_piece(row: Row, e: Edit) -> str:
    """The right text's own spelling of an equal piece (they differ when options ignore case)."""
    if row.right is None:
        return e.text
    return row.right_text[e.right[0] : e.right[1]]


def _with_label(s: Segment | None, html: str) -> str:
    if s is None:
        return ""
    lab = f"<span class=\"lbl\">{escape(s.label)}</span>" if s.label else ""
    return lab + html
