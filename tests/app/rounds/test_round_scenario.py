"""A whole round on the corpus: four returns compiled, decided and exported.

uk.docx has tracked changes by two authors of the United Kingdom (mapped in the author
table); fr.docx changes the same words of 5(c) as the UK; de.docx, given to Germany, has a
comment, a deleted subparagraph and a new one; no.docx is Norway's clean retyped text.
"""

from __future__ import annotations

import re
import zipfile

import pytest
from returnkit import NEW_TEXT, REF, run_soffice

from app.drafts import renumber
from app.export.ooxml_reader import revisions
from app.model import Kind, Segment
from app.rounds.decide import CompetingAccepted
from app.services import rounds as svc


def _add_all(lib, returned):
    added = svc.add_returns(lib, REF, [returned["uk"], returned["fr"]])
    added += svc.add_returns(lib, REF, [returned["de"]], delegation="Germany")
    added += svc.add_returns(lib, REF, [returned["no"]], delegation="Norway")
    assert [a.error for a in added] == ["", "", "", ""]
    return svc.compilation(lib, REF)


def _by_summary(c):
    return {e.summary: e for e in c.entries()}


def test_every_proposal_is_attributed_to_its_delegation(round_lib, returned):
    c = _add_all(round_lib, returned)
    got = {s: (e.delegation, e.proposal.author) for s, e in _by_summary(c).items()}
    assert got == {
        "in 5(c), insert ', the COVID-19 pandemic' after 'insecurity'": ("United Kingdom", "J. Smith"),
        "in 5(b), replace 'further implement' with 'fully implement'": ("United Kingdom", "A. Jones"),
        "in 5(c), replace 'insecurity and access restrictions' with 'the security situation'":
            ("France", "M. Dupont"),
        "delete 5(f)": ("Germany", "K. Weber"),
        f"new paragraph after 5(e): '{NEW_TEXT}'": ("Germany", "L. Braun"),
        "in 5(h), replace 'grave' with 'serious'": ("Norway", ""),
        "in 5(k), replace 'Strongly condemning' with 'Condemning'": ("Norway", ""),
    }
    tracked = {e.summary: e.proposal.date for e in c.entries() if e.proposal.tracked}
    assert set(tracked.values()) == {"2024-03-01T10:00:00Z"}  # every revision keeps its date
    assert c.delegations == ("United Kingdom", "France", "Germany", "Norway")


def test_competing_proposals_on_the_same_words_are_marked(round_lib, returned):
    c = _add_all(round_lib, returned)
    by = _by_summary(c)
    uk = by["in 5(c), insert ', the COVID-19 pandemic' after 'insecurity'"]
    fr = by["in 5(c), replace 'insecurity and access restrictions' with 'the security situation'"]
    assert uk.competing == (fr.key,) and fr.competing == (uk.key,)
    assert [e.key for e in c.entries() if e.competing] == [uk.key, fr.key]
    only = c.filtered(competing_only=True)
    assert [p.segment.label for p in only.places] == ["5(c)"]
    assert list(only.places[0].by_delegation()) == ["United Kingdom", "France"]


def test_the_comment_stays_beside_the_words_it_anchors(round_lib, returned, version):
    c = _add_all(round_lib, returned)
    (place,) = [p for p in c.places if p.remarks]
    (remark,) = place.remarks
    assert place.segment.label == "5(d)"
    assert (remark.delegation, remark.comment.author) == ("Germany", "K. Weber")
    assert remark.comment.text == "Would 'promptly' be enough?"
    assert remark.comment.quote == "without undue delay"
    assert version[place.index].text[remark.comment.start:remark.comment.end] == "without undue delay"


def test_new_paragraph_stands_in_place(round_lib, returned):
    c = _add_all(round_lib, returned)
    (place,) = [p for p in c.places if p.new_after]
    assert place.segment.label == "5(e)"
    assert place.new_after[0].proposal.new_kind is Kind.SUBPARAGRAPH


def test_accepting_a_set_of_proposals_gives_the_next_version(round_lib, returned, version):
    c = _add_all(round_lib, returned)
    by = _by_summary(c)
    take = ["in 5(c), insert ', the COVID-19 pandemic' after 'insecurity'",
            "in 5(b), replace 'further implement' with 'fully implement'",
            "delete 5(f)", f"new paragraph after 5(e): '{NEW_TEXT}'",
            "in 5(h), replace 'grave' with 'serious'"]
    for summary in take:
        svc.accept(round_lib, REF, by[summary].key)
    svc.reject(round_lib, REF, by["in 5(k), replace 'Strongly condemning' with 'Condemning'"].key)
    expected = []
    for s in version:
        if s.label == "5(f)":
            continue
        text = s.text
        if s.label == "5(c)":
            text = text.replace("insecurity and", "insecurity, the COVID-19 pandemic and")
        elif s.label == "5(b)":
            text = text.replace("further implement", "fully implement")
        elif s.label == "5(h)":
            text = text.replace("grave concern", "serious concern", 1)
        expected.append(s.with_text(text))
        if s.label == "5(e)":
            expected.append(Segment(Kind.SUBPARAGRAPH, NEW_TEXT))
    head = round_lib.get_draft(1).head
    assert head == renumber(expected)
    assert next(s for s in head if s.text == NEW_TEXT).label == "5(f)"  # labels recomputed
    state = svc.state(round_lib, REF)
    statuses = [state.status(e.key).value for e in c.entries()]
    assert statuses.count("accepted") == 5 and statuses.count("rejected") == 1 and statuses.count("pending") == 1


