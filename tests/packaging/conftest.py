"""The frozen bundle, built once per session.

`make package-test` names an already built bundle with CONCORD_BUNDLE; otherwise the bundle
is built into a temporary folder (about half a minute here).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bundlekit import PACKAGING, home_env


@pytest.fixture(scope="session")
def bundle(tmp_path_factory) -> Path:
    """dist/concord: the folder with the `concord` executable."""
    given = os.environ.get("CONCORD_BUNDLE")
    if given:
        return Path(given).resolve()
    pytest.importorskip("PyInstaller", reason="PyInstaller is a dev dependency: make setup-dev")
    out = tmp_path_factory.mktemp("bundle")
    proc = subprocess.run(
        [sys.executable, str(PACKAGING / "bundle.py"), "--dist", str(out / "dist"),
         "--work", str(out / "work")],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=900,
    )
    if proc.returncode:
        pytest.fail(f"the bundle did not build:\n{proc.stdout[-4000:]}")
    return out / "dist" / "concord"


@pytest.fixture
def frozen(bundle, tmp_path):
    """Run the frozen `concord` as a person with a fresh home would: (status, stdout, stderr)."""
    home = tmp_path / "home"
    home.mkdir()

    def run(*args: str) -> tuple[int, str, str]:
        proc = subprocess.run([str(bundle / "concord"), *args], capture_output=True, text=True,
                              env=home_env(home), timeout=300, cwd=tmp_path)
        return proc.returncode, proc.stdout, proc.stderr

    return run
