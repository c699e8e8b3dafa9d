"""PDF pages to positioned text lines, within a budget of work and of layout objects.

pdfminer.six has no limits of its own: a page of 8,000 scattered words kept its layout
analysis busy for minutes (grouping text boxes is quadratic), form XObjects that each draw
the next one twice make a few kilobytes run for ever, and a million empty text objects
took 35 s for one page. So, per page and per file:

- every token pdfminer's interpreter reads from a content stream (operators and operands,
  inside form XObjects too) is charged to a work budget (`install` wraps
  `PDFContentParser.nexttoken` once per process; the budget is the current file's, in a
  context variable as in `pdfstreams`);
- every layout object (character, path, image, form) is counted as it arrives;
- pdfminer's own layout analysis is not run: characters are grouped into lines with its
  linear `group_objects` (all Concord needs; rows and paragraphs are rebuilt from the
  lines' positions in `pdf`), and a page with more separate lines than any real page has
  is refused.

Work is counted, not timed, so the same file is refused the same way on any machine. A
caller's `cancelled()` is asked between pages and every few thousand tokens.
"""

from __future__ import annotations

import contextvars
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from pdfminer.converter import PDFPageAggregator
from pdfminer.pdfinterp import PDFResourceManager

from app.errors import ImportCancelled, ImportRefused

# A real page of conclusions takes about 4,000 tokens (the corpus printed by LibreOffice:
# 17 pages, 66,808 tokens); a page 60 times as busy is not text. pdfminer reads 35,000 to
# 130,000 tokens a second here, so a page over budget is refused within about 7 s and a
# file within about 30 s.
MAX_PAGE_WORK = 250_000
MAX_FILE_WORK = 1_000_000
# Paths, images and forms on one page (characters have their own caps in `pdf`).
MAX_PAGE_OBJECTS = 20_000
# Separate lines of text on one page: a dense page has about 60, a table a few hundred.
MAX_PAGE_LINES = 5_000
CHECK_EVERY = 4096
# pdfminer's defaults for grouping characters into lines.
CHAR_MARGIN = 2.0
LINE_OVERLAP = 0.5
WORD_MARGIN = 0.1

# pdfminer logs warnings about damaged files through `logging`; with no handler set up,
# Python prints them on the console. They are never a person's business here.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())
logging.getLogger("pdfminer").propagate = False


@dataclass
class WorkBudget:
    """Work the current PDF may still do; `refused` once it is spent."""

    file: str
    cancelled: Callable[[], bool] | None = None
    page: int = 0
    page_work: int = 0
    file_work: int = 0
    page_objects: int = 0
    refused: ImportRefused | None = None

    def new_page(self) -> None:
        self.page += 1
        self.page_work = 0
        self.page_objects = 0
        self.check_cancelled()

    def check_cancelled(self) -> None:
        if self.cancelled is not None and self.cancelled():
            self.refused = ImportCancelled(self.file)
            raise self.refused

    def charge(self, n: int = 1) -> None:
        if self.refused is not None:
            raise self.refused
        self.page_work += n
        self.file_work += n
        if self.page_work > MAX_PAGE_WORK:
            raise self.refuse(f"page {self.page} of the PDF takes more than {MAX_PAGE_WORK:,} steps to read")
        if self.file_work > MAX_FILE_WORK:
            raise self.refuse(f"the PDF takes more than {MAX_FILE_WORK:,} steps to read")
        if self.file_work % CHECK_EVERY == 0:
            self.check_cancelled()

    def count_object(self) -> None:
        self.page_objects += 1
        if self.page_objects > MAX_PAGE_OBJECTS:
            raise self.refuse(f"page {self.page} of the PDF draws more than {MAX_PAGE_OBJECTS:,} shapes, "
                              "images and forms")

    def refuse(self, what: str) -> ImportRefused:
        self.refused = self.refused or ImportRefused(self.file, f"{what}; refused as too complex to be text")
        return self.refused


_WORK: contextvars.ContextVar[WorkBudget | None] = contextvars.ContextVar("pdf_work_budget", default=None)


@contextmanager
def work_budget(file: str, cancelled: Callable[[], bool] | None = None) -> Iterator[WorkBudget]:
    """Charge the content streams interpreted inside the block to one budget for `file`."""
    install()
    budget = WorkBudget(file, cancelled)
    token = _WORK.set(budget)
    try:
        yield budget
    finally:
        _WORK.reset(token)


def install() -> None:
    """Make pdfminer's content parser charge every token to the current budget (idempotent)."""
    from pdfminer.pdfinterp import PDFContentParser

    if getattr(PDFContentParser.nexttoken, "_charged", False):
        return
    original = PDFContentParser.nexttoken

    def nexttoken(self: Any) -> Any:
        budget = _WORK.get()
        if budget is not None:
            budget.charge()
        return original(self)

    nexttoken._charged = True  # type: ignore[attr-defined]
    PDFContentParser.nexttoken = nexttoken  # type: ignore[method-assign]


