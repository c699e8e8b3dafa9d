"""The version has one source, pyproject.toml, whether installed or not."""

import tomllib
from importlib import metadata

import pytest

import app.version as version_module
from app.cli import main


def pyproject_version() -> str:
    with version_module.PYPROJECT.open("rb") as f:
        return tomllib.load(f)["project"]["version"]


def test_installed_metadata_carries_the_pyproject_version():
    assert version_module.version() == pyproject_version()


def test_a_checkout_never_installed_reads_pyproject(monkeypatch):
    def not_installed(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", not_installed)
    assert version_module.version() == pyproject_version()


def test_cli_prints_the_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"concord {pyproject_version()}\n"
