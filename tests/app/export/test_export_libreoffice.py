"""The exports opened by a real word processor: LibreOffice headless.

Four soffice calls for the whole module, each with its own profile: PDF of every export,
text of the documents, flat ODT of the redline, and a Basic macro that accepts, then
rejects, every tracked change of the redline and saves the text each time. LibreOffice's
text output writes Word's automatic numbers as text ("    (aa) Expressing concern..."),
so it shows the numbers a reader of the file sees.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from exportkit import lines, make_comparison, redraft, run_soffice, soffice_path
from lxml import etree

from app.export import ooxml_reader as reader
from app.export.document import passage_document
from app.export.redline import redline_document
from app.export.report import report_document
from app.model import Document, Kind, Passage, Segment, letters

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
  SaveAfter("{src}", "{accept}", ".uno:AcceptAllTrackedChanges")
  SaveAfter("{src}", "{reject}", ".uno:RejectAllTrackedChanges")
  StarDesktop.terminate()
End Sub
"""


@pytest.fixture(scope="module")
def lo(tmp_path_factory, corpus_doc):
    """Every export of the corpus and its redraft, and what LibreOffice made of them."""
    soffice_path()
    work = tmp_path_factory.mktemp("lo")
    home = work / "home"
    home.mkdir()
    right = redraft(corpus_doc)
    comparison = _compare(corpus_doc, right)
    long = (Segment(Kind.PARAGRAPH, "The Working Group agreed:", "3"),
            *(Segment(Kind.SUBPARAGRAPH, f"Item {n};", f"3({letters(n)})") for n in range(1, 30)))
    files = {
        "document": passage_document(Passage(corpus_doc, corpus_doc.segments, "1")),
        "long": passage_document(Passage(Document("Long", long), long, "x")),
        "redline": redline_document(comparison, "track", "Concord Test"),
        "bold": redline_document(comparison, "bold"),
        "report": report_document(comparison),
    }
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
    code = BASIC.format(src=work / "redline.docx", accept=work / "accept.txt",
                        reject=work / "reject.txt")
    module = MODULE.format(code=escape(code, {'"': "&quot;"}))
    (work / "p4" / "user" / "basic" / "Standard" / "Module1.xba").write_text(module)
    run_soffice(["macro:///Standard.Module1.Main"], work / "p4", home)
    return {"work": work, "left": corpus_doc, "right": right, "long": long}


def _compare(left, right):
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


def test_document_converts_to_pdf_and_text_with_every_paragraph(lo):
    work = lo["work"]
    assert _text_lines(work / "txt" / "document.txt") == _squeezed(lines(lo["left"].segments))
    pdf = work / "pdf" / "document.pdf"
    assert pdf.stat().st_size > 10_000
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        for needle in ("Public statement by the Chair of the Working Group", "(dd)", "12.", "17.",
                       "To the Government of Mali", "1/"):
            assert needle in text


def test_libreoffice_letters_past_z_as_the_un_does(lo):
    shown = _text_lines(lo["work"] / "txt" / "long.txt")
    assert shown == _squeezed(["Long", *lines(lo["long"])])
    assert shown[27:30] == ["(z) Item 26;", "(aa) Item 27;", "(bb) Item 28;"]


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


def test_libreoffice_accept_all_gives_right_and_reject_all_gives_left(lo):
    work = lo["work"]
    # the labels are Word's numbers: no revision holds one, yet both readings show them right
    written = reader.revisions(work / "redline.docx")
    assert not [r.text for r in written if re.fullmatch(r"\([a-z]+\)|\d+\.", r.text.strip())]
    assert _text_lines(work / "accept.txt") == _squeezed(lines(lo["right"].segments))
    assert _text_lines(work / "reject.txt") == _squeezed(lines(lo["left"].segments))


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler's pdftoppm is not installed")
def test_pages_render(lo, tmp_path):
    """Page images a person can look at; saved to docs/screenshots with CONCORD_SCREENSHOTS=1."""
    work = lo["work"]
    for name, page in (("document", 1), ("redline", _page_with(work / "pdf" / "redline.pdf", "swiftly"))):
        prefix = tmp_path / name
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", str(page), "-l", str(page), "-singlefile",
                        str(work / "pdf" / f"{name}.pdf"), str(prefix)], check=True)
        png = prefix.with_suffix(".png")
        assert png.stat().st_size > 20_000  # a page of text, not a blank one
        if os.environ.get("CONCORD_SCREENSHOTS"):
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            shutil.copy(png, SCREENSHOTS / f"export-{name}.png")


def _page_with(pdf: Path, needle: str) -> int:
    for page in range(1, 30):
        done = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                              capture_output=True, text=True)
        if done.returncode != 0:
            break
        if needle in done.stdout:
            return page
    raise AssertionError(f"{needle!r} is on no page of {pdf.name}")
