"""Word automatic numbering for conclusions: one multilevel list, linked to the styles.

Typed labels ("5." + tab) turn a redline noisy: delete subparagraph (c) and every later
letter shows as a change. With Word's own numbering the labels are computed, so only the
real changes are revisions. The list is defined once in `numbering.xml`: level 0 `%1.`
(decimal), level 1 `(%2)` (lowerLetter, which Word continues z, aa, bb as the UN does),
level 2 `(%3)` (lowerRoman); the three numbered paragraph styles point at it, so a
paragraph in the main list carries nothing but its style.

Lists:
- "main": the conclusions' paragraphs, starting at the first paragraph's number (5 for a
  range that starts at paragraph 5).
- "annex": the annex's paragraphs, a second `w:num` over the same definition with a
  `w:startOverride`, which is how Word restarts a list at 1.
- "lead": the subparagraphs a range starts with before its first numbered paragraph
  (`5(n)..5(v)`). They get a definition of their own whose letter starts at n: a start
  override on the main list would also apply when the letters restart under the next
  paragraph, and two lists over one definition share counters in ways Word and
  LibreOffice do not agree on.

A label this scheme cannot reproduce (a range starting at `5(a)(ii)` whose romans restart
under `5(b)`, a paragraph numbered out of sequence) is caught by the exports, which read the
numbers back and fall back to typed labels for that file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement as Element

from app.errors import ExportError
from app.export import docx_layout as lay
from app.labels import letters_index, roman_index


class Numbering(StrEnum):
    """How an export numbers paragraphs: Word's lists, or the labels typed as text."""

    AUTOMATIC = "automatic"
    TYPED = "typed"


AUTOMATIC, TYPED = Numbering.AUTOMATIC, Numbering.TYPED
NUMBERING = tuple(Numbering)

# (format, text, style) of levels 0, 1 and 2.
LEVELS = (
    ("decimal", "%1.", lay.PARAGRAPH),
    ("lowerLetter", "(%2)", lay.SUBPARAGRAPH),
    ("lowerRoman", "(%3)", lay.SUBSUBPARAGRAPH),
)
STYLE_LEVEL = {style: i for i, (_, _, style) in enumerate(LEVELS)}
_LABEL_RE = re.compile(r"^(annex-)?(\d+)((?:\([a-z]+\))*)$")
_PART_RE = re.compile(r"\(([a-z]+)\)")


def check_numbering(numbering: str) -> None:
    if numbering not in NUMBERING:
        raise ExportError(f"unknown numbering {numbering!r} (expected one of: {', '.join(NUMBERING)})")


def counters(label: str) -> tuple[bool, tuple[int, ...]] | None:
    """'5(n)' -> (False, (5, 14)); 'annex-3' -> (True, (3,)); '5(b)(ii)' -> (False, (5, 2, 2)).

    None for an empty label, one deeper than three levels or one that is not a
    conclusions label.
    """
    m = _LABEL_RE.match(label)
    if not m:
        return None
    values = [int(m.group(2))]
    for i, part in enumerate(_PART_RE.findall(m.group(3))):
        try:
            # the second level is lettered; "(i)" there is the ninth letter, not a roman one
            values.append(letters_index(part) if i == 0 else roman_index(part))
        except ValueError:
            return None
    if len(values) > len(LEVELS):
        return None
    return bool(m.group(1)), tuple(values)


@dataclass(frozen=True, slots=True)
class Slot:
    """Where a paragraph's number comes from: a list ("main", "annex", "lead") and a level."""

    list: str
    level: int


@dataclass(frozen=True, slots=True)
class ListPlan:
    """The lists a sequence of labels needs, their starts, and each label's slot."""

    main_start: int = 1
    annex_start: int = 1
    lead_starts: tuple[int, ...] = ()  # starts of levels 0..2 of the lead list; () = none
    slots: tuple[Slot | None, ...] = ()


def plan_lists(labels: Sequence[str]) -> ListPlan:
    """The lists that display `labels` (in document order) as Word numbers."""
    main_start = annex_start = None
    lead: tuple[int, ...] = ()
    seen_paragraph = False
    slots: list[Slot | None] = []
    for label in labels:
        parsed = counters(label)
        if parsed is None:
            slots.append(None)
            continue
        annex, values = parsed
        level = len(values) - 1
        if level == 0:
            seen_paragraph = True
            if annex and annex_start is None:
                annex_start = values[0]
            elif not annex and main_start is None:
                main_start = values[0]
        if not seen_paragraph:
            if not lead:
                lead = tuple(values[k] if k < len(values) else 1 for k in range(len(LEVELS)))
            slots.append(Slot("lead", level))
        else:
            slots.append(Slot("annex" if annex else "main", level))
    return ListPlan(main_start or 1, annex_start or 1, lead, tuple(slots))


