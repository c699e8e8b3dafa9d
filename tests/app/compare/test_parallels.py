"""Parallel blocks in one document: the corpus's statement and letter, and small cases."""

from app.compare.model import RowOp
from app.compare.parallels import find_parallels
from app.model import Kind, Segment

CLAUSES = [
    "Strongly condemning all violations and abuses committed against children in the country",
    "Calling upon the parties to implement the previous conclusions of the Working Group",
    "Noting with concern that insecurity presented challenges to the verification of violations",
    "Welcoming the release of children from detention and urging their swift reintegration",
    "Encouraging the Government to adopt the draft law on child protection without delay",
]
FILLER = [
    "Requesting donors to provide funding for mine risk education programmes in the north",
    "The Annex contains a statement by the Permanent Representative to the United Nations",
    "Inviting regional partners to keep the Committee informed of their technical assistance",
]


def seg(text, label=""):
    return Segment(Kind.SUBPARAGRAPH, text, label)


def test_corpus_statement_and_letter_to_the_government(corpus_doc):
    (block,) = find_parallels(corpus_doc.segments)
    assert (block.comparison.left_ref, block.comparison.right_ref) == ("5(n)..5(v)", "7(a)..7(i)")
    assert block.pairs == 9
    assert [r.left.label for r in block.divergences] == [
        "5(n)", "5(p)", "5(r)", "5(t)", "5(u)", "5(v)"
    ]
    segs = corpus_doc.segments
    assert segs[block.left_start].label == "5(n)" and segs[block.right_end - 1].label == "7(i)"


def test_a_block_with_an_extra_subparagraph_on_one_side_is_one_block():
    first = [seg(t, f"1({c})") for t, c in zip(CLAUSES, "abcde", strict=True)]
    extra = seg("Expressing deep concern at the use of schools for military purposes", "2(c)")
    second = [seg(t + ";", f"2({c})") for t, c in zip(CLAUSES[:2], "ab", strict=True)]
    second += [extra] + [seg(t, f"2({c})") for t, c in zip(CLAUSES[2:], "def", strict=True)]
    segments = [*first, seg(FILLER[0]), *second, seg(FILLER[1])]
    (block,) = find_parallels(segments)
    assert block.pairs == 5
    assert [r.op for r in block.divergences] == [RowOp.MODIFIED, RowOp.MODIFIED, RowOp.INSERTED]


def test_two_similar_pairs_are_not_a_block():
    segments = [seg(CLAUSES[0]), seg(CLAUSES[1]), seg(FILLER[0]), seg(CLAUSES[0]), seg(CLAUSES[1]),
                seg(FILLER[1])]
    assert find_parallels(segments) == []
    assert find_parallels([]) == []


def test_runs_never_overlap_themselves():
    """Three copies of one clause in a row mirror each other only without overlap."""
    segments = [seg(CLAUSES[0])] * 6
    (block,) = find_parallels(segments)
    assert block.left_end <= block.right_start


def test_every_similar_pair_is_found_without_scoring_every_pair(corpus_doc):
    """The candidates sharing word pairs give exactly the pairs that scoring all would.

    The corpus twice over, the second copy edited (a word replaced in every third
    segment, every fifth one dropped): hundreds of similar pairs across the two copies,
    and the statement and letter to the Government within each.
    """
    import numpy as np

    from app.compare import similarity
    from app.compare.parallels import similar_pairs

    texts = [s.text for s in corpus_doc.segments]
    edited = [(" ".join(t.split()[:-1] + ["changed"]) if k % 3 == 0 else t)
              for k, t in enumerate(texts) if k % 5]
    keys = texts + edited + ["", ""]
    everything = np.triu(similarity.matrix(keys, keys) >= similarity.PARALLEL_THRESHOLD, 1)
    expected = [(int(i), int(j)) for i, j in zip(*np.nonzero(everything), strict=True)
                if keys[i].strip()]
    assert len(expected) > 100
    assert similar_pairs(keys, similarity.PARALLEL_THRESHOLD) == expected
