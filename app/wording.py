"""Counts in words a person reads: "1 document", "2 documents", "0 documents"."""

from __future__ import annotations


def count(n: int, noun: str, plural: str = "") -> str:
    """`n` and the noun agreeing with it; `plural` for nouns not made with -s ("pair of runs")."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
