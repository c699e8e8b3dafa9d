"""Decode PDF streams within a budget, so no filter can inflate without limit.

pdfminer.six decodes each stream whole in memory and with no limit: FlateDecode,
LZWDecode, RunLengthDecode, ASCII85Decode and ASCIIHexDecode, chained in any order, after
decryption, including the object and cross-reference streams it reads before any page. A
few kilobytes can declare gigabytes (an LZW stream of repeated codes expands ~1,000 times, a
RunLength pair 64 times, an ASCII85 `z` 4 times, and chains multiply). Scanning the raw file
beforehand cannot see through encryption or a chain such as `[/ASCII85Decode /FlateDecode]`,
so the limit is enforced where pdfminer decodes: `PDFStream.decode` is replaced (once, for
the process) by `_bounded_decode`, which charges every decoded byte, intermediate stages
included, to the budget of the file being read and stops the moment it is spent.

Image-only filters (DCT, JPX, JBIG2, CCITTFax) are left encoded: text extraction never
needs pixels, and CCITT data can expand tens of thousands of times.
"""

from __future__ import annotations

import contextvars
import io
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from app.errors import ImportRefused

MB = 1024 * 1024
# What all the streams of one PDF may decode to together. pdfminer keeps decoded streams
# for the whole read, so this bounds its memory; a conclusions PDF with embedded fonts
# decodes to a few megabytes.
MAX_INFLATED = 200 * MB


@dataclass
class StreamBudget:
    """Bytes the streams of one file may still decode to; `refused` once it is spent."""

    file: str
    limit: int
    used: int = 0
    refused: ImportRefused | None = None

    def remaining(self) -> int:
        return self.limit - self.used

    def charge(self, n: int) -> None:
        self.used += n
        if self.used > self.limit:
            raise self.refuse()

    def refuse(self) -> ImportRefused:
        self.used = self.limit + 1  # stays spent: every later stream is refused too
        self.refused = self.refused or ImportRefused(
            self.file,
            f"the PDF's compressed content expands past {self.limit // MB} MB; "
            "refused as a possible decompression bomb",
        )
        return self.refused


_BUDGET: contextvars.ContextVar[StreamBudget | None] = contextvars.ContextVar("pdf_stream_budget", default=None)


@contextmanager
def stream_budget(file: str, limit: int | None = None) -> Iterator[StreamBudget]:
    """Charge the streams decoded inside the block to one budget for `file`.

    A budget is per thread (a context variable), so two imports in parallel do not share
    one. Outside any block each stream gets a budget of its own.
    """
    install()
    budget = StreamBudget(file, MAX_INFLATED if limit is None else limit)
    token = _BUDGET.set(budget)
    try:
        yield budget
    finally:
        _BUDGET.reset(token)


def install() -> None:
    """Make pdfminer decode every stream through `_bounded_decode` (idempotent)."""
    from pdfminer.pdftypes import PDFStream

    if PDFStream.decode is not _bounded_decode:
        PDFStream.decode = _bounded_decode  # type: ignore[method-assign]


_STEP = 4 * MB


def _inflate(data: bytes, limit: int, budget: StreamBudget) -> bytes:
    """Inflate in steps of a few megabytes: one call with the whole limit as its maximum
    would briefly hold the output twice (zlib joins its output blocks at the end)."""
    d = zlib.decompressobj()
    out: list[bytes] = []
    size = 0
    pending = data
    try:
        while True:
            room = min(_STEP, limit + 1 - size)
            chunk = d.decompress(pending, room)
            out.append(chunk)
            size += len(chunk)
            if size > limit:
                raise budget.refuse()
            pending = d.unconsumed_tail
            if d.eof or (not pending and len(chunk) < room):
                break
    except zlib.error:
        out.clear()
        return _inflate_damaged(data, limit, budget)
    return b"".join(out)


def _inflate_damaged(data: bytes, limit: int, budget: StreamBudget) -> bytes:
    """pdfminer's reading of damaged zlib data: keep the output when only the trailing
    checksum is wrong, give nothing when the data breaks earlier."""
    d = zlib.decompressobj()
    out = bytearray()
    step = 4096
    for start in range(0, len(data), step):
        saved = d.copy()
        try:
            out += d.decompress(data[start : start + step], limit + 1 - len(out))
        except zlib.error:
            d = saved
            for i in range(start, min(start + step, len(data))):
                try:
                    out += d.decompress(data[i : i + 1], limit + 1 - len(out))
                except zlib.error:
                    return bytes(out) if i >= len(data) - 3 else b""
        if len(out) > limit or d.unconsumed_tail:
            raise budget.refuse()
    return bytes(out)


