"""Recognise the structure of conclusions in a stream of lines from any reader.

Readers (text, Word, PDF) turn a file into `RawLine`s; this module decides which lines start
a numbered paragraph, a subparagraph, a heading or an addressee block, assigns the labels a
drafter cites (`5(n)`, `annex-3`) and finds the metadata (situation, date, report symbol).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.model import Document, Kind, Segment, is_roman, letters, letters_index, roman, roman_index
from app.parse.repair import LINK_RE, Vocabulary, join_lines, repair_broken_words, tidy


@dataclass(frozen=True, slots=True)
class RawLine:
    """One line as a reader found it.

    `label` is set when the reader computed the label itself (Word automatic numbering:
    "5." or "(a)"); `style` is the reader's paragraph style; `paragraph_end` says the reader
    knows the paragraph ends here (a Word paragraph), so no continuation is guessed.
    """

    text: str
    label: str = ""
    style: str = ""
    paragraph_end: bool = False


KNOWN_HEADINGS = re.compile(
    r"^(public statement by the chair of the working group"
    r"|recommendations to the security council"
    r"|direct action by the working group"
    r"|recommendations to (?:the )?[A-Z]?[\w ]+"
    r"|annex(?: [ivx]+| \d+)?)\.?$",
    re.IGNORECASE,
)
ANNEX_RE = re.compile(r"^annex(?: [ivx]+| \d+)?$", re.IGNORECASE)
PARA_RE = re.compile(r"^(\d{1,3})\.(?:\s+|$)(.*)$", re.DOTALL)
SUB_RE = re.compile(r"^\(([a-z]{1,4})\)(?:\s+|$)(.*)$", re.DOTALL)
BULLET_RE = re.compile(r"^[►•▪‣◦●■\u2022\u25ba\uf0b7]\s*")
FURNITURE_RE = re.compile(
    r"^(?:\d{1,3}/\d{1,3}|\d{2}-\d{5}(?:\s*\(E\).*)?|\*\d{7,}\*|Page \d+(?: of \d+)?|-\s*\d+\s*-)$"
)
OWN_SYMBOL_RE = re.compile(r"^(S/AC\.51/\d{4}/\d+)$")
TERMINAL = (".", ";", ":", "!", "?", "…")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
DATE_RE = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})\b")
REPORT_RE = re.compile(r"\b(S/\d{4}/\d{1,5})\b")
SITUATION_RE = re.compile(
    r"conclusions on children and armed conflict in (?:the )?(.+?)\s*\.?$", re.IGNORECASE
)


@dataclass
class _Block:
    kind: Kind
    lines: list[str] = field(default_factory=list)
    label: str = ""
    closed: bool = False  # the reader said the paragraph ended


@dataclass
class _Numbering:
    """Where the numbering stands, to accept only plausible next labels."""

    annex: bool = False
    paragraph: int = 0
    letter: int = 0
    roman_: int = 0

    def prefix(self) -> str:
        return "annex-" if self.annex else ""

    def accept_paragraph(self, n: int, warnings: list[str]) -> bool:
        if n == self.paragraph + 1 or (n == 1 and self.paragraph == 0):
            return True
        if self.paragraph < n <= self.paragraph + 3:
            warnings.append(f"paragraph numbering jumps from {self.paragraph} to {n}")
            return True
        return False

    def classify_sub(self, token: str) -> str:
        """'letter', 'roman' or '' for a `(x)` token, given what came before."""
        if self.paragraph == 0:
            # A passage pasted from the middle of a paragraph starts at any letter,
            # "(n) Stressing ... (o) Commending ...", and then runs on in order.
            try:
                li = letters_index(token)
            except ValueError:
                return ""
            return "letter" if self.letter == 0 or li == self.letter + 1 else ""
        try:
            li = letters_index(token)
        except ValueError:
            li = -1
        expect_letter = self.letter + 1
        ri = roman_index(token) if is_roman(token) else -1
        if li == expect_letter:
            # "(i)" after "(h)" is a letter; "(i)" right after "(a)..." opening is roman.
            if ri == self.roman_ + 1 and self.letter > 0 and li != expect_letter:
                return "roman"
            return "letter"
        if self.letter > 0 and ri == self.roman_ + 1:
            return "roman"
        if li != -1 and expect_letter < li <= expect_letter + 2:
            return "letter"
        return ""


def _known_heading(text: str) -> bool:
    return bool(KNOWN_HEADINGS.match(text.strip())) and len(text) < 120


def _looks_like_heading(text: str, nxt: str | None, style: str) -> bool:
    """A short line with no end punctuation, followed by a numbered paragraph."""
    if style.lower().startswith(("heading", "title")):
        return True
    if _known_heading(text):
        return True
    if len(text) > 90 or text.endswith(TERMINAL + (",",)) or not text[:1].isupper():
        return False
    return bool(nxt and PARA_RE.match(nxt))


# C0 and C1 control characters other than tab and line feed: never text, and not allowed
# in XML 1.0, so a Word export of a segment holding one would fail. Vertical tab and form
# feed are Word's manual line and page breaks in exported text: a space.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_BREAK_RE = re.compile("[\x0b\x0c\r]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
# Kept verbatim but reported: bidirectional overrides and isolates reorder what a reader
# sees without changing the stored text ("Trojan Source"), and invisible characters make
# passages that look identical compare and search as different. Left-to-right and
# right-to-left marks and zero-width (non-)joiners are not reported: Arabic and Persian
# names legitimately carry them.
_BIDI_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")
_INVISIBLE_RE = re.compile("[\u200b\u2060\u2061-\u2064\ufeff\u180e]")


def clean_text(text: str, odd: dict[str, int]) -> str:
    """Remove control characters and replace lone surrogates (SQLite cannot store them),
    counting them and the characters reported but kept, in `odd`."""
    if text.isascii() and text.isprintable():
        return text
    text = _BREAK_RE.sub(" ", text)
    text, n = _CONTROL_RE.subn("", text)
    odd["control"] = odd.get("control", 0) + n
    text, n = _SURROGATE_RE.subn("\ufffd", text)
    odd["surrogate"] = odd.get("surrogate", 0) + n
    odd["bidi"] = odd.get("bidi", 0) + len(_BIDI_RE.findall(text))
    odd["invisible"] = odd.get("invisible", 0) + len(_INVISIBLE_RE.findall(text))
    return text


def odd_characters_warnings(odd: dict[str, int]) -> list[str]:
    out = []
    if odd.get("control"):
        out.append(f"{odd['control']} control character(s) removed")
    if odd.get("surrogate"):
        out.append(f"{odd['surrogate']} invalid character(s) (lone surrogates) replaced by \ufffd")
    if odd.get("bidi"):
        out.append(
            f"contains {odd['bidi']} bidirectional override character(s) (U+202A-202E, U+2066-2069) that "
            "change the order in which text is displayed; kept as they are"
        )
    if odd.get("invisible"):
        out.append(
            f"contains {odd['invisible']} invisible character(s) (zero-width space, word joiner, ...) that make "
            "identical-looking text compare as different; kept as they are"
        )
    return out


def build_document(raw_lines: list[RawLine], file: str) -> Document:
    """Turn reader lines into a `Document` with labelled segments and metadata."""
    warnings: list[str] = []
    references: list[str] = []
    symbol = ""
    lines: list[RawLine] = []
    odd: dict[str, int] = {}
    for rl in raw_lines:
        t = clean_text(rl.text, odd).strip()
        if not t and not rl.label:
            continue
        if LINK_RE.match(t):
            references.append(t)
            continue
        if FURNITURE_RE.match(t):
            continue
        m = OWN_SYMBOL_RE.match(t)
        if m and not rl.label:
            symbol = symbol or m.group(1)
            continue
        lines.append(RawLine(t, rl.label.strip(), rl.style, rl.paragraph_end))

    warnings += odd_characters_warnings(odd)
    blocks: list[_Block] = []
    num = _Numbering()
    labelled_any = False
    i = 0
    pending_label: str | None = None

    def current() -> _Block | None:
        return blocks[-1] if blocks else None

    while i < len(lines):
        rl = lines[i]
        text = rl.text
        nxt_line = lines[i + 1] if i + 1 < len(lines) else None
        # The next line as displayed: Word's automatic label in front of its text.
        nxt = None if nxt_line is None else (
            f"{nxt_line.label} {nxt_line.text}" if nxt_line.label else nxt_line.text
        )
        cur = current()
        prev_complete = cur is None or cur.closed or cur.kind in (Kind.HEADING, Kind.TITLE) or (
            bool(cur.lines) and cur.lines[-1].rstrip().endswith(TERMINAL)
        )
        if pending_label is not None:
            text = f"{pending_label} {text}"
            pending_label = None
        label_text = rl.label or text

        # A label alone on its line ("2.") belongs to the text that follows.
        if not rl.label and re.fullmatch(r"\d{1,3}\.|\([a-z]{1,4}\)", text) and nxt is not None:
            pending_label = text
            i += 1
            continue

        m_para = PARA_RE.match(label_text) if not rl.label else PARA_RE.match(rl.label + " ")
        m_sub = SUB_RE.match(label_text) if not rl.label else SUB_RE.match(rl.label + " ")
        body = text if rl.label else None

        if m_para and num.accept_paragraph(int(m_para.group(1)), warnings):
            n = int(m_para.group(1))
            num.paragraph, num.letter, num.roman_ = n, 0, 0
            blocks.append(
                _Block(Kind.PARAGRAPH, [body if body is not None else m_para.group(2)],
                       label=f"{num.prefix()}{n}", closed=rl.paragraph_end)
            )
            labelled_any = True
            i += 1
            continue
        if m_sub:
            token = m_sub.group(1)
            how = num.classify_sub(token)
            if how:
                base = f"{num.prefix()}{num.paragraph}" if num.paragraph else ""
                if how == "letter":
                    num.letter, num.roman_ = letters_index(token), 0
                    label = f"{base}({letters(num.letter)})"
                else:
                    num.roman_ = roman_index(token)
                    label = f"{base}({letters(num.letter)})({roman(num.roman_)})"
                blocks.append(
                    _Block(Kind.SUBPARAGRAPH, [body if body is not None else m_sub.group(2)],
                           label=label, closed=rl.paragraph_end)
                )
                labelled_any = True
                i += 1
                continue

        if ANNEX_RE.match(text) and prev_complete:
            blocks.append(_Block(Kind.HEADING, [text]))
            num = _Numbering(annex=True)
            i += 1
            # The annex's own title may run over several lines, each ending mid-phrase; a
            # reader that knows paragraphs (Word, PDF) gives it as one longer line.
            first = lines[i] if i < len(lines) else None
            if first is not None and not first.label and not PARA_RE.match(first.text) and (
                len(first.text) < 120 or (first.paragraph_end and len(first.text) < 250)
            ):
                title = [first.text]
                i += 1
                while (i < len(lines) and not lines[i - 1].paragraph_end
                       and re.search(r"[a-z]$", title[-1]) and len(title) < 4):
                    title.append(lines[i].text)
                    i += 1
                blocks.append(_Block(Kind.HEADING, title))
            continue

        if prev_complete and (
            _known_heading(text) or (labelled_any and _looks_like_heading(text, nxt, rl.style))
        ):
            blocks.append(_Block(Kind.HEADING, [text], closed=True))
            i += 1
            continue

        if prev_complete and labelled_any and text.startswith("To ") and not text.endswith((".", ";")):
            # An addressee line runs until the first subparagraph under it.
            block = _Block(Kind.ADDRESSEE, [text])
            i += 1
            while i < len(lines) and len(block.lines) < 4 and not rl.paragraph_end:
                t = lines[i].text
                if SUB_RE.match(t) or PARA_RE.match(t) or lines[i].label:
                    break
                block.lines.append(t)
                i += 1
            block.closed = True
            blocks.append(block)
            continue

        if BULLET_RE.match(text):
            blocks.append(_Block(Kind.TEXT, [BULLET_RE.sub("", text)], closed=rl.paragraph_end))
            i += 1
            continue

        if cur is not None and not cur.closed and cur.kind not in (Kind.HEADING, Kind.ADDRESSEE) and (
            cur.kind in (Kind.PARAGRAPH, Kind.SUBPARAGRAPH) or not prev_complete
        ):
            cur.lines.append(text)
            cur.closed = rl.paragraph_end
        else:
            kind = Kind.TITLE if not labelled_any and not any(
                b.kind == Kind.TITLE for b in blocks
            ) and len(text) < 200 else Kind.TEXT
            blocks.append(_Block(kind, [text], closed=rl.paragraph_end or kind == Kind.TITLE))
        i += 1

    return _finish(blocks, file, warnings, references, symbol, labelled_any)


def _finish(
    blocks: list[_Block],
    file: str,
    warnings: list[str],
    references: list[str],
    symbol: str,
    labelled_any: bool,
) -> Document:
    vocab = Vocabulary([" ".join(b.lines) for b in blocks])
    segments: list[Segment] = []
    section = ""
    addressee = ""
    for b in blocks:
        text = tidy(repair_broken_words(join_lines(b.lines, vocab), vocab))
        if not text:
            continue
        if b.kind == Kind.HEADING:
            # An annex's own title stays in the section "Annex", like its paragraphs.
            if not (section and ANNEX_RE.match(section) and segments and segments[-1].kind == Kind.HEADING):
                section = text
            addressee = ""
            segments.append(Segment(Kind.HEADING, text, section=section))
        elif b.kind == Kind.ADDRESSEE:
            addressee = text
            segments.append(Segment(Kind.ADDRESSEE, text, section=section, addressee=text))
        elif b.kind == Kind.PARAGRAPH:
            addressee = ""
            segments.append(Segment(Kind.PARAGRAPH, text, b.label, section))
        else:
            segments.append(Segment(b.kind, text, b.label, section, addressee))

    if not labelled_any:
        warnings.append("no numbered paragraphs found: stored as unlabelled text")
    title = next((s.text for s in segments if s.kind == Kind.TITLE), "")
    if not title:
        stem = re.sub(r"\.[A-Za-z0-9]+$", "", file.rsplit("/", 1)[-1])
        title = stem or "Untitled"
    first_para = next((s.text for s in segments if s.kind == Kind.PARAGRAPH), "")
    m = SITUATION_RE.search(title)
    situation = m.group(1).strip() if m else ""
    date = ""
    dm = DATE_RE.search(first_para)
    if dm:
        date = f"{int(dm.group(3)):04d}-{MONTHS.index(dm.group(2)) + 1:02d}-{int(dm.group(1)):02d}"
    rm = REPORT_RE.search(first_para)
    return Document(
        title=title,
        segments=tuple(segments),
        situation=situation,
        meeting_date=date,
        report_symbol=rm.group(1) if rm else "",
        symbol=symbol,
        source_file=file,
        warnings=tuple(dict.fromkeys(warnings)),
        references=tuple(dict.fromkeys(references)),
    )
