"""Work around a reference-counting fault of the Qt bindings on Python 3.11.

Measured with PySide6 6.12.0 on CPython 3.11: every call of a Qt method that returns
nothing (`QWidget.setEnabled`, `QTextLayout.setPosition`, `QPainter.save`, ...) releases one
reference to `None` that it never took. After a few thousand such calls (laying out one
long document is enough) CPython aborts with "deallocating None". From Python 3.12 `None`
is immortal and the fault is harmless; on 3.11 we give `None` a reference count so large
that it can never reach zero, which is what 3.12 does.
"""

from __future__ import annotations

import ctypes
import sys

_IMMORTAL = 1 << 60


def keep_none_alive() -> None:
    """Make `None` effectively immortal on CPython before 3.12 (no-op elsewhere)."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < _IMMORTAL // 2:
        refcount.value = _IMMORTAL
