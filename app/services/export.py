"""Export use cases: a passage, a redline or a comparison report as a Word file."""

from __future__ import annotations

import getpass
from pathlib import Path

from app.compare.model import Comparison
from app.errors import ExportError
from app.export.atomic import write_atomic
from app.export.autonumber import AUTOMATIC, check_numbering
from app.export.document import passage_document
from app.export.redline import MODES, redline_document
from app.export.report import report_document
from app.model import Passage


def default_author() -> str:
    """The OS user name, which Word also uses when nobody set an author."""
    try:
        return getpass.getuser() or "Concord"
    except (KeyError, OSError):  # no user name in the environment or the password database
        return "Concord"


def _docx_path(out: str | Path) -> Path:
    path = Path(out).expanduser()
    if path.suffix.lower() != ".docx":
        raise ExportError(f"{path}: a Word file name must end in .docx")
    return path


def export_passage_docx(passage: Passage, out: str | Path, *, numbering: str = AUTOMATIC) -> Path:
    """Write a document or a range in the layout of published conclusions.

    `numbering` is "automatic" (Word's list numbers, the default) or "typed" (labels as text).
    """
    path = _docx_path(out)
    check_numbering(numbering)
    return write_atomic(path, passage_document(passage, numbering=numbering).save)


def export_redline_docx(
    comparison: Comparison, out: str | Path, mode: str = "track", author: str | None = None,
    *, numbering: str = AUTOMATIC,
) -> Path:
    """Write the right-hand text with every difference as a tracked change (or in bold).

    With automatic numbering (the default) only the real changes are revisions; labels
    that shift because a paragraph came or went are renumbered by Word itself.
    """
    path = _docx_path(out)
    if mode not in MODES:
        raise ExportError(f"unknown redline mode {mode!r} (expected one of: {', '.join(MODES)})")
    check_numbering(numbering)
    document = redline_document(comparison, mode, (author or "").strip() or default_author(),
                                numbering=numbering)
    return write_atomic(path, document.save)


def export_report_docx(comparison: Comparison, out: str | Path) -> Path:
    """Write a summary of the comparison followed by a side-by-side table."""
    path = _docx_path(out)
    return write_atomic(path, report_document(comparison).save)
