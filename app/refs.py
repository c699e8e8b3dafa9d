"""References: the one grammar for naming a passage, and resolving it against a store.

`1` (a document by id), `S/2020/1105` or `S/AC.51/2020/11` (by symbol), `1:7` (paragraph 7
with 7(a)..7(i)), `1:5(n)..5(v)` (an inclusive range), `1:annex-3`; `draft:2` (a draft's
working copy), `draft:2@rev.1` or `draft:2@1` (a version by name or number), each with an
optional `:LABEL[..LABEL]`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from app.errors import BadReference, NotFound
from app.labels import Label
from app.model import Document, Draft, Kind, Origin, Passage, Segment
from app.store.base import Store

_REF_RE = re.compile(r"^(?P<doc>[^:]+?)(?::(?P<start>[^.]+?)(?:\.\.(?P<end>.+))?)?$")
_DRAFT_REF_RE = re.compile(
    r"^draft:(?P<id>\d+)(?:@(?P<version>[^:]+))?(?::(?P<start>[^.]+?)(?:\.\.(?P<end>.+))?)?$"
)
# A REF has no spaces and names a label (`1:5(h)`, `draft:2@rev.1:5(h)`); anything else is a clause.
_REF_LIKE = re.compile(r"^\S+:\S+$")


def looks_like_ref(value: str) -> bool:
    """True for `1:5(h)` or `draft:2:5(h)`, False for a quoted clause."""
    return bool(_REF_LIKE.match(value.strip()))


def check_labels(ref: str, start: str | None, end: str | None) -> tuple[str, str]:
    """The two labels of a REF's range, stripped, or BadReference if one is not a label."""
    labels = ((start or "").strip(), (end or "").strip())
    for lab in labels:
        if lab and Label.read(lab) is None:
            raise BadReference(f"{ref!r}: {lab!r} is not a label such as 5, 5(n) or annex-3")
    return labels


def descendants_end(segments: tuple[Segment, ...], index: int) -> int:
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
        elif s.label or s.kind is Kind.HEADING:
            break
    return end


def passage_of(doc: Document, start: str = "", end: str = "", ref: str = "",
               origin: Origin | None = None) -> Passage:
    """The segments of `doc` from label `start` through label `end` (each with its children)."""
    segs = doc.segments
    ref = ref or str(doc.id)
    origin = origin or Origin(document_id=doc.id)
    if not start:
        return Passage(doc, segs, ref, origin=origin)
    index = {s.label: i for i, s in enumerate(segs) if s.label}
    for lab in (start, end):
        if lab and lab not in index:
            where = f"document {doc.id}" if doc.id is not None else doc.title
            raise NotFound(f"{ref}: no paragraph labelled {lab!r} in {where}")
    i = index[start]
    j = index[end] if end else i
    if j < i:
        raise BadReference(f"{ref}: {end} comes before {start}")
    return Passage(doc, segs[i : descendants_end(segs, j) + 1], ref, start, end or start,
                   origin=origin, offset=i)


def version_number(draft: Draft, key: str) -> int:
    """A version by number (`2`) or by name (`rev.1`)."""
    key = key.strip()
    if key.isdigit():
        number = int(key)
        if any(v.number == number for v in draft.versions):
            return number
        raise NotFound(f"draft {draft.id} has no version {number}")
    named = [v.number for v in draft.versions if v.name == key]
    if not named:
        raise NotFound(f"draft {draft.id} has no version named {key!r}")
    return named[-1]


def draft_document(store: Store, draft_id: int, version: str | int | None = None) -> Document:
    """The working copy or a version as an unstored `Document` titled "Title (rev.1)"."""
    return _draft_document(store, draft_id, version)[0]


def _draft_document(store: Store, draft_id: int, version: str | int | None) -> tuple[Document, int | None]:
    draft = store.get_draft(draft_id)
    if version is None:
        return draft.as_document(suffix="working copy"), None
    number = version_number(draft, str(version))
    v = store.get_version(draft_id, number)
    return draft.as_document(v.segments, v.name or f"version {number}"), number


def resolve_draft_ref(store: Store, ref: str) -> Passage:
    """`draft:ID` (working copy), `draft:ID@VERSION`, optionally `:LABEL[..LABEL]` -> Passage."""
    m = _DRAFT_REF_RE.match(ref.strip())
    if not m:
        raise BadReference(f"{ref!r} is not a draft reference (expected draft:ID or draft:ID@VERSION)")
    start, end = check_labels(ref, m.group("start"), m.group("end"))
    draft_id = int(m.group("id"))
    doc, number = _draft_document(store, draft_id, m.group("version"))
    origin = Origin(draft_id=draft_id, version=number)
    return passage_of(replace(doc, id=None), start, end, ref.strip(), origin)


def resolve(store: Store, ref: str) -> Passage:
    """`1`, `S/AC.51/2020/11`, `1:7`, `1:5(n)..5(v)`, `1:annex-3`, `draft:2@rev.1` -> a `Passage`."""
    if ref.strip().startswith("draft:"):
        return resolve_draft_ref(store, ref.strip())
    m = _REF_RE.match(ref.strip())
    if not m:
        raise BadReference(f"{ref!r} is not a reference (expected DOC, DOC:LABEL or DOC:LABEL..LABEL)")
    start, end = check_labels(ref, m.group("start"), m.group("end"))
    doc = store.find_document(m.group("doc"))
    return passage_of(doc, start, end, ref)
