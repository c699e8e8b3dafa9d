"""Hostile Word files: odd ZIP entries, lying sizes, content types, external links and
includes, deep nesting and foreign encodings. Each is refused with one clear line (the
library untouched) or imported without ever opening anything outside the file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from docxhostile import (
    BODY,
    REL,
    document,
    docx_with,
    lying_size,
    nested,
    para,
    recoded,
    small_zip_bomb,
    with_rels,
)
from hostile import MB, W_NS, all_refused, refused, write
from wordgen import template_parts

from app.parse import parse_file

BASE = {"word/document.xml": document(BODY)}
CT = template_parts()["[Content_Types].xml"]
DOCTYPE_PART = (
    b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x "y">]><w:document xmlns:w="'
    + W_NS.encode() + b'"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>'
)


def renamed_main_part(case: str) -> bytes:
    """The main part renamed `word/document.bin`, holding a DOCTYPE, its content type
    declared by an override whose part name differs only in case."""
    parts = template_parts()
    return docx_with(
        [("word/document.bin", DOCTYPE_PART)],
        {
            "[Content_Types].xml": CT.replace(b'PartName="/word/document.xml"', b'PartName="/%s"' % case.encode()),
            "_rels/.rels": parts["_rels/.rels"].replace(b"word/document.xml", b"word/document.bin"),
            "word/_rels/document.bin.rels": parts["word/_rels/document.xml.rels"],
        },
        drop=("word/document.xml",),
    )


def hostile_word_files() -> dict[str, tuple[bytes, str]]:
    return {
        # name: (bytes, the reason, exactly or its start)
        "entries.docx": (docx_with([(f"e/{i}.bin", b"") for i in range(2100)], BASE),
                         "the archive has 2117 parts (limit 2000); refused"),
        "empty-xml.docx": (docx_with([("word/empty.xml", b"")], BASE),
                           "damaged Word file: part word/empty.xml is not well-formed XML (Document is empty"),
        "dotdot.docx": (docx_with([("word/../../evil.xml", b"<a/>")], BASE),
                        "the archive has a part named word/../../evil.xml outside the document; refused"),
        "absolute.docx": (docx_with([("/etc/cron.d/x", b"x")], BASE),
                          "the archive has a part named /etc/cron.d/x outside the document; refused"),
        "drive.docx": (docx_with([("C:/Windows/x.xml", b"<a/>")], BASE),
                       "the archive has a part named C:/Windows/x.xml outside the document; refused"),
        "backslash.docx": (docx_with([("word\\..\\x.xml", b"<a/>")], BASE),
                           "the archive has a part named word\\..\\x.xml outside the document; refused"),
        "duplicate.docx": (docx_with([("word/document.xml", document(para("1. A second main part.")))], BASE),
                           "the archive has two parts named word/document.xml; refused"),
        "duplicate-case.docx": (docx_with([("Word/Document.xml", document(para("1. Another.")))], BASE),
                                "the archive has two parts named Word/Document.xml; refused"),
        "lying-size.docx": (lying_size(2000, 30),
                            "damaged or truncated Word file (part word/document.xml: BadZipFile: Bad CRC-32"),
        # The same with the checksum of the declared bytes: those are read, a cut XML part.
        "lying-size-crc.docx": (lying_size(2000, 30, forge_crc=True),
                                "damaged Word file: part word/document.xml is not well-formed XML"),
        "no-content-types.docx": (docx_with(replace=BASE, drop=("[Content_Types].xml",)),
                                  "damaged Word file: its list of parts ([Content_Types].xml) is missing"),
        "bad-content-types.docx": (docx_with(replace={**BASE, "[Content_Types].xml": b"<Types"}),
                                   "damaged Word file: part [Content_Types].xml is not well-formed XML"),
        "doctype-content-types.docx": (
            docx_with(replace={**BASE, "[Content_Types].xml": CT.replace(
                b"<Types", b'<!DOCTYPE Types [<!ENTITY x SYSTEM "file:///etc/passwd">]><Types', 1)}),
            "part [Content_Types].xml contains a DOCTYPE or entity declaration"),
        "not-word-content-type.docx": (
            docx_with(replace={**BASE, "[Content_Types].xml": CT.replace(b"document.main+xml", b"spreadsheet+xml")}),
            "its main part is declared as 'application/vnd.openxmlformats-officedocument.wordprocessingml."
            "spreadsheet+xml', not as a Word document"),
        "case-override.docx": (renamed_main_part("WORD/DOCUMENT.BIN"),
                               "part word/document.bin contains a DOCTYPE or entity declaration"),
        "nested-100k.docx": (docx_with(replace={"word/document.xml": nested(100_000)}),
                             "part word/document.xml expands 399 times (limit 200); refused as a possible zip bomb"),
        "nested-300.docx": (docx_with(replace={"word/document.xml": nested(300)}),
                            "damaged Word file: part word/document.xml is not well-formed XML (Excessive depth"),
        "latin1-declared.docx": (
            docx_with(replace={"word/document.xml": recoded(document(BODY), "utf-8", "ISO-8859-1")}),
            "part word/document.xml is declared as ISO-8859-1; a Word file's XML is UTF-8 or UTF-16"),
        "utf16-declared.docx": (
            docx_with(replace={"word/document.xml": recoded(document(BODY), "utf-8", "UTF-16")}),
            "damaged Word file: part word/document.xml is not well-formed XML"),
        "unknown-encoding.docx": (
            docx_with(replace={"word/document.xml": recoded(document(BODY), "utf-8", "x-unknown")}),
            "damaged Word file: part word/document.xml is not well-formed XML (Unsupported encoding: x-unknown"),
        # Well-formed XML in another namespace: python-docx finds no body (found by fuzzing).
        "foreign-namespace.docx": (docx_with(replace={"word/document.xml": document(BODY).replace(
            b'xmlns:w="http://schemas', b'xmlns:w="http\'//schemas', 1)}),
            "damaged Word file: its main part has no WordprocessingML document body"),
        # EBCDIC hides "<!DOCTYPE" from a byte scan; the parser refuses the encoding.
        "ebcdic.docx": (docx_with(replace={"word/document.xml": DOCTYPE_PART.replace(
            b'<?xml version="1.0"?>', b'<?xml version="1.0" encoding="cp037"?>').decode().encode("cp037")}),
            "damaged Word file: part word/document.xml is not well-formed XML (Unsupported encoding"),
    }


@pytest.mark.parametrize("name", list(hostile_word_files()))
def test_hostile_word_file_is_refused(tmp_path, name):
    data, reason = hostile_word_files()[name]
    error = refused(write(tmp_path, name, data))
    assert error.reason.startswith(reason), error.reason


def test_word_refusals_leave_the_library_untouched(tmp_path, corpus_library):
    paths = [write(tmp_path, name, data) for name, (data, _) in hostile_word_files().items()]
    all_refused(corpus_library, paths)


@pytest.mark.parametrize("forge_crc", [False, True])
def test_a_part_that_inflates_past_its_declared_size_is_cut_at_the_declared_size(tmp_path, forge_crc):
    # The directory says 2,000 bytes, the data inflates to 30 MB: the reader stops at the
    # declared size, and never holds the 30 MB (zipfile's own `read()` would inflate it all
    # before cutting it).
    import tracemalloc

    path = write(tmp_path, "lying.docx", lying_size(2000, 30, forge_crc))
    tracemalloc.start()
    try:
        refused(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 10 * MB


def test_many_empty_parts_under_the_limit_import(tmp_path):
    doc = parse_file(write(tmp_path, "empties.docx", docx_with([(f"e/{i}.bin", b"") for i in range(1900)], BASE)))
    assert doc.segment("1").text == "The Working Group met."


def test_a_zip_bomb_inside_a_part_is_never_opened(tmp_path):
    bomb = small_zip_bomb(50)
    assert len(bomb) < 100 * 1024
    doc = parse_file(write(tmp_path, "nested-zip.docx", docx_with([("word/embeddings/package.zip", bomb)], BASE)))
    assert doc.segment("1").text == "The Working Group met."


def test_a_part_in_utf16_reads(tmp_path):
    xml = recoded(document(BODY.replace("met", "met à Genève")), "utf-16")
    assert xml.startswith(b"\xff\xfe")
    doc = parse_file(write(tmp_path, "utf16.docx", docx_with(replace={"word/document.xml": xml})))
    assert doc.segment("1").text == "The Working Group met à Genève."


def outside_references(secret: Path) -> bytes:
    """Links, imported chunks and include fields pointing at `secret` and a local port."""
    rels = (
        f'<Relationship Id="rX1" Type="{REL}/image" Target="file://{secret}" TargetMode="External"/>'
        f'<Relationship Id="rX2" Type="{REL}/image" Target="http://127.0.0.1:9/x.png" TargetMode="External"/>'
        f'<Relationship Id="rX3" Type="{REL}/aFChunk" Target="file://{secret}" TargetMode="External"/>'
        f'<Relationship Id="rX4" Type="{REL}/aFChunk" Target="chunk.htm"/>'
        f'<Relationship Id="rX5" Type="{REL}/subDocument" Target="file://{secret}" TargetMode="External"/>'
        f'<Relationship Id="rX6" Type="{REL}/hyperlink" Target="https://undocs.org/S/2020/1" TargetMode="External"/>'
    )
    body = (
        BODY
        + '<w:altChunk r:id="rX3"/><w:altChunk r:id="rX4"/>'
        + f'<w:p><w:fldSimple w:instr=" INCLUDETEXT &quot;{secret}&quot; \\* MERGEFORMAT ">'
        + "<w:r><w:t>2. The text the field last showed.</w:t></w:r></w:fldSimple></w:p>"
        + '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> INCLUDE</w:instrText></w:r>'
        + '<w:r><w:instrText>PICTURE "http://127.0.0.1:9/p.png" </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    settings_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rT" Type="{REL}/attachedTemplate" Target="file://{secret}" TargetMode="External"/>'
        "</Relationships>"
    ).encode()
    settings = template_parts()["word/settings.xml"].replace(
        b"<w:defaultTabStop", b'<w:attachedTemplate xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships" r:id="rT"/><w:defaultTabStop', 1)
    ct = CT.replace(b"</Types>", b'<Default Extension="htm" ContentType="application/xhtml+xml"/></Types>')
    return docx_with(
        [("word/chunk.htm", b"<html><body><p>3. Text of an imported HTML part.</p></body></html>"),
         ("word/_rels/settings.xml.rels", settings_rels)],
        {**with_rels(rels, body), "[Content_Types].xml": ct, "word/settings.xml": settings},
    )


def test_outside_references_are_reported_not_followed(tmp_path):
    secret = write(tmp_path, "secret.txt", b"TOP-SECRET-CONTENT-4711")
    doc = parse_file(write(tmp_path, "outside.docx", outside_references(secret)))
    texts = " ".join(s.text for s in doc.segments)
    assert "TOP-SECRET" not in texts and "imported HTML part" not in texts
    assert doc.segment("2").text == "The text the field last showed."
    assert doc.warnings == (
        "contains 2 imported HTML, RTF or Word parts (altChunk) whose text was not imported",
        "contains fields that include other files (INCLUDEPICTURE, INCLUDETEXT); the text they last showed "
        "was imported, the files were not read",
        # rX1, rX2, rX3, rX5 and the template; the hyperlink is not counted.
        "links to 5 outside files or web addresses (linked images, templates, included documents); none was opened",
    )


_WATCH = """
import json, sys
opened, connected = [], []
def hook(event, args):
    if event == "open" and isinstance(args[0], str) and args[0].endswith("secret.txt"):
        opened.append(args[0])
    elif event in ("socket.connect", "socket.getaddrinfo", "urllib.Request"):
        connected.append(event)
