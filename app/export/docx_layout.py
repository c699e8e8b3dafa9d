"""The Word layout of published conclusions: styles defined once, page set-up, labels.

Every paragraph written by the exports carries one of the named styles below and no direct
paragraph formatting, so a drafter can restyle the whole file from Word's style pane. The
geometry follows UN documents: Times New Roman 12, the paragraph number at the margin with
the text hanging at 1.27 cm, a subparagraph's letter at 1.27 cm with its text at 2.54 cm.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import oxml_parser
from docx.oxml.xmlchemy import BaseOxmlElement as Element
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph

from app.model import Kind, Segment

FONT = "Times New Roman"
INDENT = Cm(1.27)  # one UN indentation step

# Paragraph style names, one per kind of segment (what a drafter sees in the style pane).
TITLE = "Title"
SUBTITLE = "Subtitle"
HEADING = "Heading 1"
PARAGRAPH = "Conclusions Paragraph"
SUBPARAGRAPH = "Conclusions Subparagraph"
SUBSUBPARAGRAPH = "Conclusions Subsubparagraph"
ADDRESSEE = "Conclusions Addressee"
TEXT = "Conclusions Text"
BULLET = "Conclusions Bullet"
# The numbered styles' twins for a paragraph whose label is typed in a file numbered by
# Word (the annex): the same geometry, no list. Turning a style's list off with a list
# id of 0 is valid OOXML, but validators report it as a missing list.
TYPED = {
    PARAGRAPH: "Conclusions Paragraph Typed",
    SUBPARAGRAPH: "Conclusions Subparagraph Typed",
    SUBSUBPARAGRAPH: "Conclusions Subsubparagraph Typed",
}
TABLE_TEXT = "Comparison Table Text"
# Character styles of the comparison report's highlights.
DELETED = "Comparison Deleted"
INSERTED = "Comparison Inserted"


@dataclass(frozen=True, slots=True)
class _ParaSpec:
    name: str
    left: int  # EMU
    hanging: int  # EMU; the label sits at left - hanging, the text at left
    bold: bool = False
    italic: bool = False
    size: int = 12
    before: int = 0
    after: int = 6
    keep_next: bool = False
    justify: bool = True


_PARA_SPECS = (
    _ParaSpec(TITLE, 0, 0, bold=True, size=14, after=18, keep_next=True, justify=False),
    _ParaSpec(SUBTITLE, 0, 0, italic=True, after=12, keep_next=True, justify=False),
    _ParaSpec(HEADING, INDENT, 0, bold=True, before=12, after=12, keep_next=True, justify=False),
    _ParaSpec(PARAGRAPH, INDENT, INDENT),
    _ParaSpec(SUBPARAGRAPH, 2 * INDENT, INDENT),
    _ParaSpec(SUBSUBPARAGRAPH, 3 * INDENT, INDENT),
    _ParaSpec(TYPED[PARAGRAPH], INDENT, INDENT),
    _ParaSpec(TYPED[SUBPARAGRAPH], 2 * INDENT, INDENT),
    _ParaSpec(TYPED[SUBSUBPARAGRAPH], 3 * INDENT, INDENT),
    _ParaSpec(ADDRESSEE, INDENT, 0, italic=True, before=6, after=12, keep_next=True, justify=False),
    _ParaSpec(TEXT, INDENT, 0),
    _ParaSpec(BULLET, 2 * INDENT, INDENT),
    _ParaSpec(TABLE_TEXT, 0, 0, size=10, after=0, justify=False),
)


def new_document(header: str = "") -> DocxDocument:
    """An empty Word document holding the conclusions styles, page numbers and `header`."""
    d = docx.Document()
    _fonts_default(d)
    for spec in _PARA_SPECS:
        _define_paragraph_style(d, spec)
    _define_character_style(d, DELETED, strike=True, fill="F4C7C3")
    _define_character_style(d, INSERTED, underline=True, fill="C8E6C9")
    for name in ("Header", "Footer"):
        d.styles[name].font.size = Pt(9)
    section = d.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.59), Cm(27.94)  # US Letter, as at UN HQ
    section.top_margin = section.bottom_margin = Cm(2.54)
    section.left_margin = section.right_margin = Cm(2.3)
    _page_numbers(section.footer.paragraphs[0])
    if header:
        hp = section.header.paragraphs[0]
        hp.text = xml_safe(header)
        hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    # The template's one empty paragraph would come out as a blank first line.
    body = d.element.body
    for p in body.findall(qn("w:p")):
        body.remove(p)
    _drop_styles_with_effects(d)
    return d


_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def _drop_styles_with_effects(d: DocxDocument) -> None:
    """Remove the template's `stylesWithEffects` part, a Word 2010 copy of `styles.xml`.

    It still holds the template's styles and defaults, not ours, and Word may take a part
    out of step with `styles.xml` for damage. Word 2013 and later neither need nor write it.
    """
    for rid, rel in list(d.part.rels.items()):
        if rel.reltype == _STYLES_WITH_EFFECTS:
            d.part.drop_rel(rid)


def text_width(d: DocxDocument) -> int:
    """The width between the margins, in EMU."""
    s = d.sections[0]
    return int(s.page_width or 0) - int(s.left_margin or 0) - int(s.right_margin or 0)


def style_for(segment: Segment) -> str:
    """The paragraph style of a segment: 5 -> paragraph, 5(a) -> sub, 5(a)(ii) -> sub-sub."""
    if segment.kind is Kind.TITLE:
        return TITLE
    if segment.kind is Kind.HEADING:
        return HEADING
    if segment.kind is Kind.ADDRESSEE:
        return ADDRESSEE
    depth = segment.label.count("(")
    if segment.kind is Kind.SUBPARAGRAPH or depth:
        return SUBSUBPARAGRAPH if depth >= 2 else SUBPARAGRAPH
    if segment.kind is Kind.PARAGRAPH:
        return PARAGRAPH
    if is_bullet(segment):
        return BULLET
    return TEXT


# The bullet characters of typed or converted lists ("►The Transition Government ...").
BULLETS = "\u25ba\u2022\u25aa\u2023\u25e6\u25cf\u25a0\uf0b7"


def is_bullet(segment: Segment) -> bool:
    """An unnumbered line that starts with a bullet character, as in the annex's statement.

    The bullet stays part of the text, so every reader (Word, LibreOffice, pandoc, our own)
    gives back every character; the style hangs the text after it.
    """
    return not segment.label and segment.text[:1] != "" and segment.text[0] in BULLETS and segment.kind is Kind.TEXT


def typed_label(segment: Segment) -> bool:
    """Whether a segment's label is written as text even when the document is numbered by Word.

    The annex is a statement quoted as delivered: its "1." .. "17." are part of the text and
    stay as typed, so a redline never renumbers them silently.
    """
    return segment.label.startswith("annex-")


def label_text(label: str) -> str:
    """How a label is printed before its text: '5' -> '5.', '5(a)' -> '(a)', 'annex-3' -> '3.'."""
    if not label:
        return ""
    i = label.rfind("(")
    if i > 0:
        return label[i:]
    return label.removeprefix("annex-") + "."


def add_paragraph(d: DocxDocument, style: str) -> Paragraph:
    """A new empty body paragraph with `style` (runs are added by the caller)."""
    return d.add_paragraph(style=style)


_VAL = qn("w:val")


class BodyWriter:
    """Appends styled paragraphs to a document's body in time linear in their number.

    python-docx's `add_paragraph` looks the style up among all styles and searches the
    body for its section properties on every call: 50,000 paragraphs took minutes. Here
    each style id is looked up once and every paragraph goes straight before `w:sectPr`.
    """

    def __init__(self, d: DocxDocument) -> None:
        self._styles = d.styles
        self._body = d.element.body
        self._sect = self._body.find(qn("w:sectPr"))
        self._ids: dict[str, str] = {}

    def paragraph(self, style: str) -> Element:
        """A new empty `w:p` with `style`, placed after the paragraphs written so far."""
        style_id = self._ids.get(style)
        if style_id is None:
            style_id = self._ids[style] = self._styles[style].style_id
        p = element("w:p")
        ppr = element("w:pPr")
        ps = element("w:pStyle")
        ps.set(_VAL, style_id)
        ppr.append(ps)
        p.append(ppr)
        if self._sect is not None:
            self._sect.addprevious(p)
        else:
            self._body.append(p)
        return p


def text_run(text: str, tag: str = "w:t") -> Element:
    """A `w:r` holding `text`: tabs as `w:tab`, line breaks as `w:br`, the rest as `tag`.

    `tag` is "w:delText" for deleted text. Characters XML cannot hold become U+FFFD.
    """
    r = element("w:r")
    for i, line in enumerate(text.split("\n")):
        if i:
            r.append(element("w:br"))
        for j, part in enumerate(line.split("\t")):
            if j:
                r.append(element("w:tab"))
            if part:
                add_text(r, part, tag)
    return r


def add_tab(run_element: Element) -> None:
    """Append a tab to a run element (`w:r`)."""
    run_element.append(OxmlElement("w:tab"))


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` with the characters XML cannot hold replaced by U+FFFD, one for one.

    Import and editing remove control characters already; this keeps a stray one from
    making the export fail, and keeps character offsets (a redline's edits) valid.
    """
    return _NOT_XML.sub("\ufffd", text)


