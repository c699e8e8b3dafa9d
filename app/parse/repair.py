"""Repair text extracted from PDF: line-end hyphens, words broken by stray spaces, furniture.

Decisions use a general English word-frequency list (wordfreq) together with the document's
own vocabulary, so `in ternational` -> `international` and `affect ed` -> `affected` are
joined while real pairs such as `in the`, `a State` or `may be` are left alone.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
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


@dataclass(frozen=True, slots=True)
class Repair:
    """One change made to extracted text, reported to the person importing."""

    kind: str  # one of REPAIR_KINDS
    before: str
    after: str


# Kinds of repair, in the order they are reported, with how a warning names one and many.
REPAIR_KINDS = {
    "broken word": ("word broken by a stray space joined", "words broken by a stray space joined"),
    "line-end hyphen": ("hyphen at a line end removed", "hyphens at line ends removed"),
    "split hyphen or apostrophe": ("hyphen or apostrophe cut off by a space joined",
                                   "hyphens and apostrophes cut off by a space joined"),
    "space before punctuation": ("space before punctuation removed", "spaces before punctuation removed"),
    "doubled comma": ("doubled comma removed", "doubled commas removed"),
}


@lru_cache(maxsize=65536)
def zipf(word: str, language: str = "en") -> float:
    """How common `word` is in `language` (0 = unknown, 7 = 'the' in English)."""
    # Imported on first use: loading the word list costs start-up time of every program
    # that only needs structure recognition's names (the GUI, drafting).
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), language)


class Vocabulary:
    """Counts of the words that occur intact in a document (case-sensitive)."""

    def __init__(self, texts: list[str], language: str = "en") -> None:
        self.language = language
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
        return self.count(word) > 0 or zipf(word, self.language) >= RARE


def _is_fragment(part: str, language: str = "en") -> bool:
    """A piece that is not a word by itself: 'ternational', 'signif', a stray 'S' or 'l'."""
    if len(part) == 1:
        return part not in ("a", "A", "I")
    return zipf(part, language) < RARE


def should_join(a: str, b: str, vocab: Vocabulary) -> bool:
    """Whether `a b` is one word broken by a stray space (`protecti on` -> `protection`)."""
    joined = a + b
    if not vocab.known(joined):
        return False
    lang = vocab.language
    za, zb = zipf(a, lang), zipf(b, lang)
    if za >= COMMON and zb >= COMMON and vocab.count(joined) == 0:
        return False
    if _is_fragment(a, lang) or _is_fragment(b, lang):
        return True
    # Both pieces are words somewhere; join only when the document itself uses the joined
    # word and one piece never stands alone in it ("affect ed", "re levant", "a nd").
    if vocab.count(joined) == 0:
        return False
    in_pair = vocab.pairs(a, b)
    return any(vocab.count(p) <= in_pair and zipf(p, lang) < COMMON for p in (a, b))


def _sub_noted(pattern: re.Pattern[str], repl: str, text: str, kind: str, notes: list[Repair] | None) -> str:
    """`pattern.sub(repl, text)`, recording each change with a few words around it."""
    if notes is None:
        return pattern.sub(repl, text)

    def one(m: re.Match[str]) -> str:
        after = m.expand(repl)
        left = text[max(0, m.start() - 30):m.start()].rsplit(" ", 1)[-1]
        right = text[m.end():m.end() + 30].split(" ", 1)[0]
        notes.append(Repair(kind, left + m.group(0) + right, left + after + right))
        return after

    return pattern.sub(one, text)


def repair_broken_words(text: str, vocab: Vocabulary, notes: list[Repair] | None = None) -> str:
    """Join words split by a stray space, and `well -being` -> `well-being`; each repair
    is added to `notes` when given."""
    text = _sub_noted(_SPACE_HYPHEN_RE, "-", text, "split hyphen or apostrophe", notes)
    text = _sub_noted(_SPACE_APOS_RE, r"\1\2\3", text, "split hyphen or apostrophe", notes)

    tokens = text.split(" ")
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if i + 1 < len(tokens):
            left = _LEFT_RE.search(tok)
            right = _RIGHT_RE.match(tokens[i + 1])
            if left and right and should_join(left.group(1), right.group(1), vocab):
                if notes is not None:
                    notes.append(Repair("broken word", f"{left.group(1)} {right.group(1)}",
                                        left.group(1) + right.group(1)))
                tokens[i + 1] = tok + tokens[i + 1]
                i += 1
                continue
        out.append(tok)
        i += 1
    return " ".join(out)


def join_lines(lines: list[str], vocab: Vocabulary, notes: list[Repair] | None = None) -> str:
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
            elif nxt and len(m.group(1)) > 1 and _is_fragment(m.group(1), vocab.language) and vocab.known(
                m.group(1) + nxt
            ) and not vocab.count(m.group(1) + "-" + nxt):
                if notes is not None:
                    notes.append(Repair("line-end hyphen", f"{m.group(1)}- {nxt}", m.group(1) + nxt))
                pieces[-1] = pieces[-1][:-1]  # never empty, so the hyphen is its last character
                if not pieces[-1]:
                    pieces.pop()
                pieces.append(line)
            else:
                pieces.append(line)
        else:
            pieces.append(" " + line)
    return "".join(pieces)


_SPACES_RE = re.compile(r"[ \t\u00a0]+")
_DOUBLED_COMMA_RE = re.compile(r",\s*,")
_SPACE_AFTER_PAREN_RE = re.compile(r"\( ")


@lru_cache(maxsize=8)
def _space_before_re(punctuation: str) -> re.Pattern[str]:
    return re.compile(rf" ([{re.escape(punctuation)}])(?=\s|$)")


def tidy(text: str, notes: list[Repair] | None = None, no_space_before: str = ",;:.)") -> str:
    """Collapse runs of spaces, doubled commas and a space before punctuation that never
    has one (in English: `,;:.)`; French keeps its space before `;` and `:`); each change
    but the collapsing of spaces is added to `notes` when given."""
    text = _SPACES_RE.sub(" ", text)
    text = _sub_noted(_DOUBLED_COMMA_RE, ",", text, "doubled comma", notes)
    if no_space_before:
        text = _sub_noted(_space_before_re(no_space_before), r"\1", text, "space before punctuation", notes)
    text = _sub_noted(_SPACE_AFTER_PAREN_RE, "(", text, "space before punctuation", notes)
    return text.strip()
