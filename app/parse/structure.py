"""Recognise the structure of a UN text in a stream of lines from any reader.

Readers (text, Word, PDF) turn a file into `RawLine`s; `build_document` takes out the
furniture (`lines`), decides the kind of document (`kinds`), runs that kind's recognisers
over the lines (`recognise`, `resolution`), turns the blocks into labelled segments
(`assemble`) and reads the metadata from the text (`metadata`). Every word it looks for
comes from one `Conventions` record (`conventions.ENGLISH` unless told otherwise).
"""

from __future__ import annotations

from collections.abc import Callable

from app.model import DocKind, Document
from app.parse.assemble import assemble
from app.parse.conventions import ENGLISH, Conventions
from app.parse.kinds import RECOGNISERS, detect_kind, reader_for
from app.parse.lines import (
    FURNITURE_RE,
    SYMBOL_LINE_RE,
    RawLine,
    clean_text,
    odd_characters_warnings,
    prepare,
)
from app.parse.metadata import find_metadata
from app.parse.patterns import BULLET_RE, PARA_RE, SUB_RE, TERMINAL, compiled
from app.wording import count

__all__ = [
    "ANNEX_RE", "BULLET_RE", "FURNITURE_RE", "OWN_SYMBOL_RE", "PARA_RE", "SUB_RE", "TERMINAL", "RawLine",
    "build_document", "clean_text", "odd_characters_warnings",
]

# Kept for the callers that recognise an annex heading or a symbol line themselves.
ANNEX_RE = compiled(ENGLISH).annex
OWN_SYMBOL_RE = SYMBOL_LINE_RE

NOT_LABELLED = "no numbered paragraphs found: stored as unlabelled text"
# Numbering warnings listed one by one; a hostile file could have one per line.
LISTED_NUMBERING_WARNINGS = 20
NOT_OURS = ("not conclusions, a public statement, a resolution or a presidential statement "
            "(it reads as a letter or a report): stored as unlabelled text")


def build_document(
    raw_lines: list[RawLine],
    file: str,
    *,
    conventions: Conventions = ENGLISH,
    repair: bool = True,
    cancelled: Callable[[], bool] | None = None,
) -> Document:
    """Turn reader lines into a `Document` with labelled segments and metadata.

    `repair` is for text extracted from PDF (each repair is listed in the warnings); text
    typed in Word is kept verbatim. `cancelled`, when given, is asked now and then and
    stops the work with `ImportCancelled` once it says so.
    """
    # Asked inside long work only: a short file that has begun is finished, as a person
    # pressing Cancel between two files expects.
    p = compiled(conventions)
    prepared = prepare(raw_lines, conventions)
    kind = detect_kind(prepared.lines, prepared.symbol, p)
    reader = reader_for(kind, prepared.lines, p, file)
    reader.run(RECOGNISERS[kind], cancelled)
    segments, repairs = assemble(reader.blocks, p, kind, repair)
    numbering = list(dict.fromkeys(reader.warnings))
    if len(numbering) > LISTED_NUMBERING_WARNINGS:
        rest = len(numbering) - LISTED_NUMBERING_WARNINGS
        numbering = numbering[:LISTED_NUMBERING_WARNINGS] + [f"and {count(rest, 'more numbering problem')}"]
    warnings = prepared.warnings + numbering
    if kind == DocKind.OTHER:
        warnings.append(NOT_OURS)
    elif not reader.labelled_any:
        warnings.append(NOT_LABELLED)
        if kind == DocKind.CONCLUSIONS:
            kind = DocKind.OTHER
    meta = find_metadata(segments, kind, prepared.symbol, p)
    return Document(
        title=meta.title,
        segments=tuple(segments),
        situation=meta.situation,
        meeting_date=meta.meeting_date,
        report_symbol=meta.report_symbol,
        symbol=meta.symbol,
        source_file=file,
        warnings=tuple(dict.fromkeys(warnings + repairs)),
        references=tuple(dict.fromkeys(prepared.references)),
        doc_kind=kind,
        meeting_number=meta.meeting_number,
        cited_symbols=meta.cited_symbols,
    )

