"""Write Word files and PDFs for the import tests, from a parsed Document or by hand.

The corpus is written back out as .docx in two ways: with its labels typed in the text
("5." then a tab), and with Word automatic numbering whose definitions are written here
into numbering.xml (decimal `%1.`, lower-letter `(%2)`, `w:lvlRestart`, `w:start`, and a
`w:lvlOverride`/`w:startOverride` that restarts the annex at 1).
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from app.model import Document, Kind

SOFFICE = shutil.which("soffice")


def normalised(doc: Document) -> list[tuple[str, str, str]]:
    """(kind, label, text with whitespace collapsed) for each segment."""
    return [(s.kind.value, s.label, " ".join(s.text.split())) for s in doc.segments]


def el(tag: str, **attrs: str) -> OxmlElement:
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(f"w:{k}"), v)
    return e


def child(parent, tag: str, **attrs: str):
    e = el(tag, **attrs)
    parent.append(e)
    return e


def level(ilvl: int, fmt: str, text: str, start: int = 1, restart: int | None = None):
    lvl = el("w:lvl", ilvl=str(ilvl))
    child(lvl, "w:start", val=str(start))
    child(lvl, "w:numFmt", val=fmt)
    if restart is not None:
        child(lvl, "w:lvlRestart", val=str(restart))
    child(lvl, "w:lvlText", val=text)
    child(lvl, "w:lvlJc", val="left")
    ppr = child(lvl, "w:pPr")
    child(ppr, "w:ind", left=str(567 * (ilvl + 1)), hanging="567")
    return lvl


def add_list(document, abstract_id: int, levels: list, lists: dict[int, dict[int, int]]) -> None:
    """Add an abstract definition and `w:num` lists using it: {numId: {ilvl: startOverride}}."""
    numbering = document.part.numbering_part.element
    abstract = el("w:abstractNum", abstractNumId=str(abstract_id))
    child(abstract, "w:multiLevelType", val="multilevel")
    for lvl in levels:
        abstract.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    for num_id, overrides in lists.items():
        num = child(numbering, "w:num", numId=str(num_id))
        child(num, "w:abstractNumId", val=str(abstract_id))
        for ilvl, start in overrides.items():
            ov = child(num, "w:lvlOverride", ilvl=str(ilvl))
            child(ov, "w:startOverride", val=str(start))


def number(paragraph, num_id: int, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = el("w:numPr")
    child(numpr, "w:ilvl", val=str(ilvl))
    child(numpr, "w:numId", val=str(num_id))
    ppr.insert(0 if ppr.find(qn("w:pStyle")) is None else 1, numpr)


def add_field(paragraph, instr: str, shown: str) -> None:
    fld = child(paragraph._p, "w:fldSimple", instr=instr)
    r = child(fld, "w:r")
    t = child(r, "w:t")
    t.text = shown


def add_furniture(document) -> None:
    """A running header with the document symbol and a footer with job number and page."""
    section = document.sections[0]
    section.header.paragraphs[0].text = "S/AC.51/2020/11"
    section.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    foot = section.footer.paragraphs[0]
    foot.add_run("20-15789 (E)\t\t")
    add_field(foot, "PAGE", "1")
    foot.add_run("/")
    add_field(foot, "NUMPAGES", "1")


def write_corpus_docx(doc: Document, path: Path, automatic: bool) -> Path:
    """The parsed corpus as a Word file, labels typed or produced by automatic numbering."""
    d = docx.Document()
    add_furniture(d)
    if automatic:
        add_list(d, 90, [level(0, "decimal", "%1."), level(1, "lowerLetter", "(%2)", restart=1)],
                 {901: {}, 902: {0: 1}})
        add_list(d, 91, [level(0, "bullet", "►")], {911: {}})
    for s in doc.segments:
        if s.kind == Kind.TITLE:
            d.add_paragraph(s.text, style="Title")
        elif s.kind == Kind.HEADING:
            d.add_paragraph(s.text, style="Heading 1")
        elif s.kind == Kind.ADDRESSEE:
            d.add_paragraph().add_run(s.text).italic = True
        elif s.kind in (Kind.PARAGRAPH, Kind.SUBPARAGRAPH):
            sub = s.kind == Kind.SUBPARAGRAPH
            if automatic:
                p = d.add_paragraph(s.text)
                number(p, 902 if s.label.startswith("annex-") else 901, 1 if sub else 0)
            else:
                shown = f"({s.label.rsplit('(', 1)[1]}" if sub else s.label.removeprefix("annex-") + "."
                d.add_paragraph(f"{shown}\t{s.text}")
        elif s.section == "Annex" and s.text.startswith(("The ", "We ")):
            # The annex's bullet lines (► in the original).
            if automatic:
                number(d.add_paragraph(s.text), 911, 0)
            else:
                d.add_paragraph(f"►\t{s.text}")
        else:
            d.add_paragraph(s.text)
    d.save(str(path))
    return path


def soffice_convert(paths: list[Path], outdir: Path, fmt: str = "pdf") -> list[Path]:
    """Convert files with LibreOffice in one call, with a profile and HOME of its own."""
    assert SOFFICE, "soffice is not installed"
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, HOME=home)
        subprocess.run(
            [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
             "--outdir", str(outdir), *map(str, paths)],
            check=True, capture_output=True, timeout=180, env=env,
        )
    out = [outdir / (p.stem + "." + fmt.split(":")[0]) for p in paths]
    missing = [p for p in out if not p.exists()]
    assert not missing, f"soffice did not write {missing}"
    return out


# --- small Word files written part by part ---------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FOOTNOTES_REL = (
    '<Relationship Id="rIdFoot" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/footnotes" Target="footnotes.xml"/>'
)
_FOOTNOTES_CT = (
    '<Override PartName="/word/footnotes.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
)


def template_parts() -> dict[str, bytes]:
    """The parts of python-docx's default document."""
    buf = io.BytesIO()
    docx.Document().save(buf)
    with zipfile.ZipFile(buf) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def write_parts(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def make_docx(path: Path, body: str, numbering: str | None = None, footnotes: str | None = None,
              styles_extra: str = "") -> Path:
    """A .docx whose body is `body` (WordprocessingML paragraphs and tables, `w:` prefix)."""
    parts = template_parts()
    parts["word/document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}"><w:body>{body}<w:sectPr/></w:body></w:document>'
    ).encode()
    if numbering is not None:
        parts["word/numbering.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:numbering xmlns:w="{W_NS}">{numbering}</w:numbering>'
        ).encode()
    if styles_extra:
        styles = parts["word/styles.xml"].decode()
        parts["word/styles.xml"] = styles.replace("</w:styles>", styles_extra + "</w:styles>").encode()
    if footnotes is not None:
        parts["word/footnotes.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:footnotes xmlns:w="{W_NS}">{footnotes}</w:footnotes>'
        ).encode()
        rels = parts["word/_rels/document.xml.rels"].decode()
        parts["word/_rels/document.xml.rels"] = rels.replace("</Relationships>", _FOOTNOTES_REL + "</Relationships>").encode()
        ct = parts["[Content_Types].xml"].decode()
        parts["[Content_Types].xml"] = ct.replace("</Types>", _FOOTNOTES_CT + "</Types>").encode()
    return write_parts(path, parts)


def p(text: str = "", *, num: tuple[int, int] | None = None, style: str = "", inner: str = "") -> str:
    """A paragraph: plain text, optional numbering (numId, ilvl), style id, or raw runs."""
    ppr = ""
    if style or num:
        ppr = "<w:pPr>"
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if num:
            ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        ppr += "</w:pPr>"
    run = f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f"<w:p>{ppr}{run}{inner}</w:p>"


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, restart: int | None = None) -> str:
    r = f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{r}'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


def abstract(aid: int, *levels: str) -> str:
    return f'<w:abstractNum w:abstractNumId="{aid}">{"".join(levels)}</w:abstractNum>'


def num(nid: int, aid: int, overrides: dict[int, int] | None = None) -> str:
    ov = "".join(
        f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="{s}"/></w:lvlOverride>'
        for i, s in (overrides or {}).items()
    )
    return f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{ov}</w:num>'
