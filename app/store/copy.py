"""Copying a whole library between stores (SQLite to PostgreSQL and back), and checking it.

The copy keeps ids (so `1:5(n)` names the same passage in both), dates and authors, and
is written in one transaction. It is then verified: the same counts, every document and
draft equal field by field, and full-text search finding the same segments in both for a
sample of phrases taken from the library's own text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from app.errors import LibraryError
from app.model import Draft, DraftVersion
from app.store.base import Store

MAX_PROBES = 200
Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class CopyReport:
    documents: int
    segments: int
    drafts: int
    versions: int
    probes: int  # search phrases tried on both libraries
    same_results: int  # of which both gave the same segments

    def lines(self) -> list[str]:
        return [
            f"copied {self.documents} documents ({self.segments} segments), "
            f"{self.drafts} drafts ({self.versions} versions)",
            f"verified: counts, every document's text and fields, every draft and version; "
            f"search: {self.same_results} of {self.probes} phrases find the same segments in both",
        ]


def _drafts(store: Store) -> list[tuple[Draft, list[DraftVersion]]]:
    drafts = [store.get_draft(s.id) for s in store.list_drafts()]
    return [(d, [store.get_version(d.id, v.number) for v in d.versions]) for d in drafts]


def copy_library(source: Store, dest: Store, progress: Progress | None = None) -> CopyReport:
    """Copy everything in `source` into the empty `dest`, then `verify` the copy."""
    say = progress or (lambda _: None)
    if dest.counts()["documents"] or dest.list_drafts():
        raise LibraryError(f"{dest.location}: the library is not empty; copy into a new one")
    documents = [source.get_document(d.id) for d in source.list_documents()]
    drafts = _drafts(source)
    say(f"read {len(documents)} documents and {len(drafts)} drafts from {source.location}")
    same_as = {d.id: d.same_as for d in source.list_documents() if d.same_as is not None}
    dest.restore(documents, drafts, same_as)
    for draft, _ in drafts:
        marks = source.review_marks(draft.id)
        if marks:
            dest.set_review_marks(draft.id, marks)
    say(f"written to {dest.location}; verifying")
    return verify(source, dest)


def probes(store: Store) -> list[tuple[str, tuple[int, int]]]:
    """Phrases of up to four words from segments across the library, with where each is from."""
    segments = store.all_segments()
    step = max(1, len(segments) // MAX_PROBES)
    out = []
    for doc_id, position, seg in segments[::step]:
        words = re.findall(r"\w+", seg.text)
        if len(words) < 2:
            continue
        middle = max(0, len(words) // 2 - 2)
        out.append(('"' + " ".join(words[middle:middle + 4]) + '"', (doc_id, position)))
    return out


def verify(source: Store, dest: Store) -> CopyReport:
    """Raise `LibraryError` naming the first difference; otherwise say what was checked."""
    where = f"{dest.location}: the copy differs from {source.location}"
    counts = source.counts()
    if dest.counts() != counts:
        raise LibraryError(f"{where}: {dest.counts()} against {counts}")
    for summary in source.list_documents():
        theirs = source.get_document(summary.id)
        ours = dest.get_document(summary.id)
        if ours != theirs:
            field = next((f for f in theirs.__dataclass_fields__ if getattr(ours, f) != getattr(theirs, f)), "?")
            raise LibraryError(f"{where}: document {summary.id} ({field})")
    if dest.list_documents() != source.list_documents():  # copies (`same_as`) included
        raise LibraryError(f"{where}: the list of documents")
    drafts = _drafts(source)
    if _drafts(dest) != drafts or any(dest.review_marks(d.id) != source.review_marks(d.id) for d, _ in drafts):
        raise LibraryError(f"{where}: the drafts, their versions or review marks")
    same = 0
    tried = probes(source)
    for phrase, home in tried:
        a = {(h.document_id, h.position) for h in source.search(phrase, limit=1000)}
        b = {(h.document_id, h.position) for h in dest.search(phrase, limit=1000)}
        if home not in b:
            raise LibraryError(f"{where}: searching {phrase} does not find document {home[0]}, "
                               f"segment {home[1]} in the copy")
        same += a == b
    return CopyReport(counts["documents"], counts["segments"], len(drafts),
                      sum(len(v) for _, v in drafts), len(tried), same)
