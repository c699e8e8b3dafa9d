"""PDFs that hung or flooded the reader are refused in one line, within a budget of work.

The files are written once per session. They are read in a fresh interpreter (what an
import costs is measured there, printed with `-s`, and kept out of the assertions: only
the refusal is asserted); `make bench` reports the times and peak memory.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pdfhostile import HELVETICA, empty_text_objects, pages_pdf

from app.errors import ImportCancelled
from app.parse import parse_file

ROOT = Path(__file__).resolve().parents[3]
_READ = """
import json, resource, sys, time
from app.parse import parse_file
for path in sys.argv[1:]:
    start = time.process_time()
    try:
        doc = parse_file(path)
        result = f"imported {len(doc.segments)} segments"
    except Exception as e:
        result = f"{type(e).__name__}: {e}"
    print(json.dumps({"file": path, "result": result, "cpu_s": round(time.process_time() - start, 2),
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))
"""

REFUSED = {
    # 8,000 words at random places: ~50,000 characters on one page.
    "scattered-words.pdf": "scattered-words.pdf: a page of the PDF has more than 50,000 characters; refused",
    "scattered-characters.pdf": "scattered-characters.pdf: page 1 of the PDF takes more than 250,000 steps to read; "
                                "refused as too complex to be text",
    "doubling-forms.pdf": "doubling-forms.pdf: page 1 of the PDF draws more than 20,000 shapes, images and forms; "
                          "refused as too complex to be text",
    "empty-text-objects.pdf": "empty-text-objects.pdf: page 1 of the PDF takes more than 250,000 steps to read; "
                              "refused as too complex to be text",
}


def read_in_subprocess(paths: list[Path]) -> list[dict]:
    out = subprocess.run([sys.executable, "-c", _READ, *map(str, paths)], capture_output=True, text=True,
                         timeout=600, check=True, cwd=ROOT)
    rows = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
    for row in rows:
        print(f"\n{Path(row['file']).name}: {row['cpu_s']} s CPU, peak RSS {row['peak_mb']} MB: {row['result']}")
    return rows


@pytest.mark.slow
def test_pdfs_that_hung_or_flooded_are_refused_in_one_line(hostile_pdfs, hostile_docx):
    names = list(REFUSED)
    rows = read_in_subprocess([hostile_pdfs[n] for n in names] + [hostile_docx])
    assert [r["result"] for r in rows] == [f"ImportRefused: {REFUSED[n]}" for n in names] + [
        "ImportRefused: huge-start.docx: a numbered list in the document reaches 10,000,000,000 (lowerLetter), "
        "beyond the largest number a label can have (208); refused"]


def test_small_hostile_files_are_small(hostile_pdfs):
    # What the measurements in the issue were made on: tens of kilobytes, not megabytes.
    sizes = {n: hostile_pdfs[n].stat().st_size for n in REFUSED}
    assert max(sizes.values()) < 300 * 1024 and sizes["doubling-forms.pdf"] < 16 * 1024


def test_a_cancelled_import_stops_between_pages(tmp_path):
    page = b"BT /F1 12 Tf 72 400 Td (Conclusions on children and armed conflict in Testland) Tj ET"
    path = tmp_path / "pages.pdf"
    path.write_bytes(pages_pdf([page] * 10, [HELVETICA] * 10))
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) >= 3

    with pytest.raises(ImportCancelled) as e:
        parse_file(path, cancelled=cancelled)
    assert str(e.value) == "pages.pdf: the import was cancelled"
    assert len(asked) == 3


def test_a_cancelled_import_stops_inside_a_page(tmp_path):
    # One page of 200,000 empty text objects: within budget, and long to read.
    path = tmp_path / "busy.pdf"
    path.write_bytes(empty_text_objects(100_000))
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) >= 5

    with pytest.raises(ImportCancelled):
        parse_file(path, cancelled=cancelled)
    assert len(asked) == 5  # the first check is before the page, the others inside it
    assert parse_file(path).title == "Conclusions"  # and read whole when nobody cancels


def test_pdfminer_log_lines_never_reach_the_console(hostile_pdfs):
    # pdfminer alone prints "Cannot set gray level because /'Bad' is an invalid float value".
    script = ("import logging, sys\nlogging.basicConfig()\nfrom app.parse import parse_file\n"
              "print(parse_file(sys.argv[1]).title)")
    out = subprocess.run([sys.executable, "-c", script, str(hostile_pdfs["logging.pdf"])], capture_output=True,
                         text=True, timeout=120, check=True, cwd=ROOT)
    assert out.stdout.strip() == "Conclusions on children and armed conflict in Testland"
    assert out.stderr == ""
    bare = subprocess.run([sys.executable, "-c", "import sys\nfrom pdfminer.high_level import extract_text\n"
                           "extract_text(sys.argv[1])", str(hostile_pdfs["logging.pdf"])],
                          capture_output=True, text=True, timeout=120, check=True, cwd=ROOT)
    assert "invalid float value" in bare.stderr  # the file does make pdfminer log
