"""The text of an attachment: PDF, Word (.docx), PowerPoint (.pptx), Excel strings (.xlsx), RTF, HTML,
plain text and CSV.

:func:`extract_text` returns ``(text, error)``: the text (cut at :data:`MAX_TEXT` characters), and
why there is none, or only part of it. It never raises and never runs what it reads:

- HTML: scripts, styles and titles are dropped as text; the tokenizer is linear whatever the input
  (the standard library's ``HTMLParser`` goes quadratic on unclosed ``<!--``).
- Office files are zip archives: a member is inflated only when its declared size is under
  :data:`MAX_INFLATE` and its compression ratio under :data:`MAX_RATIO` (a zip bomb is an error),
  and never past its declared size. Their XML is read by expat with DOCTYPEs and entity
  declarations refused, so nothing is expanded or fetched.
- RTF: control words and skipped destinations (font tables, pictures, ``\\*`` groups) are stripped;
  ``\\'hh`` is decoded with the document's code page and ``\\uN`` as Unicode; group depth is bounded.
- PDF: the text layer through :func:`interlock.ingest.pdftext.pdf_pages` (no OCR), when that module
  is there; scans and images are left to OCR elsewhere and say so.
"""

from __future__ import annotations

import codecs
import html as htmllib
import io
import re
import zipfile
from collections.abc import Callable
from typing import Any
from xml.parsers import expat

MAX_TEXT = 200_000          # characters of text kept per attachment
MAX_INPUT = 32 << 20        # bytes of one attachment read for text
MAX_INFLATE = 64 << 20      # bytes one zip member (or all members read) may inflate to
MAX_RATIO = 200             # inflated / compressed, over which a member larger than RATIO_FLOOR is a bomb
RATIO_FLOOR = 1 << 20
MAX_ZIP_ENTRIES = 10_000
MAX_PDF_PAGES = 1_000
MAX_RTF_GROUPS = 1_000      # RTF group nesting tracked; deeper groups share their parent's state

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*", b"BM")
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# codecs that are "text encodings" to Python but would turn bytes into escapes or refuse errors="replace"
UNSAFE_CODECS = {"unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined"}


# -- plain text ----------------------------------------------------------------------------------------


def text_codec(charset: str) -> str | None:
    """The codec name for a declared charset, or None when it is unknown or not a text encoding."""
    try:
        info = codecs.lookup(charset.strip().strip("\"'"))
    except (LookupError, ValueError, TypeError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in UNSAFE_CODECS:
        return None
    return info.name


def decode_bytes(data: bytes, charset: str = "") -> str:
    """Bytes as text: a byte-order mark wins, then the declared charset, then UTF-8, then Windows-1252.
    Never raises; what cannot be decoded becomes U+FFFD."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                      (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return clean_text(data.decode(name, errors="replace"))
    codec = text_codec(charset) if charset else None
    if codec is not None:
        try:
            return clean_text(data.decode(codec, errors="replace"))
        except (UnicodeError, LookupError, ValueError, TypeError):
            pass
    try:
        return clean_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        return clean_text(data.decode("cp1252", errors="replace"))


def clean_text(text: str) -> str:
    """Text that any store accepts: no NUL, and lone surrogates (from UTF-7 or escape codecs) replaced."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            text = text.encode("utf-8", errors="replace").decode("utf-8")
    return text


# -- HTML ------------------------------------------------------------------------------------------------

_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9:_-]*)")
_TAG_STOP = re.compile(r"""=[ \t\r\n\f]*(["'])|>""")
RAW_TEXT = {name: re.compile(rf"</{name}(?=[\s/>]|$)", re.IGNORECASE) for name in ("script", "style", "title", "xmp", "noembed")}
BLOCK_TAGS = {"p", "br", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "hr", "pre",
              "ul", "ol", "dl", "dt", "dd", "section", "article", "header", "footer", "address", "center", "form"}


def _tag_end(html: str, pos: int) -> int:
    """The index after the ``>`` that closes the tag whose attributes start at ``pos``; -1 at end of input.
    A quoted attribute value may hold ``>``. Always moves forward, so the whole scan is linear."""
    while True:
        m = _TAG_STOP.search(html, pos)
        if m is None:
            return -1
        quote = m.group(1)
        if quote is None:
            return m.end()
        close = html.find(quote, m.end())
        if close < 0:
            return -1
        pos = close + 1


