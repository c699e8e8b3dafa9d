"""Strength of language: every rung of the ladders both ways, modifiers, and real corpus pairs."""

import itertools
from dataclasses import replace

import pytest

from app.compare.engine import compare_segments
from app.compare.model import Direction, RowOp
from app.compare.strength import strength_change
from app.compare.strength_lexicon import LEXICON, Rung
from app.services.library import passage_of

WEAKER, STRONGER, NEITHER, MIXED = (Direction.WEAKER, Direction.STRONGER, Direction.NEITHER,
                                    Direction.MIXED)
# What follows the lead phrase: the object of 5(k) of the Mali conclusions.
OBJECT = ("attacks on schools and hospitals, the number of which more than tripled during the "
          "reporting period;")


def _cap(phrase: str) -> str:
    return phrase[0].upper() + phrase[1:]


def _adjacent_rungs():
    """(ladder, stronger rung's phrase, weaker rung's phrase) for each step of each ladder,
    in each of the forms both rungs have (participle, operative, past)."""
    for ladder in LEXICON.ladders:
        for upper, lower in itertools.pairwise(ladder.rungs):
            for a, b in zip(upper.phrases, lower.phrases, strict=False):
                yield pytest.param(a, b, id=f"{ladder.name}: {a} > {b}")


@pytest.mark.parametrize(("stronger", "weaker"), list(_adjacent_rungs()))
def test_every_rung_both_ways(stronger, weaker):
    down = strength_change(f"{_cap(stronger)} {OBJECT}", f"{_cap(weaker)} {OBJECT}")
    assert down.direction is WEAKER
    assert down.why == f"{_cap(stronger)} \u2192 {_cap(weaker)}"
    up = strength_change(f"{_cap(weaker)} {OBJECT}", f"{_cap(stronger)} {OBJECT}")
    assert up.direction is STRONGER and up.why == f"{_cap(weaker)} \u2192 {_cap(stronger)}"


@pytest.mark.parametrize(("old", "new", "direction", "why"), [
    # the ladders as drafters name them
    ("Strongly condemning", "Condemning", WEAKER, "Strongly condemning \u2192 Condemning"),
    ("Expressing grave concern at", "Expressing concern at", WEAKER,
     "Expressing grave concern \u2192 Expressing concern"),
    ("Expressing concern at", "Noting with concern", WEAKER,
     "Expressing concern \u2192 Noting with concern"),
    ("Demands", "Urges", WEAKER, "Demands \u2192 Urges"),
    ("Urges", "Calls upon", WEAKER, "Urges \u2192 Calls upon"),
    ("Calls upon", "Encourages", WEAKER, "Calls upon \u2192 Encourages"),
    ("Encourages", "Invites", WEAKER, "Encourages \u2192 Invites"),
    ("Invites", "Demands", STRONGER, "Invites \u2192 Demands"),
    ("Gravely concerned by", "Deeply concerned by", WEAKER,
     "Gravely concerned \u2192 Deeply concerned"),
    ("Concerned by", "Noting", WEAKER, "Concerned \u2192 Noting"),
    ("Welcomes", "Takes note of", WEAKER, "Welcomes \u2192 Takes note"),
    ("Decides that", "Demands that", WEAKER, "Decides \u2192 Demands"),
    ("Recalling", "Stressing", STRONGER, "Recalling \u2192 Stressing"),
    ("Welcoming", "Commending", STRONGER, "Welcoming \u2192 Commending"),
    # a lead-in is not part of the rung; the same rung in other words is no change
    ("Further requesting", "Further inviting", WEAKER, "requesting \u2192 inviting"),
    ("Calling upon", "Calling on", NEITHER, ""),
    ("Condemning", "Condemns", NEITHER, ""),
    # in conclusions grave, deep and strong concern are used alike (Mali 2020, 5(g), 5(h), 5(x))
    ("Expressing grave concern at", "Expressing deep concern at", NEITHER, ""),
    # different kinds of language: not comparable
    ("Stressing", "Welcoming", NEITHER, ""),
])
def test_named_ladders(old, new, direction, why):
    change = strength_change(f"{old} {OBJECT}", f"{new} {OBJECT}")
    assert change.direction is direction and change.why == why


