"""Whole-library commands: concord library copy SOURCE DEST."""

from __future__ import annotations

import argparse
import sys

from app.services.library import copy_library


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("library", help="whole libraries: copy between a file and a team library")
    lsub = p.add_subparsers(dest="library_command", metavar="ACTION")
    lsub.required = True
    q = lsub.add_parser(
        "copy", help="copy a whole library into a new, empty one and verify the copy",
        description="SOURCE and DEST are library files or team library addresses "
                    "(postgresql://user@host/dbname), either way round. DEST must be empty.")
    q.add_argument("source", metavar="SOURCE")
    q.add_argument("dest", metavar="DEST")
    q.set_defaults(func=cmd_copy)


def cmd_copy(args: argparse.Namespace) -> int:
    report = copy_library(args.source, args.dest, progress=lambda line: print(line, file=sys.stderr))
    for line in report.lines():
        print(line)
    return 0
