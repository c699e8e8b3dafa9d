"""Repair text extracted from PDF: line-end hyphens, words broken by stray spaces, furniture.

Decisions use a general English word-frequency list (wordfreq) together with the document's
own vocabulary, so `in ternational` -> `international` and `affect ed` -> `affected` are
joined while real pairs such as `in the`, `a State` or `may be` are left alone.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

# A fragment rarer than this (Zipf scale: 3 = once per million words) is not a word on its own.
RARE = 3.0
# A fragment this common is a real word; two of them side by side are never joined.
COMMON = 5.0

LINK_RE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
_WORD_RE = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:['’][A-Za-z]+)?")
_LETTERS = "A-Za-zÀ-ÖØ-öø-ÿ"
# The last word piece of a token ("under", "(in", "community-"), and the first of the next.
_LEFT_RE = re.compile(rf"(?:^|[-(“\"‘'])([{_LETTERS}]+)$")
_RIGHT_RE = re.compile(rf"^([{_LETTERS}]+)(?=$|[-,;:.)”\"’'!?])")
_SPACE_HYPHEN_RE = re.compile(r"(?<=[A-Za-z]) -(?=[A-Za-z])")
_SPACE_APOS_RE = re.compile(r"\b(I|[A-Za-z]+) ([’'])(m|s|t|re|ve|ll|d)\b")


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """How common `word` is in English (0 = unknown, 7 = 'the')."""
    # Imported on first use: loading the word list costs start-up time of every program
    # that only needs structure recognition's names (the GUI, drafting).
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en")


class Vocabulary:
    """Counts of the words that occur intact in a document (case-sensitive)."""

    def __init__(self, texts: list[str]) -> None:
        self.counts: Counter[str] = Counter()
        for t in texts:
            self.counts.update(_WORD_RE.findall(t))
        self._text = "\n".join(" ".join(t.split()) for t in texts)

    def pairs(self, a: str, b: str) -> int:
        """How often `a b` occurs as a pair (so a broken word's pieces are not counted)."""
        return len(re.findall(rf"(?<![\w-]){re.escape(a)} {re.escape(b)}(?!\w)", self._text))

    def count(self, word: str) -> int:
        return self.counts.get(word, 0) + (
            self.counts.get(word.lower(), 0) if word[:1].isupper() else 0
        )

    def known(self, word: str) -> bool:
        return self.count(word) > 0 or zipf(word) >= RARE


def _is_fragment(part: str) -> bool:
    """A piece that is not a word by itself: 'ternational', 'signif', a stray 'S' or 'l'."""
    if len(part) == 1:
        return part not in ("a", "A", "I")
    return zipf(part) < RARE


def should_join(a: str, b: str, vocab: Vocabulary) -> bool:
    """Whether `a b` is one word broken by a stray space (`protecti on` -> `protection`)."""
    joined = a + b
    if not vocab.known(joined):
        return False
    za, zb = zipf(a), zipf(b)
    if za >= COMMON and zb >= COMMON and vocab.count(joined) == 0:
        return False
    if _is_fragment(a) or _is_fragment(b):
        return True
    # Both pieces are words somewhere; join only when the document itself uses the joined
    # word and one piece never stands alone in it ("affect ed", "re levant", "a nd").
    if vocab.count(joined) == 0:
        return False
    in_pair = vocab.pairs(a, b)
    return any(vocab.count(p) <= in_pair and zipf(p) < COMMON for p in (a, b))


def repair_broken_words(text: str, vocab: Vocabulary) -> str:
    """Join words split by a stray space, and `well -being` -> `well-being`."""
    text = _SPACE_HYPHEN_RE.sub("-", text)
    text = _SPACE_APOS_RE.sub(r"\1\2\3", text)

    tokens = text.split(" ")
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if i + 1 < len(tokens):
            left = _LEFT_RE.search(tok)
            right = _RIGHT_RE.match(tokens[i + 1])
            if left and right and should_join(left.group(1), right.group(1), vocab):
                tokens[i + 1] = tok + tokens[i + 1]
                i += 1
                continue
        out.append(tok)
        i += 1
    return " ".join(out)


def join_lines(lines: list[str], vocab: Vocabulary) -> str:
    """Join the physical lines of one paragraph, keeping compound hyphens.

    `Secretary-` + `General` stays `Secretary-General` and `conflict-` + `affected` stays
    `conflict-affected`; `docu-` + `ment` becomes `document` only because `docu` is no word
    and `document` is one; typesetters never break after a single letter, so `C-` + `enter`
    keeps its hyphen. A suspended hyphen (`gender-` + `and age-sensitive`) keeps a space.
    """
    # Pieces, not one growing string: only the end of the text so far is ever examined, so
    # a paragraph of 100,000 lines (a hostile file) costs linear time, not quadratic.
    pieces: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not pieces:
            pieces.append(line)
            continue
        end = "".join(pieces[-3:])[-200:]
        m = re.search(r"([A-Za-z]+)-$", end)
        if not m and re.search(r"\S-$", end):
            # "30-" + "day": a compound, never a broken word ("30- and 60-day" keeps a space).
            suspended = re.match(r"(?:and|or|to)\b", line, re.IGNORECASE)
            pieces.append((" " if suspended else "") + line)
        elif m:
            first = re.match(r"[A-Za-z]+", line)
            nxt = first.group(0) if first else ""
            if nxt.lower() in ("and", "or", "to"):
                pieces.append(" " + line)
            elif nxt and len(m.group(1)) > 1 and _is_fragment(m.group(1)) and vocab.known(m.group(1) + nxt) and not vocab.count(
                m.group(1) + "-" + nxt
            ):
                pieces[-1] = pieces[-1][:-1]  # never empty, so the hyphen is its last character
                if not pieces[-1]:
                    pieces.pop()
                pieces.append(line)
            else:
                pieces.append(line)
        else:
            pieces.append(" " + line)
    return "".join(pieces)


def tidy(text: str) -> str:
    """Collapse runs of spaces, doubled commas and space before punctuation."""
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    text = re.sub(r",\s*,", ",", text)
    text = re.sub(r" ([,;:.)])(?=\s|$)", r"\1", text)
    text = re.sub(r"\( ", "(", text)
    return text.strip()
