"""The frozen bundle runs as the checkout does: version, import, compare, Word export, GUI.

Each command's output from the frozen `concord` is checked against the same command run from
the checkout on the same input, so the bundle is known to carry every module and data file
those paths load (the sample, wordfreq's list, pdfminer, python-docx's templates, Qt's plugins).
"""

from __future__ import annotations

import json
import platform
import re
import shutil
import subprocess
import tarfile

import pytest
from bundlekit import ROOT, home_env, load, pyproject_version

from app.cli import main as checkout_main
from app.parse import parse_file

pytestmark = pytest.mark.slow

SAMPLE = "_internal/resources/sample/conclusions-mali-2020.txt"
# Qt libraries of modules the app does not use; none may be in the bundle.
UNUSED_QT = re.compile(r"Qt6(Qml|Quick|Pdf|Network|Sql|Test|OpenGL|PrintSupport|Designer|Concurrent)\b")


def checkout(capsys, *args: str) -> str:
    """The same command run from the checkout, in this process."""
    capsys.readouterr()
    assert checkout_main(list(args)) == 0
    return capsys.readouterr().out


def without_import_time(show_json: str) -> dict:
    data = json.loads(show_json)
    data["document"].pop("imported_at")
    return data


def test_the_bundle_is_one_folder_with_the_executable_and_an_archive_named_for_the_version(bundle):
    version = pyproject_version()
    assert (bundle / "concord").is_file() and (bundle / "_internal").is_dir()
    archive = bundle.parent / f"concord-{version}-linux-{platform.machine().lower()}.tar.gz"
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
    assert f"concord-{version}/concord" in names and f"concord-{version}/install.sh" in names
    assert f"concord-{version}/{SAMPLE}" in names


def test_the_bundle_carries_what_the_app_loads_and_not_what_it_does_not(bundle):
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    size = sum(p.stat().st_size for p in files)
    # 197 MB before the team library; its PostgreSQL client (psycopg's binary build: libpq with
    # its own OpenSSL, Kerberos and LDAP, and Python's ssl module it imports) adds 17 MB.
    assert size <= 220_000_000, f"{size / 1e6:.0f} MB unpacked"
    names = [str(p.relative_to(bundle)) for p in files]
    assert not [n for n in names if UNUSED_QT.search(n)]
    assert not [n for n in names if "/translations/" in n]
    # The session's D-Bus client is the system's (with the systemd libraries only it needs).
    assert not [n for n in names if re.search(r"/lib(dbus-1|systemd|gcrypt)\.so", n)]
    # Text repair reads the English word list only; pdfminer's CMaps serve CID fonts
    # (a PDF from Word or LibreOffice in Times or Liberation loads none of them).
    wordlists = sorted(p.name for p in (bundle / "_internal" / "wordfreq" / "data").iterdir())
    assert wordlists == ["large_en.msgpack.gz", "small_en.msgpack.gz"]
    assert len(list((bundle / "_internal" / "pdfminer" / "cmap").glob("*.json.gz"))) > 100


def test_version_comes_from_pyproject(frozen):
    code, out, _ = frozen("--version")
    assert code == 0
    assert out.strip() == f"concord {pyproject_version()}"


def test_help_lists_the_gui_with_the_other_commands(frozen):
    code, out, _ = frozen("--help")
    assert code == 0
    for command in ("gui", "import", "compare", "export", "draft"):
        assert re.search(rf"^\s+{command}\s", out, re.MULTILINE), command


def test_import_show_and_compare_match_the_checkout(frozen, bundle, tmp_path, capsys):
    db = str(tmp_path / "frozen.sqlite")
    code, out, err = frozen("--db", db, "import", str(bundle / SAMPLE), "--json")
    assert code == 0, err
    assert json.loads(out)["imported"][0]["segments"] == 106
    reference = str(tmp_path / "checkout.sqlite")
    checkout(capsys, "--db", reference, "import", str(bundle / SAMPLE))
    shown = frozen("--db", db, "show", "1", "--json")[1]
    assert without_import_time(shown) == without_import_time(
        checkout(capsys, "--db", reference, "show", "1", "--json"))
    args = ("compare", "1:5(n)..5(v)", "1:7(a)..7(i)", "--json")
    code, compared, err = frozen("--db", db, *args)
    assert code == 0, err
    assert json.loads(compared) == json.loads(checkout(capsys, "--db", db, *args))
    assert json.loads(compared)["rows"]


def test_word_export_reads_back_like_the_checkouts_and_imports_again(frozen, bundle, tmp_path, capsys,
                                                                     corpus_doc):
    db = str(tmp_path / "lib.sqlite")
    frozen("--db", db, "import", str(bundle / SAMPLE))
    out = tmp_path / "mali.docx"
    code, _, err = frozen("--db", db, "export", "1", "--docx", str(out))
    assert code == 0, err
    reference = tmp_path / "checkout.docx"
    checkout(capsys, "--db", db, "export", "1", "--docx", str(reference))
    exported, expected = parse_file(out), parse_file(reference)
    assert exported.labels() == expected.labels() == corpus_doc.labels()
    assert [s.text for s in exported.segments] == [s.text for s in expected.segments]
    code, listed, err = frozen("--db", str(tmp_path / "other.sqlite"), "import", str(out), "--json")
    assert code == 0, err
    assert json.loads(listed)["imported"][0]["segments"] == len(expected.segments)


