"""File > Import…: Word tracked changes read as rejected when asked, and the choice remembered."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from ui import settings as S
from ui.dialogs.import_dialog import ImportController, ImportFileDialog

PARSE_TESTS = Path(__file__).resolve().parents[1] / "app" / "parse"


def _wordgen():
    """The Word file writer of the import tests (a module beside them, not a package)."""
    spec = importlib.util.spec_from_file_location("wordgen", PARSE_TESTS / "wordgen.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _tracked_docx(path: Path) -> Path:
    w = _wordgen()
    run = '<w:r><w:t xml:space="preserve">{}</w:t></w:r>'
    dele = ('<w:del w:id="1" w:author="A" w:date="2020-11-20T00:00:00Z"><w:r>'
            '<w:delText xml:space="preserve">welcomed</w:delText></w:r></w:del>')
    ins = ('<w:ins w:id="2" w:author="A" w:date="2020-11-20T00:00:00Z"><w:r>'
           '<w:t xml:space="preserve">took note of</w:t></w:r></w:ins>')
    body = (w.p("Conclusions on children and armed conflict in Testland")
            + w.p(inner=run.format("1. The Working Group ") + dele + ins + run.format(" the report."))
            + w.p("2. The members of the Working Group expressed concern."))
    return w.make_docx(path, body)


def test_import_reads_tracked_changes_as_rejected(window, qtbot, tmp_path):
    path = _tracked_docx(tmp_path / "tracked.docx")
    assert not S.IMPORT_REJECT_REVISIONS.get()
    dialog = window.choose_import()
    assert isinstance(dialog, ImportFileDialog) and dialog.isVisible()
    assert not dialog.reject_box.isChecked() and dialog.reject_box.isVisibleTo(dialog)
    dialog.reject_box.setChecked(True)
    dialog.setDirectory(str(tmp_path))
    dialog.selectFile(str(path))
    dialog.accept()
    started = window.findChildren(ImportController)
    assert started and started[0].revisions == "reject"
    with qtbot.waitSignal(started[0].finished, timeout=20000) as blocker:
        pass
    doc = blocker.args[0][0].document
    assert doc.segment("1").text == "The Working Group welcomed the report."
    assert any("all changes rejected" in w for w in doc.warnings)
    assert S.IMPORT_REJECT_REVISIONS.get()  # remembered for next time
    assert S.IMPORT_FOLDER.get() == str(tmp_path)
    window.last_dialog.close()

    again = window.choose_import()
    assert again.reject_box.isChecked()
    again.reject()


def test_dropped_files_follow_the_remembered_choice(window, qtbot, tmp_path):
    path = _tracked_docx(tmp_path / "tracked.docx")
    controller = window.import_paths([str(path)])
    assert controller.revisions == "accept"  # the default: what the text reads with every change accepted
    with qtbot.waitSignal(controller.finished, timeout=20000) as blocker:
        pass
    assert blocker.args[0][0].document.segment("1").text == "The Working Group took note of the report."
    window.last_dialog.close()
    S.IMPORT_REJECT_REVISIONS.set(True)
    assert window.import_paths([str(path)]).revisions == "reject"
    qtbot.waitUntil(lambda: not window.runner.running(), timeout=20000)
