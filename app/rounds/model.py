"""A negotiation round's records: returned files, the proposals and comments read from
them, and what the penholder decided. Plain values, stored as JSON by the store.

Every position is a character offset into the text of a segment of the version that was
circulated, so a proposal reads the same whoever made it and however it came back (as
tracked changes, or as a clean retyped text compared by content).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from app.model import Kind, Segment


class Status(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class ProposalKind(StrEnum):
    EDIT = "edit"  # replace version text [start, end) by `text` (an insertion when start == end)
    DELETE = "delete"  # delete the whole segment
    INSERT = "insert"  # a new segment after segment `index` (-1: before the first)


@dataclass(frozen=True, slots=True)
class Proposal:
    """One change a delegation proposes to the version, with who made it and when.

    `key` names it in the round ("3.2": the second proposal of return 3). `tracked` is
    False for a difference found by comparing a clean text, which has no author of its own.
    """

    key: str
    kind: ProposalKind
    index: int
    start: int = 0
    end: int = 0
    text: str = ""
    new_kind: Kind = Kind.PARAGRAPH  # INSERT: what the new segment is
    author: str = ""
    date: str = ""
    tracked: bool = True
    order: int = 0  # INSERT: its place among the new segments of the same return

    @property
    def return_id(self) -> int:
        head = self.key.split(".", 1)[0]
        return int(head) if head.isdigit() else 0

    def same_change(self, other: Proposal) -> bool:
        """Two delegations asking for the very same thing (both delete 5(f))."""
        return (self.kind, self.index, self.start, self.end, self.text.strip()) == \
            (other.kind, other.index, other.start, other.end, other.text.strip())

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "index": self.index, "start": self.start, "end": self.end,
                "text": self.text, "new_kind": self.new_kind.value, "author": self.author,
                "date": self.date, "tracked": self.tracked, "order": self.order}

    @classmethod
    def from_json(cls, key: str, d: dict[str, Any]) -> Proposal:
        return cls(key, ProposalKind(d["kind"]), int(d["index"]), int(d.get("start", 0)),
                   int(d.get("end", 0)), str(d.get("text", "")), Kind(d.get("new_kind", "paragraph")),
                   str(d.get("author", "")), str(d.get("date", "")), bool(d.get("tracked", True)),
                   int(d.get("order", 0)))


@dataclass(frozen=True, slots=True)
class Comment:
    """A Word comment, anchored to `quote` = version text [start, end) of segment `index`."""

    index: int
    start: int
    end: int
    quote: str
    text: str
    author: str = ""
    initials: str = ""
    date: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"index": self.index, "start": self.start, "end": self.end, "quote": self.quote,
                "text": self.text, "author": self.author, "initials": self.initials, "date": self.date}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Comment:
        return cls(int(d["index"]), int(d["start"]), int(d["end"]), str(d.get("quote", "")),
                   str(d.get("text", "")), str(d.get("author", "")), str(d.get("initials", "")),
                   str(d.get("date", "")))


@dataclass(frozen=True, slots=True)
class Return:
    """One returned file read against the version: its proposals and comments.

    `delegation` is the one the file was given ("" when its authors say who they are);
    `kind` is "tracked" (Word revisions read with their authors) or "clean" (compared by
    content with the version).
    """

    file: str
    kind: str
    proposals: tuple[Proposal, ...]
    comments: tuple[Comment, ...] = ()
    delegation: str = ""
    warnings: tuple[str, ...] = ()
    id: int = 0
    imported_at: str = ""

    @property
    def authors(self) -> tuple[str, ...]:
        seen = dict.fromkeys(p.author for p in self.proposals if p.author)
        seen.update(dict.fromkeys(c.author for c in self.comments if c.author))
        return tuple(seen)

    def body_json(self) -> str:
        """What the store keeps of the file besides its name, delegation and kind."""
        return json.dumps({
            "proposals": [p.to_json() for p in self.proposals],
            "comments": [c.to_json() for c in self.comments],
            "warnings": list(self.warnings),
        }, ensure_ascii=False)

    @classmethod
    def from_stored(cls, id: int, file: str, kind: str, delegation: str, imported_at: str,
                    body: str) -> Return:
        d = json.loads(body)
        proposals = tuple(Proposal.from_json(f"{id}.{n}", p) for n, p in enumerate(d.get("proposals", []), 1))
        comments = tuple(Comment.from_json(c) for c in d.get("comments", []))
        return cls(file, kind, proposals, comments, delegation, tuple(d.get("warnings", [])), id, imported_at)


SEGMENT_EDIT = "seg:"  # decision key of a segment edited by hand: "seg:10"


@dataclass(frozen=True, slots=True)
class Decision:
    """What the penholder made of a proposal (`key` "3.2"), or of a segment edited by hand
    (`key` "seg:10", `text` the segment's new text)."""

    key: str
    status: Status
    text: str = ""
    note: str = ""
    decided_at: str = ""


@dataclass(frozen=True, slots=True)
class RoundState:
    """A round as stored: the version it is on, its returns and the decisions taken."""

    id: int
    draft_id: int
    version: int
    version_name: str
    segments: tuple[Segment, ...]
    returns: tuple[Return, ...] = ()
    decisions: dict[str, Decision] = field(default_factory=dict)
    authors: dict[str, str] = field(default_factory=dict)  # author -> delegation

    def proposals(self) -> list[Proposal]:
        return [p for r in self.returns for p in r.proposals]

    def status(self, key: str) -> Status:
        d = self.decisions.get(key)
        return d.status if d is not None else Status.PENDING

    def delegation_of(self, proposal: Proposal) -> str:
        """The delegation a proposal speaks for: its file's, else its author's, else its author."""
        ret = next((r for r in self.returns if r.id == proposal.return_id), None)
        return delegation_for(proposal.author, ret.delegation if ret else "", self.authors,
                              ret.file if ret else "")


def delegation_for(author: str, file_delegation: str, authors: dict[str, str], file: str = "") -> str:
    """A file given a delegation speaks for it whoever typed; else the author table decides;
    an author nobody has mapped yet stands for themself until someone does."""
    if file_delegation:
        return file_delegation
    if author and author in authors:
        return authors[author]
    return author or file or "?"
