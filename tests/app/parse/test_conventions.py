"""Every English word the importer looks for is in one record; French is another record."""

from __future__ import annotations

import dataclasses

import pytest
from variants import fixture

from app.model import DocKind, Kind
from app.parse import parse_file, parse_text
from app.parse.conventions import ENGLISH, FRENCH, Conventions
from app.parse.patterns import compiled


def test_the_record_is_frozen_and_has_room_for_a_lexicon_of_lead_verbs():
    with pytest.raises(dataclasses.FrozenInstanceError):
        ENGLISH.months = ()  # type: ignore[misc]
    assert ENGLISH.lead_verbs == ()
    ranked = dataclasses.replace(ENGLISH, lead_verbs=(("Condemns", 1), ("Notes", 5)))
    assert parse_text("1. The Working Group met.\n", conventions=ranked).labels() == ["1"]


@pytest.mark.parametrize("record", [ENGLISH, FRENCH], ids=["en", "fr"])
def test_every_pattern_of_a_record_compiles(record: Conventions):
    p = compiled(record)
    assert len(record.months) == 12 and p.month_number(record.months[10]) == 11
    assert p.annex.match("Annex" if record is ENGLISH else "Annexe")


def test_the_french_edition_of_conclusions_reads_with_the_french_record():
    doc = parse_file(fixture("conclusions-mali-fr.txt"), conventions=FRENCH)
    assert doc.doc_kind == DocKind.CONCLUSIONS
    assert (doc.situation, doc.meeting_date, doc.meeting_number, doc.report_symbol) == (
        "Mali", "2020-11-20", "81", "S/2020/1105")
    assert doc.labels() == ["1", "2", "3", "3(a)", "3(b)", "3(c)", "4", "4(a)", "annex-1"]
    assert [s.text for s in doc.segments if s.kind == Kind.HEADING][:2] == [
        "Déclaration publique du Président du Groupe de travail", "Recommandations au Conseil de sécurité"]
    assert doc.segment("3(a)").addressee == "À toutes les parties au conflit armé au Mali"  # "a)" marker
    assert doc.segment("3(c)").addressee == "Au Gouvernement malien"
    # French sets a space before ";" and ":": not a repair.
    assert doc.segment("3(b)").text.endswith("tous les enfants ;")
    assert doc.warnings == ()


def test_the_same_text_read_with_the_english_record_finds_no_french_structure():
    doc = parse_file(fixture("conclusions-mali-fr.txt"))
    assert not any(s.kind == Kind.ADDRESSEE for s in doc.segments)
    assert doc.meeting_date == ""
