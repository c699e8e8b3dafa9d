"""Every persisted preference, declared once with its type, default and meaning.

Widgets read and write settings only through `SETTINGS` entries, so a key is never spelled
twice and a stored value of the wrong type (an old file, a hand edit) falls back to the
default instead of breaking start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type
    default: T
    doc: str

    def get(self, store: QSettings | None = None) -> T:
        s = store or settings_store()
        value: Any = s.value(self.key, self.default)
        if value is None:
            return self.default
        try:
            if self.type is bool:
                if isinstance(value, str):
                    return value.lower() in ("true", "1", "yes")  # type: ignore[return-value]
                return bool(value)  # type: ignore[return-value]
            if self.type is QByteArray:
                return value if isinstance(value, QByteArray) else self.default  # type: ignore[return-value]
            if self.type is list:
                if isinstance(value, str):
                    return [value] if value else []  # type: ignore[return-value]
                return list(value)  # type: ignore[return-value]
            return self.type(value)
        except (TypeError, ValueError):
            return self.default

    def set(self, value: T, store: QSettings | None = None) -> None:
        (store or settings_store()).setValue(self.key, value)


_override: str | None = None


def use_settings_file(path: str | None) -> None:
    """Keep settings in the INI file `path` instead of the user's (tests, portable use)."""
    global _override
    _override = path


def start_folder(setting: Setting[str]) -> str:
    """The folder a file dialog opens in: the one used last, else the person's Documents
    folder, else their home (never the folder the program was started from)."""
    last = setting.get()
    if last and Path(last).is_dir():
        return last
    documents = Path.home() / "Documents"
    return str(documents if documents.is_dir() else Path.home())


def settings_store() -> QSettings:
    """The application's settings: the user's, or the file given to `use_settings_file`."""
    if _override:
        return QSettings(_override, QSettings.Format.IniFormat)
    return QSettings("Concord", "Concord")


WINDOW_GEOMETRY = Setting("window/geometry", QByteArray, QByteArray(), "main window size and place")
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray(), "toolbars and docks")
MAIN_SPLITTER = Setting("window/splitter", QByteArray, QByteArray(), "library panel | tabs")
LAST_LIBRARY = Setting("library/last", str, "", "the library file opened last (empty: default)")
IMPORT_FOLDER = Setting("library/import_folder", str, "", "folder the import dialog opens in")
IMPORT_REJECT_REVISIONS = Setting(
    "library/import_reject_revisions", bool, False, "Word tracked changes are read as rejected on import"
)
EXPORT_NUMBERING = Setting("export/numbering", str, "typed", "redlines: automatic Word numbering or typed labels")
IGNORE_CASE = Setting("compare/ignore_case", bool, False, "comparisons ignore letter case")
IGNORE_PUNCTUATION = Setting(
    "compare/ignore_punctuation", bool, False, "comparisons ignore punctuation"
)
CHANGES_ONLY = Setting("compare/changes_only", bool, False, "comparison shows changed rows only")
EXPORT_FOLDER = Setting("export/folder", str, "", "folder export dialogs open in")
EXPORT_AUTHOR = Setting("export/author", str, "", "author written on tracked changes")
ZOOM = Setting("view/zoom", int, 100, "text zoom of the tabs in percent (Ctrl+plus, Ctrl+minus, Ctrl+0)")
TEXT_SIZE = Setting("view/text_size", float, 0.0, "point size of document text at 100% (0: the system's)")
THEME = Setting("view/theme", str, "system", "colours: light, dark or system (the desktop's)")
RECENT_LIBRARIES: Setting[list[str]] = Setting("library/recent", list, [], "library files opened lately, the newest first")
OPEN_TABS = Setting("window/open_tabs", str, "", "the tabs open at closing (JSON), reopened at the next start")

SETTINGS: tuple[Setting[Any], ...] = (
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    MAIN_SPLITTER,
    LAST_LIBRARY,
    IMPORT_FOLDER,
    IMPORT_REJECT_REVISIONS,
    EXPORT_NUMBERING,
    IGNORE_CASE,
    IGNORE_PUNCTUATION,
    CHANGES_ONLY,
    EXPORT_FOLDER,
    EXPORT_AUTHOR,
    ZOOM,
    TEXT_SIZE,
    THEME,
    RECENT_LIBRARIES,
    OPEN_TABS,
)
