"""Small PDFs written byte by byte: a scan without text, an encrypted file, plain text."""

from __future__ import annotations

import hashlib
import struct
import zlib

from pdfminer.arcfour import Arcfour

# The padding string of the PDF standard security handler (PDF 1.7, 7.6.3.3).
PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
DOC_ID = bytes(range(16))


def assemble(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """Objects 1..n with a correct cross-reference table; object 1 is the catalog."""
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return out


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _pages(content_ref: int, resources: bytes) -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + resources
        + b" /Contents %d 0 R >>" % content_ref,
    ]


def scanned_pdf() -> bytes:
    """One page showing only an image, as a scanner writes: no text layer."""
    pixels = bytes((x * 7 + y * 3) % 256 for y in range(64) for x in range(64))
    image = stream(zlib.compress(pixels), b"/Type /XObject /Subtype /Image /Width 64 /Height 64 "
                   b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode ")
    content = stream(b"q 400 0 0 500 100 150 cm /Im1 Do Q")
    return assemble(_pages(5, b"<< /XObject << /Im1 4 0 R >> >>") + [image, content])


def text_pdf(lines: list[str]) -> bytes:
    """One page of Helvetica text, a line per entry."""
    ops = b"BT /F1 12 Tf 72 720 Td 16 TL " + b"".join(
        b"(" + line.encode("latin-1").replace(b"(", b"\\(").replace(b")", b"\\)") + b") ' " for line in lines
    ) + b"ET"
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    return assemble(_pages(5, b"<< /Font << /F1 4 0 R >> >>") + [font, stream(ops)])


def encrypted_pdf(lines: list[str], user_password: bytes = b"secret") -> bytes:
    """`text_pdf` encrypted with RC4 40-bit (standard handler, revision 2) and a password."""
    permissions = -4
    owner_key = hashlib.md5((b"owner" + PAD)[:32]).digest()[:5]
    o_value = Arcfour(owner_key).encrypt((user_password + PAD)[:32])
    key = hashlib.md5((user_password + PAD)[:32] + o_value + struct.pack("<i", permissions) + DOC_ID).digest()[:5]
    u_value = Arcfour(key).encrypt(PAD)

    def obj_key(n: int) -> bytes:
        return hashlib.md5(key + struct.pack("<i", n)[:3] + b"\x00\x00").digest()[:10]

    ops = b"BT /F1 12 Tf 72 720 Td 16 TL " + b"".join(
        b"(" + line.encode("latin-1") + b") ' " for line in lines
    ) + b"ET"
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    content = stream(Arcfour(obj_key(5)).encrypt(ops))
    encrypt = (b"<< /Filter /Standard /V 1 /R 2 /O <" + o_value.hex().encode() + b"> /U <"
               + u_value.hex().encode() + b"> /P %d >>" % permissions)
    objects = _pages(5, b"<< /Font << /F1 4 0 R >> >>") + [font, content, encrypt]
    doc_id = DOC_ID.hex().encode()
    return assemble(objects, b"/Encrypt 6 0 R /ID [<" + doc_id + b"> <" + doc_id + b">] ")


def inflating_pdf(megabytes: int) -> bytes:
    """A text PDF plus a stream of zeros that inflates to `megabytes` MB from a few hundred KB."""
    z = zlib.compressobj(9)
    packed = b"".join(z.compress(b"\x00" * 1024 * 1024) for _ in range(megabytes)) + z.flush()
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    content = stream(packed, b"/Filter /FlateDecode ")
    return assemble(_pages(5, b"<< /Font << /F1 4 0 R >> >>") + [font, content])
