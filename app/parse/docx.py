"""Read conclusions from a Word (.docx) file into the same structure as every other format.

The body is walked in order (paragraphs, tables, content controls) over python-docx's
element tree rather than `paragraph.text`, because the text depends on tracked changes:
python-docx keeps inserted text and drops deleted text silently. Here the reading is
chosen (`revisions="accept"`, the default, or `"reject"`) and the changes are counted so
the person importing is told. Labels from Word's automatic numbering are computed by
`numbering.Numbering`; footnotes and endnotes follow the body under a "Notes" heading.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from lxml import etree

from app.errors import ImportRefused
from app.model import Document
from app.parse.conventions import ENGLISH, Conventions
from app.parse.numbering import Numbering, NumberingOutOfRange
from app.parse.safety import (
    MAX_FILE_BYTES,
    check_xml_parts,
    check_zip,
    describe,
    hardened_parser,
    read_capped,
    repack,
    unpack,
)
from app.parse.structure import RawLine, build_document

Cancelled = Callable[[], bool]

Revisions = Literal["accept", "reject"]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
REVISION_TAGS = ("ins", "del", "moveFrom", "moveTo")
TERMINAL = (".", ";", ":", ",", "!", "?")


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_T, _DELTEXT, _P, _TBL, _R = _w("t"), _w("delText"), _w("p"), _w("tbl"), _w("r")
_INSERTED = {_w("ins"), _w("moveTo")}
_DELETED = {_w("del"), _w("moveFrom")}
_SKIP = {
    _w("pPr"), _w("rPr"), _w("instrText"), _w("delInstrText"), _w("txbxContent"),
    _w("commentReference"), _w("annotationRef"), f"{{{MC}}}Fallback", _w("sym"),
}
_CHARS = {_w("tab"): " ", _w("br"): " ", _w("cr"): " ", _w("noBreakHyphen"): "-", _w("softHyphen"): ""}
_NOTE_REFS = {_w("footnoteReference"): "footnote", _w("endnoteReference"): "endnote"}


@dataclass
class _Para:
    text: str
    element: etree._Element
    style: str
    mark_removed: bool  # the paragraph mark is gone in this reading: it joins the next one
    bold: bool


def _on(el: etree._Element | None) -> bool:
    return el is not None and el.get(_w("val")) not in ("0", "false", "off")


def _collect(el: etree._Element, mode: Revisions, out: list[str], notes: list[tuple[str, str]]) -> None:
    """Append the text of `el` as it reads with changes accepted or rejected."""
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag in _INSERTED and mode == "reject" or tag in _DELETED and mode == "accept":
            continue
        if tag in (_T, _DELTEXT):
            out.append(child.text or "")
        elif tag in _CHARS:
            out.append(_CHARS[tag])
        elif tag in _NOTE_REFS:
            notes.append((_NOTE_REFS[tag], child.get(_w("id")) or ""))
        elif tag == _R and _on(child.find(f"{_w('rPr')}/{_w('vanish')}")):
            continue  # hidden text: Word does not show it
        else:
            _collect(child, mode, out, notes)


class _Reader:
    def __init__(self, body: etree._Element, styles: etree._Element | None,
                 numbering: etree._Element | None, mode: Revisions,
                 addressee_prefixes: tuple[str, ...] = ("To ",)) -> None:
        self.body = body
        self.addressee_prefixes = addressee_prefixes
        self.mode = mode
        self.numbering = Numbering(numbering, styles)
        self.style_names: dict[str, str] = {}
        self.style_bold: set[str] = set()
        if styles is not None:
            for st in styles.iterfind(_w("style")):
                sid = st.get(_w("styleId")) or ""
                name = st.find(_w("name"))
                self.style_names[sid] = name.get(_w("val")) if name is not None else sid
                if _on(st.find(f"{_w('rPr')}/{_w('b')}")):
                    self.style_bold.add(sid)
        self.notes: list[tuple[str, str]] = []

    def paragraphs(self, container: etree._Element) -> list[_Para]:
        """Paragraphs of a body, cell or content control, in reading order."""
        out: list[_Para] = []
        for child in container:
            if child.tag == _P:
                out.append(self._paragraph(child))
                for box in child.iter(_w("txbxContent")):
                    if not any(a.tag == f"{{{MC}}}Fallback" for a in box.iterancestors()):
                        out.extend(self.paragraphs(box))
            elif child.tag == _TBL:
                for row in child.iterfind(_w("tr")):
                    for cell in row.iterfind(_w("tc")):
                        out.extend(self.paragraphs(cell))
            elif child.tag in (_w("sdt"), _w("customXml"), _w("sdtContent")) or child.tag in _INSERTED | _DELETED:
                if child.tag in _INSERTED and self.mode == "reject" or child.tag in _DELETED and self.mode == "accept":
                    continue
                target = child.find(_w("sdtContent")) if child.tag == _w("sdt") else child
                if target is not None:
                    out.extend(self.paragraphs(target))
        return out

    def _paragraph(self, p: etree._Element) -> _Para:
        parts: list[str] = []
        _collect(p, self.mode, parts, self.notes)
        ppr = p.find(_w("pPr"))
        style_id = ""
        removed = False
        if ppr is not None:
            ps = ppr.find(_w("pStyle"))
            style_id = ps.get(_w("val")) or "" if ps is not None else ""
            mark = ppr.find(_w("rPr"))
            if mark is not None:
                removed = mark.find(_w("del" if self.mode == "accept" else "ins")) is not None
        runs = [r for r in p.iter(_R) if "".join(r.itertext()).strip()]
        bold = bool(runs) and all(
            _on(r.find(f"{_w('rPr')}/{_w('b')}")) or (
                style_id in self.style_bold and r.find(f"{_w('rPr')}/{_w('b')}") is None
            )
            for r in runs
        )
        return _Para("".join(parts), p, self.style_names.get(style_id, style_id), removed, bold)

    def lines(self) -> list[RawLine]:
        paras = self.paragraphs(self.body)
        lines: list[RawLine] = []
        i = 0
        while i < len(paras):
            group = [paras[i]]
            while group[-1].mark_removed and i + 1 < len(paras):
                i += 1
                group.append(paras[i])
            i += 1
            first = next((p for p in group if p.text.strip()), group[0])
            label = ""
            text = "".join(p.text for p in group)
            # Paragraphs merged away by a removed paragraph mark take no number of their own.
            numbered = self.numbering.label_for(first.element)
            if numbered:
                shown, bullet = numbered
                if bullet:
                    text = f"• {text}"
                else:
                    label = shown
            style = first.style
            stripped = text.strip()
            if (not label and first.bold and not style.lower().startswith(("heading", "title"))
                    and 0 < len(stripped) < 120 and not stripped.endswith(TERMINAL)
                    and not stripped.startswith(self.addressee_prefixes)):
                style = "Heading (bold)"
            lines.append(RawLine(text, label=label, style=style, paragraph_end=True))
        return lines


def _part_xml(part: object) -> etree._Element | None:
    element = getattr(part, "element", None)
    if element is not None:
        return element
    blob = getattr(part, "blob", None)
    return etree.fromstring(blob, hardened_parser()) if blob else None


def _related(doc_part: object, suffix: str) -> etree._Element | None:
    for rel in getattr(doc_part, "rels", {}).values():
        if rel.reltype.endswith(suffix) and not rel.is_external:
            return _part_xml(rel.target_part)
    return None


def count_revisions(root: etree._Element) -> int:
    """Tracked insertions, deletions and moves (each `w:ins`/`w:del`/... element is one)."""
    return sum(1 for _ in root.iter(*(_w(t) for t in REVISION_TAGS)))


def _note_lines(reader: _Reader, roots: dict[str, etree._Element | None]) -> list[RawLine]:
    """The text of the footnotes and endnotes referenced in the body, in reference order."""
    by_id: dict[tuple[str, str], etree._Element] = {}
    for kind, root in roots.items():
        if root is None:
            continue
        for note in root.iterfind(_w(kind)):
            by_id[(kind, note.get(_w("id")) or "")] = note
    out: list[RawLine] = []
    numbers = {"footnote": 0, "endnote": 0}
    for kind, nid in list(dict.fromkeys(reader.notes)):
        note = by_id.get((kind, nid))
        if note is None:
            continue
        numbers[kind] += 1
        texts: list[str] = []
        sink: list[tuple[str, str]] = []
        for p in note.iter(_P):
            parts: list[str] = []
            _collect(p, reader.mode, parts, sink)
            texts.append("".join(parts).strip())
        text = " ".join(t for t in texts if t)
        if text:
            mark = str(numbers[kind]) if kind == "footnote" else f"endnote {numbers[kind]}"
            out.append(RawLine(f"[{mark}] {text}", paragraph_end=True))
    if out:
        out.insert(0, RawLine("Notes", style="Heading 1", paragraph_end=True))
    return out


def _not_word(names: frozenset[str]) -> str | None:
    """Name the format of a ZIP that is not a Word document, or None if it may be one."""
    if "word/document.xml" in names or "[Content_Types].xml" in names and any(
        n.startswith("word/") for n in names
    ):
        return None
    if "mimetype" in names:
        return "an OpenDocument file (.odt/.ods); save it as .docx and import that"
    if "xl/workbook.xml" in names:
        return "an Excel workbook, not a Word document"
    if "ppt/presentation.xml" in names:
        return "a PowerPoint presentation, not a Word document"
    return "a ZIP archive that is not a Word document"


def read_docx_bytes(data: bytes, file: str, revisions: Revisions = "accept", *,
                    conventions: Conventions = ENGLISH, cancelled: Cancelled | None = None) -> Document:
    """Parse the bytes of a .docx file (already read, size-capped) into a `Document`.

    The text is the author's: it is taken verbatim, never repaired as PDF text is."""
    if revisions not in ("accept", "reject"):
        raise ValueError(f"revisions must be 'accept' or 'reject', not {revisions!r}")
    checked = check_zip(data, file)
    if (reason := _not_word(checked.names)) is not None:
        raise ImportRefused(file, reason)
    parts = unpack(checked, file)
    check_xml_parts(parts, file)
    import docx

    try:
        wdoc = docx.Document(io.BytesIO(repack(parts)))
    except ImportRefused:
        raise
    except Exception as e:  # python-docx raises KeyError, ValueError, lxml errors, ...
        if "is not a Word file, content type is" in str(e):  # names the BytesIO, not the file
            kind = str(e).rsplit("content type is ", 1)[-1][:120]
            raise ImportRefused(file, f"its main part is declared as {kind}, not as a Word document") from e
        raise ImportRefused(file, f"not a readable Word document ({describe(e)})") from e
    body = wdoc.element.find(_w("body"))
    if wdoc.element.tag != _w("document") or body is None:
        # A main part in another namespace (or without a body) is not WordprocessingML.
        raise ImportRefused(file, "damaged Word file: its main part has no WordprocessingML document body")
    try:
        doc, notes = _read(wdoc, body, revisions, file, conventions, cancelled)
    except NumberingOutOfRange as e:
        raise ImportRefused(file, f"{e}; refused") from e
    except (AttributeError, KeyError, IndexError, TypeError, ValueError) as e:
        # python-docx assumes well-formed WordprocessingML; a part valid as XML but not as
        # Word markup surfaces as one of these.
        raise ImportRefused(file, f"not a readable Word document ({describe(e)})") from e
    return replace(doc, warnings=doc.warnings + tuple(notes)) if notes else doc


