"""The Windows installer script: Inno Setup cannot run here, so check what it reads."""

from __future__ import annotations

import re

from bundlekit import PACKAGING, ROOT


def test_windows_installer_script_names_files_that_exist():
    # The version is passed in (/DAppVersion from pyproject.toml), never written here.
    iss = PACKAGING / "windows" / "concord.iss"
    text = iss.read_text(encoding="utf-8")
    icon = re.search(r"^SetupIconFile=(.+)$", text, re.MULTILINE).group(1)
    assert (iss.parent / icon.replace("\\", "/")).resolve() == ROOT / "resources/icons/concord.ico"
    assert "AppVersion={#AppVersion}" in text and "#error" in text
    assert re.search(r'^Source: "\.\.\\\.\.\\dist\\concord\\\*"', text, re.MULTILINE)
