"""A returned file read against the version it answers: every change it proposes, attributed.

A Word file with tracked changes keeps each revision with its author and date, and its
comments with the text they anchor to. What differs without being tracked (a clean retyped
text, a PDF, a word changed with tracking off) is found by comparing the file's text with
the version by content, and each difference becomes a proposal of the file's delegation.

The file's paragraphs, as they read before their tracked changes, are aligned with the
version's segments by the comparison engine; a file most of whose text is not the
version's is another document, and is refused with what was found.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from app.compare.engine import compare_segments
from app.compare.model import RowOp
from app.errors import ImportRefused
from app.model import Kind, Segment
from app.parse import parse_file, sniff
from app.rounds.model import Comment, Proposal, ProposalKind, Return
from app.rounds.positions import PositionMap, differences, widen
from app.rounds.wordfile import (
    BREAK,
    CEND,
    CSTART,
    DELETE,
    EQUAL,
    INSERT,
    Group,
    Token,
    WordComment,
    read_word,
)

# Below this share of the version's words found in the file, it is not a return of it.
MIN_COVERAGE = 0.5
# Pairs less similar than this (0-100) are not the same paragraph for the coverage count.
MIN_PAIR_SIMILARITY = 50.0
_TYPED_LABEL = re.compile(r"^\s*(?:\d{1,3}\.|\((?:[a-z]{1,4}|[ivxlc]{1,7})\))[\t ]+")


@dataclass
class _Paragraph:
    """One paragraph of the file as it read before the changes, label and spaces aside."""

    label: str
    tokens: list[Token]
    mark_deleted_by: str = ""

    @property
    def base(self) -> str:
        return "".join(t.text for t in self.tokens if t.op in (EQUAL, DELETE))


class NotAReturn(ImportRefused):
    """The file is another document than the version it was given as a return of."""


def read_return(path: str | Path, version: Sequence[Segment], *, delegation: str = "",
                version_name: str = "the version") -> Return:
    """Read `path` (Word, text or PDF) as a return of `version`; ImportRefused if it is not."""
    p = Path(path)
    name = p.name
    paragraphs, comments, revisions = _paragraphs(p)
    if revisions == 0 and not delegation.strip():
        raise ImportRefused(name, "has no tracked changes to say whose text it is; give its delegation "
                                  "(--delegation NAME)")
    reader = _Reader(name, version, paragraphs, comments, delegation.strip())
    reader.check_coverage(version_name)
    return reader.read("tracked" if revisions else "clean")


def _paragraphs(p: Path) -> tuple[list[_Paragraph], dict[str, WordComment], int]:
    try:
        with p.open("rb") as f:
            head = f.read(8192)
    except OSError as e:
        raise ImportRefused(p.name, f"cannot be read ({e.strerror or e})") from e
    if sniff(head) == "zip":
        word = read_word(p)
        return [_from_group(g) for g in word.groups], word.comments, word.revisions
    doc = parse_file(p)
    return [_Paragraph(s.label, [Token(EQUAL, s.text)]) for s in doc.segments], {}, 0


def _from_group(g: Group) -> _Paragraph:
    """Drop a typed label ("(c)" and a tab) and leading spaces; tabs read as spaces."""
    tokens = [Token(t.op, t.text.replace("\t", " "), t.author, t.date, t.ref, t.para) for t in g.tokens]
    label = g.label
    m = _TYPED_LABEL.match(g.base)
    skip = m.end() if m else len(g.base) - len(g.base.lstrip())
    if m and not label:
        label = m.group().strip()
    out: list[Token] = []
    for t in tokens:
        if skip <= 0 or t.op in (BREAK, CSTART, CEND, "cref"):
            out.append(t)
        elif t.op == INSERT:
            continue  # typed into the label
        elif len(t.text) <= skip:
            skip -= len(t.text)
        else:
            out.append(Token(t.op, t.text[skip:], t.author, t.date, t.ref, t.para))
            skip = 0
    return _Paragraph(label, out, g.mark_deleted_by)


class _Reader:
    def __init__(self, file: str, version: Sequence[Segment], paragraphs: list[_Paragraph],
                 comments: dict[str, WordComment], delegation: str) -> None:
        self.file, self.version, self.comments, self.delegation = file, version, comments, delegation
        self.paragraphs = [p for p in paragraphs if p.base.strip() or any(t.op == INSERT for t in p.tokens)]
        self.proposals: list[Proposal] = []
        self.found: list[Comment] = []
        self.warnings: list[str] = []
        self.order = 0
        self._done: set[str] = set()  # comments already anchored
        based = [i for i, p in enumerate(self.paragraphs) if p.base.strip()]
        cmp = compare_segments(list(version), [Segment(Kind.TEXT, " ".join(self.paragraphs[i].base.split()))
                                               for i in based])
        self.match: dict[int, int] = {}  # paragraph -> version index
        self.deleted: list[int] = []  # version segments the file has not at all
        self.unmatched: list[int] = []  # paragraphs not in the version
        self.similar_chars = 0
        for r in cmp.rows:
            if r.left_index is not None and r.right_index is not None:
                self.match[based[r.right_index]] = r.left_index
                if r.similarity >= MIN_PAIR_SIMILARITY:
                    self.similar_chars += len(version[r.left_index].text)
                if r.op is RowOp.MOVED:
                    self.warnings.append(f"{self._name(r.left_index)} is elsewhere in the file; "
                                         "read in its place (a move is not a proposal)")
            elif r.left_index is not None and r.op is not RowOp.MOVED:
                self.deleted.append(r.left_index)
            elif r.right_index is not None:
                self.unmatched.append(based[r.right_index])
        # The untracked changes are the file's delegation's, else its main author's.
        authors = Counter(t.author for p in self.paragraphs for t in p.tokens if t.op in (INSERT, DELETE))
        self.untracked_author = "" if delegation else (authors.most_common(1)[0][0] if authors else "")

    def _name(self, index: int) -> str:
        s = self.version[index]
        return s.label or f"\u201c{s.text[:30]}\u201d"

    def check_coverage(self, version_name: str) -> None:
        total = sum(len(s.text) for s in self.version) or 1
        share = self.similar_chars / total
        if share < MIN_COVERAGE:
            raise NotAReturn(self.file, f"not a return of {version_name}: only {share:.0%} of its text is "
                                        "found in the file (another document?)")

    def read(self, kind: str) -> Return:
        first_match = min(self.match) if self.match else len(self.paragraphs)
        previous = -1
        ignored = 0
        for i, para in enumerate(self.paragraphs):
            if i in self.match:
                previous = self.match[i]
                self._matched(para, previous)
            elif not para.base.strip():
                self._new(para.tokens, previous, para)  # wholly inserted, its own mark included
            elif i < first_match and not any(t.op != EQUAL for t in para.tokens):
                ignored += 1  # a title or heading line above the text
            else:
                self._untracked_new(para, previous)
        for index in self.deleted:
            self._add(ProposalKind.DELETE, index, author=self.untracked_author, tracked=False)
        if ignored:
            self.warnings.append(f"{ignored} line{'s' if ignored != 1 else ''} above the text "
                                 "(not in the version) left out")
        self._comments()
        proposals = sorted(self.proposals, key=_reading_order)
        numbered = [replace(p, key=f"?.{n}") for n, p in enumerate(proposals, 1)]
        return Return(self.file, kind, tuple(numbered), tuple(self.found), self.delegation,
                      tuple(self.warnings))

    # --- proposals ---------------------------------------------------------------------

    def _add(self, kind: ProposalKind, index: int, start: int = 0, end: int = 0, text: str = "",
             author: str = "", date: str = "", tracked: bool = True, new_kind: Kind = Kind.PARAGRAPH) -> None:
        self.order += 1
        self.proposals.append(Proposal("", kind, index, start, end, text, new_kind, author, date,
                                       tracked, self.order))

    def _matched(self, para: _Paragraph, index: int) -> None:
        version_text = self.version[index].text
        parts = _split(para.tokens)
        based = [k for k, part in enumerate(parts) if any(t.op in (EQUAL, DELETE) and t.text.strip() for t in part)]
        home_start, home_end = based[0], based[-1]
        if home_end > home_start:
            self.warnings.append(f"{self._name(index)}: a paragraph split in the file was read as one")
        for part in parts[:home_start]:
            self._new(part, index - 1, para)
        home = [t for part in parts[home_start:home_end + 1] for t in part if t.op != BREAK]
        base = "".join(t.text for t in home if t.op in (EQUAL, DELETE))
        kept = "".join(t.text for t in home if t.op == EQUAL)
        inserted = "".join(t.text for t in home if t.op == INSERT)
        deletions = [t for t in home if t.op == DELETE]
        if not kept.strip() and deletions and (not inserted.strip() or para.mark_deleted_by):
            self._add(ProposalKind.DELETE, index, author=deletions[0].author, date=deletions[0].date)
        else:
            to_version = PositionMap(base, version_text)
            for a, b, new in differences(version_text, " ".join(base.split()) if base.strip() else base):
                if self._untracked_is_whitespace(version_text, a, b, new):
                    continue
                self._add(ProposalKind.EDIT, index, a, b, new, self.untracked_author, tracked=False)
            for start, end, new, author, date in _revisions(home):
                start, end, new = widen(base, start, end, new)
                a, b = to_version(start), to_version(end, end=True)
                if not (version_text[a:b].strip() or new.strip()):
                    continue
                self._add(ProposalKind.EDIT, index, a, b, new, author, date)
            self._anchor_comments(home, index, to_version, version_text)
        for part in parts[home_end + 1:]:
            self._new(part, index, para)

    @staticmethod
    def _untracked_is_whitespace(text: str, a: int, b: int, new: str) -> bool:
        return not text[a:b].strip() and not new.strip()

    def _new(self, tokens: list[Token], after: int, para: _Paragraph) -> None:
        text = " ".join("".join(t.text for t in tokens if t.op == INSERT).split())
        first = next((t for t in tokens if t.op == INSERT), None)
        if not text or first is None:
            return
        m = _TYPED_LABEL.match(text)
        label = m.group().strip() if m else ""
        text = text[m.end():] if m else text
        self._add(ProposalKind.INSERT, after, text=text, author=first.author, date=first.date,
                  new_kind=self._kind_after(after, label or para.label))
        self._anchor_comments(tokens, max(after, 0), None, "")

    def _untracked_new(self, para: _Paragraph, after: int) -> None:
        text = " ".join("".join(t.text for t in para.tokens if t.op in (EQUAL, INSERT)).split())
        if text:
            self._add(ProposalKind.INSERT, after, text=text, author=self.untracked_author, tracked=False,
                      new_kind=self._kind_after(after, para.label))

    def _kind_after(self, after: int, label: str) -> Kind:
        """A new paragraph's kind: from its label if it shows one, else from where it stands."""
        if label.startswith("("):
            return Kind.SUBPARAGRAPH
        if label[:1].isdigit():
            return Kind.PARAGRAPH
        if after < 0:
            return Kind.PARAGRAPH
        prev = self.version[after].kind
        if prev in (Kind.SUBPARAGRAPH, Kind.ADDRESSEE):
            return Kind.SUBPARAGRAPH
        return Kind.TEXT if prev is Kind.TEXT else Kind.PARAGRAPH

    # --- comments ----------------------------------------------------------------------

    def _anchor_comments(self, tokens: list[Token], index: int, to_version: PositionMap | None,
                         version_text: str) -> None:
        pos = 0
        open_at: dict[str, tuple[int, int]] = {}  # comment id -> (base offset, quote start)
        quote = ""
        for t in tokens:
            if t.op == CSTART:
                open_at[t.ref] = (pos, len(quote))
            elif t.op in (CEND, "cref") and t.ref in self.comments and not self._seen(t.ref):
                start, q = open_at.pop(t.ref, (pos, len(quote)))
                self._comment(t.ref, index, start, pos, quote[q:], to_version, version_text)
            elif t.op in (EQUAL, DELETE, INSERT):
                quote += t.text
                if t.op != INSERT:
                    pos += len(t.text)
        for ref, (start, q) in open_at.items():  # a range running past this paragraph
            if ref in self.comments and not self._seen(ref):
                self._comment(ref, index, start, pos, quote[q:], to_version, version_text)

    def _seen(self, ref: str) -> bool:
        return ref in self._done

    def _comment(self, ref: str, index: int, start: int, end: int, quote: str,
                 to_version: PositionMap | None, version_text: str) -> None:
        self._done.add(ref)
        c = self.comments[ref]
        if to_version is None:  # on a new paragraph: beside the segment it follows
            a = b = len(self.version[index].text)
        else:
            a, b = to_version(start), to_version(end, end=True)
        self.found.append(Comment(index, a, b, " ".join(quote.split()) or version_text[a:b], c.text,
                                  c.author, c.initials, c.date))

    def _comments(self) -> None:
        missing = [ref for ref in self.comments if not self._seen(ref)]
        if missing:
            self.warnings.append(f"{len(missing)} comment{'s' if len(missing) != 1 else ''} not anchored "
                                 "in the text left out")