class CountingAggregator(PDFPageAggregator):
    """pdfminer's page aggregator without its layout analysis, counting what it lays out:
    characters against the page and file caps as they arrive (each costs ~1 KB before any
    line is formed), other objects against the page's budget, and characters without a
    Unicode mapping (shown as "(cid:67)")."""

    def __init__(self, file: str, budget: WorkBudget, page_chars: int, text_chars: int,
                 resources: PDFResourceManager) -> None:
        super().__init__(resources, laparams=None)
        self.file = file
        self.budget = budget
        self.max_page_chars = page_chars
        self.max_text_chars = text_chars
        self.page_chars = 0
        self.total_chars = 0
        self.undefined = 0

    def start_page(self) -> None:
        self.page_chars = 0
        self.undefined = 0

    def render_char(self, *args: Any, **kwargs: Any) -> float:
        self.page_chars += 1
        self.total_chars += 1
        if self.page_chars > self.max_page_chars:
            raise ImportRefused(self.file, f"a page of the PDF has more than {self.max_page_chars:,} characters; refused")
        if self.total_chars > self.max_text_chars:
            raise ImportRefused(self.file, f"the PDF has more than {self.max_text_chars:,} characters of text; refused")
        return float(super().render_char(*args, **kwargs))

    def handle_undefined_char(self, font: Any, cid: int) -> str:
        self.undefined += 1
        return f"(cid:{cid})"

    def paint_path(self, *args: Any, **kwargs: Any) -> None:
        self.budget.count_object()
        super().paint_path(*args, **kwargs)

    def render_image(self, *args: Any, **kwargs: Any) -> None:
        self.budget.count_object()
        super().render_image(*args, **kwargs)

    def begin_figure(self, *args: Any, **kwargs: Any) -> None:
        self.budget.count_object()
        super().begin_figure(*args, **kwargs)


@dataclass
class TextLine:
    """One line of text on a page: its box and its characters' text in reading order."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    reversed: bool = False  # drawn right to left, put back in left-to-right order


@dataclass
class PageText:
    lines: list[TextLine] = field(default_factory=list)
    images: bool = False
    chars: int = 0
    undefined: int = 0  # characters without a Unicode mapping


def page_text(layout: Any, budget: WorkBudget, undefined: int) -> PageText:
    """The lines of a laid-out page (its top-level characters), within the line budget."""
    from pdfminer.layout import LAParams, LTChar, LTTextLineHorizontal

    chars, images = _characters(layout)
    out = PageText(images=images, chars=len(chars), undefined=undefined)
    if not chars:
        return out
    params = LAParams(char_margin=CHAR_MARGIN, line_overlap=LINE_OVERLAP, word_margin=WORD_MARGIN)
    for n, line in enumerate(layout.group_objects(params, chars), 1):
        if n > MAX_PAGE_LINES:
            raise budget.refuse(f"page {budget.page} of the PDF has more than {MAX_PAGE_LINES:,} separate "
                                "pieces of text (scattered text)")
        if n % 256 == 0:
            budget.check_cancelled()
        if not isinstance(line, LTTextLineHorizontal):
            continue
        glyphs = [c for c in line if isinstance(c, LTChar)]
        backwards = _drawn_right_to_left(glyphs)
        text = _left_to_right(glyphs) if backwards else line.get_text().strip()
        if text:
            out.lines.append(TextLine(line.x0, line.y0, line.x1, line.y1, text, reversed=backwards))
    return out


def _characters(layout: Any) -> tuple[list[Any], bool]:
    """The page's own characters (not those inside forms, as pdfminer's analysis leaves
    them), and whether the page or a form on it shows an image."""
    from pdfminer.layout import LTChar, LTFigure, LTImage

    chars = []
    images = False
    stack = [iter(layout)]
    while stack:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
        elif isinstance(item, LTChar) and len(stack) == 1:
            chars.append(item)
        elif isinstance(item, LTImage):
            images = True
        elif isinstance(item, LTFigure):
            stack.append(iter(item))
    return chars, images


def _drawn_right_to_left(glyphs: list[Any]) -> bool:
    """Each character left of the one drawn before it: the text layer holds the line
    backwards ("snoisulcnoC"), as pdfminer reads characters in the order they are drawn."""
    if len(glyphs) < 4:
        return False
    steps: list[float] = [float(b.x0 - a.x0) for a, b in zip(glyphs, glyphs[1:], strict=False)]
    return sum(s < 0 for s in steps) >= 0.9 * len(steps)


def _left_to_right(glyphs: list[Any]) -> str:
    """The characters in left-to-right order, with a space where the gap between two is
    wider than pdfminer's word margin."""
    out: list[str] = []
    prev = None
    for c in sorted(glyphs, key=lambda g: g.x0):
        if prev is not None and prev.x1 < c.x0 - WORD_MARGIN * max(c.width, c.height):
            out.append(" ")
        out.append(c.get_text())
        prev = c
    return "".join(out).strip()
