import pytest

from app.drafts import (
    EditRefused,
    add_segment,
    can_indent,
    can_move_up,
    delete,
    edit_text,
    indent,
    move_down,
    move_to,
    move_up,
    outdent,
)
from app.model import Kind


def _labels(segs):
    return [s.label for s in segs if s.label]


def _at(segs, label):
    return [s.label for s in segs].index(label)


def test_add_subparagraph_after_paragraph_relabels_the_rest(corpus_doc):
    segs = corpus_doc.segments
    out, at = add_segment(segs, _at(segs, "6"), Kind.SUBPARAGRAPH, "New language")
    assert out[at].label == "6(a)" and out[at].text == "New language"
    assert out[at + 1].label == "6(b)" and out[at + 1].text == segs[_at(segs, "6(a)")].text


def test_add_paragraph_on_a_subparagraph_goes_after_the_whole_paragraph(corpus_doc):
    segs = corpus_doc.segments
    out, at = add_segment(segs, _at(segs, "5(c)"), Kind.PARAGRAPH, "New paragraph")
    assert out[at - 1].label == "5(dd)" and out[at].label == "6"
    assert out[_at(out, "7")].text == segs[_at(segs, "6")].text
    # Annex numbering is untouched by the body's.
    assert _labels(out)[-1] == "annex-17"


def test_add_heading_and_addressee():
    from app.drafts import skeleton

    segs = skeleton("Mali")
    out, at = add_segment(segs, _at(segs, "5(a)"), Kind.ADDRESSEE, "To all armed groups")
    out, at2 = add_segment(out, at, Kind.SUBPARAGRAPH, "Urging")
    assert out[at2].addressee == "To all armed groups" and out[at2].label == "5(b)"
    out, h = add_segment(out, at2, Kind.HEADING, "Recommendations to the Peacebuilding Commission")
    assert out[h - 1].label == "5(c)" and out[h].kind is Kind.HEADING  # after the whole of 5
    out, p = add_segment(out, h, Kind.PARAGRAPH, "The Working Group agreed to")
    assert out[p].label == "6" and out[p].section == "Recommendations to the Peacebuilding Commission"
    assert out[p + 2].label == "7" and out[p + 2].section == "Recommendations to the Security Council"


def test_delete_paragraph_takes_its_subparagraphs(corpus_doc):
    segs = corpus_doc.segments
    out = delete(segs, _at(segs, "8"))
    assert len(out) == len(segs) - 4
    assert out[_at(out, "8")].text == segs[_at(segs, "9")].text
    assert "12(a)" not in _labels(out) and "11(g)" in _labels(out)


@pytest.mark.parametrize(
    ("label", "op", "moved_to", "text_from"),
    [
        ("5(c)", move_up, "5(b)", "5(c)"),  # siblings swap
        ("5(b)", move_down, "5(c)", "5(b)"),
        ("7", move_down, "8", "7"),  # a paragraph moves with its subparagraphs
        ("9", move_up, "8", "9"),
        ("7(a)", move_up, "6(c)", "7(a)"),  # first subparagraph moves into the paragraph above
        ("5(dd)", move_down, "6(a)", "5(dd)"),  # last subparagraph becomes the first of the next
    ],
)
def test_moves(corpus_doc, label, op, moved_to, text_from):
    segs = corpus_doc.segments
    out, at = op(segs, _at(segs, label))
    assert out[at].label == moved_to
    assert out[at].text == segs[_at(segs, text_from)].text
    assert sorted(s.text for s in out) == sorted(s.text for s in segs)  # nothing lost


def test_move_paragraph_keeps_children_together(corpus_doc):
    segs = corpus_doc.segments
    out, at = move_down(segs, _at(segs, "8"))
    assert out[at].label == "9" and [out[at + k].text for k in (1, 2, 3)] == [
        segs[_at(segs, f"8({c})")].text for c in "abc"]
    back, at2 = move_up(out, at)
    assert back == segs and at2 == _at(segs, "8")


def test_first_row_cannot_move_up(corpus_doc):
    assert not can_move_up(corpus_doc.segments, 0)
    with pytest.raises(EditRefused):
        move_up(corpus_doc.segments, 0)