@pytest.mark.parametrize(("old", "new", "direction", "why"), [
    ("urging all parties to immediately release all children",
     "urging all parties to release all children", WEAKER, "immediately release \u2192 release"),
    ("calling upon all parties to comply", "calling upon parties to comply", WEAKER,
     "all parties \u2192 parties"),
    ("perpetrators must be brought to justice", "perpetrators should be brought to justice",
     WEAKER, "must \u2192 should"),
    ("inviting donors to coordinate", "inviting donors to coordinate as appropriate", WEAKER,
     "\u201cas appropriate\u201d added"),
    ("to ensure access where possible;", "to ensure access;", STRONGER,
     "\u201cwhere possible\u201d dropped"),
    ("urging the Government to implement the action plan",
     "urging the Government to fully implement the action plan", STRONGER,
     "implement \u2192 fully implement"),
    ("children should be treated primarily as victims",
     "children must be treated primarily as victims", STRONGER, "should \u2192 must"),
])
def test_modifiers_and_modals(old, new, direction, why):
    change = strength_change(old, new)
    assert change.direction is direction and change.why == why
    back = strength_change(new, old)
    assert back.direction is {WEAKER: STRONGER, STRONGER: WEAKER}[direction]


@pytest.mark.parametrize(("old", "new"), [
    # an unchanged verb with a changed object
    ("Condemning attacks on schools and hospitals;", "Condemning the abduction of children;"),
    ("Strongly condemning attacks on schools;", "Strongly condemning all abductions of children;"),
    ("Urging the Government to adopt the draft law;", "Urging the Government to ratify the Protocol;"),
    # a modifier moved inside its clause
    ("calling upon all parties to end violations", "calling upon parties to end all violations"),
    # a modifier that went with what it qualified went with content
    ("Condemning all violations committed by all parties to the conflict in Mali;",
     "Condemning all violations committed in Mali;"),
    # a clause added whole is new content
    ("Stressing the importance of accountability;",
     "Stressing the importance of accountability; and strongly urging all parties to act;"),
])
def test_content_changes_are_neither(old, new):
    assert strength_change(old, new).direction is NEITHER


def test_mixed_says_both_ways():
    change = strength_change(
        "Condemning the attacks; and urging all parties to immediately end them;",
        "Strongly condemning the attacks; and urging parties to end them;")
    assert change.direction is MIXED
    assert change.why == ("Condemning \u2192 Strongly condemning; all parties \u2192 parties; "
                          "immediately end \u2192 end")


def test_clauses_of_a_corpus_subparagraph(corpus_doc):
    """5(a): two clauses, each weakened its own way; the reasons come in reading order."""
    (a,) = passage_of(corpus_doc, "5(a)").segments
    weakened = a.text.replace("Strongly condemning", "Condemning").replace(
        "urging all parties concerned to immediately end", "urging parties concerned to end")
    change = strength_change(a.text, weakened)
    assert change.direction is WEAKER
    assert change.why == ("Strongly condemning \u2192 Condemning; all parties \u2192 parties; "
                          "immediately end \u2192 end")


def test_body_of_conclusions_in_the_past_tense(corpus_doc):
    (p3,) = passage_of(corpus_doc, "3").segments
    edited = p3.text.replace("expressed deep concern at the increase", "expressed concern at the "
                             "increase").replace("they urged all parties", "they called on all parties")
    change = strength_change(p3.text, edited)
    assert change.direction is WEAKER
    assert change.why == "expressed deep concern \u2192 expressed concern; urged \u2192 called on"


