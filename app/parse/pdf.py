"""Read conclusions from a PDF's text layer with pdfminer.six.

pdfminer's own reading order separates labels from their paragraphs (a column of "1.",
"2.", "3." and then the three paragraphs), so lines are rebuilt from positions: pieces of
text on one baseline form a row, read left to right, so "2." rejoins its paragraph's first
line wherever the extractor put it. Rows become paragraphs where the vertical gap is wider
than the line spacing. Page furniture (running headers and footers, page numbers, the
document symbol, job numbers and bar codes) is dropped by position and repetition before
structure recognition, and a paragraph cut by a page break is left open to continue.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from app.errors import ImportRefused
from app.model import Document
from app.parse.conventions import ENGLISH, Conventions
from app.parse.lines import FURNITURE_RE, SYMBOL_LINE_RE, RawLine, normal_symbol
from app.parse.pdflayout import CountingAggregator, PageText, page_text, work_budget
from app.parse.pdfstreams import stream_budget
from app.parse.repair import Vocabulary, join_lines
from app.parse.safety import MB, describe, read_capped
from app.parse.structure import build_document
from app.parse.textlayer import check_text_layer

MAX_PDF_BYTES = 50 * MB
MAX_PAGES = 300
# A dense page of conclusions has about 5,000 characters and the longest conclusions about
# 100,000 in all; far more is not conclusions, and each character costs pdfminer ~1 KB.
MAX_PAGE_CHARS = 50_000
MAX_TEXT_CHARS = 2_000_000
# The top and bottom of a page where running headers and footers live (fraction of height).
MARGIN = 0.12
# A gap between rows wider than this fraction of the text height starts a new paragraph.
PARAGRAPH_GAP = 0.6

MASTHEAD_RE = re.compile(
    r"^(?:United Nations|Security Council|General Assembly|Distr\.?:.*|Original:.*|Please recycle.*"
    r"|\d{7}|\d{1,2} (?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December) \d{4}|S/AC\.51/\d{4}/\d+|[A-Z]/[A-Z0-9./]+)$"
)
LABEL_RE = re.compile(r"^(?:\d{1,5}\.|\([a-z]{1,8}\)|\([ivxlc]+\))$")
# A row opening with a label after a row that ended a sentence starts a paragraph, even
# when the PDF has no extra space between paragraphs.
LABEL_START_RE = re.compile(r"^(?:\d{1,5}\.|\([a-z]{1,8}\))\s")


@dataclass(frozen=True, slots=True)
class _Piece:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    page_height: float

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def zone(self) -> str:
        """'top', 'bottom' or 'body': where on the page it sits."""
        if self.y0 > self.page_height * (1 - MARGIN):
            return "top"
        if self.y1 < self.page_height * MARGIN:
            return "bottom"
        return "body"


@dataclass
class _Row:
    pieces: list[_Piece]

    @property
    def text(self) -> str:
        return " ".join(p.text for p in sorted(self.pieces, key=lambda p: p.x0))

    @property
    def top(self) -> float:
        return max(p.y1 for p in self.pieces)

    @property
    def bottom(self) -> float:
        return min(p.y0 for p in self.pieces)

    @property
    def height(self) -> float:
        return max(p.height for p in self.pieces)

    @property
    def starts_with_label(self) -> bool:
        first = min(self.pieces, key=lambda p: p.x0)
        return bool(LABEL_RE.match(first.text))


def _pieces(path: Path, file: str, cancelled: Callable[[], bool] | None) -> tuple[list[_Piece], int, bool, list[str]]:
    """Text lines with positions, the number of pages, whether any page has images, and
    warnings about the text layer."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    pieces: list[_Piece] = []
    texts: list[PageText] = []
    pages = 0
    with stream_budget(file) as budget, work_budget(file, cancelled) as work:
        try:
            with path.open("rb") as fp:
                resources = PDFResourceManager(caching=True)
                device = CountingAggregator(file, work, MAX_PAGE_CHARS, MAX_TEXT_CHARS, resources)
                interpreter = PDFPageInterpreter(resources, device)
                for page in PDFPage.get_pages(fp, maxpages=MAX_PAGES + 1):
                    pages += 1
                    if pages > MAX_PAGES:
                        raise ImportRefused(file, f"the PDF has more than {MAX_PAGES} pages; refused")
                    work.new_page()
                    device.start_page()
                    interpreter.process_page(page)
                    layout = device.get_result()
                    text = page_text(layout, work, device.undefined)
                    texts.append(text)
                    height = layout.height or 792.0
                    pieces += [_Piece(pages, t.x0, t.y0, t.x1, t.y1, t.text, height) for t in text.lines]
        except ImportRefused:
            raise
        except PDFPasswordIncorrect as e:
            raise ImportRefused(
                file, "the PDF is encrypted with a password; remove the protection and import it again"
            ) from e
        except PDFEncryptionError as e:
            raise ImportRefused(file, f"the PDF is encrypted in a way Concord cannot read ({describe(e)})") from e
        except (MemoryError, RecursionError) as e:
            raise ImportRefused(file, f"the PDF is too complex to read ({type(e).__name__}); refused") from e
        except Exception as e:  # pdfminer raises many types for damaged files
            if work.refused is not None:
                raise work.refused from e
            raise ImportRefused(file, f"damaged or unreadable PDF ({describe(e)})") from e
        for spent in (budget.refused, work.refused):  # spent inside code that swallowed the refusal
            if spent is not None:
                raise spent
    images = any(t.images for t in texts)
    warnings = check_text_layer(texts, file) if any(t.chars for t in texts) else []
    return pieces, pages, images, warnings


