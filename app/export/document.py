"""A document, or a range of it, as a Word file laid out like published conclusions."""

from __future__ import annotations

from collections.abc import Iterable

from docx.document import Document as DocxDocument

from app.export import docx_layout as lay
from app.model import Kind, Passage, Segment


def passage_document(passage: Passage) -> DocxDocument:
    """The Word document of `passage`: the whole document, or its title and the range.

    A range (`1:5(n)..5(v)`) keeps its own labels, so "(n)" stays "(n)"; the document title
    and a line naming the range head it, since the extract no longer says where it is from.
    """
    doc = passage.document
    d = lay.new_document(header=doc.symbol)
    segments = passage.segments
    if not any(s.kind is Kind.TITLE for s in segments):
        lay.add_paragraph(d, lay.TITLE).add_run(doc.title)
        if passage.start:
            lay.add_paragraph(d, lay.SUBTITLE).add_run(_range_line(passage))
    write_segments(d, segments)
    return d


def write_segments(d: DocxDocument, segments: Iterable[Segment]) -> None:
    for s in segments:
        p = lay.add_paragraph(d, lay.style_for(s))
        label = lay.label_text(s.label)
        if label:
            r = p.add_run(label)
            lay.add_tab(r._r)
        p.add_run(s.text)


def _range_line(passage: Passage) -> str:
    start, end = passage.start, passage.end
    if start == end:
        return f"Paragraph {start}"
    return f"Paragraphs {start} to {end}"
