"""Dialogs of the Drafts menu: which pair of versions to compare, and how to export a draft."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.drafts import Draft
from app.errors import ConcordError
from app.store import Store
from ui import settings as S
from ui.dialogs.parts import error_label, ok_cancel_buttons
from ui.dialogs.passage_picker import PassagePicker

Side = int | None  # a version number; None is the working copy


def version_name(draft: Draft, number: Side) -> str:
    if number is None:
        return "working copy"
    return f"{number}. {draft.version_info(number).name}"


def version_pairs(draft: Draft) -> list[tuple[Side, Side]]:
    """Each version against the one before it, then the latest version against the working copy."""
    numbers = [v.number for v in draft.versions]
    pairs: list[tuple[Side, Side]] = list(zip(numbers, numbers[1:], strict=False))
    if numbers:
        pairs.append((numbers[-1], None))
    return pairs


class VersionPairDialog(QDialog):
    """Draft History: pick a pair of consecutive versions; the latest pair is chosen first."""

    def __init__(self, draft: Draft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"History of {draft.title}")
        self.draft = draft
        self.box = QComboBox()
        self.box.setAccessibleName("Versions to compare")
        for left, right in version_pairs(draft):
            self.box.addItem(f"{version_name(draft, left)}  →  {version_name(draft, right)}", (left, right))
        versions = [v for v in range(self.box.count()) if self.box.itemData(v)[1] is not None]
        self.box.setCurrentIndex(versions[-1] if versions else self.box.count() - 1)
        intro = QLabel("Compare each version with the one before it:")
        buttons = ok_cancel_buttons(self, "Compare")
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.box)
        lay.addWidget(buttons)
        self.box.setFocus()
        self.resize(480, 120)

    def pair(self) -> tuple[Side, Side]:
        return self.box.currentData()


@dataclass(frozen=True)
class ExportChoice:
    """What Export Draft to Word writes: a text, optionally as a redline against another."""

    version: Side
    path: str
    against: str | None = None  # a REF: `draft:3@1` or `1:5(n)..5(v)`; None: conclusions layout
    mode: str = "track"
    author: str = ""


class ExportDraftDialog(QDialog):
    """The version (or working copy), the layout or the redline base, the author and the file."""

    def __init__(self, library: Store, draft: Draft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export Draft to Word")
        self.draft = draft
        self.version = QComboBox()
        self.version.setAccessibleName("Text to export")
        self.version.addItem("working copy", None)
        for v in reversed(draft.versions):
            self.version.addItem(version_name(draft, v.number), v.number)

        self.layout_group = QButtonGroup(self)
        self.plain_radio = QRadioButton("&Conclusions layout")
        self.redline_radio = QRadioButton("&Redline against:")
        self.layout_group.addButton(self.plain_radio, 0)
        self.layout_group.addButton(self.redline_radio, 1)
        self.plain_radio.setChecked(True)
        self.base = QComboBox()
        self.base.setAccessibleName("Redline against")
        for v in reversed(draft.versions):
            self.base.addItem(f"version {version_name(draft, v.number)}", f"draft:{draft.id}@{v.number}")
        self.base.addItem("a library document or range…", "")
        self.picker = PassagePicker(library, "Base")
        self.mode = QComboBox()
        self.mode.setAccessibleName("Redline style")
        self.mode.addItem("Tracked changes (accept or reject in Word)", "track")
        self.mode.addItem("Bold insertions, struck-out deletions", "bold")
        from app.services.export import default_author  # the Word writer loads when first needed

        self.author = QLineEdit(S.EXPORT_AUTHOR.get() or default_author())
        self.author.setAccessibleName("Author of the tracked changes")
        folder = Path(S.start_folder(S.EXPORT_FOLDER))
        name = "".join(c if c.isalnum() or c in "-_ " else "-" for c in draft.title)[:60].strip() or "draft"
        self.path = QLineEdit(str(folder / f"{name}.docx"))
        self.path.setAccessibleName("Word file")
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)

        self.chosen: ExportChoice | None = None
        self.error = error_label()
        form = QFormLayout()
        form.addRow("&Text:", self.version)
        form.addRow(self.plain_radio)
        form.addRow(self.redline_radio, self.base)
        form.addRow("", self.picker)
        form.addRow("&Style:", self.mode)
        form.addRow("&Author:", self.author)
        file_label = QLabel("&File:")
        file_label.setBuddy(self.path)  # a row of a layout takes no mnemonic of its own
        form.addRow(file_label, file_row)
        buttons = ok_cancel_buttons(self, "Export")
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.layout_group.idToggled.connect(lambda *_: self._update())
        self.base.currentIndexChanged.connect(lambda _: self._update())
        self._update()
        self.resize(640, 300)

    def _update(self) -> None:
        redline = self.redline_radio.isChecked()
        self.base.setEnabled(redline)
        self.picker.setEnabled(redline and self.base.currentData() == "")
        self.mode.setEnabled(redline)
        self.author.setEnabled(redline)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export to Word", self.path.text(), "Word (*.docx)")
        if path:
            self.path.setText(path)

    def choice(self) -> ExportChoice:
        """What the person chose; raises `ConcordError` for a missing file name or base."""
        path = self.path.text().strip()
        if not path:
            raise ConcordError("choose the Word file to write")
        against = None
        if self.redline_radio.isChecked():
            against = self.base.currentData() or self.picker.ref()
        return ExportChoice(self.version.currentData(), path, against, self.mode.currentData(),
                            self.author.text().strip())

    def accept(self) -> None:
        try:
            choice = self.chosen = self.choice()
        except ConcordError as e:
            self.error.setText(str(e))
            return
        S.EXPORT_FOLDER.set(str(Path(choice.path).expanduser().parent))
        if choice.against is not None:
            S.EXPORT_AUTHOR.set(choice.author)
        super().accept()
