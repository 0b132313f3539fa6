"""pdftext: pages of text from text layers and OCR, reading order, embedded files, and the bounds."""

from __future__ import annotations

import pytest
from pdf_fixtures import encrypted, scanned, text_pdf

from interlock.errors import RecordError
from interlock.ingest import pdftext
from interlock.ingest.pdftext import embedded_files, pdf_pages, reading_order, tsv_text

HEADERS = [
    "From: Dana Ortiz <dortiz@lakeport.gov>",
    "To: Sam Reyes <sam@reyesstrategies.com>",
    "Subject: Term sheet (draft)",
    "Date: Monday, March 2, 2020 9:15 AM",
    "",
    "Sam, see the attached term sheet.",
    "Dana",
]


def test_a_text_layer_round_trips_with_its_line_breaks() -> None:
    pages = pdf_pages(text_pdf([HEADERS, ["Page two."]]))
    assert [p.number for p in pages] == [1, 2]
    assert pages[0].text == "\n".join(HEADERS)
    assert pages[1].text == "Page two."
    assert all(p.confidence is None for p in pages)


def test_an_empty_page_without_images_is_not_ocrd(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdftext, "ocr_image", lambda *a, **k: pytest.fail("OCR ran on a page with no image"))
    (page,) = pdf_pages(text_pdf([[]]))
    assert (page.text, page.confidence) == ("", None)


def test_reading_order_puts_labels_beside_their_values() -> None:
    # Acrobat's PDFMaker writes the labels, then the values; Outlook on the web prints the header after the body
    segments = [
        (80, 722, 100, 728, "From: "), (80, 712, 90, 718, "To: "),
        (156, 721, 233, 729, "Schwartz, Carol (BEGA)"), (156, 711, 229, 718, "Walker, Steven (EOM)"),
        (156, 701, 229, 708, "Collier, Tameka (BEGA)"),  # a wrapped value: no label
        (78, 660, 487, 671, "Busy with daughter and pets in town"),
    ]
    lines = reading_order(segments).split("\n")
    assert [line.split(None, 1) for line in lines] == [
        ["From:", "Schwartz, Carol (BEGA)"], ["To:", "Walker, Steven (EOM)"], ["Collier,", "Tameka (BEGA)"], [],
        ["Busy", "with daughter and pets in town"],
    ]
    column = lines[0].index("Schwartz")
    assert column >= 10 and lines[1].index("Walker") == column and lines[2].index("Collier") == column  # padded, as printed


def test_reading_order_joins_touching_runs_and_spaces_apart_ones() -> None:
    touching = [(78, 607, 337, 617, "wrote to <"), (338, 606, 447, 617, "steven.walker@dc.gov"), (447, 609, 486, 616, "> today")]
    assert reading_order(touching) == "wrote to <steven.walker@dc.gov> today"
    trailing_space = [(62, 670, 115, 681, "Grimaldi, "), (115.3, 670, 193, 681, "John J. (BEGA)")]
    assert reading_order(trailing_space) == "Grimaldi, John J. (BEGA)"


def test_reading_order_blank_line_only_past_a_line_height() -> None:
    def two(gap: float) -> str:
        return reading_order([(0, 100, 50, 110, "one"), (0, 100 - gap - 10, 50, 100 - gap, "two")])

    assert two(4) == "one\ntwo"
    assert two(10) == "one\ntwo"      # boundary: a gap of exactly one line height is still the next line
    assert two(10.5) == "one\n\ntwo"
    assert reading_order([]) == ""


def test_tsv_text_lines_blocks_and_confidence() -> None:
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    words = [  # block, line, left, top, width, conf, text; every word 20 pixels high
        (1, 1, 100, 100, 50, 90, "From:"), (1, 1, 160, 100, 30, 80, "sam"), (1, 1, 195, 100, 100, 70, "@reyes.com"),
        (1, 2, 100, 130, 50, 60, "Sent:"), (1, 2, 300, 130, 10, 95, " "),
        (2, 1, 100, 200, 40, 100, "Body"), (2, 1, 150, 200, 40, -1, "text"),
    ]
    rows = ["1\t1\t0\t0\t0\t0\t0\t0\t2550\t3300\t-1\t"]
    rows += [f"5\t1\t{b}\t1\t{ln}\t1\t{x}\t{y}\t{w}\t20\t{c}\t{t}" for b, ln, x, y, w, c, t in words]
    assert tsv_text("\n".join([header, *rows])) == ("From: sam@reyes.com\nSent:\n\nBody text", 80.0)
    assert tsv_text(header) == ("", 0.0)


def test_a_scanned_page_is_ocrd_with_its_confidence() -> None:
    scan = scanned(text_pdf([HEADERS]))
    assert pdf_pages(scan, ocr=False)[0].text == ""
    (page,) = pdf_pages(scan, dpi=200)
    assert page.confidence is not None and page.confidence > 80
    assert "Subject: Term sheet (draft)" in page.text
    assert "sam@reyesstrategies.com" in page.text


def test_a_scan_without_tesseract_is_an_error_that_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdftext.shutil, "which", lambda name: None)
    with pytest.raises(RecordError, match="tesseract is not installed.*apt-get install tesseract-ocr"):
        pdf_pages(scanned(text_pdf([["Hello"]]), dpi=50))


def test_corrupt_and_encrypted_pdfs_are_record_errors() -> None:
    with pytest.raises(RecordError, match="not a readable PDF"):
        pdf_pages(b"%PDF-1.7\nthis is not a PDF at all")
    with pytest.raises(RecordError, match="not a readable PDF"):
        pdf_pages(text_pdf([HEADERS])[:300])  # cut short
    with pytest.raises(RecordError, match="encrypted with a password"):
        pdf_pages(encrypted([HEADERS]))
    with pytest.raises(RecordError, match="encrypted"):
        embedded_files(encrypted([HEADERS]))


def test_page_limit() -> None:
    pdf = text_pdf([["one"], ["two"], ["three"]])
    assert len(pdf_pages(pdf, max_pages=3)) == 3
    with pytest.raises(RecordError, match="3 pages, over the limit of 2"):
        pdf_pages(pdf, max_pages=2)


def test_embedded_files_and_their_bounds() -> None:
    files = [("message.eml", b"From: a@b.gov\n\nhello\n"), ("notes.txt", b"x" * 100)]
    pdf = text_pdf([["Portfolio cover"]], files=files)
    assert embedded_files(pdf) == files
    assert embedded_files(text_pdf([["no files"]])) == []
    assert embedded_files(pdf, max_files=2, max_size=100) == files  # boundary: exactly at the limits
    with pytest.raises(RecordError, match="embeds 2 files, over the limit of 1"):
        embedded_files(pdf, max_files=1)
    with pytest.raises(RecordError, match="'notes.txt' has 100 bytes, over the limit of 99"):
        embedded_files(pdf, max_size=99)
    with pytest.raises(RecordError, match="pass 110 bytes in all"):
        embedded_files(pdf, max_total=110)


def test_ocr_past_its_time_limit_is_an_error_naming_the_page() -> None:
    scan = scanned(text_pdf([["Hello"]]), dpi=100)
    with pytest.raises(RecordError, match=r"^page 1: OCR took longer than 0.001 s$"):
        pdf_pages(scan, timeout=0.001)
