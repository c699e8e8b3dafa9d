"""PDFs that hang or flood a reader without limits, and PDFs whose text layer lies.

Written byte by byte: pages of thousands of scattered words or characters, form XObjects
that each draw the next one twice, a million empty text objects; a font without a
ToUnicode map, letters spaced out one by one, text drawn right to left.
"""

from __future__ import annotations

import random
import zlib

from pdfgen import assemble, stream

HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
COURIER = b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>"
WORDS = ("children", "armed", "conflict", "Working", "Group", "urging", "parties", "release", "report",
         "Council")


def _escape(text: str) -> bytes:
    return text.encode("latin-1").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def one_page(content: bytes, font: bytes = HELVETICA, compress: bool = True, extra: list[bytes] = ()) -> bytes:
    """A one-page PDF: catalog, pages, page, font (object 4), content (object 5), extras."""
    data = zlib.compress(content, 9) if compress else content
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >>"
        b" /Contents 5 0 R >>",
        font,
        stream(data, b"/Filter /FlateDecode " if compress else b""),
        *extra,
    ]
    return assemble(objects)


def scattered_words(n: int) -> bytes:
    """One page of `n` words, each at its own random place (measured: 8,000 words kept
    pdfminer's layout analysis busy for minutes)."""
    rnd = random.Random(1)
    ops = [b"BT /F1 6 Tf"]
    for _ in range(n):
        ops.append(b"1 0 0 1 %d %d Tm (%s) Tj" % (rnd.randrange(20, 590), rnd.randrange(20, 770),
                                                  rnd.choice(WORDS).encode()))
    ops.append(b"ET")
    return one_page(b"\n".join(ops))


def scattered_characters(n: int) -> bytes:
    """One page of `n` single characters at random places."""
    rnd = random.Random(2)
    ops = [b"BT /F1 6 Tf"]
    for _ in range(n):
        ops.append(b"1 0 0 1 %d %d Tm (%c) Tj" % (rnd.randrange(20, 590), rnd.randrange(20, 770),
                                                  rnd.choice(b"abcdefghijklmnopqrstuvwxyz")))
    ops.append(b"ET")
    return one_page(b"\n".join(ops))


