"""Structural edits of a draft: pure functions from segments to relabelled segments.

Each takes the current rows and a row index and returns the new rows (labels recomputed by
`renumber`); moves also return where the moved row went, so a view can keep it selected.
An edit that makes no sense (indenting the first paragraph) raises `EditRefused`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.drafts.model import EditRefused
from app.drafts.numbering import MAX_DEPTH, block_end, depth_of, renumber
from app.model import Kind, Segment
from app.parse.structure import clean_text

Rows = tuple[Segment, ...]


def _depths(segments: Sequence[Segment]) -> list[int]:
    return [depth_of(s) for s in segments]


def _check(segments: Sequence[Segment], index: int) -> None:
    if not 0 <= index < len(segments):
        raise EditRefused(f"there is no row {index + 1} in this draft of {len(segments)} rows")


def edit_text(segments: Sequence[Segment], index: int, text: str) -> Rows:
    """Replace one row's text; addressee and heading text flow into the rows they govern."""
    _check(segments, index)
    rows = list(segments)
    # Control characters (Word's plain-text clipboard gives \v for a line break) cannot be
    # stored in a Word file; the importer drops them too.
    rows[index] = rows[index].with_text(tidy(text))
    return renumber(rows, _depths(segments))


_STRAY_SPACE = re.compile(r"[ \t\u00a0]{2,}|\t")


def tidy(text: str) -> str:
    """A row's text as it is stored: no control characters, no tab (Word would show it as a
    blank gap), no runs of spaces, nothing at either end."""
    return _STRAY_SPACE.sub(" ", clean_text(text, {}).replace("\t", " ")).strip()


def insert_segment(segments: Sequence[Segment], index: int, segment: Segment, depth: int | None = None) -> Rows:
    """Insert `segment` before row `index` (`len` appends); `depth` 2 makes a `(i)` item."""
    if not 0 <= index <= len(segments):
        raise EditRefused(f"cannot insert at row {index + 1} of {len(segments)}")
    ds = _depths(segments)
    ds.insert(index, depth if depth is not None else depth_of(segment))
    rows = list(segments)
    rows.insert(index, segment.with_text(tidy(segment.text)))
    return renumber(rows, ds)


def _enclosing_paragraph_end(segments: Sequence[Segment], index: int) -> int:
    """The last row of the paragraph block containing `index` (or `index` itself)."""
    start = index
    while start > 0 and depth_of(segments[start]) > 0:
        start -= 1
    if segments[start].kind is Kind.PARAGRAPH:
        return block_end(segments, start)
    return index


def add_segment(segments: Sequence[Segment], after: int, kind: Kind, text: str = "") -> tuple[Rows, int]:
    """Add a new row of `kind` where a drafter expects it, relative to row `after`.

    A subparagraph goes right after the current row (after paragraph 5 it becomes 5(a), the
    old 5(a) becomes 5(b)), at the current row's degree; a paragraph or heading goes after
    the whole current paragraph (adding a paragraph on 5(c) gives a new 6 after 5(dd)); an
    addressee line or plain text goes right after the current row. `after` = -1 adds at
    the top. Returns the rows and the new row's index.
    """
    if after >= len(segments) or after < -1:
        raise EditRefused(f"there is no row {after + 1} in this draft of {len(segments)} rows")
    depth = 0
    if after < 0:
        at = 0
    elif kind in (Kind.PARAGRAPH, Kind.HEADING):
        at = _enclosing_paragraph_end(segments, after) + 1
    else:
        at = after + 1
        if kind is Kind.SUBPARAGRAPH:
            cur = segments[after]
            depth = depth_of(cur) if cur.kind is Kind.SUBPARAGRAPH else 1
    if kind is Kind.SUBPARAGRAPH and not any(s.kind is Kind.PARAGRAPH for s in segments[:at]):
        raise EditRefused("a subparagraph needs a numbered paragraph above it")
    seg = Segment(kind, text)
    return insert_segment(segments, at, seg, depth or None), at


def delete(segments: Sequence[Segment], index: int) -> Rows:
    """Delete a row with everything under it: paragraph 5 goes with 5(a)..5(dd)."""
    _check(segments, index)
    ds = _depths(segments)
    end = block_end(segments, index, ds)
    return renumber(list(segments[:index]) + list(segments[end + 1 :]), ds[:index] + ds[end + 1 :])


def _prev_unit_start(ds: Sequence[int], index: int) -> int | None:
    j = index - 1
    while j >= 0 and ds[j] > ds[index]:
        j -= 1
    return j if j >= 0 else None


def _next_unit_end(ds: Sequence[int], index: int, end: int) -> int | None:
    k = end + 1
    if k >= len(ds):
        return None
    m = k
    while m + 1 < len(ds) and ds[m + 1] > ds[index]:
        m += 1
    return m


def can_move_up(segments: Sequence[Segment], index: int) -> bool:
    return 0 <= index < len(segments) and _prev_unit_start(_depths(segments), index) is not None


def can_move_down(segments: Sequence[Segment], index: int) -> bool:
    if not 0 <= index < len(segments):
        return False
    ds = _depths(segments)
    return _next_unit_end(ds, index, block_end(segments, index, ds)) is not None


