"""`concord provenance` and `concord history` on the corpus and a derived 2022 document."""

import json
from dataclasses import replace

import pytest

from app.cli import main


@pytest.fixture
def db(corpus_library, corpus_doc, tmp_path):
    """The corpus as document 1 and, as document 2, Chad 2022 drafted from its 5(a)..5(c)."""
    seg = corpus_doc.segment
    segs = (
        seg("5(a)"),
        seg("5(b)").with_text(seg("5(b)").text.replace("Calling upon", "Calling on")),
        replace(seg("5(c)"), label="5(d)",
                text="Welcoming the establishment of a national committee to monitor grave violations "
                     "against children, and encouraging its early operation;"),
    )
    corpus_library.add_document(replace(corpus_doc, segments=segs, situation="Chad", meeting_date="2022-03-01"))
    return str(tmp_path / "library.sqlite")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_provenance_plain(db, capsys):
    code, out, _ = run(capsys, "--db", db, "provenance", "2")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Provenance of 2 (Chad)"
    assert "     5(a)  verbatim 100%  Mali 2020 5(a)" in lines
    assert any(line.startswith("     5(b)  modified 9") and line.endswith("Mali 2020 5(b)") for line in lines)
    assert "Calling [-upon-]{+on+} the parties to the conflict" in out
    assert "     5(d)  new" in lines
    assert lines[-1].startswith("Summary: 3 segments, 1 verbatim, 1 modified, 1 new; words: ")


def test_provenance_json_and_within(db, capsys):
    code, out, _ = run(capsys, "--db", db, "provenance", "2", "--json")
    data = json.loads(out)
    assert code == 0 and data["counts"] == {"verbatim": 1, "modified": 1, "new": 1}
    first = data["segments"][0]
    assert first["status"] == "verbatim" and first["sources"][0]["cite"] == "Mali 2020 5(a)"
    assert data["segments"][1]["diff"][1] == ["delete", "upon"]
    assert sum(data["percentages"].values()) == pytest.approx(100, abs=0.2)

    _, out, _ = run(capsys, "--db", db, "provenance", "1:7(a)..7(i)", "--within", "--json")
    found = [(s["label"], s["status"], s["sources"][0]["label"]) for s in json.loads(out)["segments"]]
    assert found == [(f"7({b})", "verbatim" if b in "bdf" else "modified", f"5({a})")
                     for a, b in zip("nopqrstuv", "abcdefghi", strict=True)]


def test_history(db, capsys):
    code, out, _ = run(capsys, "--db", db, "history", "2:5(b)")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "2 versions of the clause, oldest first"
    assert lines[2] == "2020-11-20  Mali 2020 5(b)  99.4%"
    assert lines[4].startswith("2022-03-01  Chad 2022 5(b)  100%  (this clause)  changed since Mali 2020 5(b)")
    assert lines[5].startswith("    Calling [-upon-]{+on+} the parties")

    code, out, _ = run(capsys, "--db", db, "history", "Calling upon the parties to the conflict to further implement",
                       "--json")
    data = json.loads(out)
    assert [(e["cite"], e["previous"], e["changed"]) for e in data] == [("Mali 2020 5(b)", None, False),
                                                                         ("Chad 2022 5(b)", 0, True)]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["history", "Strongly"], "too short to trace"),  # neither a REF nor a clause
        (["history", "1:5(zz)"], "no paragraph labelled '5(zz)'"),
        (["provenance", "9"], "no document 9"),
        (["provenance", "1:5(n)..5(x)y"], "is not a label"),
    ],
)
def test_errors_are_one_line(db, capsys, argv, message):
    code, out, err = run(capsys, "--db", db, *argv)
    assert code == 1 and out == "" and message in err and len(err.splitlines()) == 1
