"""Turn the bytes of a text file into text: BOMs, UTF-16 without BOM, UTF-8, Windows-1252."""

from __future__ import annotations

import codecs
import re

from app.errors import ImportRefused


def _cp1252_byte(e: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read the one undecodable byte as Windows-1252."""
    if not isinstance(e, UnicodeDecodeError):
        raise e
    byte = e.object[e.start : e.start + 1]
    return byte.decode("cp1252", errors="replace"), e.start + 1


codecs.register_error("concord-cp1252", _cp1252_byte)


def decode_text(data: bytes, file: str) -> str:
    """Decode `data`; see `decode_text_noted`."""
    return decode_text_noted(data, file)[0]


def decode_text_noted(data: bytes, file: str) -> tuple[str, list[str]]:
    """Decode `data`, trying what the bytes say first, then UTF-8, then Windows-1252, with
    warnings for the person importing.

    A file that is UTF-8 except for some bytes (a paragraph pasted from an older file) is
    read byte by byte: UTF-8 where it is valid, Windows-1252 elsewhere, so neither part
    turns into mojibake. Line ends are normalised to "\\n". NUL bytes in what claims to be
    text mean the file is binary (or a UTF-16 file we could not recognise) and are refused
    rather than stored.
    """
    notes: list[str] = []
    text: str | None = None
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as e:
                raise ImportRefused(file, f"not valid {encoding.upper()} text ({e.reason})") from e
            break
    if text is None:
        utf16 = _sniff_utf16(data)
        if utf16:
            try:
                text = data.decode(utf16)
            except UnicodeDecodeError as e:
                raise ImportRefused(file, f"not valid {utf16.upper()} text ({e.reason})") from e
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("utf-8", errors="concord-cp1252")
            if not text.isascii() and _has_utf8_sequences(data):
                notes.append("mixed encodings: the bytes that are not UTF-8 were read as Windows-1252")
    if "\x00" in text:
        raise ImportRefused(file, "contains binary data (NUL bytes); not a text document")
    return text.replace("\r\n", "\n").replace("\r", "\n"), notes


def _has_utf8_sequences(data: bytes) -> bool:
    """True when `data` holds at least one valid multi-byte UTF-8 sequence."""
    return re.search(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}", data) is not None


def _sniff_utf16(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16 by its pattern of zero bytes in ASCII-heavy text."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    zeros_even = even.count(0) / len(even)
    zeros_odd = odd.count(0) / len(odd)
    if zeros_odd > 0.4 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.4 and zeros_odd < 0.05:
        return "utf-16-be"
    return None


def looks_binary(data: bytes) -> bool:
    """True when a sample of `data` is not text in any encoding we read."""
    sample = data[:8192]
    if not sample:
        return False
    if sample.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if _sniff_utf16(sample):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(sample) > 0.05
