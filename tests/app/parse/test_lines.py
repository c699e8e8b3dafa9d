"""Furniture and symbols taken out of reader lines before structure is recognised."""

from __future__ import annotations

import pytest

from app.parse.conventions import ENGLISH
from app.parse.lines import RawLine, prepare


@pytest.mark.parametrize("line, symbol", [
    ("S/AC.51/2016/2", "S/AC.51/2016/2"),
    ("United Nations S/RES/2225 (2015)", "S/RES/2225 (2015)"),
    ("S/RES/2225(2015)", "S/RES/2225 (2015)"),
    ("S/PRST/2015/11", "S/PRST/2015/11"),
    ("SC/12345-AFR/2222-HR/5100", "SC/12345"),
    ("Security CouncilSC/10260", "SC/10260"),  # a web page's table cells run together
])
def test_a_symbol_line_is_the_documents_own_symbol(line, symbol):
    prepared = prepare([RawLine(line), RawLine("1. Text.")], ENGLISH)
    assert prepared.symbol == symbol
    assert [rl.text for rl in prepared.lines] == ["1. Text."]


@pytest.mark.parametrize("line", [
    "Department of Public Information • News and Media Division • New York",
    "For information media • not an official record",
    "For information media. Not an official record.",
    "* *** *",
    "Home » Meetings Coverage and Press Releases » Press Releases",
    "In progress at UNHQ",
    "AFR/2222", "HR/5100",
    "14 March 2012",  # the release's date, alone on its line
    "Distr.: General", "Security Council Distr.: General", "Original: English",
    "20-15789 (E)", "*2015789*", "3/17",
])
def test_furniture_lines_are_dropped(line):
    assert prepare([RawLine(line), RawLine("1. Text.")], ENGLISH).lines == [RawLine("1. Text.")]


@pytest.mark.parametrize("line", [
    "At its twenty-ninth meeting, on 14 March 2012, the Working Group agreed:",
    "To the Government of the Sudan",
    "The Security Council,",
    "Recommendations to the Security Council",
])
def test_text_is_not_furniture(line):
    assert [rl.text for rl in prepare([RawLine(line)], ENGLISH).lines] == [line]
