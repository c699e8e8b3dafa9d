"""The compilation: every proposal of a round beside the segment it is on, attributed.

For each segment of the version: its text, the proposals on it grouped by delegation, each
a word-level change against the version; proposals touching the same words are marked as
competing; new paragraphs proposed between two segments stand where they would go; comments
sit beside the text they anchor to; what each proposal does to square brackets is said.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from app.model import Segment
from app.rounds.model import (
    SEGMENT_EDIT,
    Comment,
    Proposal,
    ProposalKind,
    RoundState,
    Status,
    delegation_for,
)

Piece = tuple[str, str]  # (op, text): equal / delete / insert, as the redline writer takes them
_WORDS = re.compile(r"\S+")


def competes(a: Proposal, b: Proposal) -> bool:
    """Whether two proposals touch the same words, so that both cannot simply be taken.

    Deleting a segment competes with every other change to it; two changes compete when
    their spans overlap, when one inserts inside the span the other replaces, or when both
    insert different text at the same place. Asking for the very same change is agreement.
    """
    if a.key == b.key or a.kind is ProposalKind.INSERT or b.kind is ProposalKind.INSERT:
        return False
    if a.index != b.index or a.same_change(b):
        return False
    if ProposalKind.DELETE in (a.kind, b.kind):
        return True
    if a.start == a.end and b.start == b.end:
        return a.start == b.start
    if a.start == a.end:
        return b.start < a.start < b.end
    if b.start == b.end:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


def proposal_pieces(p: Proposal, text: str) -> list[Piece]:
    """The segment as the proposal would have it, as changes against the version's text."""
    if p.kind is ProposalKind.DELETE:
        return [("delete", text)]
    if p.kind is ProposalKind.INSERT:
        return [("insert", p.text)]
    pieces = [("equal", text[: p.start]), ("delete", text[p.start : p.end]), ("insert", p.text),
              ("equal", text[p.end :])]
    return [(op, t) for op, t in pieces if t]


def context(pieces: list[Piece], words: int = 4) -> list[Piece]:
    """The changes with a few words of unchanged text around them ("... that insecurity")."""
    out: list[Piece] = []
    for k, (op, text) in enumerate(pieces):
        if op != "equal":
            out.append((op, text))
            continue
        toks = list(_WORDS.finditer(text))
        first, last = k == 0, k == len(pieces) - 1
        if len(toks) <= 2 * words or (first and len(toks) <= words) or (last and len(toks) <= words):
            out.append((op, text))
        elif first:
            out.append((op, "\u2026 " + text[toks[-words].start():]))
        elif last:
            out.append((op, text[: toks[words - 1].end()] + " \u2026"))
        else:
            out.append((op, text[: toks[words - 1].end()] + " \u2026 " + text[toks[-words].start():]))
    return out


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f"'{text if len(text) <= limit else text[: limit - 1].rstrip() + chr(0x2026)}'"


def describe(p: Proposal, segment: Segment | None, where: str) -> str:
    """One line a drafter reads: "in 5(c), insert ', the COVID-19 pandemic' after 'insecurity'"."""
    if p.kind is ProposalKind.DELETE:
        return f"delete {where}"
    if p.kind is ProposalKind.INSERT:
        return f"new paragraph {where}: {_quote(p.text)}"
    text = segment.text if segment is not None else ""
    old = text[p.start : p.end]
    if not old.strip():
        before = _WORDS.findall(text[: p.start])
        if before:
            return f"in {where}, insert {_quote(p.text)} after {_quote(before[-1])}"
        return f"in {where}, insert {_quote(p.text)} at the start"
    if not p.text.strip():
        return f"in {where}, delete {_quote(old)}"
    return f"in {where}, replace {_quote(old)} with {_quote(p.text)}"


def bracket_note(p: Proposal, segment: Segment | None) -> str:
    """What the proposal does to square brackets: "brackets '[strongly]'", "removes brackets"."""
    old = ""
    if segment is not None and p.kind is ProposalKind.EDIT:
        old = segment.text[p.start : p.end]
    elif segment is not None and p.kind is ProposalKind.DELETE:
        old = segment.text
    new = p.text if p.kind is not ProposalKind.DELETE else ""
    added = new.count("[") - old.count("[")
    if added > 0:
        spans = re.findall(r"\[[^\[\]]*\]", new)
        return "brackets " + ", ".join(_quote(s, 40) for s in spans) if spans else "opens a bracket"
    if added < 0 or (old.count("]") > new.count("]")):
        return "removes brackets"
    return ""


@dataclass(frozen=True, slots=True)
class Entry:
    """A proposal as the compilation shows it."""

    proposal: Proposal
    delegation: str
    file: str
    status: Status
    summary: str
    pieces: tuple[Piece, ...]
    competing: tuple[str, ...] = ()
    same_as: tuple[str, ...] = ()
    brackets: str = ""

    @property
    def key(self) -> str:
        return self.proposal.key