def _read(wdoc: object, body: etree._Element, revisions: Revisions, file: str, conventions: Conventions,
          cancelled: Cancelled | None) -> tuple[Document, list[str]]:
    """The document and its import warnings, from python-docx's parsed package."""
    part = wdoc.part  # type: ignore[attr-defined]
    styles = _related(part, "/styles")
    reader = _Reader(body, styles, _related(part, "/numbering"), revisions, conventions.addressee_prefixes)
    lines = reader.lines()
    footnotes = _related(part, "/footnotes")
    endnotes = _related(part, "/endnotes")
    lines += _note_lines(reader, {"footnote": footnotes, "endnote": endnotes})
    doc = build_document(lines, file, conventions=conventions, repair=False, cancelled=cancelled)
    changes = count_revisions(body) + sum(count_revisions(r) for r in (footnotes, endnotes) if r is not None)
    notes: list[str] = []
    if changes:
        reading = "all changes accepted" if revisions == "accept" else "all changes rejected"
        notes.append(f"contains {changes} tracked change{'s' if changes != 1 else ''}; imported with {reading}")
    notes += outside_content(body, part.package)
    return doc, notes


# Fields whose result comes from another file or program. Word refreshes them on request;
# here only the result last shown is read, never the file they name.
_INCLUDE_FIELD_RE = re.compile(r"^\s*(INCLUDETEXT|INCLUDEPICTURE|INCLUDE|LINK|DDEAUTO|DDE|IMPORT|RD)\b", re.I)


