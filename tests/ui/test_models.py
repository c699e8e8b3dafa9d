"""Every Qt model passes Qt's model tester and presents the core values faithfully."""

from __future__ import annotations

from app.model import ImportResult
from app.services.compare import compare_passages, parallels
from app.services.library import passage_of, search
from ui.models.comparison_model import ComparisonModel
from ui.models.document_model import DocumentModel, find_spans
from ui.models.import_model import ImportResultsModel
from ui.models.library_model import LibraryFilterModel, LibraryModel
from ui.models.parallels_model import ParallelsModel
from ui.models.roles import Role
from ui.models.search_model import SearchResultsModel
from ui.models.similar_model import SimilarModel, SimilarRow


def _children(model, parent):
    return [model.index(r, 0, parent) for r in range(model.rowCount(parent))]


def _find(model, parent, text):
    for i in _children(model, parent):
        if i.data() == text or (i.data() or "").startswith(text):
            return i
    raise AssertionError(f"{text!r} not under {parent.data()!r}")


def test_library_model_outline_follows_the_document(qtmodeltester, corpus_library):
    model = LibraryModel(corpus_library)
    doc = model.index(0, 0)
    assert doc.data() == "Mali" and model.index(0, 1).data() == "2020-11-20"
    assert model.hasChildren(doc) and model.rowCount(doc) == 0  # read on expansion only
    model.fetchMore(doc)
    qtmodeltester.check(model)
    statement = _find(model, doc, "Public statement by the Chair")
    five = _find(model, statement, "5  ")
    government = _find(model, five, "To the Government of Mali")
    labels = [i.data(Role.LABEL) for i in _children(model, government)]
    assert labels == [f"5({c})" for c in "nopqrstuv"]
    recs = _find(model, doc, "Recommendations to the Security Council")
    seven = _find(model, recs, "7  ")
    assert [i.data(Role.LABEL) for i in _children(model, seven)] == [f"7({c})" for c in "abcdefghi"]
    assert seven.data(Role.KIND) == "paragraph" and seven.data(Role.DOC_ID) == 1


def test_library_filter_keeps_matching_documents(qtmodeltester, corpus_library, tmp_path):
    from app.services.library import import_files

    other = tmp_path / "sudan.txt"
    other.write_text(
        "Conclusions on children and armed conflict in the Sudan\n\n"
        "1. The Working Group met on the Sudan.\n\n2. The members welcomed the report.\n",
        encoding="utf-8",
    )
    assert import_files(corpus_library, [other])[0].ok
    proxy = LibraryFilterModel()
    proxy.setSourceModel(LibraryModel(corpus_library))
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 2
    proxy.set_filter("sudan")
    assert proxy.rowCount() == 1 and "Sudan" in proxy.index(0, 0).data()
    proxy.set_filter("mali 2020")
    assert proxy.rowCount() == 1 and proxy.index(0, 0).data() == "Mali"
    proxy.set_filter("nowhere")
    assert proxy.rowCount() == 0
    qtmodeltester.check(proxy)


def test_document_model_find_marks_spans(qtmodeltester, corpus_doc):
    model = DocumentModel(corpus_doc)
    qtmodeltester.check(model)
    rows = model.set_find("government   of mali")
    assert rows and all(model.index(r).data(Role.SPANS) for r in rows)
    r = model.row_of_label("5(n)")
    assert model.index(r).data(Role.LABEL) == "5(n)"
    text = model.index(rows[0]).data()
    a, b = model.index(rows[0]).data(Role.SPANS)[0]
    assert text[a:b].lower() == "government of mali"
    assert find_spans("a (b) c", "(b)") == ((2, 5),)
    qtmodeltester.check(model)


def test_comparison_model_changes_only_and_navigation(qtmodeltester, corpus_doc):
    cmp = compare_passages(passage_of(corpus_doc, "5(n)", "5(v)"), passage_of(corpus_doc, "7(a)", "7(i)"))
    model = ComparisonModel(cmp)
    qtmodeltester.check(model)
    assert model.rowCount() == 9
    changes = model.change_view_rows()
    assert changes == cmp.change_rows()
    assert model.next_change(-1) == changes[0] and model.next_change(changes[-1]) == -1
    assert model.previous_change(changes[1]) == changes[0]
    model.set_changes_only(True)
    qtmodeltester.check(model)
    assert model.rowCount() == len(changes)
    assert "5(p) → 7(c): changed" in model.index(model.view_row_of(2)).data()


def test_search_results_model(qtmodeltester, corpus_library):
    model = SearchResultsModel()
    model.set_hits(search(corpus_library, "safe schools declaration"))
    qtmodeltester.check(model)
    assert model.rowCount() >= 2
    first = model.index(0)
    a, b = first.data(Role.SPANS)[0]
    assert first.data()[a:b].lower() in ("safe", "schools", "declaration")


def test_import_results_model(qtmodeltester, corpus_doc):
    stored = corpus_doc.with_segments(corpus_doc.segments)
    results = [
        ImportResult("/x/new.txt", document=stored),
        ImportResult("/x/again.txt", document=stored, duplicate_of=1),
        ImportResult("/x/bad.pdf", error="bad.pdf: not a PDF"),
    ]
    model = ImportResultsModel(results)
    qtmodeltester.check(model)
    assert [model.index(r, 1).data() for r in range(3)] == ["imported", "duplicate", "failed"]
    assert model.index(2, 2).data() == "bad.pdf: not a PDF"
    assert model.counts() == {"imported": 1, "duplicate": 1, "failed": 1}


def test_similar_and_parallels_models(qtmodeltester, corpus_library, corpus_doc):
    from app.search.similar import similar_language

    doc = corpus_library.get_document(1)
    pos = next(i for i, s in enumerate(doc.segments) if s.label == "5(r)")
    found = similar_language(corpus_library, 1, pos)
    rows = [SimilarRow("5(r)", "this document", h) for h in found.same_document]
    model = SimilarModel(rows)
    qtmodeltester.check(model)
    assert "7(e)" in [model.index(r, 1).data().split()[0] for r in range(model.rowCount())]
    blocks = ParallelsModel(doc, parallels(doc))
    qtmodeltester.check(blocks)
    assert any("5(n)" in blocks.index(r).data() and "7(a)" in blocks.index(r).data()
               for r in range(blocks.rowCount()))


def test_similar_model_tooltips_show_markup_literally(library):
    from PySide6.QtCore import Qt

    from app.model import Document, Kind, Segment
    from app.search.similar import similar_language

    text = 'Urging all parties <img src="http://example.org/x.png"> to release <b>children</b> now.'
    segs = (Segment(Kind.PARAGRAPH, text, "1"), Segment(Kind.PARAGRAPH, text + " Again.", "2"))
    library.add_document(Document(title="Markup", segments=segs))
    found = similar_language(library, 1, 0)
    model = SimilarModel([SimilarRow("1", "this document", h) for h in found.same_document])
    tip = model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;img src=" in tip and "<img" not in tip
    assert model.index(0, 3).data() == text + " Again."
