"""Plain text, JSON and HTML renderings of a comparison."""

import json
import re
from html.parser import HTMLParser

from app.compare.engine import compare_segments
from app.compare.render import to_html, to_json, to_text
from app.model import Kind, Segment
from app.services.library import passage_of

EVIL = '<script>alert("x")</script> & <img src=http://example.org/x.png onerror=alert(1)>'


def test_text_marks_deletions_and_insertions(corpus_doc):
    cmp = compare_segments(passage_of(corpus_doc, "5(t)").segments,
                           passage_of(corpus_doc, "7(g)").segments,
                           left_ref="1:5(t)", right_ref="1:7(g)")
    text = to_text(cmp)
    assert text.startswith("--- 1:5(t)\n+++ 1:7(g)\n")
    assert "~ modified 5(t) | 7(g)  97.3%" in text
    assert "birth registration [-in order -]to restore" in text
    assert text.rstrip().endswith("Summary: 1 modified, 1 relabelled")


def test_text_shows_insertions_deletions_and_moves():
    a = [Segment(Kind.TEXT, t) for t in ("Alpha beta gamma delta epsilon.", "Zeta eta theta iota kappa.",
                                         "Lambda mu nu xi omicron.")]
    b = [a[2], a[1], Segment(Kind.TEXT, "Pi rho sigma tau upsilon.")]
    text = to_text(compare_segments(a, b))
    assert "- deleted  text |" in text and "[-Alpha beta gamma delta epsilon.-]" in text
    assert "{+Pi rho sigma tau upsilon.+}" in text
    assert "(move 1: arrived here)" in text and "(move 1: left from here)" in text


def test_json_shape(corpus_doc):
    cmp = compare_segments(passage_of(corpus_doc, "5(n)", "5(p)").segments,
                           passage_of(corpus_doc, "7(a)", "7(c)").segments,
                           left_ref="1:5(n)..5(p)", right_ref="1:7(a)..7(c)")
    data = json.loads(json.dumps(to_json(cmp)))
    assert data["left"] == "1:5(n)..5(p)" and data["right"] == "1:7(a)..7(c)"
    assert data["summary"] == {"equal": 1, "modified": 2, "inserted": 0, "deleted": 0, "moved": 0,
                               "split": 0, "merged": 0, "relabelled": 3, "stronger": 0,
                               "weaker": 0, "mixed": 0}
    row = data["rows"][2]
    assert row["op"] == "modified"
    assert row["left"]["label"] == "5(p)" and row["right"]["label"] == "7(c)"
    assert row["similarity"] == 91.5
    assert ["insert", "the six "] in row["diff"]
    assert "".join(t for op, t in row["diff"] if op != "insert") == row["left"]["text"]
    assert "".join(t for op, t in row["diff"] if op != "delete") == row["right"]["text"]


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


def test_html_is_escaped_and_self_contained():
    a = [Segment(Kind.SUBPARAGRAPH, "Calling upon the parties " + EVIL, "5(b)")]
    b = [Segment(Kind.SUBPARAGRAPH, "Calling on the parties " + EVIL, "5(b)")]
    page = to_html(compare_segments(a, b, left_title="<b>left</b>", right_title="right"))
    parser = _Collect()
    parser.feed(page)
    assert "script" not in parser.tags and "img" not in parser.tags
    assert not [v for k, v in parser.attrs if k in ("src", "href", "onerror")]
    assert "<script>" in "".join(parser.text)  # the markup shows as text
    assert "&lt;b&gt;left&lt;/b&gt;" in page
    assert re.search(r"<del>upon</del>", page) and re.search(r"<ins>on</ins>", page)
    assert "modified: <b>1</b>" in page  # summary at the top


def test_html_keeps_each_sides_spelling_under_ignore_case():
    from app.compare.model import CompareOptions

    a = [Segment(Kind.TEXT, "the Country Task Force")]
    b = [Segment(Kind.TEXT, "the country task force")]
    page = to_html(compare_segments(a, b, CompareOptions(ignore_case=True)))
    assert "the Country Task Force" in page and "the country task force" in page


def _weakened(corpus_doc):
    """5(a) and 5(b) against themselves with 5(a) weakened twice and 5(b) unchanged."""
    segs = passage_of(corpus_doc, "5(a)", "5(b)").segments
    weaker = segs[0].with_text(segs[0].text.replace("Strongly condemning", "Condemning")
                               .replace("to immediately end", "to end"))
    return compare_segments(segs, [weaker, segs[1]], left_ref="1:5(a)..5(b)", right_ref="x")


def test_strength_in_text_json_and_html(corpus_doc):
    cmp = _weakened(corpus_doc)
    text = to_text(cmp)
    assert ("~ modified 5(a) | 5(a)  97.6%  weaker: Strongly condemning \u2192 Condemning; "
            "immediately end \u2192 end") in text
    assert text.rstrip().endswith("Summary: 1 equal, 1 modified, 1 weaker")
    rows = json.loads(json.dumps(to_json(cmp)))["rows"]
    assert rows[0]["strength"] == {
        "direction": "weaker",
        "why": "Strongly condemning \u2192 Condemning; immediately end \u2192 end",
        "steps": [
            {"direction": "weaker", "kind": "lead", "old": "Strongly condemning", "new": "Condemning"},
            {"direction": "weaker", "kind": "intensifier", "old": "immediately end", "new": "end"},
        ],
    }
    assert rows[1]["strength"] is None  # an equal pair has no verdict
    page = to_html(cmp)
    assert "<span class=\"weaker\">\u25bc weaker</span>" in page
    assert "Strongly condemning \u2192 Condemning; immediately end \u2192 end</span>" in page
    assert "weaker: <b>1</b>" in page and "stronger: <b>" not in page


def test_why_is_escaped_in_html():
    a = [Segment(Kind.SUBPARAGRAPH, "Demands that <b>all</b> parties cease", "1")]
    b = [Segment(Kind.SUBPARAGRAPH, "Urges <b>all</b> parties to cease", "1")]
    page = to_html(compare_segments(a, b))
    assert "Demands \u2192 Urges" in page and "<b>all</b>" not in page
