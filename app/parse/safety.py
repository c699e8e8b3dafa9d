"""Limits that keep a hostile Word file from exhausting memory or reading local files.

A .docx is a ZIP of XML parts. Before any XML parser sees it we check, from the ZIP's own
directory, how much each part claims to expand to and by what ratio (a "zip bomb" of 1 MB
can declare gigabytes), then read each part with a hard cap in case a claim lies, and refuse
any part with a DOCTYPE: Word never writes one, and a DOCTYPE is how external entities
(reading `/etc/passwd` into the document) and entity expansion ("billion laughs") arrive.
"""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from dataclasses import dataclass

from lxml import etree

from app.errors import ImportRefused

MB = 1024 * 1024
# Conclusions are a few hundred kilobytes as .docx, even with a letterhead image.
MAX_FILE_BYTES = 50 * MB
MAX_ENTRIES = 2000
MAX_TOTAL_UNCOMPRESSED = 200 * MB
MAX_PART_UNCOMPRESSED = 100 * MB
# Word's XML compresses 5-20 times; a part that claims far more is a bomb.
MAX_RATIO = 200
RATIO_APPLIES_ABOVE = 1 * MB

_DTD_MARKS = tuple(
    mark.encode(enc)
    for mark in ("<!DOCTYPE", "<!ENTITY")
    for enc in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
)


def describe(e: BaseException, width: int = 160) -> str:
    """An exception as one short line for a refusal message.

    Library errors may carry newlines, megabytes of a hostile file's content, or objects
    whose `repr` itself recurses past the limit (a PDF array nested 100,000 deep).
    """
    try:
        text = " ".join(str(e).split())
    except Exception:  # noqa: BLE001 - RecursionError, MemoryError, a broken __str__
        text = ""
    if len(text) > width:
        text = text[: width - 3] + "..."
    return f"{type(e).__name__}: {text}" if text else type(e).__name__


def hardened_parser() -> etree.XMLParser:
    """An lxml parser that loads no DTD, expands no entity and fetches nothing."""
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, dtd_validation=False
    )


@dataclass(frozen=True, slots=True)
class CheckedZip:
    """A ZIP whose directory passed the limits, with the bytes it was read from."""

    data: bytes
    names: frozenset[str]


def read_capped(path: str, file: str, limit: int, what: str) -> bytes:
    """Read at most `limit` bytes of `path`; a longer file is refused, never truncated."""
    try:
        with open(path, "rb") as f:
            # read(n) reserves n bytes before reading: ask for no more than the file holds.
            size = os.fstat(f.fileno()).st_size
            data = f.read(min(size, limit) + 1)
    except OSError as e:
        raise ImportRefused(file, f"cannot be read ({e.strerror or e})") from e
    if len(data) > limit:
        raise ImportRefused(file, f"{what} is larger than the {limit // MB} MB limit; refused")
    return data