def test_pdf_import_repairs_words_with_the_bundled_word_list(frozen, tmp_path):
    text_pdf = load(ROOT / "tests" / "app" / "parse" / "pdfgen.py").text_pdf
    pdf = tmp_path / "broken.pdf"
    pdf.write_bytes(text_pdf([
        "Conclusions on children and armed conflict in Testland", "",
        "1. The in ternational community examined the docu-",
        "ment of the Secretary-General.",
    ]))
    db = str(tmp_path / "lib.sqlite")
    code, out, err = frozen("--db", db, "import", str(pdf))
    assert code == 0, err
    shown = json.loads(frozen("--db", db, "show", "1:1", "--json")[1])
    assert shown["segments"][0]["text"] == (
        "The international community examined the document of the Secretary-General.")


def test_a_team_library_on_postgresql_works_from_the_bundle(frozen, bundle, tmp_path, pg_address,
                                                            capsys):
    # psycopg's binary build (its own libpq) is in the bundle: copy the sample into a team
    # library and read it back from there.
    db = str(tmp_path / "lib.sqlite")
    frozen("--db", db, "import", str(bundle / SAMPLE))
    code, _, err = frozen("library", "copy", db, pg_address)
    assert code == 0, err
    code, shown, err = frozen("--db", pg_address, "show", "1", "--json")
    assert code == 0, err
    assert without_import_time(shown) == without_import_time(
        checkout(capsys, "--db", db, "show", "1", "--json"))


def cid_font_pdf(lines: list[str]) -> bytes:
    """Text in a CID font without ToUnicode (as CJK PDFs are): pdfminer needs its CMap files,
    UniJIS-UCS2-H for the codes and to-unicode-Adobe-Japan1 for the characters."""
    pdfgen = load(ROOT / "tests" / "app" / "parse" / "pdfgen.py")
    ops = b"BT /F1 12 Tf 72 720 Td 16 TL " + b"".join(
        b"<" + line.encode("utf-16-be").hex().encode() + b"> ' " for line in lines) + b"ET"
    font = (b"<< /Type /Font /Subtype /Type0 /BaseFont /KozMinPr6N-Regular "
            b"/Encoding /UniJIS-UCS2-H /DescendantFonts [6 0 R] >>")
    cid = (b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /KozMinPr6N-Regular /FontDescriptor 7 0 R"
           b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 6 >> >>")
    descriptor = (b"<< /Type /FontDescriptor /FontName /KozMinPr6N-Regular /Flags 4 /ItalicAngle 0"
                  b" /FontBBox [0 0 1000 1000] /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>")
    return pdfgen.assemble(pdfgen._pages(5, b"<< /Font << /F1 4 0 R >> >>")
                           + [font, pdfgen.stream(ops), cid, descriptor])


def test_pdf_in_a_cid_font_is_read_with_the_bundled_cmaps(frozen, tmp_path):
    pdf = tmp_path / "cid.pdf"
    pdf.write_bytes(cid_font_pdf([
        "Conclusions on children and armed conflict in Testland", "",
        "1. The Working Group met on 20 November 2020.", "", "2. The members welcomed the report.",
    ]))
    db = str(tmp_path / "lib.sqlite")
    code, _, err = frozen("--db", db, "import", str(pdf))
    assert code == 0, err
    shown = json.loads(frozen("--db", db, "show", "1", "--json")[1])
    assert [(s["label"], s["text"]) for s in shown["segments"][1:]] == [
        ("1", "The Working Group met on 20 November 2020."), ("2", "The members welcomed the report.")]


@pytest.mark.soffice
def test_a_pdf_printed_by_libreoffice_imports_as_in_the_checkout(frozen, bundle, tmp_path, capsys):
    soffice = shutil.which("soffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    db = str(tmp_path / "lib.sqlite")
    frozen("--db", db, "import", str(bundle / SAMPLE))
    docx = tmp_path / "mali.docx"
    frozen("--db", db, "export", "1", "--docx", str(docx))
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
                   check=True, capture_output=True, timeout=180, env=home_env(tmp_path))
    pdf_db = str(tmp_path / "pdf.sqlite")
    code, _, err = frozen("--db", pdf_db, "import", str(tmp_path / "mali.pdf"))
    assert code == 0, err
    shown = without_import_time(frozen("--db", pdf_db, "show", "1", "--json")[1])
    reference = str(tmp_path / "checkout.sqlite")
    checkout(capsys, "--db", reference, "import", str(tmp_path / "mali.pdf"))
    assert shown == without_import_time(checkout(capsys, "--db", reference, "show", "1", "--json"))
    assert len(shown["segments"]) == 106


def test_the_gui_starts_to_a_shown_main_window_and_closes(frozen, bundle, tmp_path):
    code, out, err = frozen("--db", str(tmp_path / "new.sqlite"), "gui", "--check")
    assert code == 0, err
    title, status, tabs, icon = out.strip().split(" | ")
    assert title == "shown: Concord — new.sqlite"
    assert status.endswith("1 document, 106 segments")  # a new library gets the sample
    assert tabs == "tabs: Mali"
    assert icon == "icon: 16, 32, 48, 64, 128, 256"


def test_install_sh_installs_the_real_bundle_into_a_home_and_removes_it(bundle, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = home_env(home)
    subprocess.run(["sh", str(bundle / "install.sh")], check=True, env=env, capture_output=True)
    installed = home / ".local" / "bin" / "concord"
    out = subprocess.run([str(installed), "--version"], check=True, env=env,
                         capture_output=True, text=True).stdout
    assert out.strip() == f"concord {pyproject_version()}"
    subprocess.run(["sh", str(home / ".local/lib/concord/install.sh"), "--uninstall"],
                   check=True, env=env, capture_output=True)
    assert not installed.exists() and not (home / ".local/lib/concord").exists()
