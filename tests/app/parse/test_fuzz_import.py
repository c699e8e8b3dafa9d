"""Mutated real files: whatever the bytes, import gives a Document or an `ImportRefused`,
never another exception."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdfgen import text_pdf
from wordgen import make_docx, p

from app.errors import ImportRefused
from app.model import Document
from app.parse import parse_file

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def samples(corpus_path):
    with tempfile.TemporaryDirectory() as d:
        docx_bytes = make_docx(Path(d) / "small.docx", p("Conclusions on children and armed conflict in Testland")
                               + p("1. The Working Group met.") + p("(a) To the Government:")).read_bytes()
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    return {
        "docx": docx_bytes,
        "parts": parts,
        "text": Path(corpus_path).read_bytes()[:6000],
        "pdf": text_pdf(["Conclusions on children and armed conflict in Testland", "", "1. The Group met."]),
    }


@st.composite
def mutated(draw, data: bytes) -> bytes:
    """`data` with a few bytes overwritten, a slice deleted or repeated, or cut short."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        if not out:
            break
        action = draw(st.sampled_from(["flip", "delete", "repeat", "truncate", "insert"]))
        i = draw(st.integers(0, len(out) - 1))
        if action == "flip":
            out[i] = draw(st.integers(0, 255))
        elif action == "delete":
            del out[i : i + draw(st.integers(1, 64))]
        elif action == "repeat":
            out[i:i] = out[i : i + draw(st.integers(1, 64))] * draw(st.integers(1, 8))
        elif action == "truncate":
            del out[i:]
        else:
            out[i:i] = draw(st.binary(min_size=1, max_size=16))
    return bytes(out)


def imports_or_refuses(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            doc = parse_file(path)
        except ImportRefused as e:
            assert e.file == path.name and "\n" not in str(e)
            return
        assert isinstance(doc, Document)


@FUZZ
@given(data=st.data())
def test_mutated_docx_bytes(samples, data):
    imports_or_refuses(data.draw(mutated(samples["docx"])), ".docx")


@FUZZ
@given(data=st.data())
def test_mutated_docx_xml_parts(samples, data):
    # Mutate the XML inside a valid ZIP, so the mutations reach the XML parser and the reader.
    parts = dict(samples["parts"])
    name = data.draw(st.sampled_from(["word/document.xml", "word/numbering.xml", "[Content_Types].xml",
                                      "word/_rels/document.xml.rels", "word/styles.xml"]))
    parts[name] = data.draw(mutated(parts[name]))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, d in parts.items():
            zf.writestr(n, d)
    imports_or_refuses(buf.getvalue(), ".docx")


@FUZZ
@given(data=st.data())
def test_mutated_text(samples, data):
    imports_or_refuses(data.draw(mutated(samples["text"])), ".txt")


@FUZZ
@given(data=st.data())
def test_mutated_pdf(samples, data):
    imports_or_refuses(data.draw(mutated(samples["pdf"])), ".pdf")
