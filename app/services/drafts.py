"""Drafting use cases: start a draft, autosave it, save versions, import returned texts."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from app import refs
from app.compare.model import Comparison
from app.drafts import (
    Draft,
    DraftSummary,
    Replacement,
    ReplacementHit,
    plan_replacements,
    renumber,
    skeleton,
)
from app.drafts.replace import apply_and_mark, replace_in_text
from app.errors import ConcordError, DraftConflict
from app.model import Document, Passage, Segment
from app.parse import parse_file
from app.services.compare import compare_passages
from app.services.export import export_passage_docx, export_redline_docx
from app.store import Store


@dataclass(frozen=True, slots=True)
class DraftSource:
    """What a new draft starts from, before and after the replace step."""

    title: str
    situation: str
    segments: tuple[Segment, ...]
    hits: tuple[ReplacementHit, ...] = ()


def draft_source(lib: Store, from_ref: str | None = None,
                 replacements: Sequence[Replacement] = (), situation: str | None = None) -> DraftSource:
    """The text a new draft would start from, with the replace step planned (not yet applied).

    No REF gives the blank skeleton; a REF is a document, a range (`1:5(n)..5(v)`) or a
    draft version (`draft:2@1`).
    """
    if from_ref is None:
        segs = skeleton(situation or "")
        return DraftSource("Conclusions on children and armed conflict", situation or "", segs)
    passage = _resolve(lib, from_ref)
    segs = renumber(passage.segments)
    hits = tuple(plan_replacements(segs, replacements))
    where = passage.document.situation
    new_situation = situation if situation is not None else replace_in_text(where, replacements)
    return DraftSource(passage.document.title, new_situation, segs, hits)


def _resolve(lib: Store, ref: str) -> Passage:
    return refs.resolve(lib, ref)


def new_draft(lib: Store, title: str, from_ref: str | None = None,
              replacements: Sequence[Replacement] = (), situation: str | None = None) -> Draft:
    """Create a draft from the skeleton, a library REF or a draft version, replacements applied."""
    return create_draft(lib, title, draft_source(lib, from_ref, replacements, situation), replacements)


def create_draft(lib: Store, title: str, source: DraftSource,
                 replacements: Sequence[Replacement] = (),
                 accepted: Collection[tuple[int, int]] = ()) -> Draft:
    """Create a draft from a `draft_source` already planned (and perhaps shown to the drafter).

    Held occurrences (a sentence citing a symbol, a date, a mission, an agreement) stay as
    they were unless their key is in `accepted`; every replaced and held place is kept as a
    review mark on the new draft until the drafter has looked at it.
    """
    if not title.strip():
        raise ConcordError("a draft needs a title")
    hits = source.hits if source.hits or not replacements else tuple(plan_replacements(source.segments, replacements))
    replace = [h for h in hits if not h.held or h.key in accepted]
    hold = [h for h in hits if h.held and h.key not in accepted]
    segs, marks = apply_and_mark(source.segments, replace, hold)
    draft_id = lib.create_draft(title.strip(), source.situation, segs)
    if marks:
        lib.set_review_marks(draft_id, marks)
    return lib.get_draft(draft_id)


def list_drafts(lib: Store) -> list[DraftSummary]:
    return lib.list_drafts()


def get_draft(lib: Store, draft_id: int) -> Draft:
    return lib.get_draft(draft_id)


def autosave(lib: Store, draft_id: int, segments: Sequence[Segment], base: int | None = None) -> str:
    """Store the working copy now (one transaction); returns when it was saved.

    `base` is the working copy's `head_revision` when it was read: if someone else saved
    the draft since, `DraftConflict` says who and carries their text, and nothing is written.
    """
    return lib.save_head(draft_id, segments, base)


@dataclass(frozen=True, slots=True)
class Saved:
    """An autosave's outcome: when, the revision the next save is based on, and what a person
    should know (someone else's text kept as a version), if anything."""

    when: str
    base: int
    note: str = ""


def autosave_keeping_both(lib: Store, draft_id: int, segments: Sequence[Segment], base: int) -> Saved:
    """Autosave a working copy edited from revision `base`; if someone saved the draft since,
    their text becomes a version of the draft (named for them) and this text the working
    copy: neither edit is lost, and the note says where theirs is."""
    note = ""
    for _ in range(5):  # another save may land between the two steps: start again
        try:
            when = lib.save_head(draft_id, segments, base)
            return Saved(when, base + 1, note)
        except DraftConflict as e:
            name = f"text saved by {e.saved_by or 'another user'} at {e.saved_at}"
            number = lib.save_version(draft_id, name, e.stored)
            note = f"{e.saved_by or 'Someone'} saved this draft meanwhile; their text is version {number}"
            base = e.revision + 1
    raise ConcordError(f"draft {draft_id} keeps being saved by others; try again in a moment")


def save_version(lib: Store, draft_id: int, name: str) -> int:
    """Freeze the working copy as the next version, named for the round ("rev.1")."""
    if not name.strip():
        raise ConcordError("a version needs a name, such as 'zero draft' or 'rev.1'")
    return lib.save_version(draft_id, name.strip())


def import_draft(lib: Store, path: str | Path, into: int | None = None) -> tuple[Draft, int]:
    """A Word (or text, PDF) file as a new draft, or as the next version of draft `into`.

    A text returned by another delegation becomes a version named after its file and also
    the working copy, so the drafter continues from it. Returns the draft and version number.
    """
    doc = parse_file(path)
    segs = renumber(doc.segments)
    name = Path(path).name
    if into is None:
        draft_id = lib.create_draft(doc.title, doc.situation, segs, first_version=name)
        return lib.get_draft(draft_id), 1
    number = lib.save_version(into, name, segs)
    return lib.get_draft(into), number


def draft_document(lib: Store, draft_id: int, version: str | int | None = None) -> Document:
    """The working copy or a version as an unstored `Document` titled "Title (rev.1)"."""
    return refs.draft_document(lib, draft_id, version)


def resolve_draft_ref(lib: Store, ref: str) -> Passage:
    """`draft:ID` (working copy), `draft:ID@VERSION`, optionally `:LABEL[..LABEL]` -> Passage."""
    return refs.resolve_draft_ref(lib, ref)


def compare_versions(lib: Store, draft_id: int, left: str | int, right: str | int | None = None) -> Comparison:
    """Compare two versions of a draft (`right` None: the working copy)."""
    left_ref = f"draft:{draft_id}@{left}"
    right_ref = f"draft:{draft_id}" if right is None else f"draft:{draft_id}@{right}"
    return compare_passages(resolve_draft_ref(lib, left_ref), resolve_draft_ref(lib, right_ref))


def history(lib: Store, draft_id: int) -> list[Comparison]:
    """The default view of a draft's history: each version against the one before it."""
    draft = lib.get_draft(draft_id)
    numbers = [v.number for v in draft.versions]
    return [compare_versions(lib, draft_id, a, b) for a, b in zip(numbers, numbers[1:], strict=False)]


def export_draft(
    lib: Store,
    draft_id: int,
    out: str | Path,
    version: int | None = None,
    against: str | None = None,
    mode: str = "track",
    author: str | None = None,
) -> Path:
    """Write a draft's working copy (`version=None`) or a version to Word.

    Without `against`, in the layout of conclusions; with it (a REF such as `draft:3@1` or
    `1:5(n)..5(v)`), as a redline of the draft against that text.
    """
    ref = f"draft:{draft_id}" if version is None else f"draft:{draft_id}@{version}"
    text = refs.resolve(lib, ref)
    if against is None:
        return export_passage_docx(text, out)
    comparison = compare_passages(refs.resolve(lib, against), text)
    return export_redline_docx(comparison, out, mode=mode, author=author or draft_author(lib, draft_id, version))


def draft_author(lib: Store, draft_id: int, version: int | None = None) -> str | None:
    """Who last saved the working copy (or saved `version`): a redline's tracked-change author."""
    if version is None:
        return lib.get_draft(draft_id).head_saved_by or None
    return lib.get_version(draft_id, version).saved_by or None


def author_of(lib: Store, ref: str) -> str | None:
    """The author of a draft's text named by a REF (`draft:3`, `draft:3@2`); None otherwise."""
    if not ref.startswith("draft:"):
        return None
    origin = refs.resolve_draft_ref(lib, ref).origin
    if origin.draft_id is None:
        return None
    return draft_author(lib, origin.draft_id, origin.version)
