"""``foia-pdf``: a PDF of printed e-mails, as governments release them, or a folder of such PDFs.

One record per PDF file. Its pages are read by :mod:`interlock.ingest.pdftext` (the text layer, or
OCR for a scanned page) and split into messages by :func:`~interlock.ingest.printed.split_printed`,
which keeps each message's page, character span and OCR confidence in ``Message.meta``.

A PDF can also carry files: a PDF portfolio's documents, or a printed e-mail's own attachments.
Embedded ``.eml`` and ``.msg`` files are messages; embedded PDFs are read the same way as the outer
one (three levels deep at most); any other embedded file is kept as an attachment of the PDF's
first message. A PDF in which no e-mail is found is rejected with the reason.
"""

from __future__ import annotations

import hashlib
import importlib
import mimetypes
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from interlock.entities import Origin
from interlock.errors import RecordError
from interlock.ingest.base import Context, ingester, walk_files
from interlock.ingest.email_parse import parse_message, safe_filename
from interlock.ingest.pdftext import embedded_files, pdf_pages
from interlock.ingest.printed import split_printed
from interlock.records import Attachment, Message, Output, Record, Reject

MAX_DEPTH = 3                  # PDFs inside PDFs read, counting the outer one as 0
MAX_ATTACHMENT_TEXT = 1 << 20  # characters of an embedded PDF's text kept with it


@dataclass
class Reading:
    """What one PDF holds: its messages, the other files it embeds, and why parts of it held no mail."""

    messages: list[Message] = field(default_factory=list)
    others: list[Attachment] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    text: str = ""


def is_pdf(path: Path) -> bool:
    return path.suffix.lower() == ".pdf"


def as_attachment(name: str, data: bytes, text: str = "", error: str = "") -> Attachment:
    return Attachment(
        name=safe_filename(name), sha256=hashlib.sha256(data).hexdigest(), size=len(data),
        content_type=mimetypes.guess_type(name)[0] or "application/octet-stream", data=data,
        text=text[:MAX_ATTACHMENT_TEXT], error=error,
    )


def read_mail_file(name: str, data: bytes, origin: Origin) -> list[Message]:
    """An embedded .eml or .msg file's message; RecordError says why it cannot be read."""
    if name.lower().endswith(".eml"):
        return [parse_message(data, origin)]
    try:
        msg_module = importlib.import_module("interlock.ingest.msg")
    except ImportError:
        raise RecordError("Outlook .msg files cannot be read by this version of interlock") from None
    return [msg_module.parse_msg_bytes(data, origin)]


def read_parts(data: bytes | Path, origin: Origin, depth: int) -> Reading:
    """Read the pages and the embedded files of one PDF; RecordError when the PDF itself cannot be read."""
    pages = pdf_pages(data)
    embedded = embedded_files(data)
    out = Reading(text="\n\f".join(p.text for p in pages))
    for item in split_printed(pages, origin):
        if isinstance(item, Message):
            out.messages.append(item)
        else:
            out.reasons.append(item.reason)
    for name, blob in embedded:
        inner = replace(origin, record=f"{origin.record}/{name}")
        lower = name.lower()
        try:
            if lower.endswith((".eml", ".msg")):
                found = read_mail_file(name, blob, inner)
            elif lower.endswith(".pdf") or blob[:5] == b"%PDF-":
                if depth >= MAX_DEPTH:
                    raise RecordError(f"a PDF nested more than {MAX_DEPTH} levels deep is not read")
                sub = read_parts(blob, inner, depth + 1)
                found = sub.messages
                if not found:
                    out.others += [as_attachment(name, blob, text=sub.text), *sub.others]
                    inside = "embedded "  # what went wrong further in, named by its path: "embedded a.pdf/b.msg: ..."
                    out.reasons += [f"{inside}{name}/{r.removeprefix(inside)}" for r in sub.reasons if r.startswith(inside)]
            else:
                out.others.append(as_attachment(name, blob))
                continue
        except RecordError as exc:
            out.reasons.append(f"embedded {name}: {exc.reason}")
            out.others.append(as_attachment(name, blob, error=exc.reason))
            continue
        except Exception as exc:  # noqa: BLE001  (a parser crash loses this embedded file alone)
            out.reasons.append(f"embedded {name}: unreadable ({type(exc).__name__}: {exc})")
            out.others.append(as_attachment(name, blob, error=f"unreadable ({type(exc).__name__})"))
            continue
        for msg in found:
            msg.meta.setdefault("embedded_file", name)
        out.messages += found
    if out.messages:
        out.messages[0].attachments += out.others
        out.others = []
    return out


def read_pdf(data: bytes | Path, origin: Origin) -> list[Message] | Reject:
    """The messages of one PDF, printed on its pages and in the files it embeds; a Reject saying why when it has none."""
    try:
        reading = read_parts(data, origin, 0)
    except RecordError as exc:
        return Reject(origin, exc.reason)
    if not reading.messages:
        reasons = reading.reasons or ["no printed e-mail found"]
        if reading.others:
            reasons.append(f"none in the {len(reading.others)} file(s) it embeds")
        return Reject(origin, "; ".join(dict.fromkeys(reasons)))
    return reading.messages


class FoiaPdf:
    kind = "foia-pdf"
    description = "a PDF of printed e-mails (a FOIA release; scans are OCR'd, portfolios unpacked), or a folder of them"

    def sniff(self, path: Path) -> bool:
        if path.is_file():
            return is_pdf(path)
        sample = walk_files(path)[:200]
        return bool(sample) and 2 * sum(1 for p in sample if is_pdf(p)) > len(sample)

    def files(self, path: Path) -> list[Path]:
        return [p for p in walk_files(path) if path.is_file() or is_pdf(p)]

    def records(self, ctx: Context, start: int) -> Iterator[Record]:
        root = ctx.root if ctx.root.is_dir() else ctx.root.parent
        for f in ctx.files[start:]:
            origin = Origin(ctx.source_sha, f.sha256, str(f.path), f.path.relative_to(root).as_posix())
            try:
                outcome = read_pdf(f.path, origin)
            except Exception as exc:  # noqa: BLE001  (one unreadable PDF is rejected; the folder goes on)
                outcome = Reject(origin, f"unreadable PDF ({type(exc).__name__}: {exc})")
            if isinstance(outcome, Reject):
                yield outcome
            else:
                outputs: list[Output] = [*outcome]
                yield outputs


ingester(FoiaPdf())
