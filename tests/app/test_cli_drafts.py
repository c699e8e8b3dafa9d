import json

import pytest

from app.cli import main


@pytest.fixture
def db(tmp_path, corpus_path):
    path = str(tmp_path / "cli.sqlite")
    assert main(["--db", path, "import", str(corpus_path)]) == 0
    return path


def test_draft_lifecycle(db, capsys):
    capsys.readouterr()
    assert main(["--db", db, "draft", "new", "--from", "1", "--replace", "Mali=Burkina Faso",
                 "--replace", "Malian=Burkinabe", "--title", "BF", "--preview"]) == 0
    out = capsys.readouterr().out
    assert "[Malian -> Burkinabe]" in out and "replacements would be made" in out
    assert main(["--db", db, "draft", "list"]) == 0 and "No drafts" in capsys.readouterr().out

    assert main(["--db", db, "draft", "new", "--from", "1", "--replace", "Mali=Burkina Faso",
                 "--title", "BF", "--json"]) == 0
    created = json.loads(capsys.readouterr().out)
    assert created["situation"] == "Burkina Faso" and created["segments"] == 106
    assert main(["--db", db, "draft", "save-version", str(created["id"]), "--name", "zero draft"]) == 0
    assert "saved version 1" in capsys.readouterr().out

    assert main(["--db", db, "draft", "show", f"{created['id']}@1", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["showing"] == "BF (zero draft)" and shown["open_brackets"] == 0
    assert shown["segments"][0]["text"].endswith("in Burkina Faso")

    assert main(["--db", db, "show", f"draft:{created['id']}@1:5(n)"]) == 0
    assert "Stressing the primary role" in capsys.readouterr().out
    assert main(["--db", db, "draft", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["last_version"] == "zero draft"


def test_import_into(db, corpus_path, capsys):
    assert main(["--db", db, "draft", "import", str(corpus_path)]) == 0
    assert "imported as draft 1" in capsys.readouterr().out
    assert main(["--db", db, "draft", "import", str(corpus_path), "--into", "1"]) == 0
    assert "version 2 of draft 1" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["draft", "show", "9"], "no draft 9"),
        (["draft", "show", "abc"], "not a draft"),
        (["draft", "new", "--title", "x", "--replace", "Mali"], "OLD=NEW"),
        (["draft", "new", "--title", "x", "--replace", "Mali=Chad"], "needs --from"),
        (["draft", "save-version", "1", "--name", "x"], "no draft 1"),
        (["draft", "import", "/nonexistent.docx"], "no such file"),
    ],
)
def test_errors_are_one_line(db, capsys, argv, message):
    assert main(["--db", db, *argv]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_the_replace_step_reports_its_counts_and_words_it_did_not_find(db, capsys):
    capsys.readouterr()
    assert main(["--db", db, "draft", "new", "--from", "1", "--replace", "Malian=Burkinabe",
                 "--replace", "Maili=Burkina Faso", "--title", "BF"]) == 0
    err = capsys.readouterr().err.splitlines()
    malian = next(line for line in err if line.startswith("Malian -> Burkinabe: "))
    assert int(malian.split(": ")[1].split()[0]) > 5
    assert "warning: Maili -> Burkina Faso: 0 replacements: no such word in the source" in err


def test_the_replace_step_reports_held_occurrences_with_their_labels(db, capsys):
    capsys.readouterr()
    assert main(["--db", db, "draft", "new", "--from", "1", "--replace", "Mali=Burkina Faso",
                 "--title", "BF", "--json"]) == 0
    captured = capsys.readouterr()
    draft_id = json.loads(captured.out)["id"]
    assert "held: 5(b): Mali not replaced (cites S/AC.51/2018/1)" in captured.err
    assert "held: 5(e): Mali not replaced (names the date 13 July 2012)" in captured.err
    assert main(["--db", db, "draft", "show", str(draft_id), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    text = {s["label"]: s["text"] for s in shown["segments"]}
    assert "Working Group on Children and Armed Conflict in Mali (S/AC.51/2018/1)" in text["5(b)"]
    assert "by all parties to the conflict in Burkina Faso" in text["5(a)"]


def test_held_occurrences_can_be_replaced_by_label(db, capsys):
    capsys.readouterr()
    assert main(["--db", db, "draft", "new", "--from", "1", "--replace", "Mali=Burkina Faso",
                 "--replace-held", "5(b)", "--title", "BF", "--json"]) == 0
    captured = capsys.readouterr()
    assert "held: 5(b)" not in captured.err and "held: 5(e)" in captured.err
    assert main(["--db", db, "draft", "show", str(json.loads(captured.out)["id"]), "--json"]) == 0
    text = {s["label"]: s["text"] for s in json.loads(capsys.readouterr().out)["segments"]}
    assert "in Burkina Faso (S/AC.51/2018/1)" in text["5(b)"]
