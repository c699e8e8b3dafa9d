"""The draft's saved state and Save version stay in sight at every window width."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, QRect

from app.drafts import Replacement
from app.model import Kind
from app.services import drafts as svc
from ui.drafting.status_strip import saved_at


def test_saved_time_is_short_and_local():
    now = datetime(2026, 12, 1, 15, 0).astimezone()  # 15:00 on the machine's clock
    today = (now - timedelta(minutes=5)).astimezone(UTC).isoformat()
    text, tip = saved_at(today, now)
    assert text == f"Saved {(now - timedelta(minutes=5)).strftime('%H:%M')}"
    assert tip.startswith("Saved in the library on 2026-12-01")
    older = (now - timedelta(days=3)).astimezone(UTC).isoformat()
    assert saved_at(older, now)[0].startswith("Saved 28 Nov ")
    assert saved_at("not a time")[0] == "Saved not a time"


def _in_sight(window, widget) -> bool:
    if not widget.isVisible():
        return False
    top_left = widget.mapTo(window, QPoint(0, 0))
    return window.rect().contains(QRect(top_left, widget.size()))


@pytest.mark.parametrize("width", [1440, 1024])
def test_saved_state_and_save_version_never_overflow(window, qtbot, width):
    draft = svc.new_draft(window.library, "Burkina Faso", "1", [Replacement("Mali", "Burkina Faso")])
    window.resize(width, 860)
    editor = window.drafts.open_draft(draft.id)
    editor.set_current_row([s.label for s in editor.segments].index("6"))
    editor.add(Kind.SUBPARAGRAPH)  # a long undo name ("Add subparagraph") used to push the rest out
    qtbot.wait(50)
    assert editor.undo_action.text() == "Undo"  # short on the toolbar; the step is in the tooltip
    assert "Add subparagraph" in editor.undo_action.toolTip()
    for w in (editor.saved_label, editor.status.save_button, editor.brackets_label):
        assert _in_sight(window, w), (width, w.accessibleName())
    assert editor.saved_label.text().startswith("Saved ")
    assert editor.status.save_button.text().startswith("Save version")
