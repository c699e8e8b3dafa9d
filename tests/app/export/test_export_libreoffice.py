"""The exports opened by real readers: LibreOffice headless and pandoc.

Four soffice calls for the whole module, each with its own profile: PDF of every export,
text of the documents, flat ODT of a redline, and a Basic macro that accepts, then
rejects, every tracked change of each redline and saves the text each time. LibreOffice's
text output writes Word's automatic numbers as text ("    (aa) Expressing concern..."),
so it shows the numbers a reader of the file sees; the PDF shows them as LibreOffice
displays a redline, the original number in brackets after a changed one ("(g)[(f)]").

The redlines: the corpus against two redrafts (`exportkit.redraft`: a deletion, an
insertion, a move up and re-lettering inside paragraph 5; `redraft_across_levels`: the
first letter of paragraph 6 deleted, a paragraph inserted after a subparagraph, 12(c)
moved to the end of its paragraph), with the annex's bullets kept, two redlines that
start with a paragraph on one side only (a title gone, a title new), and the corpus against
a redraft that splits, merges and re-nests paragraphs, both ways round.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from exportkit import (
    lines,
    make_comparison,
    pandoc_paragraphs,
    redraft,
    redraft_across_levels,
    run_soffice,
    soffice_path,
    with_bullets,
)
from lxml import etree

from app.compare.model import Comparison
from app.export import ooxml_reader as reader
from app.export.document import passage_document
from app.export.docx_layout import label_text, typed_label
from app.export.redline import _paired_moves, paragraph_pieces, redline_document
from app.export.report import report_document
from app.model import Document, Kind, Passage, Segment, letters
from tests.app.compare.restructure import restructure

pytestmark = [pytest.mark.soffice, pytest.mark.slow]

SCREENSHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"
ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

MODULE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n'
    '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" '
    'script:language="StarBasic">{code}</script:module>\n'
)
BASIC = """
Sub SaveAfter(src As String, dst As String, command As String)
  Dim props(0) As New com.sun.star.beans.PropertyValue
  props(0).Name = "Hidden"
  props(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), "_blank", 0, props())
  helper = createUnoService("com.sun.star.frame.DispatchHelper")
  helper.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, Array())
  Dim out(1) As New com.sun.star.beans.PropertyValue
  out(0).Name = "FilterName"
  out(0).Value = "Text (encoded)"
  out(1).Name = "FilterOptions"
  out(1).Value = "UTF8"
  doc.storeToURL(ConvertToURL(dst), out())
  doc.close(True)
End Sub
Sub Main
{calls}
  StarDesktop.terminate()