def doubling_forms(depth: int) -> bytes:
    """Form XObjects X1 .. X`depth`, each drawing the next one twice: 2**depth drawings
    from a few kilobytes."""
    first = 6  # objects 1-5 as in `one_page`, then the forms
    forms = []
    for k in range(depth):
        if k + 1 < depth:
            body = b"q 0.5 0 0 0.5 0 0 cm /X Do Q q 0.5 0 0 0.5 10 10 cm /X Do Q"
            res = b"<< /XObject << /X %d 0 R >> >>" % (first + k + 1)
        else:
            body = b"0 0 m 10 10 l S"
            res = b"<< >>"
        forms.append(stream(body, b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources " + res + b" "))
    content = b"BT /F1 12 Tf 72 720 Td (Conclusions on children and armed conflict) Tj ET /X Do"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >>"
        b" /XObject << /X %d 0 R >> >> /Contents 5 0 R >>" % first,
        HELVETICA,
        stream(content),
        *forms,
    ]
    return assemble(objects)


def empty_text_objects(n: int) -> bytes:
    """One page of `n` empty text objects (`BT ET`), deflated to a few kilobytes."""
    return one_page(b"BT /F1 12 Tf 72 720 Td (Conclusions) Tj ET\n" + b"BT ET\n" * n)


_LINES = [
    "Conclusions on children and armed conflict in Testland",
    "",
    "1. The Working Group examined the report of the Secretary-General on children",
    "and armed conflict in Testland and welcomed the recommendations it contains.",
    "",
    "2. The members of the Working Group expressed deep concern at the violations",
    "committed against children by all parties to the conflict in Testland.",
]


def _text_lines(lines: list[str], show: bytes = b"") -> bytes:
    ops = b"BT /F1 12 Tf " + show + b"72 720 Td 16 TL " + b"".join(b"(" + _escape(t) + b") ' " for t in lines)
    return ops + b"ET"


def without_unicode_map(lines: list[str] = _LINES) -> bytes:
    """A composite (Type0, Identity-H) font with no ToUnicode map: the text layer holds
    only glyph numbers, which pdfminer shows as "(cid:67)(cid:111)..."."""
    font = (b"<< /Type /Font /Subtype /Type0 /BaseFont /Hidden /Encoding /Identity-H "
            b"/DescendantFonts [6 0 R] >>")
    cid_font = (b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Hidden /CIDSystemInfo << /Registry (Adobe)"
                b" /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /DW 500 >>")
    descriptor = (b"<< /Type /FontDescriptor /FontName /Hidden /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0"
                  b" /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>")
    # Glyph numbers that are not the characters' codes, as a subset font numbers them.
    shown = b"".join(b"<" + "".join(f"{ord(c) + 3:04X}" for c in t).encode() + b"> ' " for t in lines)
    ops = b"BT /F1 12 Tf 72 720 Td 16 TL " + shown + b"ET"
    return one_page(ops, font=font, extra=[cid_font, descriptor])


def spaced_letters(lines: list[str] = _LINES) -> bytes:
    """Every letter drawn with wide character spacing: "C o n c l u s i o n s"."""
    return one_page(_text_lines(lines, show=b"4 Tc "), compress=False)


def right_to_left(lines: list[str] = _LINES) -> bytes:
    """Each line drawn from its last character to its first, each character placed where
    it belongs: the page reads normally, the text layer backwards."""
    ops = [b"BT /F1 12 Tf"]
    width = 7.2  # Courier: 600/1000 of the font size
    for row, text in enumerate(lines):
        y = 720 - 16 * row
        for i in range(len(text) - 1, -1, -1):
            ops.append(b"1 0 0 1 %.1f %d Tm (%s) Tj" % (72 + width * i, y, _escape(text[i])))
    ops.append(b"ET")
    return one_page(b"\n".join(ops), font=COURIER)


def logging_pdf() -> bytes:
    """A readable PDF with an operand pdfminer logs a warning about (a colour that is a name)."""
    return one_page(b"/Bad g " + _text_lines(_LINES), compress=False)


def pages_pdf(contents: list[bytes], fonts: list[bytes]) -> bytes:
    """One page per content stream, page i using font i (objects: catalog, pages, then
    per page: page, font, content)."""
    n = len(contents)
    kids = b" ".join(b"%d 0 R" % (3 + 3 * i) for i in range(n))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n]
    extra: list[bytes] = []
    for i, (content, font) in enumerate(zip(contents, fonts, strict=True)):
        page, font_no, content_no = 3 + 3 * i, 4 + 3 * i, 5 + 3 * i
        assert len(objects) + 1 == page
        objects += [
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R >> >>"
            b" /Contents %d 0 R >>" % (font_no, content_no),
            font,
            stream(content),
        ]
    return assemble(objects + extra)


def one_page_unmapped_of(pages: int) -> bytes:
    """`pages` pages of readable text, the last one in a font without a ToUnicode map whose
    descendant font is inlined (so each page is self-contained)."""
    inline = (b"<< /Type /Font /Subtype /Type0 /BaseFont /Hidden /Encoding /Identity-H /DescendantFonts [<< /Type"
              b" /Font /Subtype /CIDFontType2 /BaseFont /Hidden /CIDSystemInfo << /Registry (Adobe) /Ordering"
              b" (Identity) /Supplement 0 >> /DW 500 >>] >>")
    readable = [_text_lines(_LINES if i == 0 else _LINES[3:]) for i in range(pages - 1)]
    hidden = b"BT /F1 12 Tf 72 720 Td 16 TL " + b"".join(
        b"<" + "".join(f"{ord(c) + 3:04X}" for c in t).encode() + b"> ' " for t in _LINES[3:]) + b"ET"
    return pages_pdf(readable + [hidden], [HELVETICA] * (pages - 1) + [inline])
