"""Did an edit make the language stronger or weaker? `strength_change(old, new)` says, and why.

A text is read as clauses, each opened by a lead phrase of the lexicon ("Strongly condemning
...; and urging all parties to immediately end ..."). The clauses of the two texts are
paired by what follows their lead phrases, and each pair is compared three ways:

- the lead phrases, by their rungs on a shared ladder ("Strongly condemning" -> "Condemning"
  is weaker; "Stressing" -> "Welcoming" are on different ladders: neither);
- the modals replaced inside it ("must" -> "should");
- the intensifiers and hedges added or dropped ("all parties" -> "parties", "as appropriate"
  added), counted only when the rest of the clause is still the same clause: a rewritten
  object brings its own words, and "Condemning attacks on schools" -> "Condemning all
  abductions" says something else, not something stronger.

A clause added or removed whole is new or dropped content, not a change of strength. Only
words the word diff changed can make a step, so a pair whose changes touch no word of the
lexicon is settled without reading it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from app.compare.align import global_alignment
from app.compare.inline import DELETE, INSERT, diff_texts
from app.compare.model import Direction, Edit, StrengthChange, StrengthStep
from app.compare.strength_lexicon import LEXICON, StrengthLexicon

# Two clauses of a pair's texts are the same clause edited from this body similarity up.
CLAUSE_PAIR_THRESHOLD = 45.0
# Intensifiers and hedges count only in clauses whose bodies are at least this alike.
SAME_CLAUSE_THRESHOLD = 60.0
# Words of the lexicon's phrases that say nothing alone: a change to one of them only
# ("Calling upon" -> "Calling on", "its concern") never moves a clause on its own.
_FILLER = frozenset({"the", "to", "in", "of", "as", "with", "on", "upon", "for", "its", "their"})

_WORD = re.compile(r"\w+(?:['’]\w+)*")


NO_CHANGE = StrengthChange()


class _Word:
    """A word of a text: lower-case key, as written, where, and whether the diff changed it."""

    __slots__ = ("key", "text", "start", "end", "changed")

    def __init__(self, key: str, text: str, start: int, end: int, changed: bool) -> None:
        self.key, self.text, self.start, self.end, self.changed = key, text, start, end, changed


@dataclass(frozen=True, slots=True)
class _Clause:
    """Words [body_start, end) follow the lead phrase words [start, body_start), if any."""

    ranks: dict[str, int] | None  # the lead phrase's ladder -> rank; None: no lead phrase
    lead: str
    body_start: int
    end: int
    body: str


@dataclass(frozen=True, slots=True)
class _Compiled:
    phrases: dict[str, list[tuple[str, ...]]]  # first word -> lead phrases, longest first
    ranks: dict[tuple[str, ...], dict[str, int]]  # lead phrase -> ladder -> rank
    lead_ins: frozenset[str]
    openers: frozenset[str]
    modals: dict[str, int]
    modifiers: tuple[tuple[tuple[str, ...], int], ...]  # words, effect
    vocabulary: re.Pattern[str]  # a word that can make a step


_COMPILED: dict[int, tuple[StrengthLexicon, _Compiled]] = {}


def _compile(lexicon: StrengthLexicon) -> _Compiled:
    hit = _COMPILED.get(id(lexicon))
    if hit is not None and hit[0] is lexicon:
        return hit[1]
    ranks: dict[tuple[str, ...], dict[str, int]] = {}
    for ladder in lexicon.ladders:
        for rung in ladder.rungs:
            for phrase in rung.phrases:
                ranks.setdefault(tuple(phrase.split()), {})[ladder.name] = rung.rank
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(ranks, key=len, reverse=True):  # longest first: "noting with concern"
        phrases.setdefault(words[0], []).append(words)
    modals = {p: rung.rank for rung in lexicon.modals for p in rung.phrases}
    modifiers = tuple((tuple(m.phrase.split()), m.effect) for m in lexicon.modifiers)
    vocab = {w for p in ranks for w in p} | set(modals) | {w for p, _ in modifiers for w in p}
    vocabulary = re.compile(r"\b(?:" + "|".join(sorted(vocab - _FILLER)) + r")\b", re.IGNORECASE)
    compiled = _Compiled(phrases, ranks, frozenset(w for p in lexicon.lead_ins for w in p.split()),
                         frozenset(lexicon.openers), modals, modifiers, vocabulary)
    _COMPILED[id(lexicon)] = (lexicon, compiled)
    return compiled


def strength_change(
    old_text: str,
    new_text: str,
    edits: Sequence[Edit] | None = None,
    lexicon: StrengthLexicon = LEXICON,
) -> StrengthChange:
    """Whether `new_text` says what `old_text` says more strongly, more weakly, or neither.

    "Strongly condemning attacks" -> "Condemning attacks" is WEAKER, why "Strongly
    condemning → Condemning"; an unchanged lead verb with a changed object is NEITHER.
    `edits` is the word diff of the two texts when the caller has it (the comparison
    engine does); otherwise it is computed. Pure: provenance and negotiation rounds call it
    on any two versions of a clause.
    """
    if old_text == new_text:
        return NO_CHANGE
    c = _compile(lexicon)
    if edits is None:
        edits = diff_texts(old_text, new_text)
    if not any(e.op != "equal" and c.vocabulary.search(e.text) for e in edits):
        return NO_CHANGE
    old = _words(old_text, [e.left for e in edits if e.op == DELETE])
    new = _words(new_text, [e.right for e in edits if e.op == INSERT])
    old_clauses, new_clauses = _clauses(old_text, old, c), _clauses(new_text, new, c)
    steps: list[StrengthStep] = []
    for a, b in _pair_clauses(old_clauses, new_clauses):
        steps += _clause_steps(a, b, old, new, c)
    return StrengthChange(_verdict(steps), tuple(steps)) if steps else NO_CHANGE


def _verdict(steps: list[StrengthStep]) -> Direction:
    directions = {s.direction for s in steps} - {Direction.NEITHER}
    if len(directions) > 1:
        return Direction.MIXED
    return directions.pop() if directions else Direction.NEITHER


def _words(text: str, changed: list[tuple[int, int]]) -> list[_Word]:
    """The words of `text`, each marked changed when it overlaps one of the `changed` ranges."""
    out = []
    ranges = sorted(changed)
    k = 0
    for m in _WORD.finditer(text):
        start, end = m.span()
        while k < len(ranges) and ranges[k][1] <= start:
            k += 1
        hit = k < len(ranges) and ranges[k][0] < end
        out.append(_Word(m.group().lower(), m.group(), start, end, hit))
    return out


def _clauses(text: str, words: list[_Word], c: _Compiled) -> list[_Clause]:
    """The clauses of a text, each from its lead phrase to the next (text before the first
    lead phrase is a clause without one). A lead phrase opens a clause at the start, after
    ; , : ( or after an opener word ("and urging", "they called on"), lead-ins allowed."""
    leads: list[tuple[int, int, tuple[str, ...]]] = []  # first word, end word, phrase
    i = 0
    while i < len(words):
        found = _phrase_at(text, words, i, c)
        if found and _opens_clause(text, words, i, c):
            leads.append((i, i + len(found), found))
            i += len(found)
        else:
            i += 1
    out = []
    first = leads[0][0] if leads else len(words)
    if first and any(w.key not in c.lead_ins for w in words[:first]):
        out.append(_Clause(None, "", 0, first, _span(text, words, 0, first)))
    for k, (start, body, phrase) in enumerate(leads):
        end = leads[k + 1][0] if k + 1 < len(leads) else len(words)
        lead = text[words[start].start : words[body - 1].end]
        out.append(_Clause(c.ranks[phrase], " ".join(lead.split()), body, end,
                           _span(text, words, body, end)))
    return out


def _phrase_at(text: str, words: list[_Word], i: int, c: _Compiled) -> tuple[str, ...] | None:
    """The longest lead phrase whose words start at word `i`, separated by spaces only."""
    for phrase in c.phrases.get(words[i].key, ()):
        n = len(phrase)
        if i + n <= len(words) and all(words[i + k].key == phrase[k] for k in range(1, n)) and \
                all(not text[words[i + k - 1].end : words[i + k].start].strip() for k in range(1, n)):
            return phrase
    return None


def _opens_clause(text: str, words: list[_Word], i: int, c: _Compiled) -> bool:
    j = i
    while j > 0 and words[j - 1].key in c.lead_ins and \
            not text[words[j - 1].end : words[j].start].strip():
        j -= 1
    before = text[words[j - 1].end if j else 0 : words[j].start].strip()
    if before:
        return before[-1] in ";,:("
    return j == 0 or words[j - 1].key in c.openers


def _span(text: str, words: list[_Word], start: int, end: int) -> str:
    return text[words[start].start : words[end - 1].end] if start < end else ""


def _pair_clauses(old: list[_Clause], new: list[_Clause]) -> list[tuple[_Clause, _Clause]]:
    """Old and new clauses that are one clause edited, in order; one each always pair."""
    if len(old) == 1 and len(new) == 1:
        return [(old[0], new[0])]
    if not old or not new:
        return []
    scores = np.array([[fuzz.ratio(a.body.lower(), b.body.lower()) for b in new] for a in old],
                      dtype=np.float64)
    return [(old[i], new[j]) for i, j in global_alignment(scores, CLAUSE_PAIR_THRESHOLD)]


def _clause_steps(a: _Clause, b: _Clause, old: list[_Word], new: list[_Word],
                  c: _Compiled) -> list[StrengthStep]:
    steps = []
    if a.ranks is not None and b.ranks is not None:
        step = _lead_step(a, b)
        if step is not None:
            steps.append(step)
    if a.body != b.body:
        steps += _body_steps(a, b, old, new, c)
    return steps


def _lead_step(a: _Clause, b: _Clause) -> StrengthStep | None:
    assert a.ranks is not None and b.ranks is not None
    shared = a.ranks.keys() & b.ranks.keys()
    if not shared:
        return StrengthStep(Direction.NEITHER, "lead", a.lead, b.lead)
    ladder = min(shared)  # only "Noting" sits on several ladders, at the same rank on each
    diff = b.ranks[ladder] - a.ranks[ladder]
    if diff == 0:
        return None  # the same rung: "Calling upon" and "Calling on", "Condemning" and "Condemns"
    return StrengthStep(Direction.STRONGER if diff > 0 else Direction.WEAKER, "lead", a.lead, b.lead)


def _body_steps(a: _Clause, b: _Clause, old: list[_Word], new: list[_Word],
                c: _Compiled) -> list[StrengthStep]:
    """Modals replaced, and (in the same clause) intensifiers and hedges added or dropped,
    in the order of the old text."""
    aw, bw = old[a.body_start : a.end], new[b.body_start : b.end]
    steps = _modal_steps(aw, bw, c)
    if fuzz.ratio(a.body.lower(), b.body.lower()) >= SAME_CLAUSE_THRESHOLD:
        for phrase, effect in c.modifiers:
            dropped, added = _changed_at(aw, phrase), _changed_at(bw, phrase)
            n = min(len(dropped), len(added))  # moved within the clause: no change
            steps += [(k, _modifier_step(aw, k, len(phrase), effect, dropped=True)) for k in dropped[n:]]
            steps += [(k, _modifier_step(bw, k, len(phrase), effect, dropped=False)) for k in added[n:]]
    return [s for _, s in sorted(steps, key=lambda t: t[0])]


def _changed_at(words: list[_Word], phrase: tuple[str, ...]) -> list[int]:
    """Starts of the occurrences of `phrase` added or dropped on their own: all their words
    changed, the words on either side kept ("all parties" -> "parties"). A modifier that
    went with its neighbours ("by all parties to the conflict" deleted) went with content."""
    n = len(phrase)
    return [k for k in range(len(words) - n + 1)
            if words[k].key == phrase[0] and all(words[k + m].key == phrase[m] for m in range(1, n))
            and _alone(words, k, n)]


def _alone(words: list[_Word], k: int, n: int) -> bool:
    """Words [k, k+n) changed, and the words just before and after them not."""
    return all(w.changed for w in words[k : k + n]) and \
        (k == 0 or not words[k - 1].changed) and (k + n == len(words) or not words[k + n].changed)


def _modifier_step(words: list[_Word], k: int, n: int, effect: int, *, dropped: bool) -> StrengthStep:
    """'all parties → parties' when the next word stayed; else '“as appropriate” dropped'."""
    phrase = " ".join(w.text for w in words[k : k + n])
    direction = Direction.STRONGER if (effect > 0) != dropped else Direction.WEAKER
    kind = "intensifier" if effect > 0 else "hedge"
    nxt = words[k + n].text if k + n < len(words) and not words[k + n].changed else ""
    with_next = f"{phrase} {nxt}" if nxt else phrase
    if dropped:
        return StrengthStep(direction, kind, with_next, nxt)
    return StrengthStep(direction, kind, nxt, with_next)


def _modal_steps(a: list[_Word], b: list[_Word], c: _Compiled) -> list[tuple[int, StrengthStep]]:
    """Modals replaced on their own by others, in order ("must" -> "should"), at the old
    word's place; one dropped or added without another is rewording."""
    gone = [(i, w) for i, w in enumerate(a) if w.key in c.modals and _alone(a, i, 1)]
    came = [w for i, w in enumerate(b) if w.key in c.modals and _alone(b, i, 1)]
    steps = []
    for (i, old), new in zip(gone, came, strict=False):
        diff = c.modals[new.key] - c.modals[old.key]
        if diff:
            steps.append((i, StrengthStep(Direction.STRONGER if diff > 0 else Direction.WEAKER,
                                          "modal", old.text, new.text)))
    return steps