@dataclass(frozen=True, slots=True)
class Remark:
    """A comment as the compilation shows it: beside `quote` in its segment."""

    comment: Comment
    delegation: str
    file: str


@dataclass(frozen=True, slots=True)
class Place:
    """One segment of the version with what was proposed on it and right after it."""

    index: int
    segment: Segment
    entries: tuple[Entry, ...]
    remarks: tuple[Remark, ...]
    new_after: tuple[Entry, ...]
    edited: str | None = None  # the penholder's own text for the next version

    @property
    def name(self) -> str:
        return self.segment.label or _quote(self.segment.text, 30)

    def by_delegation(self) -> dict[str, list[Entry]]:
        out: dict[str, list[Entry]] = {}
        for e in self.entries:
            out.setdefault(e.delegation, []).append(e)
        return out

    @property
    def competing(self) -> bool:
        return any(e.competing for e in self.entries)


@dataclass(frozen=True, slots=True)
class Compilation:
    """A round compiled; `opening` holds new paragraphs proposed before the first segment."""

    state: RoundState
    places: tuple[Place, ...]
    opening: tuple[Entry, ...] = ()

    @property
    def delegations(self) -> tuple[str, ...]:
        seen = dict.fromkeys(e.delegation for e in self.entries())
        seen.update(dict.fromkeys(r.delegation for p in self.places for r in p.remarks))
        return tuple(seen)

    def entries(self) -> list[Entry]:
        return [*self.opening, *(e for p in self.places for e in (*p.entries, *p.new_after))]

    def entry(self, key: str) -> Entry:
        for e in self.entries():
            if e.key == key:
                return e
        raise KeyError(key)

    def filtered(self, delegation: str | None = None, labels: Iterable[str] | None = None,
                 competing_only: bool = False) -> Compilation:
        """The places (and their entries) a person asked to see."""
        wanted = set(labels) if labels is not None else None

        def keep(e: Entry) -> bool:
            return (delegation is None or e.delegation == delegation) and (not competing_only or bool(e.competing))

        places = []
        for p in self.places:
            if wanted is not None and p.segment.label not in wanted:
                continue
            entries = tuple(e for e in p.entries if keep(e))
            new_after = tuple(e for e in p.new_after if keep(e))
            remarks = tuple(r for r in p.remarks if delegation is None or r.delegation == delegation)
            if competing_only and not entries:
                continue
            if (delegation is not None or competing_only) and not (entries or new_after or remarks):
                continue
            places.append(replace(p, entries=entries, new_after=new_after,
                                  remarks=() if competing_only else remarks))
        opening = tuple(e for e in self.opening if keep(e)) if wanted is None else ()
        return Compilation(self.state, tuple(places), opening)


def compile_round(state: RoundState) -> Compilation:
    """Every proposal and comment of the round's returns, placed on the version's segments."""
    segments = state.segments
    proposals = state.proposals()
    files = {r.id: r.file for r in state.returns}
    edits: dict[int, list[Proposal]] = {}
    inserts: dict[int, list[Proposal]] = {}
    for p in proposals:
        (inserts if p.kind is ProposalKind.INSERT else edits).setdefault(p.index, []).append(p)

    def entry(p: Proposal, others: list[Proposal]) -> Entry:
        seg = segments[p.index] if 0 <= p.index < len(segments) else None
        if p.kind is ProposalKind.INSERT:
            where = f"after {_name(seg)}" if seg is not None else "before the first paragraph"
        else:
            where = _name(seg)
        return Entry(
            p, state.delegation_of(p), files.get(p.return_id, ""), state.status(p.key),
            describe(p, seg, where),
            tuple(proposal_pieces(p, seg.text if seg is not None else "")),
            tuple(o.key for o in others if competes(p, o)),
            tuple(o.key for o in others if o.key != p.key and o.same_change(p)),
            bracket_note(p, seg),
        )

    remarks: dict[int, list[Remark]] = {}
    for r in state.returns:
        for c in r.comments:
            remarks.setdefault(c.index, []).append(
                Remark(c, delegation_for(c.author, r.delegation, state.authors, r.file), r.file))
    places = []
    for i, seg in enumerate(segments):
        here = sorted(edits.get(i, []), key=lambda p: (p.return_id, p.kind is not ProposalKind.DELETE, p.start))
        news = sorted(inserts.get(i, []), key=lambda p: (p.return_id, p.order))
        decision = state.decisions.get(f"{SEGMENT_EDIT}{i}")
        places.append(Place(
            i, seg, tuple(entry(p, here) for p in here),
            tuple(sorted(remarks.get(i, []), key=lambda r: r.comment.start)),
            tuple(entry(p, news) for p in news),
            decision.text if decision is not None else None,
        ))
    opening = tuple(entry(p, []) for p in sorted(inserts.get(-1, []), key=lambda p: (p.return_id, p.order)))
    return Compilation(state, tuple(places), opening)


def _name(seg: Segment | None) -> str:
    if seg is None:
        return ""
    return seg.label or _quote(seg.text, 30)
