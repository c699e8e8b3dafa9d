"""Hostile and broken files, written by the tests: (file name, bytes, expected reason)."""

from __future__ import annotations

import io
import random
import zipfile

from wordgen import make_docx, p, template_parts

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MB = 1024 * 1024


def small_docx_bytes(tmp_path, text: str = "1. The Working Group met.") -> bytes:
    path = make_docx(tmp_path / "base.docx", p("Conclusions on Testland") + p(text))
    return path.read_bytes()


def with_part(name: str, data: bytes, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """The default Word document with one part replaced."""
    parts = template_parts()
    parts[name] = data
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for n, d in parts.items():
            zf.writestr(n, d)
    return buf.getvalue()


def document_xml(doctype: str, body_text: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}\n'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>{body_text}</w:t></w:r></w:p>'
        f"</w:body></w:document>"
    ).encode()


def zip_bomb() -> bytes:
    """A Word file whose document part inflates 20 MB of zeros from about 20 KB."""
    parts = template_parts()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, d in parts.items():
            if n != "word/document.xml":
                zf.writestr(n, d)
        with zf.open("word/document.xml", "w") as f:
            chunk = b"\x00" * MB
            for _ in range(20):
                f.write(chunk)
    return buf.getvalue()


def billion_laughs() -> bytes:
    entities = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    ]
    return with_part("word/document.xml", document_xml(
        f"<!DOCTYPE w:document [{''.join(entities)}]>", "&lol9;"))


def external_entity(secret_path: str) -> bytes:
    return with_part("word/document.xml", document_xml(
        f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret_path}">]>', "1. &xxe;"))


def utf16_doctype() -> bytes:
    xml = document_xml('<!DOCTYPE w:document [<!ENTITY x "y">]>', "1. &x;").decode()
    return with_part("word/document.xml", xml.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"))


def random_bytes() -> bytes:
    return random.Random(3).randbytes(64 * 1024)
