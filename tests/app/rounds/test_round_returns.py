"""Reading returned files against the version: tracked changes, clean texts, refusals."""

from __future__ import annotations

import zipfile

import docx
import pytest
from returnkit import Edits, circulated, write_clean, write_return

from app.errors import ImportRefused
from app.rounds.model import ProposalKind
from app.rounds.returns import NotAReturn, read_return


def _one(ret):
    assert len(ret.proposals) == 1, ret.proposals
    return ret.proposals[0]


def test_tracked_insertion_keeps_author_date_and_place(tmp_path, version):
    f = write_return(tmp_path / "r.docx", version, Edits().insert("5(c)", "insecurity", ", the pandemic", "J. Smith"))
    ret = read_return(f, version)
    p = _one(ret)
    seg = next(i for i, s in enumerate(version) if s.label == "5(c)")
    assert (p.kind, p.index, p.author, p.date, p.text) == (ProposalKind.EDIT, seg, "J. Smith",
                                                           "2024-03-01T10:00:00Z", ", the pandemic")
    assert version[seg].text[:p.start].endswith("insecurity") and p.start == p.end
    assert ret.kind == "tracked"


def test_a_change_inside_a_word_is_read_as_the_whole_word(tmp_path, version):
    f = write_return(tmp_path / "r.docx", version, Edits().replace("5(c)", "insecurity", "insecurities", "J. Smith"))
    text = version[10].text
    d = docx.Document(str(f))
    assert d  # a Word file
    p = _one(read_return(f, version))
    assert (text[p.start:p.end], p.text) == ("insecurity", "insecurities")


def test_the_new_paragraphs_own_mark_inserted_reads_the_same(tmp_path, version):
    """Word marks the mark of the paragraph before a new one; other writers mark the new
    paragraph's own mark. Both are one new subparagraph after 5(e)."""
    f = write_return(tmp_path / "r.docx", version, Edits().new("5(e)", "New text;", "A"))
    d = docx.Document(str(f))
    ps = d.element.body.findall(".//{*}p")
    k = next(i for i, p in enumerate(ps) if "New text;" in "".join(t.text or "" for t in p.iter("{*}t")))
    prev_mark = ps[k - 1].find("{*}pPr/{*}rPr/{*}ins")
    ps[k - 1].find("{*}pPr/{*}rPr").remove(prev_mark)
    rpr = ps[k].find("{*}pPr")
    from docx.oxml import OxmlElement

    mark_rpr = OxmlElement("w:rPr")
    mark_rpr.append(prev_mark)
    rpr.append(mark_rpr)
    d.save(str(tmp_path / "own.docx"))
    for path in (f, tmp_path / "own.docx"):
        p = _one(read_return(path, version))
        assert (p.kind, version[p.index].label, p.text) == (ProposalKind.INSERT, "5(e)", "New text;")


def test_deleted_subparagraph_is_one_proposal(tmp_path, version):
    f = write_return(tmp_path / "r.docx", version, Edits().delete("5(f)", "K. Weber"))
    p = _one(read_return(f, version))
    assert (p.kind, version[p.index].label, p.author) == (ProposalKind.DELETE, "5(f)", "K. Weber")


def test_clean_text_file_differences_are_the_delegations(tmp_path, version, corpus_path):
    text = corpus_path.read_text(encoding="utf-8").replace("grave concern at the deprivation",
                                                           "serious concern at the deprivation")
    f = tmp_path / "retyped.txt"
    f.write_text(text, encoding="utf-8")
    ret = read_return(f, version, delegation="Norway")
    p = _one(ret)
    assert (ret.kind, ret.delegation, p.tracked) == ("clean", "Norway", False)
    assert (version[p.index].label, version[p.index].text[p.start:p.end], p.text) == ("5(h)", "grave", "serious")


def test_a_clean_file_needs_its_delegation(tmp_path, version):
    f = write_clean(tmp_path / "c.docx", version, [("5(h)", "grave", "serious")])
    with pytest.raises(ImportRefused, match="give its delegation"):
        read_return(f, version)


def test_another_document_is_refused_with_the_reason(tmp_path, version):
    other = tuple(s.with_text(f"Entirely different text number {i} about another situation.")
                  for i, s in enumerate(version))
    f = tmp_path / "other.docx"
    circulated(other).save(str(f))
    with pytest.raises(NotAReturn, match=r"other.docx: not a return of v1: only \d+% of its text"):
        read_return(f, version, delegation="Chad", version_name="v1")


