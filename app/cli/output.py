"""Helpers shared by CLI commands: opening the library, printing JSON."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from app.services.library import open_library
from app.store import Library


def library(args: argparse.Namespace) -> Library:
    """The library named by --db, else $CONCORD_DB, else the default (seeded on first use)."""
    if args.db:
        return open_library(args.db)
    import os

    return open_library(None, seed="CONCORD_DB" not in os.environ)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
