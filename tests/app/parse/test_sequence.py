"""Numbering: past 999 and past (zzz) it is read; going backwards or repeating is a warning."""

from __future__ import annotations

import pytest

from app.labels import Series, letters
from app.parse import parse_text
from app.parse.sequence import Sequence


def test_paragraphs_past_999_are_labels_not_merged_text():
    text = "\n\n".join(f"{n}. Paragraph number {n}." for n in range(995, 1006))
    doc = parse_text(f"1. Opening.\n\n{text}\n")
    assert doc.labels() == ["1"] + [str(n) for n in range(995, 1006)]
    assert doc.segment("1000").text == "Paragraph number 1000."
    assert doc.warnings == ("paragraph numbering jumps from 1 to 995",)


def test_letters_past_zzz_are_labels():
    body = "\n\n".join(f"({letters(i)}) Item number {i};" for i in range(1, 82))
    doc = parse_text(f"1. The Working Group agreed:\n\n{body}\n\n2. Closing.\n")
    labels = doc.labels()
    assert labels[76:83] == ["1(xxx)", "1(yyy)", "1(zzz)", "1(aaaa)", "1(bbbb)", "1(cccc)", "2"]
    assert doc.segment("1(aaaa)").text == "Item number 79;"
    assert doc.warnings == ()


@pytest.mark.parametrize("text, labels, warning", [
    # A repeated number after a complete sentence: its own paragraph, said in a warning.
    ("1. One.\n\n2. Two.\n\n2. Two again.\n", ["1", "2", "2"], "paragraph 2 appears twice"),
    ("1. One.\n\n2. Two.\n\n3. Three.\n\n2. Back.\n", ["1", "2", "3", "2"],
     "paragraph 2 follows paragraph 3: the numbering goes backwards"),
    ("1. One.\n\n5. Five.\n", ["1", "5"], "paragraph numbering jumps from 1 to 5"),
    ("1. One:\n\n(a) A;\n\n(b) B;\n\n(b) B again;\n", ["1", "1(a)", "1(b)", "1(b)"],
     "subparagraph (b) appears twice at 1(b)"),
    ("1. One:\n\n(a) A;\n\n(c) C;\n", ["1", "1(a)", "1(c)"], "lettering jumps from (a) to (c) at 1(c)"),
    ("1. One:\n\n(a) A;\n\n(b) B;\n\n(c) C;\n\n(a) A again;\n", ["1", "1(a)", "1(b)", "1(c)", "1(a)"],
     "subparagraph (a) follows (c) out of order at 1(a)"),
])
def test_a_label_that_goes_backwards_or_repeats_is_a_warning_not_a_merge(text, labels, warning):
    doc = parse_text(text)
    assert doc.labels() == labels
    assert warning in doc.warnings


def test_a_number_inside_a_sentence_is_still_text():
    # "2020." at the start of a wrapped line, the sentence before it unfinished.
    doc = parse_text("1. The Council met on 15 October\n2020. It also noted progress.\n\n2. Next.\n")
    assert doc.labels() == ["1", "2"]
    assert doc.warnings == ()


def test_a_flood_of_numbering_problems_is_summarised():
    doc = parse_text("\n\n".join(f"{n}. Paragraph." for n in range(500, 0, -5)))
    assert len(doc.labels()) == 100
    assert len(doc.warnings) == 21 and doc.warnings[-1] == "and 80 more numbering problems"


def test_the_sequence_keeps_its_series():
    seq = Sequence(Series.OPERATIVE)
    warnings: list[str] = []
    assert seq.accept_paragraph(1, True, warnings) and seq.paragraph_label(1) == "OP1"
    assert seq.subparagraph("a", True, warnings) == "OP1(a)"
    assert seq.subparagraph("i", True, warnings) == "OP1(a)(i)"
    assert seq.subparagraph("ii", True, warnings) == "OP1(a)(ii)"
    assert seq.subparagraph("b", True, warnings) == "OP1(b)"
    assert not seq.accept_paragraph(100_000, True, warnings)  # past the largest label
    assert warnings == []
