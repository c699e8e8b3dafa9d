"""Comparison commands: compare, parallels, repeats."""

from __future__ import annotations

import argparse
from dataclasses import replace

from app.cli.output import library, print_json
from app.compare.model import CompareOptions, Comparison, RowOp
from app.compare.render import marked_text, row_label, summary_line
from app.errors import ExportError
from app.model import Document
from app.services import compare as svc
from app.services.library import resolve_ref
from app.wording import count


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "compare",
        help="compare two passages side by side: REF is DOC[:LABEL[..LABEL]]",
        description="Align two passages by content and show word-level differences. "
        "Plain output marks deletions [-...-] and insertions {+...+}.",
    )
    p.add_argument("left", metavar="LEFT", help="e.g. 1:5(n)..5(v)")
    p.add_argument("right", metavar="RIGHT", help="e.g. 1:7(a)..7(i)")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print the comparison as JSON")
    out.add_argument("--html", metavar="FILE", help="write a self-contained side-by-side HTML page")
    p.add_argument("--docx", metavar="OUT", help="write the right text as a Word redline of the left")
    p.add_argument("--mode", choices=("track", "bold"), default="track",
                   help="redline as tracked changes (default) or bold/strikethrough")
    p.add_argument("--author", metavar="NAME", help="author of tracked changes (default: your user name)")
    p.add_argument("--typed-labels", action="store_true",
                   help="in the redline, labels as text instead of Word's automatic numbering")
    p.add_argument("--report-docx", metavar="OUT", help="write a Word comparison report")
    _option_flags(p)
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser("parallels", help="find runs of a document that mirror another run")
    p.add_argument("doc", metavar="DOC", help="a document (id or symbol), or a passage of one")
    p.add_argument("--json", action="store_true")
    _option_flags(p)
    p.set_defaults(func=cmd_parallels)

    p = sub.add_parser("repeats", help="find segments that say nearly the same thing")
    p.add_argument("doc", metavar="DOC", help="a document (id or symbol), or a passage of one")
    p.add_argument("--json", action="store_true")
    _option_flags(p)
    p.set_defaults(func=cmd_repeats)


def _option_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--ignore-case", action="store_true", help="treat upper and lower case alike")
    p.add_argument("--ignore-punctuation", action="store_true", help="treat punctuation as spaces")
    p.add_argument("--exact-whitespace", action="store_true",
                   help="count differences in spacing and line breaks (ignored by default)")


def _options(args: argparse.Namespace) -> CompareOptions:
    return CompareOptions(
        ignore_case=args.ignore_case,
        ignore_punctuation=args.ignore_punctuation,
        ignore_whitespace=not args.exact_whitespace,
    )


def cmd_compare(args: argparse.Namespace) -> int:
    cmp = svc.compare_refs(library(args), args.left, args.right, _options(args))
    written = []
    if args.html:
        _write(args.html, svc.comparison_html(cmp))
        written.append(args.html)
    if args.docx or args.report_docx:
        if not args.author:  # a draft's redline is authored by who saved the draft's text
            from app.services.drafts import author_of

            args.author = author_of(library(args), cmp.right_ref)
        written += _export_word(cmp, args)
    if args.json:
        print_json(svc.comparison_json(cmp))
    elif written:
        for path in written:
            print(f"Wrote {path}")
        print(f"Summary: {summary_line(cmp)}")
    else:
        print(svc.comparison_text(cmp), end="")
    return 0


def _write(path: str, text: str) -> None:
    from app.export.atomic import write_text_atomic

    write_text_atomic(path, text)


def _export_word(cmp: Comparison, args: argparse.Namespace) -> list[str]:
    try:
        from app.services import export
    except ImportError as e:
        raise ExportError(f"Word export is unavailable in this installation ({e})") from e
    written = []
    if args.docx:
        typed = {"numbering": "typed"} if args.typed_labels else {}
        export.export_redline_docx(cmp, args.docx, mode=args.mode, author=args.author, **typed)
        written.append(args.docx)
    if args.report_docx:
        export.export_report_docx(cmp, args.report_docx)
        written.append(args.report_docx)
    return written


def _document(args: argparse.Namespace) -> Document:
    """The document named by DOC; a passage (1:5..7) narrows it to those segments."""
    passage = resolve_ref(library(args), args.doc)
    if passage.start:
        return passage.document.with_segments(passage.segments)
    return passage.document


def cmd_parallels(args: argparse.Namespace) -> int:
    doc = _document(args)
    found = svc.parallels(doc, _options(args))
    if args.json:
        print_json([
            {
                "left": p.comparison.left_ref,
                "right": p.comparison.right_ref,
                "left_range": [p.left_start, p.left_end],
                "right_range": [p.right_start, p.right_end],
                "pairs": p.pairs,
                "divergences": svc.comparison_json(_only_changes(p.comparison))["rows"],
            }
            for p in found
        ])
        return 0
    if not found:
        print("No parallel blocks found.")
    for p in found:
        n = len(p.divergences)
        print(f"{p.comparison.left_ref} ~ {p.comparison.right_ref}: {count(p.pairs, 'pair')}, "
              f"{n} with differences")
        for row in p.divergences:
            print(f"  {row.op.value:<8} {row_label(row)}  {row.similarity:g}%")
            print(f"    {marked_text(row.edits)}")
    return 0


def _only_changes(cmp: Comparison) -> Comparison:
    return replace(cmp, rows=tuple(r for r in cmp.rows if r.op is not RowOp.EQUAL))


def cmd_repeats(args: argparse.Namespace) -> int:
    doc = _document(args)
    groups = svc.repeats(doc, _options(args))
    if args.json:
        print_json([
            {
                "segments": [{"label": s.label, "kind": s.kind.value, "text": s.text}
                             for s in g.segments],
                "links": [{"left": doc.segments[a].label, "right": doc.segments[b].label,
                           "similarity": score} for a, b, score in g.links],
            }
            for g in groups
        ])
        return 0
    if not groups:
        print("No repeated language found.")
    for n, g in enumerate(groups, 1):
        span = f"{g.lowest:g}%" if g.lowest == g.highest else f"{g.lowest:g}-{g.highest:g}%"
        print(f"Group {n}: {count(len(g.segments), 'segment')}, similarity {span}")
        for s in g.segments:
            text = s.text if len(s.text) <= 110 else s.text[:107] + "..."
            print(f"  {s.label or s.kind.value:>8}  {text}")
    return 0

