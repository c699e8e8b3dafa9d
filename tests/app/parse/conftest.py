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