def test_accepting_two_competing_proposals_asks_which_wins(round_lib, returned, version):
    c = _add_all(round_lib, returned)
    by = _by_summary(c)
    uk = by["in 5(c), insert ', the COVID-19 pandemic' after 'insecurity'"].key
    fr = by["in 5(c), replace 'insecurity and access restrictions' with 'the security situation'"].key
    svc.accept(round_lib, REF, uk)
    before = round_lib.get_draft(1).head
    with pytest.raises(CompetingAccepted) as e:
        svc.accept(round_lib, REF, fr)
    assert e.value.rivals == (uk,)
    assert round_lib.get_draft(1).head == before  # nothing changed
    step = svc.accept(round_lib, REF, fr, wins=fr)
    state = svc.state(round_lib, REF)
    assert (state.status(uk).value, state.status(fr).value) == ("rejected", "accepted")
    c5 = next(s for s in round_lib.get_draft(1).head if s.label == "5(c)")
    assert c5.text.startswith("Noting with concern that the security situation to conflict-affected areas")
    svc.undo(round_lib, REF, step)  # one step back: the UK's text again
    c5 = next(s for s in round_lib.get_draft(1).head if s.label == "5(c)")
    assert "insecurity, the COVID-19 pandemic and access" in c5.text


def test_exported_compilation_has_every_revision_by_its_delegation(round_lib, returned, tmp_path):
    c = _add_all(round_lib, returned)
    out = svc.export_docx(round_lib, REF, tmp_path / "compilation.docx")
    revs = revisions(out)
    assert {r.author for r in revs} == {"United Kingdom", "France", "Germany", "Norway"}
    inserted = {(r.author, r.text) for r in revs if r.kind == "ins" and r.text}
    deleted = {(r.author, r.text) for r in revs if r.kind == "del" and r.text}
    for e in c.entries():
        p = e.proposal
        if p.text:
            assert (e.delegation, p.text) in inserted, e.summary
        if p.kind.value == "edit" and p.end > p.start:
            assert (e.delegation, c.places[p.index].segment.text[p.start:p.end]) in deleted, e.summary
    with zipfile.ZipFile(out) as z:
        comments = z.read("word/comments.xml").decode()
    assert 'w:author="Germany"' in comments and "(K. Weber) Would" in comments
    (original,) = [r.comment for p in c.places for r in p.remarks]
    assert f'w:date="{original.date}"' in comments


@pytest.mark.soffice
def test_libreoffice_reads_every_revision_with_its_delegation(round_lib, returned, tmp_path):
    _add_all(round_lib, returned)
    out = svc.export_docx(round_lib, REF, tmp_path / "compilation.docx")
    run_soffice(["--convert-to", "fodt", "--outdir", str(tmp_path), str(out)],
                tmp_path / "profile", tmp_path)
    flat = (tmp_path / "compilation.fodt").read_text(encoding="utf-8")
    changes = {}  # LibreOffice's change id -> (creator, insertion or deletion)
    for m in re.finditer(r'<text:changed-region[^>]*text:id="([^"]+)"[^>]*>\s*<text:(insertion|deletion)>'
                         r".*?<dc:creator>(.*?)</dc:creator>", flat, re.S):
        changes[m.group(1)] = (m.group(3), m.group(2))
    assert {creator for creator, _ in changes.values()} == {"United Kingdom", "France", "Germany", "Norway"}
    marked: dict[tuple[str, str], list[str]] = {}
    for m in re.finditer(r'<text:change-start text:change-id="([^"]+)"/>(.*?)<text:change-end text:change-id="\1"/>',
                         flat, re.S):
        text = " ".join(re.sub(r"<[^>]+>", " ", m.group(2)).split())
        marked.setdefault(changes[m.group(1)], []).append(text)
    assert "further implement" in marked["United Kingdom", "deletion"]
    assert ", the COVID-19 pandemic" in marked["United Kingdom", "insertion"]
    assert "insecurity and access restrictions" in marked["France", "deletion"]
    assert {"grave", "Strongly condemning"} <= set(marked["Norway", "deletion"])
    assert any(t.startswith("(f) Underscoring that child protection") for t in marked["Germany", "deletion"])
    assert any(NEW_TEXT in t for t in marked["Germany", "insertion"])
    annotations = re.findall(r"<office:annotation\b.*?</office:annotation>", flat, re.S)
    assert len(annotations) == 1 and "Germany" in annotations[0]


def test_table_export_sets_proposals_beside_the_version_text(round_lib, returned, tmp_path):
    _add_all(round_lib, returned)
    out = svc.export_docx(round_lib, REF, tmp_path / "table.docx", table=True)
    import docx

    table = docx.Document(str(out)).tables[0]
    rows = {r.cells[0].text: r.cells for r in table.rows}
    assert rows["5(c)"][1].text.startswith("Noting with concern that insecurity")
    proposals = rows["5(c)"][2].text
    assert "United Kingdom" in proposals and "France" in proposals and "competes with" in proposals
    assert "Germany" in rows["5(d)"][2].text and "without undue delay" in rows["5(d)"][2].text


@pytest.mark.parametrize("table", [False, True], ids=["tracked", "table"])
def test_exported_files_pass_the_ooxml_validator(round_lib, returned, tmp_path, table):
    audit = pytest.importorskip("openxml_audit")
    _add_all(round_lib, returned)
    out = svc.export_docx(round_lib, REF, tmp_path / "out.docx", table=table)
    result = audit.OpenXmlValidator(max_errors=20).validate(str(out))
    assert [str(e) for e in result.errors] == [] and result.is_valid
