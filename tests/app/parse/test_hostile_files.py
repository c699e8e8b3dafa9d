"""Hostile and broken files: each is refused with one clear reason, the library untouched."""

from __future__ import annotations

import zipfile

import pytest
from hostile import (
    MB,
    billion_laughs,
    external_entity,
    library_untouched,
    random_bytes,
    refused,
    small_docx_bytes,
    utf16_doctype,
    write,
    zip_bomb,
)
from lxml import etree

from app.parse import MAX_TEXT_BYTES
from app.parse.safety import hardened_parser
from app.services.library import import_file


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("TOP-SECRET-CONTENT-4711")
    return path


def hostile_cases(tmp_path, secret):
    docx = small_docx_bytes(tmp_path)
    return {
        # name: (bytes, text the reason must contain)
        "empty.txt": (b"", "the file is empty"),
        "noise.docx": (random_bytes(), "binary data of unknown format"),
        "truncated.docx": (docx[: len(docx) // 2], "damaged or truncated Word file"),
        "bomb.docx": (zip_bomb(), "refused as a possible zip bomb"),
        "laughs.docx": (billion_laughs(), "contains a DOCTYPE or entity declaration"),
        "xxe.docx": (external_entity(str(secret)), "contains a DOCTYPE or entity declaration"),
        "utf16.docx": (utf16_doctype(), "contains a DOCTYPE or entity declaration"),
    }


@pytest.mark.parametrize("name", [
    "empty.txt", "noise.docx", "truncated.docx", "bomb.docx", "laughs.docx", "xxe.docx", "utf16.docx",
])
def test_hostile_file_is_refused_and_the_library_untouched(tmp_path, secret, corpus_library, name):
    data, reason = hostile_cases(tmp_path, secret)[name]
    path = write(tmp_path, name, data)
    error = refused(path, max_length=None)
    assert reason in error.reason
    assert "TOP-SECRET" not in str(error)
    with library_untouched(corpus_library):
        result = import_file(corpus_library, path)
        assert not result.ok and result.error == str(error)


def test_zip_bomb_is_refused_from_the_directory_before_decompressing(tmp_path, monkeypatch):
    path = write(tmp_path, "bomb.docx", zip_bomb())
    info = zipfile.ZipFile(path).getinfo("word/document.xml")
    assert info.file_size == 20 * MB and info.compress_size < 100 * 1024

    def no_decompression(*args, **kwargs):
        raise AssertionError("a part was opened before the sizes were checked")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_decompression)
    assert "expands 1" in refused(path, max_length=None).reason  # "expands 1xxx times (limit 200)"


def test_external_entity_is_never_resolved_even_by_the_parser(secret):
    xml = f'<!DOCTYPE d [<!ENTITY xxe SYSTEM "file://{secret}">]><d>&xxe;</d>'.encode()
    root = etree.fromstring(xml, hardened_parser())
    assert "TOP-SECRET" not in etree.tostring(root).decode()


def test_huge_text_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    line = b"The Working Group expressed deep concern at the increase in violations.\n"
    with path.open("wb") as f:
        block = (line * (MB // len(line) + 1))[:MB]
        for _ in range(100):
            f.write(block)
    assert path.stat().st_size == 100 * MB
    from pathlib import Path

    def no_full_read(self):
        raise AssertionError("the whole file was read")

    monkeypatch.setattr(Path, "read_bytes", no_full_read)
    error = refused(path, max_length=None)
    assert error.reason == f"text file of 100.0 MB is over the {MAX_TEXT_BYTES // MB} MB limit"


@pytest.mark.parametrize("suffix", ["txt", "docx"])
def test_markup_in_text_is_stored_verbatim(tmp_path, library, suffix):
    script = "<script>alert('x')</script> & <img src=x onerror=alert(1)>"
    body = f"1. The Working Group noted {script} in the text."
    if suffix == "txt":
        path = write(tmp_path, "markup.txt", f"Conclusions on Testland\n\n{body}\n".encode())
    else:
        from xml.sax.saxutils import escape

        from wordgen import make_docx, p

        path = make_docx(tmp_path / "markup.docx", p("Conclusions on Testland") + p(escape(body)))
    result = import_file(library, path)
    assert result.ok, result.error
    stored = library.get_document(result.document.id)
    assert stored.segment("1").text == f"The Working Group noted {script} in the text."
    hits = library.search("onerror")
    assert [h.label for h in hits] == ["1"]


def test_doctype_in_a_part_declared_as_xml_under_another_name(tmp_path):
    from hostile import document_xml
    from wordgen import template_parts, write_parts

    parts = template_parts()
    parts["word/document.bin"] = document_xml('<!DOCTYPE w:document [<!ENTITY x "y">]>', "&x;")
    del parts["word/document.xml"]
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b'PartName="/word/document.xml"', b'PartName="/word/document.bin"')
    path = write_parts(tmp_path / "renamed.docx", parts)
    assert "part word/document.bin contains a DOCTYPE" in refused(path, max_length=None).reason
