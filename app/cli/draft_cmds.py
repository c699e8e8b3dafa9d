"""Draft commands: concord draft new|list|show|save-version|import."""

from __future__ import annotations

import argparse
import sys

from app.cli.output import library, print_json, print_segments
from app.drafts import count_brackets, parse_replacement
from app.errors import BadReference
from app.services import drafts as svc
from app.wording import count


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("draft", help="draft new conclusions: new, list, show, save-version, import")
    dsub = p.add_subparsers(dest="draft_command", metavar="ACTION")
    dsub.required = True

    q = dsub.add_parser("new", help="start a draft from the skeleton, a document or range, or a draft version")
    q.add_argument("--from", dest="source", metavar="REF",
                   help="e.g. 1, 1:5(n)..5(v), draft:2@1 (default: the blank skeleton)")
    q.add_argument("--replace", action="append", default=[], metavar="OLD=NEW",
                   help='whole-word, case-keeping replacement, e.g. "Mali=Burkina Faso" (repeatable)')
    q.add_argument("--situation", help="the new draft's situation (default: the source's, replaced)")
    q.add_argument("--title", required=True)
    q.add_argument("--preview", action="store_true",
                   help="list the replacements that would be made and create nothing")
    q.add_argument("--replace-held", action="append", default=[], metavar="LABEL",
                   help="also replace the held occurrences in this paragraph (repeatable; 'all' for every one)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_new)

    q = dsub.add_parser("list", help="list drafts")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_list)

    q = dsub.add_parser("show", help="show a draft's working copy or a version: ID[@VERSION]")
    q.add_argument("ref", metavar="ID[@VERSION]")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_show)

    q = dsub.add_parser("save-version", help="save the working copy as a named version")
    q.add_argument("id", type=int, metavar="ID")
    q.add_argument("--name", required=True, help='e.g. "zero draft", "rev.1", "silence procedure"')
    q.set_defaults(func=cmd_save_version)

    q = dsub.add_parser("import", help="import a file as a new draft, or as a new version of a draft")
    q.add_argument("file", metavar="FILE")
    q.add_argument("--into", type=int, metavar="ID", help="add the file as the next version of draft ID")
    q.set_defaults(func=cmd_import)


def cmd_new(args: argparse.Namespace) -> int:
    lib = library(args)
    replacements = [parse_replacement(r) for r in args.replace]
    if replacements and not args.source:
        raise BadReference("--replace needs --from REF: the skeleton has nothing to replace")
    if args.preview:
        source = svc.draft_source(lib, args.source, replacements, args.situation)
        if args.json:
            print_json([{"label": h.label, "old": h.old, "new": h.new, "context": h.context,
                         "held": h.held} for h in source.hits])
            return 0
        for h in source.hits:
            print(f"{h.label or '-':>8}  {'HELD ' if h.held else ''}{h.context}"
                  + (f"  ({h.held})" if h.held else ""))
        n_held = sum(1 for h in source.hits if h.held)
        print(f"{count(len(source.hits) - n_held, 'replacement')} would be made and {n_held} held for review; "
              "run without --preview to create the draft")
        return 0
    source = svc.draft_source(lib, args.source, replacements, args.situation)
    # Say what the replace step did: a pair that matched nothing is most often a typo.
    for r in replacements:
        n = sum(1 for h in source.hits if h.old.lower() == r.old.lower())
        line = f"{r.old} -> {r.new or '(removed)'}: {count(n, 'replacement')}"
        print(line if n else f"warning: {line}: no such word in the source", file=sys.stderr)
    everything = "all" in args.replace_held
    accepted = {h.key for h in source.hits if h.held and (everything or h.label in args.replace_held)}
    held = [h for h in source.hits if h.held and h.key not in accepted]
    for h in held:
        print(f"held: {h.label or '-'}: {h.old} not replaced ({h.held}): {h.context}", file=sys.stderr)
    if held:
        print(f"{count(len(held), 'occurrence')} held for review (replace them with --replace-held LABEL "
              "or in the draft)", file=sys.stderr)
    draft = svc.create_draft(lib, args.title, source, replacements, accepted)
    if args.json:
        print_json({"id": draft.id, "title": draft.title, "situation": draft.situation,
                    "segments": len(draft.head)})
        return 0
    print(f"draft {draft.id} created ({count(len(draft.head), 'segment')}): {draft.title}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    drafts = svc.list_drafts(library(args))
    if args.json:
        print_json([{"id": d.id, "title": d.title, "situation": d.situation, "updated_at": d.updated_at,
                     "versions": d.versions, "last_version": d.last_version} for d in drafts])
        return 0
    if not drafts:
        print("No drafts. Start one with: concord draft new --title TITLE [--from REF]")
    for d in drafts:
        print(f"{d.id:>4}  {d.updated_at}  {d.situation or '-':<16.16}  {count(d.versions, 'version')}"
              f"{' (last: ' + d.last_version + ')' if d.last_version else ''}  {d.title}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    lib = library(args)
    key, _, version = args.ref.removeprefix("draft:").partition("@")
    if not key.isdigit():
        raise BadReference(f"{args.ref!r} is not a draft (expected ID or ID@VERSION, e.g. 3 or 3@2)")
    draft = svc.get_draft(lib, int(key))
    doc = svc.draft_document(lib, draft.id, version or None)
    brackets = count_brackets(s.text for s in doc.segments)
    if args.json:
        print_json({
            "id": draft.id, "title": draft.title, "situation": draft.situation, "showing": doc.title,
            "versions": [{"number": v.number, "name": v.name, "saved_at": v.saved_at} for v in draft.versions],
            "open_brackets": brackets.open,
            "segments": [{"label": s.label, "kind": s.kind.value, "section": s.section,
                          "addressee": s.addressee, "text": s.text} for s in doc.segments],
        })
        return 0
    print(doc.title)
    for v in draft.versions:
        print(f"  version {v.number}: {v.name} ({v.saved_at})")
    if brackets.open:
        print(f"  {brackets.open} bracketed passages still open")
    print_segments(doc.segments)
    return 0


def cmd_save_version(args: argparse.Namespace) -> int:
    number = svc.save_version(library(args), args.id, args.name)
    print(f"draft {args.id}: saved version {number} ({args.name})")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    draft, number = svc.import_draft(library(args), args.file, args.into)
    if args.into is None:
        print(f"{args.file}: imported as draft {draft.id} ({count(len(draft.head), 'segment')}): {draft.title}")
    else:
        print(f"{args.file}: imported as version {number} of draft {draft.id}")
    return 0
