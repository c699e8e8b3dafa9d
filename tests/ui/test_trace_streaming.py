"""Provenance and clause history show their rows as they are found, and a newer request
cancels the running one: its rows never reach the view."""

from __future__ import annotations

from app.services.search import clause_history, provenance
from ui.views import clause_history as history_view
from ui.views import provenance as provenance_view
from ui.views.clause_history import ClauseHistoryView
from ui.views.provenance import ProvenanceView


def test_provenance_rows_arrive_before_the_whole_result(window, qtbot, monkeypatch):
    monkeypatch.setattr(provenance_view, "STREAM_INTERVAL_S", 0.0)  # every row as it is found
    view = ProvenanceView(window.session)
    qtbot.addWidget(view)
    seen: list[int] = []
    view._rows_found.connect(lambda generation, found: seen.append(len(found[1].segments)))
    with qtbot.waitSignal(view.provenance_ready, timeout=20000) as ready:
        view.trace("1:5(n)..5(v)")
    assert seen[0] == 1 and seen == sorted(seen) and len(seen) > 1
    expected = provenance(window.library, "1:5(n)..5(v)")
    assert ready.args[0].segments == expected.segments
    assert view.model.rowCount() == len(expected.segments)


def test_a_newer_provenance_request_cancels_the_running_one(window, qtbot):
    view = ProvenanceView(window.session)
    qtbot.addWidget(view)
    first = view.trace("1")
    with qtbot.waitSignal(view.provenance_ready, timeout=20000) as ready:
        view.trace("1:7")
    assert first.is_cancelled()
    assert ready.args[0].ref == "1:7" and view.title.text() == "Provenance of Mali 7"
    qtbot.waitUntil(lambda: first.done.is_set(), timeout=20000)
    assert view.provenance.ref == "1:7"  # nothing of the first request came in after


def test_clause_history_versions_arrive_as_found_and_a_newer_request_wins(window, qtbot, monkeypatch):
    monkeypatch.setattr(history_view, "STREAM_INTERVAL_S", 0.0)
    view = ClauseHistoryView(window.session)
    qtbot.addWidget(view)
    seen: list[int] = []
    view._rows_found.connect(lambda generation, entries: seen.append(len(entries)))
    first = view.trace("1:5(a)", "5(a)")
    with qtbot.waitSignal(view.history_ready, timeout=20000) as ready:
        view.trace("1:5(h)", "5(h)")
    assert first.is_cancelled()
    expected = clause_history(window.library, "1:5(h)")
    assert [e.source for e in ready.args[0]] == [e.source for e in expected]
    assert seen and seen[-1] <= len(expected)
    qtbot.waitUntil(lambda: first.done.is_set(), timeout=20000)
    assert [e.source for e in view.model.entries] == [e.source for e in expected]
