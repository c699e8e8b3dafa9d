"""PDF import: the corpus printed by LibreOffice, furniture, labels, scans and encryption."""

from __future__ import annotations

import re

import pytest
from pdfgen import encrypted_pdf, scanned_pdf, text_pdf
from pdfminer.high_level import extract_text
from wordgen import normalised

from app.errors import ImportRefused
from app.parse import parse_file
from app.parse.pdf import read_pdf


@pytest.mark.soffice
@pytest.mark.slow
@pytest.mark.parametrize("variant", ["typed", "automatic"])
def test_corpus_pdf_imports_like_the_text(corpus_pdf, corpus_doc, variant):
    doc = read_pdf(corpus_pdf[variant])
    assert doc.labels() == corpus_doc.labels()
    assert normalised(doc) == normalised(corpus_doc)
    assert doc.title == corpus_doc.title


@pytest.mark.soffice
@pytest.mark.slow
def test_pdfminer_separates_labels_that_the_reader_rejoins(corpus_pdf):
    raw = extract_text(str(corpus_pdf["automatic"]))
    # pdfminer's own reading order puts "1.", "2.", "3." in a column before the paragraphs.
    assert "1.\n\n2.\n\n3." in raw
    doc = read_pdf(corpus_pdf["automatic"])
    assert doc.segment("2").text.startswith("The members of the Working Group welcomed the report")


@pytest.mark.soffice
@pytest.mark.slow
def test_page_furniture_is_removed_and_the_symbol_kept(corpus_pdf):
    raw = extract_text(str(corpus_pdf["typed"]))
    pages = int(re.search(r"\n(\d+)/(\d+)\n\n\x0c$", raw).group(2))
    assert pages > 10 and raw.count("20-15789 (E)") == pages and f"\n2/{pages}\n" in raw
    doc = read_pdf(corpus_pdf["typed"])
    texts = " ".join(s.text for s in doc.segments)
    assert "20-15789" not in texts and "S/AC.51/2020/11" not in texts
    assert not re.search(rf"\b\d{{1,2}}/{pages}\b", texts)
    assert doc.symbol == "S/AC.51/2020/11"
    # A paragraph cut by a page break is one segment: 3 runs from page 1 onto page 2.
    assert doc.segment("3").text.endswith("relevant recommendations formulated during that visit.")


def _pdf(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_label_alone_on_its_line_joins_its_paragraph(tmp_path):
    path = _pdf(tmp_path, "alone.pdf", text_pdf([
        "Conclusions on children and armed conflict in Testland", "",
        "1.", "The Working Group met on 20 November 2020.", "",
        "2.", "The members welcomed the report.",
    ]))
    doc = read_pdf(path)
    assert doc.labels() == ["1", "2"]
    assert doc.segment("2").text == "The members welcomed the report."


def test_line_end_hyphens_and_wrapped_lines(tmp_path):
    path = _pdf(tmp_path, "wrap.pdf", text_pdf([
        "Conclusions on children and armed conflict in Testland", "",
        "1. The Working Group examined the docu-",
        "ment of the Secretary-",
        "General on conflict-",
        "affected children and a 30-",
        "day deadline.",
    ]))
    assert read_pdf(path).segment("1").text == (
        "The Working Group examined the document of the Secretary-General on "
        "conflict-affected children and a 30-day deadline."
    )


def test_scanned_pdf_is_refused_as_such(tmp_path):
    path = _pdf(tmp_path, "scan.pdf", scanned_pdf())
    with pytest.raises(ImportRefused) as e:
        parse_file(path)
    assert str(e.value) == (
        "scan.pdf: the PDF has no text layer (a scanned image); run it through OCR first, "
        "or import the Word file"
    )


def test_encrypted_pdf_is_refused_as_such(tmp_path):
    path = _pdf(tmp_path, "locked.pdf", encrypted_pdf(["1. Confidential text."]))
    # It is a real encrypted file: with its password pdfminer reads it.
    assert "Confidential text" in extract_text(str(path), password="secret")
    with pytest.raises(ImportRefused) as e:
        parse_file(path)
    assert e.value.file == "locked.pdf"
    assert "encrypted with a password" in e.value.reason


@pytest.mark.parametrize("cut", [0.3, 0.9])
def test_truncated_pdf_is_refused(tmp_path, cut):
    data = text_pdf(["Conclusions", "", "1. Text."])
    path = _pdf(tmp_path, "cut.pdf", data[: int(len(data) * cut)])
    with pytest.raises(ImportRefused, match=r"^cut\.pdf: the PDF is truncated or damaged"):
        parse_file(path)


def test_damaged_pdf_body_is_refused(tmp_path):
    path = _pdf(tmp_path, "junk.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
    with pytest.raises(ImportRefused) as e:
        parse_file(path)
    assert e.value.file == "junk.pdf"
