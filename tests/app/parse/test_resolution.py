"""Security Council resolutions (PP1.., OP1(a)(i)) and presidential statements (quoted paragraphs)."""

from __future__ import annotations

import pytest
from variants import fixture

from app.model import DocKind, Kind
from app.parse import parse_file, parse_text

RES_2427_LABELS = ["PP1", "PP2", "PP3", "PP4", "OP1", "OP2", "OP2(a)", "OP2(a)(i)", "OP2(a)(ii)", "OP2(b)", "OP3"]


def test_resolution_as_text_extracted_from_pdf_with_lead_words_on_their_own_lines():
    doc = parse_file(fixture("resolution-2427-pdf.txt"))
    assert doc.labels() == RES_2427_LABELS
    assert doc.segment("PP1").text.startswith("Recalling all its resolutions on children and armed conflict,")
    assert doc.segment("PP1").text.endswith("protection of children affected by armed conflict,")
    assert doc.segment("PP2").text == (
        "Reaffirming its primary responsibility for the maintenance of international peace and security and, "
        "in this connection, its commitment to address the widespread impact of armed conflict on children,")
    assert doc.segment("PP4").text.startswith("Deeply concerned by")
    assert doc.segment("OP2(a)(ii)").text == "Engage in patterns of killing and maiming of children;"
    assert doc.segment("OP3").text == "Decides to remain actively seized of the matter."
    assert [s.kind for s in doc.segments[:3]] == [Kind.TITLE, Kind.TEXT, Kind.TEXT]
    assert doc.segments[2].text == "The Security Council,"
    # The masthead ("Distr.: General", the job number, the bar code) is not text.
    texts = " ".join(s.text for s in doc.segments)
    assert "Distr" not in texts and "18-11143" not in texts and "*1811143*" not in texts


@pytest.mark.parametrize("variant", ["text", "docx"])
def test_typed_resolution_one_paragraph_each(variant_docx, variant):
    path = fixture("resolution-2225-typed.txt") if variant == "text" else variant_docx["resolution-2225-typed.txt"]
    doc = parse_file(path)
    assert doc.doc_kind == DocKind.RESOLUTION
    assert doc.labels() == ["PP1", "PP2", "PP3", "PP4", "OP1", "OP2", "OP3", "OP3(a)", "OP3(b)", "OP3(b)(i)",
                            "OP3(b)(ii)", "OP4"]
    assert doc.segment("PP3").text.startswith("Deeply concerned that abductions")
    assert [s.kind for s in doc.segments if s.label.startswith("OP3(")] == [Kind.SUBPARAGRAPH] * 4


def test_every_preambular_paragraph_ends_with_a_comma_and_every_label_parses():
    from app.labels import Label, Series

    for name in ("resolution-2427-pdf.txt", "resolution-2225-typed.txt"):
        doc = parse_file(fixture(name))
        for s in doc.segments:
            if s.label:
                label = Label.parse(s.label)
                assert label.series in (Series.PREAMBULAR, Series.OPERATIVE)
                if label.series is Series.PREAMBULAR:
                    assert s.text.endswith(","), s.label


def test_presidential_statement_paragraphs_open_with_a_quotation_mark():
    doc = parse_file(fixture("prst-2015.txt"))
    assert doc.labels() == ["1", "2", "3"]
    assert doc.segment("1").text.startswith("The Security Council reaffirms its resolutions")
    # Quotation marks inside a paragraph stay; the statement's closing one goes.
    assert "parties to the “Action Plans” to implement them." in doc.segment("2").text
    assert doc.segment("3").text.endswith("implementation of its resolutions.")
    assert doc.segments[1].text.startswith("At the 7479th meeting of the Security Council")


def test_presidential_statement_with_straight_quotes_wrapped_as_in_pdf_text():
    doc = parse_text(
        'Statement by the President of the Security Council\n\n'
        'At the 8000th meeting of the Security Council, held on 2 March\n'
        '2017, the President made the following statement on behalf of the Council:\n'
        '"The Security Council reaffirms its commitment to the protection of\n'
        'children affected by armed conflict.\n'
        '"The Security Council requests the Secretary-General to report.\"\n'
    )
    assert doc.doc_kind == DocKind.PRESIDENTIAL_STATEMENT
    assert doc.labels() == ["1", "2"]
    assert doc.segment("1").text == ("The Security Council reaffirms its commitment to the protection of children "
                                     "affected by armed conflict.")
    assert doc.segment("2").text == "The Security Council requests the Secretary-General to report."
    assert (doc.meeting_number, doc.meeting_date) == ("8000", "2017-03-02")
