"""Importing files: a progress dialog (file n of m, cancel), then a summary of outcomes."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.model import ImportResult
from app.services.library import Same, import_file, import_files
from app.wording import count
from ui import settings as S
from ui.dialogs.same_document import SameDocumentQuestion
from ui.models.import_model import ImportResultsModel
from ui.session import Session
from ui.workers import Job

IMPORT_FILTER = "Conclusions (*.txt *.docx *.pdf);;All files (*)"


def revisions_setting() -> str:
    """How Word tracked changes are read, as `import_files` names it: "accept" or "reject"."""
    return "reject" if S.IMPORT_REJECT_REVISIONS.get() else "accept"


class ImportFileDialog(QFileDialog):
    """File > Import…: several files, and how to read Word tracked changes (remembered).

    Qt's own dialog rather than the platform's, because only it takes the extra checkbox.
    """

    def __init__(self, parent: QWidget | None = None, folder: str = "") -> None:
        super().__init__(parent, "Import conclusions", folder, IMPORT_FILTER)
        self.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        self.setFileMode(QFileDialog.FileMode.ExistingFiles)
        self.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        self.reject_box = QCheckBox("Word files: read tracked changes as rejected (the text before the changes)")
        self.reject_box.setAccessibleName("Read Word tracked changes as rejected")
        self.reject_box.setToolTip("Unchecked, Word files are read with every tracked change accepted.")
        self.reject_box.setChecked(S.IMPORT_REJECT_REVISIONS.get())
        grid = self.layout()
        if isinstance(grid, QGridLayout):
            grid.addWidget(self.reject_box, grid.rowCount(), 0, 1, grid.columnCount())
        self.filesSelected.connect(lambda _: self._remember())

    def revisions(self) -> str:
        return "reject" if self.reject_box.isChecked() else "accept"

    def _remember(self) -> None:
        S.IMPORT_REJECT_REVISIONS.set(self.reject_box.isChecked())
        files = self.selectedFiles()
        if files:
            S.IMPORT_FOLDER.set(str(Path(files[0]).parent))


class ImportSummaryDialog(QDialog):
    """What was imported, what was already there, what failed and why."""

    def __init__(self, results: list[ImportResult], cancelled: bool, parent: QWidget | None = None,
                 total: int = 0) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import cancelled" if cancelled else "Import complete")
        self.model = ImportResultsModel(results, self)
        c = self.model.counts()
        outcome = f"{c['imported']} imported, {c['duplicate']} already in the library, {c['failed']} failed"
        if cancelled:
            read = f"{len(results)} of {count(total, 'file')}" if total else count(len(results), "file")
            text = f"Import cancelled after {read}: {outcome}."
        else:
            text = f"Import complete, {count(len(results), 'file')} read: {outcome}."
        self.headline = QLabel(text)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.headline.setAccessibleName("Import summary")
        self.table = QTableView()
        self.table.setAccessibleName("Imported files")
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)  # a refusal's reason is read whole
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Reasons wrap: the rows are measured again once the columns have their width.
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(self.headline)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
        self.resize(860, 360)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()


class ImportController(QObject):
    """Runs one import on the write lane with a progress dialog; `finished(results)` at the end.

    Between two files the lane runs the autosaves waiting behind the import, so a long
    import never holds back what a drafter typed. A file holding a document the library
    already has from another file is stored only once the person has said what to do
    (`SameDocumentQuestion`); `finished` comes after the last answer, with every outcome.
    """

    finished = Signal(object)  # list[ImportResult]
    failed = Signal(str)

    def __init__(self, session: Session, paths: Sequence[str | Path], parent: QWidget,
                 revisions: str = "accept") -> None:
        super().__init__(parent)
        self.paths = [str(p) for p in paths]
        self.revisions = revisions
        self.results: list[ImportResult] = []
        self.question: SameDocumentQuestion | None = None  # the one being asked, for tests
        self._asks: list[ImportResult] = []
        self._answers: list[tuple[str, Same]] = []
        self.progress = QProgressDialog("Importing…", "Cancel", 0, len(self.paths), parent)
        self.progress.setWindowTitle("Import")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setAccessibleName("Import progress")
        self.session = session
        self.job: Job = session.job(self._work, "importing files", writes=True)
        self.job.signals.progress.connect(self._progressed)
        self.job.signals.finished.connect(self._done)
        self.job.signals.failed.connect(self._failed)
        self.progress.canceled.connect(self.job.cancel)

    def start(self) -> Job:
        self.progress.show()
        return self.session.lane.submit(self.job)

    def _work(self, lib, job: Job) -> list[ImportResult]:
        def progress(done: int, total: int, name: str) -> None:
            job.report(done, total, name)
            self.session.lane.run_urgent()

        return import_files(lib, self.paths, progress=progress, cancelled=job.is_cancelled,
                            revisions=self.revisions, same=Same.ASK)

    def _progressed(self, done: int, total: int, name: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        if name:
            self.progress.setLabelText(f"File {done + 1} of {total}: {name}")

    def _done(self, results: list[ImportResult]) -> None:
        self.results = results
        self._close_progress()
        self._asks = [r for r in results if r.same_as is not None and not r.same_action]
        if self._asks:
            self._ask_next()
        else:
            self.finished.emit(results)

    # --- the same document from another file ------------------------------------------

    def _ask_next(self) -> None:
        if not self._asks:
            self._import_answers()
            return
        result = self._asks.pop(0)
        parent = self.parent()
        box = SameDocumentQuestion(result, len(self._asks), parent if isinstance(parent, QWidget) else None)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _: self._answered(box, result))
        self.question = box
        box.open()

    def _answered(self, box: SameDocumentQuestion, result: ImportResult) -> None:
        choice = box.choice()
        self._answers.append((result.file, choice))
        if box.for_all.isChecked():
            self._answers += [(r.file, choice) for r in self._asks]
            self._asks = []
        self.question = None
        self._ask_next()

    def _import_answers(self) -> None:
        """Import again the files asked about, each as the person answered."""
        answers, revisions = list(self._answers), self.revisions
        self._answers = []

        def work(lib, job: Job) -> list[ImportResult]:
            return [import_file(lib, path, revisions, same) for path, same in answers]

        job = self.session.job(work, "importing files", writes=True)
        job.signals.finished.connect(self._answers_done)
        job.signals.failed.connect(self.failed)
        self.answers_job = self.session.lane.submit(job)

    def _answers_done(self, again: list[ImportResult]) -> None:
        by_file = {r.file: r for r in again}
        self.results = [by_file.get(r.file, r) for r in self.results]
        self.finished.emit(self.results)

    def _failed(self, message: str) -> None:
        self._close_progress()
        self.failed.emit(message)

    def _close_progress(self) -> None:
        # Closing a progress dialog emits `canceled`: let go of the job first, or every
        # import that ran to the end would be reported as cancelled.
        self.progress.canceled.disconnect(self.job.cancel)
        self.progress.close()

    @property
    def cancelled(self) -> bool:
        """Whether the person stopped the import before every file was read."""
        return self.job.is_cancelled() and len(self.results) < len(self.paths)
