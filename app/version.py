"""Concord's version: set in pyproject.toml only, read from the installed metadata.

An installed copy (editable or not) and a frozen bundle carry the package metadata made from
pyproject.toml; a checkout run without installing reads pyproject.toml itself.
"""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def version() -> str:
    """The version string, e.g. `0.1.0`."""
    try:
        return metadata.version("concord")
    except metadata.PackageNotFoundError:
        with PYPROJECT.open("rb") as f:
            return str(tomllib.load(f)["project"]["version"])


__version__ = version()
