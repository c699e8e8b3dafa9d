"""Read a file of any supported format into a structured `Document`."""

from __future__ import annotations

from pathlib import Path

from app.errors import ImportRefused
from app.model import Document
from app.parse.decode import looks_binary
from app.parse.structure import RawLine, build_document
from app.parse.text import read_text, text_lines

# Conclusions are tens of kilobytes; a text file this big is not one and is refused
# before it is read, so memory stays bounded whatever arrives.
MAX_TEXT_BYTES = 10 * 1024 * 1024

__all__ = ["MAX_TEXT_BYTES", "RawLine", "build_document", "parse_file", "parse_text"]


def parse_text(text: str, file: str = "<text>") -> Document:
    """Parse text already in memory (e.g. pasted by the user)."""
    return build_document(text_lines(text.replace("\r\n", "\n")), file)


def sniff(head: bytes) -> str:
    """The format of a file from its first bytes: 'pdf', 'zip', 'ole', 'text' or 'binary'."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if looks_binary(head):
        return "binary"
    return "text"


def parse_file(path: str | Path) -> Document:
    """Read `path`, deciding the format from its content rather than its name."""
    p = Path(path)
    name = p.name
    try:
        size = p.stat().st_size
        if not p.is_file():
            raise ImportRefused(name, "not a regular file")
        with p.open("rb") as f:
            head = f.read(8192)
    except OSError as e:
        raise ImportRefused(name, f"cannot be read ({e.strerror or e})") from e
    if size == 0:
        raise ImportRefused(name, "the file is empty")
    kind = sniff(head)
    if kind == "pdf":
        from app.parse import pdf

        return pdf.read_pdf(p)
    if kind == "zip":
        from app.parse import docx

        return docx.read_docx(p)
    if kind == "ole":
        raise ImportRefused(name, "a legacy Word 97-2003 (.doc) file; save it as .docx and import that")
    if kind == "binary":
        raise ImportRefused(name, "not a document Concord can read (binary data of unknown format)")
    if size > MAX_TEXT_BYTES:
        raise ImportRefused(
            name, f"text file of {size // (1024 * 1024)} MB is over the {MAX_TEXT_BYTES // (1024 * 1024)} MB limit"
        )
    return build_document(read_text(p.read_bytes(), name), name)
