"""Labels from structure: a drafter never types a label, the draft's shape decides it.

Paragraphs count 1, 2, ... (restarting as `annex-1` after an "Annex" heading); letters
restart under each paragraph, 5(a)..5(z), 5(aa); roman numerals restart under each lettered
subparagraph, 5(a)(i), 5(a)(ii). Section and addressee follow the last heading and the last
addressee line, as the importer records them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from app.labels import letters, roman
from app.model import Kind, Segment
from app.parse.structure import ANNEX_RE

MAX_DEPTH = 2  # 5 -> 5(a) -> 5(a)(i)


def depth_of(seg: Segment) -> int:
    """How deep a segment sits in the outline.

    Paragraphs, headings and unnumbered text are 0; addressee lines belong to the paragraph
    whose subparagraphs they introduce (1); subparagraphs are 1 (`5(a)`) or 2 (`5(a)(ii)`).
    """
    if seg.kind is Kind.SUBPARAGRAPH:
        return 2 if seg.label.count("(") >= 2 else 1
    if seg.kind is Kind.ADDRESSEE:
        return 1
    return 0


def block_end(segments: Sequence[Segment], index: int, depths: Sequence[int] | None = None) -> int:
    """Index of the last row of the block that `index` heads (itself and what is deeper).

    Paragraph 5 runs through 5(dd), addressee lines included; a heading is a block of one.
    """
    ds = depths if depths is not None else [depth_of(s) for s in segments]
    end = index
    while end + 1 < len(segments) and ds[end + 1] > ds[index]:
        end += 1
    return end


def renumber(segments: Sequence[Segment], depths: Sequence[int] | None = None) -> tuple[Segment, ...]:
    """Recompute every label, section and addressee from the order, kinds and depths.

    `depths` overrides `depth_of` (edits use it to change a subparagraph's degree). A
    subparagraph with nothing to hang from (no paragraph before it) becomes a paragraph;
    a second-degree one with no lettered parent becomes lettered.
    """
    ds = list(depths) if depths is not None else [depth_of(s) for s in segments]
    out: list[Segment] = []
    prefix = ""
    paragraph = letter = numeral = 0
    section = addressee = ""
    for seg, depth in zip(segments, ds, strict=True):
        kind = seg.kind
        if kind is Kind.SUBPARAGRAPH and paragraph == 0:
            kind = Kind.PARAGRAPH
        if kind is Kind.HEADING:
            in_annex_title = bool(section and ANNEX_RE.match(section) and out and out[-1].kind is Kind.HEADING)
            if not in_annex_title:
                section = seg.text
            if ANNEX_RE.match(seg.text.strip()):
                prefix, paragraph, letter, numeral = "annex-", 0, 0, 0
            addressee = ""
            out.append(replace(seg, label="", section=section, addressee=""))
        elif kind is Kind.ADDRESSEE:
            addressee = seg.text
            out.append(replace(seg, label="", section=section, addressee=addressee))
        elif kind is Kind.PARAGRAPH:
            paragraph, letter, numeral = paragraph + 1, 0, 0
            addressee = ""
            out.append(replace(seg, kind=kind, label=f"{prefix}{paragraph}", section=section, addressee=""))
        elif kind is Kind.SUBPARAGRAPH:
            base = f"{prefix}{paragraph}"
            if depth >= 2 and letter > 0:
                numeral += 1
                label = f"{base}({letters(letter)})({roman(numeral)})"
            else:
                letter, numeral = letter + 1, 0
                label = f"{base}({letters(letter)})"
            out.append(replace(seg, label=label, section=section, addressee=addressee))
        else:  # title, unnumbered text
            out.append(replace(seg, label="", section=section, addressee=addressee if kind is Kind.TEXT else ""))
    return tuple(out)
