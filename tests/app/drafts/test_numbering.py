from app.drafts import block_end, depth_of, renumber
from app.model import Kind, Segment


def test_renumber_reproduces_every_label_of_the_corpus(corpus_doc):
    # The importer's labels, sections and addressees come back unchanged from structure alone.
    assert renumber(corpus_doc.segments) == corpus_doc.segments


def test_labels_ignore_stale_labels_and_follow_structure():
    P, S = Kind.PARAGRAPH, Kind.SUBPARAGRAPH
    rows = [Segment(P, "a", "9"), Segment(S, "b", "9(q)"), Segment(S, "c", "9(q)(iv)"),
            Segment(S, "d", "1(a)(i)"), Segment(S, "e", "3(c)"), Segment(P, "f", "1")]
    assert [s.label for s in renumber(rows)] == ["1", "1(a)", "1(a)(i)", "1(a)(ii)", "1(b)", "2"]


def test_letters_double_after_z_and_annex_restarts():
    rows = [Segment(Kind.PARAGRAPH, "lead")] + [Segment(Kind.SUBPARAGRAPH, str(i)) for i in range(30)]
    rows += [Segment(Kind.HEADING, "Annex"), Segment(Kind.HEADING, "Statement by someone"),
             Segment(Kind.PARAGRAPH, "x"), Segment(Kind.SUBPARAGRAPH, "y")]
    out = renumber(rows)
    labels = [s.label for s in out]
    assert labels[26] == "1(z)" and labels[27] == "1(aa)" and labels[30] == "1(dd)"
    assert labels[-2:] == ["annex-1", "annex-1(a)"]
    # The annex's own title stays in the section "Annex", as the importer files it.
    assert out[-3].section == "Annex" and out[-1].section == "Annex"


def test_subparagraph_with_no_paragraph_becomes_one():
    out = renumber([Segment(Kind.SUBPARAGRAPH, "orphan", "5(c)"), Segment(Kind.SUBPARAGRAPH, "b", "5(d)")])
    assert [(s.kind, s.label) for s in out] == [(Kind.PARAGRAPH, "1"), (Kind.SUBPARAGRAPH, "1(a)")]


def test_block_of_paragraph_5_spans_its_addressees_and_subparagraphs(corpus_doc):
    segs = corpus_doc.segments
    i = corpus_doc.labels().index("5")
    five = [s.label for s in segs].index("5")
    assert segs[block_end(segs, five)].label == "5(dd)"
    heading = five - 1
    assert segs[heading].kind is Kind.HEADING and block_end(segs, heading) == heading
    assert i >= 0 and depth_of(segs[five + 1]) == 1  # the addressee line under 5