def _norm(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()))


def _furniture(pieces: list[_Piece], pages: int) -> tuple[set[int], str]:
    """Indexes of pieces that are page furniture, and the document symbol seen among them."""
    seen_on: dict[str, set[int]] = {}
    for p in pieces:
        if p.zone != "body":
            seen_on.setdefault(f"{p.zone}:{_norm(p.text)}", set()).add(p.page)
    repeated = {k for k, v in seen_on.items() if len(v) >= 2 and len(v) >= pages / 2}
    drop: set[int] = set()
    symbol = ""
    for i, p in enumerate(pieces):
        t = " ".join(p.text.split())
        m = SYMBOL_LINE_RE.match(t)
        if m and p.zone != "body":
            symbol = symbol or normal_symbol(m.group("symbol"))
        if p.zone == "body":
            continue
        if (f"{p.zone}:{_norm(p.text)}" in repeated and len(t) < 80) or FURNITURE_RE.match(t) or (
            p.page == 1 and p.zone == "top" and MASTHEAD_RE.match(t)
        ) or re.fullmatch(r"[\d\s/()E-]+", t):
            drop.add(i)
    return drop, symbol


def _rows(pieces: list[_Piece]) -> list[_Row]:
    """Group one page's pieces into rows: pieces whose vertical extents mostly overlap."""
    rows: list[_Row] = []
    for p in sorted(pieces, key=lambda p: (-p.y1, p.x0)):
        if rows:
            r = rows[-1]
            overlap = min(r.top, p.y1) - max(r.bottom, p.y0)
            if overlap > 0.5 * min(r.height, p.height):
                r.pieces.append(p)
                continue
        rows.append(_Row([p]))
    return rows


def _usual_height(pieces: list[_Piece]) -> float:
    """The most common text height: the body text's."""
    counts = Counter(round(p.height, 1) for p in pieces if len(p.text) > 20)
    return counts.most_common(1)[0][0] if counts else 0.0


def pdf_lines(pieces: list[_Piece], pages: int) -> tuple[list[RawLine], str]:
    """Paragraphs as reader lines, with the symbol found in the furniture."""
    drop, symbol = _furniture(pieces, pages)
    body = [p for i, p in enumerate(pieces) if i not in drop]
    paragraphs: list[list[str]] = []
    ends: list[bool] = []
    heights: list[float] = []
    for page in range(1, pages + 1):
        prev: _Row | None = None
        for row in _rows([p for p in body if p.page == page]):
            if prev is None or (
                prev.bottom - row.top > PARAGRAPH_GAP * min(prev.height, row.height)
                or row.starts_with_label
                or (LABEL_START_RE.match(row.text) and prev.text.endswith((".", ";", ":", ",")))
                or abs(row.height - prev.height) > 0.2 * max(row.height, prev.height)
            ):
                paragraphs.append([])
                ends.append(True)
                heights.append(0.0)
            paragraphs[-1].append(row.text)
            heights[-1] = max(heights[-1], row.height)
            prev = row
        if ends:
            # The paragraph at the foot of a page may go on at the top of the next one;
            # structure recognition decides, as for text.
            ends[-1] = False
    vocab = Vocabulary([" ".join(p) for p in paragraphs])
    usual = _usual_height(body)
    lines = [RawLine(symbol)] if symbol else []
    for rows_text, end, height in zip(paragraphs, ends, heights, strict=True):
        text = join_lines(rows_text, vocab)
        # Larger type than the body text, and short: a heading, as a Word style would say.
        style = "Heading (large type)" if height > 1.15 * usual and len(text) < 250 else ""
        lines.append(RawLine(text, style=style, paragraph_end=end))
    return lines, symbol


def read_pdf(path: str | Path, *, conventions: Conventions = ENGLISH,
             cancelled: Callable[[], bool] | None = None) -> Document:
    """Read a PDF's text layer; a scan without text or an encrypted PDF is refused."""
    p = Path(path)
    file = p.name
    data = read_capped(str(p), file, MAX_PDF_BYTES, "PDF")  # refuse an oversized file before parsing
    if b"%%EOF" not in data[-2048:]:
        # pdfminer would rebuild what it can and import a truncated file's first pages.
        raise ImportRefused(file, "the PDF is truncated or damaged (no end-of-file marker)")
    pieces, pages, images, layer_warnings = _pieces(p, file, cancelled)
    if pages == 0:
        raise ImportRefused(file, "the PDF has no pages")
    if sum(len(x.text.strip()) for x in pieces) < 10:
        if images:
            raise ImportRefused(
                file, "the PDF has no text layer (a scanned image); run it through OCR first, or import the Word file"
            )
        raise ImportRefused(file, "the PDF contains no text")
    lines, _ = pdf_lines(pieces, pages)
    doc = build_document(lines, file, conventions=conventions, repair=True, cancelled=cancelled)
    return replace(doc, warnings=tuple(layer_warnings) + doc.warnings) if layer_warnings else doc