def _field_codes(root: etree._Element) -> list[str]:
    """The instructions of simple and complex fields (`w:fldSimple`, `w:instrText` runs
    between `w:fldChar` begin and separate), nested fields included."""
    codes = [el.get(_w("instr")) or "" for el in root.iter(_w("fldSimple"))]
    stack: list[list[str]] = []
    for el in root.iter(_w("fldChar"), _w("instrText")):
        if el.tag == _w("instrText"):
            if stack:
                stack[-1].append(el.text or "")
            continue
        kind = el.get(_w("fldCharType"))
        if kind == "begin":
            stack.append([])
        elif kind in ("separate", "end") and stack:
            codes.append("".join(stack.pop()))
    codes += ["".join(parts) for parts in stack]
    return codes


def outside_content(body: etree._Element, package: object) -> list[str]:
    """Warnings for content that lives outside the document and was not read: imported
    HTML/RTF chunks (`w:altChunk`), fields that include files, and external relationships
    (linked images, a template on a server). None of them is ever opened or fetched."""
    out: list[str] = []
    chunks = sum(1 for _ in body.iter(_w("altChunk")))
    if chunks:
        out.append(
            f"contains {chunks} imported HTML, RTF or Word part{'s' if chunks != 1 else ''} (altChunk) "
            "whose text was not imported"
        )
    includes = sorted({m.group(1).upper() for c in _field_codes(body) if (m := _INCLUDE_FIELD_RE.match(c))})
    if includes:
        out.append(
            f"contains fields that include other files ({', '.join(includes)}); the text they last showed "
            "was imported, the files were not read"
        )
    links = 0
    iter_parts = getattr(package, "iter_parts", None)
    for part in iter_parts() if iter_parts else ():
        for rel in getattr(part, "rels", {}).values():
            if rel.is_external and not rel.reltype.endswith("/hyperlink"):
                links += 1
    if links:
        out.append(
            f"links to {links} outside file{'s' if links != 1 else ''} or web address{'es' if links != 1 else ''} "
            "(linked images, templates, included documents); none was opened"
        )
    return out


def read_docx(path: str | Path, revisions: Revisions = "accept", *, conventions: Conventions = ENGLISH,
              cancelled: Cancelled | None = None) -> Document:
    """Read a .docx file; `revisions` chooses the reading of its tracked changes."""
    p = Path(path)
    data = read_capped(str(p), p.name, MAX_FILE_BYTES, "Word file")
    return read_docx_bytes(data, p.name, revisions, conventions=conventions, cancelled=cancelled)
