"""Linux desktop integration files: valid for the desktop's own validators, one id throughout."""

from __future__ import annotations

import configparser
import datetime
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from bundlekit import PACKAGING, load, pyproject_version

from app.resources import APP_ID

DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
bundle_py = load(PACKAGING / "bundle.py")


def tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if not path:
        pytest.skip(f"{name} is not installed: apt-get install {package}")
    return path


@pytest.fixture
def metainfo(tmp_path):
    """The AppStream file as the bundle carries it, with this version's release."""
    path = tmp_path / METAINFO.name
    path.write_text(bundle_py.metainfo(METAINFO.read_text(encoding="utf-8"),
                                       datetime.date(2026, 12, 1)), encoding="utf-8")
    return path


def test_desktop_entry_is_valid():
    check = subprocess.run([tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP)],
                           capture_output=True, text=True)
    assert check.returncode == 0 and check.stdout == "", check.stdout


def test_desktop_entry_starts_concord_with_its_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(DESKTOP, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Exec"] == section["TryExec"] == "concord"  # install.sh writes the full path
    assert section["Icon"] == APP_ID
    # Qt names an X11 window's class after the application: the menu entry claims it.
    assert section["StartupWMClass"] == "Concord"


def test_appstream_metadata_is_valid(metainfo):
    check = subprocess.run([tool("appstreamcli", "appstream"), "validate", "--no-net", str(metainfo)],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    # Infos (tags newer than Debian 12's AppStream 0.16) are allowed; warnings and errors not.
    assert not re.search(r"^[WE]:", check.stdout, re.MULTILINE), check.stdout


def test_appstream_release_is_the_pyproject_version_and_names_the_desktop_entry(metainfo):
    root = ET.parse(metainfo).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == "concord"
    release = root.find("releases/release")
    assert release is not None
    assert release.attrib == {"version": pyproject_version(), "date": "2026-12-01"}


def test_install_sh_and_the_app_use_the_same_id():
    script = (PACKAGING / "install.sh").read_text(encoding="utf-8")
    assert re.search(r"^APP_ID=(\S+)$", script, re.MULTILINE).group(1) == APP_ID


def test_release_date_follows_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1606003200")  # 2020-11-22 00:00 UTC
    assert bundle_py.release_date() == datetime.date(2020, 11, 22)