@pytest.mark.parametrize("content, reason", [
    (b"", "the file is empty"),
    (b"PK\x03\x04garbage", "damaged or truncated Word file"),
    (b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "PNG"),
], ids=["empty", "broken zip", "image"])
def test_hostile_files_are_refused_in_one_line(tmp_path, version, content, reason):
    f = tmp_path / "bad.docx"
    f.write_bytes(content)
    with pytest.raises(ImportRefused, match=reason) as e:
        read_return(f, version, delegation="X")
    assert "\n" not in str(e.value) and str(e.value).startswith("bad.docx: ")


def test_a_zip_that_is_not_word_is_refused(tmp_path, version):
    f = tmp_path / "sheet.docx"
    with zipfile.ZipFile(f, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(ImportRefused, match="not a Word document"):
        read_return(f, version, delegation="X")


def test_comment_on_inserted_words_quotes_them(tmp_path, version):
    f = write_return(tmp_path / "r.docx", version, Edits()
                     .comment("5(a)", "Strongly condemning", "Keep 'strongly'", "A. Jones"))
    ret = read_return(f, version, delegation="United Kingdom")
    (c,) = ret.comments
    assert (version[c.index].label, c.quote, c.text, c.author, c.initials) == (
        "5(a)", "Strongly condemning", "Keep 'strongly'", "A. Jones", "AJ")
    assert ret.proposals == ()


def test_typed_labels_are_not_part_of_the_text(tmp_path, version):
    """A file whose labels are typed ("(c)", a tab) reads the same as one numbered by Word."""
    edits = (Edits().insert("5(c)", "insecurity", ", the pandemic", "J. Smith").delete("5(f)", "K. Weber")
             .new("5(e)", "New text;", "A"))
    typed = read_return(write_return(tmp_path / "typed.docx", version, edits, numbering="typed"), version)
    auto = read_return(write_return(tmp_path / "auto.docx", version, edits), version)
    assert [p.to_json() for p in typed.proposals] == [p.to_json() for p in auto.proposals]
    assert [p.kind for p in typed.proposals] == [ProposalKind.EDIT, ProposalKind.INSERT, ProposalKind.DELETE]


def test_untracked_differences_in_a_tracked_file_are_its_delegations(tmp_path, version):
    """Tracking was off for one word: that change is the file's too, and the tracked ones
    still land on the version's words."""
    f = write_return(tmp_path / "r.docx", version, Edits().insert("5(c)", "insecurity", ", the pandemic", "J. Smith"))
    d = docx.Document(str(f))
    for t in d.element.body.iter("{*}t"):
        if t.text and t.text.startswith("Noting with concern that "):
            t.text = t.text.replace("Noting with concern", "Noting with grave concern")
    d.save(str(f))
    ret = read_return(f, version, delegation="United Kingdom")
    text = next(s.text for s in version if s.label == "5(c)")
    got = sorted((p.tracked, text[p.start:p.end], p.text) for p in ret.proposals)
    assert got == [(False, "", "grave "), (True, "", ", the pandemic")]
    tracked = next(p for p in ret.proposals if p.tracked)
    assert text[:tracked.start].endswith("that insecurity")


@pytest.mark.soffice
def test_a_return_saved_again_by_libreoffice_reads_the_same(tmp_path, version):
    """LibreOffice writes tracked changes, comments and numbering its own way (run splits,
    its paragraph-mark revisions, its comment ranges): the proposals do not change."""
    from returnkit import run_soffice

    edits = (Edits().insert("5(c)", "insecurity", ", the COVID-19 pandemic", "J. Smith")
             .replace("5(b)", "further implement", "fully implement", "A. Jones")
             .comment("5(d)", "without undue delay", "Why?", "A. Jones")
             .delete("5(f)", "J. Smith").new("5(e)", "New text;", "A. Jones"))
    ours = write_return(tmp_path / "uk.docx", version, edits)
    run_soffice(["--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "lo"), str(ours)],
                tmp_path / "profile", tmp_path)
    a, b = read_return(ours, version), read_return(tmp_path / "lo" / "uk.docx", version)
    assert [p.to_json() for p in b.proposals] == [p.to_json() for p in a.proposals]
    assert [(c.index, c.quote, c.author, c.text) for c in b.comments] == \
        [(c.index, c.quote, c.author, c.text) for c in a.comments]
    assert len(a.proposals) == 4
