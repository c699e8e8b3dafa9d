"""Hostile PDFs written byte by byte: a bomb for every filter pdfminer decodes, object and
cross-reference streams, thousands of pages, deep nesting, pages full of characters."""

from __future__ import annotations

import base64
import hashlib
import struct
import zlib

from pdfgen import DOC_ID, PAD, assemble, stream
from pdfminer.arcfour import Arcfour

MB = 1024 * 1024
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT_OPS = b"BT /F1 12 Tf 72 720 Td (Conclusions on children and armed conflict in Testland) Tj ET"


def _lzw_pack(codes: list[int]) -> bytes:
    """Pack LZW codes with the code widths pdfminer's decoder expects (9 to 12 bits, one
    entry added per code after the first following a clear)."""
    bits = 0
    nbits = 0
    out = bytearray()
    since_clear = 0
    for code in codes:
        next_code = 258 + since_clear
        width = 9 if next_code < 512 else 10 if next_code < 1024 else 11 if next_code < 2048 else 12
        if code == 256:
            since_clear = 0
        elif code != 257:
            since_clear += 1
        bits = (bits << width) | code
        nbits += width
        while nbits >= 8:
            nbits -= 8
            out.append((bits >> nbits) & 0xFF)
        bits &= (1 << nbits) - 1
    if nbits:
        out.append((bits << (8 - nbits)) & 0xFF)
    return bytes(out)


def lzw_encode(data: bytes) -> bytes:
    """A plain LZW encoder (clear code at start, a new table before codes pass 12 bits)."""
    table = {bytes([i]): i for i in range(256)}
    codes = [256]
    w = b""
    for byte in data:
        wc = w + bytes([byte])
        if wc in table:
            w = wc
            continue
        codes.append(table[w])
        table[wc] = len(table) + 2
        w = bytes([byte])
        if len(table) + 2 >= 4094:
            codes.append(256)
            table = {bytes([i]): i for i in range(256)}
    codes += [table[w], 257] if w else [257]
    return _lzw_pack(codes)


def lzw_zeros(megabytes: int) -> bytes:
    """LZW codes that decode to at least `megabytes` MB of zero bytes from a few KB: after a
    clear, code 0 and then each newest code, every one a zero longer than the last."""
    codes: list[int] = []
    total = 0
    while total < megabytes * MB:
        codes += [256, 0]
        total += 1
        for j in range(2, 3836):
            codes.append(258 + j - 2)
            total += j
    return _lzw_pack(codes + [257])


def _zeros_deflated(megabytes: int) -> bytes:
    z = zlib.compressobj(9)
    return b"".join(z.compress(b"\x00" * MB) for _ in range(megabytes)) + z.flush()


