"""Word-level differences inside an aligned pair, cleaned up for a human reader.

The texts are split into words, punctuation marks and whitespace (`normalize.tokenize`),
matched with `difflib.SequenceMatcher` on the tokens' keys, then tidied the way
diff-match-patch's semantic cleanup does: an equality no longer than the changes on both
sides of it is folded into them, so "the six grave violations" against "grave abuses"
reads as one replacement instead of a confetti of one-word islands.

Every `Edit` carries half-open character ranges into both original texts; together the
edits cover each text exactly once, in order.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from app.compare.model import CompareOptions, Edit
from app.compare.normalize import Token, tokenize

EQUAL, DELETE, INSERT = "equal", "delete", "insert"


@dataclass(slots=True)
class _Chunk:
    """A run of the diff in character offsets: equal on both sides, or a change."""

    equal: bool
    l1: int
    l2: int
    r1: int
    r2: int


def diff_texts(left: str, right: str, options: CompareOptions | None = None) -> tuple[Edit, ...]:
    """The word-level edits turning `left` into `right` under `options`."""
    options = options or CompareOptions()
    if left == right:
        return (Edit(EQUAL, left, (0, len(left)), (0, len(right))),) if left else ()
    ltoks, lf, ll = tokenize(left, options)
    rtoks, rf, rl = tokenize(right, options)
    a = [t.key for t in ltoks[lf:ll]]
    b = [t.key for t in rtoks[rf:rl]]
    lb = _boundaries(ltoks, lf, ll, len(left))
    rb = _boundaries(rtoks, rf, rl, len(right))
    chunks: list[_Chunk] = []
    if not a or not b:  # one side has nothing to compare (only ignored characters)
        chunks.append(_Chunk(not a and not b, 0, len(left), 0, len(right)))
    else:
        for tag, i1, i2, j1, j2 in _opcodes(a, b):
            _append(chunks, _Chunk(tag == "equal", lb[i1], lb[i2], rb[j1], rb[j2]))
    chunks = _cleanup_semantic(chunks)
    _shift_spaces(chunks, left, right)
    return tuple(_edits(chunks, left, right))


def _opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """`SequenceMatcher` opcodes of two token lists, the common ends set aside first.

    Matching is quadratic in a frequent token (a space), so two long texts that differ in a
    few words (a subparagraph split in two, a redraft's edit) cost far less this way.
    """
    n = min(len(a), len(b))
    head = 0
    while head < n and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < n - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    out = [("equal", 0, head, 0, head)] if head else []
    matcher = SequenceMatcher(None, a[head : len(a) - tail], b[head : len(b) - tail], autojunk=False)
    out += [(tag, i1 + head, i2 + head, j1 + head, j2 + head)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes()]
    if tail:
        out.append(("equal", len(a) - tail, len(a), len(b) - tail, len(b)))
    return out


def _boundaries(tokens: list[Token], first: int, last: int, length: int) -> list[int]:
    """Character offset where each compared token's region starts, plus the text's end.

    Ignored leading characters belong to the first region and ignored trailing ones to
    the last, so the regions tile the whole text.
    """
    inner = [t.start for t in tokens[first:last]]
    if not inner:
        return [0]
    inner[0] = 0
    inner.append(length)
    return inner


def _append(chunks: list[_Chunk], c: _Chunk) -> None:
    """Add `c`, merging it into the previous chunk when both are of the same kind."""
    if chunks and chunks[-1].equal == c.equal:
        p = chunks[-1]
        p.l2, p.r2 = c.l2, c.r2
    else:
        chunks.append(c)


def _cleanup_semantic(chunks: list[_Chunk]) -> list[_Chunk]:
    """Fold small equalities between changes into the changes (diff-match-patch's rule).

    An equality is folded when it is no longer than the largest side of the change before
    it and of the change after it; repeated until nothing changes.
    """
    k = 1
    while k < len(chunks) - 1:
        e = chunks[k]
        if e.equal and _change_size(e) <= min(_change_size(chunks[k - 1]), _change_size(chunks[k + 1])):
            before, after = chunks[k - 1], chunks[k + 1]
            chunks[k - 1 : k + 2] = [_Chunk(False, before.l1, after.l2, before.r1, after.r2)]
            # the grown change may now swallow the equality before it
            k = max(1, k - 2)
        else:
            k += 1
    return chunks


def _shift_spaces(chunks: list[_Chunk], left: str, right: str) -> None:
    """Make a lone insertion or deletion start with its word and end with its space.

    "of{+ the six+} grave" and "of {+the six +}grave" say the same; a reader expects the
    second. The change slides right over a leading space that also opens the equality after
    it, on both sides.
    """
    for k in range(1, len(chunks) - 1):
        before, c, after = chunks[k - 1], chunks[k], chunks[k + 1]
        if c.equal or not before.equal or (c.l1 != c.l2 and c.r1 != c.r2):
            continue
        text, start = (right, c.r1) if c.l1 == c.l2 else (left, c.l1)
        n = len(text[start:]) - len(text[start:].lstrip())
        if not n:
            continue
        space = text[start : start + n]
        if left[after.l1 : after.l1 + n] != space or right[after.r1 : after.r1 + n] != space:
            continue
        if after.l2 - after.l1 <= n or after.r2 - after.r1 <= n:
            continue  # the equality after would vanish: leave the space where it is
        before.l2 += n
        before.r2 += n
        c.l1, c.l2, c.r1, c.r2 = c.l1 + n, c.l2 + n, c.r1 + n, c.r2 + n
        after.l1 += n
        after.r1 += n


def _change_size(c: _Chunk) -> int:
    return max(c.l2 - c.l1, c.r2 - c.r1)


def _edits(chunks: list[_Chunk], left: str, right: str) -> list[Edit]:
    out: list[Edit] = []
    for c in chunks:
        if c.equal:
            out.append(Edit(EQUAL, left[c.l1 : c.l2], (c.l1, c.l2), (c.r1, c.r2)))
            continue
        if c.l2 > c.l1:
            out.append(Edit(DELETE, left[c.l1 : c.l2], (c.l1, c.l2), (c.r1, c.r1)))
        if c.r2 > c.r1:
            out.append(Edit(INSERT, right[c.r1 : c.r2], (c.l2, c.l2), (c.r1, c.r2)))
    return out


def apply_edits(left: str, edits: tuple[Edit, ...] | list[Edit]) -> str:
    """Rebuild the right text from the left one: keep equal pieces, drop deletions, add insertions.

    Exact when no difference was ignored; with ignoring options an equal piece is the left
    text's spelling of it.
    """
    parts = []
    for e in edits:
        if e.op == EQUAL:
            parts.append(left[e.left[0] : e.left[1]])
        elif e.op == INSERT:
            parts.append(e.text)
    return "".join(parts)


def is_unchanged(edits: tuple[Edit, ...]) -> bool:
    """True when the edits hold no deletion or insertion."""
    return all(e.op == EQUAL for e in edits)
