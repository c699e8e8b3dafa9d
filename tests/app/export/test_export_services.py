"""The export use cases and the `concord export` command."""

from __future__ import annotations

from dataclasses import replace

import docx
import pytest
from exportkit import lines

from app.cli import main
from app.errors import ExportError
from app.export import ooxml_reader as reader
from app.model import Passage
from app.services import export as svc


def test_export_passage_docx(corpus_doc, tmp_path):
    passage = Passage(corpus_doc, corpus_doc.segments, "1")
    out = svc.export_passage_docx(passage, tmp_path / "m.docx")
    assert out == tmp_path / "m.docx"
    assert reader.paragraphs(out) == lines(corpus_doc.segments)
    assert [p.text for p in docx.Document(str(out)).paragraphs][1] == corpus_doc.segments[1].text
    typed = svc.export_passage_docx(passage, tmp_path / "t.docx", numbering="typed")
    assert [p.text for p in docx.Document(str(typed)).paragraphs] == lines(corpus_doc.segments)


def test_export_redline_docx_with_typed_labels(corpus_comparison, tmp_path):
    auto = reader.revisions(svc.export_redline_docx(corpus_comparison, tmp_path / "a.docx"))
    typed = reader.revisions(svc.export_redline_docx(corpus_comparison, tmp_path / "t.docx",
                                                     numbering="typed"))
    relettered = [(r.kind, r.text) for r in typed if r.text in ("(b)", "(c)", "(d)")]
    assert ("ins", "(b)") in relettered  # 5(m) moved up to become 5(b): typed, its letter is a change
    assert not [r for r in auto if r.text in ("(b)", "(c)", "(d)")]


def test_export_redline_docx_default_author_is_the_os_user(corpus_comparison, tmp_path, monkeypatch):
    monkeypatch.setattr(svc.getpass, "getuser", lambda: "jdoe")
    out = svc.export_redline_docx(corpus_comparison, tmp_path / "r.docx")
    assert {r.author for r in reader.revisions(out)} == {"jdoe"}
    out = svc.export_redline_docx(corpus_comparison, tmp_path / "r2.docx", author="Chair's office")
    assert {r.author for r in reader.revisions(out)} == {"Chair's office"}


def test_author_falls_back_when_the_os_has_no_user_name(monkeypatch):
    def no_user():
        raise KeyError("getpwuid(): uid not found")

    monkeypatch.setattr(svc.getpass, "getuser", no_user)
    assert svc.default_author() == "Concord"


def test_export_report_docx(corpus_comparison, tmp_path):
    out = svc.export_report_docx(corpus_comparison, tmp_path / "report.docx")
    assert docx.Document(str(out)).paragraphs[0].text == "Comparison report"


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda c, p: svc.export_redline_docx(c, p / "r.docx", mode="colour"), "unknown redline mode"),
        (lambda c, p: svc.export_report_docx(c, p / "report.pdf"), "must end in .docx"),
        (lambda c, p: svc.export_redline_docx(c, p / "r.docx", numbering="typd"), "unknown numbering"),
    ],
)
def test_bad_requests_are_refused_before_writing(corpus_comparison, tmp_path, call, message):
    with pytest.raises(ExportError, match=message):
        call(corpus_comparison, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_cli_export_whole_document_and_range(corpus_library, tmp_path, capsys):
    db = corpus_library.path
    out = tmp_path / "range.docx"
    assert main(["--db", db, "export", "1:5(n)..5(v)", "--docx", str(out)]) == 0
    printed = capsys.readouterr().out
    assert str(out) in printed and "5(n)..5(v)" in printed
    texts = reader.paragraphs(out)
    assert texts[1] == "Paragraphs 5(n) to 5(v)" and texts[2].startswith("(n)\t")
    assert not docx.Document(str(out)).paragraphs[2].text.startswith("(n)")  # a Word number


def test_cli_export_typed_labels(corpus_library, tmp_path):
    out = tmp_path / "typed.docx"
    assert main(["--db", str(corpus_library.path), "export", "1:5(n)..5(v)", "--docx", str(out),
                 "--typed-labels"]) == 0
    assert docx.Document(str(out)).paragraphs[2].text.startswith("(n)\tStressing")


@pytest.mark.parametrize("flags, letter_revised", [([], False), (["--typed-labels"], True)])
def test_cli_compare_redline_numbering(corpus_library, corpus_redraft, tmp_path, flags,
                                       letter_revised):
    """The corpus against its redraft: 5(m) moved up after 5(a), so 5(b) reads (c) once accepted."""
    corpus_library.add_document(replace(corpus_redraft, symbol="S/AC.51/2020/11/Rev.1"))
    out = tmp_path / "r.docx"
    assert main(["--db", str(corpus_library.path), "compare", "1", "2", "--docx", str(out), *flags]) == 0
    accepted, rejected = reader.paragraphs(out, "accept"), reader.paragraphs(out, "reject")
    assert any(t.startswith("(c)\tCalling upon the parties") for t in accepted)
    assert any(t.startswith("(b)\tCalling upon the parties") for t in rejected)
    texts = [r.text for r in reader.revisions(out)]
    assert ("(c)" in texts) is letter_revised


def test_cli_export_refuses_an_open_file(corpus_library, tmp_path, capsys):
    out = tmp_path / "mali.docx"
    out.write_bytes(b"")
    (tmp_path / ".~lock.mali.docx#").write_text("someone")
    assert main(["--db", str(corpus_library.path), "export", "1", "--docx", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("concord: ") and "open in a word processor" in err
    assert out.read_bytes() == b""


def test_cli_export_unknown_label(corpus_library, tmp_path, capsys):
    assert main(["--db", str(corpus_library.path), "export", "1:99", "--docx", str(tmp_path / "x.docx")]) == 1
    assert "no paragraph labelled '99'" in capsys.readouterr().err
