"""Hostile PDFs: a decompression bomb through every filter, chains, encryption, object and
cross-reference streams, page and character caps, deep nesting. Each is refused with one
clear line, and the library is left as it was."""

from __future__ import annotations

import base64
import zlib

import pytest
from hostile import all_refused, refused, write
from pdfbombs import (
    MB,
    TEXT_OPS,
    bomb_stream,
    dense_pdf,
    encrypted_bomb,
    filtered_pdf,
    lzw_encode,
    lzw_zeros,
    many_pages_pdf,
    nested_pdf,
    object_stream_pdf,
    text_stream_pdf,
)
from pdfgen import inflating_pdf
from pdfminer.ascii85 import ascii85decode
from pdfminer.lzw import lzwdecode
from pdfminer.runlength import rldecode

from app.errors import ImportRefused
from app.parse import parse_file
from app.parse.pdfstreams import StreamBudget, decode_data

# The real limit is 200 MB; the tests lower it to 8 MB and build 10 MB bombs, so the same
# code runs in milliseconds instead of inflating 200 MB.
LIMIT = 8 * MB
BOMB_REASON = "the PDF's compressed content expands past 8 MB; refused as a possible decompression bomb"
TITLE = "Conclusions on children and armed conflict in Testland"


@pytest.fixture
def low_limit(monkeypatch):
    monkeypatch.setattr("app.parse.pdfstreams.MAX_INFLATED", LIMIT)


@pytest.mark.parametrize("kind", [
    "lzw",              # repeated LZW codes: ~1,400 times
    "runlength",        # 2 bytes make 128
    "ascii85",          # `z` makes four zero bytes
    "ascii85+flate",    # a text-safe wrapper hides the zlib data from a raw scan
    "hex+flate",        # the same with ASCIIHex, abbreviated filter names
    "flate+flate",      # a bomb inside a bomb: 10 MB from under a kilobyte
    "flate+runlength",  # a chain multiplies
])
def test_a_bomb_through_any_filter_is_refused(tmp_path, low_limit, kind):
    data, _ = bomb_stream(kind, 10)
    assert len(data) < 3 * MB
    path = write(tmp_path, f"{kind}.pdf", filtered_pdf(kind, 10))
    assert refused(path).reason == BOMB_REASON


def test_the_generated_bombs_really_expand():
    # Guards the test above: each bomb decodes (without a limit) past the lowered limit.
    assert len(lzwdecode(lzw_zeros(10))) > 10 * MB
    assert len(rldecode(bomb_stream("runlength", 1)[0])) == MB
    assert len(ascii85decode(bomb_stream("ascii85", 1)[0])) == MB
    hex_data = bomb_stream("hex+flate", 10)[0]
    assert len(zlib.decompress(bytes.fromhex(hex_data[:-1].decode()))) == 10 * MB


def test_a_bomb_in_an_encrypted_pdf_is_refused_after_decryption(tmp_path, low_limit):
    # On disk the stream is RC4 ciphertext: no scan of the raw file can see it expand.
    path = write(tmp_path, "encrypted.pdf", encrypted_bomb(10))
    assert refused(path).reason == BOMB_REASON


@pytest.mark.parametrize("where", ["objstm", "xref"])
def test_a_bomb_in_an_object_or_cross_reference_stream_is_refused(tmp_path, low_limit, where):
    path = write(tmp_path, f"{where}.pdf", object_stream_pdf(where, 10))
    assert refused(path).reason == BOMB_REASON


def test_the_budget_is_shared_by_all_streams_of_a_file(tmp_path, low_limit):
    # Two 5 MB streams: neither alone passes 8 MB, together they do.
    packed = zlib.compress(b"\x00" * 5 * MB, 9)
    budget = StreamBudget("two.pdf", LIMIT)
    from pdfminer.psparser import LIT

    flate = [(LIT("FlateDecode"), None)]
    assert len(decode_data(packed, flate, budget)) == 5 * MB
    with pytest.raises(ImportRefused, match="expands past 8 MB"):
        decode_data(packed, flate, budget)
    # Once spent, it stays spent: code that swallowed the first refusal gets another.
    with pytest.raises(ImportRefused):
        decode_data(zlib.compress(b"x"), flate, budget)


