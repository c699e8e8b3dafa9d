"""The next version: what the penholder takes from the proposals, and the text that makes.

A decision is a value (accepted, rejected, or the segment's own text typed by hand); the
next version is a pure function of the circulated version and the decisions, labels
recomputed, so every decision can be undone by restoring the one before it.
"""

from __future__ import annotations

from dataclasses import replace

from app.drafts.edit import tidy
from app.drafts.numbering import renumber
from app.errors import ConcordError, NotFound
from app.model import Segment
from app.rounds.compile import competes
from app.rounds.model import SEGMENT_EDIT, Decision, Proposal, ProposalKind, RoundState, Status

# What a decision step changes: key -> new decision, None for "back to pending".
Changes = dict[str, Decision | None]


class CompetingAccepted(ConcordError):
    """Accepting a proposal that competes with one already accepted: which one wins?"""

    def __init__(self, key: str, rivals: tuple[str, ...]) -> None:
        names = ", ".join(rivals)
        super().__init__(f"proposal {key} competes with {names}, already accepted: say which wins "
                         f"(--wins {key} or --wins {rivals[0]})")
        self.key = key
        self.rivals = rivals


def proposal(state: RoundState, key: str) -> Proposal:
    for p in state.proposals():
        if p.key == key:
            return p
    raise NotFound(f"round on draft {state.draft_id} version {state.version} has no proposal {key}")


def accept(state: RoundState, key: str, wins: str | None = None) -> Changes:
    """Accept `key`; when it competes with an accepted proposal, `wins` says which one stays
    (the other is rejected as having lost to it)."""
    p = proposal(state, key)
    rivals = tuple(o.key for o in state.proposals()
                   if state.status(o.key) is Status.ACCEPTED and competes(p, o))
    if rivals and wins is None:
        raise CompetingAccepted(key, rivals)
    if wins is not None and wins != key and wins not in rivals:
        raise ConcordError(f"{wins} is not an accepted proposal competing with {key}")
    if wins is not None and wins != key:
        return {key: Decision(key, Status.REJECTED, note=f"lost to {wins}")}
    changes: Changes = {key: Decision(key, Status.ACCEPTED)}
    for r in rivals:
        changes[r] = Decision(r, Status.REJECTED, note=f"lost to {key}")
    return changes


def reject(state: RoundState, key: str) -> Changes:
    proposal(state, key)
    return {key: Decision(key, Status.REJECTED)}


def reopen(state: RoundState, key: str) -> Changes:
    """Back to pending, as if nothing had been decided about it."""
    if not key.startswith(SEGMENT_EDIT):
        proposal(state, key)
    return {key: None}


def edit_segment(state: RoundState, index: int, text: str) -> Changes:
    """The penholder's own text for a segment (merging two proposals, say); it overrides the
    proposals accepted on that segment."""
    if not 0 <= index < len(state.segments):
        raise NotFound(f"the version has no segment {index + 1}")
    key = f"{SEGMENT_EDIT}{index}"
    return {key: Decision(key, Status.ACCEPTED, tidy(text))}


def applied(state: RoundState, changes: Changes) -> RoundState:
    """The state with `changes` made (for computing the next version before storing)."""
    decisions = dict(state.decisions)
    for key, d in changes.items():
        if d is None:
            decisions.pop(key, None)
        else:
            decisions[key] = d
    return replace(state, decisions=decisions)


def start_text(state: RoundState, key: str) -> str:
    """A segment's text with one proposal applied: where a hand edit starts from."""
    p = proposal(state, key)
    if p.kind is not ProposalKind.EDIT:
        raise ConcordError(f"proposal {key} does not change a segment's words")
    return _apply(state.segments[p.index].text, [p])


def next_segments(state: RoundState) -> tuple[Segment, ...]:
    """The version with every accepted proposal and hand edit, labels recomputed."""
    accepted = [p for p in state.proposals() if state.status(p.key) is Status.ACCEPTED]
    edits: dict[int, list[Proposal]] = {}
    deleted: set[int] = set()
    new: dict[int, list[Proposal]] = {}
    for p in accepted:
        if p.kind is ProposalKind.DELETE:
            deleted.add(p.index)
        elif p.kind is ProposalKind.INSERT:
            new.setdefault(p.index, []).append(p)
        else:
            edits.setdefault(p.index, []).append(p)
    out: list[Segment] = []

    def add_new(after: int) -> None:
        for p in sorted(new.get(after, []), key=lambda p: (p.return_id, p.order)):
            out.append(Segment(p.new_kind, tidy(p.text)))

    add_new(-1)
    for i, seg in enumerate(state.segments):
        hand = state.decisions.get(f"{SEGMENT_EDIT}{i}")
        if hand is not None:
            if hand.text:
                out.append(seg.with_text(hand.text))
        elif i not in deleted:
            out.append(seg.with_text(_apply(seg.text, edits.get(i, []))))
        add_new(i)
    return renumber(out)


def _apply(text: str, proposals: list[Proposal]) -> str:
    """Apply non-competing edits right to left, each distinct change once."""
    unique = {(p.start, p.end, p.text): p for p in proposals}
    for start, end, new in sorted(unique, reverse=True):
        text = text[:start] + new + text[end:]
    return tidy(text)
