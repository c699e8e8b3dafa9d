"""A picker of one side of a comparison: a document and a label range (from .. to)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QWidget

from app.errors import ConcordError
from app.model import Document, Passage
from app.services.library import passage_of
from app.store import Store

WHOLE = "(whole document)"


def version_of(passage: Passage) -> str:
    """The round a draft passage comes from ("rev.1", "working copy"); "" for a library text."""
    title = passage.document.title
    if not passage.ref.strip().startswith("draft:") or not title.endswith(")") or "(" not in title:
        return ""
    return title[title.rindex("(") + 1 : -1]


def passage_name(passage: Passage) -> str:
    """`describe()`, with the draft round named: "Burkina Faso draft, rev.1 5(n)..5(v)"."""
    version = version_of(passage)
    if not version:
        return passage.describe()
    where = f"{passage.document.situation or 'Untitled'} draft, {version}"
    if passage.start and passage.end and passage.start != passage.end:
        return f"{where} {passage.start}..{passage.end}"
    return f"{where} {passage.start}".strip()


def _tellers(d: Any) -> tuple[str, ...]:
    """What may tell two documents apart, in the order a drafter recognises it."""
    source = Path(d.source_file).name if d.source_file else ""
    return (d.meeting_date, d.symbol, source, f"#{d.id}" if d.id is not None else "")


def distinctions(docs: Sequence[Any], base: Callable[[Any], str]) -> list[str]:
    """For documents whose `base` name is shared, what tells each apart: the first of date,
    symbol, source file name and "#id" that differs between all of them; "" for the others.

    Two conclusions on Mali adopted the same day read "Mali 2020-11-20" twice; their symbols
    ("S/AC.51/2020/11", "S/AC.51/2020/12") or, failing that, their files tell them apart.
    """
    groups: dict[str, list[int]] = {}
    for i, d in enumerate(docs):
        groups.setdefault(base(d), []).append(i)
    out = [""] * len(docs)
    for members in groups.values():
        if len(members) < 2:
            continue
        for k in range(4):
            values = [_tellers(docs[i])[k] for i in members]
            if all(values) and len(set(values)) == len(values):
                for i, v in zip(members, values, strict=True):
                    out[i] = v
                break
    return out


def document_names(docs: Sequence[Any]) -> list[str]:
    """Picker names, "Mali 2020-11-20", each distinct: "Mali 2020-11-20 · S/AC.51/2020/11"."""
    def base(d: Any) -> str:
        return f"{d.situation or d.title} {d.meeting_date}".strip()

    return [f"{base(d)} · {x}" if x else base(d) for d, x in zip(docs, distinctions(docs, base), strict=True)]


def side_distinctions(left: Passage, right: Passage) -> tuple[str, str]:
    """What tells the two sides' documents apart when they are different documents of the
    same situation ("", "" when the situation, a draft round or the same document does)."""
    if _key(left) == _key(right) or version_of(left) or version_of(right):
        return "", ""
    a, b = distinctions([left.document, right.document], lambda d: d.situation or d.title)
    return a, b


def dated_name(passage: Passage) -> str:
    """A side named by situation and meeting date, "Mali 2020-11-20 5(n)..5(v)"; a draft's
    text by its round, "Burkina Faso draft, rev.1"."""
    if version_of(passage):
        return passage_name(passage)
    doc = passage.document
    where = " ".join(x for x in (doc.situation or doc.title, doc.meeting_date) if x)
    if passage.start and passage.end and passage.start != passage.end:
        return f"{where} {passage.start}..{passage.end}"
    return f"{where} {passage.start}".strip()


def side_titles(left: Passage, right: Passage) -> tuple[str, str]:
    """Both sides' names for headers and exports ("Mali 2020-11-20 → Burkina Faso draft,
    rev.1"); two documents of one situation and date add what tells them apart (symbol,
    file), never a database id when anything else will do."""
    names = [dated_name(left), dated_name(right)]
    if names[0] == names[1] and _key(left) != _key(right):
        apart = distinctions([left.document, right.document], lambda d: f"{d.situation or d.title} {d.meeting_date}")
        names = [f"{n} · {a}" if a else n for n, a in zip(names, apart, strict=True)]
    return names[0], names[1]


def _key(passage: Passage) -> int | str | None:
    return passage.document.id if passage.document.id is not None else draft_key(passage)


def draft_key(passage: Passage) -> str:
    """`draft:3@2:5..6` -> `draft:3@2`: which draft text a passage comes from."""
    return ":".join(passage.ref.strip().split(":")[:2])


def _line(box: QComboBox) -> QLineEdit:
    line = box.lineEdit()
    assert line is not None  # the label boxes are editable
    return line


class PassagePicker(QWidget):
    """Document, first label and last label; `changed` fires when the person picks anew.

    Library documents are keyed by id; a draft's text shown here (a version or the working
    copy) is keyed by its reference, `draft:3@2`, and offered alongside them.
    """

    changed = Signal()

    def __init__(self, library: Store, side: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self._docs: dict[int | str, Document] = {}
        self.document = QComboBox()
        self.document.setAccessibleName(f"{side} document")
        self.document.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.document.setMinimumContentsLength(12)
        self.document.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.start = self._label_box(f"{side} from label", len(WHOLE))  # "(whole document)" unclipped
        self.end = self._label_box(f"{side} to label", 6)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(f"{side}:"))
        row.addWidget(self.document, 1)
        row.addWidget(QLabel("from"))
        row.addWidget(self.start)
        row.addWidget(QLabel("to"))
        row.addWidget(self.end)
        self.reload_documents()
        self.document.activated.connect(self._document_picked)
        self.start.activated.connect(lambda _: self.changed.emit())
        self.end.activated.connect(lambda _: self.changed.emit())
        _line(self.start).editingFinished.connect(self._edited)
        _line(self.end).editingFinished.connect(self._edited)
        self._last = ("", "")

    def reload_documents(self) -> None:
        """Offer the library's documents as they are now (after an import), keeping the choice."""
        keep = self.document.currentData()
        drafts = [(self.document.itemText(i), self.document.itemData(i)) for i in range(self.document.count())
                  if isinstance(self.document.itemData(i), str)]
        self.document.blockSignals(True)
        self.document.clear()
        docs = self.library.list_documents()
        for d, name in zip(docs, document_names(docs), strict=True):
            self.document.addItem(name, d.id)
        for name, key in drafts:
            self.document.addItem(name, key)
        i = self.document.findData(keep) if keep is not None else 0
        self.document.setCurrentIndex(max(i, 0) if self.document.count() else -1)
        self.document.blockSignals(False)
        if keep is not None and i < 0 and self.document.count():  # its document was removed
            self._fill_labels(self._doc(self.document.currentData()))

    def _label_box(self, name: str, chars: int) -> QComboBox:
        box = QComboBox()
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        box.setAccessibleName(name)
        box.setMinimumContentsLength(chars)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return box

    def _doc(self, doc_id: int | str) -> Document:
        if doc_id not in self._docs:
            assert isinstance(doc_id, int)  # a draft's text (a str key) is given by `set_passage`
            self._docs[doc_id] = self.library.get_document(doc_id)
        return self._docs[doc_id]

    def _fill_labels(self, doc: Document) -> None:
        for box in (self.start, self.end):
            box.blockSignals(True)
            box.clear()
            box.addItem(WHOLE if box is self.start else "")
            box.addItems(doc.labels())
            box.blockSignals(False)

    def _document_picked(self, _: int) -> None:
        self._fill_labels(self._doc(self.document.currentData()))
        self.changed.emit()

    def _edited(self) -> None:
        now = (self.start.currentText(), self.end.currentText())
        if now != self._last:
            self._last = now
            self.changed.emit()

    def set_passage(self, passage: Passage) -> None:
        doc = passage.document
        key: int | str | None = doc.id
        if key is None and passage.ref.strip().startswith("draft:"):
            key = draft_key(passage)
        if key is not None:
            self._docs[key] = doc
            i = self.document.findData(key)
            if i < 0:
                name = passage_name(Passage(doc, (), passage.ref)) if isinstance(key, str) else doc.situation or doc.title
                self.document.addItem(name, key)
                i = self.document.count() - 1
            self.document.setCurrentIndex(i)
        self._fill_labels(doc)
        self.start.setCurrentText(passage.start or WHOLE)
        self.end.setCurrentText(passage.end if passage.end != passage.start else "")
        for box in (self.start, self.end):
            _line(box).setCursorPosition(0)  # a narrow box shows "(whole d", not "e document)"
        self._last = (self.start.currentText(), self.end.currentText())

    def ref(self) -> str:
        """What is picked now as a REF (`1:5(n)..5(v)`, `draft:3@2:7`), without reading the text."""
        key = self.document.currentData()
        if key is None:
            raise ConcordError("no document chosen")
        start, end = self.start.currentText().strip(), self.end.currentText().strip()
        if start in ("", WHOLE):
            return str(key)
        return f"{key}:{start}..{end}" if end and end != start else f"{key}:{start}"

    def passage(self) -> Passage:
        """What is picked now; raises `ConcordError` for a label the document does not have."""
        if self.document.currentIndex() < 0:
            raise ConcordError("no document chosen")
        key = self.document.currentData()
        doc = self._doc(key)
        start = self.start.currentText().strip()
        end = self.end.currentText().strip()
        end = end if end and end != start else ""
        ref = key if isinstance(key, str) else ""
        if start in ("", WHOLE):
            return passage_of(doc, ref=ref)
        if ref:
            ref = f"{ref}:{start}..{end}" if end else f"{ref}:{start}"
        return passage_of(doc, start, end, ref)
