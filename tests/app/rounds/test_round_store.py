"""Rounds in the library: returns, decisions with the working copy, the author table."""

from __future__ import annotations

import sqlite3

import pytest
from returnkit import REF

from app.errors import NotFound
from app.model import Kind, Segment
from app.store.base import DecisionRecord
from app.store.schema import SCHEMA_VERSION


def test_a_round_starts_on_first_use_and_is_found_again(round_lib):
    r = round_lib.open_round(1, 1)
    assert round_lib.open_round(1, 1) == r == round_lib.find_round(1, 1)
    assert round_lib.list_rounds(1) == [r]
    with pytest.raises(NotFound):
        round_lib.open_round(1, 9)


def test_returns_are_stored_together_and_removed_with_their_decisions(round_lib):
    r = round_lib.open_round(1, 1)
    ids = round_lib.add_returns(r.id, [("a.docx", "tracked", "", '{"proposals": []}'),
                                       ("b.txt", "clean", "Chile", '{"proposals": []}')])
    assert [x.file for x in round_lib.round_returns(r.id)] == ["a.docx", "b.txt"]
    round_lib.set_round_decisions(r.id, {f"{ids[0]}.1": DecisionRecord(f"{ids[0]}.1", "accepted"),
                                         f"{ids[1]}.1": DecisionRecord(f"{ids[1]}.1", "rejected")})
    round_lib.delete_return(ids[0])
    assert [d.key for d in round_lib.round_decisions(r.id)] == [f"{ids[1]}.1"]
    assert round_lib.add_returns(r.id, [("c.docx", "tracked", "", "{}")])[0] > ids[1]  # ids never reused


def test_a_decision_and_the_working_copy_are_one_write(round_lib, monkeypatch):
    r = round_lib.open_round(1, 1)
    head = (Segment(Kind.PARAGRAPH, "One.", "1"),)
    round_lib.set_round_decisions(r.id, {"1.1": DecisionRecord("1.1", "accepted")}, head)
    assert round_lib.get_draft(1).head == head
    before = round_lib.get_draft(1).head
    with pytest.raises(sqlite3.IntegrityError):  # a failing write leaves both as they were
        round_lib.set_round_decisions(r.id, {"1.2": DecisionRecord("1.2", None)},  # type: ignore[arg-type]
                                      (Segment(Kind.PARAGRAPH, "Two.", "1"),))
    assert round_lib.get_draft(1).head == before
    assert [d.key for d in round_lib.round_decisions(r.id)] == ["1.1"]


def test_deleting_the_draft_deletes_its_rounds(round_lib):
    r = round_lib.open_round(1, 1)
    round_lib.add_returns(r.id, [("a.docx", "tracked", "", "{}")])
    round_lib.delete_draft(1)
    assert round_lib.find_round(1, 1) is None
    assert round_lib.db.execute("SELECT count(*) FROM round_returns").fetchone()[0] == 0


def test_author_table(round_lib):
    round_lib.set_author_delegation("K. Weber", "Germany")
    assert round_lib.author_delegations()["K. Weber"] == "Germany"
    round_lib.set_author_delegation("K. Weber", "")
    assert "K. Weber" not in round_lib.author_delegations()


def test_schema_has_the_rounds_migration(round_lib):
    assert round_lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert REF == "draft:1@1"


def test_the_same_file_is_not_added_twice(round_lib, returned):
    from app.services import rounds as svc

    assert [a.error for a in svc.add_returns(round_lib, REF, [returned["uk"]])] == [""]
    (again,) = svc.add_returns(round_lib, REF, [returned["uk"]])
    assert again.error == "uk.docx: already in this round as return 1; not added again"
    assert len(round_lib.round_returns(round_lib.find_round(1, 1).id)) == 1


def test_rounds_on_both_backends(any_store):
    """The same SQL on SQLite and PostgreSQL: ids, decisions with the working copy and its
    revision, the author table, and the round going with its draft."""
    s = any_store
    seg = (Segment(Kind.PARAGRAPH, "One.", "1"),)
    draft_id = s.create_draft("T", "", seg, first_version="v1")
    r = s.open_round(draft_id, 1)
    assert s.open_round(draft_id, 1) == r and s.list_rounds(draft_id) == [r]
    a, b = s.add_returns(r.id, [("a.docx", "tracked", "", "{}"), ("b.txt", "clean", "Chile", "{}")])
    assert b > a and [x.delegation for x in s.round_returns(r.id)] == ["", "Chile"]
    revision = s.get_draft(draft_id).head_revision
    head = (Segment(Kind.PARAGRAPH, "One, two.", "1"),)
    s.set_round_decisions(r.id, {f"{a}.1": DecisionRecord(f"{a}.1", "accepted", note="n")}, head)
    assert s.get_draft(draft_id).head == head and s.get_draft(draft_id).head_revision == revision + 1
    assert [(d.key, d.status, d.note) for d in s.round_decisions(r.id)] == [(f"{a}.1", "accepted", "n")]
    s.set_round_decisions(r.id, {f"{a}.1": None})
    assert s.round_decisions(r.id) == []
    s.set_author_delegation("J. Smith", "United Kingdom")
    assert s.author_delegations() == {"J. Smith": "United Kingdom"}
    s.delete_return(a)
    assert [x.id for x in s.round_returns(r.id)] == [b]
    s.delete_draft(draft_id)
    assert s.find_round(draft_id, 1) is None


def test_a_library_copy_keeps_its_rounds(round_lib, returned, pg_address):
    from app.services import rounds as svc
    from app.store import open_store
    from app.store.copy import copy_library

    svc.add_returns(round_lib, REF, [returned["uk"], returned["fr"]])
    svc.add_returns(round_lib, REF, [returned["no"]], delegation="Norway")
    before = svc.compilation(round_lib, REF)
    uk = next(e.key for e in before.entries() if e.competing and e.delegation == "United Kingdom")
    svc.accept(round_lib, REF, uk)
    svc.edit_segment(round_lib, REF, "5(h)", "Expressing concern.")
    decided = svc.compilation(round_lib, REF)
    lines = []
    dest = open_store(pg_address)
    try:
        copy_library(round_lib, dest, lines.append)
        assert "copied 1 negotiation round with their returns and decisions" in lines
        after = svc.compilation(dest, REF)
        assert [(e.delegation, e.summary, e.status) for e in after.entries()] == \
            [(e.delegation, e.summary, e.status) for e in decided.entries()]
        assert [p.edited for p in after.places] == [p.edited for p in decided.places]
        assert dest.get_draft(1).head == round_lib.get_draft(1).head
    finally:
        dest.close()
