"""Qt models: thin adapters that present core values (documents, comparisons, hits) to views."""

from __future__ import annotations

from PySide6.QtCore import Qt

USER = Qt.ItemDataRole.UserRole.value
# Custom roles shared by models and delegates.
DOC_ID_ROLE = USER + 1  # int: the document a row belongs to
LABEL_ROLE = USER + 2  # str: a paragraph label such as "5(n)"
KIND_ROLE = USER + 3  # str: a `Kind` value, or "document"
SEGMENT_ROLE = USER + 4  # Segment
SPANS_ROLE = USER + 5  # tuple[(start, end), ...]: highlighted character ranges of the text
ROW_ROLE = USER + 6  # compare.model.Row
POSITION_ROLE = USER + 7  # int: a segment's position in its document
DRAFT_ID_ROLE = USER + 8  # int: the draft a row belongs to
