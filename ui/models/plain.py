"""Text from documents and people shown in places Qt would read as rich text (tooltips)."""

from __future__ import annotations

import html


def plain_tooltip(text: str) -> str:
    """Document text for a tooltip: Qt reads tooltips as rich text when they look like markup,
    so the text is escaped (a title holding `<b>` or `<img src=...>` shows it literally)."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"
