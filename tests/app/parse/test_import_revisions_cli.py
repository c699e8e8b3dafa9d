"""`concord import --reject-changes` reads a Word file's tracked changes as all rejected."""

import json

from test_docx_import import _tracked_body
from wordgen import make_docx

from app.cli import main


def _run(capsys, *argv):
    code = main(list(argv))
    out, _ = capsys.readouterr()
    return code, out


def test_import_word_tracked_changes_accepted_or_rejected(tmp_path, capsys):
    path = make_docx(tmp_path / "tracked.docx", _tracked_body())
    accepted, rejected = str(tmp_path / "a.sqlite"), str(tmp_path / "r.sqlite")
    code, out = _run(capsys, "--db", accepted, "import", str(path), "--json")
    assert code == 0
    assert "all changes accepted" in json.loads(out)["imported"][0]["warnings"][0]
    code, out = _run(capsys, "--db", rejected, "import", str(path), "--reject-changes", "--json")
    assert "all changes rejected" in json.loads(out)["imported"][0]["warnings"][0]
    _, out = _run(capsys, "--db", accepted, "show", "1:1", "--json")
    assert json.loads(out)["segments"][0]["text"] == "The Working Group took note of the report."
    _, out = _run(capsys, "--db", rejected, "show", "1:1", "--json")
    assert json.loads(out)["segments"][0]["text"] == "The Working Group welcomed the report."
