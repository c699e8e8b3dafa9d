"""The team library on PostgreSQL: migrations, who may do what, passwords, a missing server,
the network going away mid-save."""

from __future__ import annotations

import time

import pytest

from app.errors import (
    DraftConflict,
    LibraryError,
    LibraryReadOnly,
    LibraryUnreachable,
    NotALibrary,
    PasswordNeeded,
)
from app.model import Document, Kind, Segment
from app.store import open_store
from app.store.postgres import PgLibrary, forget, remember
from app.store.postgres.schema import SCHEMA_VERSION


def small_doc(title: str, n: int = 3) -> Document:
    return Document(title=title, segments=tuple(
        Segment(Kind.PARAGRAPH, f"{title} paragraph {i} on children and armed conflict.", str(i))
        for i in range(1, n + 1)))


def tables(pg_server, address: str) -> list[str]:
    with pg_server.admin(address.rsplit("/", 1)[1]) as conn:
        return [r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1").fetchall()]


def test_migrations_are_numbered_and_recorded_with_who_ran_them(pg_server, pg_address):
    lib = open_store(pg_address)
    assert isinstance(lib, PgLibrary) and lib.created and lib.user == "alice"
    lib.close()
    again = open_store(pg_address)
    assert not again.created
    again.close()
    with pg_server.admin(pg_address.rsplit("/", 1)[1]) as conn:
        rows = conn.execute("SELECT number, applied_by FROM concord_migrations ORDER BY number").fetchall()
    assert rows == [(n, "alice") for n in range(1, SCHEMA_VERSION + 1)]


def test_two_users_opening_a_new_library_at_once_create_it_once(pg_server, pg_address):
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        libs = list(pool.map(lambda _: open_store(pg_address), range(4)))
    assert sum(lib.created for lib in libs) == 1
    for lib in libs:
        lib.close()


def test_a_user_who_may_not_create_tables_is_told_and_nothing_is_touched(pg_server, pg_address):
    as_bob = pg_address.replace("alice@", "bob@")
    with pytest.raises(LibraryError, match="needs its tables created, which this user may not do; "
                                           "open it once as a user allowed") as info:
        open_store(as_bob)
    assert "\n" not in str(info.value)
    assert tables(pg_server, pg_address) == []
    open_store(pg_address).close()  # the owner creates it
    bob = open_store(as_bob)
    assert not bob.read_only and bob.user == "bob"
    bob.add_document(small_doc("Bob's import"))
    draft = bob.create_draft("Bob's draft", "Chad", small_doc("x").segments)
    assert bob.get_draft(draft).created_by == "bob"
    bob.close()


def test_a_user_with_read_rights_only_reads(pg_address, corpus_doc):
    owner = open_store(pg_address)
    owner.add_document(corpus_doc)
    reader = open_store(pg_address.replace("alice@", "reader@"))
    assert reader.read_only
    assert {h.label for h in reader.search("deprivation of liberty")} == {"5(h)", "5(r)", "7(e)"}
    with pytest.raises(LibraryReadOnly, match="may read the library but not change it"):
        reader.add_document(small_doc("New"))
    with pytest.raises(LibraryReadOnly):
        reader.create_draft("T", "", corpus_doc.segments)
    assert owner.counts()["documents"] == 1
    reader.close()
    owner.close()


def test_another_programs_database_is_refused_and_left_untouched(pg_server, pg_address):
    with pg_server.admin(pg_address.rsplit("/", 1)[1]) as conn:
        conn.execute("CREATE TABLE people (name TEXT, phone TEXT)")
    with pytest.raises(NotALibrary, match="not a Concord library .*people.*left untouched"):
        open_store(pg_address)
    assert tables(pg_server, pg_address) == ["people"]


def test_a_library_from_a_newer_concord_is_refused(pg_server, pg_address):
    open_store(pg_address).close()
    with pg_server.admin(pg_address.rsplit("/", 1)[1]) as conn:
        conn.execute("INSERT INTO concord_migrations (number) VALUES (%s)", [SCHEMA_VERSION + 3])
    with pytest.raises(LibraryError, match=f"schema version {SCHEMA_VERSION + 3}.*up to version {SCHEMA_VERSION}"):
        open_store(pg_address)


def test_a_password_is_asked_for_and_remembered_for_the_session(pg_server, pg_address):
    open_store(pg_address).close()
    as_carol = pg_address.replace("alice@", "carol@")
    with pytest.raises(PasswordNeeded, match="asks for a password"):
        open_store(as_carol)
    remember(as_carol, "wrong")
    with pytest.raises(PasswordNeeded):
        open_store(as_carol)
    remember(as_carol, "carol-secret")
    try:
        lib = open_store(as_carol)
        assert lib.user == "carol" and "secret" not in lib.location
        lib.close()
    finally:
        forget(as_carol)
    with_password = as_carol.replace("carol@", "carol:carol-secret@")
    lib = open_store(with_password)
    assert "secret" not in lib.location and "secret" not in lib.identity()
    lib.close()


def test_no_server_at_the_address_is_one_clear_line(pg_server):
    from pgserver import free_port

    start = time.monotonic()
    with pytest.raises(LibraryUnreachable, match="the server cannot be reached") as info:
        open_store(f"postgresql://alice@127.0.0.1:{free_port()}/nowhere")
    assert "\n" not in str(info.value) and time.monotonic() - start < 15
    with pytest.raises(LibraryError, match="no such database"):
        open_store(pg_server.address("nowhere"))


@pytest.fixture
def proxied(pg_server, pg_address):
    """The library's address through a forwarder whose network the test can cut."""
    from netproxy import Proxy

    proxy = Proxy(pg_server.port)
    yield pg_address.replace(f":{pg_server.port}/", f":{proxy.port}/"), proxy
    proxy.close()


def test_the_network_going_away_mid_save_keeps_the_draft_until_the_server_is_back(proxied, corpus_doc):
    address, proxy = proxied
    lib = open_store(address)
    draft_id = lib.create_draft("Mali 2022", "Mali", corpus_doc.segments)
    base = lib.get_draft(draft_id).head_revision
    edited = corpus_doc.segments[:4]
    proxy.cut()
    with pytest.raises(LibraryUnreachable, match=f"cannot be reached; draft {draft_id} is kept on this "
                                                 "computer and will be saved when the server is back") as info:
        lib.save_head(draft_id, edited, base=base)
    assert "\n" not in str(info.value)
    assert lib.pending.get(draft_id).segments == edited
    with pytest.raises(LibraryUnreachable):
        lib.get_draft(draft_id)
    proxy.restore()
    assert lib.get_draft(draft_id).head == edited  # saved as soon as the server answered
    assert lib.pending.items() == []
    lib.close()


def test_a_copy_kept_offline_never_overwrites_a_later_edit(proxied, pg_address, corpus_doc):
    address, proxy = proxied
    lib = open_store(address)
    draft_id = lib.create_draft("Mali 2022", "Mali", corpus_doc.segments)
    base = lib.get_draft(draft_id).head_revision
    proxy.cut()
    with pytest.raises(LibraryUnreachable):
        lib.save_head(draft_id, corpus_doc.segments[:2], base=base)
    lib.close()
    other = open_store(pg_address.replace("alice@", "bob@"))  # bob, at the office, saves meanwhile
    other.save_head(draft_id, corpus_doc.segments[:3], base=base)
    proxy.restore()
    again = open_store(address)  # alice back online: what she kept is saved beside bob's text
    draft = again.get_draft(draft_id)
    assert draft.head == corpus_doc.segments[:3] and draft.head_saved_by == "bob"
    (version,) = draft.versions
    assert version.name.startswith("kept offline by alice")
    assert again.get_version(draft_id, version.number).segments == corpus_doc.segments[:2]
    with pytest.raises(DraftConflict):
        again.save_head(draft_id, corpus_doc.segments[:1], base=base)
    again.close()
    other.close()


def test_a_lost_connection_is_reopened_on_the_next_call(proxied, corpus_doc):
    address, proxy = proxied
    lib = open_store(address)
    lib.add_document(corpus_doc)
    proxy.cut()
    with pytest.raises(LibraryUnreachable, match="connection to the server was lost"):
        lib.counts()
    proxy.restore()
    assert lib.counts()["documents"] == 1
    lib.close()


def test_a_draft_redline_is_authored_by_who_saved_the_draft(pg_address, corpus_doc, tmp_path, capsys):
    import re
    import zipfile

    from app.cli import main
    from app.drafts import edit_text

    alice = open_store(pg_address)
    alice.add_document(corpus_doc)
    draft_id = alice.create_draft("Mali 2022", "Mali", corpus_doc.segments, first_version="zero draft")
    bob = open_store(pg_address.replace("alice@", "bob@"))
    bob.save_head(draft_id, edit_text(corpus_doc.segments, 3, "Bob's new wording."), base=1)
    out = tmp_path / "redline.docx"
    assert main(["--db", pg_address, "compare", f"draft:{draft_id}@1", f"draft:{draft_id}",
                 "--docx", str(out)]) == 0, capsys.readouterr().err
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert set(re.findall(r'w:author="([^"]*)"', xml)) == {"bob"}
    bob.close()
    alice.close()
