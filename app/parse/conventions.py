"""Language conventions: every word the importer looks for, in one record per language.

Structure recognition is the same whatever the language of a UN text (numbered
paragraphs, lettered subparagraphs, addressee lines, an annex); only the words differ:
the standard headings, the months, "To " before an addressee, ordinal numbers in "At its
twenty-ninth meeting", the cues that tell a resolution from conclusions, the press-office
furniture, the word list behind PDF repair and the search stemmer. A French or Spanish
edition of the same conclusions is a new `Conventions` record, not new code.

Patterns are regular-expression source, matched case-insensitively unless said otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Conventions:
    """The words of one language that structure recognition and metadata depend on."""

    language: str  # ISO 639-1: also the language of the word-frequency list (wordfreq)
    search_tokenizer: str  # the SQLite FTS5 tokenizer (its stemmer) for this language
    months: tuple[str, ...]  # January .. December, as written in dates
    # Dates as written, with {months} standing for the alternation of month names; groups
    # day, month, year (named).
    date_patterns: tuple[str, ...]
    # Whole-line section headings of conclusions (a trailing full stop is allowed).
    headings: tuple[str, ...]
    annex: str  # an annex heading, whole line: "Annex", "Annex II"
    addressee_prefixes: tuple[str, ...]  # what opens an addressee line: "To "
    # What opens a subparagraph marker before its letters: "(" for "(a)"; French writes
    # "a)" as often as "(a)".
    marker_open: str
    # Punctuation that never has a space before it: repaired in PDF text ("allegations ;").
    # French sets a space before ";", ":", "!" and "?".
    no_space_before: str
    # An addressee folded into a public statement's opening sentence: group `who`.
    folded_addressee: str
    # Ordinal numbers in words, for "At its twenty-ninth meeting".
    ordinal_units: tuple[str, ...]  # first .. ninth
    ordinal_teens: tuple[str, ...]  # tenth .. nineteenth
    cardinal_units: tuple[str, ...]  # one .. nine (before "hundred", in "twenty-one...")
    cardinal_tens: tuple[str, ...]  # twenty .. ninety
    ordinal_tens: tuple[str, ...]  # twentieth .. ninetieth
    hundred: tuple[str, str]  # ("hundred", "hundredth")
    filler_words: tuple[str, ...]  # words ignored inside a number: "and"
    ordinal_suffix: str  # after digits: 52nd, 8305th
    # A meeting with its number: {ordinal} stands for the number in words or digits.
    meeting: str
    meeting_word: str  # the word that marks the sentence giving the meeting date
    report_word: str  # the word before the Secretary-General's report symbol
    # Where the situation is named, tried in order: group `name`.
    situation_patterns: tuple[str, ...]
    articles: tuple[str, ...]  # dropped before a situation name: "the "
    # Kind cues, searched in the lines before the first numbered paragraph.
    conclusions_cues: tuple[str, ...]
    public_statement_cues: tuple[str, ...]
    resolution_cues: tuple[str, ...]  # whole lines, e.g. "The Security Council,"
    presidential_statement_cues: tuple[str, ...]
    other_cues: tuple[str, ...]  # titles of texts that are none of these: letters, reports
    # The first words of a resolution's preambular paragraph ("Recalling", "Deeply
    # concerned"); a word ending in one of `preamble_endings` counts too.
    preamble_leads: tuple[str, ...]
    preamble_endings: tuple[str, ...]
    # Citations: "resolutions 1612 (2005) and 2427 (2018)", "presidential statement 2020/10".
    resolution_word: str
    presidential_statement_word: str
    list_joiners: tuple[str, ...]  # between the items of a list: ", ", " and "
    # Press releases and web pages: whole lines that are furniture, never text.
    press_furniture: tuple[str, ...]
    # Title lines continue on a line opening with one of these: "on Children and ...".
    title_continuations: tuple[str, ...]
    # Room for the ranked lexicon of lead verbs ("strength of language"): (verb, rank).
    lead_verbs: tuple[tuple[str, int], ...] = ()


_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")

ENGLISH = Conventions(
    language="en",
    search_tokenizer="porter unicode61 remove_diacritics 2",
    months=_EN_MONTHS,
    date_patterns=(
        r"\b(?P<day>\d{1,2}) (?P<month>{months}) (?P<year>\d{4})\b",
        r"\b(?P<month>{months}) (?P<day>\d{1,2}), (?P<year>\d{4})\b",
    ),
    headings=(
        r"public statement by (?:the )?chair(?:man|person|woman)?"
        r"(?: of the (?:security council )?working group(?: on children and armed conflict)?)?",
        r"(?:public )?statement by (?:the )?chair(?:man|person|woman)? of (?:the )?(?:security council )?"
        r"working group(?: on children and armed conflict)?",
        r"recommendations to the security council",
        r"direct action by the working group",
        r"recommendations to (?:the )?[A-Z]?[\w ]+",
        r"letters? (?:from|by) the chair(?:man|person|woman)? of the working group",
    ),
    annex=r"annex(?: [ivx]+| \d+)?",
    addressee_prefixes=("To ",),
    marker_open=r"\(",
    no_space_before=",;:.)",
    folded_addressee=(
        r"\bmessages?\b(?:,? through a public statement by (?:the|its) [^,:]*,)?\s+to\s+"
        r"(?P<who>(?:all|the|each)\s[^:]+?)(?:,?\s+through a public statement\b[^:]*)?\s*[:.]?$"
    ),
    ordinal_units=("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"),
    ordinal_teens=("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                   "seventeenth", "eighteenth", "nineteenth"),
    cardinal_units=("one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
    cardinal_tens=("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"),
    ordinal_tens=("twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth",
                  "ninetieth"),
    hundred=("hundred", "hundredth"),
    filler_words=("and",),
    ordinal_suffix=r"st|nd|rd|th",
    meeting=r"\b(?:at|during|in) (?:its|the) (?P<number>{ordinal})(?: [a-z]+){0,2} meeting\b",
    meeting_word="meeting",
    report_word="report",
    situation_patterns=(
        r"^conclusions on children and armed conflict in (?P<name>.+?)\s*\.?$",
        r"\breports? of the Secretary-General on (?:the situation of )?children and armed conflict in "
        r"(?P<name>[^(),.;:]+?)\s*(?=[(),.;:]|$)",
        r"\bsituation of children (?:and|in) armed conflict in (?P<name>[^(),.;:]+?)\s*(?=[(),.;:]|$)",
        r"\bpublic statement on (?P<name>[^(),.;:]+?)\s*(?=[(),.;:]|$)",
    ),
    articles=("the ",),
    conclusions_cues=(r"^conclusions on children and armed conflict\b", r"^conclusions of the working group\b"),
    public_statement_cues=(
        r"\b(?:public )?statement by (?:the )?chair(?:man|person|woman)?\b",
        r"\bagreed to address the following messages?\b",
        r"\bpublic statement\b.*\bworking group\b",
        r"\bworking group\b.*\bpublic statement\b",
    ),
    resolution_cues=(r"^the security council,$", r"^resolution \d{3,4} \(\d{4}\)$"),
    presidential_statement_cues=(
        r"^statement by the president of the security council$",
        r"\bmade the following statement on behalf of the council\b",
    ),
    other_cues=(r"^letter dated\b", r"^identical letters dated\b", r"^(?:annual )?report of the\b",
                r"^note by the\b"),
    preamble_leads=(
        "Recalling", "Reaffirming", "Noting", "Welcoming", "Expressing", "Stressing", "Recognizing",
        "Bearing", "Mindful", "Concerned", "Deeply", "Gravely", "Strongly", "Further", "Also",
        "Having", "Taking", "Determined", "Convinced", "Alarmed", "Aware", "Acknowledging",
        "Emphasizing", "Underlining", "Commending", "Encouraging", "Reiterating", "Affirming",
        "Acting", "Guided", "Considering", "Appreciating", "Condemning", "Underscoring", "Highlighting",
        "Encouraged", "Seriously",
    ),
    preamble_endings=("ing",),
    resolution_word="resolutions?",
    presidential_statement_word=r"presidential statements?|statements? by (?:its|the) President",
    list_joiners=(", and ", ", ", " and "),
    press_furniture=(
        r"department of public information\s*[•·-]\s*news and media division\s*[•·-]\s*new york",
        r"department of global communications.*",
        r"meetings coverage and press releases",
        r"for information media\s*[•·.]\s*not an official record\.?",
        r"for information media\.?",
        r"not an official record\.?",
        r"\*\s*\*\*\*\s*\*",
        r"(?:home|accueil)\s*[»>›].*",
        r".*\s[»›]\s.*",
        r"in progress at unhq",
        r"press release",
        r"security council",
        r"united nations",
        r"(?:security council\s+)?distr\.?:.*",
        r"original:.*",
        r"\d{4}(?:st|nd|rd|th) meeting(?: \((?:am|pm|am & pm)\))?",
        r"(?:skip to main content|print|share|email|facebook|twitter)",
    ),
    title_continuations=("on ", "in ", "of ", "to ", "and ", "for "),
)


_FR_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
              "octobre", "novembre", "décembre")

# The standard headings and words of the French edition of the conclusions. Ordinals in
# words are left out (French writes the meeting number in digits: "à sa 29e séance").
FRENCH = Conventions(
    language="fr",
    search_tokenizer="unicode61 remove_diacritics 2",
    months=_FR_MONTHS,
    date_patterns=(r"\b(?P<day>\d{1,2})(?:er)? (?P<month>{months}) (?P<year>\d{4})\b",),
    headings=(
        r"déclaration publique d[ue] (?:la |le )?président(?:e)? du groupe de travail",
        r"recommandations au conseil de sécurité",
        r"mesures prises directement par le groupe de travail",
        r"recommandations (?:au|à la|aux) [\w ]+",
    ),
    annex=r"annexe(?: [ivx]+| \d+)?",
    addressee_prefixes=("À ", "A ", "Aux ", "Au "),
    marker_open=r"\(?",
    no_space_before=",.)",
    folded_addressee=r"\bmessages? suivants? (?:à|aux) (?P<who>[^:]+?)\s*[:.]?$",
    ordinal_units=(), ordinal_teens=(), cardinal_units=(), cardinal_tens=(), ordinal_tens=(),
    hundred=("cent", "centième"),
    filler_words=("et",),
    ordinal_suffix=r"e|er|ère|ème",
    meeting=r"\b(?:à|lors de) (?:sa|la) (?P<number>{ordinal}) séance\b",
    meeting_word="séance",
    report_word="rapport",
    situation_patterns=(
        r"^conclusions sur le sort des enfants touchés par le conflit armé (?:en|au|aux|à|dans l[ea]) "
        r"(?P<name>.+?)\s*\.?$",
    ),
    articles=("le ", "la ", "l'", "les "),
    conclusions_cues=(r"^conclusions sur le sort des enfants\b",),
    public_statement_cues=(r"\bdéclaration publique\b",),
    resolution_cues=(r"^le conseil de sécurité,$", r"^résolution \d{3,4} \(\d{4}\)$"),
    presidential_statement_cues=(r"^déclaration d[ue] (?:la |le )?président(?:e)? du conseil de sécurité$",),
    other_cues=(r"^lettre datée\b", r"^rapport d[ue]\b"),
    preamble_leads=("Rappelant", "Réaffirmant", "Notant", "Se félicitant", "Soulignant", "Conscient",
                    "Profondément", "Considérant"),
    preamble_endings=("ant",),
    resolution_word="résolutions?",
    presidential_statement_word=r"déclarations? présidentielles?",
    list_joiners=(", ", " et "),
    press_furniture=(r"\*\s*\*\*\*\s*\*", r"nations unies", r"conseil de sécurité", r"distr\.?:.*",
                     r"original\s?:.*"),
    title_continuations=("sur ", "en ", "du ", "de la ", "des "),
)
