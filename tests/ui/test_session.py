"""The session: one store for every thread, writes in order on one lane, `library_changed`
after our writes and another program's, and only the newest of a series of queries reports."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from app.services import drafts as svc
from ui.session import LibraryChange, Session
from ui.workers import Job, JobRunner, Latest

ROOT = Path(__file__).resolve().parents[2]

SMALL = """Conclusions on children and armed conflict in Chad

1. The Working Group met on Chad and welcomed the report.
"""


def test_a_write_on_the_lane_tells_every_view_what_changed(qtbot, corpus_library):
    session = Session(corpus_library)
    seen: list[LibraryChange] = []
    session.library_changed.connect(seen.append)
    lane_threads: list[str] = []

    def create(lib, job):
        lane_threads.append(threading.current_thread().name)
        return svc.new_draft(lib, "Chad", "1")

    job = session.write(create, "creating a draft")
    with qtbot.waitSignal(job.signals.finished, timeout=10000):
        pass
    assert seen == [LibraryChange(documents=False)]  # a draft: similarity indexes stay valid
    assert lane_threads and lane_threads[0] != threading.main_thread().name
    session.shutdown()


def test_another_programs_import_is_seen_by_polling(qtbot, corpus_library, tmp_path):
    session = Session(corpus_library, poll_ms=100)
    text = tmp_path / "chad.txt"
    text.write_text(SMALL, encoding="utf-8")
    with qtbot.waitSignal(session.library_changed, timeout=20000) as blocker:
        done = subprocess.run([sys.executable, "-m", "app.cli", "--db", corpus_library.path, "import", str(text)],
                              cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
    assert blocker.args == [LibraryChange(documents=True)]
    assert len(session.store.list_documents()) == 2
    assert session.check() is None  # nothing new since
    session.shutdown()


def test_writes_run_one_at_a_time_in_the_order_asked(qtbot, corpus_library):
    session = Session(corpus_library)
    order: list[int] = []
    inside = threading.Semaphore(1)

    def step(n: int):
        def run(lib, job):
            assert inside.acquire(blocking=False), "two writes at once"
            try:
                order.append(n)
                svc.new_draft(lib, f"Draft {n}", None)
            finally:
                inside.release()
        return run

    jobs = [session.write(step(n), "writing") for n in range(5)]
    # A write whose result the UI needs now waits for those before it.
    title = session.write_now(lambda lib: svc.list_drafts(lib)[0].title)
    assert order == [0, 1, 2, 3, 4] and title == "Draft 4"
    assert all(j.done.is_set() for j in jobs)
    session.shutdown()


def test_an_urgent_write_goes_between_the_steps_of_a_long_one(qtbot, corpus_library):
    session = Session(corpus_library)
    order: list[str] = []
    started, queued = threading.Event(), threading.Event()

    def long(lib, job):
        for step in range(3):
            if step == 1:
                started.set()
                queued.wait(10)
                session.lane.run_urgent()  # as the import does between two files
            order.append(f"file {step}")

    session.write(long, "importing")
    qtbot.waitUntil(started.is_set, timeout=10000)
    urgent = session.write(lambda lib, job: order.append("autosave"), "saving", urgent=True)
    with qtbot.waitSignal(urgent.signals.ended, timeout=10000):
        qtbot.wait(50)  # the event loop gives it to the lane's queue, behind the long job
        queued.set()
    session.lane.shutdown()
    assert order == ["file 0", "autosave", "file 1", "file 2"]
    session.shutdown()


def test_the_newest_query_wins_and_the_one_before_is_cancelled(qtbot):
    runner = JobRunner(threads=1)
    latest = Latest(runner)
    shown: list[str] = []
    latest.finished.connect(shown.append)
    running, release = threading.Event(), threading.Event()
    first = latest.start(Job(lambda job: (running.set(), release.wait(10), "first")[2], "searching"))
    qtbot.waitUntil(running.is_set, timeout=10000)
    queued = latest.start(Job(lambda job: "second", "searching"))  # waits for the only thread
    newest = latest.start(Job(lambda job: "third", "searching"))
    assert first.is_cancelled() and queued.is_cancelled() and not newest.is_cancelled()
    release.set()
    with qtbot.waitSignal(latest.finished, timeout=10000):
        pass
    runner.shutdown()
    assert shown == ["third"]
    assert queued.result is None and queued.done.is_set()  # taken off the queue: it never ran
    assert first.result == "first"  # it had started: it ran to the end, and nobody was told


def test_each_worker_keeps_one_connection_however_many_jobs_it_runs(qtbot, corpus_library):
    # A store opens a connection per thread; workers that forgot their thread's state
    # between jobs opened (and kept) one per job: thousands in a day of autosaves.
    session = Session(corpus_library)
    lane = {session.write_now(lambda lib: id(lib.db.conn)) for _ in range(20)}
    reads = [session.read(lambda lib, job: (threading.current_thread().name, id(lib.db.conn)), "reading")
             for _ in range(20)]
    qtbot.waitUntil(lambda: all(j.done.is_set() for j in reads), timeout=10000)
    by_thread: dict[str, set[int]] = {}
    for j in reads:
        name, conn = j.result
        by_thread.setdefault(name, set()).add(conn)
    assert len(lane) == 1
    assert 1 <= len(by_thread) <= 2 and all(len(conns) == 1 for conns in by_thread.values())
    session.shutdown()