def _lzw(data: bytes, limit: int, budget: StreamBudget) -> bytes:
    from pdfminer.lzw import LZWDecoder

    out = bytearray()
    for chunk in LZWDecoder(io.BytesIO(data)).run():
        out += chunk
        if len(out) > limit:
            raise budget.refuse()
    return bytes(out)


def _run_length(data: bytes, limit: int, budget: StreamBudget) -> bytes:
    """RunLengthDecode (PDF 1.7, 7.4.5): a length byte 0-127 copies the next 1-128 bytes,
    129-255 repeats the next byte 2-128 times, 128 ends the data. Truncated data ends it."""
    out = bytearray()
    i, n = 0, len(data)
    while i < n:
        length = data[i]
        i += 1
        if length == 128:
            break
        if length < 128:
            out += data[i : i + length + 1]
            i += length + 1
        elif i < n:
            out += data[i : i + 1] * (257 - length)
            i += 1
        if len(out) > limit:
            raise budget.refuse()
    return bytes(out)


def _ascii85(data: bytes, limit: int, budget: StreamBudget) -> bytes:
    from pdfminer.ascii85 import ascii85decode

    # Five characters make four bytes, and `z` alone makes four zero bytes.
    zeros = data.count(b"z")
    if 4 * zeros + (len(data) - zeros) * 4 // 5 > limit + 4:
        raise budget.refuse()
    return ascii85decode(data)


def _ascii_hex(data: bytes, limit: int, budget: StreamBudget) -> bytes:
    from pdfminer.ascii85 import asciihexdecode

    if len(data) // 2 > limit + 1:
        raise budget.refuse()
    return asciihexdecode(data)


_DECODERS = {
    "FlateDecode": _inflate, "Fl": _inflate,
    "LZWDecode": _lzw, "LZW": _lzw,
    "RunLengthDecode": _run_length, "RL": _run_length,
    "ASCII85Decode": _ascii85, "A85": _ascii85,
    "ASCIIHexDecode": _ascii_hex, "AHx": _ascii_hex,
}
# Image data: passed on encoded, as pdfminer does for DCT, JPX and JBIG2.
_LEFT_ENCODED = {"DCTDecode", "DCT", "JPXDecode", "JBIG2Decode", "CCITTFaxDecode", "CCF"}


def decode_data(data: bytes, filters: list[tuple[Any, Any]], budget: StreamBudget) -> bytes:
    """Apply a stream's filters (with their predictors) in order, within `budget`."""
    from pdfminer.pdfexceptions import PDFNotImplementedError
    from pdfminer.pdftypes import int_value
    from pdfminer.psparser import PSLiteral
    from pdfminer.utils import apply_png_predictor, apply_tiff_predictor

    for f, params in filters:
        raw = f.name if isinstance(f, PSLiteral) else f
        name = raw.decode("latin-1") if isinstance(raw, bytes) else str(raw)
        if name in _LEFT_ENCODED:
            continue
        decoder = _DECODERS.get(name)
        if decoder is None:
            raise PDFNotImplementedError(f"Unsupported filter: {name!r}")
        data = decoder(data, budget.remaining(), budget)
        budget.charge(len(data))
        if isinstance(params, dict) and "Predictor" in params:
            pred = int_value(params["Predictor"])
            colors = int_value(params.get("Colors", 1))
            columns = int_value(params.get("Columns", 1))
            bits = int_value(params.get("BitsPerComponent", 8))
            if pred == 2:
                data = apply_tiff_predictor(colors, columns, bits, data)
            elif pred >= 10:
                data = apply_png_predictor(pred, colors, columns, bits, data)
            elif pred != 1:
                raise PDFNotImplementedError(f"Unsupported predictor: {pred!r}")
    return data


def _bounded_decode(self: Any) -> None:
    """`PDFStream.decode` with every filter bounded by the current file's budget."""
    data = self.rawdata
    if self.decipher:
        data = self.decipher(self.objid, self.genno, data, self.attrs)
    budget = _BUDGET.get() or StreamBudget("PDF", MAX_INFLATED)
    if budget.refused is not None:
        raise budget.refused
    self.data = decode_data(data, self.get_filters(), budget)
    self.rawdata = None
