"""Library use cases: open (and seed), import files, resolve references, search."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

from platformdirs import user_data_dir

from app import refs
from app.errors import ConcordError, ImportRefused, LibraryError
from app.model import ImportResult, Passage, SearchHit
from app.refs import passage_of
from app.resources import sample_files
from app.store import Store, is_server_address, open_store
from app.store import copy as store_copy
from app.store.copy import CopyReport

__all__ = ["copy_library", "import_file", "import_files", "open_library", "passage_of", "resolve_ref",
           "search"]

Progress = Callable[[int, int, str], None]  # (done, total, current file name)


def default_library_path() -> Path | str:
    """CONCORD_DB if set (a file or a `postgresql://` address), else the user data directory."""
    env = os.environ.get("CONCORD_DB")
    if env:
        return env if is_server_address(env) else Path(env)
    return Path(user_data_dir("Concord", appauthor=False)) / "library.sqlite"


def open_library(path: str | Path | None = None, *, seed: bool = False) -> Store:
    """Open (creating if needed) a library; `seed` fills an empty new one with the sample."""
    location = path if path is not None else default_library_path()
    if is_server_address(location):
        return open_store(str(location))  # a team library is never seeded with the sample
    p = Path(location)
    if path is None:
        p.parent.mkdir(parents=True, exist_ok=True)
    elif str(p) != ":memory:" and not p.parent.is_dir():
        # A mistyped --db must not quietly create folders and an empty library.
        raise LibraryError(f"{p}: the folder {p.parent} does not exist")
    lib = open_store(p)
    if seed and lib.counts()["documents"] == 0:
        import_files(lib, sample_files())
    return lib


def copy_library(source: str | Path, dest: str | Path,
                 progress: Callable[[str], None] | None = None) -> CopyReport:
    """Copy the library at `source` into a new, empty one at `dest` (files or team library
    addresses, either way round) and verify the copy."""
    if not is_server_address(str(source)) and not Path(source).is_file():
        raise LibraryError(f"{source}: no such library file")
    src = open_store(str(source) if is_server_address(str(source)) else Path(source), read_only=True)
    try:
        dst = open_library(dest)
        try:
            return store_copy.copy_library(src, dst, progress)
        finally:
            dst.close()
    finally:
        src.close()


def import_file(lib: Store, path: str | Path, revisions: str = "accept") -> ImportResult:
    """Parse and store one file; errors become an `ImportResult` with the reason.

    `revisions` says how a Word file's tracked changes read: "accept" (all accepted, the
    default) or "reject" (the text as it was before the changes).
    """
    # Imported here, not at the top: the word list behind text repair costs start-up time.
    from app.parse import parse_file

    name = Path(path).name
    try:
        doc = parse_file(path, revisions="reject" if revisions == "reject" else "accept")
        stored, new = lib.add_document(doc)
    except ImportRefused as e:
        return ImportResult(str(path), error=str(e))
    except ConcordError as e:
        return ImportResult(str(path), error=f"{name}: {e}")
    except (ValueError, OSError, MemoryError, RecursionError) as e:
        return ImportResult(str(path), error=f"{name}: cannot be read ({type(e).__name__}: {e})")
    except sqlite3.Error as e:
        # The transaction was rolled back: the library is as it was before this file.
        return ImportResult(str(path), error=f"{name}: could not be stored ({e})")
    if not new:
        return ImportResult(str(path), document=stored, duplicate_of=stored.id)
    return ImportResult(str(path), document=stored, warnings=doc.warnings)


def import_files(
    lib: Store,
    paths: Iterable[str | Path],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    revisions: str = "accept",
) -> list[ImportResult]:
    """Import each file; one failure does not stop the others."""
    paths = list(paths)
    results = []
    for i, path in enumerate(paths):
        if cancelled and cancelled():
            break
        if progress:
            progress(i, len(paths), Path(path).name)
        results.append(import_file(lib, path, revisions))
    if progress:
        progress(len(results), len(paths), "")
    return results


def resolve_ref(lib: Store, ref: str) -> Passage:
    """`1`, `S/AC.51/2020/11`, `1:7`, `1:5(n)..5(v)`, `1:annex-3`, `draft:2@1` -> a `Passage`."""
    return refs.resolve(lib, ref)


def search(lib: Store, query: str, limit: int = 50) -> list[SearchHit]:
    return lib.search(query, limit)
