"""Round commands: concord round add|show|accept|reject|reopen|edit|export|authors|brackets."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli.output import library, print_json
from app.errors import ConcordError
from app.rounds.compile import Compilation, Entry, Place
from app.services import rounds as svc
from app.wording import count

_REF = "draft:ID@VERSION"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("round", help="a negotiation round: returned texts compiled by delegation, "
                                     "decided into the next version")
    rsub = p.add_subparsers(dest="round_command", metavar="ACTION")
    rsub.required = True

    q = rsub.add_parser("add", help="read returned files (Word with tracked changes, or clean texts) "
                                    "against the version they answer")
    q.add_argument("ref", metavar=_REF, help="the version that was circulated, e.g. draft:2@1")
    q.add_argument("files", nargs="+", metavar="FILE")
    q.add_argument("--delegation", default="", metavar="NAME",
                   help="the delegation the files speak for (needed for a file without tracked changes)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_add)

    q = rsub.add_parser("show", help="the compilation: every proposal by segment and delegation")
    q.add_argument("ref", metavar=_REF)
    q.add_argument("--delegation", metavar="NAME", help="only this delegation's proposals and comments")
    q.add_argument("--label", action="append", metavar="LABEL", help="only this paragraph (repeatable)")
    q.add_argument("--competing", action="store_true", help="only proposals competing with another")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_show)

    for name, helptext in (("accept", "accept proposals into the next version (the draft's working copy)"),
                           ("reject", "reject proposals"), ("reopen", "put proposals back to pending")):
        q = rsub.add_parser(name, help=helptext)
        q.add_argument("ref", metavar=_REF)
        q.add_argument("keys", nargs="+", metavar="KEY", help="a proposal as the compilation names it, e.g. 3.2")
        if name == "accept":
            q.add_argument("--wins", metavar="KEY", help="of two competing accepted proposals, the one that stays")
        q.set_defaults(func=cmd_decide, action=name)

    q = rsub.add_parser("edit", help="give a segment of the next version its text by hand")
    q.add_argument("ref", metavar=_REF)
    q.add_argument("label", metavar="LABEL")
    text = q.add_mutually_exclusive_group(required=True)
    text.add_argument("--text", help="the segment's new text")
    text.add_argument("--from", dest="source", metavar="KEY", help="start from this proposal's text")
    q.set_defaults(func=cmd_edit)

    q = rsub.add_parser("export", help="the compilation as Word: tracked changes by delegation, with comments")
    q.add_argument("ref", metavar=_REF)
    q.add_argument("--docx", required=True, metavar="OUT")
    q.add_argument("--table", action="store_true", help="as a table: segment | version text | proposals")
    q.add_argument("--delegation", metavar="NAME", help="only this delegation's proposals")
    q.set_defaults(func=cmd_export)

    q = rsub.add_parser("authors", help="which delegation each author of tracked changes speaks for")
    q.add_argument("pairs", nargs="*", metavar='"AUTHOR=DELEGATION"',
                   help='e.g. "J. Smith=United Kingdom"; "J. Smith=" forgets the author')
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_authors)

    q = rsub.add_parser("brackets", help="the bracket register: who proposed each bracket, in which round, open or not")
    q.add_argument("draft", metavar="draft:ID")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_brackets)


def cmd_add(args: argparse.Namespace) -> int:
    results = svc.add_returns(library(args), args.ref, args.files, args.delegation)
    if args.json:
        print_json([{"file": a.file, "error": a.error, "return": a.ret.id if a.ret else None,
                     "kind": a.ret.kind if a.ret else "", "proposals": len(a.ret.proposals) if a.ret else 0,
                     "comments": len(a.ret.comments) if a.ret else 0,
                     "warnings": list(a.ret.warnings) if a.ret else []} for a in results])
    else:
        for a in results:
            if a.ret is None:
                print(f"concord: {a.error}", file=sys.stderr)
                continue
            who = a.ret.delegation or ", ".join(a.ret.authors) or "-"
            print(f"{a.file}: return {a.ret.id} ({a.ret.kind}, {who}): {count(len(a.ret.proposals), 'proposal')}, "
                  f"{count(len(a.ret.comments), 'comment')}")
            for w in a.ret.warnings:
                print(f"warning: {a.file}: {w}", file=sys.stderr)
    return 1 if any(a.error for a in results) else 0


def cmd_show(args: argparse.Namespace) -> int:
    c = svc.compilation(library(args), args.ref)
    if args.delegation or args.label or args.competing:
        c = c.filtered(args.delegation, args.label, args.competing)
    if args.json:
        print_json(compilation_json(c))
        return 0
    s = c.state
    print(f"Round on {s.version_name} (draft {s.draft_id} version {s.version}): "
          f"{count(len(s.returns), 'return')}, {count(len(c.entries()), 'proposal')}")
    for r in s.returns:
        print(f"  return {r.id}: {r.file} ({r.kind}{', ' + r.delegation if r.delegation else ''})")
    for e in c.opening:
        _print_entry(e)
    for place in c.places:
        if not (place.entries or place.new_after or place.remarks or place.edited is not None):
            continue
        print(f"\n{place.name:>8}  {place.segment.text}")
        for delegation, entries in place.by_delegation().items():
            print(f"{'':10}{delegation}")
            for e in entries:
                _print_entry(e)
        for rm in place.remarks:
            who = f"{rm.delegation}, {rm.comment.author}" if rm.comment.author != rm.delegation else rm.delegation
            print(f"{'':12}comment ({who}) on \u201c{rm.comment.quote}\u201d: {rm.comment.text}")
        if place.edited is not None:
            print(f"{'':12}edited by hand: {place.edited}")
        for e in place.new_after:
            _print_entry(e, new=True)
    return 0


def _print_entry(e: Entry, new: bool = False) -> None:
    notes = [e.status.value]
    if e.competing:
        notes.append("competes with " + ", ".join(e.competing))
    if e.same_as:
        notes.append("same as " + ", ".join(e.same_as))
    if e.brackets:
        notes.append(e.brackets)
    lead = f"{'':10}{e.delegation}: " if new else f"{'':12}"
    print(f"{lead}[{e.key}] {e.summary}  ({'; '.join(notes)})")


def compilation_json(c: Compilation) -> dict[str, Any]:
    s = c.state
    return {
        "draft": s.draft_id, "version": s.version, "version_name": s.version_name,
        "delegations": list(c.delegations),
        "returns": [{"id": r.id, "file": r.file, "kind": r.kind, "delegation": r.delegation,
                     "authors": list(r.authors), "warnings": list(r.warnings)} for r in s.returns],
        "opening": [_entry_json(e) for e in c.opening],
        "segments": [_place_json(p) for p in c.places],
    }


def _place_json(p: Place) -> dict[str, Any]:
    return {
        "index": p.index, "label": p.segment.label, "kind": p.segment.kind.value, "text": p.segment.text,
        "proposals": [_entry_json(e) for e in p.entries],
        "new_after": [_entry_json(e) for e in p.new_after],
        "comments": [{"delegation": r.delegation, "author": r.comment.author, "date": r.comment.date,
                      "text": r.comment.text, "quote": r.comment.quote, "start": r.comment.start,
                      "end": r.comment.end, "file": r.file} for r in p.remarks],
        "edited": p.edited,
    }


def _entry_json(e: Entry) -> dict[str, Any]:
    p = e.proposal
    return {"key": e.key, "delegation": e.delegation, "author": p.author, "date": p.date,
            "kind": p.kind.value, "start": p.start, "end": p.end, "text": p.text, "tracked": p.tracked,
            "summary": e.summary, "status": e.status.value, "competing": list(e.competing),
            "same_as": list(e.same_as), "brackets": e.brackets, "file": e.file,
            "pieces": [list(x) for x in e.pieces]}


def cmd_decide(args: argparse.Namespace) -> int:
    lib = library(args)
    for key in args.keys:
        if args.action == "accept":
            svc.accept(lib, args.ref, key, args.wins)
        elif args.action == "reject":
            svc.reject(lib, args.ref, key)
        else:
            svc.reopen(lib, args.ref, key)
        print(f"{key}: {'pending' if args.action == 'reopen' else args.action + 'ed'}")
    draft_id, version = svc.version_of(lib, args.ref)
    print(f"draft {draft_id}'s working copy is the next version; its redline: "
          f"concord compare draft:{draft_id}@{version} draft:{draft_id} --docx OUT")
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    lib = library(args)
    text = args.text
    if args.source:
        from app.rounds.decide import start_text

        text = start_text(svc.state(lib, args.ref), args.source)
    svc.edit_segment(lib, args.ref, args.label, text)
    print(f"{args.label}: edited by hand for the next version")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    path = svc.export_docx(library(args), args.ref, args.docx, table=args.table, delegation=args.delegation)
    print(f"{path}: the compilation{' as a table' if args.table else ''}")
    return 0


def cmd_authors(args: argparse.Namespace) -> int:
    lib = library(args)
    for pair in args.pairs:
        author, sep, delegation = pair.partition("=")
        if not sep:
            raise ConcordError(f"{pair!r}: expected AUTHOR=DELEGATION, e.g. \"J. Smith=United Kingdom\"")
        svc.set_author(lib, author, delegation)
    table = lib.author_delegations()
    if args.json:
        print_json(table)
    elif not args.pairs:
        if not table:
            print('No authors yet. Map one with: concord round authors "J. Smith=United Kingdom"')
        for author, delegation in table.items():
            print(f"{author}  ->  {delegation}")
    return 0


def cmd_brackets(args: argparse.Namespace) -> int:
    key = args.draft.removeprefix("draft:")
    if not key.isdigit():
        raise ConcordError(f"{args.draft!r} is not a draft (expected draft:ID)")
    entries = svc.bracket_register(library(args), int(key))
    if args.json:
        print_json([{"label": b.label, "text": b.text, "proposed_by": b.proposed_by, "round": b.round,
                     "open": b.open} for b in entries])
        return 0
    if not entries:
        print("No bracketed passages in this draft.")
    for b in entries:
        print(f"{b.label or '-':>8}  {'open  ' if b.open else 'closed'}  {b.proposed_by} ({b.round}): {b.text}")
    return 0
