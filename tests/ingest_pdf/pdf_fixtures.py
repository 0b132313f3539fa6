"""Tiny PDFs written by hand: text pages, embedded files, a scanned (image-only) page, an encrypted file."""

from __future__ import annotations

import zlib

import pypdfium2 as pdfium

from interlock.demo.attachments import assemble_pdf


def literal(text: str) -> bytes:
    return b"(" + text.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def text_pdf(pages: list[list[str]], files: list[tuple[str, bytes]] | None = None, trailer: bytes = b"") -> bytes:
    """Letter pages of Helvetica lines (an empty string is a blank line), and embedded files."""
    objects: list[bytes] = [b"", b"", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    kids = []
    for lines in pages:
        ops = b"BT /F1 11 Tf 14 TL 72 720 Td " + b" ".join((literal(line) + b" Tj T*") if line else b"T*" for line in lines) + b" ET"
        objects.append(stream(ops))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                       b"/Contents %d 0 R >>" % (len(objects)))
        kids.append(b"%d 0 R" % len(objects))
    names = b""
    if files:
        entries = []
        for name, data in files:
            objects.append(stream(data, b"/Type /EmbeddedFile "))
            objects.append(b"<< /Type /Filespec /F %s /UF %s /EF << /F %d 0 R >> >>" % (literal(name), literal(name), len(objects)))
            entries.append(literal(name) + b" %d 0 R" % len(objects))
        objects.append(b"<< /Names [" + b" ".join(entries) + b"] >>")
        names = b"/Names << /EmbeddedFiles %d 0 R >> " % len(objects)
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R " + names + b">>"
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(kids)
    return assemble_pdf(objects, trailer)


def scanned(pdf: bytes, dpi: int = 200) -> bytes:
    """The first page of ``pdf`` rendered to a greyscale picture, as the only content of a new PDF: a scan."""
    doc = pdfium.PdfDocument(pdf)
    bitmap = doc[0].render(scale=dpi / 72, grayscale=True)
    w, h, stride = bitmap.width, bitmap.height, bitmap.stride
    raw = bytes(memoryview(bitmap.buffer).cast("B"))
    pixels = b"".join(raw[i * stride: i * stride + w] for i in range(h))
    image = stream(zlib.compress(pixels), b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                                          b"/BitsPerComponent 8 /Filter /FlateDecode " % (w, h))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        image,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 3 0 R >> >> /Contents 5 0 R >>",
        stream(b"q 612 0 0 792 0 0 cm /Im1 Do Q"),
    ]
    return assemble_pdf(objects)


def encrypted(pdf_pages: list[list[str]]) -> bytes:
    """A PDF whose standard security handler wants a user password (its /U matches no empty password)."""
    key = b"<" + b"ab" * 32 + b">"
    doc_id = b"<" + b"0123456789abcdef" * 2 + b">"
    handler = b"/Encrypt << /Filter /Standard /V 1 /R 2 /O %s /U %s /P -4 >> " % (key, key)
    return text_pdf(pdf_pages, trailer=handler + b"/ID [%s %s] " % (doc_id, doc_id))
