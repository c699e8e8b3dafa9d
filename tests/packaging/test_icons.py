"""The committed icon files are renderings of resources/icons/concord.svg at their sizes."""

from __future__ import annotations

import pytest
from bundlekit import PACKAGING, ROOT, load

icons = load(PACKAGING / "icons.py")
ICONS = ROOT / "resources" / "icons"


@pytest.fixture
def qt(qapp):
    # pytest-qt's QApplication: a QGuiApplication made here would stay the process's one
    # application, and every later QWidget would abort.
    from PySide6.QtGui import QImage, QImageReader

    return QImage, QImageReader


@pytest.mark.parametrize("size", icons.PNG_SIZES)
def test_each_png_is_the_svg_rendered_at_its_size(qt, size):
    QImage, _ = qt
    committed = QImage(str(ICONS / f"concord-{size}.png"))
    assert (committed.width(), committed.height()) == (size, size)
    assert committed == QImage.fromData(icons.render(size)), "run python packaging/icons.py"


def test_the_smallest_icon_is_drawn_on_whole_pixels(qt):
    # At 16 px the outlines and text lines fall on pixel rows: the page lines are solid.
    QImage, _ = qt
    image = QImage(str(ICONS / "concord-16.png"))
    line = [image.pixelColor(x, 7) for x in range(7, 13)]
    assert len({c.name() for c in line}) == 1 and line[0].alpha() == 255


@pytest.mark.parametrize(("name", "sizes"), [
    ("concord.ico", list(icons.ICO_SIZES)),
    ("concord.icns", sorted(icons.ICNS_TYPES)),
])
def test_windows_and_mac_icons_hold_every_size(qt, name, sizes):
    _, QImageReader = qt
    reader = QImageReader(str(ICONS / name))
    found = []
    for i in range(reader.imageCount()):
        reader.jumpToImage(i)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        found.append((image.width(), image.height()))
    assert sorted(found) == [(s, s) for s in sizes]