def add_text(run_element: Element, text: str, tag: str = "w:t") -> None:
    """Append text to a run element as `w:t` (or `w:delText`), keeping spaces."""
    t = element(tag)
    t.text = xml_safe(text)
    t.set(_SPACE, "preserve")
    run_element.append(t)


_SPACE = qn("xml:space")


@functools.cache
def _clark(tag: str) -> tuple[str, dict[str, str]]:
    prefix = tag.split(":", 1)[0]
    return qn(tag), {prefix: nsmap[prefix]}


def element(tag: str) -> Element:
    """A new element `tag` ("w:p"), as python-docx's `OxmlElement` makes it, only faster.

    The exports make a few elements per word of text; `OxmlElement` parses the tag's
    prefix and builds its namespace map each time.
    """
    clark, namespaces = _clark(tag)
    made: Element = oxml_parser.makeelement(clark, nsmap=namespaces)
    return made


# --- style definitions --------------------------------------------------------------------


def _fonts_default(d: DocxDocument) -> None:
    """Times New Roman everywhere: document defaults and Normal, replacing theme fonts."""
    styles = d.styles.element
    rpr_default = styles.find(qn("w:docDefaults"))
    if rpr_default is not None:
        rpr = rpr_default.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is not None:
            _set_fonts(rpr)
    normal = d.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(12)
    _set_fonts(normal.element.get_or_add_rPr())
    pf = normal.paragraph_format
    pf.space_after = Pt(0)
    pf.line_spacing = 1.0
    pf.widow_control = True