def move_up(segments: Sequence[Segment], index: int) -> tuple[Rows, int]:
    """Move a row (with its block) above the previous unit at its level.

    5(c) swaps with 5(b); the first subparagraph 5(a) moves above paragraph 5 and becomes
    the last subparagraph of 4. Returns the rows and the moved row's new index.
    """
    _check(segments, index)
    ds = _depths(segments)
    j = _prev_unit_start(ds, index)
    if j is None:
        raise EditRefused("the first row cannot move up")
    end = block_end(segments, index, ds)
    order = list(range(index, end + 1)) + list(range(j, index))
    return _reorder(segments, ds, j, end, order), j


def move_down(segments: Sequence[Segment], index: int) -> tuple[Rows, int]:
    """Move a row (with its block) below the next unit; the mirror of `move_up`."""
    _check(segments, index)
    ds = _depths(segments)
    end = block_end(segments, index, ds)
    m = _next_unit_end(ds, index, end)
    if m is None:
        raise EditRefused("the last row cannot move down")
    order = list(range(end + 1, m + 1)) + list(range(index, end + 1))
    return _reorder(segments, ds, index, m, order), index + (m - end)


def _reorder(segments: Sequence[Segment], ds: Sequence[int], lo: int, hi: int, order: list[int]) -> Rows:
    rows = list(segments[:lo]) + [segments[i] for i in order] + list(segments[hi + 1 :])
    new_ds = list(ds[:lo]) + [ds[i] for i in order] + list(ds[hi + 1 :])
    return renumber(rows, new_ds)


def _indent_problem(segments: Sequence[Segment], index: int) -> str:
    seg = segments[index]
    if seg.kind not in (Kind.PARAGRAPH, Kind.SUBPARAGRAPH):
        return "only numbered paragraphs can be indented"
    ds = _depths(segments)
    d = ds[index]
    if d >= MAX_DEPTH:
        return f"{seg.label} is already at the deepest level"
    prev = segments[index - 1] if index > 0 else None
    if prev is None or prev.kind not in (Kind.PARAGRAPH, Kind.SUBPARAGRAPH) or ds[index - 1] < d:
        return f"{seg.label or 'this row'} has no paragraph above it at its level to go under"
    end = block_end(segments, index, ds)
    if any(segments[i].kind is Kind.ADDRESSEE for i in range(index + 1, end + 1)):
        return f"{seg.label} has addressee lines and cannot become a subparagraph"
    if any(ds[i] + 1 > MAX_DEPTH for i in range(index + 1, end + 1)):
        return f"{seg.label} has subparagraphs that would go deeper than (i), (ii)"
    return ""


def can_indent(segments: Sequence[Segment], index: int) -> bool:
    return 0 <= index < len(segments) and not _indent_problem(segments, index)


def can_outdent(segments: Sequence[Segment], index: int) -> bool:
    return 0 <= index < len(segments) and segments[index].kind is Kind.SUBPARAGRAPH


def indent(segments: Sequence[Segment], index: int) -> Rows:
    """A paragraph becomes a subparagraph of the one above (6 -> 5(e)); 5(b) becomes 5(a)(i)."""
    _check(segments, index)
    problem = _indent_problem(segments, index)
    if problem:
        raise EditRefused(problem)
    ds = _depths(segments)
    end = block_end(segments, index, ds)
    rows = list(segments)
    for i in range(index, end + 1):
        ds[i] += 1
        if rows[i].kind is Kind.PARAGRAPH:
            rows[i] = Segment(Kind.SUBPARAGRAPH, rows[i].text)
    return renumber(rows, ds)


def outdent(segments: Sequence[Segment], index: int) -> Rows:
    """The reverse of `indent`: 5(e) becomes paragraph 6, 5(a)(i) becomes 5(b).

    The subparagraphs that followed it now follow the new paragraph, so they become its own
    (5(f) turns into 6(a)), as in any outline.
    """
    _check(segments, index)
    if not can_outdent(segments, index):
        raise EditRefused("only subparagraphs can be outdented")
    ds = _depths(segments)
    end = block_end(segments, index, ds)
    rows = list(segments)
    for i in range(index, end + 1):
        ds[i] -= 1
        if ds[i] == 0 and rows[i].kind is Kind.SUBPARAGRAPH:
            rows[i] = Segment(Kind.PARAGRAPH, rows[i].text)
    return renumber(rows, ds)


def move_to(segments: Sequence[Segment], index: int, before: int) -> tuple[Rows, int]:
    """Move row `index` with its block so that it lands just before row `before` (a drop).

    A drop is a run of the same one-unit steps as Alt+Up/Down, taken while each brings the
    row closer to the drop, so a dragged row obeys the same rules (5(a) dragged above 5
    becomes the last subparagraph of 4; paragraph 6 dropped among 5's subparagraphs lands
    above 5) and the labels are recomputed the same way. Returns the rows and the new index.
    """
    rows = tuple(segments)
    size = block_end(rows, index) - index + 1
    if index <= before <= index + size:
        return rows, index  # dropped on itself
    target = before if before < index else before - size
    for _ in range(len(rows)):
        if index > target and can_move_up(rows, index):
            moved, at = move_up(rows, index)
        elif index < target and can_move_down(rows, index):
            moved, at = move_down(rows, index)
        else:
            break
        if abs(at - target) >= abs(index - target):
            break  # the next step at this level would land further from the drop
        rows, index = moved, at
    return rows, index
