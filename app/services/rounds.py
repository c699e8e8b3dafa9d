"""Round use cases the CLI and the GUI call: add returns, compile, decide, export, register.

A round is named by the version it circulated: `draft:2@1` or `draft:2@rev.1`. Every
decision is one store write that also rewrites the draft's working copy as the next
version (labels recomputed), and returns the step that undoes it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app import refs
from app.errors import BadReference, ConcordError, ExportError
from app.export.atomic import write_atomic
from app.export.compilation import compilation_document, table_document
from app.rounds import brackets, decide, layout
from app.rounds.compile import Compilation, compile_round
from app.rounds.model import Decision, Return, RoundState, Status
from app.rounds.returns import read_return
from app.store import Store
from app.store.base import DecisionRecord

_VERSION_REF = re.compile(r"^draft:(?P<id>\d+)@(?P<version>[^:]+)$")


@dataclass(frozen=True, slots=True)
class Added:
    """What became of one file given to `add_returns`."""

    file: str
    ret: Return | None = None
    error: str = ""


@dataclass(frozen=True, slots=True)
class Step:
    """One decision as it was stored, and what undoes it."""

    round_id: int
    changes: decide.Changes
    previous: decide.Changes


def version_of(store: Store, ref: str) -> tuple[int, int]:
    """`draft:ID@VERSION` -> (draft id, version number)."""
    m = _VERSION_REF.match(ref.strip())
    if not m:
        raise BadReference(f"{ref!r} is not a draft version (expected draft:ID@VERSION, e.g. draft:2@1)")
    draft = store.get_draft(int(m.group("id")))
    return draft.id, refs.version_number(draft, m.group("version"))


def state(store: Store, ref: str) -> RoundState:
    """The round on `ref` as stored (an empty one when nothing was added yet)."""
    draft_id, number = version_of(store, ref)
    return _state(store, draft_id, number)


def _state(store: Store, draft_id: int, number: int, round_id: int | None = None) -> RoundState:
    version = store.get_version(draft_id, number)
    record = store.find_round(draft_id, number) if round_id is None else None
    rid = round_id if round_id is not None else (record.id if record is not None else 0)
    returns = tuple(Return.from_stored(r.id, r.file, r.kind, r.delegation, r.imported_at, r.body)
                    for r in store.round_returns(rid)) if rid else ()
    decisions = {d.key: Decision(d.key, Status(d.status), d.text, d.note, d.decided_at)
                 for d in store.round_decisions(rid)} if rid else {}
    return RoundState(rid, draft_id, number, version.name or f"version {number}", version.segments,
                      returns, decisions, store.author_delegations())


def add_returns(store: Store, ref: str, files: Sequence[str | Path], delegation: str = "") -> list[Added]:
    """Read each file against the version and store those that are returns of it, together.

    A file that cannot be read, or is another document, is reported with its reason and
    stored nothing; the others are stored in one transaction.
    """
    draft_id, number = version_of(store, ref)
    version = store.get_version(draft_id, number)
    name = f"draft {draft_id} version {number}" + (f" ({version.name})" if version.name else "")
    record = store.find_round(draft_id, number)
    have = {(r.file, r.delegation, r.body): r.id for r in store.round_returns(record.id)} if record else {}
    results: list[Added] = []
    for f in files:
        try:
            ret = read_return(f, version.segments, delegation=delegation, version_name=name)
        except ConcordError as e:
            results.append(Added(Path(f).name, error=str(e)))
            continue
        same = have.get((ret.file, ret.delegation, ret.body_json()))
        if same is not None:
            results.append(Added(ret.file, error=f"{ret.file}: already in this round as return {same}; not added again"))
        else:
            have[(ret.file, ret.delegation, ret.body_json())] = 0
            results.append(Added(ret.file, ret))
    good = [a for a in results if a.ret is not None]
    if good:
        record = store.open_round(draft_id, number)
        ids = store.add_returns(record.id, [(a.ret.file, a.ret.kind, a.ret.delegation, a.ret.body_json())
                                            for a in good if a.ret is not None])
        stored = iter(ids)
        results = [Added(a.file, _with_id(a.ret, next(stored))) if a.ret is not None else a for a in results]
    return results


def _with_id(ret: Return, return_id: int) -> Return:
    return Return.from_stored(return_id, ret.file, ret.kind, ret.delegation, "", ret.body_json())


def compilation(store: Store, ref: str) -> Compilation:
    return compile_round(state(store, ref))


def set_author(store: Store, author: str, delegation: str) -> None:
    """Say once that "J. Smith" speaks for the United Kingdom ("" forgets the author)."""
    if not author.strip():
        raise ConcordError("an author needs a name, as Word shows it on the tracked changes")
    store.set_author_delegation(author.strip(), delegation.strip())


def _stored(s: RoundState) -> RoundState:
    if not s.id:
        raise ConcordError(f"no returns were added to draft {s.draft_id} version {s.version} yet")
    return s


def apply(store: Store, s: RoundState, changes: decide.Changes) -> Step:
    """Store `changes` with the next version they make; returns the step (and its undo)."""
    s = _stored(s)
    previous = {k: s.decisions.get(k) for k in changes}
    after = decide.applied(s, changes)
    store.set_round_decisions(s.id, _records(changes), decide.next_segments(after))
    return Step(s.id, changes, previous)


def undo(store: Store, ref: str, step: Step) -> Step:
    """Put back what a step changed (the working copy follows)."""
    return apply(store, state(store, ref), step.previous)


def accept(store: Store, ref: str, key: str, wins: str | None = None) -> Step:
    s = state(store, ref)
    return apply(store, s, decide.accept(s, key, wins))


def reject(store: Store, ref: str, key: str) -> Step:
    s = state(store, ref)
    return apply(store, s, decide.reject(s, key))


def reopen(store: Store, ref: str, key: str) -> Step:
    s = state(store, ref)
    return apply(store, s, decide.reopen(s, key))


def edit_segment(store: Store, ref: str, label_or_index: str | int, text: str) -> Step:
    s = state(store, ref)
    return apply(store, s, decide.edit_segment(s, _index(s, label_or_index), text))


def _index(s: RoundState, label_or_index: str | int) -> int:
    if isinstance(label_or_index, int):
        return label_or_index
    for i, seg in enumerate(s.segments):
        if seg.label == label_or_index:
            return i
    raise ConcordError(f"the version has no paragraph labelled {label_or_index!r}")


def _records(changes: decide.Changes) -> dict[str, DecisionRecord | None]:
    return {k: None if d is None else DecisionRecord(d.key, d.status.value, d.text, d.note, d.decided_at)
            for k, d in changes.items()}


def bracket_register(store: Store, draft_id: int) -> list[brackets.Bracketed]:
    """Every bracketed passage of the draft: who proposed it, in which round, still open or not."""
    draft = store.get_draft(draft_id)
    versions = [(v.name or f"version {v.number}", store.get_version(draft_id, v.number).segments)
                for v in draft.versions]
    sources: list[brackets.Source] = []
    for record in store.list_rounds(draft_id):
        s = _state(store, draft_id, record.version, record.id)
        for p in s.proposals():
            if "[" not in p.text:
                continue
            seg = s.segments[p.index] if 0 <= p.index < len(s.segments) else None
            for text in brackets.proposed_passages(p.text):
                sources.append(brackets.Source(text, seg.label if seg else "", s.delegation_of(p),
                                               s.version_name))
    return brackets.register(draft.head, versions, sources)


def export_docx(store: Store, ref: str, out: str | Path, *, table: bool = False,
                delegation: str | None = None) -> Path:
    """Write the compilation as Word: tracked changes by delegation with comments, or (`table`)
    as segment | version text | proposals by delegation."""
    path = Path(out).expanduser()
    if path.suffix.lower() != ".docx":
        raise ExportError(f"{path}: a Word file name must end in .docx")
    c = compilation(store, ref)
    if delegation:
        c = c.filtered(delegation=delegation)
    if table:
        document = table_document(layout.title(c), layout.subtitle(c), layout.table_rows(c))
    else:
        document = compilation_document(layout.title(c), layout.subtitle(c), layout.word_paragraphs(c),
                                        layout.closing(c))
    return write_atomic(path, document.save)
