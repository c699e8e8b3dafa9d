"""Recognised blocks become segments: their lines joined, their section and addressee set.

Text typed in a Word file (or typed or pasted as text) is the author's and is kept as it
is: only the line breaks a reader reports inside a paragraph are joined. Text extracted
from a PDF is repaired (line-end hyphens, words broken by stray spaces, a space before
punctuation, a doubled comma), and every repair is listed in the import's warnings, so a
drafter knows exactly where the stored text differs from the file's.
"""

from __future__ import annotations

from collections import defaultdict

from app.model import DocKind, Kind, Segment
from app.parse.patterns import Patterns
from app.parse.recognise import Block
from app.parse.repair import REPAIR_KINDS, Repair, Vocabulary, join_lines, repair_broken_words, tidy
from app.parse.resolution import strip_closing_quote
from app.wording import count

# A warning lists at most this many repairs of one kind by name (a hostile file could
# have hundreds of thousands); the rest are counted.
LISTED_REPAIRS = 200
REPAIRED = "text extracted from PDF repaired:"


def _verbatim(lines: list[str]) -> str:
    return " ".join(line.strip() for line in lines if line.strip())


def _repaired(block: Block, vocab: Vocabulary, repairs: list[tuple[Repair, str]], no_space_before: str) -> str:
    """The block's lines joined and repaired, each repair noted with where it was made."""
    notes: list[Repair] = []
    text = tidy(repair_broken_words(join_lines(block.lines, vocab, notes), vocab, notes), notes, no_space_before)
    repairs += [(n, block.label or block.kind.value) for n in notes]
    return text


def assemble(blocks: list[Block], p: Patterns, kind: DocKind, repair: bool) -> tuple[list[Segment], list[str]]:
    """The segments of `blocks`, and the warnings that list the repairs made."""
    vocab = Vocabulary([" ".join(b.lines) for b in blocks], p.conventions.language) if repair else None
    segments: list[Segment] = []
    repairs: list[tuple[Repair, str]] = []
    section = ""
    addressee = ""
    labelled = False  # a labelled segment has been seen
    for b in blocks:
        text = _verbatim(b.lines) if vocab is None else _repaired(b, vocab, repairs, p.conventions.no_space_before)
        if not text:
            continue
        if b.kind == Kind.HEADING and segments and segments[0].kind == Kind.TITLE and (
            " ".join(text.split()) == " ".join(segments[0].text.split())
        ):
            continue  # a press release prints its title again below its furniture
        if b.kind == Kind.HEADING:
            # An annex's own title stays in the section "Annex", like its paragraphs.
            if not (section and p.annex.match(section) and segments and segments[-1].kind == Kind.HEADING):
                section = text
            addressee = ""
            segments.append(Segment(Kind.HEADING, text, section=section))
        elif b.kind == Kind.ADDRESSEE:
            addressee = text
            segments.append(Segment(Kind.ADDRESSEE, text, section=section, addressee=text))
        elif b.kind == Kind.PARAGRAPH:
            addressee = ""
            labelled = True
            segments.append(Segment(Kind.PARAGRAPH, text, b.label, section))
        else:
            segments.append(Segment(b.kind, text, b.label, section, addressee))
            labelled = labelled or bool(b.label)
            if kind == DocKind.PUBLIC_STATEMENT and b.kind == Kind.TEXT and not addressee and not labelled:
                # The messages that follow go to whom the opening sentence names.
                addressee = folded_addressee(text, p)
    if kind == DocKind.PRESIDENTIAL_STATEMENT:
        _close_statement(segments)
    return segments, repair_warnings(repairs)


def folded_addressee(text: str, p: Patterns) -> str:
    """"... to address the following message to all parties to the conflict in Chad,
    through a public statement by the Chairman ...:" -> "To all parties to the conflict in Chad"."""
    m = p.folded_addressee.search(text)
    if not m:
        return ""
    prefix = p.conventions.addressee_prefixes[0] if p.conventions.addressee_prefixes else ""
    return prefix + m.group("who").strip().rstrip(",")


def _close_statement(segments: list[Segment]) -> None:
    """The statement's closing quotation mark ends its last paragraph."""
    for i in range(len(segments) - 1, -1, -1):
        if segments[i].kind == Kind.PARAGRAPH:
            segments[i] = segments[i].with_text(strip_closing_quote(segments[i].text))
            return


def repair_warnings(repairs: list[tuple[Repair, str]]) -> list[str]:
    """One warning per kind of repair, naming each change and where it was made."""
    by_kind: dict[str, list[tuple[Repair, str]]] = defaultdict(list)
    for r, where in repairs:
        by_kind[r.kind].append((r, where))
    out = []
    for kind, (one, many) in REPAIR_KINDS.items():
        found = by_kind.get(kind)
        if not found:
            continue
        shown = "; ".join(f'"{r.before}" -> "{r.after}" ({where})' for r, where in found[:LISTED_REPAIRS])
        more = f"; and {len(found) - LISTED_REPAIRS} more" if len(found) > LISTED_REPAIRS else ""
        out.append(f"{REPAIRED} {count(len(found), one, many)}: {shown}{more}")
    return out
