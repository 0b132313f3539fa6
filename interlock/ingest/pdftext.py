"""Pages of text from a PDF, and the files a PDF carries inside it.

A page's text comes from its text layer (PDFium) when it has one; a page that is only a picture (a
scan) is rendered and read by Debian's ``tesseract``, and its :class:`Page` carries the mean word
confidence. Either way the text is laid out from the places of its words on the page, as
``pdftotext -layout`` does: lines top to bottom, a header's values padded to their column and wrapped
values indented to it, which is what :func:`~interlock.ingest.printed.split_printed` reads. Position
matters because printers write text in any order: Outlook on the web prints the header block after
the body, and Acrobat's PDFMaker writes the header labels apart from their values.

Everything is bounded: pages read, pixels rendered, seconds of OCR per page, files and bytes
unpacked. A PDF that cannot be opened (corrupt, encrypted) raises :class:`RecordError` with the
reason; the caller names the file.
"""

from __future__ import annotations

import ctypes
import math
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from statistics import mean

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from interlock.errors import RecordError
from interlock.ingest.printed import Page

MIN_TEXT_CHARS = 40          # a page with fewer visible characters than this, and a large image, is OCR'd
MIN_IMAGE_SHARE = 0.25       # ... where "large" is this share of the page's area
MAX_PIXELS = 40_000_000      # a page is rendered for OCR at a lower resolution rather than past this
OCR_TIMEOUT = 180.0          # seconds tesseract may take on one page
OCR_LANG = "eng"
MAX_EMBEDDED = 200           # files unpacked from one PDF
MAX_EMBEDDED_SIZE = 64 << 20  # bytes of one embedded file
MAX_EMBEDDED_TOTAL = 256 << 20

# OCR splits "sam@reyes.com" into "sam @reyes.com" or "sam@ reyes.com"; no address has a space
OCR_SPLIT_ADDRESS = re.compile(r"(?<=\w) @ ?(?=[A-Za-z][\w-]*\.[A-Za-z])|(?<=\w)@ (?=[A-Za-z][\w-]*\.[A-Za-z])")

Segment = tuple[float, float, float, float, str]  # left, bottom, right, top (PDF units, y up), text


@contextmanager
def open_pdf(data: bytes | Path) -> Iterator[pdfium.PdfDocument]:
    """The PDF, opened; a PDF that PDFium cannot open raises RecordError saying why."""
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            reason = "the PDF is encrypted with a password; decrypt a copy (qpdf --decrypt --password=...) and ingest that"
        elif code == pdfium_c.FPDF_ERR_SECURITY:
            reason = "the PDF uses an encryption scheme PDFium does not support; decrypt a copy (qpdf --decrypt) and ingest that"
        else:
            reason = f"not a readable PDF ({exc})"
        raise RecordError(reason) from None
    except (OSError, ValueError) as exc:
        raise RecordError(f"not a readable PDF ({exc})") from None
    try:
        yield pdf
    finally:
        pdf.close()


def clean_text(text: str) -> str:
    """PDFium's marks made plain: its end-of-line hyphen (U+FFFE) is a hyphen; control characters and
    private-use glyphs (icons in a symbol font) are dropped; non-breaking spaces are spaces."""
    text = text.replace("\ufffe", "-").replace("\x02", "-").replace("\xa0", " ")
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f\ue000-\uf8ff]", "", text.replace("\r\n", " ").replace("\r", " ").replace("\n", " "))


def group_lines(segments: list[Segment]) -> list[list[Segment]]:
    """Text runs grouped into lines, top to bottom: runs whose heights overlap by half the smaller one share a line."""
    lines: list[list[Segment]] = []
    for seg in sorted(segments, key=lambda s: (-s[3], s[0])):
        if lines:
            top = max(s[3] for s in lines[-1])
            bottom = min(s[1] for s in lines[-1])
            if min(top, seg[3]) - max(bottom, seg[1]) >= 0.5 * min(top - bottom, seg[3] - seg[1]):
                lines[-1].append(seg)
                continue
        lines.append([seg])
    return lines


