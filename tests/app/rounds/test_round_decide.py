"""Competing proposals, summaries, and the next version as a function of the decisions."""

from __future__ import annotations

import pytest

from app.model import Kind, Segment
from app.rounds.compile import competes, compile_round, context, describe
from app.rounds.decide import (
    CompetingAccepted,
    accept,
    applied,
    edit_segment,
    next_segments,
    reject,
    reopen,
)
from app.rounds.model import Proposal, ProposalKind, Return, RoundState, Status

E, D, NEW = ProposalKind.EDIT, ProposalKind.DELETE, ProposalKind.INSERT
TEXT = "Noting with concern that insecurity and access restrictions presented challenges;"
SEGS = (Segment(Kind.PARAGRAPH, "The Working Group agreed:", "1"),
        Segment(Kind.SUBPARAGRAPH, TEXT, "1(a)"),
        Segment(Kind.SUBPARAGRAPH, "Stressing accountability;", "1(b)"))


def P(key, kind=E, index=1, start=0, end=0, text=""):
    return Proposal(key, kind, index, start, end, text, Kind.SUBPARAGRAPH)


AT = TEXT.index("insecurity")
END = AT + len("insecurity")


@pytest.mark.parametrize("a, b, expected", [
    (P("1.1", start=AT, end=END, text="x"), P("2.1", start=AT, end=END + 4, text="y"), True),  # overlap
    (P("1.1", start=END, end=END, text=", the pandemic"), P("2.1", start=AT, end=END + 4, text="y"), True),
    (P("1.1", start=END, end=END, text=", a"), P("2.1", start=END, end=END, text=", b"), True),  # same place
    (P("1.1", start=END, end=END, text=", a"), P("2.1", start=AT, end=END, text="z"), False),  # at its edge
    (P("1.1", start=0, end=6, text="Seeing"), P("2.1", start=AT, end=END, text="z"), False),  # apart
    (P("1.1", D), P("2.1", start=AT, end=END, text="z"), True),  # delete the segment
    (P("1.1", D), P("2.1", D), False),  # the same request: agreement
    (P("1.1", start=AT, end=END, text="z"), P("2.1", index=2, start=AT, end=END, text="w"), False),
    (P("1.1", NEW, text="New;"), P("2.1", NEW, text="Other;"), False),  # new paragraphs stand side by side
], ids=["overlap", "inside", "same-point", "edge", "apart", "delete", "both-delete", "other-segment", "inserts"])
def test_competes(a, b, expected):
    assert competes(a, b) is expected and competes(b, a) is expected


@pytest.mark.parametrize("p, expected", [
    (P("1", start=END, end=END, text=", the COVID-19 pandemic"),
     "in 1(a), insert ', the COVID-19 pandemic' after 'insecurity'"),
    (P("1", start=0, end=0, text="Further "), "in 1(a), insert 'Further' at the start"),
    (P("1", start=AT, end=END + 4, text=""), "in 1(a), delete 'insecurity and'"),
    (P("1", start=AT, end=END, text="the security situation"),
     "in 1(a), replace 'insecurity' with 'the security situation'"),
    (P("1", D), "delete 1(a)"),
])
def test_describe(p, expected):
    assert describe(p, SEGS[1], "1(a)") == expected


def test_context_keeps_a_few_words_around_the_change():
    pieces = [("equal", "one two three four five six seven "), ("insert", "NEW "), ("equal", "eight nine ten eleven twelve")]
    assert context(pieces, 2) == [("equal", "\u2026 six seven "), ("insert", "NEW "), ("equal", "eight nine \u2026")]


def _state(*proposals, decisions=None):
    ret = Return("r.docx", "tracked", tuple(proposals), delegation="France", id=1)
    return RoundState(1, 1, 1, "rev.1", SEGS, (ret,), decisions or {})


def test_next_version_applies_accepted_changes_and_relabels():
    s = _state(P("1.1", start=END, end=END, text=", the pandemic"), P("1.2", D, index=2),
               P("1.3", NEW, index=0, text="  Recalling   its conclusions;"))
    for key in ("1.1", "1.2", "1.3"):
        s = applied(s, accept(s, key))
    out = next_segments(s)
    assert [(x.label, x.text) for x in out] == [
        ("1", "The Working Group agreed:"),
        ("1(a)", "Recalling its conclusions;"),
        ("1(b)", TEXT.replace("insecurity", "insecurity, the pandemic")),
    ]


def test_accepting_a_rival_asks_which_wins_and_the_loser_is_rejected():
    s = _state(P("1.1", start=AT, end=END, text="x"), P("1.2", start=AT, end=END + 4, text="y"))
    s = applied(s, accept(s, "1.1"))
    with pytest.raises(CompetingAccepted, match="1.2 competes with 1.1"):
        accept(s, "1.2")
    kept = applied(s, accept(s, "1.2", wins="1.1"))
    assert (kept.status("1.1"), kept.status("1.2")) == (Status.ACCEPTED, Status.REJECTED)
    won = applied(s, accept(s, "1.2", wins="1.2"))
    assert (won.status("1.1"), won.status("1.2")) == (Status.REJECTED, Status.ACCEPTED)
    assert won.decisions["1.1"].note == "lost to 1.2"


def test_identical_proposals_apply_once():
    s = _state(P("1.1", start=END, end=END, text=", a"), P("1.2", start=END, end=END, text=", a"))
    s = applied(applied(s, accept(s, "1.1")), accept(s, "1.2"))
    assert next_segments(s)[1].text.count(", a") == 1


def test_hand_edit_overrides_and_reopen_undoes():
    s = _state(P("1.1", start=AT, end=END, text="x"))
    s = applied(s, accept(s, "1.1"))
    edited = applied(s, edit_segment(s, 1, "  My own   words; "))
    assert next_segments(edited)[1].text == "My own words;"
    assert next_segments(applied(edited, reopen(edited, "seg:1")))[1].text.startswith("Noting with concern that x")
    assert next_segments(applied(s, reject(s, "1.1")))[1].text == TEXT


def test_compilation_groups_by_delegation_and_filters():
    a = Return("a.docx", "tracked", (P("1.1", start=AT, end=END, text="x"),), delegation="France", id=1)
    b = Return("b.docx", "tracked", (Proposal("2.1", E, 1, AT, END, "y", author="Y"),
                                   Proposal("2.2", E, 2, 0, 9, "Underlining", author="Z")), id=2)
    s = RoundState(1, 1, 1, "rev.1", SEGS, (a, b), {}, {"Z": "Chile"})
    c = compile_round(s)
    assert list(c.places[1].by_delegation()) == ["France", "Y"]  # Y is nobody's yet: stands for itself
    assert c.delegations == ("France", "Y", "Chile")
    assert [p.segment.label for p in c.filtered(delegation="Chile").places] == ["1(b)"]
    assert [p.segment.label for p in c.filtered(labels=["1(b)"]).places] == ["1(b)"]
