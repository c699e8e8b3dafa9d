"""The `concord` command line: library commands, errors, help."""

import json

import pytest

from app.cli import build_parser, main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_list_show_search(tmp_path, corpus_path, capsys):
    db = str(tmp_path / "lib.sqlite")
    code, out, _ = run(capsys, "--db", db, "import", str(corpus_path), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["imported"][0]["id"] == 1 and data["imported"][0]["segments"] == 106
    assert data["duplicates"] == [] and data["errors"] == []

    code, out, _ = run(capsys, "--db", db, "import", str(corpus_path), "--json")
    assert json.loads(out)["duplicates"][0]["id"] == 1

    code, out, _ = run(capsys, "--db", db, "list", "--json")
    assert [d["situation"] for d in json.loads(out)] == ["Mali"]

    code, out, _ = run(capsys, "--db", db, "show", "1:5(n)..5(v)", "--json")
    shown = json.loads(out)
    assert shown["document"]["report_symbol"] == "S/2020/1105"
    assert [s["label"] for s in shown["segments"]][0] == "5(n)"
    assert shown["segments"][0]["addressee"] == "To the Government of Mali"
    assert set(shown["segments"][0]) == {"label", "kind", "section", "addressee", "text"}

    code, out, _ = run(capsys, "--db", db, "show", "1:7")
    assert code == 0 and "7(i)" in out and "Welcoming advances" in out

    code, out, _ = run(capsys, "--db", db, "search", '"deprivation of liberty"')
    assert code == 0 and "1:5(r)" in out and "[deprivation of liberty]" in out


def test_import_errors_are_one_line_with_status_1(tmp_path, corpus_path, capsys):
    db = str(tmp_path / "lib.sqlite")
    bad = tmp_path / "noise.bin"
    bad.write_bytes(bytes(range(256)) * 8)
    code, out, err = run(capsys, "--db", db, "import", str(bad), str(corpus_path))
    assert code == 1
    assert err.strip().splitlines() == [
        "concord: noise.bin: not a document Concord can read (binary data of unknown format)"
    ]
    assert "imported as document 1" in out
    code, out, err = run(capsys, "--db", db, "import", str(bad), "--json")
    assert json.loads(out)["errors"][0]["file"].endswith("noise.bin")


@pytest.mark.parametrize("argv", [["show", "1:99"], ["show", "9"], ["show", "1:zz"]])
def test_bad_refs_are_one_line_errors(tmp_path, corpus_path, capsys, argv):
    db = str(tmp_path / "lib.sqlite")
    run(capsys, "--db", db, "import", str(corpus_path))
    code, out, err = run(capsys, "--db", db, *argv)
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_env_var_chooses_the_library(tmp_path, corpus_path, capsys, monkeypatch):
    monkeypatch.setenv("CONCORD_DB", str(tmp_path / "env.sqlite"))
    run(capsys, "import", str(corpus_path))
    assert (tmp_path / "env.sqlite").exists()


def test_every_command_is_documented(capsys):
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    documented = {a.dest for a in sub._choices_actions}
    assert set(sub.choices) == documented
    assert {"import", "list", "show", "search"} <= documented  # `gui` is added by ui.launch
    for action in sub._choices_actions:
        assert action.help, action.dest
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for name in sub.choices:
        assert name in out



def test_a_mistyped_library_folder_is_an_error_not_a_new_library(tmp_path, capsys):
    missing = tmp_path / "no-such-folder" / "lib.sqlite"
    code, out, err = run(capsys, "--db", str(missing), "list")
    assert code == 1
    assert err.strip() == f"concord: {missing}: the folder {missing.parent} does not exist"
    assert not missing.parent.exists()