def test_indent_and_outdent_round_trip(corpus_doc):
    segs = corpus_doc.segments
    six = _at(segs, "6")
    out = indent(segs, six)  # 6 becomes 5(ee); its (a), (b) become (i), (ii)
    assert out[six].label == "5(ee)" and out[six + 1].label == "5(ee)(i)" and out[six + 2].label == "5(ee)(ii)"
    assert out[_at(out, "6")].text == segs[_at(segs, "7")].text
    assert outdent(out, six) == segs


def test_outdent_subparagraph_takes_following_siblings(corpus_doc):
    segs = corpus_doc.segments
    out = outdent(segs, _at(segs, "8(b)"))
    assert out[_at(segs, "8(b)")].label == "9"
    assert out[_at(segs, "8(c)")].label == "9(a)"
    assert out[_at(out, "10")].text == segs[_at(segs, "9")].text


@pytest.mark.parametrize(
    ("label", "reason"),
    [
        ("1", "no paragraph above"),  # the first paragraph follows the title
        ("5(a)", "no paragraph above"),  # follows an addressee line
        ("5", "no paragraph above"),  # follows a heading: never across sections
    ],
)
def test_indent_refused(corpus_doc, label, reason):
    segs = corpus_doc.segments
    assert not can_indent(segs, _at(segs, label))
    with pytest.raises(EditRefused, match=reason):
        indent(segs, _at(segs, label))


def test_indent_refuses_third_degree(corpus_doc):
    segs = indent(corpus_doc.segments, _at(corpus_doc.segments, "5(b)"))
    assert segs[_at(segs, "5(a)(i)")].text == corpus_doc.segment("5(b)").text
    with pytest.raises(EditRefused, match="deepest"):
        indent(segs, _at(segs, "5(a)(i)"))


def test_edit_text_of_addressee_flows_to_its_subparagraphs(corpus_doc):
    segs = corpus_doc.segments
    i = [s.text for s in segs].index("To the Government of Mali")
    out = edit_text(segs, i, "To the Government of Burkina Faso")
    assert out[_at(out, "5(n)")].addressee == "To the Government of Burkina Faso"
    with pytest.raises(EditRefused):
        edit_text(segs, len(segs), "x")


def test_indent_refused_for_paragraph_holding_addressee_lines(corpus_doc):
    segs = corpus_doc.segments
    moved, at = move_up(segs, _at(segs, "5"))  # 5 (with its addressees) now follows paragraph 4
    moved, at = move_down(moved, at)  # ... and back under the heading
    assert moved == segs
    swapped, at = move_up(segs, _at(segs, "5") - 1)  # the heading goes above 4: 5 follows 4
    assert swapped[at + 2].label == "5"
    with pytest.raises(EditRefused, match="addressee"):
        indent(swapped, at + 2)


@pytest.mark.parametrize(
    ("label", "before", "lands_as"),
    [
        ("5(c)", "5(a)", "5(a)"),  # dragged up among its siblings
        ("5(a)", "5(d)", "5(c)"),  # dragged down: lands just above the drop row
        ("8", "10", "9"),  # a paragraph with its subparagraphs, dropped above 10
    ],
)
def test_move_to_a_drop_position(corpus_doc, label, before, lands_as):
    segs = corpus_doc.segments
    text = segs[_at(segs, label)].text
    out, at = move_to(segs, _at(segs, label), _at(segs, before))
    assert out[at].label == lands_as and out[at].text == text
    assert sorted(s.text for s in out) == sorted(s.text for s in segs)


def test_move_to_itself_changes_nothing(corpus_doc):
    segs = corpus_doc.segments
    i = _at(segs, "5(c)")
    assert move_to(segs, i, i) == (tuple(segs), i)


def test_edited_text_loses_control_characters(corpus_doc):
    segs = corpus_doc.segments
    i = _at(segs, "5(a)")
    out = edit_text(segs, i, "Strongly\x0bcondemning\x01 all")
    assert out[i].text == "Strongly condemning all"
