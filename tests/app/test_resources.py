"""The sample library is found in a checkout and in an installed copy."""

import sys
from pathlib import Path

import app.resources as resources


def test_checkout_has_the_sample():
    assert [p.name for p in resources.sample_files()] == ["conclusions-mali-2020.txt"]


def test_installed_copy_finds_the_sample_under_the_prefix(tmp_path, monkeypatch):
    # An installed package has no checkout beside it: the wheel's data files are used.
    fake_module = tmp_path / "site-packages" / "app" / "resources.py"
    monkeypatch.setattr(resources, "__file__", str(fake_module))
    sample = tmp_path / "share" / "concord" / "resources" / "sample" / "conclusions-x.txt"
    sample.parent.mkdir(parents=True)
    sample.write_text("1. Text.\n", encoding="utf-8")
    monkeypatch.setattr(sys, "prefix", str(tmp_path))
    assert resources.sample_files() == [Path(sample)]


def test_icon_renderings_are_listed_smallest_first():
    sizes = [int(p.stem.split("-")[1]) for p in resources.icon_pngs()]
    assert sizes == [16, 32, 48, 64, 128, 256]
    assert resources.icon_file().name == "concord.svg" and resources.icon_file().is_file()
