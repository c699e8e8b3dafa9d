"""A PDF whose text layer is not the text on the page is refused or reported, never stored
silently: glyph numbers without a Unicode map, letters spaced out, text drawn right to left."""

from __future__ import annotations

import pytest
from hostile import refused

from app.parse import parse_file
from app.parse.textlayer import UNREADABLE


@pytest.mark.parametrize("name, why", [
    ("no-unicode-map.pdf", "its fonts have no character map, so the text reads as (cid:NN) codes"),
    ("spaced-letters.pdf", "its letters are spaced out one by one"),
])
def test_an_unreadable_text_layer_is_refused(hostile_pdfs, name, why):
    assert refused(hostile_pdfs[name]).reason == (
        f"{UNREADABLE} ({why}); import the Word file, or run the PDF through OCR")


def test_one_unreadable_page_of_three_is_named_in_a_warning(hostile_pdfs):
    doc = parse_file(hostile_pdfs["one-page-unmapped.pdf"])
    assert doc.warnings[0] == (f"{UNREADABLE} on page 3: fonts without a character map give (cid:NN) codes "
                               "instead of letters there")
    assert doc.segment("1").text.startswith("The Working Group examined the report")


def test_text_drawn_right_to_left_is_read_in_reading_order_and_reported(hostile_pdfs):
    doc = parse_file(hostile_pdfs["right-to-left.pdf"])
    assert doc.title == "Conclusions on children and armed conflict in Testland"
    assert doc.labels() == ["1", "2"]
    assert doc.segment("2").text == ("The members of the Working Group expressed deep concern at the violations "
                                     "committed against children by all parties to the conflict in Testland.")
    assert doc.warnings[0] == ("5 lines of text on page 1 are drawn right to left in the PDF and were read back "
                               "in left-to-right order; check them")