def _split(tokens: list[Token]) -> list[list[Token]]:
    """The tokens of a group cut at inserted paragraph marks: one list per paragraph of the
    file as it reads with the changes."""
    parts: list[list[Token]] = [[]]
    for t in tokens:
        if t.op == BREAK:
            parts.append([])
        else:
            parts[-1].append(t)
    return parts


@dataclass
class _Change:
    start: int
    end: int
    new: str
    author: str
    date: str

    def row(self) -> tuple[int, int, str, str, str]:
        return self.start, self.end, self.new, self.author, self.date


def _revisions(tokens: list[Token]) -> list[tuple[int, int, str, str, str]]:
    """Tracked changes as (start, end, inserted text, author, date) on the text before them:
    adjacent insertions and deletions by one author are one change (a replacement)."""
    out: list[tuple[int, int, str, str, str]] = []
    pos = 0
    current: _Change | None = None
    for t in tokens:
        if t.op == EQUAL:
            if current is not None:
                out.append(current.row())
                current = None
            pos += len(t.text)
        elif t.op in (INSERT, DELETE):
            if current is not None and current.author != t.author:
                out.append(current.row())
                current = None
            if current is None:
                current = _Change(pos, pos, "", t.author, t.date)
            if t.op == DELETE:
                pos += len(t.text)
                current.end = pos
            else:
                current.new += t.text
    if current is not None:
        out.append(current.row())
    return out


def _reading_order(p: Proposal) -> tuple[int, int, int]:
    if p.kind is ProposalKind.INSERT:
        return (p.index, 2, p.order)
    return (p.index, 0 if p.kind is ProposalKind.DELETE else 1, p.start)

