"""Kind and metadata of every test document, read from its text in every format it comes in.

Each document is read as text, as a Word file written from it (python-docx) and as the PDF
LibreOffice prints from that Word file: the kind, title, situation, meeting date and
number, report symbol, own symbol and cited symbols must be the same in all three.
"""

from __future__ import annotations

import pytest
from variants import fixture
from wordgen import normalised

from app.model import DocKind
from app.parse import parse_file, parse_text
from app.parse.conventions import ENGLISH
from app.parse.metadata import ordinal_value

RES = [f"S/RES/{r}" for r in ("1261 (1999)", "1314 (2000)", "1379 (2001)", "1460 (2003)", "1539 (2004)",
                              "1612 (2005)", "1882 (2009)", "1998 (2011)", "2068 (2012)", "2143 (2014)")]

# name: (kind, title, situation, meeting date, meeting number, report, own symbol, cited)
EXPECTED = {
    "ps-car-2012.txt": (
        DocKind.PUBLIC_STATEMENT,
        "Security Council Working Group on Children and Armed Conflict Issues Public Statement on the "
        "Central African Republic",
        "Central African Republic", "2012-03-14", "29", "S/2012/123", "SC/10583",
        ("S/AC.51/2009/3", "S/RES/1612 (2005)", "S/RES/1882 (2009)"),
    ),
    "ps-sudan-2011.txt": (
        DocKind.PUBLIC_STATEMENT,
        "Statement by Chairman of Security Council Working Group on Children and Armed Conflict",
        "Sudan", "2011-05-02", "30", "S/2011/64", "SC/10261",
        ("S/AC.51/2007/5", "S/AC.51/2009/5", "S/RES/1539 (2004)", "S/RES/1612 (2005)", "S/RES/1882 (2009)"),
    ),
    "ps-colombia-2016.txt": (
        DocKind.PUBLIC_STATEMENT, "Public Statement by Chair", "Colombia", "2016-06-21", "52", "S/2016/837", "", (),
    ),
    "conclusions-sudan-2007.txt": (
        DocKind.CONCLUSIONS, "Conclusions on children and armed conflict in the Sudan", "Sudan", "2007-07-24",
        "8", "S/2007/520", "", ("S/RES/1539 (2004)", "S/RES/1612 (2005)", "S/AC.51/2006/5"),
    ),
    "resolution-2427-pdf.txt": (
        DocKind.RESOLUTION, "Resolution 2427 (2018)", "", "2018-07-09", "8305", "S/2018/465", "S/RES/2427 (2018)",
        (*RES, "S/RES/2225 (2015)"),
    ),
    "resolution-2225-typed.txt": (
        DocKind.RESOLUTION, "Resolution 2225 (2015)", "", "2015-06-18", "7466", "S/2015/409", "S/RES/2225 (2015)",
        tuple(RES),
    ),
    "prst-2015.txt": (
        DocKind.PRESIDENTIAL_STATEMENT, "Statement by the President of the Security Council", "", "2015-06-23",
        "7479", "", "S/PRST/2015/11",
        ("S/RES/1261 (1999)", "S/RES/1314 (2000)", "S/RES/1612 (2005)", "S/RES/1882 (2009)", "S/RES/1998 (2011)",
         "S/RES/2068 (2012)", "S/RES/2143 (2014)", "S/RES/2225 (2015)", "S/PRST/2013/8"),
    ),
    "letter-2021.txt": (
        DocKind.OTHER,
        "Letter dated 12 March 2021 from the Chair of the Security Council Working Group on Children and Armed "
        "Conflict addressed to the President of the Security Council",
        "", "", "", "", "", (),
    ),
}


def _metadata(doc):
    return (doc.doc_kind, doc.title, doc.situation, doc.meeting_date, doc.meeting_number, doc.report_symbol,
            doc.symbol, doc.cited_symbols)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_metadata_of_each_document_as_text(name):
    assert _metadata(parse_file(fixture(name))) == EXPECTED[name]


@pytest.mark.parametrize("name", ["ps-car-2012.txt", "ps-colombia-2016.txt", "conclusions-sudan-2007.txt",
                                  "resolution-2225-typed.txt", "prst-2015.txt", "letter-2021.txt"])