def test_an_ordinary_flate_bomb_is_still_refused(tmp_path, low_limit):
    path = write(tmp_path, "bomb.pdf", inflating_pdf(10))
    assert path.stat().st_size < 64 * 1024
    assert refused(path).reason == BOMB_REASON


@pytest.mark.parametrize("name, data, filters", [
    ("lzw.pdf", lzw_encode(TEXT_OPS), b"/Filter /LZWDecode"),
    ("a85.pdf", base64.a85encode(zlib.compress(TEXT_OPS)) + b"~>", b"/Filter [/A85 /Fl]"),
    ("hex.pdf", TEXT_OPS.hex().encode() + b">", b"/Filter /ASCIIHexDecode"),
    ("rl.pdf", b"".join(bytes([len(c) - 1]) + c for c in (TEXT_OPS[i:i + 100] for i in range(0, len(TEXT_OPS), 100)))
     + b"\x80", b"/Filter /RunLengthDecode"),
    ("image-filter.pdf", TEXT_OPS, b"/Filter /CCITTFaxDecode"),  # left encoded: read as is
], ids=["lzw", "ascii85+flate", "asciihex", "runlength", "ccitt"])
def test_text_behind_each_filter_still_reads(tmp_path, name, data, filters):
    doc = parse_file(write(tmp_path, name, text_stream_pdf(data, filters)))
    assert doc.title == TITLE


def test_object_streams_and_a_predicted_cross_reference_stream_read(tmp_path):
    # The font is only reachable through the object stream, indexed by an xref stream with
    # a PNG predictor: the text needs both decoded correctly.
    doc = parse_file(write(tmp_path, "objstm.pdf", object_stream_pdf()))
    assert doc.title == TITLE


def test_thousands_of_tiny_pages_are_refused_at_the_page_cap(tmp_path):
    path = write(tmp_path, "pages.pdf", many_pages_pdf(3000))
    assert refused(path).reason == "the PDF has more than 300 pages; refused"


def test_300_pages_are_read(tmp_path):
    doc = parse_file(write(tmp_path, "300.pdf", many_pages_pdf(300)))
    assert doc.title == TITLE


@pytest.mark.parametrize("where, depth, reason", [
    # An array nested 100,000 deep in a content stream: pdfminer recurses on it.
    ("content", 100_000, "the PDF is too complex to read (RecursionError); refused"),
    # A page tree 5,000 levels deep.
    ("tree", 5_000, "the PDF is too complex to read (RecursionError); refused"),
])
def test_deep_nesting_is_refused_not_a_crash(tmp_path, where, depth, reason):
    path = write(tmp_path, f"nested-{where}.pdf", nested_pdf(where, depth))
    assert refused(path).reason == reason


@pytest.mark.parametrize("where", ["object", "dict"])
def test_deep_nesting_nobody_reads_is_harmless(tmp_path, where):
    # pdfminer's parser is iterative: a deep array or dictionary it never walks is fine.
    doc = parse_file(write(tmp_path, f"nested-{where}.pdf", nested_pdf(where, 100_000)))
    assert doc.title == TITLE


def test_a_page_with_too_many_characters_is_refused_as_they_arrive(tmp_path):
    path = write(tmp_path, "dense.pdf", dense_pdf(1, 60_000))
    assert refused(path).reason == "a page of the PDF has more than 50,000 characters; refused"


def test_too_much_text_in_all_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr("app.parse.pdf.MAX_TEXT_CHARS", 20_000)
    path = write(tmp_path, "long.pdf", dense_pdf(5, 5_000))
    assert refused(path).reason == "the PDF has more than 20,000 characters of text; refused"


def test_pdf_refusals_leave_the_library_untouched(tmp_path, low_limit, corpus_library):
    paths = [
        write(tmp_path, "lzw.pdf", filtered_pdf("lzw", 10)),
        write(tmp_path, "encrypted.pdf", encrypted_bomb(10)),
        write(tmp_path, "xref.pdf", object_stream_pdf("xref", 10)),
        write(tmp_path, "pages.pdf", many_pages_pdf(400)),
        write(tmp_path, "nested.pdf", nested_pdf("content", 100_000)),
        write(tmp_path, "dense.pdf", dense_pdf(1, 60_000)),
    ]
    all_refused(corpus_library, paths)
