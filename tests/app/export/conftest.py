"""Fixtures of the export tests."""

from __future__ import annotations

import pytest
from exportkit import make_comparison, redraft

from app.compare.model import Comparison
from app.model import Document


@pytest.fixture
def corpus_redraft(corpus_doc) -> Document:
    return redraft(corpus_doc)


@pytest.fixture
def corpus_comparison(corpus_doc, corpus_redraft) -> Comparison:
    return make_comparison(corpus_doc, corpus_redraft)
