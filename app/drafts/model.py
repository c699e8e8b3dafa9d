"""Drafts as values: a draft's metadata, its saved versions and the working copy."""

from __future__ import annotations

from dataclasses import dataclass

from app.errors import ConcordError
from app.model import Document, Segment


class EditRefused(ConcordError):
    """A structural edit that would break the numbering (indenting the first paragraph, ...)."""


@dataclass(frozen=True, slots=True)
class VersionInfo:
    """A saved round of negotiation, without its text: number 1, 2, ... and its name."""

    number: int
    name: str
    saved_at: str


@dataclass(frozen=True, slots=True)
class DraftVersion:
    """One immutable version of a draft: a full list of segments, like an imported document."""

    draft_id: int
    number: int
    name: str
    saved_at: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class Draft:
    """A draft with its working copy (the unsaved head) and the list of its versions."""

    id: int
    title: str
    situation: str
    created_at: str
    updated_at: str
    head: tuple[Segment, ...]
    head_saved_at: str
    versions: tuple[VersionInfo, ...] = ()

    def version_info(self, number: int) -> VersionInfo:
        for v in self.versions:
            if v.number == number:
                return v
        raise KeyError(number)

    def as_document(self, segments: tuple[Segment, ...] | None = None, suffix: str = "") -> Document:
        """A draft (or one of its versions) as an unstored `Document`, for compare and export."""
        title = f"{self.title} ({suffix})" if suffix else self.title
        return Document(title=title, segments=self.head if segments is None else segments,
                        situation=self.situation)


@dataclass(frozen=True, slots=True)
class DraftSummary:
    """A row of the draft list."""

    id: int
    title: str
    situation: str
    updated_at: str
    versions: int
    last_version: str
