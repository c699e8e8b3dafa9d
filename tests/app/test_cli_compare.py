"""`concord compare`, `concord parallels`, `concord repeats` on the corpus library."""

import json
import sys
import types

import pytest

from app.cli import main


@pytest.fixture
def db(corpus_library, tmp_path):
    """The path of a library holding the corpus as document 1."""
    return str(tmp_path / "library.sqlite")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_compare_plain(db, capsys):
    code, out, _ = run(capsys, "--db", db, "compare", "1:5(n)..5(v)", "1:7(a)..7(i)")
    assert code == 0
    assert "perpetrators of {+the six +}grave violations" in out
    assert "Expressing concern [-at-]{+about+} the deprivation" in out
    assert out.count("~ modified") == 6 and out.count("= equal") == 3
    assert "Summary: 3 equal, 6 modified, 9 relabelled" in out


def test_compare_json(db, capsys):
    code, out, _ = run(capsys, "--db", db, "compare", "1:5(n)..5(v)", "1:7(a)..7(i)", "--json")
    data = json.loads(out)
    assert code == 0 and data["left"] == "1:5(n)..5(v)"
    assert [(r["left"]["label"], r["right"]["label"]) for r in data["rows"]][0] == ("5(n)", "7(a)")
    assert set(data["rows"][0]) >= {"op", "left", "right", "similarity", "diff"}
    assert data["summary"]["modified"] == 6


def test_compare_html(db, tmp_path, capsys):
    page = tmp_path / "cmp.html"
    code, out, _ = run(capsys, "--db", db, "compare", "1:5(p)", "1:7(c)", "--html", str(page))
    assert code == 0 and f"Wrote {page}" in out
    html = page.read_text(encoding="utf-8")
    assert "<ins>the six </ins>grave violations" in html


def test_ignore_options(db, capsys):
    _, out, _ = run(capsys, "--db", db, "compare", "1:5(v)", "1:7(i)", "--json")
    assert json.loads(out)["rows"][0]["op"] == "modified"
    _, out, _ = run(capsys, "--db", db, "compare", "1:5(v)", "1:7(i)", "--json",
                    "--ignore-case", "--ignore-punctuation")
    row = json.loads(out)["rows"][0]
    assert row["op"] == "equal" and "Country Task Force" in row["right"]["text"]


def test_json_and_html_are_exclusive(db, tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["--db", db, "compare", "1:5", "1:7", "--json", "--html", str(tmp_path / "x.html")])


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("1:5(zz)", "5(zz)"),
        ("1:5(n)..", "not a reference"),
    ],
)
def test_bad_reference_is_one_line(db, capsys, ref, message):
    code, out, err = run(capsys, "--db", db, "compare", ref, "1:7(a)")
    assert code == 1 and out == ""
    assert err.startswith("concord: ") and message in err and err.count("\n") == 1


def test_unwritable_html(db, tmp_path, capsys):
    code, _, err = run(capsys, "--db", db, "compare", "1:5", "1:7", "--html",
                       str(tmp_path / "missing" / "x.html"))
    assert code == 1 and "x.html: the folder" in err and "does not exist" in err


def test_word_outputs_go_to_the_export_service(db, tmp_path, capsys, monkeypatch):
    calls = []
    fake = types.ModuleType("app.services.export")
    fake.export_redline_docx = lambda cmp, out, mode, author: calls.append(("redline", out, mode, author, cmp))
    fake.export_report_docx = lambda cmp, out: calls.append(("report", out, cmp))
    monkeypatch.setitem(sys.modules, "app.services.export", fake)
    import app.services

    monkeypatch.setattr(app.services, "export", fake, raising=False)
    red, rep = str(tmp_path / "r.docx"), str(tmp_path / "s.docx")
    code, out, _ = run(capsys, "--db", db, "compare", "1:5(n)..5(v)", "1:7(a)..7(i)", "--docx", red,
                       "--mode", "bold", "--author", "Drafter", "--report-docx", rep)
    assert code == 0 and f"Wrote {red}" in out and f"Wrote {rep}" in out
    assert calls[0][:4] == ("redline", red, "bold", "Drafter")
    assert calls[1][:2] == ("report", rep)
    assert len(calls[0][4].rows) == 9


def test_word_export_unavailable(db, tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "app.services.export", None)  # import fails
    import app.services

    monkeypatch.delattr(app.services, "export", raising=False)
    code, _, err = run(capsys, "--db", db, "compare", "1:5", "1:7", "--docx", str(tmp_path / "x.docx"))
    assert code == 1 and "Word export is unavailable" in err


def test_parallels(db, capsys):
    code, out, _ = run(capsys, "--db", db, "parallels", "1")
    assert code == 0
    assert out.startswith("5(n)..5(v) ~ 7(a)..7(i): 9 pairs, 6 with differences")
    code, out, _ = run(capsys, "--db", db, "parallels", "1", "--json")
    (block,) = json.loads(out)
    assert block["pairs"] == 9 and len(block["divergences"]) == 6
    assert block["divergences"][0]["left"]["label"] == "5(n)"
    code, out, _ = run(capsys, "--db", db, "parallels", "1:8..12")
    assert out == "No parallel blocks found.\n"


def test_repeats(db, capsys):
    code, out, _ = run(capsys, "--db", db, "repeats", "1")
    assert code == 0 and "Group 2: 3 segments, similarity 67.5-99.6%" in out
    code, out, _ = run(capsys, "--db", db, "repeats", "1", "--json")
    groups = json.loads(out)
    assert [s["label"] for s in groups[1]["segments"]] == ["5(h)", "5(r)", "7(e)"]
    assert {(x["left"], x["right"]) for x in groups[1]["links"]} >= {("5(r)", "7(e)")}


def test_commands_are_documented(capsys):
    for cmd in ("compare", "parallels", "repeats"):
        with pytest.raises(SystemExit):
            main([cmd, "--help"])
        out, _ = capsys.readouterr()
        assert "--json" in out and "--ignore-case" in out


def test_word_outputs_with_the_installed_export(db, tmp_path, capsys):
    """The comparison handed over is one the Word export accepts (the files are Word zips)."""
    pytest.importorskip("app.services.export")
    red, rep = tmp_path / "r.docx", tmp_path / "s.docx"
    code, _, err = run(capsys, "--db", db, "compare", "1:5(n)..5(v)", "1:7(a)..7(i)",
                       "--docx", str(red), "--report-docx", str(rep))
    assert code == 0, err
    assert red.read_bytes()[:2] == b"PK" and rep.read_bytes()[:2] == b"PK"
