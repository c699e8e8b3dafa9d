"""The ranked language of Security Council texts, as plain data: lead phrases, modals, modifiers.

A delegation's edit often only moves a clause one step up or down a ladder ("Strongly
condemning" -> "Condemning", "Demands" -> "Urges", "must" -> "should", "immediately"
dropped). `app.compare.strength` reads these tables to say whether a pair got stronger or
weaker, and why. Everything here is data: one frozen `StrengthLexicon` value, `LEXICON`,
meant to become a field of a language-conventions record, so another language or another
body's practice is another value, not other code.

Where the ranks come from (each rung repeats the source that places it):

- CHARTER: the Charter of the United Nations. Under Article 25 Members "agree to accept and
  carry out the decisions of the Security Council", so "Decides" is the top of the ladder of
  requests; Articles 40 and 41 use "call upon" for what the Council asks without deciding.
- PRACTICE: the ladders Security Council drafters check by hand after every comparison:
  Strongly condemning > Condemning; Expressing grave concern > Expressing concern > Noting
  with concern > Noting; Demands > Urges > Calls upon > Requests > Encourages > Invites;
  Commends > Welcomes > Takes note; Stressing/Underscoring > Recalling; preambular Gravely
  concerned > Deeply concerned > Concerned > Noting; must > should; "strongly",
  "immediately", "all" strengthen, "as appropriate" and "where possible" weaken.
- MALI-2020: the Working Group's conclusions on Mali (2020), the sample in
  resources/sample. The same kinds of violation get "grave" (5(h), 5(j), 5(m)), "deep"
  (5(g), 5(i)) and "strong" (5(x), 5(z)) concern, so in conclusions these adjectives share
  one rung; the deprivation of liberty is a "grave concern" in the message to all parties
  (5(h)) and a plain "concern" in the message to the Government (5(r), 7(e)), one rung down.
  The softest asks are the ones to donors: "Inviting donors ... as appropriate" (12(g)).

Phrases are lower case, one entry per form that occurs: the participle of conclusions and
preambles ("condemning"), the third person of operative paragraphs ("condemns") and the past
tense of the body of conclusions ("the members of the Working Group condemned").
"""

from __future__ import annotations

from dataclasses import dataclass

CHARTER = "Charter of the United Nations, Articles 25, 40 and 41"
PRACTICE = "Security Council drafting practice"
MALI_2020 = "Working Group conclusions on Mali (2020)"


@dataclass(frozen=True, slots=True)
class Rung:
    """Phrases that say the same thing with the same force; a higher rank is stronger."""

    rank: int
    phrases: tuple[str, ...]
    source: str


@dataclass(frozen=True, slots=True)
class Ladder:
    """One kind of lead phrase (condemnation and concern, requests, ...), strongest first.

    Ranks compare only within a ladder: "Stressing" against "Welcoming" is neither stronger
    nor weaker. "Noting" is the floor of three ladders, so "Welcoming" -> "Noting" is weaker.
    """

    name: str
    rungs: tuple[Rung, ...]


@dataclass(frozen=True, slots=True)
class Modifier:
    """A word or phrase inside a clause that strengthens (`effect` +1) or weakens (-1) it."""

    phrase: str
    effect: int
    source: str


@dataclass(frozen=True, slots=True)
class StrengthLexicon:
    """All the ranked language of one body and language.

    `lead_ins` may stand between a clause's start and its lead phrase without changing it
    ("further expressing concern", "also requesting"); `openers` are the words after which a
    lead phrase starts a clause ("; and urging", "they called on", "the Council decides").
    """

    ladders: tuple[Ladder, ...]
    modals: tuple[Rung, ...]
    modifiers: tuple[Modifier, ...]
    lead_ins: tuple[str, ...]
    openers: tuple[str, ...]


def _concern(adjectives: tuple[str, ...]) -> tuple[str, ...]:
    """'expressing grave concern', 'expresses its grave concern', ... for each adjective."""
    out = []
    for verb in ("expressing", "expresses", "expressed"):
        for its in ("", "its ", "their "):
            out += [f"{verb} {its}{a}concern" for a in adjectives]
    return tuple(out)


