"""packaging/install.sh puts a bundle into a person's ~/.local and takes it out again.

The bundle here is a stand-in (a `concord` script printing a version) with the real share/
tree that packaging/bundle.py adds, so these tests run in a second; test_bundle.py installs
the real bundle.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from bundlekit import ROOT, home_env, load

from app.resources import APP_ID

bundle_py = load(ROOT / "packaging" / "bundle.py")
ICONS = [f"{s}x{s}/apps/{APP_ID}.png" for s in bundle_py.ICON_SIZES] + [f"scalable/apps/{APP_ID}.svg"]


def stand_in_bundle(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "_internal").mkdir()
    exe = folder / "concord"
    exe.write_text("#!/bin/sh\necho 'concord 9.9.9'\n", encoding="utf-8")
    exe.chmod(0o755)
    bundle_py.add_desktop_files(folder)
    return folder


def sh(script: Path, *args: str, home: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(["sh", str(script), *args], env=home_env(home, **env),
                          capture_output=True, text=True, timeout=60)


@pytest.fixture
def home(tmp_path) -> Path:
    path = tmp_path / "home"
    path.mkdir()
    return path


def installed_files(home: Path) -> list[Path]:
    share = home / ".local" / "share"
    return [home / ".local/bin/concord", share / f"applications/{APP_ID}.desktop",
            share / f"metainfo/{APP_ID}.metainfo.xml", *(share / "icons/hicolor" / i for i in ICONS)]


def test_install_puts_program_menu_entry_and_icons_under_local(tmp_path, home):
    bundle = stand_in_bundle(tmp_path / "unpacked" / "concord-9.9.9")
    done = sh(bundle / "install.sh", home=home, PATH="/usr/bin:/bin")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"concord 9.9.9 installed in {home}/.local/lib/concord, with a menu entry.",
        f"To run concord from a terminal, add {home}/.local/bin to your PATH.",
    ]
    assert all(p.exists() for p in installed_files(home))
    run = subprocess.run([str(home / ".local/bin/concord")], capture_output=True, text=True)
    assert run.stdout == "concord 9.9.9\n"
    # The unpacked folder can go: what runs is the copy under ~/.local/lib.
    shutil.rmtree(tmp_path / "unpacked")
    assert subprocess.run([str(home / ".local/bin/concord")], capture_output=True).returncode == 0
    entry = (home / f".local/share/applications/{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f'\nExec="{home}/.local/lib/concord/concord"\n' in entry
    assert f"\nTryExec={home}/.local/lib/concord/concord\n" in entry


def test_installed_menu_entry_is_valid(tmp_path, home):
    if not shutil.which("desktop-file-validate"):
        pytest.skip("desktop-file-validate is not installed: apt-get install desktop-file-utils")
    sh(stand_in_bundle(tmp_path / "b") / "install.sh", home=home)
    entry = home / f".local/share/applications/{APP_ID}.desktop"
    check = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert check.returncode == 0 and check.stdout == "", check.stdout


def test_uninstall_removes_everything_installed_and_keeps_the_library(tmp_path, home):
    sh(stand_in_bundle(tmp_path / "b") / "install.sh", home=home)
    library = home / ".local/share/Concord/library.sqlite"
    library.parent.mkdir(parents=True)
    library.write_bytes(b"SQLite format 3\x00")
    done = sh(home / ".local/lib/concord/install.sh", "--uninstall", home=home)
    assert done.returncode == 0, done.stderr
    assert not any(p.exists() or p.is_symlink() for p in installed_files(home))
    assert not (home / ".local/lib/concord").exists()
    assert library.read_bytes() == b"SQLite format 3\x00"
    assert "Libraries are kept" in done.stdout


def test_upgrade_replaces_the_installed_bundle(tmp_path, home):
    sh(stand_in_bundle(tmp_path / "old") / "install.sh", home=home)
    (home / ".local/lib/concord/left-over").write_text("old", encoding="utf-8")
    new = stand_in_bundle(tmp_path / "new")
    (new / "concord").write_text("#!/bin/sh\necho 'concord 10.0.0'\n", encoding="utf-8")
    done = sh(new / "install.sh", home=home)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("concord 10.0.0 installed")
    assert not (home / ".local/lib/concord/left-over").exists()


def test_xdg_data_home_is_where_the_menu_entry_goes(tmp_path, home):
    data = tmp_path / "data home"
    done = sh(stand_in_bundle(tmp_path / "b") / "install.sh", home=home, XDG_DATA_HOME=str(data))
    assert done.returncode == 0, done.stderr
    assert (data / f"applications/{APP_ID}.desktop").exists()
    assert (data / f"icons/hicolor/48x48/apps/{APP_ID}.png").exists()


def test_a_concord_that_is_not_ours_is_left_alone(tmp_path, home):
    # e.g. `pip install --user` put a console script there: neither replaced nor removed.
    other = home / ".local/bin/concord"
    other.parent.mkdir(parents=True)
    other.write_text("#!/bin/sh\n", encoding="utf-8")
    done = sh(stand_in_bundle(tmp_path / "b") / "install.sh", home=home)
    assert done.returncode == 1
    assert done.stderr.strip() == (
        f"install.sh: {other} exists and is not a link to a Concord bundle; remove it first")
    assert not (home / ".local/lib/concord").exists()
    sh(ROOT / "packaging/install.sh", "--uninstall", home=home)
    assert other.read_text(encoding="utf-8") == "#!/bin/sh\n"


def test_install_sh_outside_a_bundle_refuses(home):
    # packaging/install.sh in the checkout has no bundle around it.
    done = sh(ROOT / "packaging" / "install.sh", home=home)
    assert done.returncode == 1
    assert "is not an unpacked Concord bundle" in done.stderr
    assert not (home / ".local").exists()


def test_a_bundle_that_does_not_start_is_not_installed(tmp_path, home):
    bundle = stand_in_bundle(tmp_path / "b")
    (bundle / "concord").write_text("#!/bin/sh\necho 'missing libQt6Core.so.6' >&2\nexit 127\n",
                                    encoding="utf-8")
    done = sh(bundle / "install.sh", home=home)
    assert done.returncode == 1
    assert done.stderr.strip() == (
        f"install.sh: the bundle in {bundle} does not start: missing libQt6Core.so.6")
    assert not (home / ".local").exists()


def test_unknown_option_is_refused(tmp_path, home):
    done = sh(stand_in_bundle(tmp_path / "b") / "install.sh", "--prefix=/opt", home=home)
    assert done.returncode == 1
    assert done.stderr.startswith("install.sh: unknown option --prefix=/opt")
