"""concord round: add, show, accept, edit, export, authors, brackets from the command line."""

from __future__ import annotations

import json

from returnkit import REF, Edits, write_return

from app.cli import main
from app.export.ooxml_reader import revisions
from app.services import drafts as drafts_svc
from app.store import Library


def _run(capsys, db, *args):
    code = main(["--db", str(db), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def _setup(tmp_path, corpus_path, capsys):
    db = tmp_path / "lib.sqlite"
    assert _run(capsys, db, "import", str(corpus_path))[0] == 0
    lib = Library(db)
    drafts_svc.new_draft(lib, "Mali", from_ref="1")
    lib.save_version(1, "rev.1")
    version = lib.get_version(1, 1).segments
    lib.close()
    return db, version


def test_round_from_the_command_line(tmp_path, corpus_path, capsys):
    db, version = _setup(tmp_path, corpus_path, capsys)
    f = write_return(tmp_path / "uk.docx", version, Edits()
                     .insert("5(c)", "insecurity", ", the [COVID-19] pandemic", "J. Smith")
                     .comment("5(d)", "without undue delay", "Why?", "J. Smith"))
    assert _run(capsys, db, "round", "authors", "J. Smith=United Kingdom")[0] == 0
    code, out, _ = _run(capsys, db, "round", "add", REF, str(f))
    assert code == 0 and "uk.docx: return 1 (tracked, J. Smith): 1 proposal, 1 comment" in out
    code, out, _ = _run(capsys, db, "round", "show", REF, "--json")
    data = json.loads(out)
    (p,) = [x for s in data["segments"] for x in s["proposals"]]
    assert (p["key"], p["delegation"], p["text"], p["brackets"]) == (
        "1.1", "United Kingdom", ", the [COVID-19] pandemic", "brackets '[COVID-19]'")
    (c,) = [x for s in data["segments"] for x in s["comments"]]
    assert (c["quote"], c["delegation"]) == ("without undue delay", "United Kingdom")
    code, out, _ = _run(capsys, db, "round", "show", REF)
    assert "[1.1] in 5(c), insert ', the [COVID-19] pandemic' after 'insecurity'  (pending; brackets" in out
    assert _run(capsys, db, "round", "accept", REF, "1.1")[0] == 0
    code, out, _ = _run(capsys, db, "round", "brackets", "draft:1")
    assert code == 0 and "5(c)  open    United Kingdom (rev.1): [COVID-19]" in out
    assert _run(capsys, db, "draft", "save-version", "1", "--name", "rev.2")[0] == 0
    assert _run(capsys, db, "round", "edit", REF, "5(c)", "--text", "Noting with concern;")[0] == 0
    code, out, _ = _run(capsys, db, "draft", "show", "1", "--json")
    assert next(s["text"] for s in json.loads(out)["segments"] if s["label"] == "5(c)") == "Noting with concern;"
    code, out, _ = _run(capsys, db, "round", "brackets", "draft:1", "--json")
    assert json.loads(out) == [{"label": "5(c)", "text": "[COVID-19]", "proposed_by": "United Kingdom",
                                "round": "rev.1", "open": False}]  # in rev.2, agreed away since
    out_docx = tmp_path / "c.docx"
    assert _run(capsys, db, "round", "export", REF, "--docx", str(out_docx))[0] == 0
    assert {r.author for r in revisions(out_docx)} == {"United Kingdom"}


def test_refused_files_are_named_and_nothing_is_stored(tmp_path, corpus_path, capsys):
    db, version = _setup(tmp_path, corpus_path, capsys)
    other = tmp_path / "other.txt"
    other.write_text("1. A text about something else entirely.\n", encoding="utf-8")
    code, _, err = _run(capsys, db, "round", "add", REF, str(other), "--delegation", "Chad")
    assert code == 1 and err.strip().startswith("concord: other.txt: not a return of draft 1 version 1 (rev.1)")
    code, out, _ = _run(capsys, db, "round", "show", REF, "--json")
    assert json.loads(out)["returns"] == []
    code, _, err = _run(capsys, db, "round", "accept", "draft:1", "1.1")
    assert code == 1 and "expected draft:ID@VERSION" in err
