"""Library use cases: open (and seed), import files, resolve references, search."""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

from platformdirs import user_data_dir

from app.errors import BadReference, ConcordError, ImportRefused, LibraryError, NotFound
from app.model import Document, ImportResult, Passage, SearchHit, Segment, label_sort_key
from app.resources import sample_files
from app.store import Library

Progress = Callable[[int, int, str], None]  # (done, total, current file name)


def default_library_path() -> Path:
    """CONCORD_DB if set, else the platform's user data directory."""
    env = os.environ.get("CONCORD_DB")
    if env:
        return Path(env)
    return Path(user_data_dir("Concord", appauthor=False)) / "library.sqlite"


def open_library(path: str | Path | None = None, *, seed: bool = False) -> Library:
    """Open (creating if needed) a library; `seed` fills an empty new one with the sample."""
    p = Path(path) if path is not None else default_library_path()
    if path is None:
        p.parent.mkdir(parents=True, exist_ok=True)
    elif str(p) != ":memory:" and not p.parent.is_dir():
        # A mistyped --db must not quietly create folders and an empty library.
        raise LibraryError(f"{p}: the folder {p.parent} does not exist")
    lib = Library(p)
    if seed and lib.counts()["documents"] == 0:
        import_files(lib, sample_files())
    return lib


def import_file(lib: Library, path: str | Path, revisions: str = "accept") -> ImportResult:
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
    lib: Library,
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


_REF_RE = re.compile(r"^(?P<doc>[^:]+?)(?::(?P<start>[^.]+?)(?:\.\.(?P<end>.+))?)?$")


def _descendants_end(segments: tuple[Segment, ...], index: int) -> int:
    """Index of the last segment belonging to the labelled segment at `index`.

    Paragraph 7 runs through 7(i); 5(a) through 5(a)(iii). Addressee lines inside it belong
    to it; the next numbered paragraph or heading ends it.
    """
    label = segments[index].label
    end = index
    for j in range(index + 1, len(segments)):
        s = segments[j]
        if s.label.startswith(label + "("):
            end = j
        elif s.label or s.kind.value == "heading":
            break
    return end


def passage_of(doc: Document, start: str = "", end: str = "", ref: str = "") -> Passage:
    """The segments of `doc` from label `start` through label `end` (each with its children)."""
    segs = doc.segments
    ref = ref or str(doc.id)
    if not start:
        return Passage(doc, segs, ref)
    index = {s.label: i for i, s in enumerate(segs) if s.label}
    for lab in (start, end):
        if lab and lab not in index:
            raise NotFound(f"{ref}: no paragraph labelled {lab!r} in document {doc.id}")
    i = index[start]
    j = index[end] if end else i
    if j < i:
        raise BadReference(f"{ref}: {end} comes before {start}")
    return Passage(doc, segs[i : _descendants_end(segs, j) + 1], ref, start, end or start)


def check_labels(ref: str, start: str | None, end: str | None) -> tuple[str, str]:
    """The two labels of a REF's range, stripped, or BadReference if one is not a label."""
    labels = ((start or "").strip(), (end or "").strip())
    for lab in labels:
        if lab:
            try:
                label_sort_key(lab)
            except ValueError:
                raise BadReference(f"{ref!r}: {lab!r} is not a label such as 5, 5(n) or annex-3") from None
    return labels


def resolve_ref(lib: Library, ref: str) -> Passage:
    """`1`, `S/AC.51/2020/11`, `1:7`, `1:5(n)..5(v)`, `1:annex-3` -> a `Passage`."""
    if ref.strip().startswith("draft:"):
        from app.services.drafts import resolve_draft_ref

        return resolve_draft_ref(lib, ref.strip())
    m = _REF_RE.match(ref.strip())
    if not m:
        raise BadReference(f"{ref!r} is not a reference (expected DOC, DOC:LABEL or DOC:LABEL..LABEL)")
    start, end = check_labels(ref, m.group("start"), m.group("end"))
    doc = lib.find_document(m.group("doc"))
    return passage_of(doc, start, end, ref)


def search(lib: Library, query: str, limit: int = 50) -> list[SearchHit]:
    return lib.search(query, limit)
