"""Returned Word files for the round tests, written the way delegations send them back.

The penholder circulates the version as Concord exports it (Word's automatic numbering);
a delegation edits that file in Word with tracking on. Here its paragraphs are rewritten
with `w:ins`/`w:del` runs (author, date, id), a deleted subparagraph has its runs and its
own mark deleted, a new subparagraph is a paragraph whose runs and mark are inserted (Word
marks the mark of the paragraph before it), and comments sit between
`w:commentRangeStart`/`w:commentRangeEnd` with a reference run, their text in the comments
part python-docx creates.
"""

from __future__ import annotations

import copy
import itertools
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from app.export.document import passage_document
from app.model import Document, Passage, Segment

DATE = "2024-03-01T10:00:00Z"
REF = "draft:1@1"  # the round of the tests: draft 1's version 1
AUTHORS = {"J. Smith": "United Kingdom", "A. Jones": "United Kingdom", "M. Dupont": "France"}
NEW_TEXT = "Welcoming the adoption of the child protection law;"


@dataclass
class Edits:
    """What one delegation does to the circulated file, by label."""

    changes: list[tuple[str, str, str, str]] = field(default_factory=list)  # label, old, new, author
    inserts: list[tuple[str, str, str, str]] = field(default_factory=list)  # label, after, text, author
    comments: list[tuple[str, str, str, str]] = field(default_factory=list)  # label, quote, text, author
    deleted: list[tuple[str, str]] = field(default_factory=list)  # label, author
    new_after: list[tuple[str, str, str]] = field(default_factory=list)  # label, text, author

    def replace(self, label: str, old: str, new: str, author: str) -> Edits:
        self.changes.append((label, old, new, author))
        return self

    def insert(self, label: str, after: str, text: str, author: str) -> Edits:
        self.inserts.append((label, after, text, author))
        return self

    def comment(self, label: str, quote: str, text: str, author: str) -> Edits:
        self.comments.append((label, quote, text, author))
        return self

    def delete(self, label: str, author: str) -> Edits:
        self.deleted.append((label, author))
        return self

    def new(self, label: str, text: str, author: str) -> Edits:
        self.new_after.append((label, text, author))
        return self


_ids = itertools.count(1000)


def _rev(tag: str, author: str):
    el = OxmlElement(tag)
    el.set(qn("w:id"), str(next(_ids)))
    el.set(qn("w:author"), author)
    el.set(qn("w:date"), DATE)
    return el


