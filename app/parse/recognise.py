"""Recognisers: small rules that each decide what one line starts, tried in order.

`Reader` walks the prepared lines; each recogniser looks at the line under the cursor
and either consumes it (and maybe the lines after it), adding or extending a block, or
declines so the next one is tried. Which recognisers run, and in what order, is data:
`app.parse.kinds` holds one tuple per kind of document (conclusions, public statement,
resolution, presidential statement, other).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from app.errors import ImportCancelled
from app.model import DocKind, Kind
from app.parse.lines import RawLine
from app.parse.patterns import (
    BULLET_RE,
    PARA_RE,
    ROMAN_PREFIX_RE,
    TERMINAL,
    Patterns,
)
from app.parse.sequence import Sequence

# Work between two checks of the caller's `cancelled()`.
CANCEL_EVERY = 2000


@dataclass
class Block:
    """Lines that will become one segment."""

    kind: Kind
    lines: list[str] = field(default_factory=list)
    label: str = ""
    closed: bool = False  # the reader said the paragraph ended, or the block never continues
    ended: bool = False  # the reader said the paragraph ended (a title is closed either way)


class Reader:
    """The cursor over prepared lines and the blocks recognised so far."""

    def __init__(self, lines: list[RawLine], patterns: Patterns, kind: DocKind,
                 sequence: Sequence | None = None, file: str = "") -> None:
        self.file = file
        self.lines = lines
        self.i = 0
        self.p = patterns
        self.kind = kind
        self.blocks: list[Block] = []
        self.seq = sequence or Sequence()
        self.warnings: list[str] = []
        self.labelled_any = False
        self.state = ""  # a kind's own progress, e.g. "preamble" in a resolution
        self.preambular = 0  # a resolution's preambular paragraphs so far

    # --- what is under the cursor ------------------------------------------------------

    @property
    def line(self) -> RawLine:
        return self.lines[self.i]

    @property
    def text(self) -> str:
        return self.line.text

    def peek(self, k: int = 1) -> RawLine | None:
        j = self.i + k
        return self.lines[j] if j < len(self.lines) else None

    def next_shown(self) -> str | None:
        """The next line as displayed: Word's automatic label in front of its text."""
        nxt = self.peek()
        if nxt is None:
            return None
        return f"{nxt.label} {nxt.text}" if nxt.label else nxt.text

    @property
    def current(self) -> Block | None:
        return self.blocks[-1] if self.blocks else None

    @property
    def prev_complete(self) -> bool:
        """The block before ended: closed, a heading or title, or its text ended a sentence."""
        cur = self.current
        return cur is None or cur.closed or cur.kind in (Kind.HEADING, Kind.TITLE) or (
            bool(cur.lines) and cur.lines[-1].rstrip().endswith(TERMINAL)
        )

    # --- changing ----------------------------------------------------------------------

    def add(self, block: Block, consumed: int = 1) -> bool:
        self.blocks.append(block)
        if block.label:
            self.labelled_any = True
        self.i += consumed
        return True

    def skip(self, n: int = 1) -> bool:
        self.i += n
        return True

    def run(self, recognisers: tuple[Recogniser, ...], cancelled: Callable[[], bool] | None = None) -> None:
        """Apply the first recogniser that accepts each line until all are consumed."""
        steps = 0
        while self.i < len(self.lines):
            steps += 1
            if cancelled is not None and steps % CANCEL_EVERY == 0 and cancelled():
                raise ImportCancelled(self.file)
            start = self.i
            for recognise in recognisers:
                if recognise(self):
                    break
            if self.i == start:  # nothing took it: never loop forever
                continuation(self)


Recogniser = Callable[[Reader], bool]


# --- generic recognisers, shared by every kind -------------------------------------------


def label_alone(r: Reader) -> bool:
    """A label alone on its line ("2.", "(a)") belongs to the text that follows."""
    nxt = r.peek()
    if r.line.label or nxt is None or nxt.label or not r.p.label_alone.fullmatch(r.text):
        return False
    r.lines[r.i + 1] = RawLine(f"{r.text} {nxt.text}", "", nxt.style, nxt.paragraph_end)
    return r.skip()


def _label_text(r: Reader) -> tuple[str, str | None]:
    """(what carries the label, the body text if the reader gave the label itself)."""
    rl = r.line
    return (rl.label + " ", rl.text) if rl.label else (rl.text, None)


def numbered_paragraph(r: Reader) -> bool:
    """"7. The Working Group ..." continuing the numbering."""
    label_text, body = _label_text(r)
    m = PARA_RE.match(label_text)
    if not m:
        return False
    ended = r.prev_complete or bool(r.line.label)
    if not r.seq.accept_paragraph(int(m.group(1)), ended, r.warnings):
        return False
    block = Block(Kind.PARAGRAPH, [body if body is not None else m.group(2)],
                  label=r.seq.paragraph_label(r.seq.paragraph), closed=r.line.paragraph_end)
    return r.add(block)


def subparagraph(r: Reader) -> bool:
    """"(c) Urging ..." continuing the lettering (or "(ii)" under a letter)."""
    label_text, body = _label_text(r)
    m = r.p.sub.match(label_text)
    if not m:
        return False
    label = r.seq.subparagraph(m.group(1), r.prev_complete or bool(r.line.label), r.warnings)
    if label is None:
        return False
    block = Block(Kind.SUBPARAGRAPH, [body if body is not None else m.group(2)], label=label,
                  closed=r.line.paragraph_end)
    return r.add(block)