_NOTE = Rung(1, ("noting", "notes", "noted", "taking note", "takes note", "took note"), PRACTICE)

CONCERN = Ladder("condemnation and concern", (
    Rung(8, ("strongly condemning", "strongly condemns", "strongly condemned"), PRACTICE),
    Rung(7, ("condemning", "condemns", "condemned"), PRACTICE),
    Rung(6, _concern(("grave ", "deep ", "serious ", "strong ")) + ("gravely concerned",),
         f"{PRACTICE}; {MALI_2020}: grave, deep and strong concern are used alike"),
    Rung(5, ("deeply concerned", "seriously concerned"),
         f"{PRACTICE}: preambles rank Gravely concerned > Deeply concerned > Concerned"),
    Rung(4, _concern(("",)) + ("concerned", "noting with grave concern", "noting with deep concern",
                               "notes with grave concern", "notes with deep concern",
                               "noted with grave concern", "noted with deep concern"),
         f"{PRACTICE}; {MALI_2020}: 5(h) grave concern, 5(r) concern, same subject"),
    Rung(3, ("noting with concern", "notes with concern", "noted with concern"), PRACTICE),
    _NOTE,
))

REQUESTS = Ladder("requests", (
    Rung(9, ("decides", "deciding", "decided"), CHARTER),
    Rung(8, ("demanding", "demands", "demanded"), f"{PRACTICE}; {CHARTER}"),
    Rung(7, ("strongly urging", "strongly urges", "strongly urged"), PRACTICE),
    Rung(6, ("urging", "urges", "urged"), PRACTICE),
    Rung(5, ("calling upon", "calls upon", "called upon", "calling on", "calls on",
             "called on", "calling for", "calls for", "called for"),
         f"{PRACTICE}; {CHARTER}: the Charter's word for what is asked, not decided"),
    Rung(4, ("requesting", "requests", "requested"), PRACTICE),
    Rung(3, ("strongly encouraging", "strongly encourages", "strongly encouraged"), PRACTICE),
    Rung(2, ("encouraging", "encourages", "encouraged"), PRACTICE),
    Rung(1, ("inviting", "invites", "invited"),
         f"{PRACTICE}; {MALI_2020}: the softest ask, to donors (12(g))"),
))

APPROVAL = Ladder("approval", (
    Rung(3, ("commending", "commends", "commended"), PRACTICE),
    Rung(2, ("welcoming", "welcomes", "welcomed"), PRACTICE),
    _NOTE,
))

EMPHASIS = Ladder("emphasis", (
    Rung(3, ("stressing", "stresses", "stressed", "underscoring", "underscores",
             "underscored", "emphasizing", "emphasizes", "emphasized"), PRACTICE),
    Rung(2, ("recalling", "recalls", "recalled"), PRACTICE),
    _NOTE,
))

MODALS = (
    Rung(2, ("must", "shall"), PRACTICE),
    Rung(1, ("should",), PRACTICE),
)

_INTENSIFIERS = ("strongly", "immediately", "immediate", "urgently", "all", "fully", "swiftly",
                 "expeditiously", "unconditionally", "without delay", "without further delay",
                 "without preconditions", "in the strongest terms")
_HEDGES = ("as appropriate", "where appropriate", "as necessary", "where necessary",
           "where possible", "wherever possible", "whenever possible", "if possible",
           "as far as possible", "to the extent possible", "as soon as possible",
           "where feasible", "without undue delay", "within existing resources", "to consider")

LEXICON = StrengthLexicon(
    ladders=(CONCERN, REQUESTS, APPROVAL, EMPHASIS),
    modals=MODALS,
    modifiers=tuple(Modifier(p, +1, PRACTICE) for p in _INTENSIFIERS)
    + tuple(Modifier(p, -1, PRACTICE) for p in _HEDGES),
    lead_ins=("further", "also", "again", "once again", "further also"),
    openers=("and", "while", "but", "they", "it", "council", "group", "members", "committee"),
)
