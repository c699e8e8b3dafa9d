"""Square brackets: the negotiator's mark for language not yet agreed, `[strongly] condemning`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BracketCount:
    """Bracketed passages in a text or a draft.

    `pairs` counts matched `[...]` (nested ones too: `[[all] parties]` is two); `unmatched`
    counts a `[` never closed or a `]` never opened, which a drafter must also resolve.
    """

    pairs: int = 0
    unmatched: int = 0

    @property
    def open(self) -> int:
        """What the editor reports as still to be agreed."""
        return self.pairs + self.unmatched

    def __add__(self, other: BracketCount) -> BracketCount:
        return BracketCount(self.pairs + other.pairs, self.unmatched + other.unmatched)


def bracket_spans(text: str) -> list[tuple[int, int]]:
    """Half-open spans of each matched `[...]`, brackets included, outermost first by start.

    An unmatched `[` runs to the end of the text and an unmatched `]` from the start, so a
    highlighter shows the drafter where the problem lies.
    """
    spans: list[tuple[int, int]] = []
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch == "[":
            stack.append(i)
        elif ch == "]":
            if stack:
                spans.append((stack.pop(), i + 1))
            else:
                spans.append((0, i + 1))
    spans.extend((start, len(text)) for start in stack)
    return sorted(spans)


def count_brackets(texts: str | Iterable[str]) -> BracketCount:
    """Count bracketed passages in one text or across a draft's segment texts."""
    if isinstance(texts, str):
        texts = [texts]
    total = BracketCount()
    for text in texts:
        depth = pairs = unmatched = 0
        for ch in text:
            if ch == "[":
                depth += 1
            elif ch == "]":
                if depth:
                    depth -= 1
                    pairs += 1
                else:
                    unmatched += 1
        total = total + BracketCount(pairs, unmatched + depth)
    return total
