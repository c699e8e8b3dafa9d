"""UI fixtures: settings in a fresh file per test, a main window on the corpus library."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _settings_file(tmp_path):
    """Qt caches the user's settings path per process: give each test its own INI file."""
    from ui.settings import use_settings_file

    use_settings_file(str(tmp_path / "settings.ini"))
    yield
    use_settings_file(None)


@pytest.fixture
def session(corpus_library):
    """A session on the corpus library, for widgets made without a window."""
    from ui.session import Session

    s = Session(corpus_library)
    yield s
    s.shutdown()


@pytest.fixture
def window(qtbot, corpus_library):
    from ui.main_window import MainWindow

    w = MainWindow(corpus_library)
    qtbot.addWidget(w)
    w.resize(1300, 820)
    w.show()
    yield w
    w.runner.shutdown()


@pytest.fixture
def wait_rows(qtbot):
    """Wait until a comparison view has its rows (the engine runs on a worker)."""

    def wait(view, timeout: int = 10000):
        qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=timeout)
        return view

    return wait


def _derived(corpus_doc):
    """The Mali conclusions as a later, other situation's text: a new 5(c) (holding markup),
    old 5(c)..5(d) moved down a letter, 5(e) dropped, 5(d) and 5(h) edited."""
    import dataclasses

    from app.model import Kind, Segment

    segs = list(corpus_doc.segments)
    at = {s.label: i for i, s in enumerate(segs) if s.label}

    def edit(label: str, *pairs: tuple[str, str], new_label: str = "") -> Segment:
        s = segs[at[label]]
        text = s.text
        for old, new in pairs:
            assert old in text
            text = text.replace(old, new)
        return dataclasses.replace(s, text=text, label=new_label or label)

    new = Segment(Kind.SUBPARAGRAPH, 'Welcoming the <img src="http://example.invalid/x.png"> memorandum '
                  "<script>alert(1)</script> signed in Ouagadougou by all parties on the handover of children, "
                  "and urging its swift implementation in every region;", "5(c)",
                  segs[at["5(c)"]].section, segs[at["5(c)"]].addressee)
    replaced = {
        at["5(c)"]: [new, edit("5(c)", new_label="5(d)")],
        at["5(d)"]: [edit("5(d)", ("without undue delay", "promptly"), ("conviction;", "conviction, in line with "
                          "international standards;"), new_label="5(e)")],
        at["5(e)"]: [],
        at["5(h)"]: [edit("5(h)", ("Expressing grave concern", "Expressing deep concern"),
                          ("urging the Government of Mali", "urging the Government of Burkina Faso"))],
    }
    out: list[Segment] = []
    for i, s in enumerate(segs):
        out.extend(replaced.get(i, [s]))
    return dataclasses.replace(corpus_doc, segments=tuple(out), situation="Burkina Faso", meeting_date="2022-03-01",
                               title="Conclusions on children and armed conflict in Burkina Faso", id=None,
                               source_file="burkina-2022.txt")


@pytest.fixture
def derived_window(window, corpus_doc):
    """The main window on a library holding the corpus (1) and a later document derived from it (2)."""
    doc, added = window.library.add_document(_derived(corpus_doc))
    assert added and doc.id == 2
    window.session.check()  # now, rather than at the next look at the revision
    return window


@pytest.fixture
def wait_ready(qtbot):
    """Wait until a provenance or clause history view has run its job (on a worker)."""

    def wait(view, timeout: int = 20000):
        with qtbot.waitSignal(view.provenance_ready if hasattr(view, "provenance_ready") else view.history_ready,
                              timeout=timeout):
            pass
        return view

    return wait
