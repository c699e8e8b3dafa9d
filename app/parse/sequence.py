"""Where the numbering of a document stands, to tell a label from a number in the text.

A line opening with "7." or "(c)" is a label when it continues the numbering (6 then 7,
(b) then (c)); "2020. It also noted" at the start of a wrapped line is not. A label that
jumps a little, goes backwards or repeats is still read as a label when the text before
it ended a sentence, and said in a warning, never merged silently into the paragraph
before. Lettering restarts at each numbered paragraph (7(a), 7(b), 8(a)); at the lettered
level "(i)" after "(h)" is a letter, and after "(a)" a roman numeral.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.labels import (
    MAX_NUMBER,
    Label,
    LabelError,
    Series,
    is_roman,
    letters,
    letters_index,
    roman,
    roman_index,
)

# A paragraph number this far ahead of the expected one is read as a label (with a
# warning) even inside a sentence; farther, only after a complete sentence.
NEAR_JUMP = 3


@dataclass
class Sequence:
    """The last paragraph number, letter and roman numeral seen, in one series."""

    series: Series = Series.BODY
    paragraph: int = 0
    letter: int = 0
    roman: int = 0

    def restart(self, series: Series) -> None:
        """An annex, or a resolution's operative part, numbers from 1 again."""
        self.series, self.paragraph, self.letter, self.roman = series, 0, 0, 0

    def paragraph_label(self, n: int) -> str:
        return str(Label(self.series, n))

    def accept_paragraph(self, n: int, sentence_ended: bool, warnings: list[str]) -> bool:
        """Whether "n." opens a paragraph here; moves on to it and warns when it is odd."""
        if not 1 <= n <= MAX_NUMBER:
            return False
        p = self.paragraph
        if n == p + 1:
            pass
        elif p < n <= p + NEAR_JUMP:
            warnings.append(f"paragraph numbering jumps from {self._shown(p)} to {self._shown(n)}")
        elif not sentence_ended:
            return False
        elif n == p:
            warnings.append(f"paragraph {self._shown(n)} appears twice")
        elif n < p:
            warnings.append(f"paragraph {self._shown(n)} follows paragraph {self._shown(p)}: "
                            "the numbering goes backwards")
        else:
            warnings.append(f"paragraph numbering jumps from {self._shown(p)} to {self._shown(n)}")
        self.paragraph, self.letter, self.roman = n, 0, 0
        return True

    def _shown(self, n: int) -> str:
        return self.paragraph_label(n) if n else "the start"

    def subparagraph(self, token: str, sentence_ended: bool, warnings: list[str]) -> str | None:
        """The full label for "(token)" here ("5(c)", "5(c)(ii)", "(n)" with no paragraph
        yet), or None when the token does not continue the lettering."""
        how = self._classify(token, sentence_ended)
        if how is None:
            return None
        kind, value, note = how
        try:
            if kind == "letter":
                self.letter, self.roman = value, 0
                label = self._label((value,))
            else:
                self.roman = value
                label = self._label((self.letter, value))
        except LabelError:
            return None
        if note:
            warnings.append(f"{note} at {label}")
        return label

    def _label(self, parts: tuple[int, ...]) -> str:
        if not self.paragraph:
            # A passage pasted from the middle of a paragraph, or a public statement's
            # messages, which have no paragraph number: "(n)", "(o)".
            return str(Label(Series.BODY, 1, parts)).removeprefix("1")
        return str(Label(self.series, self.paragraph, parts))

    def _classify(self, token: str, sentence_ended: bool) -> tuple[str, int, str] | None:
        """('letter' | 'roman', value, warning or '') for a `(token)`, or None."""
        try:
            li = letters_index(token)
        except LabelError:
            li = -1
        ri = roman_index(token) if is_roman(token) else -1
        expect = self.letter + 1
        if li == expect or (li != -1 and self.letter == 0 and not self.paragraph):
            # A pasted run may start at any letter: "(n) Stressing ... (o) Commending".
            return "letter", li, ""
        if self.letter > 0 and ri == self.roman + 1:
            return "roman", ri, ""
        if li != -1 and expect < li <= expect + 2:
            return "letter", li, f"lettering jumps from ({_letter(self.letter)}) to ({token})"
        if not sentence_ended:
            return None
        if self.letter > 0 and self.roman > 0 and ri > 0 and ri != self.roman + 1 and li == -1:
            return "roman", ri, f"subparagraph ({token}) follows ({_roman(self.roman)}) out of order"
        if li != -1 and self.letter > 0:
            what = "appears twice" if li == self.letter else f"follows ({_letter(self.letter)}) out of order"
            return "letter", li, f"subparagraph ({token}) {what}"
        if li != -1:
            return "letter", li, f"lettering starts at ({token})"
        return None


def _letter(n: int) -> str:
    return letters(n) if n > 0 else ""


def _roman(n: int) -> str:
    return roman(n) if n > 0 else ""
