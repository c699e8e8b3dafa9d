"""Read a file of any supported format into a structured `Document`.

The format is decided from the file's content, never from its name alone: a PDF named
`.docx` is read as PDF, a UTF-16 `.txt` as text, and a format Concord does not read (an
image, a spreadsheet, a legacy .doc) is refused with its name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Literal

from app.errors import ImportRefused
from app.model import Document
from app.parse.conventions import ENGLISH, Conventions
from app.parse.decode import decode_text_noted, looks_binary
from app.parse.structure import RawLine, build_document
from app.parse.text import text_layout

# Conclusions are tens of kilobytes; a text file this big is not one and is refused
# before it is read, so memory stays bounded whatever arrives.
MAX_TEXT_BYTES = 10 * 1024 * 1024

__all__ = ["ENGLISH", "MAX_TEXT_BYTES", "Conventions", "RawLine", "build_document", "parse_file", "parse_text",
           "sniff"]
Cancelled = Callable[[], bool]

# Binary formats recognised only to be refused by name: (signature, name).
_FOREIGN = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"MZ", "a Windows program"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_OFFICE = "EncryptionInfo".encode("utf-16-le")


def sniff(head: bytes) -> str:
    """The format of a file from its first bytes: 'pdf', 'zip', 'ole', 'text', 'binary',
    or the name of a foreign format ("a PNG image")."""
    if head.lstrip(b"\x00\t\r\n ")[:5] == b"%PDF-" or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if head.startswith(_OLE):
        return "ole"
    if looks_binary(head):
        return next((name for signature, name in _FOREIGN if head.startswith(signature)), "binary")
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:64].lower()
    if start.startswith(b"{\\rtf"):
        return "a Rich Text Format (.rtf) file; save it as .docx and import that"
    if start.startswith((b"<!doctype html", b"<html")):
        return "an HTML page; save it as .docx or text and import that"
    return "text"


def parse_text(text: str, file: str = "<text>", *, conventions: Conventions = ENGLISH) -> Document:
    """Parse text already in memory (e.g. pasted by the user)."""
    lines, extracted = text_layout(text.replace("\r\n", "\n"))
    return build_document(lines, file, conventions=conventions, repair=extracted)


def parse_file(
    path: str | Path,
    revisions: Literal["accept", "reject"] = "accept",
    *,
    conventions: Conventions = ENGLISH,
    cancelled: Cancelled | None = None,
) -> Document:
    """Read `path`, deciding the format from its content rather than its name.

    `revisions` chooses how a Word file's tracked changes read: all accepted (the default)
    or all rejected. `conventions` are the language's words (English unless told);
    `cancelled`, when given, is asked between pages and inside long work, and the import
    stops with `ImportCancelled` once it returns True. Every failure is an `ImportRefused`
    naming the file and the reason.
    """
    doc = _parse_file(Path(path), revisions, conventions, cancelled)
    if not doc.segments:
        # Nothing a drafter could cite: whitespace, or only page furniture.
        raise ImportRefused(Path(path).name, "the document contains no text")
    return doc


def _parse_file(p: Path, revisions: Literal["accept", "reject"], conventions: Conventions,
                cancelled: Cancelled | None) -> Document:
    name = p.name
    try:
        if not p.is_file():
            raise ImportRefused(name, "not a regular file" if p.exists() else "no such file")
        size = p.stat().st_size
        with p.open("rb") as f:
            head = f.read(8192)
    except OSError as e:
        raise ImportRefused(name, f"cannot be read ({e.strerror or e})") from e
    if size == 0:
        raise ImportRefused(name, "the file is empty")
    kind = sniff(head)
    if kind == "pdf":
        from app.parse.pdf import read_pdf

        return read_pdf(p, conventions=conventions, cancelled=cancelled)
    if kind == "zip":
        from app.parse.docx import read_docx

        return read_docx(p, revisions=revisions, conventions=conventions, cancelled=cancelled)
    if kind == "ole":
        raise ImportRefused(name, _ole_reason(p))
    if kind == "binary":
        raise ImportRefused(name, "not a document Concord can read (binary data of unknown format)")
    if kind != "text":
        raise ImportRefused(name, kind if ";" in kind else f"{kind}, not a document Concord can read")
    if size > MAX_TEXT_BYTES:
        raise ImportRefused(
            name, f"text file of {size / (1024 * 1024):.1f} MB is over the {MAX_TEXT_BYTES // (1024 * 1024)} MB limit"
        )
    text, notes = decode_text_noted(p.read_bytes(), name)
    lines, extracted = text_layout(text)
    doc = build_document(lines, name, conventions=conventions, repair=extracted, cancelled=cancelled)
    return replace(doc, warnings=tuple(notes) + doc.warnings) if notes else doc


def _ole_reason(p: Path) -> str:
    """A password-protected .docx is an OLE container too; tell it from a legacy .doc."""
    try:
        with p.open("rb") as f:
            data = f.read(2 * 1024 * 1024)
    except OSError:
        data = b""
    if _ENCRYPTED_OFFICE in data:
        return "a password-protected Word file; remove the password in Word and import it again"
    return "a legacy Word 97-2003 (.doc) file; save it as .docx and import that"
