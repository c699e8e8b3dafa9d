"""Helpers shared by CLI commands: opening the library, printing JSON."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from app.model import Segment
from app.services.library import open_library
from app.store import Store


def library(args: argparse.Namespace) -> Store:
    """The library named by --db, else $CONCORD_DB, else the default (seeded on first use)."""
    if args.db:
        return open_library(args.db)
    import os

    return open_library(None, seed="CONCORD_DB" not in os.environ)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_segments(segments: tuple[Segment, ...] | list[Segment]) -> None:
    """Labels in a margin, headings and addressee lines set apart."""
    for s in segments:
        if s.kind.value in ("heading", "title"):
            print(f"\n{'':8}{s.text}\n")
        elif s.kind.value == "addressee":
            print(f"{'':8}{s.text}")
        else:
            print(f"{s.label:>8}  {s.text}")