def _run(text: str, deleted: bool = False):
    r = OxmlElement("w:r")
    t = OxmlElement("w:delText" if deleted else "w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    r.append(t)
    return r


def _wrapped(tag: str, author: str, text: str):
    w = _rev(tag, author)
    w.append(_run(text, deleted=tag == "w:del"))
    return w


def circulated(segments: tuple[Segment, ...], title: str = "Mali (rev.1)", numbering: str = "automatic"):
    """The version as the penholder sends it: Concord's own Word export."""
    doc = Document(title=title, segments=segments)
    return passage_document(Passage(doc, segments, "draft"), numbering=numbering)


def write_return(path: Path, segments: tuple[Segment, ...], edits: Edits, numbering: str = "automatic") -> Path:
    """The circulated file with `edits` made in Word with tracking on (labels typed as text
    with `numbering="typed"`)."""
    d = circulated(segments, numbering=numbering)
    body = d.element.body
    paragraphs = {}
    for p in body.iter(qn("w:p")):
        paragraphs.setdefault(_label_and_text(p)[1], p)
    by_label = {s.label: paragraphs[s.text] for s in segments if s.label}
    text_of = {s.label: s.text for s in segments if s.label}
    spans: dict[str, list[tuple[int, int, str, str]]] = {}
    for label, old, new, author in edits.changes:
        at = text_of[label].index(old)
        spans.setdefault(label, []).append((at, at + len(old), new, author))
    for label, after, text, author in edits.inserts:
        at = text_of[label].index(after) + len(after)
        spans.setdefault(label, []).append((at, at, text, author))
    notes: dict[str, list[tuple[int, int, int]]] = {}
    for label, quote, text, author in edits.comments:
        comment = d.comments.add_comment(text=text, author=author, initials="".join(w[0] for w in author.split()))
        at = text_of[label].index(quote)
        notes.setdefault(label, []).append((at, at + len(quote), comment.comment_id))
    for label in set(spans) | set(notes):
        _rewrite(by_label[label], text_of[label], sorted(spans.get(label, [])), notes.get(label, []))
    for label, author in edits.deleted:
        p = by_label[label]
        for r in p.findall(qn("w:r")):
            for t in r.findall(qn("w:t")):
                t.tag = qn("w:delText")
            w = _rev("w:del", author)
            r.addprevious(w)
            w.append(r)
        _mark(p, "w:del", author)
    for label, text, author in edits.new_after:
        p = by_label[label]
        new = OxmlElement("w:p")
        ppr = p.find(qn("w:pPr"))
        if ppr is not None:
            new.append(copy.deepcopy(ppr))
        new.append(_wrapped("w:ins", author, text))
        # Word: Enter at the end of p makes p's own mark the inserted one.
        _mark(p, "w:ins", author)
        p.addnext(new)
    d.save(str(path))
    return path


def _label_and_text(p) -> tuple[str, str]:
    """A paragraph's typed label ("(c)", before the first tab; "" with Word's numbering) and text."""
    full = "".join(t.text or "" if t.tag == qn("w:t") else "\t"
                   for r in p.findall(qn("w:r")) for t in r.iter(qn("w:t"), qn("w:tab")))
    label, tab, text = full.partition("\t")
    return (label, text) if tab else ("", full)


def _mark(p, tag: str, author: str) -> None:
    ppr = p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        ppr.append(rpr)
    rpr.insert(0, _rev(tag, author))


def _rewrite(p, text: str, spans: list[tuple[int, int, str, str]], notes: list[tuple[int, int, int]]) -> None:
    """Replace the paragraph's runs by equal, deleted and inserted runs, with comment ranges
    (a typed label, "(c)" and a tab, stays as it was)."""
    label = _label_and_text(p)[0]
    for r in p.findall(qn("w:r")):
        p.remove(r)
    if label:
        r = _run(label)
        r.append(OxmlElement("w:tab"))
        p.append(r)
    cuts = sorted({0, len(text), *(a for a, _, _, _ in spans), *(b for _, b, _, _ in spans),
                   *(a for a, _, _ in notes), *(b for _, b, _ in notes)})

    def emit_marks(at: int) -> None:
        for a, b, cid in notes:
            if b == at and a != b:
                end = OxmlElement("w:commentRangeEnd")
                end.set(qn("w:id"), str(cid))
                p.append(end)
                ref = OxmlElement("w:r")
                cr = OxmlElement("w:commentReference")
                cr.set(qn("w:id"), str(cid))
                ref.append(cr)
                p.append(ref)
        for a, _, cid in notes:
            if a == at:
                start = OxmlElement("w:commentRangeStart")
                start.set(qn("w:id"), str(cid))
                p.append(start)
    for x, y in zip(cuts, cuts[1:], strict=False):
        emit_marks(x)
        for a, b, new, author in spans:
            if a == b == x:
                p.append(_wrapped("w:ins", author, new))
        change = next((s for s in spans if s[0] <= x < s[1]), None)
        if change is not None:
            p.append(_wrapped("w:del", change[3], text[x:y]))
            if y == change[1] and change[2]:
                p.append(_wrapped("w:ins", change[3], change[2]))
        else:
            p.append(_run(text[x:y]))
    emit_marks(len(text))
    for a, b, new, author in spans:
        if a == b == len(text):
            p.append(_wrapped("w:ins", author, new))


def write_clean(path: Path, segments: tuple[Segment, ...], changes: list[tuple[str, str, str]]) -> Path:
    """A delegation's retyped text: the version with `changes` (label, old, new), no tracking."""
    segs = list(segments)
    for label, old, new in changes:
        i = next(k for k, s in enumerate(segs) if s.label == label)
        assert old in segs[i].text, (label, old)
        segs[i] = segs[i].with_text(segs[i].text.replace(old, new, 1))
    circulated(tuple(segs)).save(str(path))
    return path


def run_soffice(args: list[str], profile: Path, home: Path, timeout: int = 120) -> None:
    """One LibreOffice call with its own profile and HOME (skipped where it is not installed)."""
    import pytest

    path = shutil.which("soffice") or shutil.which("libreoffice")
    if not path:
        pytest.skip("LibreOffice (soffice) is not installed")
    env = dict(os.environ, HOME=str(home))
    cmd = [path, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible", "--norestore", *args]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, done.stderr
