"""Word and typed text are the author's, verbatim; text extracted from PDF is repaired, and
every repair is listed in the warnings."""

from __future__ import annotations

from pdfgen import text_pdf
from wordgen import make_docx, p

from app.parse import parse_file, parse_text

TYPED = [
    "Conclusions on children and armed conflict in Testland",
    "1. The Working Group examined the allegations ; it noted , , with concern, that I ’m told "
    "the figures  differ.",
]
REPAIRED = "The Working Group examined the allegations; it noted, with concern, that I’m told the figures differ."


def test_word_text_is_imported_verbatim(tmp_path):
    path = make_docx(tmp_path / "typed.docx", "".join(p(t) for t in TYPED))
    doc = parse_file(path)
    assert doc.segment("1").text == TYPED[1].removeprefix("1. ")
    assert doc.warnings == ()


def test_word_tracked_changes_read_back_to_exactly_what_each_side_typed(tmp_path):
    # A redline between two Word files must accept to one and reject to the other.
    ins = '<w:ins w:id="1" w:author="A" w:date="2020-11-20T00:00:00Z"><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:ins>'
    dele = ('<w:del w:id="2" w:author="A" w:date="2020-11-20T00:00:00Z"><w:r><w:delText xml:space="preserve">{}'
            '</w:delText></w:r></w:del>')
    body = p(TYPED[0]) + p(inner='<w:r><w:t xml:space="preserve">1. The allegations </w:t></w:r>'
                           + dele.format(", , were") + ins.format("; I ’m told")
                           + '<w:r><w:t xml:space="preserve"> noted.</w:t></w:r>')
    path = make_docx(tmp_path / "redline.docx", body)
    assert parse_file(path).segment("1").text == "The allegations ; I ’m told noted."
    assert parse_file(path, revisions="reject").segment("1").text == "The allegations , , were noted."


def test_typed_text_is_verbatim_too(tmp_path):
    path = tmp_path / "typed.txt"
    long_line = TYPED[1] + " It went on" + " and on" * 30 + "."
    path.write_text(f"{TYPED[0]}\n{long_line}\n", encoding="utf-8")
    doc = parse_file(path)
    assert doc.segment("1").text == long_line.removeprefix("1. ")
    assert doc.warnings == ()


def test_pdf_text_is_repaired_and_every_repair_listed(tmp_path):
    path = tmp_path / "typed.pdf"
    path.write_bytes(text_pdf([TYPED[0], "", "1. The Working Group examined the allegations ; it noted , , with",
                               "concern, that I 'm told the figures  differ."]))
    doc = parse_file(path)
    assert doc.segment("1").text == REPAIRED  # Helvetica's quote character is a right quotation mark
    assert doc.warnings == (
        'text extracted from PDF repaired: 1 hyphen or apostrophe cut off by a space joined: "I ’m" -> "I’m" (1)',
        'text extracted from PDF repaired: 2 spaces before punctuation removed: "allegations ;" -> "allegations;" '
        '(1); "noted ," -> "noted," (1)',
        'text extracted from PDF repaired: 1 doubled comma removed: ", ," -> "," (1)',
    )


def test_the_corpus_repairs_are_all_listed(corpus_doc):
    listed = " ".join(corpus_doc.warnings)
    for before, after, where in [("in ternational", "international", "5(a)"), ("affect ed", "affected", "3"),
                                 ("S tate", "State", "5(n)"), ("well -being", "well-being", "5(u)"),
                                 ("allegations ;", "allegations;", "5(bb)"), ("children, ,", "children,", "6(b)")]:
        assert f'"{before}" -> "{after}" ({where})' in listed
    assert corpus_doc.warnings[0].startswith("text extracted from PDF repaired: 12 words broken by a stray space")


def test_pasted_pdf_text_is_repaired_typed_text_is_not():
    wrapped = "1. The Working Group examined the report on the\nin ternational response.\n"
    assert parse_text(wrapped).segment("1").text == "The Working Group examined the report on the international response."
    typed = "1. The Working Group examined the in ternational" + " response" * 20 + ".\n"
    assert "in ternational" in parse_text(typed).segment("1").text
