"""Read a returned Word file as a stream of tracked pieces: what was there, who changed what.

The body is read paragraph by paragraph into tokens (text kept, inserted or deleted, with
the revision's author and date; an inserted paragraph mark; the start and end of a comment's
range). Paragraphs are then grouped as the file read before its changes (Word's "reject
all"): a paragraph whose mark was inserted belongs with the paragraph after it, so a new
subparagraph typed after 5(c) travels inside 5(c)'s group until it is read as a proposal.

The file is hostile: it goes through the importer's ZIP and XML checks before any part is
parsed, and the parts are read by the same code Concord uses for its own redlines
(`app.export.ooxml_reader`).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from app.errors import ConcordError, ImportRefused
from app.export.ooxml_reader import Parts, W, read_parts
from app.parse.numbering import Numbering
from app.parse.safety import MAX_FILE_BYTES, check_xml_parts, check_zip, read_capped, repack, unpack

EQUAL, INSERT, DELETE, BREAK, CSTART, CEND = "equal", "insert", "delete", "break", "cstart", "cend"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_INSERTED = {_w("ins"), _w("moveTo")}
_DELETED = {_w("del"), _w("moveFrom")}
_OUTSIDE_TEXT = {_w("pPr"), _w("rPr"), _w("txbxContent"), _MC_FALLBACK}
_CHARS = {_w("tab"): "\t", _w("br"): " ", _w("cr"): " ", _w("noBreakHyphen"): "-"}


@dataclass(frozen=True, slots=True)
class Token:
    """A piece of a paragraph: text with its status, or a mark (break, comment range)."""

    op: str
    text: str = ""
    author: str = ""
    date: str = ""
    ref: str = ""  # the comment id of a comment range mark
    para: int = 0  # which paragraph of the group it belongs to


@dataclass
class Group:
    """The paragraphs that read as one before the changes: one paragraph of the original."""

    tokens: list[Token] = field(default_factory=list)
    elements: list[etree._Element] = field(default_factory=list)
    label: str = ""
    mark_deleted_by: str = ""

    @property
    def base(self) -> str:
        return "".join(t.text for t in self.tokens if t.op in (EQUAL, DELETE))


@dataclass(frozen=True, slots=True)
class WordComment:
    id: str
    author: str
    initials: str
    date: str
    text: str


@dataclass(frozen=True, slots=True)
class WordReturn:
    groups: list[Group]
    comments: dict[str, WordComment]
    revisions: int


def read_word(path: str | Path) -> WordReturn:
    """The groups and comments of a .docx, after the importer's safety checks."""
    p = Path(path)
    name = p.name
    data = read_capped(str(p), name, MAX_FILE_BYTES, "Word file")
    checked = check_zip(data, name)
    if "word/document.xml" not in checked.names:
        raise ImportRefused(name, "a ZIP archive that is not a Word document")
    files = unpack(checked, name)
    check_xml_parts(files, name)
    try:
        parts = read_parts(io.BytesIO(repack(files)))
    except ConcordError as e:
        raise ImportRefused(name, f"not a readable Word document ({e})") from e
    try:
        return _read(parts)
    except (AttributeError, KeyError, IndexError, TypeError, ValueError) as e:
        raise ImportRefused(name, f"not a readable Word document ({type(e).__name__})") from e


def _read(parts: Parts) -> WordReturn:
    body = parts.document.find(_w("body"))
    if body is None:
        raise ImportRefused("", "the Word document has no body")
    numbering = Numbering(parts.numbering, parts.styles)
    groups: list[Group] = []
    current = Group()
    revisions = 0
    for p in body.iter(_w("p")):
        if any(a.tag == _w("txbxContent") for a in p.iterancestors()):
            continue  # a text box's paragraphs are not the text's
        n = len(current.elements)
        current.elements.append(p)
        tokens, counted = _tokens(p, n)
        current.tokens.extend(tokens)
        revisions += counted
        mark = _mark(p)
        if mark is not None:
            revisions += 1
        if mark is not None and mark.op == INSERT:
            current.tokens.append(Token(BREAK, "", mark.author, mark.date, para=n + 1))
            continue
        if mark is not None and mark.op == DELETE:
            current.mark_deleted_by = mark.author or "?"
        groups.append(current)
        current = Group()
    if current.elements:
        groups.append(current)
    for g in groups:
        first = next((e for e, text in _element_texts(g) if text.strip()), None)
        numbered = numbering.label_for(first) if first is not None else None
        if numbered and not numbered[1]:
            g.label = numbered[0]
    return WordReturn(groups, _comments(parts.comments), revisions)


