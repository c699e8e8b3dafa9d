"""Export test helpers: a redraft of the corpus, comparisons built by hand, soffice calls."""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from app.compare.model import Comparison, Edit, Row, RowOp
from app.export.docx_layout import label_text
from app.model import Document, Kind, Segment, letters

TOKEN = re.compile(r"\s+|[^\s]+")


def word_edits(a: str, b: str) -> tuple[Edit, ...]:
    """Word-level edits of `a` into `b` with character ranges into both, per the contract."""
    ta, tb = TOKEN.findall(a), TOKEN.findall(b)
    pa = [0]
    for t in ta:
        pa.append(pa[-1] + len(t))
    pb = [0]
    for t in tb:
        pb.append(pb[-1] + len(t))
    edits = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
        la, lb, ra, rb = pa[i1], pa[i2], pb[j1], pb[j2]
        if tag == "equal":
            edits.append(Edit("equal", a[la:lb], (la, lb), (ra, rb)))
            continue
        if i2 > i1:
            edits.append(Edit("delete", a[la:lb], (la, lb), (ra, ra)))
        if j2 > j1:
            edits.append(Edit("insert", b[ra:rb], (lb, lb), (ra, rb)))
    return tuple(edits)


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def make_comparison(left: Document, right: Document) -> Comparison:
    """A comparison of two documents' segments: equal runs, modified pairs, moves."""
    ls, rs = left.segments, right.segments
    rows: list[Row] = []
    sm = difflib.SequenceMatcher(None, [s.text for s in ls], [s.text for s in rs], autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                rows.append(Row(RowOp.EQUAL, ls[i], rs[j], i, j, 100.0,
                                relabelled=ls[i].label != rs[j].label))
            continue
        # Pair each left segment with the next similar right one, in order.
        j = j1
        for i in range(i1, i2):
            match = next((k for k in range(j, j2) if _ratio(ls[i].text, rs[k].text) >= 0.5), None)
            if match is None:
                rows.append(Row(RowOp.DELETED, ls[i], None, i, None, 0.0))
                continue
            rows += [Row(RowOp.INSERTED, None, rs[k], None, k, 0.0) for k in range(j, match)]
            a, b = ls[i], rs[match]
            rows.append(Row(RowOp.MODIFIED, a, b, i, match, 100 * _ratio(a.text, b.text),
                            word_edits(a.text, b.text), relabelled=a.label != b.label))
            j = match + 1
        rows += [Row(RowOp.INSERTED, None, rs[k], None, k, 0.0) for k in range(j, j2)]
    # A deleted segment that reappears elsewhere (maybe edited) is a move.
    move_id = 0
    for k, d in enumerate(rows):
        if d.op is not RowOp.DELETED:
            continue
        for m, ins in enumerate(rows):
            if ins.op is RowOp.INSERTED and _ratio(d.left.text, ins.right.text) >= 0.8:
                move_id += 1
                rows[k] = replace(d, op=RowOp.MOVED, move_id=move_id)
                rows[m] = Row(RowOp.MOVED, d.left, ins.right, d.left_index, ins.right_index,
                              100 * _ratio(d.left.text, ins.right.text),
                              word_edits(d.left.text, ins.right.text), move_id,
                              relabelled=d.left.label != ins.right.label)
                break
    return Comparison(left.title + " (2020)", right.title + " (redraft)", tuple(rows))


def reletter(segments: list[Segment]) -> list[Segment]:
    """Letter each paragraph's subparagraphs a, b, c... in their present order."""
    out, paragraph, n = [], "", 0
    for s in segments:
        if s.kind is Kind.PARAGRAPH:
            paragraph, n = s.label, 0
        elif s.kind is Kind.SUBPARAGRAPH and s.label.count("(") == 1:
            n += 1
            s = replace(s, label=f"{paragraph}({letters(n)})")
        out.append(s)
    return out


NEW_SUBPARAGRAPH = (
    "Welcoming the release of children from armed groups in 2020 and calling for their "
    "swift handover to civilian child protection actors;"
)


def redraft(doc: Document, *, replace_words: bool = True) -> Document:
    """The corpus as a drafter might revise it: one deletion, one insertion, one move, edits.

    With `replace_words` False the word edits only add words ("to further and swiftly
    implement"): LibreOffice 7.4 leaves a numbered paragraph holding a tracked deletion
    out of the numbers it shows for a redline, whoever wrote the file.
    """
    segs = list(doc.segments)
    index = {s.label: i for i, s in enumerate(segs) if s.label}

    def edit(label: str, old: str, new: str) -> None:
        s = segs[index[label]]
        assert old in s.text, (label, old)
        segs[index[label]] = s.with_text(s.text.replace(old, new, 1))

    if replace_words:
        edit("5(b)", "to further implement", "to fully and swiftly implement")
        edit("7(c)", "Stressing the importance", "Reiterating the importance")
        edit("5(m)", "Expressing grave concern", "Expressing deep concern")
    else:
        edit("5(b)", "to further implement", "to further and swiftly implement")
        edit("7(c)", "Stressing the importance", "Stressing again the importance")
        edit("5(m)", "Expressing grave concern", "Expressing grave and deep concern")
    moved = segs[index["5(m)"]]
    after_e = segs[index["5(e)"]]
    removed = {index["5(c)"], index["5(m)"]}
    out: list[Segment] = []
    for i, s in enumerate(segs):
        if i in removed:
            continue
        out.append(s)
        if s.label == "5(a)":
            out.append(moved)
        if s is after_e:
            out.append(replace(after_e, text=NEW_SUBPARAGRAPH))
    return doc.with_segments(reletter(out))


def lines(segments) -> list[str]:
    """How segments read in a Word body: label, tab, text."""
    return [f"{label_text(s.label)}\t{s.text}" if s.label else s.text for s in segments]


# --- LibreOffice ---------------------------------------------------------------------------


def soffice_path() -> str:
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if not path:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    return path


def run_soffice(args: list[str], profile: Path, home: Path, timeout: int = 120) -> None:
    """One soffice call with its own profile and HOME; it never shares a running instance."""
    env = dict(os.environ, HOME=str(home))
    cmd = [soffice_path(), f"-env:UserInstallation={profile.as_uri()}", "--headless",
           "--invisible", "--norestore", *args]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, done.stderr


NEW_PARAGRAPH = (
    "The Working Group agreed to review the implementation of these conclusions at its "
    "next meeting on the situation."
)


def redraft_across_levels(doc: Document) -> Document:
    """A second redraft whose changes meet paragraphs of other levels and the list's end.

    12(c) moves to the end of paragraph 12 (it becomes 12(g)); 6(a), the first letter under
    paragraph 6, is deleted; a new paragraph 12 is inserted after 11(c), so the old 12 reads
    13; 9(b) is edited. Then subparagraphs are lettered again.
    """
    segs = list(doc.segments)
    index = {s.label: i for i, s in enumerate(segs) if s.label}
    s = segs[index["9(b)"]]
    segs[index["9(b)"]] = s.with_text(s.text.replace("Welcoming the cooperation", "Welcoming further the cooperation", 1))
    moved = segs[index["12(c)"]]
    out: list[Segment] = []
    for i, s in enumerate(segs):
        if i in (index["12(c)"], index["6(a)"]):
            continue
        if s.label and s.label[0].isdigit() and int(s.label.split("(")[0]) >= 12 and not s.label.startswith("annex"):
            number = int(s.label.split("(")[0]) + 1
            s = replace(s, label=str(number) + s.label[len(s.label.split("(")[0]):])
        out.append(s)
        if s.label == "11(c)":
            out.append(Segment(Kind.PARAGRAPH, NEW_PARAGRAPH, "12", s.section, s.addressee))
        if s.label == "13(g)":
            out.append(moved)
    return doc.with_segments(reletter(out))


def with_bullets(doc: Document, source: str) -> Document:
    """`doc` with the "►" its source text starts bullet lines with, as a verbatim import keeps.

    The text importer drops the bullet ("►The Transition Government ..." reads "The
    Transition Government ..."); this puts it back on the segments those lines begin.
    """
    starts = [line[1:].strip()[:40] for line in source.splitlines() if line.startswith("\u25ba")]
    out = []
    for s in doc.segments:
        if s.kind is Kind.TEXT and any(start and s.text.startswith(start) for start in starts):
            s = s.with_text("\u25ba" + s.text)
        out.append(s)
    assert sum(s.text.startswith("\u25ba") for s in out) == len(starts) > 0
    return doc.with_segments(out)


def pandoc_paragraphs(path: Path, view: str) -> list[str]:
    """The paragraphs pandoc reads in a .docx with every change accepted or rejected.

    Each paragraph's text has its spaces squeezed; a list item with nothing in it (pandoc
    leaves one where a numbered paragraph's mark is tracked) reads as "<empty item>". The
    title comes first: pandoc takes it out of the text as the document's title.
    """
    import json

    done = subprocess.run(["pandoc", f"--track-changes={view}", "-f", "docx", "-t", "json", str(path)],
                          capture_output=True, text=True, check=True)
    out: list[str] = []

    def inline_text(inlines) -> str:
        parts = []
        for il in inlines:
            t, c = il["t"], il.get("c")
            if t == "Str":
                parts.append(c)
            elif t in ("Space", "SoftBreak", "LineBreak"):
                parts.append(" ")
            elif t in ("Emph", "Strong", "Underline", "Strikeout", "SmallCaps", "Superscript", "Subscript"):
                parts.append(inline_text(c))
            elif t in ("Span", "Quoted", "Link"):
                parts.append(inline_text(c[1]) if t != "Quoted" else inline_text(c[1]))
        return "".join(parts)

    def blocks(bs) -> None:
        for b in bs:
            t, c = b["t"], b.get("c")
            if t in ("Para", "Plain"):
                out.append(" ".join(inline_text(c).split()))
            elif t == "Header":
                out.append(" ".join(inline_text(c[2]).split()))
            elif t in ("OrderedList", "BulletList"):
                for item in (c[1] if t == "OrderedList" else c):
                    if item:
                        blocks(item)
                    else:
                        out.append("<empty item>")
            elif t in ("Div", "BlockQuote"):
                blocks(c[1] if t == "Div" else c)

    read = json.loads(done.stdout)
    for key in ("title", "subtitle"):  # pandoc reads Title and Subtitle paragraphs as metadata
        meta = read["meta"].get(key)
        text = " ".join(inline_text(meta["c"]).split()) if meta else ""
        if text:  # a blank one shows nothing (a redline's hidden first paragraph joined to it)
            out.append(text)
    blocks(read["blocks"])
    return out
