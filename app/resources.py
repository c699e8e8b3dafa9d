"""Where bundled resources are: in a checkout, an installed package or a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path

# The application's id: the desktop entry's and AppStream component's name, the icon's name.
APP_ID = "org.concorddrafting.Concord"


def resources_dir() -> Path:
    """A frozen bundle's, else the checkout's, else the installed data files' folder."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    return Path(sys.prefix) / "share" / "concord" / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def sample_files() -> list[Path]:
    """The documents a new library is seeded with."""
    return sorted(resource("sample").glob("*.txt"))


def icon_file() -> Path:
    """The application icon as drawn (SVG); `icon_pngs` are renderings of it."""
    return resource("icons", "concord.svg")


def icon_pngs() -> list[Path]:
    """The icon rendered at each size the desktop uses, smallest first (`concord-16.png`...)."""
    return sorted(resource("icons").glob("concord-*.png"), key=lambda p: int(p.stem.split("-")[1]))
