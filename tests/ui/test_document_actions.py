"""Document actions: parallel blocks, similar language, export to Word, shortcuts list."""

from __future__ import annotations

import zipfile

from ui.models.roles import Role
from ui.views.comparison import ComparisonView


def test_parallel_blocks_open_a_comparison(window, qtbot, wait_rows):
    window.open_document(1)
    job = window.find_parallels()
    qtbot.waitUntil(lambda: job.done.is_set() and window.last_dialog is not None, timeout=20000)
    dialog = window.last_dialog
    texts = [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())]
    row = next(r for r, t in enumerate(texts) if t.startswith("5(n)") and "7(a)" in t)
    index = dialog.model.index(row, 0)
    assert index.data(Role.PARALLEL).pairs >= 9
    dialog.view.setCurrentIndex(index)
    dialog.view.activated.emit(index)
    view = wait_rows(window.tabs.currentWidget())
    assert isinstance(view, ComparisonView)
    assert view.left.start == "5(n)" and view.right.start == "7(a)"


def test_similar_language_finds_the_parallel_paragraph(window, qtbot):
    reader = window.open_document(1)
    reader.go_to_label("5(r)")
    job = window.find_similar(reader.selected_passage())
    qtbot.waitUntil(lambda: job.done.is_set() and window.last_dialog is not None, timeout=20000)
    model = window.last_dialog.model
    found = {model.index(r, 1).data().split()[0]: model.index(r, 2).data() for r in range(model.rowCount())}
    assert "7(e)" in found and "5(h)" in found
    assert int(found["7(e)"].rstrip("%")) > int(found["5(h)"].rstrip("%"))  # 7(e) is the parallel


def test_export_passage_to_word(window, qtbot, tmp_path):
    reader = window.open_document(1)
    reader.go_to_label("5(n)", "5(p)")
    job = window.export_passage(str(tmp_path / "passage.docx"))
    assert window.statusBar().currentMessage() == "Exporting Mali 5(n)..5(p) to passage.docx…"
    with qtbot.waitSignal(job.signals.finished, timeout=20000) as blocker:
        pass
    out = blocker.args[0]
    assert window.statusBar().currentMessage() == f"Exported Mali 5(n)..5(p) to {out}"
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode()
    assert "Stressing the primary role" in xml and "Encouraging the Government to address" not in xml


def test_export_passage_to_an_impossible_place(window, qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication, QMessageBox

    window.open_document(1)
    blocker_file = tmp_path / "notes.txt"
    blocker_file.write_text("a file, not a folder", encoding="utf-8")
    job = window.export_passage(str(blocker_file / "passage.docx"))
    with qtbot.waitSignal(job.signals.failed, timeout=20000) as blocker:
        pass
    assert blocker.args[0] == f"{blocker_file / 'passage.docx'}: the folder {blocker_file} does not exist"
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert [b.text() for b in boxes] == [blocker.args[0]] and boxes[0].windowTitle() == "Export failed"
    boxes[0].close()


def test_shortcuts_list_names_the_comparison_keys_with_no_comparison_open(window):
    assert window.tabs.count() == 0
    groups = window.show_shortcuts().groups()
    assert ("Next change", "F7") in groups["Comparison"]
    assert ("Search Library…", "Ctrl+K") in groups["Edit menu"]
    window.last_dialog.close()
