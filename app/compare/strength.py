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
from bisect import bisect_right
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


class _Words:
    """The words of a text as parallel lists: lower-case keys, character spans, and
    whether the word diff changed each; `changed_by_key` finds the changed ones fast."""

    __slots__ = ("text", "keys", "spans", "changed", "changed_by_key")

    def __init__(self, text: str, changed_ranges: list[tuple[int, int]]) -> None:
        self.text = text
        self.spans = [m.span() for m in _WORD.finditer(text)]
        low = text.lower()
        self.keys = [low[a:b] for a, b in self.spans]
        self.changed = [False] * len(self.spans)
        ends = [b for _, b in self.spans]
        for start, end in changed_ranges:
            i = bisect_right(ends, start)  # the first word ending after the range starts
            while i < len(self.spans) and self.spans[i][0] < end:
                self.changed[i] = True
                i += 1
        self.changed_by_key: dict[str, list[int]] = {}
        for i, hit in enumerate(self.changed):
            if hit:
                self.changed_by_key.setdefault(self.keys[i], []).append(i)

    def __len__(self) -> int:
        return len(self.spans)

    def written(self, i: int) -> str:
        a, b = self.spans[i]
        return self.text[a:b]

    def span(self, start: int, end: int) -> str:
        """The text from word `start` to the end of word `end - 1` ("" when empty)."""
        return self.text[self.spans[start][0] : self.spans[end - 1][1]] if start < end else ""

    def gap(self, i: int) -> str:
        """What stands between word `i - 1` (or the start) and word `i`."""
        return self.text[self.spans[i - 1][1] if i else 0 : self.spans[i][0]]

    def alone(self, k: int, n: int, lo: int, hi: int) -> bool:
        """Words [k, k+n) changed, and their neighbours within [lo, hi) not."""
        return all(self.changed[k : k + n]) and (k == lo or not self.changed[k - 1]) and \
            (k + n == hi or not self.changed[k + n])


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
    old = _Words(old_text, [e.left for e in edits if e.op == DELETE])
    new = _Words(new_text, [e.right for e in edits if e.op == INSERT])
    old_clauses, new_clauses = _clauses(old, c), _clauses(new, c)
    steps: list[StrengthStep] = []
    for a, b in _pair_clauses(old_clauses, new_clauses):
        steps += _clause_steps(a, b, old, new, c)
    return StrengthChange(_verdict(steps), tuple(steps)) if steps else NO_CHANGE


def _verdict(steps: list[StrengthStep]) -> Direction:
    directions = {s.direction for s in steps} - {Direction.NEITHER}
    if len(directions) > 1:
        return Direction.MIXED
    return directions.pop() if directions else Direction.NEITHER


def _clauses(w: _Words, c: _Compiled) -> list[_Clause]:
    """The clauses of a text, each from its lead phrase to the next (text before the first
    lead phrase is a clause without one). A lead phrase opens a clause at the start, after
    ; , : ( or after an opener word ("and urging", "they called on"), lead-ins allowed."""
    leads: list[tuple[int, int, tuple[str, ...]]] = []  # first word, end word, phrase
    after = 0  # the first word after the last lead phrase found
    for i in [i for i, key in enumerate(w.keys) if key in c.phrases]:
        if i < after:
            continue
        found = _phrase_at(w, i, c)
        if found and _opens_clause(w, i, c):
            leads.append((i, i + len(found), found))
            after = i + len(found)
    out = []
    first = leads[0][0] if leads else len(w)
    if first and any(k not in c.lead_ins for k in w.keys[:first]):
        out.append(_Clause(None, "", 0, first, w.span(0, first)))
    for k, (start, body, phrase) in enumerate(leads):
        end = leads[k + 1][0] if k + 1 < len(leads) else len(w)
        out.append(_Clause(c.ranks[phrase], " ".join(w.span(start, body).split()), body, end,
                           w.span(body, end)))
    return out


def _phrase_at(w: _Words, i: int, c: _Compiled) -> tuple[str, ...] | None:
    """The longest lead phrase whose words start at word `i`, separated by spaces only."""
    for phrase in c.phrases[w.keys[i]]:
        n = len(phrase)
        if i + n <= len(w) and all(w.keys[i + k] == phrase[k] for k in range(1, n)) and \
                all(not w.gap(i + k).strip() for k in range(1, n)):
            return phrase
    return None


