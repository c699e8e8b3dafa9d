"""Is a PDF's text layer readable? Garbage is refused or reported, never stored silently.

Three ways a PDF shows one text and holds another:
- a font without a ToUnicode map: pdfminer can only give glyph numbers, "(cid:67)(cid:111)";
- letters drawn one by one with wide spacing: the text layer reads "C o n c l u s i o n s";
- text drawn right to left: read in drawing order it comes out backwards (`pdflayout` puts
  such lines back in reading order and they are reported here).
A page is unreadable when most of its characters or words are of the first two kinds; a
PDF where half the pages with text are unreadable is refused, otherwise the pages are
named in a warning.
"""

from __future__ import annotations

import re

from app.errors import ImportRefused
from app.parse.pdflayout import PageText

UNREADABLE = "this PDF's text layer cannot be read reliably"
# A page is unreadable past these shares of its characters or words.
UNDEFINED_SHARE = 0.2
SPACED_SHARE = 0.5
MIN_WORDS = 12
_LETTER_RE = re.compile(r"^[^\W\d_]$")


def _pages(numbers: list[int]) -> str:
    return ("page " if len(numbers) == 1 else "pages ") + ", ".join(map(str, numbers[:20])) + (
        ", ..." if len(numbers) > 20 else "")


def _spaced_out(page: PageText) -> bool:
    words = " ".join(line.text for line in page.lines).split()
    if len(words) < MIN_WORDS:
        return False
    single = sum(1 for w in words if _LETTER_RE.match(w) and w not in ("a", "A", "I"))
    return single > SPACED_SHARE * len(words)


def check_text_layer(pages: list[PageText], file: str) -> list[str]:
    """Warnings about the text layer; `ImportRefused` when it cannot be read at all."""
    with_text = [i for i, p in enumerate(pages, 1) if p.chars]
    unmapped = [i for i, p in enumerate(pages, 1) if p.chars and p.undefined > UNDEFINED_SHARE * p.chars]
    spaced = [i for i, p in enumerate(pages, 1) if p.chars and i not in unmapped and _spaced_out(p)]
    bad = len(unmapped) + len(spaced)
    if with_text and bad * 2 >= len(with_text):
        reason = ("its fonts have no character map, so the text reads as (cid:NN) codes" if len(unmapped) >= len(spaced)
                  else "its letters are spaced out one by one")
        raise ImportRefused(file, f"{UNREADABLE} ({reason}); import the Word file, or run the PDF through OCR")
    out = []
    if unmapped:
        out.append(f"{UNREADABLE} on {_pages(unmapped)}: fonts without a character map give (cid:NN) codes "
                   "instead of letters there")
    if spaced:
        out.append(f"{UNREADABLE} on {_pages(spaced)}: its letters are spaced out one by one there")
    reversed_pages = [i for i, p in enumerate(pages, 1) if any(line.reversed for line in p.lines)]
    if reversed_pages:
        lines = sum(1 for p in pages for line in p.lines if line.reversed)
        out.append(f"{lines} line{'s' if lines != 1 else ''} of text on {_pages(reversed_pages)} "
                   "are drawn right to left in the PDF and were read back in left-to-right order; check them")
    return out