def html_to_text(html: str) -> str:
    """Visible text of an HTML body; scripts and styles are dropped, never run. Linear in the input."""
    out: list[str] = []
    pos, n = 0, len(html)
    while pos < n:
        lt = html.find("<", pos)
        if lt < 0:
            lt = n
        if lt > pos:
            chunk = html[pos:lt]
            out.append(htmllib.unescape(chunk) if "&" in chunk else chunk)
        if lt >= n:
            break
        if html.startswith("<!--", lt):
            end = html.find("-->", lt + 4)
            pos = n if end < 0 else end + 3
            continue
        if html.startswith(("<!", "<?"), lt):
            end = html.find(">", lt + 2)
            pos = n if end < 0 else end + 1
            continue
        m = _TAG_NAME.match(html, lt)
        if m is None:
            out.append("<")
            pos = lt + 1
            continue
        end = _tag_end(html, m.end())
        if end < 0:  # the input ends inside a tag: the rest is not text
            break
        pos = end
        name = m.group(1).lower()
        closing = html[lt + 1] == "/"
        if not closing and name in RAW_TEXT:
            close = RAW_TEXT[name].search(html, pos)
            pos = n if close is None else close.start()
        elif name in BLOCK_TAGS:
            out.append("\n")
    text = "".join(out)
    return re.sub(r"[ \t]+", " ", re.sub(r"\n\s*\n+", "\n\n", text)).strip()


# -- Office Open XML (.docx, .pptx, .xlsx) -----------------------------------------------------------


class Refused(Exception):
    """Input this module will not read (a zip bomb, XML with a DTD)."""


class _OoxmlText:
    """Text of WordprocessingML, DrawingML or SpreadsheetML shared strings, streamed through expat."""

    def __init__(self, limit: int) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.limit = limit
        self.in_text = 0
        p = expat.ParserCreate(namespace_separator=" ")
        p.buffer_text = True
        p.StartElementHandler = self.start
        p.EndElementHandler = self.end
        p.CharacterDataHandler = self.data
        p.StartDoctypeDeclHandler = self.refuse
        p.EntityDeclHandler = self.refuse
        self.parser = p

    def refuse(self, *args: Any) -> None:
        raise Refused("the XML declares a DTD or entities; not read")

    def start(self, name: str, attrs: Any) -> None:
        local = name.rsplit(" ", 1)[-1]
        if local == "t":
            self.in_text += 1
        elif local == "tab":
            self.parts.append("\t")
        elif local in ("br", "cr"):
            self.parts.append("\n")

    def end(self, name: str) -> None:
        local = name.rsplit(" ", 1)[-1]
        if local == "t":
            self.in_text = max(0, self.in_text - 1)
        elif local in ("p", "si"):
            self.parts.append("\n")

    def data(self, text: str) -> None:
        if self.in_text:
            self.parts.append(text)
            self.size += len(text)

    def feed(self, chunk: bytes, final: bool = False) -> None:
        self.parser.Parse(chunk, final)

    @property
    def full(self) -> bool:
        return self.size > self.limit


def ooxml_members(names: list[str]) -> tuple[str, list[str]]:
    """(what the archive is, the XML members that hold its text, in reading order)."""
    if "word/document.xml" in names:
        return "Word document", ["word/document.xml"] + [n for n in ("word/footnotes.xml", "word/endnotes.xml") if n in names]
    slides = [n for n in names if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
    if slides:
        return "PowerPoint presentation", sorted(slides, key=lambda n: int(re.sub(r"\D", "", n)))
    if "xl/sharedStrings.xml" in names:
        return "Excel workbook", ["xl/sharedStrings.xml"]
    return "zip archive", []


def ooxml_text(data: bytes) -> tuple[str, str]:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, KeyError) as exc:
        return "", f"not a readable zip archive ({exc})"
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_ZIP_ENTRIES:
            return "", f"a zip archive of {len(infos):,} entries, over the limit of {MAX_ZIP_ENTRIES:,}; not unpacked"
        what, members = ooxml_members([i.filename for i in infos])
        if not members:
            return "", "a zip archive: the files inside are not unpacked"
        parts: list[str] = []
        budget, room = MAX_INFLATE, MAX_TEXT
        for name in members:
            info = zf.getinfo(name)
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > budget or (info.file_size > RATIO_FLOOR and ratio > MAX_RATIO):
                return "", (f"zip bomb refused: {name} would inflate from {info.compress_size:,} to {info.file_size:,} bytes "
                            f"(limits: {MAX_INFLATE:,} bytes, ratio {MAX_RATIO}); not unpacked")
            budget -= info.file_size
            reader = _OoxmlText(room)
            try:
                read_member(zf, info, reader)
            except Refused as exc:
                return "", f"{what}: {exc}"
            except (expat.ExpatError, zipfile.BadZipFile, RuntimeError, OSError, ValueError, EOFError, NotImplementedError) as exc:
                return "".join(parts + reader.parts), f"{what} damaged in {name} ({type(exc).__name__}: {exc})"
            parts.extend(reader.parts)
            room -= reader.size
            if reader.full:
                break
        text = "".join(parts)
        return text, "" if text.strip() else f"{what} with no text"


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, reader: _OoxmlText) -> None:
    """Stream one member into the XML reader; never past its declared size (zipfile stops there too)."""
    with zf.open(info) as fh:
        left = info.file_size + 1
        while left > 0 and not reader.full:
            chunk = fh.read(min(1 << 20, left))
            if not chunk:
                break
            left -= len(chunk)
            reader.feed(chunk)
        if not reader.full:
            reader.feed(b"", True)


