"""Word and PDF versions of the corpus, written once per test session."""

from __future__ import annotations

import pytest
from wordgen import SOFFICE, soffice_convert, write_corpus_docx


@pytest.fixture(scope="session")
def corpus_docx(tmp_path_factory, corpus_doc):
    """{'typed': path, 'automatic': path}: the corpus as .docx, labels typed or numbered by Word."""
    d = tmp_path_factory.mktemp("docx")
    return {
        "typed": write_corpus_docx(corpus_doc, d / "corpus-typed.docx", automatic=False),
        "automatic": write_corpus_docx(corpus_doc, d / "corpus-automatic.docx", automatic=True),
    }


@pytest.fixture(scope="session")
def corpus_pdf(tmp_path_factory, corpus_docx):
    """The two .docx files printed to PDF by LibreOffice, in one soffice call."""
    if not SOFFICE:
        pytest.skip("LibreOffice (soffice) is not installed: cannot make PDFs from Word files")
    out = tmp_path_factory.mktemp("pdf")
    typed, automatic = soffice_convert([corpus_docx["typed"], corpus_docx["automatic"]], out)
    return {"typed": typed, "automatic": automatic}



@pytest.fixture(scope="session")
def variant_docx(tmp_path_factory):
    """The typed test documents as Word files: {fixture name: path}."""
    from variants import fixture_docx

    d = tmp_path_factory.mktemp("variants-docx")
    names = ["ps-car-2012.txt", "ps-colombia-2016.txt", "conclusions-sudan-2007.txt", "resolution-2225-typed.txt",
             "prst-2015.txt", "letter-2021.txt"]
    return {n: fixture_docx(n, d, italic_leads=n.startswith("resolution")) for n in names}


@pytest.fixture(scope="session")
def variant_pdf(tmp_path_factory, variant_docx):
    """Those Word files printed to PDF by LibreOffice, in one soffice call."""
    if not SOFFICE:
        pytest.skip("LibreOffice (soffice) is not installed: cannot make PDFs from Word files")
    out = tmp_path_factory.mktemp("variants-pdf")
    names = list(variant_docx)
    return dict(zip(names, soffice_convert([variant_docx[n] for n in names], out), strict=True))


@pytest.fixture(scope="session")
def hostile_pdfs(tmp_path_factory):
    """The PDFs that hung or flooded the reader, and those whose text layer lies, written
    once per session: {name: path}."""
    import pdfhostile as h

    d = tmp_path_factory.mktemp("hostile-pdf")
    made = {
        "scattered-words.pdf": h.scattered_words(8_000),
        "scattered-characters.pdf": h.scattered_characters(45_000),
        "doubling-forms.pdf": h.doubling_forms(40),
        "empty-text-objects.pdf": h.empty_text_objects(1_000_000),
        "no-unicode-map.pdf": h.without_unicode_map(),
        "spaced-letters.pdf": h.spaced_letters(),
        "right-to-left.pdf": h.right_to_left(),
        "one-page-unmapped.pdf": h.one_page_unmapped_of(3),
        "logging.pdf": h.logging_pdf(),
    }
    out = {}
    for name, data in made.items():
        out[name] = d / name
        out[name].write_bytes(data)
    return out


@pytest.fixture(scope="session")
def hostile_docx(tmp_path_factory):
    """A Word file whose lettered list starts at 10,000,000,000 (w:start), written once."""
    from wordgen import abstract, lvl, make_docx, num, p

    d = tmp_path_factory.mktemp("hostile-docx")
    numbering = abstract(1, lvl(0, "decimal", "%1."), lvl(1, "lowerLetter", "(%2)", start=10_000_000_000)) + num(1, 1)
    body = p("Conclusions on children and armed conflict in Testland") + p("The Working Group agreed:", num=(1, 0))
    body += "".join(p(f"Item {i};", num=(1, 1)) for i in range(200))
    return make_docx(d / "huge-start.docx", body, numbering)
