"""Build the desktop bundle: `python packaging/bundle.py` (what `make package` runs).

PyInstaller makes dist/concord/ from packaging/concord.spec; on Linux the bundle then gets
its desktop integration (share/: menu entry, icons, AppStream metadata; install.sh) and is
archived as dist/concord-VERSION-linux-ARCH.tar.gz; on Windows as a .zip (the installer is
made from the same folder by packaging/windows/concord.iss), on macOS Concord.app as a .dmg.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import stat
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "packaging"
sys.path.insert(0, str(ROOT))

from app.resources import APP_ID  # noqa: E402
from app.version import version  # noqa: E402

ICON_SIZES = (16, 32, 48, 64, 128, 256)


def run_pyinstaller(dist: Path, work: Path) -> Path:
    """dist/concord/ (and dist/Concord.app on macOS), built from a clean work folder."""
    env = dict(os.environ, PYINSTALLER_CONFIG_DIR=str(work / "config"))
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(work), str(HERE / "concord.spec")],
        check=True, env=env,
    )
    return dist / "concord"


def strip_binaries(bundle: Path) -> None:
    """Drop debug symbols (libpython from a source build keeps 16 MB of them).

    Libraries that auditwheel patched into a wheel (`numpy.libs/`) are left alone: strip
    rewrites their layout and the loader then refuses them ("not page-aligned").
    """
    strip = shutil.which("strip")
    if not strip:
        print("warning: no `strip` (binutils): the bundle keeps its debug symbols", file=sys.stderr)
        return
    files = [p for p in bundle.rglob("*.so*") if p.is_file() and not p.is_symlink()
             and not any(part.endswith(".libs") for part in p.relative_to(bundle).parts)]
    subprocess.run([strip, "--strip-unneeded", *map(str, files)], check=True)


def metainfo(template: str, when: datetime.date) -> str:
    """The AppStream file with this build's release (version from pyproject.toml)."""
    return template.replace("@VERSION@", version()).replace("@DATE@", when.isoformat())


def release_date() -> datetime.date:
    """Today, or SOURCE_DATE_EPOCH's day for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()
    return datetime.date.today()


def add_desktop_files(bundle: Path) -> None:
    """share/ for install.sh: menu entry, icon theme files and AppStream metadata."""
    share = bundle / "share"
    linux = HERE / "linux"
    (share / "applications").mkdir(parents=True, exist_ok=True)
    shutil.copy(linux / f"{APP_ID}.desktop", share / "applications")
    (share / "metainfo").mkdir(exist_ok=True)
    template = (linux / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    (share / "metainfo" / f"{APP_ID}.metainfo.xml").write_text(
        metainfo(template, release_date()), encoding="utf-8")
    icons = ROOT / "resources" / "icons"
    for size in ICON_SIZES:
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(icons / f"concord-{size}.png", target / f"{APP_ID}.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copy(icons / "concord.svg", scalable / f"{APP_ID}.svg")
    installer = bundle / "install.sh"
    shutil.copy(HERE / "install.sh", installer)
    installer.chmod(installer.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


def archive_name(system: str, machine: str) -> str:
    """The file a drafter downloads, named for the version: concord-0.1.0-linux-x86_64."""
    return f"concord-{version()}-{system.lower()}-{machine.lower()}"


def archive(bundle: Path) -> Path:
    system, machine = platform.system(), platform.machine()
    name = archive_name(system, machine)
    dist = bundle.parent
    if system == "Linux":
        out = dist / f"{name}.tar.gz"
        with tarfile.open(out, "w:gz", compresslevel=6) as tar:  # keeps symlinks and modes
            tar.add(bundle, arcname=f"concord-{version()}")
        return out
    if system == "Darwin":
        out = dist / f"{name}.dmg"
        out.unlink(missing_ok=True)
        subprocess.run(["hdiutil", "create", "-volname", "Concord", "-srcfolder",
                        str(dist / "Concord.app"), "-format", "UDZO", str(out)], check=True)
        return out
    return Path(shutil.make_archive(str(dist / name), "zip", dist, bundle.name))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller's work folder")
    args = parser.parse_args(argv)
    bundle = run_pyinstaller(args.dist.resolve(), args.work.resolve())
    if sys.platform.startswith("linux"):
        strip_binaries(bundle)
        add_desktop_files(bundle)
    out = archive(bundle)
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"{bundle}: {size / 1e6:.0f} MB unpacked; {out.name}: {out.stat().st_size / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
