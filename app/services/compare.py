"""Comparison use cases the CLI and the GUI call: passages, pasted texts, references."""

from __future__ import annotations

from typing import Any

from app.compare.engine import compare_segments
from app.compare.model import CompareOptions, Comparison
from app.compare.parallels import Parallel, find_parallels
from app.compare.render import to_html, to_json, to_text
from app.compare.repeats import RepeatGroup, find_repeats
from app.model import Document, Passage
from app.parse import parse_text
from app.refs import resolve
from app.store import Store

__all__ = [
    "CompareOptions",
    "Comparison",
    "Parallel",
    "RepeatGroup",
    "compare_passages",
    "compare_refs",
    "compare_texts",
    "comparison_html",
    "comparison_json",
    "comparison_text",
    "parallels",
    "repeats",
]


def compare_passages(
    left: Passage, right: Passage, options: CompareOptions | None = None
) -> Comparison:
    """Align two passages by content and diff each pair word by word."""
    return compare_segments(
        left.segments,
        right.segments,
        options,
        left_title=left.describe(),
        right_title=right.describe(),
        left_ref=left.ref,
        right_ref=right.ref,
    )


def compare_texts(left: str, right: str, options: CompareOptions | None = None) -> Comparison:
    """Compare two pasted passages; nothing is stored."""
    a, b = parse_text(left, "left"), parse_text(right, "right")
    return compare_segments(a.segments, b.segments, options, "Left text", "Right text")


def compare_refs(
    lib: Store, left_ref: str, right_ref: str, options: CompareOptions | None = None
) -> Comparison:
    """Compare two references such as `1:5(n)..5(v)` and `1:7(a)..7(i)`."""
    return compare_passages(resolve(lib, left_ref), resolve(lib, right_ref), options)


def parallels(
    doc: Document, options: CompareOptions | None = None, threshold: float | None = None
) -> list[Parallel]:
    """Runs of `doc` that mirror another run of it, each with its comparison."""
    if threshold is None:
        return find_parallels(doc.segments, options=options)
    return find_parallels(doc.segments, threshold=threshold, options=options)


def repeats(doc: Document, options: CompareOptions | None = None) -> list[RepeatGroup]:
    """Groups of segments of `doc` that say nearly the same thing."""
    return find_repeats(doc.segments, options)


def comparison_json(cmp: Comparison) -> dict[str, Any]:
    return to_json(cmp)


def comparison_text(cmp: Comparison) -> str:
    return to_text(cmp)


def comparison_html(cmp: Comparison) -> str:
    return to_html(cmp)
