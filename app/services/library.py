"""Library use cases: open (and seed), import files, resolve references, search."""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path

from platformdirs import user_data_dir

from app import refs
from app.errors import ConcordError, ImportCancelled, ImportRefused, LibraryError
from app.model import DocKind, Document, ImportResult, Passage, SearchHit
from app.refs import passage_of
from app.resources import sample_files
from app.store import STORAGE_ERRORS, Store, is_server_address, open_store
from app.store import copy as store_copy
from app.store.copy import CopyReport

__all__ = ["Same", "copy_library", "delete_document", "edit_document", "import_file", "import_files",
           "open_library", "passage_of", "resolve_ref", "same_document", "search"]

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


class Same(StrEnum):
    """What to do with a file whose document is already stored from another file."""

    ASK = "ask"  # store nothing; the result names the stored document (the GUI asks)
    SKIP = "skip"
    KEEP = "keep"  # store it too, as a copy left out of search results
    REPLACE = "replace"  # its text replaces the stored one's, which keeps its id


def import_file(lib: Store, path: str | Path, revisions: str = "accept",
                same: Same | str = Same.SKIP, cancelled: Callable[[], bool] | None = None) -> ImportResult:
    """Parse and store one file; errors become an `ImportResult` with the reason.

    `revisions` says how a Word file's tracked changes read: "accept" (all accepted, the
    default) or "reject" (the text as it was before the changes). `same` says what to do
    when the library already holds the same document from another file (by content);
    `cancelled` is asked while a long file is read (between PDF pages), so Cancel stops it.
    """
    # Imported here, not at the top: the word list behind text repair costs start-up time.
    from app.parse import parse_file

    name = Path(path).name
    same = Same(same)
    try:
        doc = parse_file(path, revisions="reject" if revisions == "reject" else "accept", cancelled=cancelled)
        if lib.find_duplicate(doc.content_hash) is None:
            twin = same_document(lib, doc)
            if twin is not None:
                return _import_same(lib, path, doc, twin, same)
        stored, new = lib.add_document(doc)
    except ImportCancelled:
        raise  # not a failure of this file: `import_files` stops there
    except ImportRefused as e:
        return ImportResult(str(path), error=str(e))
    except ConcordError as e:
        return ImportResult(str(path), error=f"{name}: {e}")
    except (ValueError, OSError, MemoryError, RecursionError) as e:
        return ImportResult(str(path), error=f"{name}: cannot be read ({type(e).__name__}: {e})")
    except STORAGE_ERRORS as e:
        # The transaction was rolled back: the library is as it was before this file.
        return ImportResult(str(path), error=f"{name}: could not be stored ({e})")
    if not new:
        return ImportResult(str(path), document=stored, duplicate_of=stored.id)
    return ImportResult(str(path), document=stored, warnings=doc.warnings)


def _import_same(lib: Store, path: str | Path, doc: Document, twin: int, same: Same) -> ImportResult:
    stored = lib.get_document(twin)
    if same is Same.ASK or same is Same.SKIP:
        return ImportResult(str(path), document=stored, same_as=twin,
                            same_action="" if same is Same.ASK else "skipped")
    if same is Same.REPLACE:
        return ImportResult(str(path), document=lib.replace_document(twin, doc), same_as=twin,
                            same_action="replaced", warnings=doc.warnings)
    kept, _ = lib.add_document(doc, same_as=twin)
    return ImportResult(str(path), document=kept, same_as=twin, same_action="kept both",
                        warnings=doc.warnings)


def import_files(
    lib: Store,
    paths: Iterable[str | Path],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    revisions: str = "accept",
    same: Same | str = Same.SKIP,
) -> list[ImportResult]:
    """Import each file; one failure does not stop the others."""
    paths = list(paths)
    results = []
    for i, path in enumerate(paths):
        if cancelled and cancelled():
            break
        if progress:
            progress(i, len(paths), Path(path).name)
        try:
            results.append(import_file(lib, path, revisions, same, cancelled))
        except ImportCancelled:
            break  # stopped inside this file: nothing of it was stored
    if progress:
        progress(len(results), len(paths), "")
    return results


def same_document(lib: Store, doc: Document) -> int | None:
    """The stored document `doc` is another copy of (the PDF of an imported Word file), by
    content: the same labels in the same order, nine in ten numbered segments word for word
    the same (letters and digits compared, so spacing, quotes and hyphens do not count) and
    nearly all the rest close, whatever the file name. None if there is none."""
    from rapidfuzz import fuzz

    mine = {s.label: _plain(s.text) for s in doc.segments if s.label}
    if len(mine) < 2:
        return None
    for doc_id in lib.documents_shaped(doc.shape):
        theirs = {s.label: _plain(s.text) for s in lib.get_document(doc_id).segments if s.label}
        if doc.meeting_date and (stored := lib.get_document(doc_id)).meeting_date \
                and stored.meeting_date != doc.meeting_date:
            continue
        exact = sum(1 for label, text in mine.items() if theirs.get(label) == text)
        close = sum(1 for label, text in mine.items()
                    if label in theirs and fuzz.ratio(text, theirs[label], score_cutoff=95))
        # Another extraction of one text differs in a few words (a hyphen, a footnote mark);
        # next year's conclusions, or a redraft, differ in many paragraphs.
        if exact >= 0.9 * len(mine) and close >= 0.98 * max(len(mine), len(theirs)):
            return doc_id
    return None


def _plain(text: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def delete_document(lib: Store, ref: str) -> Document:
    """Delete the document a REF names (its whole text); returns what was deleted."""
    doc = refs.resolve(lib, ref.partition(":")[0] if not ref.startswith("draft:") else ref).document
    if doc.id is None:
        raise ConcordError(f"{ref!r} is a draft; delete drafts with `concord draft delete`")
    lib.delete_document(doc.id)
    return doc


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def edit_document(lib: Store, ref: str, **fields: str) -> Document:
    """Correct a stored document's metadata: situation, meeting_date, symbol, report_symbol,
    kind, meeting_number, title. A bad value is a one-line error and changes nothing."""
    doc = refs.resolve(lib, ref.partition(":")[0]).document
    assert doc.id is not None
    clean = {k: v.strip() for k, v in fields.items() if v is not None}
    if "kind" in clean:
        kind = clean.pop("kind")
        if kind not in DocKind._value2member_map_:
            raise ConcordError(f"{kind!r} is not a kind (one of: {', '.join(k.value for k in DocKind)})")
        clean["doc_kind"] = kind
    date = clean.get("meeting_date", "")
    if date:
        if not _ISO_DATE.match(date):
            raise ConcordError(f"{date!r} is not a date as YYYY-MM-DD, e.g. 2020-11-20")
        try:
            datetime.date.fromisoformat(date)
        except ValueError:
            raise ConcordError(f"{date!r} is not a real date") from None
    if "title" in clean and not clean["title"]:
        raise ConcordError("a document needs a title")
    if not clean:
        raise ConcordError("nothing to change: give --situation, --date, --symbol, --report-symbol, --kind or --title")
    return lib.update_metadata(doc.id, **clean)


def resolve_ref(lib: Store, ref: str) -> Passage:
    """`1`, `S/AC.51/2020/11`, `1:7`, `1:5(n)..5(v)`, `1:annex-3`, `draft:2@1` -> a `Passage`."""
    return refs.resolve(lib, ref)


def search(lib: Store, query: str, limit: int = 50) -> list[SearchHit]:
    return lib.search(query, limit)