def annex(r: Reader) -> bool:
    """"Annex" restarts the numbering; the annex's own title may follow on a few lines."""
    from app.labels import Series

    if not (r.p.annex.match(r.text) and r.prev_complete):
        return False
    r.add(Block(Kind.HEADING, [r.text]))
    r.seq.restart(Series.ANNEX)
    first = r.peek(0)
    if first is not None and not first.label and not PARA_RE.match(first.text) and (
        len(first.text) < 120 or (first.paragraph_end and len(first.text) < 250)
    ):
        # A reader that knows paragraphs (Word, PDF) gives a long title as one line; text
        # wrapped at ~90 characters gives it on several, each ending mid-phrase.
        title = [first.text]
        r.i += 1
        while (r.i < len(r.lines) and not r.lines[r.i - 1].paragraph_end
               and title[-1][-1:].isalpha() and title[-1][-1:].islower() and len(title) < 4
               and not r.line.label and not PARA_RE.match(r.text) and not r.p.sub.match(r.text)):
            title.append(r.text)
            r.i += 1
        r.blocks.append(Block(Kind.HEADING, title))
    return True


def _looks_like_heading(r: Reader) -> bool:
    """A short line with no end punctuation, followed by a numbered paragraph."""
    text, style = r.text, r.line.style
    if style.lower().startswith(("heading", "title")) or r.p.known_heading(text):
        return True
    if len(text) > 90 or text.endswith(TERMINAL + (",",)) or not text[:1].isupper():
        return False
    nxt = r.next_shown()
    return bool(nxt and PARA_RE.match(nxt))


def heading(r: Reader) -> bool:
    """A standard heading ("Recommendations to the Security Council"), or a short line
    styled or placed as one."""
    if not r.prev_complete or not (r.p.known_heading(r.text) or (r.labelled_any and _looks_like_heading(r))):
        return False
    return r.add(Block(Kind.HEADING, [r.text], closed=True))


def title(r: Reader) -> bool:
    """The first line of the text, before anything else; a title wrapped onto a second
    line ("... Working Group" / "on Children and Armed Conflict") is one title; a press
    release repeats its title below the furniture, and the repeat is dropped."""
    cur = r.current
    text = r.text
    if cur is not None and cur.kind in (Kind.TITLE, Kind.HEADING):
        joined = " ".join(cur.lines)
        if cur.kind == Kind.TITLE and " ".join(text.split()) == " ".join(joined.split()):
            return r.skip()
        # A title wrapped in PDF text goes on with words and no punctuation; a heading
        # only with its lowercase continuation ("on Children and Armed Conflict").
        wrapped = (cur.kind == Kind.TITLE and not cur.ended and not any(c in text for c in ",;:")
                   and not text.endswith(TERMINAL))
        continued = text[:1].islower() and text.startswith(r.p.conventions.title_continuations)
        if (len(cur.lines) < 3 and len(joined) + len(text) < 250 and not joined.endswith(TERMINAL + (",",))
                and (wrapped or continued) and not r.line.label and not PARA_RE.match(text)
                and not r.p.sub.match(text)):
            cur.lines.append(text)
            cur.ended = r.line.paragraph_end
            return r.skip()
        return False
    if r.blocks or r.line.label or len(text) >= 200 or PARA_RE.match(text) or r.p.sub.match(text):
        return False
    return r.add(Block(Kind.TITLE, [text], closed=True, ended=r.line.paragraph_end))


def addressee(r: Reader) -> bool:
    """"To the Government of Mali", "To all parties to the conflict:", "I. To all parties:";
    it runs until the first label under it (a long addressee wraps in PDF text)."""
    text = ROMAN_PREFIX_RE.sub("", r.text)
    if not r.prev_complete or not r.p.addressee.match(text) or text.endswith((".", ";")):
        return False
    nxt = r.next_shown() or ""
    if not (r.labelled_any or r.kind == DocKind.PUBLIC_STATEMENT or r.p.sub.match(nxt)):
        return False
    block = Block(Kind.ADDRESSEE, [text])
    end = r.line.paragraph_end
    r.i += 1
    while r.i < len(r.lines) and len(block.lines) < 4 and not end and not block.lines[-1].endswith(":"):
        t = r.line
        if r.p.sub.match(t.text) or PARA_RE.match(t.text) or t.label or BULLET_RE.match(t.text):
            break
        block.lines.append(t.text)
        end = t.paragraph_end
        r.i += 1
    block.lines[-1] = block.lines[-1].rstrip().removesuffix(":").rstrip()
    block.closed = True
    r.blocks.append(block)
    return True


def bullet(r: Reader) -> bool:
    """"•", "►", "-" or "--" before an item: an unlettered item, text of its own."""
    m = BULLET_RE.match(r.text)
    if not m or r.line.label or (m.group(0).startswith(("-", "\u2013")) and not r.prev_complete):
        return False
    return r.add(Block(Kind.TEXT, [r.text[m.end():]], closed=r.line.paragraph_end))


def continuation(r: Reader) -> bool:
    """The line continues the open block, or starts unlabelled text."""
    cur = r.current
    text = r.text
    lower_start = text[:1].islower()
    if cur is not None and not cur.closed and cur.kind not in (Kind.HEADING, Kind.ADDRESSEE, Kind.TITLE) and (
        cur.kind in (Kind.PARAGRAPH, Kind.SUBPARAGRAPH) or not r.prev_complete or lower_start
    ):
        cur.lines.append(text)
        cur.closed = r.line.paragraph_end
        return r.skip()
    return r.add(Block(Kind.TEXT, [text], closed=r.line.paragraph_end))


GENERIC: tuple[Recogniser, ...] = (
    label_alone, numbered_paragraph, subparagraph, annex, title, heading, addressee, bullet, continuation,
)
