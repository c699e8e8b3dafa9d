"""Provenance commands: which language of a passage is repeated, changed or new; a clause's history."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.output import library, print_json
from app.compare.render import marked_text
from app.services import search as svc
from app.wording import count


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "provenance",
        help="show which segments of a passage are verbatim, modified or new against the library",
        description="For each segment of REF (a document, a range such as 1:5..7, or draft:ID[@VERSION]) "
        "its closest source in other documents of the library. Plain output marks the changes "
        "from the source: deletions [-...-], insertions {+...+}.",
    )
    p.add_argument("ref", metavar="REF", help="e.g. 3, 3:5(a)..5(m), draft:2@rev.1")
    p.add_argument("--within", action="store_true",
                   help="also count earlier paragraphs of the same document as sources")
    p.add_argument("--json", action="store_true", help="print the provenance as JSON")
    p.set_defaults(func=cmd_provenance)

    p = sub.add_parser(
        "history",
        help="every version of a clause in the library, by meeting date, with what changed",
        description="REF_OR_TEXT is a reference to one segment (1:5(h)) or the clause itself, quoted.",
    )
    p.add_argument("clause", metavar="REF_OR_TEXT", help="e.g. 1:5(h) or \"Expressing grave concern ...\"")
    p.add_argument("--per-document", action="store_true",
                   help="only the closest segment of each document")
    p.add_argument("--json", action="store_true", help="print the history as JSON")
    p.set_defaults(func=cmd_history)


def _source_json(s: svc.Source) -> dict[str, Any]:
    return {"cite": s.cite(), "document_id": s.document_id, "document_title": s.document_title,
            "situation": s.situation, "meeting_date": s.meeting_date, "position": s.position,
            "label": s.label, "kind": s.kind, "similarity": s.similarity, "text": s.text}


def provenance_json(p: svc.Provenance) -> dict[str, Any]:
    return {
        "ref": p.ref,
        "title": p.title,
        "segments": [
            {"position": s.position, "label": s.segment.label, "kind": s.segment.kind.value,
             "text": s.segment.text, "status": s.status, "similarity": s.similarity,
             "words": s.words, "sources": [_source_json(x) for x in s.sources],
             "diff": [[e.op, e.text] for e in s.edits]}
            for s in p.segments
        ],
        "counts": p.counts(),
        "words": p.words(),
        "percentages": p.percentages(),
    }


def summary_line(p: svc.Provenance) -> str:
    """'Summary: 80 segments, 61 verbatim, 14 modified, 5 new; words: 71.2% verbatim, ...'."""
    counts, pct = p.counts(), p.percentages()
    segs = ", ".join(f"{counts[k]} {k}" for k in (svc.VERBATIM, svc.MODIFIED, svc.NEW))
    words = ", ".join(f"{pct[k]:g}% {k}" for k in (svc.VERBATIM, svc.MODIFIED, svc.NEW))
    return f"Summary: {count(len(p.segments), 'segment')}, {segs}; words: {words}"


def cmd_provenance(args: argparse.Namespace) -> int:
    p = svc.provenance(library(args), args.ref, within=args.within)
    if args.json:
        print_json(provenance_json(p))
        return 0
    print(f"Provenance of {p.ref} ({p.title})\n")
    for s in p.segments:
        head = f"{s.name:>9}  {s.status:<8}"
        if s.source is not None:
            head += f" {s.similarity:g}%  {s.source.cite()}"
        print(head.rstrip())
        if s.status == svc.MODIFIED:
            print(f"           {marked_text(s.edits)}")
    print(f"\n{summary_line(p)}")
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    entries = svc.clause_history(library(args), args.clause, best_per_document=args.per_document)
    if args.json:
        print_json([
            {**_source_json(e.source), "previous": e.previous, "current": e.current,
             "changed": e.changed, "diff": [[x.op, x.text] for x in e.edits]}
            for e in entries
        ])
        return 0
    if not entries:
        print("No version of this clause in the library.")
        return 0
    print(f"{count(len(entries), 'version')} of the clause, oldest first\n")
    for e in entries:
        s = e.source
        head = f"{s.meeting_date or 'undated':<10}  {s.cite()}  {s.similarity:g}%"
        if e.current:
            head += "  (this clause)"
        if e.previous is None:
            print(head)
            print(f"    {s.text}")
            continue
        before = entries[e.previous].source.cite()
        print(f"{head}  {'changed' if e.changed else 'unchanged'} since {before}")
        print(f"    {marked_text(e.edits) if e.changed else s.text}")
    return 0
