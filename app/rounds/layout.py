"""How a compilation is laid out for Word: which proposals share a paragraph.

Proposals that do not compete are all written into the segment's own paragraph, each a
tracked change by its delegation. A proposal competing with one already there (the same
words changed differently, or the whole segment deleted) gets an alternative paragraph
right below: the version's text again, introduced as "Alternative 1 to 5(c)", with that
proposal tracked in it. New paragraphs stand where they would go, as tracked insertions.
"""

from __future__ import annotations

from app.export.compilation import AuthoredChange, CompiledParagraph, Note, TableCell, TableRow
from app.model import Segment
from app.rounds.compile import Compilation, Entry, Piece, Place, Remark, competes, context
from app.rounds.model import ProposalKind
from app.wording import count


def title(c: Compilation) -> str:
    return f"Compilation of proposals on {c.state.version_name}"


def subtitle(c: Compilation) -> str:
    delegations = c.delegations
    n = len(c.entries())
    return (f"{count(n, 'proposal')} from {count(len(delegations), 'delegation')}: "
            + ", ".join(delegations) if delegations else "No proposals yet")


def closing(c: Compilation) -> list[str]:
    lines = [f"Returns compiled ({len(c.state.returns)}):"]
    for r in c.state.returns:
        who = r.delegation or ", ".join(sorted({c.state.delegation_of(p) for p in r.proposals})) or "-"
        lines.append(f"{r.file}: {who} ({r.kind}, {count(len(r.proposals), 'proposal')}, "
                     f"{count(len(r.comments), 'comment')})")
    return lines


def word_paragraphs(c: Compilation) -> list[CompiledParagraph]:
    out = [_new(e, "", n) for n, e in enumerate(c.opening)]
    for place in c.places:
        out += _place(place)
        out += [_new(e, place.segment.label, n) for n, e in enumerate(place.new_after)]
    return out


_LATIN = ("bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies")


def new_label(after: str, n: int) -> str:
    """How a compilation names the n-th new paragraph after `after`: 5(e) -> 5(e bis),
    5(e ter); 5 -> 5 bis. Labels are recomputed only in the next version."""
    if not after:
        return ""
    word = _LATIN[n] if n < len(_LATIN) else f"new {n + 1}"
    if after.endswith(")"):
        return f"{after[:-1]} {word})"
    return f"{after} {word}"


def _new(e: Entry, after: str, n: int) -> CompiledParagraph:
    p = e.proposal
    label = new_label(after, n)
    if p.new_kind.value == "paragraph" and "(" in after:
        label = new_label(after.split("(", 1)[0], n)
    return CompiledParagraph(Segment(p.new_kind, p.text, label), whole="insert", author=e.delegation)


def _place(place: Place) -> list[CompiledParagraph]:
    main: list[Entry] = []
    alternatives: list[list[Entry]] = []
    for e in place.entries:
        if not any(competes(e.proposal, m.proposal) or m.proposal.same_change(e.proposal) for m in main):
            main.append(e)
            continue
        for group in alternatives:
            if not any(competes(e.proposal, m.proposal) or m.proposal.same_change(e.proposal) for m in group):
                group.append(e)
                break
        else:
            alternatives.append([e])
    out = [_paragraph(place.segment, main, place.remarks)]
    for n, group in enumerate(alternatives, 1):
        out.append(_paragraph(place.segment, group, (), lead=f"Alternative {n}: "))
    return out


def _paragraph(seg: Segment, entries: list[Entry], remarks: tuple[Remark, ...], lead: str = "") -> CompiledParagraph:
    notes = tuple(_note(r) for r in remarks)
    deletion = next((e for e in entries if e.proposal.kind is ProposalKind.DELETE), None)
    if deletion is not None:
        return CompiledParagraph(seg, notes=notes, whole="delete", author=deletion.delegation, lead=lead)
    changes = tuple(AuthoredChange(e.delegation, e.proposal.start, e.proposal.end, e.proposal.text)
                    for e in entries)
    return CompiledParagraph(seg, changes, notes, lead=lead)


def _note(r: Remark) -> Note:
    c = r.comment
    person = f"({c.author}) " if c.author and c.author != r.delegation else ""
    initials = "".join(w[0] for w in r.delegation.split() if w[:1].isalpha())[:4]
    return Note(r.delegation, f"{person}{c.text}", c.start, c.end, initials, c.date)


def table_rows(c: Compilation) -> list[TableRow]:
    rows = [TableRow("new", "", _cells(list(c.opening), ()))] if c.opening else []
    for place in c.places:
        rows.append(TableRow(place.segment.label, place.segment.text,
                             _cells([*place.entries, *place.new_after], place.remarks)))
    return rows


def _cells(entries: list[Entry], remarks: tuple[Remark, ...]) -> tuple[TableCell, ...]:
    by: dict[str, list[Entry]] = {}
    notes: dict[str, list[str]] = {}
    for e in entries:
        by.setdefault(e.delegation, []).append(e)
    for r in remarks:
        by.setdefault(r.delegation, [])
        who = f" ({r.comment.author})" if r.comment.author and r.comment.author != r.delegation else ""
        notes.setdefault(r.delegation, []).append(f"Comment{who} on \u201c{r.comment.quote}\u201d: {r.comment.text}")
    cells = []
    for delegation, es in by.items():
        lines = []
        for e in es:
            pieces = tuple(context(list(e.pieces))) if e.proposal.kind is ProposalKind.EDIT else e.pieces
            note = []
            if e.competing:
                note.append(("note", f"  (competes with {', '.join(e.competing)})"))
            if e.proposal.kind is ProposalKind.INSERT:
                pieces = (("note", "new paragraph after: "), *pieces)
            lines.append((e.key, (*_spaced(pieces), *note)))
        cells.append(TableCell(delegation, tuple(lines), tuple(notes.get(delegation, []))))
    return tuple(cells)


def _spaced(pieces: tuple[Piece, ...]) -> tuple[Piece, ...]:
    """A space between struck words and the underlined ones replacing them, for reading."""
    out: list[Piece] = []
    for op, text in pieces:
        if op == "insert" and out and out[-1][0] == "delete" and not (out[-1][1][-1:] + text[:1]).isspace() \
                and not out[-1][1][-1:].isspace() and not text[:1].isspace():
            out.append(("equal", " "))
        out.append((op, text))
    return tuple(out)