def _set_fonts(rpr: Element) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for key in list(fonts.attrib):
        del fonts.attrib[key]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _reset(style: BaseStyle) -> None:
    """Drop the template's formatting of a built-in style (theme fonts, colours, borders)."""
    el = style.element
    for tag in ("w:pPr", "w:rPr"):
        old = el.find(qn(tag))
        if old is not None:
            el.remove(old)


def _define_paragraph_style(d: DocxDocument, spec: _ParaSpec) -> None:
    try:
        style = d.styles[spec.name]
        _reset(style)
    except KeyError:
        style = d.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = d.styles["Normal"]
    style.quick_style = True
    if spec.name == HEADING:
        style.element.get_or_add_pPr().append(_outline_level(0))
    font = style.font
    font.name = FONT
    font.size = Pt(spec.size)
    font.bold = spec.bold
    font.italic = spec.italic
    font.color.rgb = RGBColor(0, 0, 0)
    pf = style.paragraph_format
    pf.left_indent = spec.left
    pf.first_line_indent = -spec.hanging if spec.hanging else 0
    pf.space_before = Pt(spec.before)
    pf.space_after = Pt(spec.after)
    pf.keep_with_next = spec.keep_next
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY if spec.justify else WD_ALIGN_PARAGRAPH.LEFT
    if spec.hanging:
        pf.tab_stops.add_tab_stop(spec.left, WD_TAB_ALIGNMENT.LEFT)


def _outline_level(level: int) -> Element:
    el = OxmlElement("w:outlineLvl")
    el.set(qn("w:val"), str(level))
    return el


def _define_character_style(
    d: DocxDocument, name: str, *, strike: bool = False, underline: bool = False, fill: str
) -> None:
    style = d.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
    style.font.strike = strike
    style.font.underline = underline
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    style.element.get_or_add_rPr().append(shd)


def _page_numbers(p: Paragraph) -> None:
    """'3/12' at the right of the footer, as on UN documents."""
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for instr, tail in (("PAGE", "/"), ("NUMPAGES", "")):
        fld = OxmlElement("w:fldSimple")
        fld.set(qn("w:instr"), f" {instr} ")
        r = OxmlElement("w:r")
        add_text(r, "1")
        fld.append(r)
        p._p.append(fld)
        if tail:
            p.add_run(tail)
