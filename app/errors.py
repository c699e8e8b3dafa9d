"""Errors the core raises; the CLI prints them as one line, the GUI shows them in a dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.model import Segment


class ConcordError(Exception):
    """Base of every error a person should see as a message rather than a traceback."""


class ImportRefused(ConcordError):
    """A file could not be imported; the message names the file and the reason."""

    def __init__(self, file: str, reason: str) -> None:
        super().__init__(f"{file}: {reason}")
        self.file = file
        self.reason = reason


class NotFound(ConcordError):
    """A document, label or draft named by the user does not exist."""


class BadReference(ConcordError):
    """A REF such as `1:5(n)..5(v)` could not be understood."""


class LibraryError(ConcordError):
    """The library file cannot be opened or is damaged."""


class NotALibrary(LibraryError):
    """The file is another program's database (or not a database): it is left untouched."""


class LibraryReadOnly(LibraryError):
    """A write was asked of a library that can only be read (a read-only file or folder)."""


class LibraryFull(LibraryError):
    """The disk holding the library is full: nothing of the write was stored."""


class LibraryBusy(LibraryError):
    """Another program holds the library locked for longer than we wait."""


class LibraryUnreachable(LibraryError):
    """The library's server cannot be reached (network, server down); nothing was stored."""


class PasswordNeeded(LibraryError):
    """The library's server asks for a password that was not given or was wrong."""


class DraftConflict(ConcordError):
    """A working copy was saved by someone else since this one was read: saving it as it is
    would silently overwrite their edit. `stored` is their text, `saved_by` who saved it."""

    def __init__(self, message: str, *, draft_id: int, revision: int, saved_by: str,
                 saved_at: str, stored: tuple[Segment, ...] = ()) -> None:
        super().__init__(message)
        self.draft_id = draft_id
        self.revision = revision
        self.saved_by = saved_by
        self.saved_at = saved_at
        self.stored = stored


class SearchIndexDamaged(LibraryError):
    """The full-text index is missing or damaged; `concord repair` rebuilds it."""


class ExportError(ConcordError):
    """A file could not be written."""


class ImportCancelled(ImportRefused):
    """The person importing stopped the import (a `cancelled()` callback said so); nothing
    is stored. A subclass of `ImportRefused`, so every caller that reports refusals
    reports it too, as one line."""

    def __init__(self, file: str) -> None:
        super().__init__(file, "the import was cancelled")


class BadQuery(ConcordError):
    """A search that cannot be run as typed."""
