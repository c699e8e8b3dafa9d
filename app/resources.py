"""Where bundled resources are: in a checkout, an installed package or a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def sample_files() -> list[Path]:
    """The documents a new library is seeded with."""
    return sorted(resource("sample").glob("*.txt"))
