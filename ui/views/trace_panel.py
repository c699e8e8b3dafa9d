"""The frame the provenance and clause history tabs share: a bold title, a summary line with
the row actions as buttons, and the trace table below."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget


def view_action(owner: QWidget, text: str, shortcut: str, slot: Callable[[], object]) -> QAction:
    """An action of `owner` whose shortcut works wherever the focus is inside it (several tabs
    hold the same shortcuts); the tooltip names the shortcut."""
    a = QAction(text, owner)
    a.setShortcut(QKeySequence(shortcut))
    a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    a.setToolTip(f"{text} ({a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
    a.triggered.connect(lambda _=False: slot())
    owner.addAction(a)
    return a


def title_label() -> QLabel:
    """The tab's heading: plain text (it holds document text), wrapped, larger and bold."""
    title = QLabel()
    title.setTextFormat(Qt.TextFormat.PlainText)
    title.setWordWrap(True)
    tf = title.font()
    tf.setPointSizeF(tf.pointSizeF() * 1.2)
    tf.setBold(True)
    title.setFont(tf)
    return title


def lay_out_trace(owner: QWidget, title: QLabel, summary: QLabel, table: QWidget, actions: Sequence[QAction],
                  beside: Sequence[QWidget] = (), below: Sequence[QWidget] = ()) -> None:
    """Title, then the summary with `beside` and a button per action, then `below`, then the table."""
    head = QVBoxLayout()
    head.setContentsMargins(10, 8, 10, 4)
    head.addWidget(title)
    row = QHBoxLayout()
    row.addWidget(summary, 1)
    for w in beside:
        row.addWidget(w)
    for a in actions:
        b = QToolButton()
        b.setDefaultAction(a)
        b.setAccessibleName(a.text())
        row.addWidget(b)
    head.addLayout(row)
    for w in below:
        head.addWidget(w)
    lay = QVBoxLayout(owner)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(2)
    lay.addLayout(head)
    lay.addWidget(table, 1)
    owner.setFocusProxy(table)
