"""Read a .docx's body text as it stands with all changes accepted, or all rejected.

python-docx's `paragraph.text` drops the runs inside `w:ins` and `w:del`, so this reads the
OOXML directly. It is how Concord checks its own redlines, and it tells a reviewer what a
received redline says once its changes are accepted.

Labels from Word's automatic numbering are part of the text read, as Word displays them:
"(c)\tText". They are computed for each reading over the paragraphs that remain in it, so
once a subparagraph is deleted the next one reads "(c)" again, with no revision on its label.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from app.errors import ExportError
from app.parse.numbering import Numbering

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": W}
VIEWS = ("accept", "reject", "markup")
_INSERTED = {f"{{{W}}}ins", f"{{{W}}}moveTo"}
_DELETED = {f"{{{W}}}del", f"{{{W}}}moveFrom"}
_REVISION_TAGS = ("ins", "del", "moveFrom", "moveTo")


@dataclass(frozen=True, slots=True)
class Revision:
    """One tracked change as written in the file."""

    kind: str  # ins, del, moveFrom, moveTo
    id: str
    author: str
    date: str
    text: str  # "" for a paragraph-mark revision
    paragraph_mark: bool = False


@dataclass(frozen=True, slots=True)
class RunText:
    """A stretch of text with the run formatting the bold redline mode uses."""

    text: str
    bold: bool
    strike: bool


@dataclass(frozen=True, slots=True)
class Parts:
    """The parts of a .docx that decide what its body reads: text, styles, list definitions."""

    document: etree._Element
    styles: etree._Element | None = None
    numbering: etree._Element | None = None


_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def _parse(data: bytes) -> etree._Element:
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))


def read_parts(path: str | Path) -> Parts:
    """The document, styles and numbering parts of a .docx (the last two may be missing)."""
    try:
        with zipfile.ZipFile(path) as z:
            document = _parse(z.read("word/document.xml"))
            names = set(z.namelist())
            targets = {"styles": "word/styles.xml", "numbering": "word/numbering.xml"}
            if "word/_rels/document.xml.rels" in names:
                for rel in _parse(z.read("word/_rels/document.xml.rels")).iter(_PKG_REL):
                    kind = (rel.get("Type") or "").removeprefix(_REL)
                    if kind in targets and rel.get("TargetMode") != "External":
                        target = rel.get("Target") or ""
                        targets[kind] = (target.lstrip("/") if target.startswith("/")
                                         else posixpath.normpath(f"word/{target}"))
            found = {k: _parse(z.read(n)) if n in names else None for k, n in targets.items()}
    except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError) as e:
        raise ExportError(f"{path}: not a readable Word document ({e})") from e
    return Parts(document, found["styles"], found["numbering"])


def document_xml(path: str | Path) -> etree._Element:
    """The parsed `word/document.xml` of a .docx."""
    return read_parts(path).document


def _body(root: etree._Element) -> etree._Element:
    body = root.find("w:body", _NS)
    if body is None:
        raise ExportError("the Word document has no body")
    return body


def paragraphs(path: str | Path, view: str = "accept") -> list[str]:
    """The body paragraphs' text (tabs as "\\t") in `view`: accept, reject or markup (all).

    A numbered paragraph reads with its displayed label and a tab first, as typed labels do.
    """
    return [f"{label}\t{text}" if label else text for label, text in labelled(read_parts(path), view)]


def labelled(parts: Parts, view: str = "accept", *, text: bool = True) -> list[tuple[str, str]]:
    """(displayed number, text) of each body paragraph in `view`; the number is "" if none.

    A paragraph whose mark is removed in `view` joins the next one; the joined paragraph
    takes the number of the first of them holding any text, as the Word importer reads it
    (`app.parse.docx`). The counters advance only over paragraphs that remain in `view`.
    Hidden text (`w:vanish`) is not read, and a paragraph with a hidden mark and nothing
    else to read is no paragraph (a redline's hidden first paragraph, see `redline`).
    With `text` False only the numbers are wanted: each text reads "x" or "" (some or none).
    """
    if view not in VIEWS:
        raise ValueError(view)
    numbering = Numbering(parts.numbering, parts.styles)
    read = _paragraph_text if text else _some_text
    out: list[tuple[str, str]] = []
    group: list[tuple[etree._Element, str]] = []
    for p in _body(parts.document).iter(_P):
        group.append((p, read(p, view)))
        if _mark_removed(p, view):
            continue
        if not _hidden_paragraph(group):
            out.append(_joined(group, numbering))
        group = []
    if group and not _hidden_paragraph(group):
        out.append(_joined(group, numbering))
    return out


def _hidden_paragraph(group: list[tuple[etree._Element, str]]) -> bool:
    return not any(text for _, text in group) and _hidden(group[0][0].find("w:pPr/w:rPr", _NS))


def _hidden(rpr: etree._Element | None) -> bool:
    return rpr is not None and _on(rpr.find("w:vanish", _NS))


def _joined(group: list[tuple[etree._Element, str]], numbering: Numbering) -> tuple[str, str]:
    first = next((p for p, text in group if text.strip()), group[0][0])
    numbered = numbering.label_for(first)
    return (numbered[0] if numbered else ""), "".join(text for _, text in group)


_P, _R, _RPR = f"{{{W}}}p", f"{{{W}}}r", f"{{{W}}}rPr"
_CONTENT = (f"{{{W}}}t", f"{{{W}}}delText", f"{{{W}}}tab", f"{{{W}}}br")
_SHOWN = {f"{{{W}}}t": None, f"{{{W}}}delText": None, f"{{{W}}}tab": "\t", f"{{{W}}}br": "\n"}
_HIDDEN_IN = {"accept": _DELETED, "reject": _INSERTED, "markup": set()}


def _shown(el: etree._Element, p: etree._Element, view: str) -> bool:
    """Whether text element `el` of paragraph `p` reads in `view`: in a run (not the tab
    stops of the properties), in no change the view removes, not hidden."""
    run = el.getparent()
    if run is None or run.tag != _R:
        return False
    hidden_in = _HIDDEN_IN[view]
    anc = run.getparent()
    while anc is not None and anc is not p:
        if anc.tag in hidden_in:
            return False
        anc = anc.getparent()
    rpr = run.find(_RPR)
    return rpr is None or not _hidden(rpr)


def _paragraph_text(p: etree._Element, view: str) -> str:
    parts = []
    for el in p.iter(*_CONTENT):
        if _shown(el, p, view):
            fixed = _SHOWN[el.tag]
            parts.append(el.text or "" if fixed is None else fixed)
    return "".join(parts)


def _some_text(p: etree._Element, view: str) -> str:
    """"x" if `p` has text that is not white space in `view`, else ""."""
    for el in p.iter(_CONTENT[0], _CONTENT[1]):
        if el.text and el.text.strip() and _shown(el, p, view):
            return "x"
    return ""


def _mark_removed(p: etree._Element, view: str) -> bool:
    rpr = p.find("w:pPr/w:rPr", _NS)
    if rpr is None or view == "markup":
        return False
    tags = {c.tag for c in rpr}
    return bool(tags & (_DELETED if view == "accept" else _INSERTED))


def revisions(path: str | Path) -> list[Revision]:
    """Every tracked change in the body, in document order."""
    out: list[Revision] = []
    body = _body(document_xml(path))
    for el in body.iter(*(f"{{{W}}}{t}" for t in _REVISION_TAGS)):
        mark = el.getparent() is not None and el.getparent().tag == f"{{{W}}}rPr"
        text = "" if mark else "".join(
            t.text or "" for t in el.iter(f"{{{W}}}t", f"{{{W}}}delText")
        )
        out.append(Revision(
            etree.QName(el).localname, el.get(f"{{{W}}}id", ""), el.get(f"{{{W}}}author", ""),
            el.get(f"{{{W}}}date", ""), text, mark,
        ))
    return out


def annotation_ids(path: str | Path) -> list[str]:
    """The `w:id` of every revision and every move range start, to check they are unique."""
    body = _body(document_xml(path))
    tags = [f"{{{W}}}{t}" for t in (*_REVISION_TAGS, "moveFromRangeStart", "moveToRangeStart")]
    return [el.get(f"{{{W}}}id", "") for el in body.iter(*tags)]


def formatted_runs(path: str | Path) -> list[list[RunText]]:
    """Each body paragraph as runs with their direct bold and strike-through."""
    out = []
    for p in _body(document_xml(path)).iter(f"{{{W}}}p"):
        runs = []
        for r in p.iter(f"{{{W}}}r"):
            rpr = r.find("w:rPr", _NS)
            bold = rpr is not None and _on(rpr.find("w:b", _NS))
            strike = rpr is not None and _on(rpr.find("w:strike", _NS))
            text = "".join(
                (t.text or "") if etree.QName(t).localname == "t" else "\t"
                for t in r.iter(f"{{{W}}}t", f"{{{W}}}tab")
            )
            runs.append(RunText(text, bold, strike))
        out.append(runs)
    return out


def _on(el: etree._Element | None) -> bool:
    return el is not None and el.get(f"{{{W}}}val", "true") not in ("0", "false", "off")
