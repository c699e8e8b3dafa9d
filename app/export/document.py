"""A document, or a range of it, as a Word file laid out like published conclusions."""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocxDocument

from app.export import autonumber
from app.export import docx_layout as lay
from app.export.ooxml_reader import Parts, labelled
from app.model import Kind, Passage, Segment


def passage_document(passage: Passage, *, numbering: str = autonumber.AUTOMATIC) -> DocxDocument:
    """The Word document of `passage`: the whole document, or its title and the range.

    A range (`1:5(n)..5(v)`) keeps its own labels, so "(n)" stays "(n)"; the document title
    and a line naming the range head it, since the extract no longer says where it is from.
    With `numbering="automatic"` the labels are Word's own list numbers; a document whose
    labels the list cannot reproduce (see `autonumber`) is written with typed labels.
    """
    autonumber.check_numbering(numbering)
    if numbering == autonumber.AUTOMATIC:
        d = _build(passage, automatic=True)
        shown = [numbered_label(s, automatic=True) for s in passage.segments]
        if shows_labels(d, [""] * _heading_lines(passage) + shown):
            return d
    return _build(passage, automatic=False)


def numbered_label(segment: Segment, *, automatic: bool) -> str:
    """The label Word numbers for `segment`: "" where there is none or it is typed."""
    return "" if not automatic or lay.typed_label(segment) else segment.label


def _heading_lines(passage: Passage) -> int:
    if any(s.kind is Kind.TITLE for s in passage.segments):
        return 0
    return 2 if passage.start else 1


def _build(passage: Passage, *, automatic: bool) -> DocxDocument:
    doc = passage.document
    d = lay.new_document(header=doc.symbol)
    body = lay.BodyWriter(d)
    if _heading_lines(passage):
        body.paragraph(lay.TITLE).append(lay.text_run(doc.title))
        if passage.start:
            body.paragraph(lay.SUBTITLE).append(lay.text_run(_range_line(passage)))
    write_segments(d, passage.segments, automatic=automatic, body=body)
    return d


def write_segments(
    d: DocxDocument, segments: Sequence[Segment], *, automatic: bool = False,
    body: lay.BodyWriter | None = None,
) -> None:
    """One styled paragraph per segment: label as a list number, or typed with a tab."""
    body = body or lay.BodyWriter(d)
    if automatic:
        plan = autonumber.plan_lists([numbered_label(s, automatic=True) for s in segments])
        ids = autonumber.install(d, plan)
    for i, s in enumerate(segments):
        style = lay.style_for(s)
        if automatic:
            style = autonumber.style_for(style, plan.slots[i])
        p = body.paragraph(style)
        typed = lay.label_text(s.label) if not numbered_label(s, automatic=automatic) else ""
        if automatic:
            autonumber.apply(p, style, plan.slots[i], ids)
        p.append(lay.text_run(f"{typed}\t{s.text}" if typed else s.text))


def docx_parts(d: DocxDocument) -> Parts:
    """The parts of an in-memory document that `ooxml_reader` reads."""
    return Parts(d.element, d.styles.element, d.part.numbering_part.element)


def shows_labels(d: DocxDocument, labels: Sequence[str], view: str = "accept") -> bool:
    """Whether the body of `d` displays `labels` ('5', '5(n)', '') paragraph by paragraph."""
    shown = [label for label, _ in labelled(docx_parts(d), view, text=False)]
    return shown == [lay.label_text(label) for label in labels]


def _range_line(passage: Passage) -> str:
    start, end = passage.start, passage.end
    if start == end:
        return f"Paragraph {start}"
    return f"Paragraphs {start} to {end}"
