"""Screenshots for the README: the main window, the reader, the comparison of 5(n)..5(v)
with 7(a)..7(i). Also a dark-palette comparison, kept with the test's files for review."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QColor, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from app.services.library import passage_of

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _dark_palette() -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e", QPalette.ColorRole.AlternateBase: "#2a2a2a",
        QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#333333",
        QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.Highlight: "#3d7bd9",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#333333",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
    }
    for role, color in roles.items():
        p.setColor(role, QColor(color))
    return p


def _settle(qtbot) -> None:
    qtbot.wait(50)
    QApplication.processEvents()


def test_screenshots(window, qtbot, wait_rows, tmp_path):
    # `make screenshots` (CONCORD_SCREENSHOTS=1) refreshes the README's pictures; a plain
    # test run writes them to a temporary folder and leaves the checkout clean.
    shots = SHOTS if os.environ.get("CONCORD_SCREENSHOTS") else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    window.resize(1400, 860)
    tree = window.panel.tree
    tree.expand(window.panel.proxy.index(0, 0))
    reader = window.open_document(1)
    reader.go_to_label("5(n)")
    reader.list.scrollTo(reader.model.index(reader.model.row_of_label("5")), reader.list.ScrollHint.PositionAtTop)
    _settle(qtbot)
    assert window.grab().save(str(shots / "main-window.png"))

    reader.go_to_label("7", "7(b)")
    reader.open_find()
    reader.find_bar.edit.setText("Government of Mali")
    reader.go_to_label("7")
    _settle(qtbot)
    assert window.tabs.grab().save(str(shots / "reader.png"))

    doc = reader.document
    view = wait_rows(window.open_comparison(passage_of(doc, "5(n)", "5(v)"), passage_of(doc, "7(a)", "7(i)")))
    view.next_change()
    view.next_change()  # 5(p) / 7(c), the pair that differs most
    _settle(qtbot)
    assert window.grab().save(str(shots / "comparison.png"))

    QApplication.setPalette(_dark_palette())
    try:
        _settle(qtbot)
        assert window.grab().save(str(tmp_path / "comparison-dark.png"))
    finally:
        QApplication.setPalette(QApplication.style().standardPalette())
    for name in ("main-window.png", "reader.png", "comparison.png"):
        assert (shots / name).stat().st_size > 20_000  # a real picture, not an empty window


def _composite(window, popup, where) -> QPixmap:
    """The window with a popup (a menu, a dialog) drawn where it stands on the screen:
    offscreen, each top-level widget is grabbed on its own."""
    from PySide6.QtGui import QPainter

    shot = window.grab()
    painter = QPainter(shot)
    painter.drawPixmap(where, popup.grab())
    painter.end()
    return shot


def test_screenshots_of_library_management_review_find_and_help(derived_window, qtbot, tmp_path, corpus_path):
    import subprocess

    from app.drafts import Replacement
    from app.services import drafts as svc

    shots = SHOTS if os.environ.get("CONCORD_SCREENSHOTS") else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    window = derived_window
    window.resize(1440, 900)
    window.open_document(1)

    # The library panel's context menu on the second document.
    tree = window.panel.tree
    index = window.panel.proxy.index(1, 0)
    tree.setCurrentIndex(index)
    menu = window.library_commands.context_menu_for(index)
    at = tree.visualRect(index).center()
    menu.popup(tree.viewport().mapToGlobal(at))
    _settle(qtbot)
    assert _composite(window, menu, tree.viewport().mapTo(window, at)).save(str(shots / "library-menu.png"))
    menu.close()

    dialog = window.library_commands.details_dialog(window.library_commands._from_index(index))
    dialog.fields["symbol"].setText("S/AC.51/2020/11")
    dialog.fields["meeting_date"].setText("20 November 2020")
    dialog.accept()  # refused: the date is not YYYY-MM-DD
    _settle(qtbot)
    assert dialog.grab().save(str(shots / "document-details.png"))
    dialog.reject()

    # The same conclusions from another file: the question before anything is stored.
    copy = tmp_path / "Mali 2020 (from the website).txt"
    copy.write_text(corpus_path.read_text(encoding="utf-8").replace("’", "'"), encoding="utf-8")
    controller = window.import_paths([str(copy)])
    qtbot.waitUntil(lambda: controller.question is not None, timeout=20000)
    question = controller.question
    _settle(qtbot)
    where = window.rect().center() - question.rect().center()  # a dialog stands over its window's middle
    assert _composite(window, question, where).save(str(shots / "same-document.png"))
    with qtbot.waitSignal(controller.finished, timeout=20000):
        question.skip.click()
    window.last_dialog.close()

    # The replace step's review, then the new draft with its places to review and Ctrl+H.
    reps = [Replacement("Mali", "Burkina Faso"), Replacement("Malian", "Burkinabe")]
    draft = svc.create_draft(window.library, "Conclusions on children and armed conflict in Burkina Faso",
                             svc.draft_source(window.library, "1", reps, "Burkina Faso"), reps)
    window.session.check()
    editor = window.drafts.open_draft(draft.id)
    editor.set_current_row(0)
    editor.next_to_review()
    editor.next_to_review()
    qtbot.wait(300)  # rows measured again once the columns have their width
    _settle(qtbot)
    assert window.grab().save(str(shots / "draft-review.png"))
    editor.open_replace()
    editor.find_bar.find_field.setText("Burkina Faso")
    editor.find_bar.replacement.setText("Chad")
    editor.find_bar.whole_words.setChecked(True)
    _settle(qtbot)
    assert window.grab().save(str(shots / "find-replace.png"))
    editor.find_bar.close_bar()

    # Help, the shortcut list, and the dark theme.
    helpd = window.help.show_help()
    _settle(qtbot)
    assert helpd.grab().save(str(shots / "help.png"))
    helpd.close()
    keys = window.show_shortcuts()
    keys.resize(620, 860)
    _settle(qtbot)
    assert keys.grab().save(str(shots / "shortcuts.png"))
    keys.close()
    window.view.set_theme("dark")
    try:
        window.view.set_zoom(110)
        _settle(qtbot)
        assert window.grab().save(str(shots / "dark-theme.png"))
    finally:
        window.view.set_theme("system")
        window.view.set_zoom(100)

    # Export to PDF of the comparison of 5(n)..5(v) with 7(a)..7(i), first page as LibreOffice-free
    # proof: rendered by poppler.
    doc = window.library.get_document(1)
    view = window.open_comparison(passage_of(doc, "5(n)", "5(v)"), passage_of(doc, "7(a)", "7(i)"))
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10000)
    pdf = window.printing.export_pdf(str(tmp_path / "comparison.pdf"))
    done = subprocess.run(["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "1", "-singlefile", pdf,
                           str(shots / "export-pdf")], capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    for name in ("library-menu.png", "document-details.png", "same-document.png", "draft-review.png", "find-replace.png", "help.png",
                 "shortcuts.png", "dark-theme.png", "export-pdf.png"):
        assert (shots / name).stat().st_size > 10_000, name
