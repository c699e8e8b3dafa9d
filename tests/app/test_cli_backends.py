"""The whole command line on a team library: every command gives the same output on
PostgreSQL as on a library file (the backend is the store's business only)."""

from __future__ import annotations

import json
import re

import pytest

from app.cli import main

# (argv, what the output must show) in order: each step sees the steps before it.
SCENARIO = [
    (["import", "{corpus}", "{chad}"], "imported as document 2"),
    (["import", "{corpus}", "--json"], '"duplicates"'),
    (["list"], "Chad"),
    (["list", "--json"], '"situation": "Mali"'),
    (["show", "1:5(n)..5(v)"], "5(v)"),
    (["show", "S/2020/1105:7", "--json"], '"label": "7(i)"'),
    (["search", "deprivation of liberty"], "5(h)"),
    (["search", "reintegrat* NOT Chad", "--json", "--limit", "100"], "reintegration"),
    (["search", '"six grave violations" OR Gamba'], "annex-2"),
    (["compare", "1:5(n)..5(v)", "1:7(a)..7(i)"], ""),
    (["compare", "1", "2", "--json"], '"rows"'),
    (["parallels", "1"], "7(a)"),
    (["repeats", "1", "--json"], ""),
    (["provenance", "2"], "verbatim"),
    (["provenance", "1:7", "--within", "--json"], ""),
    (["history", "1:5(h)"], "Mali"),
    (["draft", "new", "--from", "1", "--replace", "Mali=Niger", "--title", "Niger 2025"], "draft 1 created"),
    (["draft", "save-version", "1", "--name", "zero draft"], ""),
    (["draft", "import", "{chad}", "--into", "1"], ""),
    (["draft", "list", "--json"], '"Niger 2025"'),
    (["draft", "show", "1@1"], "Niger"),
    (["compare", "draft:1@1", "draft:1@2"], ""),
    (["export", "1:5(n)..5(v)", "--docx", "{out}/range.docx"], ""),
    (["compare", "draft:1@1", "draft:1", "--docx", "{out}/redline.docx"], ""),
    (["check"], "healthy"),
    (["show", "9"], ""),  # an error: the same one line on both
]


def run_scenario(db: str, tmp_path, corpus_path, capsys) -> list[tuple[int, str, str]]:
    chad = tmp_path / "chad.txt"
    chad.write_text(corpus_path.read_text(encoding="utf-8").replace("Mali", "Chad"), encoding="utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    results = []
    for argv, expected in SCENARIO:
        args = [a.format(corpus=corpus_path, chad=chad, out=out_dir) for a in argv]
        code = main(["--db", db, *args])
        out, err = capsys.readouterr()
        assert expected in out, (argv, out[:300], err)
        # file paths and times differ between the two runs, nothing else may
        clean = [re.sub(r"\d{4}-\d\d-\d\dT[\d:]+\+00:00", "<time>", s.replace(str(tmp_path), "<tmp>"))
                 for s in (out, err.replace(db, "<db>"))]
        if argv[0] == "search":  # the same hits; each engine ranks and highlights them its own way
            clean[0] = sorted(json.dumps({**h, "matches": []}, sort_keys=True) for h in json.loads(clean[0])) \
                if "--json" in argv else sorted(re.sub(r"[][]", "", line) for line in clean[0].splitlines())
        results.append((code, *clean))
    return results


def test_every_command_gives_the_same_output_on_postgresql(tmp_path_factory, pg_address, corpus_path,
                                                          capsys):
    files = tmp_path_factory.mktemp("sqlite")
    team = tmp_path_factory.mktemp("pg")
    on_file = run_scenario(str(files / "library.sqlite"), files, corpus_path, capsys)
    on_server = run_scenario(pg_address, team, corpus_path, capsys)
    assert [r[0] for r in on_file][-1] == 1  # the last step is an error on both
    for step, (a, b) in enumerate(zip(on_file, on_server, strict=True)):
        assert a == b, SCENARIO[step][0]


def test_the_environment_variable_names_a_team_library(pg_address, corpus_path, capsys, monkeypatch):
    monkeypatch.setenv("CONCORD_DB", pg_address)
    assert main(["import", str(corpus_path)]) == 0
    assert main(["list", "--json"]) == 0
    out, _ = capsys.readouterr()
    assert '"situation": "Mali"' in out


@pytest.mark.parametrize("address, message", [
    ("postgresql://alice@127.0.0.1:1/lib", "the server cannot be reached"),
    ("postgresql://", "names no database"),
])
def test_a_bad_team_address_is_one_line(address, message, capsys):
    assert main(["--db", address, "list"]) == 1
    _, err = capsys.readouterr()
    assert message in err and err.count("\n") == 1