def bomb_stream(kind: str, megabytes: int) -> tuple[bytes, bytes]:
    """(stream data, filter entry) decoding to `megabytes` MB or more."""
    if kind == "lzw":
        return lzw_zeros(megabytes), b"/Filter /LZWDecode"
    if kind == "runlength":
        return b"\x81\x00" * (megabytes * MB // 128) + b"\x80", b"/Filter /RunLengthDecode"
    if kind == "ascii85":
        return b"z" * (megabytes * MB // 4) + b"~>", b"/Filter /ASCII85Decode"
    if kind == "ascii85+flate":
        return base64.a85encode(_zeros_deflated(megabytes)) + b"~>", b"/Filter [/ASCII85Decode /FlateDecode]"
    if kind == "hex+flate":
        return _zeros_deflated(megabytes).hex().encode() + b">", b"/Filter [/AHx /Fl]"
    if kind == "flate+flate":
        return zlib.compress(_zeros_deflated(megabytes), 9), b"/Filter [/FlateDecode /FlateDecode]"
    if kind == "flate+runlength":
        rl = b"\x81\x00" * (megabytes * MB // 128) + b"\x80"
        return zlib.compress(rl, 9), b"/Filter [/FlateDecode /RunLengthDecode]"
    raise ValueError(kind)


def _one_page(content: bytes) -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >>"
        b" /Contents 5 0 R >>",
        FONT,
        content,
    ]


def filtered_pdf(kind: str, megabytes: int) -> bytes:
    """A one-page PDF whose content stream is a bomb of `kind`."""
    data, filters = bomb_stream(kind, megabytes)
    return assemble(_one_page(stream(data, filters + b" ")))


def text_stream_pdf(data: bytes, filters: bytes) -> bytes:
    """A one-page PDF whose content stream (the text `TEXT_OPS`) is already encoded."""
    return assemble(_one_page(stream(data, filters + b" ")))


def encrypted_bomb(megabytes: int) -> bytes:
    """An RC4-encrypted PDF that opens without a password, its content a Flate bomb: the
    raw bytes on disk are ciphertext, so only a limit applied after decryption sees it."""
    permissions = -4
    owner_key = hashlib.md5((b"owner" + PAD)[:32]).digest()[:5]
    o_value = Arcfour(owner_key).encrypt(PAD)
    key = hashlib.md5(PAD + o_value + struct.pack("<i", permissions) + DOC_ID).digest()[:5]
    u_value = Arcfour(key).encrypt(PAD)
    obj_key = hashlib.md5(key + struct.pack("<i", 5)[:3] + b"\x00\x00").digest()[:10]
    content = stream(Arcfour(obj_key).encrypt(_zeros_deflated(megabytes)), b"/Filter /FlateDecode ")
    encrypt = (b"<< /Filter /Standard /V 1 /R 2 /O <" + o_value.hex().encode() + b"> /U <"
               + u_value.hex().encode() + b"> /P %d >>" % permissions)
    doc_id = DOC_ID.hex().encode()
    return assemble(_one_page(content) + [encrypt], b"/Encrypt 6 0 R /ID [<" + doc_id + b"> <" + doc_id + b">] ")


def object_stream_pdf(bomb: str = "", megabytes: int = 0) -> bytes:
    """A PDF 1.5 file whose font lives in an object stream, indexed by a cross-reference
    stream with a PNG predictor. `bomb` ("objstm" or "xref") pads that stream with zeros
    that inflate to `megabytes` MB."""
    head = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n"
    out = head
    offsets: dict[int, int] = {}
    plain = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >>"
        b" /Contents 5 0 R >>",
        5: stream(TEXT_OPS),
    }
    objstm_body = b"4 0 " + FONT
    if bomb == "objstm":
        objstm_body += b" " + b"\x00" * (megabytes * MB)
    packed = zlib.compress(objstm_body, 9)
    plain[6] = stream(packed, b"/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode ")
    for n in sorted(plain):
        offsets[n] = len(out)
        out += b"%d 0 obj\n" % n + plain[n] + b"\nendobj\n"
    offsets[7] = len(out)
    rows = [b"\x00" + bytes([0]) + (0).to_bytes(4, "big") + (65535).to_bytes(2, "big")]
    for n in range(1, 8):
        if n == 4:
            rows.append(b"\x00" + bytes([2]) + (6).to_bytes(4, "big") + (0).to_bytes(2, "big"))
        else:
            rows.append(b"\x00" + bytes([1]) + offsets[n].to_bytes(4, "big") + (0).to_bytes(2, "big"))
    table = b"".join(rows)
    if bomb == "xref":
        table += b"\x00" * (megabytes * MB)
    xref = stream(zlib.compress(table, 9), b"/Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R "
                  b"/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 7 >> ")
    out += b"7 0 obj\n" + xref + b"\nendobj\n"
    return out + b"startxref\n%d\n%%%%EOF\n" % offsets[7]


def many_pages_pdf(pages: int) -> bytes:
    """`pages` pages sharing one small content stream."""
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        FONT,
        stream(TEXT_OPS.replace(b"72 720 Td", b"72 400 Td")),  # mid-page: body text, not a running head
    ]
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >>"
            b" /Contents 4 0 R >>")
    return assemble(objects + [page] * pages)


def nested_pdf(where: str, depth: int) -> bytes:
    """A PDF with something nested `depth` deep: an array in the content stream ("content"),
    an array object the page's resources point to ("object"), or the page tree ("tree")."""
    if where == "content":
        ops = TEXT_OPS + b" " + b"[" * depth + b"]" * depth + b" Tj"
        return assemble(_one_page(stream(ops)))
    if where == "object":
        objects = _one_page(stream(TEXT_OPS))
        objects[2] = objects[2].replace(b"/Contents 5 0 R", b"/Contents 5 0 R /Extra 6 0 R")
        objects[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Widths 6 0 R >>"
        return assemble(objects + [b"[" * depth + b"]" * depth])
    if where == "dict":
        objects = _one_page(stream(TEXT_OPS))
        objects[3] = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /X " + b"<< /A " * depth + b"1 "
                      + b">> " * depth + b">>")
        return assemble(objects)
    if where == "tree":
        # 1 catalog, 2..depth+1 a chain of page-tree nodes, then the page, font, content.
        page_no, font_no, content_no = depth + 2, depth + 3, depth + 4
        objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
        for i in range(2, depth + 2):
            kid = i + 1
            objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % kid)
        objects.append(b"<< /Type /Page /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R >> >>"
                       b" /Contents %d 0 R >>" % (font_no, content_no))
        objects += [FONT, stream(TEXT_OPS)]
        assert len(objects) == content_no and page_no == len(objects) - 2
        return assemble(objects)
    raise ValueError(where)


def dense_pdf(pages: int, chars_per_page: int) -> bytes:
    """`pages` pages each showing `chars_per_page` characters in lines of 100."""
    line = b"x" * 100
    lines = max(1, chars_per_page // 100)
    ops = b"BT /F1 2 Tf 10 780 Td 2 TL " + b"".join(b"(" + line + b") ' " for _ in range(lines)) + b"ET"
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        FONT,
        stream(zlib.compress(ops), b"/Filter /FlateDecode "),
    ]
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >>"
            b" /Contents 4 0 R >>")
    return assemble(objects + [page] * pages)