def install(d: DocxDocument, plan: ListPlan) -> dict[str, str]:
    """Define the plan's lists in `d` and link the numbered styles to the main list.

    Returns the `w:numId` of each list. Definitions already in the template (its list
    styles) are kept; ours take the next free ids.
    """
    numbering = d.part.numbering_part.element
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.iterfind(qn("w:abstractNum"))]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.iterfind(qn("w:num"))]
    next_abstract = max(abstract_ids, default=-1) + 1
    next_num = max(num_ids, default=0) + 1
    starts = (plan.main_start, 1, 1)
    first_num = numbering.find(qn("w:num"))

    style_ids = [d.styles[style].style_id for _, _, style in LEVELS]

    def add_abstract(aid: int, level_starts: Sequence[int], linked: bool) -> None:
        el = _abstract(aid, level_starts, style_ids if linked else None)
        if first_num is not None:
            first_num.addprevious(el)  # every w:abstractNum precedes every w:num
        else:
            numbering.append(el)

    add_abstract(next_abstract, starts, linked=True)
    ids = {"main": str(next_num), "annex": str(next_num + 1)}
    numbering.append(_num(ids["main"], next_abstract))
    numbering.append(_num(ids["annex"], next_abstract, {0: plan.annex_start}))
    if plan.lead_starts:
        add_abstract(next_abstract + 1, plan.lead_starts, linked=False)
        ids["lead"] = str(next_num + 2)
        numbering.append(_num(ids["lead"], next_abstract + 1))
    for level, (_, _, style) in enumerate(LEVELS):
        ppr = d.styles[style].element.get_or_add_pPr()
        numpr = ppr.get_or_add_numPr()
        numpr.get_or_add_ilvl().val = level
        numpr.get_or_add_numId().val = int(ids["main"])
    return ids


def style_for(style: str, slot: Slot | None) -> str:
    """The style of a paragraph in a numbered file: an unnumbered one leaves the list's styles.

    A paragraph of a numbered style whose label is typed or has no place in the lists
    takes the style's unnumbered twin (`docx_layout.TYPED`).
    """
    return lay.TYPED.get(style, style) if slot is None else style


def apply(p: Element, style: str, slot: Slot | None, ids: dict[str, str]) -> None:
    """Give paragraph element `p` its number where its style alone would not.

    A main-list paragraph in its level's style needs nothing; an annex or lead paragraph
    names its list. `style` is the one `style_for` chose.
    """
    by_style = STYLE_LEVEL.get(style)
    if slot is None or (slot.list == "main" and slot.level == by_style):
        return
    num_id, level = ids[slot.list], slot.level
    numpr = lay.element("w:numPr")
    for tag, value in (("w:ilvl", level), ("w:numId", num_id)):
        numpr.append(_val(tag, value))
    p.pPr.append(numpr)  # after w:pStyle, the only property the paragraph has yet


def _val(tag: str, value: str | int) -> Element:
    el = lay.element(tag)
    el.set(qn("w:val"), str(value))
    return el


def _abstract(aid: int, starts: Sequence[int], style_ids: Sequence[str] | None) -> Element:
    an = OxmlElement("w:abstractNum")
    an.set(qn("w:abstractNumId"), str(aid))
    an.append(_val("w:multiLevelType", "multilevel"))
    for level, (fmt, text, _) in enumerate(LEVELS):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(level))
        lvl.append(_val("w:start", starts[level] if level < len(starts) else 1))
        lvl.append(_val("w:numFmt", fmt))
        if style_ids:  # the level and its style name each other, as Word writes a linked list
            lvl.append(_val("w:pStyle", style_ids[level]))
        lvl.append(_val("w:lvlText", text))
        lvl.append(_val("w:lvlJc", "left"))
        ppr = OxmlElement("w:pPr")
        ind = OxmlElement("w:ind")
        # the number at the margin of its level, the text one indentation step further
        ind.set(qn("w:left"), str(_twips((level + 1) * lay.INDENT)))
        ind.set(qn("w:hanging"), str(_twips(lay.INDENT)))
        ppr.append(ind)
        lvl.append(ppr)
        an.append(lvl)
    return an


def _num(num_id: str, aid: int, start_overrides: dict[int, int] | None = None) -> Element:
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), num_id)
    num.append(_val("w:abstractNumId", aid))
    for level, start in (start_overrides or {}).items():
        ov = OxmlElement("w:lvlOverride")
        ov.set(qn("w:ilvl"), str(level))
        ov.append(_val("w:startOverride", start))
        num.append(ov)
    return num


def _twips(emu: int) -> int:
    return round(emu / 635)
