"""Library commands: import, list, show, search."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict

from app.cli.output import library, print_json, print_segments
from app.model import Document
from app.services import library as svc
from app.wording import count


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="import conclusions from text, Word or PDF files")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="print the outcome as JSON")
    p.add_argument(
        "--reject-changes",
        action="store_true",
        help="read Word tracked changes as all rejected (default: all accepted)",
    )
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("list", help="list the documents in the library")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", help="show a document or a passage: REF is DOC[:LABEL[..LABEL]]")
    p.add_argument("ref", metavar="REF", help="e.g. 1, 1:7, 1:5(n)..5(v), 1:annex-3")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("search", help="full-text search of the library")
    p.add_argument("query", metavar="QUERY", help='words, "a phrase", prefix*, a OR b')
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)


def _doc_json(doc: Document) -> dict:
    return {
        "id": doc.id,
        "title": doc.title,
        "situation": doc.situation,
        "meeting_date": doc.meeting_date,
        "report_symbol": doc.report_symbol,
        "symbol": doc.symbol,
        "source_file": doc.source_file,
        "imported_at": doc.imported_at,
        "segments": len(doc.segments),
        "warnings": list(doc.warnings),
    }


def cmd_import(args: argparse.Namespace) -> int:
    lib = library(args)
    results = svc.import_files(lib, args.files, revisions="reject" if args.reject_changes else "accept")
    imported, duplicates, errors = [], [], []
    for r in results:
        if r.error:
            errors.append({"file": r.file, "error": r.error})
            if not args.json:
                print(f"concord: {r.error}", file=sys.stderr)
        elif r.duplicate_of is not None and r.document:
            duplicates.append({"file": r.file, "id": r.document.id, "title": r.document.title})
            if not args.json:
                print(f"{r.file}: already in the library as document {r.document.id}")
        elif r.document:
            d = r.document
            imported.append({"file": r.file, "id": d.id, "title": d.title, "segments": len(d.segments),
                             "warnings": list(r.warnings)})
            if not args.json:
                print(f"{r.file}: imported as document {d.id} ({count(len(d.segments), 'segment')}): {d.title}")
                for w in r.warnings:
                    print(f"  warning: {w}")
    if args.json:
        print_json({"imported": imported, "duplicates": duplicates, "errors": errors})
    return 1 if errors else 0


def cmd_list(args: argparse.Namespace) -> int:
    docs = library(args).list_documents()
    if args.json:
        print_json([asdict(d) for d in docs])
        return 0
    if not docs:
        print("The library is empty. Import a file with: concord import FILE")
    for d in docs:
        print(f"{d.id:>4}  {d.meeting_date or '----------'}  {d.situation or '-':<20.20}  "
              f"{d.symbol or d.report_symbol or '':<16}  {d.title}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    passage = svc.resolve_ref(library(args), args.ref)
    if args.json:
        print_json({
            "document": _doc_json(passage.document),
            "segments": [
                {"label": s.label, "kind": s.kind.value, "section": s.section,
                 "addressee": s.addressee, "text": s.text}
                for s in passage.segments
            ],
        })
        return 0
    print_segments(passage.segments)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    hits = svc.search(library(args), args.query, args.limit)
    if args.json:
        print_json([
            {"document": h.document_id, "title": h.document_title, "situation": h.situation,
             "label": h.label, "kind": h.kind, "text": h.text, "matches": [list(s) for s in h.spans]}
            for h in hits
        ])
        return 0
    if not hits:
        print("No matches.")
    for h in hits:
        text = h.text
        for a, b in reversed(h.spans):
            text = text[:a] + "[" + text[a:b] + "]" + text[b:]
        print(f"{h.document_id}:{h.label or '-':<8} {h.situation:<12.12} {text}")
    return 0
