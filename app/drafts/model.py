"""Drafts as values: the records live in `app.model` (the store returns them); the edit error here."""

from __future__ import annotations

from app.errors import ConcordError
from app.model import Draft, DraftSummary, DraftVersion, VersionInfo

__all__ = ["Draft", "DraftSummary", "DraftVersion", "EditRefused", "VersionInfo"]


class EditRefused(ConcordError):
    """A structural edit that would break the numbering (indenting the first paragraph, ...)."""