def test_the_word_file_reads_like_the_text(variant_docx, name):
    doc = parse_file(variant_docx[name])
    text = parse_file(fixture(name))
    assert _metadata(doc) == EXPECTED[name]
    assert normalised(doc) == normalised(text)
    assert [(s.section, s.addressee) for s in doc.segments] == [(s.section, s.addressee) for s in text.segments]


@pytest.mark.soffice
@pytest.mark.slow
@pytest.mark.parametrize("name", ["ps-car-2012.txt", "ps-colombia-2016.txt", "conclusions-sudan-2007.txt",
                                  "resolution-2225-typed.txt", "prst-2015.txt", "letter-2021.txt"])
def test_the_pdf_printed_from_it_reads_like_the_text(variant_pdf, name):
    doc = parse_file(variant_pdf[name])
    assert _metadata(doc) == EXPECTED[name]
    assert normalised(doc) == normalised(parse_file(fixture(name)))


def test_the_corpus_metadata(corpus_doc):
    assert corpus_doc.doc_kind == DocKind.CONCLUSIONS
    assert corpus_doc.meeting_number == ""  # "During a closed videoconference meeting": no number
    assert corpus_doc.symbol == ""  # the text file has no masthead; the PDF has S/AC.51/2020/11
    assert corpus_doc.cited_symbols[:8] == (
        "S/RES/1612 (2005)", "S/RES/1882 (2009)", "S/RES/1998 (2011)", "S/RES/2068 (2012)", "S/RES/2143 (2014)",
        "S/RES/2225 (2015)", "S/RES/2427 (2018)", "S/PRST/2020/10",  # "Presidential Statement 2020/10"
    )
    assert "S/AC.51/2018/1" in corpus_doc.cited_symbols
    assert "S/RES/2374 (2017)" in corpus_doc.cited_symbols  # "pursuant to resolution 2374 (2017)"


@pytest.mark.parametrize("text, date, number", [
    ("At its twenty-ninth meeting, on 14 March 2012, the Working Group agreed:", "2012-03-14", "29"),
    ("At its eighty-first meeting, on 3 May 2019, the Working Group agreed:", "2019-05-03", "81"),
    ("At its 52nd meeting, held on 21 June 2016, the Working Group agreed:", "2016-06-21", "52"),
    ("At its one hundred and first meeting, on 2 March 2021, the Working Group met:", "2021-03-02", "101"),
    ("At its meeting on 2 May 2011, the Working Group agreed:", "2011-05-02", ""),  # no number
    ("During its 10th formal meeting, on March 4, 2008, the Working Group agreed:", "2008-03-04", "10"),
    ("At its meeting, the Working Group agreed:", "", ""),  # no date: left empty
    ("At its thirtieth meeting on 31 February 2011, it agreed:", "", "30"),  # no such day
])
def test_meeting_date_and_number_as_the_text_gives_them(text, date, number):
    doc = parse_text(f"Public Statement by Chair\n\n{text}\n\n(a) Urging all parties to act;\n")
    assert (doc.meeting_date, doc.meeting_number) == (date, number)


@pytest.mark.parametrize("words, value", [
    ("first", 1), ("twelfth", 12), ("twentieth", 20), ("twenty-ninth", 29), ("eighty-first", 81),
    ("ninety-ninth", 99), ("one hundredth", 100), ("hundred and first", 101), ("two hundred and tenth", 210),
    ("8305th", 8305), ("52nd", 52), ("twenty", None), ("and", None), ("twenty-nine", None),
])
def test_ordinal_numbers_in_words(words, value):
    assert ordinal_value(words, ENGLISH) == value


def test_nothing_is_guessed_from_the_file_name(tmp_path):
    # A file named like conclusions on Mali, whose text says nothing of the kind.
    path = tmp_path / "S-AC.51-2020-11 Conclusions Mali 20 November 2020.txt"
    path.write_text("1. The Working Group met.\n\n2. It agreed to meet again.\n", encoding="utf-8")
    doc = parse_file(path)
    assert (doc.title, doc.situation, doc.meeting_date, doc.symbol, doc.report_symbol) == ("", "", "", "", "")
    assert doc.labels() == ["1", "2"]
