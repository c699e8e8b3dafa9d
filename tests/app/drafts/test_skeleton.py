from app.drafts import skeleton
from app.model import Kind


def test_skeleton_has_the_standard_shape():
    segs = skeleton()
    headings = [s.text for s in segs if s.kind is Kind.HEADING]
    assert headings == ["Public statement by the Chair of the Working Group",
                        "Recommendations to the Security Council", "Direct action by the Working Group"]
    assert [s.label for s in segs if s.kind is Kind.PARAGRAPH][:4] == ["1", "2", "3", "4"]
    assert "[meeting date]" in segs[1].text and "[report symbol]" in segs[1].text
    # Each section opens with its usual lead-in paragraph.
    for h in range(len(segs)):
        if segs[h].kind is Kind.HEADING:
            assert segs[h + 1].kind is Kind.PARAGRAPH and segs[h + 1].text.startswith("The Working Group agreed to")


def test_skeleton_lead_ins_match_the_corpus(corpus_doc):
    corpus = {s.text for s in corpus_doc.segments}
    segs = skeleton("Mali", "20 November 2020", "S/2020/1105")
    assert segs[0].text == corpus_doc.title
    assert segs[[s.text for s in segs].index("Public statement by the Chair of the Working Group") + 1].text in corpus
    assert sum(s.text in corpus for s in segs) >= 8
