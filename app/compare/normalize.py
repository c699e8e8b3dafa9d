"""Normalisation for matching: what the comparison options ignore, applied to keys only.

Texts shown to the drafter are never changed. Matching works on *keys*: a segment key for
pairing segments and a token key for each word, punctuation mark or run of whitespace in the
inline diff. Both follow the same rules so that two segments with equal keys also have an
all-equal inline diff ("Mali ," and "Mali," are equal when whitespace is ignored only if
the tokens say so too; `inline.diff_texts` is the final judge).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from app.compare.model import CompareOptions

_WS = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]")
# A word keeps its inner apostrophes ("children’s", "don't"); every other mark that is not
# a letter, digit or space is a token of its own, so "conflict-affected" is three tokens.
_TOKENS = re.compile(r"\w+(?:['’]\w+)*|\s+|[^\w\s]")
# Ignoring punctuation makes marks behave like spaces: a run of them with any spaces around
# is one separator.
_TOKENS_NO_PUNCT = re.compile(r"\w+|[^\w]+")


class Token(NamedTuple):
    """A piece of a text: its matching key and its half-open character range."""

    key: str
    start: int
    end: int


def segment_key(text: str, options: CompareOptions) -> str:
    """The text as the options see it: "Grave  violations." -> "grave violations" (all on)."""
    if options.ignore_punctuation:
        text = _PUNCT.sub(" ", text)
    if options.ignore_whitespace:
        text = " ".join(text.split())
    if options.ignore_case:
        text = text.casefold()
    return text


def tokenize(text: str, options: CompareOptions) -> tuple[list[Token], int, int]:
    """Tokens of `text` with their keys, and the range of tokens that take part in matching.

    Returns `(tokens, first, last)`: tokens before `first` and from `last` on are leading
    and trailing whitespace (or punctuation, when ignored) that the options say not to
    compare; they are still covered by the diff so that offsets span the whole text.
    """
    pattern = _TOKENS_NO_PUNCT if options.ignore_punctuation else _TOKENS
    tokens: list[Token] = []
    for m in pattern.finditer(text):
        piece = m.group()
        if piece[0].isspace() or not (piece[0].isalnum() or piece[0] == "_"):
            key = _separator_key(piece, options)
        else:
            key = piece.casefold() if options.ignore_case else piece
        tokens.append(Token(key, m.start(), m.end()))
    first, last = 0, len(tokens)
    if options.ignore_whitespace:
        while first < last and tokens[first].key == " ":
            first += 1
        while last > first and tokens[last - 1].key == " ":
            last -= 1
    return tokens, first, last


def _separator_key(piece: str, options: CompareOptions) -> str:
    """The key of whitespace or a punctuation mark (or a run of both, punctuation ignored)."""
    if options.ignore_punctuation:
        piece = _PUNCT.sub(" ", piece)
    if not piece.isspace():
        return piece
    return " " if options.ignore_whitespace else piece
