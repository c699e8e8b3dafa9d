"""Writing files all at once, and refusing targets that are open elsewhere or unwritable."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from app.errors import ExportError
from app.export.atomic import lock_files, write_atomic


def _writer(text: str):
    return lambda tmp: Path(tmp).write_text(text)


def test_writes_and_replaces(tmp_path):
    target = tmp_path / "out.docx"
    write_atomic(target, _writer("one"))
    write_atomic(target, _writer("two"))
    assert target.read_text() == "two"
    assert [p.name for p in tmp_path.iterdir()] == ["out.docx"]


def test_a_failing_writer_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "out.docx"
    target.write_text("old")

    def boom(tmp):
        Path(tmp).write_text("half a docu")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_atomic(target, boom)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.docx"]


def test_an_os_error_while_writing_becomes_a_clear_message(tmp_path):
    def fail(tmp):
        raise OSError(28, "No space left on device")

    with pytest.raises(ExportError, match=r"out.docx: could not be written \(No space left on device\)"):
        write_atomic(tmp_path / "out.docx", fail)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "name, lock",
    [
        ("conclusions.docx", "~$nclusions.docx"),  # Word drops two letters of a long name
        ("redraft.docx", "~$edraft.docx"),  # one of a seven-letter name
        ("mali.docx", "~$mali.docx"),  # none of a short one
        ("conclusions.docx", ".~lock.conclusions.docx#"),  # LibreOffice
    ],
)
def test_refuses_a_file_open_in_a_word_processor(tmp_path, name, lock):
    target = tmp_path / name
    target.write_text("open elsewhere")
    (tmp_path / lock).write_text("owner")
    assert lock_files(target) == [tmp_path / lock]
    with pytest.raises(ExportError, match=re.escape(f"is open in a word processor ({lock}")):
        write_atomic(target, _writer("new"))
    assert target.read_text() == "open elsewhere"


def test_refuses_a_missing_folder_and_a_folder_target(tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        write_atomic(tmp_path / "nowhere" / "out.docx", _writer("x"))
    with pytest.raises(ExportError, match="is a folder"):
        write_atomic(tmp_path, _writer("x"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write read-only files")
def test_refuses_a_read_only_file_and_folder(tmp_path):
    target = tmp_path / "ro.docx"
    target.write_text("keep")
    target.chmod(0o444)
    with pytest.raises(ExportError, match="read-only"):
        write_atomic(target, _writer("x"))
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportError, match="permission denied"):
            write_atomic(folder / "out.docx", _writer("x"))
    finally:
        folder.chmod(0o755)


def test_keeps_the_permissions_of_the_file_it_replaces(tmp_path):
    target = tmp_path / "out.docx"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(target, _writer("new"))
    assert target.stat().st_mode & 0o777 == 0o640


def test_an_owner_file_of_another_document_does_not_block(tmp_path):
    (tmp_path / "~$ali.docx").write_text("owner of some 'bali.docx'... not of mali.docx")
    write_atomic(tmp_path / "mali.docx", _writer("ok"))
    assert (tmp_path / "mali.docx").read_text() == "ok"


def test_a_folder_that_refuses_the_temporary_file_is_a_clear_error(tmp_path, monkeypatch):
    # Permission checks say yes to root and can be wrong on network shares: the folder decides.
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(ExportError, match=r"out\.docx: could not be written \(Permission denied\)"):
        write_atomic(tmp_path / "out.docx", lambda tmp: None)
    assert list(tmp_path.iterdir()) == []


def test_text_written_atomically(tmp_path):
    from app.export.atomic import write_text_atomic

    out = write_text_atomic(tmp_path / "report.html", "<p>5(n) &amp; 7(a)</p>")
    assert out.read_text(encoding="utf-8") == "<p>5(n) &amp; 7(a)</p>"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]
