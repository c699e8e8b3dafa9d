import re

import pytest

from app.drafts import Replacement
from app.errors import BadReference, ConcordError, NotFound
from app.services import drafts as svc
from app.services.library import resolve_ref

MALI = [Replacement("Mali", "Burkina Faso"), Replacement("Malian", "Burkinabe")]


def test_new_from_document_with_replacements(corpus_library):
    source = svc.draft_source(corpus_library, "1", MALI)
    assert source.situation == "Burkina Faso" and len(source.hits) > 50
    draft = svc.new_draft(corpus_library, "Burkina Faso 2024", "1", MALI)
    assert draft.situation == "Burkina Faso"
    # "Mali" is left only where the replace step held it (Mali's symbols, dates, mission...),
    # and every one of those places, like every replaced one, is marked for review.
    marks = corpus_library.review_marks(draft.id)
    held = {(m.index, m.start) for m in marks if m.kind == "held"}
    left = {(i, m.start()) for i, s in enumerate(draft.head) for m in re.finditer(r"\bMalia?n?\b", s.text)}
    assert left and left == held
    replaced = [m for m in marks if m.kind == "replaced"]
    assert all(draft.head[m.index].text[m.start:m.end] in {"Burkina Faso", "Burkinabe"} for m in replaced)
    assert len(replaced) + len(held) == len(source.hits)
    assert draft.versions == ()


def test_new_from_range_and_from_draft_version(corpus_library):
    draft = svc.new_draft(corpus_library, "Letter", "1:7..7(c)")
    assert [s.label for s in draft.head] == ["1", "1(a)", "1(b)", "1(c)"]
    svc.save_version(corpus_library, draft.id, "zero draft")
    copy = svc.new_draft(corpus_library, "Copy", f"draft:{draft.id}@1")
    assert copy.head == draft.head


def test_new_from_skeleton_fills_situation(corpus_library):
    draft = svc.new_draft(corpus_library, "Sudan", situation="the Sudan")
    assert draft.head[0].text == "Conclusions on children and armed conflict in the Sudan"
    with pytest.raises(ConcordError, match="title"):
        svc.new_draft(corpus_library, "  ")


def test_draft_refs(corpus_library):
    draft = svc.new_draft(corpus_library, "Mali next", "1")
    svc.save_version(corpus_library, draft.id, "rev.1")
    passage = resolve_ref(corpus_library, f"draft:{draft.id}@1:5(n)..5(p)")
    assert passage.document.id is None and passage.title == "Mali next (rev.1)"
    assert [s.label for s in passage.segments] == ["5(n)", "5(o)", "5(p)"]
    assert resolve_ref(corpus_library, f"draft:{draft.id}@rev.1").segments == draft.head
    assert resolve_ref(corpus_library, f"draft:{draft.id}").title == "Mali next (working copy)"
    with pytest.raises(NotFound, match="no version 7"):
        resolve_ref(corpus_library, f"draft:{draft.id}@7")
    with pytest.raises(BadReference):
        resolve_ref(corpus_library, "draft:x")
    with pytest.raises(NotFound):
        resolve_ref(corpus_library, "draft:99")


def test_import_as_new_draft_and_as_version(corpus_library, corpus_path, tmp_path):
    draft, number = svc.import_draft(corpus_library, corpus_path)
    assert number == 1 and draft.versions[0].name == corpus_path.name and draft.situation == "Mali"
    returned = tmp_path / "returned.txt"
    returned.write_text(corpus_path.read_text(encoding="utf-8").replace("Strongly condemning", "[Strongly] condemning"),
                        encoding="utf-8")
    draft, number = svc.import_draft(corpus_library, returned, into=draft.id)
    assert number == 2 and draft.head[draft.head.index(next(s for s in draft.head if s.label == "5(a)"))].text.startswith("[Strongly]")
    assert svc.draft_document(corpus_library, draft.id, 1).segment("5(a)").text.startswith("Strongly")


def test_history_compares_each_version_with_the_previous(corpus_library):
    from app.drafts import edit_text

    draft = svc.new_draft(corpus_library, "Mali next", "1")
    svc.save_version(corpus_library, draft.id, "zero draft")
    i = [s.label for s in draft.head].index("5(a)")
    text = draft.head[i].text.replace("Strongly condemning", "[Strongly] condemning")
    svc.autosave(corpus_library, draft.id, edit_text(draft.head, i, text))
    svc.save_version(corpus_library, draft.id, "rev.1")
    svc.save_version(corpus_library, draft.id, "rev.2")
    first, second = svc.history(corpus_library, draft.id)
    assert first.summary()["modified"] == 1 and second.summary()["modified"] == 0
    assert [r.right.label for r in first.rows if r.op.value == "modified"] == ["5(a)"]


def test_export_draft_as_conclusions_and_as_redline(corpus_library, tmp_path):
    from app.drafts import edit_text
    from app.export.ooxml_reader import labelled, read_parts

    def texts(path, view):
        return [f"{label} {text}" for label, text in labelled(read_parts(path), view)]

    draft = svc.new_draft(corpus_library, "Mali next", "1")
    svc.save_version(corpus_library, draft.id, "zero draft")
    i = [s.label for s in draft.head].index("5(a)")
    text = draft.head[i].text.replace("Strongly condemning", "Condemning in the strongest terms")
    svc.autosave(corpus_library, draft.id, edit_text(draft.head, i, text))

    plain = svc.export_draft(corpus_library, draft.id, tmp_path / "draft.docx")
    assert "(a) Condemning in the strongest terms all violations" in " ".join(texts(plain, "accept"))

    red = svc.export_draft(corpus_library, draft.id, tmp_path / "red.docx", against=f"draft:{draft.id}@1",
                           author="Drafter")
    assert "(a) Condemning in the strongest terms" in " ".join(texts(red, "accept"))
    assert "(a) Strongly condemning" in " ".join(texts(red, "reject"))
    assert "Strongly condemning all violations and abuses committed against children by" not in " ".join(
        texts(red, "accept"))
