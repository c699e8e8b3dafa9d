"""Hostile and odd text: mixed encodings, surrogates, late NUL bytes, one enormous line,
control characters, bidirectional overrides and invisible characters."""

from __future__ import annotations

import pytest
from hostile import MB, snapshot, write

from app.errors import ImportRefused
from app.parse import parse_file, parse_text
from app.services.library import import_files

HEAD = b"Conclusions on children and armed conflict in Testland\n\n"


def test_mixed_encodings_read_each_part_as_written(tmp_path):
    # UTF-8 dashes and quotes, and a paragraph pasted from a Windows-1252 file.
    data = HEAD + "1. The Group \u2014 \u201cwelcomed\u201d it.\n\n".encode() + b"2. Caf\xe9 and na\xefve \x93quotes\x94.\n"
    doc = parse_file(write(tmp_path, "mixed.txt", data))
    assert doc.segment("1").text == "The Group \u2014 \u201cwelcomed\u201d it."
    assert doc.segment("2").text == "Café and naïve \u201cquotes\u201d."
    assert "mixed encodings: the bytes that are not UTF-8 were read as Windows-1252" in doc.warnings


def test_plain_windows_1252_is_not_called_mixed(tmp_path):
    doc = parse_file(write(tmp_path, "cp1252.txt", HEAD + b"1. Caf\xe9 \x96 cr\xe8me.\n"))
    assert doc.segment("1").text == "Café \u2013 crème."
    assert not any("mixed" in w for w in doc.warnings)


def test_lone_surrogate_in_utf16_is_refused(tmp_path):
    data = "\ufeff1. Text ".encode("utf-16-le") + b"\x00\xd8" + " more.".encode("utf-16-le")
    with pytest.raises(ImportRefused, match=r"^lone\.txt: not valid UTF-16 text"):
        parse_file(write(tmp_path, "lone.txt", data))


def test_lone_surrogate_in_text_given_directly_is_replaced_and_storable(library):
    doc = parse_text("Conclusions on children and armed conflict in Testland\n\n1. Bad \ud800 char.")
    assert doc.segment("1").text == "Bad \ufffd char."
    assert "1 invalid character(s) (lone surrogates) replaced by \ufffd" in doc.warnings
    stored, new = library.add_document(doc)
    assert new and library.get_document(stored.id).segment("1").text == "Bad \ufffd char."


def test_nul_bytes_after_the_first_8_kb_are_refused(tmp_path):
    # Sniffing sees only the first 8 KB of text; decoding still finds the NUL.
    data = HEAD + b"1. " + b"words " * 2000 + b"\x00\x00binary"
    assert b"\x00" not in data[:8192]
    with pytest.raises(ImportRefused) as e:
        parse_file(write(tmp_path, "late-nul.txt", data))
    assert e.value.reason == "contains binary data (NUL bytes); not a text document"


def test_control_characters_are_removed_and_reported(tmp_path):
    data = HEAD + b"1. Bell\x07 escape\x1b[31m red\x7f and\x0cpage.\n"
    doc = parse_file(write(tmp_path, "controls.txt", data))
    assert doc.segment("1").text == "Bell escape[31m red and page."
    assert "3 control character(s) removed" in doc.warnings


def test_bidi_overrides_and_invisible_characters_are_kept_and_reported(tmp_path):
    # "Trojan Source": U+202E shows "evil" reversed; U+200B splits a word invisibly.
    text = "1. The Group \u202eredro\u202c noted the re\u200bport.\n"
    doc = parse_file(write(tmp_path, "bidi.txt", HEAD + text.encode()))
    assert doc.segment("1").text == "The Group \u202eredro\u202c noted the re\u200bport."
    assert doc.warnings == (
        "contains 2 bidirectional override character(s) (U+202A-202E, U+2066-2069) that change the order in "
        "which text is displayed; kept as they are",
        "contains 1 invisible character(s) (zero-width space, word joiner, ...) that make identical-looking "
        "text compare as different; kept as they are",
    )


def test_marks_that_arabic_names_need_are_not_reported(tmp_path):
    # Right-to-left mark and zero-width non-joiner occur in real Arabic and Persian names.
    text = "1. The Group met Mr. \u200f\u0639\u0628\u062f\u200c\u0627\u0644\u0644\u0647.\n"
    doc = parse_file(write(tmp_path, "arabic.txt", HEAD + text.encode()))
    assert "\u200f" in doc.segment("1").text and "\u200c" in doc.segment("1").text
    assert doc.warnings == ()


def test_whitespace_only_is_refused(tmp_path):
    with pytest.raises(ImportRefused) as e:
        parse_file(write(tmp_path, "blank.txt", b" \n\n\t \r\n"))
    assert e.value.reason == "the document contains no text"


@pytest.mark.slow
def test_a_10_mb_line_without_a_newline_imports_in_linear_time(tmp_path):
    # Just under the 10 MB limit, one line: every step on it is linear (5 to 10 s on this machine).
    data = HEAD + b"1. " + b"word " * ((10 * MB - 200) // 5)
    doc = parse_file(write(tmp_path, "one-line.txt", data))
    assert doc.labels() == ["1"]
    assert len(doc.segment("1").text) > 9 * MB


def test_thousands_of_paragraphs_that_do_not_number_import(tmp_path):
    # 5,000 paragraphs all labelled "1.": a repeated label is still a paragraph, said once in
    # a warning, never merged silently into the paragraph before it.
    para = b"1. The Working Group expressed deep concern at the increase in violations.\n\n"
    doc = parse_file(write(tmp_path, "ones.txt", HEAD + para * 5000))
    assert doc.labels() == ["1"] * 5000
    assert doc.warnings == ("paragraph 1 appears twice",)


def test_thousands_of_wrapped_lines_of_one_paragraph_join_in_linear_time(tmp_path):
    # Joining a paragraph's lines once took time quadratic in their number (a minute for
    # 5,000 lines here; hours for a 10 MB file).
    line = b"the Working Group expressed deep concern at the increase in violations\n"
    doc = parse_file(write(tmp_path, "wrapped.txt", HEAD + b"1. Opening words of\n" + line * 5000))
    assert doc.labels() == ["1"]
    assert doc.segment("1").text.count("the Working Group expressed") == 5000


def test_text_refusals_leave_the_library_untouched(tmp_path, corpus_library):
    paths = [
        write(tmp_path, "late-nul.txt", HEAD + b"1. " + b"words " * 2000 + b"\x00"),
        write(tmp_path, "lone.txt", "\ufeff1. ".encode("utf-16-le") + b"\x00\xd8"),
        write(tmp_path, "blank.txt", b"\n \n"),
    ]
    before = snapshot(corpus_library)
    results = import_files(corpus_library, paths)
    assert [r.ok for r in results] == [False, False, False]
    assert all(r.error.startswith(f"{p.name}: ") for p, r in zip(paths, results, strict=True))
    assert snapshot(corpus_library) == before
