"""Write a file all at once: a temporary file in the same folder, then a rename.

A failure part-way never leaves half a document, and a document open in Word or
LibreOffice (which leave an owner/lock file beside it) is refused rather than overwritten.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from app.errors import ExportError


def word_owner_file(name: str) -> str:
    """The owner file Word keeps beside `name` while it is open.

    "~$" replaces the first two characters of a name whose stem has 8 or more characters
    ("Document1.docx" -> "~$cument1.docx"), the first one at 7, and is prefixed to shorter
    names ("mali.docx" -> "~$mali.docx").
    """
    stem = name.rsplit(".", 1)[0] if "." in name else name
    drop = 2 if len(stem) >= 8 else 1 if len(stem) == 7 else 0
    return "~$" + name[drop:]


def lock_files(target: Path) -> list[Path]:
    """The owner files of Word and LibreOffice (`.~lock.NAME#`) present beside `target`."""
    candidates = (word_owner_file(target.name), f".~lock.{target.name}#")
    return [target.parent / c for c in candidates if (target.parent / c).exists()]


def check_writable(target: Path) -> None:
    """Raise `ExportError` saying why `target` cannot be written, if it cannot."""
    folder = target.parent
    if target.is_dir():
        raise ExportError(f"{target}: is a folder, not a file")
    if not folder.is_dir():
        raise ExportError(f"{target}: the folder {folder} does not exist")
    locks = lock_files(target)
    if locks:
        raise ExportError(
            f"{target}: the file is open in a word processor ({locks[0].name} beside it); "
            "close it there and export again"
        )
    if target.exists() and not os.access(target, os.W_OK):
        raise ExportError(f"{target}: the file is read-only; choose another name")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(f"{target}: cannot write in the folder {folder} (permission denied)")


def write_text_atomic(target: str | Path, text: str) -> Path:
    """`write_atomic` for a text file in UTF-8 (e.g. the HTML comparison report)."""
    return write_atomic(target, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))


def write_atomic(target: str | Path, write: Callable[[str], object]) -> Path:
    """Call `write(tmp)` with the name of a temporary file beside `target`, then rename it."""
    target = Path(target).expanduser().absolute()
    check_writable(target)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".~concord-", suffix=target.suffix, dir=target.parent)
    except OSError as e:
        # The permission checks above are advisory (root, network shares): the folder
        # itself has the last word.
        raise ExportError(f"{target}: could not be written ({e.strerror or e})") from e
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(str(tmp))
        with tmp.open("rb") as f:
            os.fsync(f.fileno())
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"{target}: could not be written ({e.strerror or e})") from e
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target
