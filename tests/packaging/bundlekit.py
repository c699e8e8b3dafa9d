"""Helpers of the packaging tests: paths, packaging/'s scripts as modules, a person's environment."""

from __future__ import annotations

import importlib.util
import os
import tomllib
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def load(path: Path) -> ModuleType:
    """A script as a module: packaging/ is no package (PyPA's `packaging` is one)."""
    spec = importlib.util.spec_from_file_location(f"concord_{path.stem}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)["project"]["version"]


def home_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a person whose home is `home`, with offscreen Qt."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "CONCORD_"))}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", **extra)
    return env
