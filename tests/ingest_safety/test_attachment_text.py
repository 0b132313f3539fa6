"""Attachment text: each reader on a good file, a hostile one and the edge of its limits."""

from __future__ import annotations

import codecs
import io
import sys
import zipfile

import pytest
from hostile_mail import GOOD_DOCX, GOOD_PDF, big_docx, billion_laughs_docx, zip_bomb_docx

from interlock.ingest import attachment_text
from interlock.ingest.attachment_text import MAX_TEXT, decode_bytes, extract_text, html_to_text, kind_of, rtf_to_text

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


# -- HTML ------------------------------------------------------------------------------------------------


def test_html_scripts_styles_and_titles_are_dropped_never_run() -> None:
    html = ("<html><head><title>T</title><style>p{color:red}</style><script>alert('x')</script></head>"
            "<body><p>Visible &amp; kept</p><SCRIPT type='text/javascript'>document.write('no')</SCRIPT >"
            "<a href='x' title='a > b'>link</a></body></html>")
    assert html_to_text(html) == "Visible & kept\nlink"


@pytest.mark.parametrize("html, text", [
    ("<p>a</p><p>b</p>", "a\n\nb"),
    ("a<br>b", "a\nb"),
    ("x <!-- hidden --> y", "x y"),
    ("x <!-- never closed", "x"),
    ("x <script>never closed", "x"),
    ("x < y and y > z", "x < y and y > z"),
    ("<a title=\"unterminated>text", ""),
    ("", ""),
])
def test_html_edge_cases(html: str, text: str) -> None:
    assert html_to_text(html) == text


def test_html_that_made_the_old_parser_quadratic_is_read_in_one_pass() -> None:
    # HTMLParser took minutes on this; the tokenizer walks it once
    assert html_to_text("<!--" * 200_000) == ""
    assert html_to_text("<a " * 200_000) == ""
    assert len(html_to_text("<" * 200_000)) == 200_000


# -- RTF -------------------------------------------------------------------------------------------------


def test_rtf_text_with_escapes_unicode_and_skipped_groups() -> None:
    rtf = (rb"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times New Roman;}}{\colortbl;\red0\green0\blue0;}"
           rb"{\*\generator Riched20;}\pard Caf\'e9 costs 5\u8364? today.\par {\*\fldinst HYPERLINK x}{\fldrslt link}"
           rb"\par smile \u-10179?\u-8704?\par{\pict\pngblip 89504e47}\bin4 \x00\x01\x02\x03 end\tab x}")
    assert rtf_to_text(rtf) == "Caf\u00e9 costs 5\u20ac today.\nlink\nsmile \U0001f600\nend\tx"


def test_rtf_code_page_and_deep_groups() -> None:
    assert rtf_to_text(rb"{\rtf1\ansi\ansicpg1251 \'cf\'f0\'e8\'e2\'e5\'f2}") == "Привет"
    deep = b"{\\rtf1 " + b"{" * 50_000 + b"deep" + b"}" * 50_000 + b"}"
    assert rtf_to_text(deep) == "deep"
    assert rtf_to_text(b"{\\rtf1 unclosed \\") == "unclosed"


# -- Office Open XML -----------------------------------------------------------------------------------------


def test_docx_paragraphs() -> None:
    assert extract_text("terms.docx", DOCX, GOOD_DOCX) == ("Term sheet for the parking contract\nFee: 4%", "")


def test_docx_named_doc_or_sent_as_octet_stream_is_read_by_its_bytes() -> None:
    assert extract_text("Estimate.doc", "application/octet-stream", GOOD_DOCX)[0].startswith("Term sheet")


def test_zip_bomb_is_refused_by_ratio() -> None:
    text, error = extract_text("bomb.docx", DOCX, zip_bomb_docx())
    assert text == "" and "zip bomb refused" in error and "word/document.xml" in error