def _element_texts(g: Group) -> list[tuple[etree._Element, str]]:
    texts = ["" for _ in g.elements]
    for t in g.tokens:
        if t.op in (EQUAL, DELETE) and t.para < len(texts):
            texts[t.para] += t.text
    return list(zip(g.elements, texts, strict=True))


def _status(el: etree._Element, p: etree._Element) -> tuple[str, etree._Element | None] | None:
    """How `el` reads: (op, revision element); None when it is not text of the paragraph
    (properties, a text box, a hidden run, text inserted and deleted again)."""
    inserted = deleted = None
    for a in el.iterancestors():
        if a is p:
            break
        tag = a.tag
        if tag in _OUTSIDE_TEXT:
            return None
        if tag == _w("r"):
            rpr = a.find(_w("rPr"))
            vanish = rpr.find(_w("vanish")) if rpr is not None else None
            if vanish is not None and vanish.get(_w("val")) not in ("0", "false", "off"):
                return None
        elif tag in _INSERTED and inserted is None:
            inserted = a
        elif tag in _DELETED and deleted is None:
            deleted = a
    if inserted is not None and deleted is not None:
        return None  # typed and deleted again in the same file: not in either reading
    if deleted is not None:
        return DELETE, deleted
    if inserted is not None:
        return INSERT, inserted
    return EQUAL, None


def _tokens(p: etree._Element, para: int) -> tuple[list[Token], int]:
    out: list[Token] = []
    revisions: set[int] = set()
    for el in p.iter(_w("t"), _w("delText"), *_CHARS, _w("commentRangeStart"), _w("commentRangeEnd"),
                     _w("commentReference")):
        status = _status(el, p)
        if status is None:
            continue
        op, rev = status
        tag = el.tag
        if tag in (_w("commentRangeStart"), _w("commentRangeEnd"), _w("commentReference")):
            kind = {_w("commentRangeStart"): CSTART, _w("commentRangeEnd"): CEND}.get(tag, "cref")
            out.append(Token(kind, ref=el.get(_w("id")) or "", para=para))
            continue
        text = el.text or "" if tag in (_w("t"), _w("delText")) else _CHARS[tag]
        if not text:
            continue
        author = date = ""
        if rev is not None:
            revisions.add(id(rev))
            author, date = rev.get(_w("author")) or "", rev.get(_w("date")) or ""
        if out and out[-1].op == op and out[-1].author == author and out[-1].date == date:
            out[-1] = Token(op, out[-1].text + text, author, date, para=para)
        else:
            out.append(Token(op, text, author, date, para=para))
    return out, len(revisions)


def _mark(p: etree._Element) -> Token | None:
    """The tracked change of a paragraph's own mark, if any."""
    rpr = p.find(f"{_w('pPr')}/{_w('rPr')}")
    if rpr is None:
        return None
    for child in rpr:
        if child.tag in _INSERTED | _DELETED:
            op = INSERT if child.tag in _INSERTED else DELETE
            return Token(op, "", child.get(_w("author")) or "", child.get(_w("date")) or "")
    return None


def _comments(root: etree._Element | None) -> dict[str, WordComment]:
    if root is None:
        return {}
    out: dict[str, WordComment] = {}
    for c in root.iterfind(_w("comment")):
        paragraphs = ["".join(t.text or "" for t in p.iter(_w("t"))) for p in c.iter(_w("p"))]
        cid = c.get(_w("id")) or ""
        out[cid] = WordComment(cid, c.get(_w("author")) or "", c.get(_w("initials")) or "",
                               c.get(_w("date")) or "", "\n".join(x for x in paragraphs if x.strip()))
    return out