def test_parallel_language_of_the_corpus(corpus_doc):
    """The same subject said to different addressees, one rung apart."""
    seg = {s.label: s for s in corpus_doc.segments if s.label}
    # deprivation of liberty: a grave concern to all parties, a concern to the Government
    h_r = strength_change(seg["5(h)"].text, seg["5(r)"].text)
    assert h_r.direction is WEAKER
    assert h_r.steps[0].old == "Expressing grave concern" and h_r.steps[0].new == "Expressing concern"
    # sexual violence: urging all parties, strongly urging the armed groups
    j_y = strength_change(seg["5(j)"].text, seg["5(y)"].text)
    assert "urging \u2192 Strongly urging" in j_y.why


def test_statement_and_letter_to_the_government_have_no_strength_change(corpus_doc):
    """5(n)..5(v) and 7(a)..7(i) differ in wording only: no pair is marked."""
    cmp = compare_segments(passage_of(corpus_doc, "5(n)", "5(v)").segments,
                           passage_of(corpus_doc, "7(a)", "7(i)").segments)
    modified = [r for r in cmp.rows if r.op is RowOp.MODIFIED]
    assert len(modified) == 6 and all(r.strength.direction is NEITHER for r in modified)
    assert all(r.strength is None for r in cmp.rows if r.op is RowOp.EQUAL)
    assert cmp.strength_rows() == []


def test_a_weakened_letter_is_marked_where_it_was_weakened(corpus_doc):
    """The letter 7(a)..7(i) redrafted with three weakenings and a strengthening among
    its own differences from 5(n)..5(v): exactly those four rows are marked."""
    letter = list(passage_of(corpus_doc, "7(a)", "7(i)").segments)

    def edit(label, old, new):
        k = next(n for n, s in enumerate(letter) if s.label == label)
        assert old in letter[k].text
        letter[k] = replace(letter[k], text=letter[k].text.replace(old, new, 1))

    edit("7(c)", "must be brought to justice", "should be brought to justice")
    edit("7(d)", "urging the Government to work", "encouraging the Government to work")
    edit("7(e)", "calling on authorities to fully implement", "calling on authorities to implement")
    edit("7(g)", "Encouraging the Government to adopt", "Urging the Government to adopt")
    cmp = compare_segments(passage_of(corpus_doc, "5(n)", "5(v)").segments, letter)
    marks = {r.left.label: (r.strength.direction, r.strength.why) for r in cmp.rows
             if r.strength is not None and r.strength.changed}
    assert marks == {
        "5(p)": (WEAKER, "must \u2192 should"),
        "5(q)": (WEAKER, "urging \u2192 encouraging"),
        "5(r)": (WEAKER, "fully implement \u2192 implement"),
        "5(t)": (STRONGER, "Encouraging \u2192 Urging"),
    }
    summary = cmp.summary()
    assert summary["weaker"] == 3 and summary["stronger"] == 1 and summary["mixed"] == 0
    assert [cmp.rows[i].left.label for i in cmp.strength_rows()] == ["5(p)", "5(q)", "5(r)", "5(t)"]


def test_a_custom_lexicon_is_just_data():
    """Another body's ladder is another value: here "requests" above "decides"."""
    from app.compare.strength_lexicon import Ladder, StrengthLexicon

    odd = StrengthLexicon(
        ladders=(Ladder("test", (Rung(2, ("requests",), "test"), Rung(1, ("decides",), "test"))),),
        modals=(), modifiers=(), lead_ins=(), openers=("and",))
    assert strength_change("Decides to act", "Requests to act", lexicon=odd).direction is STRONGER
    assert strength_change("Decides to act", "Requests to act").direction is WEAKER


def test_identical_and_empty_texts():
    assert strength_change("", "").direction is NEITHER
    assert strength_change("Condemning", "Condemning").steps == ()
    assert strength_change("", "Condemning attacks").direction is NEITHER
