"""What Print and Export to PDF put on paper: a document, a draft or a comparison, as HTML in
the subset `QTextDocument` lays out (no `<del>`/`<ins>`: struck and underlined spans).

Every piece of document text is escaped, so markup inside a paragraph prints as text.
Qt numbers the pages when it prints a `QTextDocument` that has no page size of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtGui import QFont, QTextDocument

from app.compare.inline import DELETE, INSERT
from app.compare.model import Comparison, Row, RowOp
from app.model import Document, Kind, Segment

_DELETED = "color:#9b1c1c; background-color:#fde2e2; text-decoration:line-through"
_INSERTED = "color:#14532d; background-color:#dcfce7; text-decoration:underline"


def _segment_html(s: Segment, body: str | None = None) -> str:
    text = escape(s.text) if body is None else body
    if s.kind is Kind.TITLE:
        return f'<h2 align="center">{text}</h2>'
    if s.kind is Kind.HEADING:
        return f"<h3>{text}</h3>"
    if s.kind is Kind.ADDRESSEE:
        return f"<p><i>{text}</i></p>"
    indent = 24 * s.label.count("(") if s.label else 0
    label = f"<b>{escape(s.label)}</b>&nbsp;&nbsp;" if s.label else ""
    return f'<p style="margin-left:{indent}px">{label}{text}</p>'


def _page(title: str, subtitle: str, body: str) -> str:
    sub = f'<p style="color:#555555">{escape(subtitle)}</p>' if subtitle else ""
    return f"<html><body><h1>{escape(title)}</h1>{sub}{body}</body></html>"


def segments_html(title: str, subtitle: str, segments: Sequence[Segment]) -> str:
    """A text as a drafter reads it: labels at the margin, headings set apart."""
    return _page(title, subtitle, "".join(_segment_html(s) for s in segments))


def document_html(doc: Document) -> str:
    details = " · ".join(x for x in (doc.symbol, doc.meeting_date and f"meeting of {doc.meeting_date}",
                                     doc.report_symbol and f"on report {doc.report_symbol}") if x)
    segments = doc.segments[1:] if doc.segments and doc.segments[0].kind is Kind.TITLE else doc.segments
    return segments_html(doc.title, details, segments)


def _sides(row: Row) -> tuple[str, str]:
    """The left cell shows equal and deleted pieces, the right cell equal and inserted ones."""
    if not row.edits:
        left = escape(row.left.text) if row.left else ""
        right = escape(row.right.text) if row.right else ""
        if row.op is RowOp.DELETED:
            left = f'<span style="{_DELETED}">{left}</span>'
        if row.op is RowOp.INSERTED:
            right = f'<span style="{_INSERTED}">{right}</span>'
        return left, right
    lefts: list[str] = []
    rights: list[str] = []
    for e in row.edits:
        piece = escape(e.text)
        if e.op == DELETE:
            lefts.append(f'<span style="{_DELETED}">{piece}</span>')
        elif e.op == INSERT:
            rights.append(f'<span style="{_INSERTED}">{piece}</span>')
        else:
            lefts.append(piece)
            rights.append(escape(row.right.text[e.right[0]:e.right[1]]) if row.right else piece)
    return "".join(lefts), "".join(rights)


def _cell(s: Segment | None, body: str) -> str:
    if s is None:
        return ""
    label = f"<b>{escape(s.label)}</b>&nbsp; " if s.label else ""
    return label + body


def comparison_html(cmp: Comparison, left_name: str, right_name: str) -> str:
    """Side by side: deletions struck on the left, insertions underlined on the right."""
    counts = " · ".join(f"{v} {k}" for k, v in cmp.summary().items())
    rows = []
    for row in cmp.rows:
        left, right = _sides(row)
        if row.op is RowOp.MOVED and row.right is None:
            left, right = escape(row.left.text) if row.left else "", ""
        gutter = row.op.value + (f"<br>{row.similarity:g}%" if row.op not in (RowOp.INSERTED, RowOp.DELETED) else "")
        rows.append(f'<tr><td width="43%">{_cell(row.left, left)}</td>'
                    f'<td width="14%" align="center" style="color:#555555; font-size:small">{gutter}</td>'
                    f'<td width="43%">{_cell(row.right, right)}</td></tr>')
    table = ('<table width="100%" border="1" cellspacing="0" cellpadding="4" style="border-color:#cccccc">'
             f'<tr><th>{escape(left_name)}</th><th></th><th>{escape(right_name)}</th></tr>'
             + "".join(rows) + "</table>")
    return _page(f"{left_name} ↔ {right_name}", counts, table)


def text_document(html: str) -> QTextDocument:
    """A `QTextDocument` of `html` in a serif reading font, ready for a printer."""
    doc = QTextDocument()
    font = QFont("Times New Roman")
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(11)
    doc.setDefaultFont(font)
    doc.setHtml(html)
    return doc
