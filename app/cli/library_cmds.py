"""Library commands: import, list, show, search."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path

from app.cli.output import library, print_json, print_segments
from app.model import DocKind, Document
from app.services import library as svc
from app.wording import count


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("import", help="import conclusions from text, Word or PDF files")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="print the outcome as JSON")
    p.add_argument(
        "--reject-changes",
        action="store_true",
        help="read Word tracked changes as all rejected (default: all accepted)",
    )
    p.add_argument(
        "--same",
        choices=["skip", "keep", "replace"],
        default="skip",
        help="when the library holds the same document from another file (its PDF, its Word "
             "file): skip this file (default), keep both, or replace the stored text",
    )
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("delete", help="delete a document from the library")
    p.add_argument("ref", metavar="REF", help="a document: its id or symbol")
    p.set_defaults(func=cmd_delete)

    p = sub.add_parser("edit", help="correct a document's metadata")
    p.add_argument("ref", metavar="REF", help="a document: its id or symbol")
    p.add_argument("--title")
    p.add_argument("--situation", help='e.g. "the Central African Republic"')
    p.add_argument("--date", dest="meeting_date", metavar="YYYY-MM-DD", help="the meeting date")
    p.add_argument("--meeting-number", dest="meeting_number")
    p.add_argument("--symbol", help="the document's own symbol, e.g. S/AC.51/2020/11")
    p.add_argument("--report-symbol", dest="report_symbol", help="the report's symbol, e.g. S/2020/1105")
    p.add_argument("--kind", choices=[k.value for k in DocKind])
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_edit)

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

    p = sub.add_parser("check", help="check the library file and its full-text index")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("repair", help="rebuild the full-text index (nothing stored is changed)")
    p.set_defaults(func=cmd_repair)


def _doc_json(doc: Document) -> dict[str, object]:
    return {
        "id": doc.id,
        "title": doc.title,
        "situation": doc.situation,
        "meeting_date": doc.meeting_date,
        "report_symbol": doc.report_symbol,
        "symbol": doc.symbol,
        "source_file": doc.source_file,
        "imported_at": doc.imported_at,
        "kind": doc.doc_kind.value,
        "meeting_number": doc.meeting_number,
        "cited_symbols": list(doc.cited_symbols),
        "segments": len(doc.segments),
        "warnings": list(doc.warnings),
    }


def cmd_import(args: argparse.Namespace) -> int:
    lib = library(args)
    results = svc.import_files(lib, args.files, revisions="reject" if args.reject_changes else "accept",
                               same=args.same)
    imported, duplicates, errors = [], [], []
    for r in results:
        if r.error:
            errors.append({"file": r.file, "error": r.error})
            if not args.json:
                print(f"concord: {r.error}", file=sys.stderr)
        elif r.same_as is not None and r.same_action == "skipped" and r.document:
            duplicates.append({"file": r.file, "id": r.document.id, "title": r.document.title,
                               "same_document": True})
            if not args.json:
                print(f"{r.file}: the same document as {r.document.id} ({_where(r.document)}), imported from "
                      f"{Path(r.document.source_file).name or 'another file'}; skipped "
                      "(--same keep stores both, --same replace replaces its text)")
        elif r.duplicate_of is not None and r.document:
            duplicates.append({"file": r.file, "id": r.document.id, "title": r.document.title})
            if not args.json:
                print(f"{r.file}: already in the library as document {r.document.id}")
        elif r.document:
            d = r.document
            imported.append({"file": r.file, "id": d.id, "title": d.title, "segments": len(d.segments),
                             "warnings": list(r.warnings)})
            if not args.json:
                how = {"kept both": f" (another copy of document {r.same_as}, left out of search results)",
                       "replaced": f" (replacing the text of document {r.same_as})"}.get(r.same_action, "")
                print(f"{r.file}: imported as document {d.id} ({count(len(d.segments), 'segment')}): {d.title}{how}")
                for w in r.warnings:
                    print(f"  warning: {w}")
    if args.json:
        print_json({"imported": imported, "duplicates": duplicates, "errors": errors})
    return 1 if errors else 0


def _where(doc: Document) -> str:
    return " ".join(p for p in (doc.situation, doc.meeting_date) if p) or doc.title


def cmd_list(args: argparse.Namespace) -> int:
    docs = library(args).list_documents()
    if args.json:
        print_json([asdict(d) for d in docs])
        return 0
    if not docs:
        print("The library is empty. Import a file with: concord import FILE")
    for d in docs:
        print(f"{d.id:>4}  {d.meeting_date or '----------'}  {d.situation or '-':<20.20}  "
              f"{d.symbol or d.report_symbol or '':<16}  {d.title or Path(d.source_file).name}")
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



def cmd_delete(args: argparse.Namespace) -> int:
    doc = svc.delete_document(library(args), args.ref)
    print(f"deleted document {doc.id} ({count(len(doc.segments), 'segment')}): {doc.title}")
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    fields = {k: getattr(args, k) for k in ("title", "situation", "meeting_date", "meeting_number",
                                            "symbol", "report_symbol", "kind")}
    doc = svc.edit_document(library(args), args.ref, **fields)
    if args.json:
        print_json(_doc_json(doc))
        return 0
    print(f"document {doc.id}: {doc.situation or '-'}, {doc.meeting_date or 'no date'}, "
          f"{doc.symbol or 'no symbol'}, {doc.doc_kind.value}: {doc.title}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    problems = library(args).check()
    for p in problems:
        print(f"problem: {p}")
    if not problems:
        print("The library is healthy.")
    return 1 if problems else 0


def cmd_repair(args: argparse.Namespace) -> int:
    for line in library(args).repair():
        print(line)
    return 0
