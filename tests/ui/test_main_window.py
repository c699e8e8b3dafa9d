from pathlib import Path

from PySide6.QtGui import QFontDatabase

from ui.main_window import MainWindow


def test_window_lists_documents_and_shows_labels(qtbot, corpus_library, tmp_path):
    window = MainWindow(corpus_library)
    qtbot.addWidget(window)
    window.show()
    assert window.documents.count() == 1
    labels = [window.reader.topLevelItem(i).text(0) for i in range(window.reader.topLevelItemCount())]
    assert "5(n)" in labels and "annex-17" in labels
    assert "1 documents" in window.statusBar().currentMessage()
    # Offscreen Qt with no font installed draws empty boxes: make sure a real family exists.
    assert QFontDatabase.families()
    out = Path(tmp_path) / "main.png"
    assert window.grab().save(str(out))