# -- RTF ---------------------------------------------------------------------------------------------------

_RTF_TOKEN = re.compile(rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|([{}])|[\r\n]+|[^\\{}\r\n]+", re.S)
RTF_SKIP = {
    "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "objdata", "themedata", "colorschememapping",
    "datastore", "latentstyles", "listtable", "listoverridetable", "rsidtbl", "generator", "xmlnstbl", "mmathPr",
    "pgdsctbl", "fldinst", "filetbl", "revtbl", "header", "headerl", "headerr", "headerf", "footer", "footerl",
    "footerr", "footerf", "xe", "tc", "private", "bkmkstart", "bkmkend", "userprops", "nonshppict", "shppict",
}
RTF_CHARS = {
    "par": "\n", "line": "\n", "sect": "\n", "page": "\n", "row": "\n", "cell": "\t", "tab": "\t",
    "emdash": "\u2014", "endash": "\u2013", "lquote": "\u2018", "rquote": "\u2019", "ldblquote": "\u201c",
    "rdblquote": "\u201d", "bullet": "\u2022", "emspace": " ", "enspace": " ", "qmspace": " ",
}
RTF_SYMBOLS = {"\\": "\\", "{": "{", "}": "}", "~": "\xa0", "_": "-", "-": "", "\n": "\n", "\r": "\n", "\t": "\t"}


def rtf_to_text(data: bytes) -> str:
    """The text of an RTF document; formatting, tables of fonts and colours, pictures and fields' codes dropped."""
    out: list[str] = []
    size = 0
    codepage = "cp1252"
    skip, uc = False, 1            # the current group's state
    stack: list[tuple[bool, int]] = []
    overflow = 0                   # groups opened past MAX_RTF_GROUPS (they share their parent's state)
    pending = 0                    # fallback characters still to skip after \uN
    pending_bytes = bytearray()    # \'hh bytes waiting to be decoded together (multi-byte code pages)
    pos, n = 0, len(data)
    first_in_group = False

    def flush() -> None:
        if pending_bytes:
            if not skip:
                out.append(pending_bytes.decode(codepage, errors="replace"))
            pending_bytes.clear()

    while pos < n and size <= MAX_TEXT:
        m = _RTF_TOKEN.match(data, pos)
        if m is None:   # a lone backslash at the very end
            break
        pos = m.end()
        word, arg, hexbyte, symbol, brace = m.group(1, 2, 3, 4, 5)
        starts_group = first_in_group
        first_in_group = False
        if hexbyte is not None:
            if pending:
                pending -= 1
                continue
            pending_bytes.append(int(hexbyte, 16))
            continue
        flush()
        if brace is not None:
            pending = 0
            if brace == b"{":
                if len(stack) < MAX_RTF_GROUPS:
                    stack.append((skip, uc))
                else:
                    overflow += 1
                first_in_group = True
            elif overflow:
                overflow -= 1
            elif stack:
                skip, uc = stack.pop()
            continue
        if word is not None:
            name = word.decode("ascii")
            if pending:
                pending -= 1
                continue
            if name in RTF_SKIP and starts_group:
                skip = True
            elif name == "ansicpg" and arg:
                codepage = text_codec(f"cp{int(arg)}") or codepage
            elif name == "uc" and arg:
                uc = max(0, min(int(arg), 10))
            elif name == "u" and arg:
                if not skip:
                    out.append(chr(int(arg) % 0x10000))
                    size += 1
                pending = uc
            elif name == "bin" and arg:
                pos += max(0, int(arg))
            elif name in RTF_CHARS and not skip:
                out.append(RTF_CHARS[name])
                size += 1
            continue
        if symbol is not None:
            s = symbol.decode("latin-1")
            if s == "*" and starts_group:
                skip = True
            elif pending:
                pending -= 1
            elif s in RTF_SYMBOLS and not skip:
                out.append(RTF_SYMBOLS[s])
            if s == "*":
                first_in_group = starts_group
            continue
        chunk = m.group()
        if chunk[:1] in (b"\r", b"\n"):
            continue
        if pending:
            cut = min(pending, len(chunk))
            chunk, pending = chunk[cut:], pending - cut
        if chunk and not skip:
            text = chunk.decode(codepage, errors="replace")
            out.append(text)
            size += len(text)
    flush()
    text = "".join(out)
    # \uN pairs written for characters outside the BMP arrive as two surrogates: join them
    if any("\ud800" <= c <= "\udfff" for c in text):
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", errors="replace")
    return re.sub(r"[ \t]+\n", "\n", text).strip()


# -- PDF -------------------------------------------------------------------------------------------------


def pdf_text(data: bytes) -> tuple[str, str]:
    try:
        from interlock.ingest.pdftext import pdf_pages
    except ImportError:
        return "", "PDF text extraction unavailable"
    from interlock.errors import RecordError

    try:
        pages = pdf_pages(data, ocr=False, max_pages=MAX_PDF_PAGES)
    except RecordError as exc:
        return "", f"PDF: {exc.reason}"
    except Exception as exc:  # noqa: BLE001  (PDFium raises its own kinds on damaged files)
        return "", f"PDF could not be read ({type(exc).__name__}: {exc})"
    text = "\f".join(str(getattr(p, "text", p) or "") for p in pages)
    if not text.strip():
        return "", f"PDF of {len(pages)} page(s) with no text layer (a scan; OCR is not run on mail attachments)"
    return text, ""


# -- which reader ------------------------------------------------------------------------------------------


def kind_of(name: str, content_type: str, data: bytes) -> str:
    """pdf, ooxml (any zip), rtf, html, text, image, ole or "" — by the bytes first, then the type, then the name."""
    head = data[:1024]
    if head.startswith(b"%PDF") or b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "ooxml"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if head.startswith(IMAGE_MAGIC):
        return "image"
    ctype = content_type.split(";", 1)[0].strip().lower()
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ctype in ("text/html", "application/xhtml+xml") or ext in ("htm", "html", "xhtml"):
        return "html"
    if ctype in ("application/rtf", "text/rtf") or ext == "rtf":
        return "rtf"
    if ctype == "application/pdf" or ext == "pdf":
        return "pdf"
    if ctype == DOCX_TYPE or ext in ("docx", "pptx", "xlsx"):
        return "ooxml"
    if ctype.startswith("image/"):
        return "image"
    if ctype.startswith("text/") or ctype in ("application/csv", "application/json") or \
            ext in ("txt", "csv", "tsv", "text", "md", "log", "json", "vcf", "ics"):
        sniff = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        return "html" if sniff.startswith((b"<!doctype html", b"<html")) else "text"
    return ""


def extract_text(name: str, content_type: str, data: bytes, charset: str = "") -> tuple[str, str]:
    """(text, error) of one attachment. ``error`` says why there is no text, or why only part of it."""
    if not data:
        return "", "empty attachment"
    kind = kind_of(name, content_type, data)
    readers: dict[str, Callable[[bytes], tuple[str, str]]] = {
        "pdf": pdf_text,
        "ooxml": ooxml_text,
        "rtf": lambda d: (rtf_to_text(d), ""),
        "html": lambda d: (html_to_text(decode_bytes(d, charset)), ""),
        # a character takes at most 4 bytes: more than this cannot add to the kept text
        "text": lambda d: (decode_bytes(d[: MAX_TEXT * 4], charset), ""),
    }
    if kind == "image":
        return "", f"an image ({content_type or name}): no text layer; OCR is not run on mail attachments"
    if kind == "ole":
        return "", "an Office 97-2003 file (.doc, .xls, .ppt): no text extractor for this format"
    if kind not in readers:
        return "", f"no text extractor for {content_type or 'this type'}"
    if len(data) > MAX_INPUT:
        return "", f"{len(data):,} bytes, over the {MAX_INPUT:,}-byte limit for text extraction"
    try:
        text, error = readers[kind](data)
    except RecursionError:
        return "", "text extraction gave up: the file is nested too deeply"
    except Exception as exc:  # noqa: BLE001  (a reader's crash is this attachment's error, never the message's)
        return "", f"text extraction failed ({type(exc).__name__}: {exc})"
    text = clean_text(text).strip()
    if len(text) > MAX_TEXT:
        text, error = text[:MAX_TEXT], error or f"text cut at {MAX_TEXT:,} characters"
    if not text and not error:
        error = "no text found"
    return text, clean_text(error)
