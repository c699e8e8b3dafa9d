"""Recognisers for the Security Council's own texts: resolutions and presidential statements.

A resolution opens "The Security Council," and then has preambular paragraphs, each
opening with an italic participle and ending with a comma ("Recalling all its
resolutions ..., ") -- labelled PP1, PP2, ... though nothing is printed before them --
and operative paragraphs numbered 1., 2., ... with (a), (i) below them (OP1, OP1(a),
OP1(a)(i)), the last usually "Decides to remain actively seized of the matter.". In text
extracted from PDF the italic lead word may stand alone on its line ("Recalling" /
"all its resolutions ...").

A presidential statement (S/PRST/YYYY/N) quotes the statement the President made on
behalf of the Council: each of its paragraphs opens with a quotation mark, and only the
last one closes it. They are labelled 1, 2, ... in order.
"""

from __future__ import annotations

from app.labels import Label, LabelError, Series
from app.model import Kind
from app.parse.lines import RawLine
from app.parse.patterns import OPENING_QUOTE_RE, PARA_RE, TERMINAL
from app.parse.recognise import Block, Reader


def chapeau(r: Reader) -> bool:
    """"The Security Council," opens the preamble."""
    if r.state or not r.p.resolution.match(r.text) or PARA_RE.match(r.text):
        return False
    if not r.text.rstrip().endswith(","):
        return False  # "Resolution 2427 (2018)" is a cue too, but the title
    r.state = "preamble"
    return r.add(Block(Kind.TEXT, [r.text], closed=True))


def _lead_alone(r: Reader) -> bool:
    """An italic lead word ("Recalling", "Deeply concerned") on a line of its own."""
    text = r.text
    return (len(text) < 40 and not text.endswith(TERMINAL + (",",)) and bool(r.p.preamble_lead.match(text))
            and len(text.split()) <= 3)


def preambular(r: Reader) -> bool:
    """A preambular paragraph: in the preamble, a line opening with a lead word after a
    paragraph that ended (with its comma), or any paragraph a reader says is one."""
    if r.state != "preamble" or r.line.label or PARA_RE.match(r.text) or r.p.sub.match(r.text):
        return False
    nxt = r.peek()
    if _lead_alone(r) and nxt is not None and not nxt.label and not PARA_RE.match(nxt.text):
        r.lines[r.i + 1] = RawLine(f"{r.text} {nxt.text}", "", nxt.style, nxt.paragraph_end)
        return r.skip()
    cur = r.current
    ended = cur is None or cur.closed or (bool(cur.lines) and cur.lines[-1].rstrip().endswith((",", ";", ".")))
    if not ended or not (r.p.preamble_lead.match(r.text) or (cur is not None and cur.closed)):
        return False
    r.preambular += 1
    try:
        label = str(Label(Series.PREAMBULAR, r.preambular))
    except LabelError:
        return False  # past the largest label: text
    return r.add(Block(Kind.PARAGRAPH, [r.text], label=label, closed=r.line.paragraph_end))


def operative_starts(r: Reader) -> bool:
    """The first numbered paragraph ends the preamble; never consumes the line."""
    if r.state == "preamble" and (PARA_RE.match(r.text) or PARA_RE.match(r.line.label + " ")):
        r.state = "operative"
    return False


def quoted_paragraph(r: Reader) -> bool:
    """A paragraph of the statement: it opens with a quotation mark after a complete one."""
    m = OPENING_QUOTE_RE.match(r.text)
    if not m or r.line.label or not r.prev_complete or r.current is None:
        return False
    r.seq.paragraph += 1
    return r.add(Block(Kind.PARAGRAPH, [r.text[m.end():]], label=r.seq.paragraph_label(r.seq.paragraph),
                       closed=r.line.paragraph_end))


def strip_closing_quote(text: str) -> str:
    """The last paragraph of a statement ends with the closing quotation mark of the whole
    statement: removed when nothing inside the paragraph opens it."""
    for close, opening in (("\u201d", "\u201c"), ('"', '"'), ("\u00bb", "\u00ab")):
        stripped = text.rstrip()
        if stripped.endswith(close) or stripped.endswith(close + "."):
            body = stripped[: stripped.rfind(close)]
            if close == '"':
                balanced = body.count('"') % 2 == 0
            else:
                balanced = body.count(opening) == body.count(close)
            if balanced:
                return body + stripped[stripped.rfind(close) + 1:]
    return text
