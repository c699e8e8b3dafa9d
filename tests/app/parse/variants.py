"""The test documents under fixtures/ as Word files (python-docx) and PDFs (LibreOffice).

Each non-blank line of a fixture becomes one Word paragraph, typed as it is written;
a resolution's preambular lead words ("Recalling", "Deeply concerned") are set in
italics, as the Council prints them, so the PDF LibreOffice makes from the Word file has
them in their own runs of text.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx

FIXTURES = Path(__file__).resolve().parent / "fixtures"
LEAD_RE = re.compile(r"^(Recalling|Reaffirming|Taking note|Deeply concerned|Bearing in mind|Noting)\b")


def fixture(name: str) -> Path:
    return FIXTURES / name


def fixture_text(name: str) -> str:
    return fixture(name).read_text(encoding="utf-8")


def write_docx(lines: list[str], path: Path, *, italic_leads: bool = False) -> Path:
    """One Word paragraph per line, the text exactly as given (tabs as tabs)."""
    d = docx.Document()
    for line in lines:
        p = d.add_paragraph()
        m = LEAD_RE.match(line) if italic_leads else None
        if m:
            p.add_run(m.group(1)).italic = True
            p.add_run(line[m.end():])
        else:
            p.add_run(line)
    d.save(str(path))
    return path


def fixture_docx(name: str, out: Path, *, italic_leads: bool = False) -> Path:
    """A fixture as a Word file, one paragraph per non-blank line."""
    lines = [line for line in fixture_text(name).splitlines() if line.strip()]
    return write_docx(lines, out / (Path(name).stem + ".docx"), italic_leads=italic_leads)
