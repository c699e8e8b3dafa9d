"""File > Print…, Print Preview… and Export to PDF… of the current tab: a document in the
reader, a comparison, or a draft (its working copy).

Print opens the system's printer dialog (Qt's print support); Export to PDF writes the
same pages to a file, to a temporary name first and then renamed, so a failed export
leaves nothing half-written.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QPageLayout, QTextDocument
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QWidget

from app.errors import ExportError
from ui import settings as S
from ui.dialogs.errors import show_error
from ui.views.comparison import ComparisonView
from ui.views.printable import comparison_html, document_html, segments_html, text_document
from ui.views.reader import ReaderView
from ui.workspace import Workspace

if TYPE_CHECKING:  # Qt's print support is loaded when something is first printed
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog


def printable(tab: QWidget | None) -> tuple[str, QTextDocument] | None:
    """The name and pages of what `tab` shows, or None when it is nothing to print."""
    # The editor is loaded with the first draft opened, not at start-up.
    from ui.drafting.editor import DraftEditor

    if isinstance(tab, ReaderView):
        return tab.document.situation or tab.document.title, text_document(document_html(tab.document))
    if isinstance(tab, DraftEditor):
        d = tab.draft
        where = f"{d.situation} · " if d.situation else ""
        return d.title, text_document(segments_html(d.title, f"{where}draft, working copy", tab.segments))
    if isinstance(tab, ComparisonView) and tab.comparison.rows:
        left, right = tab.side_names()
        return tab.title(), text_document(comparison_html(tab.comparison, left, right))
    return None


def new_printer() -> QPrinter:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageMargins(QMarginsF(20, 18, 20, 18), QPageLayout.Unit.Millimeter)
    return printer


def write_pdf(doc: QTextDocument, path: str | Path) -> Path:
    """Print `doc` to the PDF file `path`, all at once or not at all."""
    out = Path(path).expanduser()
    if not out.parent.is_dir():
        raise ExportError(f"{out.name}: the folder {out.parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=".concord-", suffix=".pdf", dir=out.parent)
    os.close(fd)
    try:
        printer = new_printer()
        printer.setOutputFormat(printer.OutputFormat.PdfFormat)
        printer.setOutputFileName(tmp)
        doc.print_(printer)
        if os.path.getsize(tmp) == 0:
            raise ExportError(f"{out.name}: the PDF could not be written")
        os.replace(tmp, out)
    except OSError as e:
        raise ExportError(f"{out.name}: cannot be written ({e.strerror or e})") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return out


class PrintCommands(QObject):
    """Print…, Print Preview…, Export to PDF… added to `menu`."""

    def __init__(self, workspace: Workspace, menu: QMenu) -> None:
        super().__init__(workspace.window())
        self.workspace = workspace
        self.printer: QPrinter | None = None  # kept while its dialog is open
        self.last_dialog: QDialog | None = None
        win = workspace.window()

        def act(text: str, key: QKeySequence.StandardKey | str, slot) -> QAction:
            a = QAction(text, win)
            a.setShortcut(QKeySequence(key))
            a.triggered.connect(lambda _=False: slot())
            menu.addAction(a)
            return a

        self.print_action = act("&Print…", QKeySequence.StandardKey.Print, self.print_dialog)
        self.preview_action = act("Print Pre&view…", "Ctrl+Shift+F2", self.preview_dialog)
        self.pdf_action = act("Export to P&DF…", "Ctrl+Alt+E", self.export_pdf_dialog)
        # Never disabled: Ctrl+P on a tab with nothing to print says so in the status bar.

    def _current(self) -> tuple[str, QTextDocument] | None:
        tab = self.workspace.current_tab()
        flush = getattr(tab, "flush", None)
        if callable(flush):
            flush()  # a draft: what was typed is in the library before it is printed
        found = printable(tab)
        if found is None:
            self.workspace.show_status("Print works on a document, a comparison or a draft: open one first.", 6000)
        return found

    def print_dialog(self) -> QPrintDialog | None:
        found = self._current()
        if found is None:
            return None
        from PySide6.QtPrintSupport import QPrintDialog

        name, doc = found
        self.printer = printer = new_printer()
        printer.setDocName(name)
        dialog = QPrintDialog(printer, self.workspace.window())
        dialog.setWindowTitle(f"Print {name}")
        dialog.accepted.connect(lambda: doc.print_(printer))
        self._open(dialog)
        return dialog

    def preview_dialog(self) -> QPrintPreviewDialog | None:
        found = self._current()
        if found is None:
            return None
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        name, doc = found
        self.printer = printer = new_printer()
        printer.setDocName(name)
        dialog = QPrintPreviewDialog(printer, self.workspace.window())
        dialog.setWindowTitle(f"Print Preview: {name}")
        dialog.paintRequested.connect(doc.print_)
        dialog.resize(900, 1000)
        self._open(dialog)
        return dialog

    def _open(self, dialog: QDialog) -> None:
        """Open (not exec) a print dialog; their classes hide `open()` behind another overload."""
        self.last_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        QDialog.open(dialog)

    def export_pdf_dialog(self) -> str:
        found = self._current()
        if found is None:
            return ""
        name, _ = found
        folder = S.start_folder(S.EXPORT_FOLDER)
        stem = "".join(c if c.isalnum() or c in "-_ " else "-" for c in name)[:60].strip() or "concord"
        path, _ = QFileDialog.getSaveFileName(self.workspace.window(), "Export to PDF",
                                              str(Path(folder) / f"{stem}.pdf"), "PDF (*.pdf)")
        if not path:
            return ""
        S.EXPORT_FOLDER.set(str(Path(path).parent))
        return self.export_pdf(path)

    def export_pdf(self, path: str) -> str:
        """Write the current tab's pages to `path`; the status bar says where they went."""
        found = self._current()
        if found is None:
            return ""
        try:
            out = write_pdf(found[1], path)
        except ExportError as e:
            show_error(self.workspace.window(), "Export to PDF failed", str(e))
            return ""
        self.workspace.show_status(f"Exported {found[0]} to {out}", 8000)
        return str(out)