End Sub
"""
REDLINES = ("redline", "added", "levels", "typed", "title-gone", "title-new", "split", "merged")


@pytest.fixture(scope="module")
def lo(tmp_path_factory, corpus_doc, corpus_path):
    """Every export of the corpus and its redrafts, and what LibreOffice made of them."""
    soffice_path()
    work = tmp_path_factory.mktemp("lo")
    home = work / "home"
    home.mkdir()
    left = with_bullets(corpus_doc, corpus_path.read_text(encoding="utf-8"))
    untitled = left.with_segments([s for s in left.segments if s.kind is not Kind.TITLE])
    sides = {
        "redline": (left, redraft(left)),
        "added": (left, redraft(left, replace_words=False)),
        "levels": (left, redraft_across_levels(left)),
        "typed": (left, redraft(left)),
        "title-gone": (left, untitled),
        "title-new": (untitled, left),
        "split": (left, restructure(left)),  # splits, merges and re-nesting, both ways round
        "merged": (restructure(left), left),
    }
    comparisons = {name: _compare(a, b) for name, (a, b) in sides.items()}
    long = (Segment(Kind.PARAGRAPH, "The Working Group agreed:", "3"),
            *(Segment(Kind.SUBPARAGRAPH, f"Item {n};", f"3({letters(n)})") for n in range(1, 30)))
    files = {
        "document": passage_document(Passage(left, left.segments, "1")),
        "long": passage_document(Passage(Document("Long", long), long, "x")),
        "bold": redline_document(comparisons["redline"], "bold"),
        "report": report_document(comparisons["redline"]),
    }
    for name, comparison in comparisons.items():
        files[name] = redline_document(comparison, "track", "Concord Test",
                                       numbering="typed" if name == "typed" else "automatic")
    for name, d in files.items():
        d.save(work / f"{name}.docx")
    docs = [str(work / f"{n}.docx") for n in files]
    run_soffice(["--convert-to", "pdf", "--outdir", str(work / "pdf"), *docs], work / "p1", home)
    run_soffice(["--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(work / "txt"),
                 str(work / "document.docx"), str(work / "long.docx")], work / "p2", home)
    run_soffice(["--convert-to", "fodt", "--outdir", str(work / "fodt"), str(work / "redline.docx")],
                work / "p3", home)
    # A macro lives in a profile that LibreOffice has already set up: start from a copy of
    # the one the last call created (a fresh profile's first start overwrites user/basic).
    shutil.copytree(work / "p3", work / "p4")
    calls = []
    for name in REDLINES:
        for view, command in (("accept", "AcceptAllTrackedChanges"), ("reject", "RejectAllTrackedChanges")):
            calls.append(f'  SaveAfter("{work / name}.docx", "{work / name}.{view}.txt", ".uno:{command}")')
    module = MODULE.format(code=escape(BASIC.replace("{calls}", "\n".join(calls)), {'"': "&quot;"}))
    (work / "p4" / "user" / "basic" / "Standard" / "Module1.xba").write_text(module)
    run_soffice(["macro:///Standard.Module1.Main"], work / "p4", home)
    return {"work": work, "left": left, "sides": sides, "comparisons": comparisons, "long": long}


def _compare(left: Document, right: Document) -> Comparison:
    """The comparison engine's result where it is installed, else one built by hand."""
    try:
        from app.services.compare import compare_passages
    except ImportError:
        return make_comparison(left, right)
    return compare_passages(Passage(left, left.segments, "1"), Passage(right, right.segments, "2"))


def _text_lines(path: Path) -> list[str]:
    """The non-blank lines of a text file, spaces squeezed: "    (a) Text" reads "(a) Text"."""
    text = path.read_text(encoding="utf-8-sig")
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def _squeezed(texts: list[str]) -> list[str]:
    return [" ".join(t.split()) for t in texts]