@pytest.mark.parametrize("size, refused", [((1 << 20) - 4096, False), ((1 << 20) + 1, True)])
def test_zip_member_over_the_inflate_limit_is_refused(monkeypatch: pytest.MonkeyPatch, size: int, refused: bool) -> None:
    monkeypatch.setattr(attachment_text, "MAX_INFLATE", 1 << 20)  # 64 MiB in use; the test needs less
    data = big_docx(size)
    text, error = extract_text("big.docx", DOCX, data)
    assert ("zip bomb refused" in error) == refused


def test_xml_with_a_dtd_is_not_expanded() -> None:
    text, error = extract_text("lol.docx", DOCX, billion_laughs_docx())
    assert text == "" and "DTD" in error


def test_damaged_and_plain_zips() -> None:
    assert "not a readable zip" in extract_text("x.docx", DOCX, GOOD_DOCX[:100])[1]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("notes.txt", "hello")
    assert extract_text("files.zip", "application/zip", buf.getvalue()) == ("", "a zip archive: the files inside are not unpacked")


def test_pptx_slides_in_order() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for n in (10, 2):
            zf.writestr(f"ppt/slides/slide{n}.xml", f'<p:sld xmlns:a="a" xmlns:p="p"><a:p><a:r><a:t>slide {n}</a:t></a:r></a:p></p:sld>')
    assert extract_text("deck.pptx", "", buf.getvalue()) == ("slide 2\nslide 10", "")


# -- PDF -------------------------------------------------------------------------------------------------


def test_pdf_text_layer() -> None:
    pytest.importorskip("interlock.ingest.pdftext")
    text, error = extract_text("invoice.pdf", "application/pdf", GOOD_PDF)
    assert "Amount due: $4,325,000" in text and error == ""
    assert "not a readable PDF" in extract_text("broken.pdf", "application/pdf", b"%PDF-1.4 garbage")[1]


def test_pdf_without_the_pdf_module(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "interlock.ingest.pdftext", None)  # import fails
    assert extract_text("invoice.pdf", "application/pdf", GOOD_PDF) == ("", "PDF text extraction unavailable")


# -- plain text, and what has none --------------------------------------------------------------------------


def test_text_decoding() -> None:
    assert decode_bytes(codecs.BOM_UTF16_LE + "näive".encode("utf-16-le")) == "näive"
    assert decode_bytes("café".encode()) == "café"
    assert decode_bytes("café".encode("cp1252")) == "café"
    assert decode_bytes("Привет".encode("koi8-r"), "koi8-r") == "Привет"
    assert decode_bytes(b"\\ud800 x", "unicode-escape") == "\\ud800 x"   # an escape codec is not used
    assert decode_bytes(b"+2AA- x", "utf-7") == "? x"                      # a lone surrogate is replaced
    assert extract_text("rows.csv", "text/csv", b"a,b\r\n1,2\r\n\x00") == ("a,b\r\n1,2", "")


@pytest.mark.parametrize("extra, cut", [(0, False), (1, True)])
def test_text_is_cut_at_the_limit(extra: int, cut: bool) -> None:
    text, error = extract_text("big.txt", "text/plain", b"x" * (MAX_TEXT + extra))
    assert len(text) == MAX_TEXT and (error == f"text cut at {MAX_TEXT:,} characters") == cut


@pytest.mark.parametrize("name, ctype, data, words", [
    ("p.png", "image/png", b"\x89PNG\r\n\x1a\n", "an image"),
    ("old.doc", "application/msword", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "Office 97-2003"),
    ("x.bin", "application/octet-stream", b"\x00\x01", "no text extractor"),
    ("empty.txt", "text/plain", b"", "empty attachment"),
    ("blank.txt", "text/plain", b"   ", "no text found"),
])
def test_what_has_no_text_says_why(name: str, ctype: str, data: bytes, words: str) -> None:
    text, error = extract_text(name, ctype, data)
    assert text == "" and words in error


def test_kind_is_read_from_the_bytes_first() -> None:
    assert kind_of("x.txt", "text/plain", b"%PDF-1.7") == "pdf"
    assert kind_of("x.pdf", "application/pdf", b"{\\rtf1") == "rtf"
    assert kind_of("x", "application/octet-stream", b"<html>") == ""
    assert kind_of("x.txt", "text/plain", b"<!DOCTYPE html><p>") == "html"
