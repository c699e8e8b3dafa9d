"""Hostile and broken files, written by the tests: (file name, bytes, expected reason); and
the checks every hostile-file test makes: refused with one clear line, the library untouched."""

from __future__ import annotations

import io
import random
import sqlite3
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from wordgen import make_docx, p, template_parts

from app.errors import ImportRefused
from app.model import ImportResult
from app.parse import parse_file
from app.services.library import import_files

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


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refused(path: Path, max_length: int | None = 300) -> ImportRefused:
    """Parsing `path` is refused with one line naming the file (shorter than `max_length`)."""
    with pytest.raises(ImportRefused) as e:
        parse_file(path)
    assert e.value.file == path.name
    assert "\n" not in str(e.value)
    if max_length is not None:
        assert len(str(e.value)) < max_length
    return e.value


def snapshot(lib):
    """Everything an import could change: documents, segments, the search index, integrity."""
    conn = sqlite3.connect(lib.path)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    return (
        [d.id for d in lib.list_documents()],
        lib.counts(),
        [(h.document_id, h.label) for h in lib.search("Government")],
        [(h.document_id, h.label) for h in lib.search("lol OR script OR root")],
        integrity,
    )


@contextmanager
def library_untouched(lib) -> Iterator[None]:
    """The block leaves `lib` exactly as it was, and it was sound to begin with."""
    before = snapshot(lib)
    yield
    assert snapshot(lib) == before
    assert before[-1] == "ok"


def all_refused(lib, paths: list[Path]) -> list[ImportResult]:
    """Importing `paths` into `lib` refuses each with one line naming its file; `lib` untouched."""
    with library_untouched(lib):
        results = import_files(lib, paths)
        assert [r.ok for r in results] == [False] * len(paths)
        for path, result in zip(paths, results, strict=True):
            assert result.error.startswith(f"{path.name}: ") and "\n" not in result.error
    return results
