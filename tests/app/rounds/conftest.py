"""A round on the corpus: the Mali conclusions as version 1 of a draft, and four returns."""

from __future__ import annotations

import pytest
from returnkit import AUTHORS, NEW_TEXT, Edits, write_clean, write_return

from app.services import drafts as drafts_svc


@pytest.fixture
def round_lib(corpus_library):
    """The corpus as draft 1, saved as version 1 ("rev.1"), the author table filled in."""
    draft = drafts_svc.new_draft(corpus_library, "Mali", from_ref="1")
    corpus_library.save_version(draft.id, "rev.1")
    for author, delegation in AUTHORS.items():
        corpus_library.set_author_delegation(author, delegation)
    return corpus_library


@pytest.fixture
def version(round_lib):
    return round_lib.get_version(1, 1).segments


@pytest.fixture
def returned(tmp_path, version):
    """uk.docx: two authors of one delegation; fr.docx: the same words of 5(c) as the UK;
    de.docx: a comment, a deleted subparagraph and a new one; no.docx: retyped, two changes."""
    uk = write_return(tmp_path / "uk.docx", version, Edits()
                      .insert("5(c)", "insecurity", ", the COVID-19 pandemic", "J. Smith")
                      .replace("5(b)", "further implement", "fully implement", "A. Jones"))
    fr = write_return(tmp_path / "fr.docx", version, Edits()
                      .replace("5(c)", "insecurity and access restrictions", "the security situation", "M. Dupont"))
    de = write_return(tmp_path / "de.docx", version, Edits()
                      .comment("5(d)", "without undue delay", "Would 'promptly' be enough?", "K. Weber")
                      .delete("5(f)", "K. Weber")
                      .new("5(e)", NEW_TEXT, "L. Braun"))
    no = write_clean(tmp_path / "no.docx", version, [("5(h)", "grave concern", "serious concern"),
                                                     ("5(k)", "Strongly condemning", "Condemning")])
    return {"uk": uk, "fr": fr, "de": de, "no": no}


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request, tmp_path):
    """A new library on each backend (PostgreSQL on the test server, skipped without one)."""
    from app.store import open_store

    location = str(tmp_path / "library.sqlite") if request.param == "sqlite" else request.getfixturevalue("pg_address")
    store = open_store(location)
    yield store
    store.close()
