"""Export command: a document or a range as a Word file."""

from __future__ import annotations

import argparse

from app.cli.output import library
from app.services import library as lib_svc
from app.services.export import export_passage_docx
from app.wording import count


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export", help="export a document or a range as a Word file")
    p.add_argument("ref", metavar="REF", help="e.g. 1, 1:7, 1:5(n)..5(v), 1:annex-3")
    p.add_argument("--docx", required=True, metavar="OUT", help="the Word file to write (.docx)")
    p.add_argument("--typed-labels", action="store_true",
                   help="write labels as text instead of Word's automatic numbering")
    p.set_defaults(func=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    passage = lib_svc.resolve_ref(library(args), args.ref)
    numbering = "typed" if args.typed_labels else "automatic"
    path = export_passage_docx(passage, args.docx, numbering=numbering)
    n = sum(1 for s in passage.segments if s.label)
    print(f"{path}: {count(len(passage.segments), 'paragraph')} ({n} numbered) from {passage.describe()}")
    return 0
