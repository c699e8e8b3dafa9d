"""Every custom item data role of Concord's models, in one enumeration.

Models answer them in `data()`, delegates and views ask for them with `index.data(Role.X)`;
one enumeration means two models can never pick the same number for different things.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt

_USER = Qt.ItemDataRole.UserRole.value


class Role(IntEnum):
    DOC_ID = _USER + 1  # int: the document a row belongs to
    LABEL = _USER + 2  # str: a paragraph label such as "5(n)"
    KIND = _USER + 3  # str: a `Kind` value, "document" or "drafts"
    SEGMENT = _USER + 4  # Segment
    SPANS = _USER + 5  # tuple[(start, end[, op]), ...]: highlighted character ranges of the text
    ROW = _USER + 6  # compare.model.Row
    POSITION = _USER + 7  # int: a segment's position in its document
    DRAFT_ID = _USER + 8  # int: the draft a row belongs to
    COMPARISON_INDEX = _USER + 9  # int: a comparison row's index in `Comparison.rows`
    HIT = _USER + 10  # SearchHit
    PARALLEL = _USER + 11  # compare.parallels.Parallel
    STATUS = _USER + 12  # str: "verbatim", "modified" or "new"
    ITEM = _USER + 13  # SegmentProvenance
    VERBATIM = _USER + 14  # bool: repeated word for word (painted quieter)
    ENTRY = _USER + 15  # HistoryEntry
    CURRENT = _USER + 16  # bool: the clause a history was asked for
