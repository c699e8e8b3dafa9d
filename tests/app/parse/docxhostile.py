"""Hostile Word files built part by part: odd ZIP entries, lying sizes, external links and
includes, deep nesting, parts in other encodings."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from hostile import MB, W_NS
from wordgen import template_parts

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def zip_of(entries: list[tuple[str, bytes]], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A ZIP with exactly these entries, in order, duplicates and odd names included."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in entries:
            info = zipfile.ZipInfo(name)
            info.compress_type = compression
            zf.writestr(info, data)
    return buf.getvalue()


def docx_with(extra: list[tuple[str, bytes]] = (), replace: dict[str, bytes] | None = None,
              drop: tuple[str, ...] = ()) -> bytes:
    """The default Word document with parts replaced, dropped or added (after the rest)."""
    parts = template_parts()
    parts.update(replace or {})
    entries = [(n, d) for n, d in parts.items() if n not in drop]
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about duplicate names
        return zip_of(entries + list(extra))


def document(body: str, extra_ns: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"{extra_ns}><w:body>{body}<w:sectPr/></w:body></w:document>'
    ).encode()


def para(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


BODY = para("Conclusions on children and armed conflict in Testland") + para("1. The Working Group met.")


def with_rels(extra_rels: str, body: str = BODY) -> dict[str, bytes]:
    """document.xml with `body` and document.xml.rels with `extra_rels` added."""
    rels = template_parts()["word/_rels/document.xml.rels"].decode()
    return {
        "word/document.xml": document(body),
        "word/_rels/document.xml.rels": rels.replace("</Relationships>", extra_rels + "</Relationships>").encode(),
    }


def lying_size(declared: int, actual_megabytes: int, forge_crc: bool = False) -> bytes:
    """A Word file whose document part inflates to `actual_megabytes` MB of text while its
    ZIP directory and local header declare `declared` bytes; with `forge_crc` the checksum
    is that of the first `declared` bytes, so a reader that stops there finds no fault."""
    xml = document(para("1. " + "x" * 1000) * (actual_megabytes * 1000))
    data = docx_with(replace={"word/document.xml": xml})
    name = b"word/document.xml"
    out = bytearray(data)
    crc = zlib.crc32(xml[:declared])
    # Local file header: CRC at offset 14, uncompressed size at 22, name at 30; central
    # directory entry: CRC at 16, size at 24, name at 46. Rewrite those of the part.
    for sig, crc_at, size_at, name_at in ((b"PK\x03\x04", 14, 22, 30), (b"PK\x01\x02", 16, 24, 46)):
        start = 0
        while (i := out.find(sig, start)) >= 0:
            start = i + 4
            if out[i + name_at : i + name_at + len(name)] == name:
                assert struct.unpack_from("<I", out, i + size_at)[0] == len(xml)
                struct.pack_into("<I", out, i + size_at, declared)
                if forge_crc:
                    struct.pack_into("<I", out, i + crc_at, crc)
    return bytes(out)


def nested(depth: int) -> bytes:
    """document.xml with `depth` nested content controls around one paragraph."""
    body = "<w:sdt><w:sdtContent>" * depth + para("1. Deep.") + "</w:sdtContent></w:sdt>" * depth
    return document(para("Conclusions on children and armed conflict in Testland") + body)


def recoded(xml: bytes, encoding: str, declared: str | None = None) -> bytes:
    """`xml` re-encoded in `encoding`, its declaration saying `declared` (default: the same)."""
    text = xml.decode("utf-8").replace('encoding="UTF-8"', f'encoding="{declared or encoding}"')
    return text.encode(encoding)


def small_zip_bomb(megabytes: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf, zf.open("zeros.bin", "w") as f:
        for _ in range(megabytes):
            f.write(b"\x00" * MB)
    return buf.getvalue()