def _opens_clause(w: _Words, i: int, c: _Compiled) -> bool:
    j = i
    while j > 0 and w.keys[j - 1] in c.lead_ins and not w.gap(j).strip():
        j -= 1
    before = w.gap(j).strip()
    if before:
        return before[-1] in ";,:("
    return j == 0 or w.keys[j - 1] in c.openers


def _pair_clauses(old: list[_Clause], new: list[_Clause]) -> list[tuple[_Clause, _Clause]]:
    """Old and new clauses that are one clause edited, in order; one each always pair."""
    if len(old) == 1 and len(new) == 1:
        return [(old[0], new[0])]
    if not old or not new:
        return []
    scores = np.array([[fuzz.ratio(a.body.lower(), b.body.lower()) for b in new] for a in old],
                      dtype=np.float64)
    return [(old[i], new[j]) for i, j in global_alignment(scores, CLAUSE_PAIR_THRESHOLD)]


def _clause_steps(a: _Clause, b: _Clause, old: _Words, new: _Words,
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


def _body_steps(a: _Clause, b: _Clause, old: _Words, new: _Words,
                c: _Compiled) -> list[StrengthStep]:
    """Modals replaced, and (in the same clause) intensifiers and hedges added or dropped,
    in the order of the old text."""
    ab, bb = (a.body_start, a.end), (b.body_start, b.end)
    steps = _modal_steps(old, ab, new, bb, c)
    if fuzz.ratio(a.body.lower(), b.body.lower()) >= SAME_CLAUSE_THRESHOLD:
        for phrase, effect in c.modifiers:
            dropped, added = _changed_at(old, ab, phrase), _changed_at(new, bb, phrase)
            n = min(len(dropped), len(added))  # moved within the clause: no change
            steps += [(k, _modifier_step(old, ab, k, len(phrase), effect, dropped=True))
                      for k in dropped[n:]]
            steps += [(k, _modifier_step(new, bb, k, len(phrase), effect, dropped=False))
                      for k in added[n:]]
    return [s for _, s in sorted(steps, key=lambda t: t[0])]


def _changed_at(w: _Words, bounds: tuple[int, int], phrase: tuple[str, ...]) -> list[int]:
    """Starts of the occurrences of `phrase` in words [lo, hi) added or dropped on their own:
    all their words changed, the words on either side kept ("all parties" -> "parties"). A
    modifier that went with its neighbours ("by all parties to the conflict") went with
    content."""
    lo, hi = bounds
    n = len(phrase)
    return [k for k in w.changed_by_key.get(phrase[0], ()) if lo <= k <= hi - n
            and all(w.keys[k + m] == phrase[m] for m in range(1, n)) and w.alone(k, n, lo, hi)]


def _modifier_step(w: _Words, bounds: tuple[int, int], k: int, n: int, effect: int, *,
                   dropped: bool) -> StrengthStep:
    """'all parties → parties': a one-word intensifier with the word it qualifies (when that
    word stayed); else '“as appropriate” dropped', '“without delay” added'."""
    phrase = w.span(k, k + n)
    direction = Direction.STRONGER if (effect > 0) != dropped else Direction.WEAKER
    kind = "intensifier" if effect > 0 else "hedge"
    qualifies = effect > 0 and n == 1 and k + n < bounds[1] and not w.changed[k + n]
    nxt = w.written(k + n) if qualifies else ""
    with_next = f"{phrase} {nxt}" if nxt else phrase
    if dropped:
        return StrengthStep(direction, kind, with_next, nxt)
    return StrengthStep(direction, kind, nxt, with_next)


def _modal_steps(a: _Words, ab: tuple[int, int], b: _Words, bb: tuple[int, int],
                 c: _Compiled) -> list[tuple[int, StrengthStep]]:
    """Modals replaced on their own by others, in order ("must" -> "should"), at the old
    word's place; one dropped or added without another is rewording."""
    def alone(w: _Words, bounds: tuple[int, int]) -> list[int]:
        return sorted(i for m in c.modals for i in w.changed_by_key.get(m, ())
                      if bounds[0] <= i < bounds[1] and w.alone(i, 1, *bounds))

    steps = []
    for i, j in zip(alone(a, ab), alone(b, bb), strict=False):
        diff = c.modals[b.keys[j]] - c.modals[a.keys[i]]
        if diff:
            steps.append((i, StrengthStep(Direction.STRONGER if diff > 0 else Direction.WEAKER,
                                          "modal", a.written(i), b.written(j))))
    return steps