def check_zip(data: bytes, file: str) -> CheckedZip:
    """Check a ZIP's directory against the limits before anything is decompressed."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as e:
        raise ImportRefused(file, f"damaged or truncated Word file ({e})") from e
    if len(infos) > MAX_ENTRIES:
        raise ImportRefused(file, f"the archive has {len(infos)} parts (limit {MAX_ENTRIES}); refused")
    seen: set[str] = set()
    total = 0
    for info in infos:
        _check_name(info.filename, file)
        if info.filename.lower() in seen:
            # Readers disagree on which copy counts (Python's zipfile takes the last, others
            # the first), so what we check need not be what another program shows.
            raise ImportRefused(file, f"the archive has two parts named {_shown(info.filename)}; refused")
        seen.add(info.filename.lower())
        if info.flag_bits & 0x1:
            raise ImportRefused(file, f"part {info.filename} is encrypted; refused")
        size = info.file_size
        total += size
        if size > MAX_PART_UNCOMPRESSED:
            raise ImportRefused(
                file,
                f"part {info.filename} expands to {size // MB} MB (limit {MAX_PART_UNCOMPRESSED // MB} MB); "
                "refused as a possible zip bomb",
            )
        if size > RATIO_APPLIES_ABOVE and size > MAX_RATIO * max(info.compress_size, 1):
            raise ImportRefused(
                file,
                f"part {info.filename} expands {size // max(info.compress_size, 1)} times "
                f"(limit {MAX_RATIO}); refused as a possible zip bomb",
            )
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise ImportRefused(
            file,
            f"the document expands to {total // MB} MB (limit {MAX_TOTAL_UNCOMPRESSED // MB} MB); "
            "refused as a possible zip bomb",
        )
    return CheckedZip(data, frozenset(i.filename for i in infos))


def _shown(name: str) -> str:
    return repr(name[:80]) if not name.isprintable() or len(name) > 80 else name


def _check_name(name: str, file: str) -> None:
    """Refuse part names no Word file has: `..`, absolute paths, drive letters, backslashes
    and control characters. Nothing is ever extracted to disk, but such a name is a sign of
    a file crafted to escape a folder, and its meaning differs between readers."""
    segments = name.split("/")
    if (
        name.startswith("/")
        or "\\" in name
        or ".." in segments
        or (len(name) > 1 and name[1] == ":")
        or any(ord(c) < 32 for c in name)
    ):
        raise ImportRefused(file, f"the archive has a part named {_shown(name)} outside the document; refused")


_CHUNK = 1 * MB


def unpack(checked: CheckedZip, file: str) -> dict[str, bytes]:
    """Every part's bytes, read in small steps so that no part, whatever its header says,
    is inflated past its declared size.

    Python's zipfile stops at the declared size, but `ZipFile.read` first inflates all of a
    part's compressed data in one call: a part declaring 2 KB whose data inflates to 1 GB
    would be held whole. Reading step by step keeps every step small, and a part that does
    not end where it says (or whose checksum is wrong) is refused as damaged.
    """
    parts: dict[str, bytes] = {}
    total = 0
    with zipfile.ZipFile(io.BytesIO(checked.data)) as zf:
        for info in zf.infolist():
            name = info.filename
            chunks: list[bytes] = []
            try:
                with zf.open(info) as f:
                    while chunk := f.read(_CHUNK):
                        chunks.append(chunk)
                        total += len(chunk)
                        if total > MAX_TOTAL_UNCOMPRESSED or sum(map(len, chunks)) > MAX_PART_UNCOMPRESSED:
                            raise ImportRefused(file, f"part {name} expands past its limit; refused as a possible zip bomb")
            except (zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error) as e:
                raise ImportRefused(file, f"damaged or truncated Word file (part {name}: {describe(e)})") from e
            except NotImplementedError as e:
                raise ImportRefused(file, f"part {name} uses a compression Concord cannot read ({describe(e)})") from e
            parts[name] = b"".join(chunks)
    return parts


def repack(parts: dict[str, bytes]) -> bytes:
    """The checked parts as a new, uncompressed ZIP: what python-docx is given to read, so
    it never inflates the original's data itself."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()


_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def _xml_part_names(parts: dict[str, bytes], file: str) -> list[str]:
    """Parts an XML parser will read: by extension, and by the package's declared content
    types, so a part named `document.bin` but declared as XML is checked too."""
    names = {n for n in parts if n.lower().endswith((".xml", ".rels"))}
    if "[Content_Types].xml" not in parts:
        raise ImportRefused(file, "damaged Word file: its list of parts ([Content_Types].xml) is missing")
    ct = _parse_checked("[Content_Types].xml", parts["[Content_Types].xml"], file)
    defaults = {
        (d.get("Extension") or "").lower(): d.get("ContentType") or "" for d in ct.iter(f"{_CT_NS}Default")
    }
    # Part names are case-insensitive (python-docx looks them up so): "/WORD/DOC.BIN"
    # declares the content type of "word/doc.bin".
    overrides = {
        (o.get("PartName") or "").lstrip("/").lower(): o.get("ContentType") or ""
        for o in ct.iter(f"{_CT_NS}Override")
    }
    for n in parts:
        kind = overrides.get(n.lower()) or defaults.get(n.rsplit(".", 1)[-1].lower(), "")
        kind = kind.strip().lower()
        if kind.endswith("xml") and not kind.startswith("image/"):
            names.add(n)
    return sorted(names)


_OPC_ENCODINGS = {"UTF-8", "UTF8", "UTF-16", "UTF-16LE", "UTF-16BE"}


def _parse_checked(name: str, blob: bytes, file: str) -> etree._Element:
    if any(mark in blob for mark in _DTD_MARKS):
        raise ImportRefused(
            file, f"part {name} contains a DOCTYPE or entity declaration; refused (Word never writes one)"
        )
    try:
        root = etree.fromstring(blob, hardened_parser())
    except etree.XMLSyntaxError as e:
        reason = describe(e).removeprefix("XMLSyntaxError: ")
        raise ImportRefused(file, f"damaged Word file: part {name} is not well-formed XML ({reason})") from e
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:
        raise ImportRefused(file, f"part {name} contains a DOCTYPE; refused")
    encoding = (info.encoding or "UTF-8").upper().replace("_", "-")
    if encoding not in _OPC_ENCODINGS:
        # The package format allows only UTF-8 and UTF-16; another declared encoding is a
        # mislabelled part (mojibake) or a way around the DOCTYPE scan above (EBCDIC, UTF-7).
        raise ImportRefused(
            file, f"part {name} is declared as {encoding[:40]}; a Word file's XML is UTF-8 or UTF-16"
        )
    return root


def check_xml_parts(parts: dict[str, bytes], file: str) -> None:
    """Parse every XML part, refusing DTDs and anything that is not well-formed XML."""
    for name in _xml_part_names(parts, file):
        _parse_checked(name, parts[name], file)
