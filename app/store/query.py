"""What a person types into search, read once for every store: terms and operators.

Quoted text is a phrase, `word*` a prefix, an upper-case OR between terms an alternative,
an upper-case NOT before a term excludes it, AND (or nothing) joins terms. Every other
character is taken literally: only the words (`\\w+`) of a term are searched, so `5(n)`,
`"unbalanced`, `NEAR(x y)` or `NOT AND` never reach a search engine as syntax. Each store
renders the result in its own engine's syntax (FTS5 in `fts`, tsquery in `postgres.search`),
with the same meaning: NOT binds tighter than AND, AND tighter than OR.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TERM_RE = re.compile(r'"([^"]*)"|(\S+)')
_OPERATORS = {"OR", "NOT", "AND"}


@dataclass(frozen=True, slots=True)
class Term:
    """A word or phrase; with `prefix`, its last word is a prefix (`reintegrat*`)."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Query:
    """`first`, then each (operator, term) in order; the operator is "AND", "OR" or "NOT"."""

    first: Term
    rest: tuple[tuple[str, Term], ...] = ()

    def groups(self) -> list[list[tuple[str, Term]]]:
        """The OR-alternatives, each a list of ("AND" | "NOT", term) starting with "AND"."""
        groups: list[list[tuple[str, Term]]] = [[("AND", self.first)]]
        for op, term in self.rest:
            if op == "OR":
                groups.append([("AND", term)])
            else:
                groups[-1].append((op, term))
        return groups


def parse_query(text: str) -> Query | None:
    """The query a person typed; None when it holds no word to search for."""
    terms: list[tuple[str, Term]] = []
    pending = "AND"
    for m in _TERM_RE.finditer(text):
        phrase, word = m.group(1), m.group(2)
        if word in _OPERATORS:
            if terms:
                pending = word
            continue
        raw = phrase if phrase is not None else word
        words = tuple(re.findall(r"\w+", raw))
        if not words:
            continue
        terms.append((pending, Term(words, prefix=word is not None and word.endswith("*"))))
        pending = "AND"
    if not terms:
        return None
    return Query(terms[0][1], tuple(terms[1:]))