def char_width(segments: list[Segment]) -> float:
    """The page's typical character width: the median over runs of four characters or more."""
    widths = sorted((s[2] - s[0]) / len(s[4].strip()) for s in segments if len(s[4].strip()) >= 4 and s[2] > s[0])
    if widths:
        return max(widths[len(widths) // 2], 0.1)
    heights = sorted(s[3] - s[1] for s in segments)
    return max(0.5 * heights[len(heights) // 2], 0.1) if heights else 1.0


def layout(lines: list[list[Segment]], words: bool = False) -> str:
    """Lines of runs as text laid out like the page, as ``pdftotext -layout`` does.

    A run starts at the column of its place on the page when it stands more than two characters
    from the run before it (keys padded to a value column, a wrapped value indented to it, a
    redaction's gap); runs closer than a fifth of the line's height touch (unless they are ``words``,
    as OCR's are), others get one space. A line starts at column 0 unless it is indented by two
    characters or more, so the jitter of a scan adds no stray space. A gap between lines taller than a
    line is a blank line.
    """
    runs = [seg for line in lines for seg in line]
    if not runs:
        return ""
    width = char_width(runs)
    margin = min(seg[0] for seg in runs)
    out: list[str] = []
    previous_bottom: float | None = None
    previous_height = 0.0
    for line in lines:
        line = sorted(line, key=lambda s: s[0])
        top, bottom = max(s[3] for s in line), min(s[1] for s in line)
        height = top - bottom
        if previous_bottom is not None and previous_bottom - top > max(height, previous_height):
            out.append("")
        text = ""
        right = -math.inf
        trailing_space = False
        for left, _, seg_right, _, seg_text in line:
            piece = seg_text.strip()
            if not piece:
                continue
            gap = left - right
            column = int((left - margin) / width + 0.25)
            if not text:
                text = " " * column if column >= 2 else ""
            elif gap > 2 * width:
                text = text.ljust(max(column, len(text) + 1))
            elif words or trailing_space or seg_text[:1].isspace() or gap > 0.2 * height:
                text += " "
            text += piece
            right = max(right, seg_right)
            trailing_space = seg_text[-1:].isspace()
        out.append(text.rstrip())
        previous_bottom, previous_height = bottom, height
    return "\n".join(out).strip("\n")


def reading_order(segments: list[Segment]) -> str:
    """Text runs placed on a page (PDF units, y up), as laid-out lines top to bottom."""
    return layout(group_lines(segments))


def layer_text(page: pdfium.PdfPage) -> str:
    """The page's text layer in reading order ('' when it has none)."""
    textpage = page.get_textpage()
    try:
        segments: list[Segment] = []
        for i in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(i)
            text = clean_text(textpage.get_text_bounded(left, bottom, right, top))
            if text.strip():
                segments.append((left, bottom, right, top, text))
        return reading_order(segments)
    finally:
        textpage.close()


def image_share(page: pdfium.PdfPage) -> float:
    """The share of the page's area that its largest image covers (0 when it has no image)."""
    width, height = page.get_size()
    if width <= 0 or height <= 0:
        return 0.0
    largest = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=4):
        left, bottom, right, top = obj.get_bounds()
        largest = max(largest, (min(right, width) - max(left, 0)) * (min(top, height) - max(bottom, 0)))
    return max(0.0, largest / (width * height))


def needs_ocr(text: str, page: pdfium.PdfPage) -> bool:
    """A page whose text layer is (almost) empty and which is mostly an image is a scan."""
    visible = sum(1 for c in text if not c.isspace())
    return visible < MIN_TEXT_CHARS and image_share(page) >= MIN_IMAGE_SHARE


def render_pgm(page: pdfium.PdfPage, dpi: int) -> tuple[bytes, int]:
    """The page as a greyscale PGM image at ``dpi`` (lower when that would pass MAX_PIXELS), and the dpi used."""
    width, height = page.get_size()
    scale = dpi / 72
    if width * height * scale * scale > MAX_PIXELS:
        scale = math.sqrt(MAX_PIXELS / (width * height))
    bitmap = page.render(scale=scale, grayscale=True)
    try:
        w, h, stride = bitmap.width, bitmap.height, bitmap.stride
        buf = memoryview(bitmap.buffer).cast("B")
        rows = bytes(buf[: w * h]) if stride == w else b"".join(bytes(buf[i * stride: i * stride + w]) for i in range(h))
    finally:
        bitmap.close()
    return b"P5\n%d %d\n255\n" % (w, h) + rows, round(scale * 72)


def tsv_text(tsv: str) -> tuple[str, float]:
    """Text laid out like the page (see :func:`layout`) and mean word confidence, from tesseract's TSV output."""
    lines: dict[tuple[str, str, str], list[Segment]] = {}
    confidences: list[float] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        try:
            left, top, width, height, conf = (float(c) for c in cols[6:11])
        except ValueError:
            continue
        lines.setdefault((cols[2], cols[3], cols[4]), []).append((left, -(top + height), left + width, -top, cols[11].strip()))
        if conf >= 0:
            confidences.append(conf)
    text = layout(sorted(lines.values(), key=lambda line: -max(s[3] for s in line)), words=True)
    return OCR_SPLIT_ADDRESS.sub("@", text), round(mean(confidences), 1) if confidences else 0.0


def ocr_image(pgm: bytes, dpi: int, timeout: float = OCR_TIMEOUT, lang: str = OCR_LANG) -> tuple[str, float]:
    """Run tesseract on one image: its text and mean word confidence (0-100). One thread per process,
    which is faster than tesseract's own threading on a small machine; pages run side by side instead."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    try:
        done = subprocess.run(
            ["tesseract", "stdin", "stdout", "-l", lang, "--dpi", str(dpi), "tsv"],
            input=pgm, capture_output=True, timeout=timeout, env=env, check=False,
        )
    except subprocess.TimeoutExpired:
        raise RecordError(f"OCR took longer than {timeout:g} s") from None
    if done.returncode != 0:
        raise RecordError(f"tesseract failed: {done.stderr.decode('utf-8', 'replace').strip()[:300]}")
    return tsv_text(done.stdout.decode("utf-8", "replace"))


def pdf_pages(data: bytes | Path, ocr: bool = True, dpi: int = 300, max_pages: int = 2000, *,
              timeout: float = OCR_TIMEOUT, workers: int | None = None) -> list[Page]:
    """Text of each page: the text layer, or OCR for a page that is a scan (when ``ocr``).

    A PDF of more than ``max_pages`` pages, or one that cannot be opened, raises RecordError; so does
    a scanned page when tesseract is missing, fails, or takes longer than ``timeout`` seconds.
    """
    with open_pdf(data) as pdf:
        count = len(pdf)
        if count > max_pages:
            raise RecordError(f"the PDF has {count:,} pages, over the limit of {max_pages:,}; "
                              "split it (qpdf --split-pages=1000) and ingest the parts")
        pages: list[Page] = []
        pending: dict[int, Future[tuple[str, float]]] = {}
        workers = workers or min(2, os.cpu_count() or 1)
        with ThreadPoolExecutor(max_workers=workers) as pool:
            try:
                for n in range(count):
                    text, scan = read_page(pdf, n, ocr, dpi)
                    pages.append(Page(number=n + 1, text=text))
                    if scan is None:
                        continue
                    while len(pending) >= 2 * workers:  # bound the rendered pages held in memory
                        first = min(pending)
                        set_ocr(pages[first], pending.pop(first))
                    pending[n] = pool.submit(ocr_image, scan[0], scan[1], timeout)
                for n, future in sorted(pending.items()):
                    set_ocr(pages[n], future)
            finally:
                for future in pending.values():
                    future.cancel()
    return pages


def read_page(pdf: pdfium.PdfDocument, n: int, ocr: bool, dpi: int) -> tuple[str, tuple[bytes, int] | None]:
    """Page ``n``'s text layer, and when it is a scan to OCR, its image and the dpi it was rendered at."""
    try:
        page = pdf[n]
    except pdfium.PdfiumError as exc:
        raise RecordError(f"page {n + 1} cannot be read ({exc})") from None
    try:
        text = layer_text(page)
        if not (ocr and needs_ocr(text, page)):
            return text, None
        if shutil.which("tesseract") is None:
            raise RecordError(f"page {n + 1} is a scan with no text layer and tesseract is not installed "
                              "(apt-get install tesseract-ocr tesseract-ocr-eng, or run make)")
        return text, render_pgm(page, dpi)
    finally:
        page.close()


def set_ocr(page: Page, future: Future[tuple[str, float]]) -> None:
    try:
        page.text, page.confidence = future.result()
    except RecordError as exc:
        raise RecordError(f"page {page.number}: {exc.reason}") from None


def embedded_files(data: bytes | Path, max_files: int = MAX_EMBEDDED, max_size: int = MAX_EMBEDDED_SIZE,
                   max_total: int = MAX_EMBEDDED_TOTAL) -> list[tuple[str, bytes]]:
    """(name, bytes) of each file embedded in the PDF (a portfolio's documents, attached files).

    More than ``max_files`` files, a file over ``max_size`` bytes or a total over ``max_total``
    raises RecordError; an embedded file PDFium cannot read is skipped.
    """
    out: list[tuple[str, bytes]] = []
    total = 0
    with open_pdf(data) as pdf:
        count = pdf.count_attachments()
        if count > max_files:
            raise RecordError(f"the PDF embeds {count:,} files, over the limit of {max_files:,}")
        for i in range(count):
            att = pdf.get_attachment(i)
            try:
                name = att.get_name()
            except pdfium.PdfiumError:
                name = f"embedded-{i + 1}"
            size = attachment_size(att)
            if size > max_size:
                raise RecordError(f"embedded file {name!r} has {size:,} bytes, over the limit of {max_size:,}")
            total += size
            if total > max_total:
                raise RecordError(f"the PDF's embedded files pass {max_total:,} bytes in all")
            if size == 0:
                continue
            try:
                out.append((name, bytes(att.get_data())))
            except pdfium.PdfiumError:
                continue
    return out


def attachment_size(att: pdfium.PdfAttachment) -> int:
    """An embedded file's size, asked before any of it is read."""
    n = ctypes.c_ulong()
    pdfium_c.FPDFAttachment_GetFile(att, None, 0, n)
    return int(n.value)
