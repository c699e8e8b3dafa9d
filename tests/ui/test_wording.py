"""Counts in the interface agree with their number: "1 document", "2 documents"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.wording import count

UI = Path(__file__).resolve().parents[2] / "ui"


@pytest.mark.parametrize(("n", "noun", "plural", "expected"), [
    (0, "document", "", "0 documents"),  # none takes the plural
    (1, "document", "", "1 document"),
    (2, "segment", "", "2 segments"),
    (1, "pair of runs", "pairs of runs", "1 pair of runs"),  # the plural is not the noun + s
    (3, "pair of runs", "pairs of runs", "3 pairs of runs"),
])
def test_count(n, noun, plural, expected):
    assert count(n, noun, plural) == expected


# A number put straight before a plural noun in an f-string: "{n} documents" reads
# "1 documents" when n is 1. Such counts go through `count`.
PLURAL_AFTER_NUMBER = re.compile(
    r"\{[^{}]*\}\s+(documents|segments|versions|pairs|paragraphs|rows|warnings|drafts|files|brackets|"
    r"replacements|matches|hits|changes|words)\b"
)


def test_no_count_is_written_with_a_fixed_plural():
    offenders = [f"{path.relative_to(UI.parent)}:{n}: {line.strip()}"
                 for path in sorted(UI.rglob("*.py"))
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if PLURAL_AFTER_NUMBER.search(line)]
    assert offenders == []


def test_one_document_in_the_status_bar_and_the_import_details(window):
    from app.model import ImportResult
    from ui.models.import_model import details

    assert window.statusBar().currentMessage().endswith("1 document, 106 segments")
    doc = window.library.get_document(1)
    one = ImportResult("x.txt", doc, None, "", ("a warning",))
    assert details(one) == "document 1: Mali, 106 segments (1 warning: a warning)"
