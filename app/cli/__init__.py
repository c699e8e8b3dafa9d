"""`concord`: the command-line interface, a thin layer over `app.services`.

Commands live in the modules of this package named `*_cmds`; each has a `register(sub)`
function adding its subcommands, whose handler is `func(args) -> int`.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Callable, Iterable

from app.errors import ConcordError
from app.version import __version__

# Adds subcommands to the parser: what a command module's `register` does.
Register = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]


def build_parser(extra: Iterable[Register] = ()) -> argparse.ArgumentParser:
    """The parser of every `*_cmds` module's commands, and of `extra`'s (the GUI's `gui`)."""
    parser = argparse.ArgumentParser(
        prog="concord",
        description="Import, compare, search and draft Security Council Working Group conclusions.",
    )
    parser.add_argument(
        "--db",
        metavar="LIBRARY",
        help="library file or team library address postgresql://user@host/dbname "
             "(default: $CONCORD_DB, else the user data directory)",
    )
    parser.add_argument("--version", action="version", version=f"concord {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.endswith("_cmds"):
            importlib.import_module(f"{__name__}.{info.name}").register(sub)
    for register in extra:
        register(sub)
    return parser


def main(argv: list[str] | None = None, extra: Iterable[Register] = ()) -> int:
    parser = build_parser(extra)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except ConcordError as e:
        print(f"concord: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
