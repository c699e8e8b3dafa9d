"""Two programs writing one library at once (imports, draft saves): no lost rows, no errors.

Runs on both backends: two processes, each importing its own documents and some shared
ones, saving its own draft from the revision it last saw, and adding versions to one
draft they share.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.model import Document, Kind, Segment
from app.store import open_store

ROOT = Path(__file__).resolve().parents[3]
OWN, SHARED, SAVES, VERSIONS = 8, 4, 15, 10

WRITER = f"""
import sys
from app.model import Document, Kind, Segment
from app.store import open_store

def doc(title):
    return Document(title=title, segments=tuple(
        Segment(Kind.PARAGRAPH, f"{{title}}: paragraph {{i}} on the recruitment of children.", str(i))
        for i in range(1, 40)))

name, location, shared_draft = sys.argv[1], sys.argv[2], int(sys.argv[3])
lib = open_store(location)
mine = lib.create_draft(f"Draft of {{name}}", "", doc(name).segments[:3])
base = lib.get_draft(mine).head_revision
for i in range({OWN}):
    stored, new = lib.add_document(doc(f"{{name}} {{i}}"))
    assert new, stored.title
    if i < {SHARED}:
        lib.add_document(doc(f"shared {{i}}"))
for i in range({SAVES}):
    lib.save_head(mine, doc(f"{{name}} save {{i}}").segments[:5], base=base)
    base += 1
for i in range({VERSIONS}):
    lib.save_version(shared_draft, f"{{name}} {{i}}", doc(f"{{name}} version {{i}}").segments[:2])
lib.close()
print(mine)
"""


def test_two_processes_writing_at_once_lose_nothing(location):
    setup = open_store(location)
    shared = setup.create_draft("Shared", "", (Segment(Kind.PARAGRAPH, "Start.", "1"),))
    setup.close()
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, name, location, str(shared)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
             for name in ("alice", "bob")]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (_out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0 and err == "", err
    lib = open_store(location)
    titles = sorted(d.title for d in lib.list_documents())
    assert titles == sorted([f"{n} {i}" for n in ("alice", "bob") for i in range(OWN)]
                            + [f"shared {i}" for i in range(SHARED)])
    assert lib.counts()["segments"] == 39 * len(titles)
    for name, (out, _) in zip(("alice", "bob"), outs, strict=True):
        draft = lib.get_draft(int(out))
        assert draft.head_revision == 1 + SAVES
        assert draft.head[0].text.startswith(f"{name} save {SAVES - 1}:")
    versions = lib.get_draft(shared).versions
    assert [v.number for v in versions] == list(range(1, 2 * VERSIONS + 1))
    assert sorted(v.name for v in versions) == sorted(f"{n} {i}" for n in ("alice", "bob") for i in range(VERSIONS))
    lib.close()


def test_two_threads_importing_the_same_text_store_it_once(location):
    from concurrent.futures import ThreadPoolExecutor

    lib = open_store(location)
    doc = Document(title="Same", segments=(Segment(Kind.PARAGRAPH, "The same text.", "1"),))
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: lib.add_document(doc), range(8)))
    assert sum(new for _, new in results) == 1
    assert len({stored.id for stored, _ in results}) == 1
    assert lib.counts() == {"documents": 1, "segments": 1}
    lib.close()
