"""The Qt models the drafting UI adds or changes pass Qt's model tester and show real drafts."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.drafts import Replacement
from app.services import drafts as svc
from ui.drafting.replace_models import ReplacementHitsModel, ReplacementModel, default_pairs
from ui.models.draft_list_model import DraftListModel
from ui.models.library_model import LibraryFilterModel, LibraryModel
from ui.models.roles import Role


def _two_drafts(lib):
    burkina = svc.new_draft(lib, "Burkina Faso draft", "1", [Replacement("Mali", "Burkina Faso")],
                            situation="Burkina Faso")
    svc.save_version(lib, burkina.id, "zero draft")
    blank = svc.new_draft(lib, "Chad draft", situation="Chad")
    return burkina, blank


def test_draft_list_model(qtmodeltester, corpus_library):
    burkina, blank = _two_drafts(corpus_library)
    model = DraftListModel(svc.list_drafts(corpus_library))
    qtmodeltester.check(model)
    rows = {model.index(r, 0).data(Role.DRAFT_ID): r for r in range(model.rowCount())}
    assert set(rows) == {burkina.id, blank.id}
    r = rows[burkina.id]
    assert [model.index(r, c).data() for c in range(3)] == ["Burkina Faso draft", "Burkina Faso", "1 (zero draft)"]
    assert model.index(rows[blank.id], 2).data() == "none"
    assert len(model.index(r, 3).data()) == len("2026-01-01 12:00")


def test_library_model_lists_drafts_below_documents(qtmodeltester, corpus_library):
    assert LibraryModel(corpus_library).rowCount() == 1  # no drafts: no group
    burkina, blank = _two_drafts(corpus_library)
    model = LibraryModel(corpus_library)
    model.fetchMore(model.index(0, 0))
    qtmodeltester.check(model)
    group = model.drafts_group()
    assert group.row() == 1 and group.data() == "Drafts (2)" and group.data(Role.KIND) == "drafts"
    ids = [model.index(r, 0, group).data(Role.DRAFT_ID) for r in range(model.rowCount(group))]
    assert sorted(ids) == sorted([burkina.id, blank.id])
    first = model.index(ids.index(burkina.id), 0, group)
    assert first.data() == "Burkina Faso — Burkina Faso draft" and first.data(Role.DOC_ID) is None
    assert model.index(first.row(), 3, group).data() == "1 version"
    assert "zero draft" in first.data(Qt.ItemDataRole.ToolTipRole)

    proxy = LibraryFilterModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_filter("chad")
    assert proxy.rowCount() == 1
    group = proxy.index(0, 0)
    assert proxy.rowCount(group) == 1 and proxy.index(0, 0, group).data(Role.DRAFT_ID) == blank.id
    proxy.set_filter("mali")
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["Mali"]


def test_replacement_models(qtmodeltester, corpus_library):
    pairs = ReplacementModel()
    pairs.set_pairs(default_pairs("Mali", "Burkina Faso"))
    qtmodeltester.check(pairs)
    assert pairs.replacements() == [Replacement("Mali", "Burkina Faso"), Replacement("Malian", "Burkinabe")]
    row = pairs.add_pair()
    assert pairs.setData(pairs.index(row, 0), " Bamako ") and pairs.setData(pairs.index(row, 1), "Ouagadougou")
    assert pairs.replacements()[-1] == Replacement("Bamako", "Ouagadougou")
    pairs.add_pair()  # an empty pair is not a replacement
    assert len(pairs.replacements()) == 3
    pairs.remove_pair(0)
    assert [r.old for r in pairs.replacements()] == ["Malian", "Bamako"]
    qtmodeltester.check(pairs)

    source = svc.draft_source(corpus_library, "1:5(n)..5(v)", pairs.replacements())
    hits = ReplacementHitsModel()
    hits.set_hits(source.hits)
    qtmodeltester.check(hits)
    assert hits.rowCount() == len(source.hits) > 0
    assert {hits.index(r, 1).data() for r in range(hits.rowCount())} <= {"Malian → Burkinabe", "Bamako → Ouagadougou"}
    # A range is renumbered as a draft of its own: 5(n)..5(v) become 1, 1(a)..1(h).
    assert [hits.index(r, 0).data() for r in range(hits.rowCount())] == [h.label for h in source.hits]
    assert all(h.label.startswith("1(") for h in source.hits)


def test_default_pairs():
    assert default_pairs("Mali", "Burkina Faso") == [("Mali", "Burkina Faso"), ("Malian", "Burkinabe")]
    assert default_pairs("Mali", "Atlantis") == [("Mali", "Atlantis")]  # no adjective known
    assert default_pairs("Mali", "mali") == [] and default_pairs("", "Chad") == []


def test_context_html_marks_the_change_and_escapes_the_rest():
    from ui.drafting.new_draft_dialog import context_html

    got = context_html("…the <Government> of [Mali -> Burkina Faso], whose [strongly] …")
    assert "&lt;Government&gt;" in got and "[strongly]" in got
    assert 'line-through">Mali</span> <b style="color:#00701a">Burkina Faso</b>,' in got
