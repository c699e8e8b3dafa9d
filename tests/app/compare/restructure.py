"""A redraft of the corpus that splits, merges and re-nests, for the comparison and export tests."""

from __future__ import annotations

from dataclasses import replace

from app.labels import Label
from app.model import Document, Kind, Segment


def relabelled(segments):
    """Letter each paragraph's subparagraphs again in order, as a word processor would."""
    out, counts = [], {}
    for s in segments:
        label = s.label_value
        if s.kind is Kind.SUBPARAGRAPH and label is not None and label.depth == 1:
            parent = Label(label.series, label.number)
            counts[parent] = counts.get(parent, 0) + 1
            s = replace(s, label=str(parent.child(counts[parent])))
        out.append(s)
    return out


def _lower_first(text):
    return text[0].lower() + text[1:]


def split_at(s, marker):
    """`s` cut before `marker` ("; stressing that"), the second part opening a capital."""
    k = s.text.index(marker) + 1
    first = s.with_text(s.text[:k])
    rest = s.text[k:].lstrip()
    return first, replace(s, text=rest[0].upper() + rest[1:])


def restructure(corpus_doc: Document) -> Document:
    """The corpus with 5(d) split in two, 5(x) and 5(y) merged, 6 with 6(a) and 6(b) made one
    paragraph, paragraph 3 re-nested as a chapeau with a lettered subparagraph per clause, and
    everything after re-lettered."""
    out = []
    segs = list(corpus_doc.segments)
    at = {s.label: s for s in segs if s.label}
    for s in segs:
        if s.label == "3":
            clauses = s.text.removeprefix("The members of the Working Group ").split("; ")
            out.append(s.with_text("The members of the Working Group:"))
            for n, clause in enumerate(clauses, 1):
                end = "" if clause.endswith(".") else ";"
                out.append(Segment(Kind.SUBPARAGRAPH, clause + end, str(Label.parse("3").child(n)),
                                   s.section, s.addressee))
        elif s.label == "5(d)":
            out += split_at(s, "; stressing that")
        elif s.label == "5(x)":
            out.append(s.with_text(s.text + " " + _lower_first(at["5(y)"].text)))
        elif s.label == "6":
            out.append(s.with_text(" ".join([s.text] + [_lower_first(at[k].text)
                                                         for k in ("6(a)", "6(b)")])))
        elif s.label not in ("5(y)", "6(a)", "6(b)"):
            out.append(s)
    return corpus_doc.with_segments(tuple(relabelled(out)))
