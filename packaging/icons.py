"""Render resources/icons/concord.svg to the PNG, .ico and .icns files committed beside it.

Run after editing the SVG: `python packaging/icons.py` (offscreen Qt, no display needed).
The PNGs are the icon theme sizes Linux desktops use and what the app itself shows; the
.ico (Windows) and .icns (macOS) hold PNG renderings, which both systems accept.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "concord.svg"
PNG_SIZES = (16, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 256)
# ICNS element types holding PNG data, by pixel size.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10"}


def render(size: int) -> bytes:
    """The SVG drawn at `size` x `size` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _ = QGuiApplication.instance() or QGuiApplication([])
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon: a directory of PNG images (a width or height of 0 means 256)."""
    head = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(head) + 16 * len(pngs)
    entries, images = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(images))
        images += png
    return head + entries + images


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS icon: typed, length-prefixed elements after an `icns` header (big-endian)."""
    body = b"".join(
        ICNS_TYPES[size] + struct.pack(">I", 8 + len(png)) + png for size, png in sorted(pngs.items())
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for size in PNG_SIZES:
        (ICONS / f"concord-{size}.png").write_bytes(render(size))
    (ICONS / "concord.ico").write_bytes(ico({s: render(s) for s in ICO_SIZES}))
    (ICONS / "concord.icns").write_bytes(icns({s: render(s) for s in ICNS_TYPES}))
    print(f"wrote {len(PNG_SIZES)} PNGs, concord.ico and concord.icns in {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