def _pdf_text(pdf: Path, *pages: str) -> str:
    return subprocess.run(["pdftotext", "-layout", *pages, str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_document_converts_to_pdf_and_text_with_every_paragraph(lo):
    work = lo["work"]
    # every character, the annex's typed numbers and its bullets included
    assert _text_lines(work / "txt" / "document.txt") == _squeezed(lines(lo["left"].segments))
    pdf = work / "pdf" / "document.pdf"
    assert pdf.stat().st_size > 10_000
    text = _pdf_text(pdf)
    for needle in ("Public statement by the Chair of the Working Group", "(dd)", "12.", "17.",
                   "To the Government of Mali", "1/", "\u25baThe Transition Government"):
        assert needle in text


def test_libreoffice_letters_past_z_as_the_un_does(lo):
    shown = _text_lines(lo["work"] / "txt" / "long.txt")
    assert shown == _squeezed(["Long", *lines(lo["long"])])
    assert shown[27:30] == ["(z) Item 26;", "(aa) Item 27;", "(bb) Item 28;"]


# A paragraph's number as LibreOffice shows it in a redline: "13.", "13.[12.]", "[(c)]".
_NUMBER = r"(?:\d+\.|\([a-z]+\))"
_SHOWN = re.compile(rf"^((?:{_NUMBER})?(?:\[{_NUMBER}\])?)\s+(.*)$")


def _expected_numbers(comparison: Comparison) -> list[tuple[str, str]]:
    """(number LibreOffice should show, start of the text shown) for each labelled row.

    A paragraph of the right-hand text shows its right-hand number, followed by its
    left-hand one in brackets when that differed (LibreOffice's way of showing a changed
    number); a paragraph that left shows its old number in brackets. Typed labels are text.
    """
    paired = _paired_moves(comparison.rows)
    out = []
    for row in comparison.rows:
        kind, pieces, segment = paragraph_pieces(row, paired, labels=False)
        if not segment.label:
            continue
        if typed_label(segment):
            out.append((label_text(segment.label), "".join(t for _, t in pieces)))
            continue
        left = label_text(row.left.label) if row.left is not None else ""
        right = label_text(row.right.label) if row.right is not None else ""
        if kind in ("insert", "move_to"):
            shown = right
        elif kind in ("delete", "move_from"):
            shown = f"[{left}]"
        else:
            shown = right if left == right else f"{right}[{left}]"
        out.append((shown, "".join(t for _, t in pieces)))
    return out


@pytest.mark.parametrize("name", ["added", "levels", "title-gone", "title-new"])
def test_libreoffice_shows_each_paragraph_with_its_right_hand_number(lo, name):
    """The redline in LibreOffice's PDF: no number lost, shifted or bracketed wrongly.

    Every paragraph of the right-hand document leads with its own number; where the
    number did not change there are no brackets at all. The word edits in these redrafts
    add words: LibreOffice 7.4 (Debian 12's) leaves any list paragraph that holds a
    tracked deletion out of the numbers it shows, "[(b)]" then "(b)[(c)]" for the rest of
    the list, in a redline written by Word as much as in ours.
    """
    pdf_lines = [" ".join(line.split()) for line in _pdf_text(lo["work"] / "pdf" / f"{name}.pdf").splitlines()]
    shown = [m.groups() for m in map(_SHOWN.match, pdf_lines) if m]
    expected = _expected_numbers(lo["comparisons"][name])
    assert len(expected) > 40
    k = 0
    for number, text in expected:
        start = " ".join(text.split())[:24]
        found = next((i for i in range(k, len(shown)) if shown[i][1].startswith(start)), None)
        assert found is not None, (number, start)
        assert shown[found][0] == number, (start, shown[found][0], number)
        k = found + 1


def _region_texts(fodt: Path) -> dict[str, str]:
    """The text each tracked change covers in LibreOffice's flat ODT, by change id."""
    root = etree.parse(str(fodt)).getroot()
    open_ids: list[str] = []
    out: dict[str, str] = {}
    body = root.find(".//{urn:oasis:names:tc:opendocument:xmlns:office:1.0}text")
    for ev, el in etree.iterwalk(body, events=("start", "end")):
        tag = etree.QName(el).localname if isinstance(el.tag, str) else ""
        if ev == "start" and tag == "change-start":
            open_ids.append(el.get(f"{{{ODF_TEXT}}}change-id"))
        elif ev == "start" and tag == "change-end":
            cid = el.get(f"{{{ODF_TEXT}}}change-id")
            if cid in open_ids:
                open_ids.remove(cid)
        elif ev == "start" and el.text and tag not in ("tracked-changes",):
            for cid in open_ids:
                out[cid] = out.get(cid, "") + el.text
        if ev == "end" and el.tail:
            for cid in open_ids:
                out[cid] = out.get(cid, "") + el.tail
    return out


def test_redline_flat_odt_holds_the_tracked_changes(lo):
    fodt = lo["work"] / "fodt" / "redline.fodt"
    root = etree.parse(str(fodt)).getroot()
    ns = {"text": ODF_TEXT, "dc": "http://purl.org/dc/elements/1.1/"}
    regions = root.findall(".//text:tracked-changes/text:changed-region", ns)
    kinds = {r.get(f"{{{ODF_TEXT}}}id"): etree.QName(r[0]).localname for r in regions}
    assert set(kinds.values()) == {"insertion", "deletion"}  # moves come in as these two
    assert {c.text for c in root.findall(".//text:changed-region//dc:creator", ns)} == {"Concord Test"}
    texts = _region_texts(fodt)
    written = reader.revisions(lo["work"] / "redline.docx")

    def squash(parts):
        return "".join("".join(parts).split())

    for lo_kind, ours in (("insertion", ("ins", "moveTo")), ("deletion", ("del", "moveFrom"))):
        theirs = squash(texts.get(cid, "") for cid, k in kinds.items() if k == lo_kind)
        assert theirs == squash(r.text for r in written if r.kind in ours), lo_kind


@pytest.mark.parametrize("name", REDLINES)
def test_libreoffice_accept_all_gives_right_and_reject_all_gives_left(lo, name):
    work = lo["work"]
    left, right = lo["sides"][name]
    if name != "typed":
        # the labels are Word's numbers: no revision holds one, yet both readings show them right
        written = reader.revisions(work / f"{name}.docx")
        assert not [r.text for r in written if re.fullmatch(r"\([a-z]+\)|\d+\.", r.text.strip())]
    assert _text_lines(work / f"{name}.accept.txt") == _squeezed(lines(right.segments))
    assert _text_lines(work / f"{name}.reject.txt") == _squeezed(lines(left.segments))


needs_pandoc = pytest.mark.skipif(not shutil.which("pandoc"), reason="pandoc is not installed")


@needs_pandoc
@pytest.mark.parametrize("view", ["accept", "reject"])
def test_pandoc_reads_the_typed_redline_as_the_two_documents(lo, view):
    """pandoc, a second reader of tracked changes: paragraph for paragraph, no empty item."""
    left, right = lo["sides"]["typed"]
    wanted = left if view == "reject" else right
    assert pandoc_paragraphs(lo["work"] / "typed.docx", view) == _squeezed(lines(wanted.segments))


@needs_pandoc
@pytest.mark.parametrize("name", ["redline", "levels", "title-gone", "title-new"])
@pytest.mark.parametrize("view", ["accept", "reject"])
def test_pandoc_reads_every_paragraph_of_a_numbered_redline_in_order(lo, name, view):
    """With Word's numbering pandoc gets every paragraph's text, in order, and nothing else
    but at most an empty list item for each numbered paragraph that came or went.

    pandoc makes a list item of every numbered Word paragraph, including one whose mark a
    reading removes (unless the next paragraph, one level down, fills it); no way of
    writing the change avoids it, Word's own redlines included. The typed-label redline
    reads exactly.
    """
    left, right = lo["sides"][name]
    wanted = left if view == "reject" else right
    read = pandoc_paragraphs(lo["work"] / f"{name}.docx", view)
    texts = [f"{label_text(s.label)}\t{s.text}" if typed_label(s) else s.text for s in wanted.segments]
    assert [p for p in read if p != "<empty item>"] == _squeezed(texts)
    paired = _paired_moves(lo["comparisons"][name].rows)
    gone = ("delete", "move_from") if view == "accept" else ("insert", "move_to")
    came_or_went = [kind for kind, _, s in (paragraph_pieces(r, paired) for r in lo["comparisons"][name].rows)
                    if kind in gone and s.label and not typed_label(s)]
    assert read.count("<empty item>") <= len(came_or_went)


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler's pdftoppm is not installed")
def test_pages_render(lo, tmp_path):
    """Page images a person can look at; saved to docs/screenshots with CONCORD_SCREENSHOTS=1."""
    work = lo["work"]
    # the redline whose word edits add words: LibreOffice 7.4 numbers it right (see above)
    pages = (("document", 1), ("added", _page_with(work / "pdf" / "added.pdf", "swiftly")),
             ("levels", _page_with(work / "pdf" / "levels.pdf", "review the implementation")),
             ("report", 1))
    for name, page in pages:
        prefix = tmp_path / name
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", str(page), "-l", str(page), "-singlefile",
                        str(work / "pdf" / f"{name}.pdf"), str(prefix)], check=True)
        png = prefix.with_suffix(".png")
        assert png.stat().st_size > 20_000  # a page of text, not a blank one
        shot = {"document": "export-document.png", "added": "export-redline.png"}.get(name)
        if os.environ.get("CONCORD_SCREENSHOTS") and shot:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            shutil.copy(png, SCREENSHOTS / shot)


def _page_with(pdf: Path, needle: str) -> int:
    for page in range(1, 30):
        done = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                              capture_output=True, text=True)
        if done.returncode != 0:
            break
        if needle in done.stdout:
            return page
    raise AssertionError(f"{needle!r} is on no page of {pdf.name}")