sys.addaudithook(hook)
from app.parse import parse_file
doc = parse_file(sys.argv[1])
seen = list(opened)
open(sys.argv[2]).close()  # the control: an open of the secret is seen
print(json.dumps({"opened": seen, "connected": connected, "labels": doc.labels(), "control": opened[-1:]}))
"""


def test_nothing_outside_the_file_is_opened_or_fetched(tmp_path):
    # Python's audit hooks see every file open and network call made from Python code,
    # including by python-docx and pdfminer; run in a fresh interpreter so nothing earlier
    # in the test session has imported or cached anything.
    secret = write(tmp_path, "secret.txt", b"TOP-SECRET-CONTENT-4711")
    path = write(tmp_path, "outside.docx", outside_references(secret))
    out = subprocess.run(
        [sys.executable, "-c", _WATCH, str(path), str(secret)], capture_output=True, text=True, timeout=120,
        cwd=Path(__file__).resolve().parents[3], check=True,
    )
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report == {"opened": [], "connected": [], "labels": ["1", "2"], "control": [str(secret)]}


@pytest.mark.parametrize("fmt, start, limit", [
    ("lowerLetter", 10_000_000_000, "208"),  # "aaaa..." of 384 million letters once took 1.9 GB
    ("decimal", 10_000_000_000, "99,999"),
    ("upperRoman", 400, "399"),
])
def test_list_values_no_label_can_have_are_refused(tmp_path, fmt, start, limit):
    from wordgen import abstract, lvl, make_docx, num, p

    numbering = abstract(1, lvl(0, "decimal", "%1."), lvl(1, fmt, "(%2)", start=start)) + num(1, 1)
    body = p("Conclusions") + p("The Working Group agreed:", num=(1, 0)) + p("Item;", num=(1, 1))
    path = make_docx(tmp_path / "start.docx", body, numbering)
    assert refused(path).reason == (f"a numbered list in the document reaches {start:,} ({fmt}), beyond the "
                                    f"largest number a label can have ({limit}); refused")


def test_a_list_label_pattern_is_cut_to_a_few_characters(tmp_path):
    from wordgen import abstract, lvl, make_docx, num, p

    numbering = abstract(1, lvl(0, "decimal", "%1" * 50_000 + ".")) + num(1, 1)
    doc = parse_file(make_docx(tmp_path / "long.docx", p("Conclusions") + p("Text.", num=(1, 0)), numbering))
    assert max(len(s.text) + len(s.label) for s in doc.segments) < 100
