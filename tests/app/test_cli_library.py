"""Library management from the command line: delete, edit, the same document from another file."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from app.export.document import passage_document
from app.model import Passage
from app.parse import parse_file
from app.services.library import Same, import_file, same_document
from app.store import Library


@pytest.fixture
def db(tmp_path, corpus_path):
    path = str(tmp_path / "cli.sqlite")
    assert main(["--db", path, "import", str(corpus_path)]) == 0
    return path


def test_edit_corrects_metadata_and_search_follows(db, capsys):
    capsys.readouterr()
    assert main(["--db", db, "edit", "1", "--situation", "Mali (2020)", "--date", "2020-11-21",
                 "--symbol", "S/AC.51/2020/11", "--kind", "conclusions", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert (doc["situation"], doc["meeting_date"], doc["symbol"]) == ("Mali (2020)", "2020-11-21", "S/AC.51/2020/11")
    assert main(["--db", db, "show", "S/AC.51/2020/11", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["document"]["id"] == 1
    assert main(["--db", db, "search", "deprivation of liberty", "--json"]) == 0
    assert {h["situation"] for h in json.loads(capsys.readouterr().out)} == {"Mali (2020)"}


@pytest.mark.parametrize("args, message", [
    (["--date", "20 November 2020"], "not a date as YYYY-MM-DD"),
    (["--date", "2020-02-30"], "not a real date"),
    (["--title", "  "], "needs a title"),
    ([], "nothing to change"),
])
def test_edit_refuses_bad_values_and_changes_nothing(db, capsys, args, message):
    capsys.readouterr()
    assert main(["--db", db, "edit", "1", *args]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert main(["--db", db, "show", "1", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)["document"]
    assert doc["meeting_date"] == "2020-11-20" and doc["title"].startswith("Conclusions")


def test_delete_removes_the_document_and_its_search_hits(db, capsys):
    capsys.readouterr()
    assert main(["--db", db, "delete", "1"]) == 0
    assert "deleted document 1 (106 segments)" in capsys.readouterr().out
    assert main(["--db", db, "search", "children"]) == 0
    assert "No matches" in capsys.readouterr().out
    assert main(["--db", db, "delete", "1"]) == 1
    assert "no document 1" in capsys.readouterr().err


def _word_copy(corpus_doc, tmp_path):
    """The corpus as the Word file it was published from: the same text, but typed with
    straight apostrophes and "Secretary General" where the PDF text has its own forms."""
    path = tmp_path / "mali-2020.docx"
    typed = corpus_doc.with_segments(tuple(
        s.with_text(s.text.replace("’", "'").replace("Secretary-General", "Secretary General"))
        for s in corpus_doc.segments))
    passage_document(Passage(typed, typed.segments, "1"), numbering="typed").save(str(path))
    return path


def test_the_same_document_in_another_format_is_recognised(tmp_path, corpus_path, corpus_doc):
    lib = Library(tmp_path / "lib.sqlite")
    first = import_file(lib, corpus_path)
    docx = _word_copy(corpus_doc, tmp_path)
    other = parse_file(docx)
    assert other.content_hash != first.document.content_hash  # not the same text to the byte
    assert same_document(lib, other) == first.document.id

    skipped = import_file(lib, docx)
    assert skipped.same_as == first.document.id and skipped.same_action == "skipped"
    assert lib.counts()["documents"] == 1

    kept = import_file(lib, docx, same=Same.KEEP)
    assert kept.same_action == "kept both" and lib.counts()["documents"] == 2
    # Results never list the same text of the same document twice.
    labels = [(h.document_id, h.label) for h in lib.search("deprivation of liberty")]
    assert sorted(labels) == [(1, "5(h)"), (1, "5(r)"), (1, "7(e)")]
    assert {d for d, _, _ in lib.all_segments()} == {1}


def test_replace_keeps_the_id(tmp_path, corpus_path, corpus_doc):
    lib = Library(tmp_path / "lib.sqlite")
    first = import_file(lib, corpus_path)
    replaced = import_file(lib, _word_copy(corpus_doc, tmp_path), same=Same.REPLACE)
    assert replaced.same_action == "replaced" and replaced.document.id == first.document.id
    assert lib.counts()["documents"] == 1
    assert lib.get_document(1).source_file.endswith("mali-2020.docx")


def test_another_document_is_not_the_same(tmp_path, corpus_path, corpus_doc):
    lib = Library(tmp_path / "lib.sqlite")
    import_file(lib, corpus_path)
    edited = corpus_doc.with_segments(tuple(
        s.with_text(s.text.replace("Mali", "Chad").replace("children", "girls")) for s in corpus_doc.segments))
    assert same_document(lib, edited) is None


def test_cli_says_what_it_did_with_the_same_document(db, tmp_path, corpus_doc, capsys):
    docx = _word_copy(corpus_doc, tmp_path)
    capsys.readouterr()
    assert main(["--db", db, "import", str(docx)]) == 0
    out = capsys.readouterr().out
    assert "the same document as 1 (Mali 2020-11-20)" in out and "skipped" in out
    assert main(["--db", db, "import", str(docx), "--same", "keep"]) == 0
    assert "another copy of document 1" in capsys.readouterr().out


@pytest.mark.soffice
def test_the_pdf_of_a_stored_word_file_is_the_same_document(tmp_path, corpus_doc):
    import subprocess

    from app.services.library import import_file as imp

    lib = Library(tmp_path / "lib.sqlite")
    docx = _word_copy(corpus_doc, tmp_path)
    first = imp(lib, docx)
    assert first.ok, first.error
    profile = tmp_path / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(docx)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "mali-2020.pdf"
    result = imp(lib, pdf)
    # Read back word for word it is a plain duplicate; with any extraction difference, the
    # same document: either way recognised, and not stored twice.
    assert first.document.id in (result.same_as, result.duplicate_of), result
    assert lib.counts()["documents"] == 1
