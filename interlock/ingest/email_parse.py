"""Turn the bytes of one RFC 822 message into a :class:`~interlock.records.Message`.

Pure: no files, no store. Decoding is forgiving where mail is commonly broken (unknown charsets,
RFC 2047 words, HTML-only bodies) and strict where nothing useful is left: an empty message or one
with no header at all is rejected with the reason.
"""

from __future__ import annotations

import email
import email.policy
import hashlib
import re
from datetime import UTC, datetime
from email.header import decode_header, make_header
from email.message import Message as RawMessage
from email.utils import getaddresses, parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import PurePosixPath, PureWindowsPath

from interlock.entities import Origin
from interlock.errors import RecordError
from interlock.names import parse_address
from interlock.records import Address, Attachment, Message

MAX_MESSAGE = 64 << 20   # a larger message is rejected, not parsed
MAX_PARTS = 500          # MIME parts read per message
EARLIEST = datetime(1980, 1, 1)
KEY_HEADERS = ("from", "to", "date", "subject", "message-id")


def decode_words(value: object) -> str:
    """A header value with RFC 2047 encoded words decoded; the raw text when they are broken."""
    text = str(value or "")
    if "=?" in text:
        try:
            text = str(make_header(decode_header(text)))
        except Exception:  # noqa: BLE001  (any failure keeps the raw text)
            pass
    return " ".join(text.split())


SIMPLE_ADDRESS = re.compile(r"^\s*(?:([^<>,;:\\]*?)\s*<([^<>\s]+)>|([^<>\s]+))\s*$")


def split_addresses(values: list[str]) -> list[tuple[str, str]]:
    """(display name, address) pairs. Plain lists take a fast path; quotes, comments and groups go
    to the standard library's full parser."""
    out: list[tuple[str, str]] = []
    for value in values:
        if '"' in value or "(" in value or ":" in value:
            out.extend(getaddresses([value]))
            continue
        for piece in value.split(","):
            if not piece.strip():
                continue
            m = SIMPLE_ADDRESS.match(piece)
            if m is None:
                out.extend(getaddresses([piece]))
            elif m.group(2):
                out.append((m.group(1) or "", m.group(2)))
            else:
                out.append(("", m.group(3)))
    return out


def addresses(raw: RawMessage, name: str) -> list[Address]:
    values = [decode_words(v) for v in raw.get_all(name, [])]
    found = []
    for display, addr in split_addresses(values):
        clean = parse_address(addr)
        if clean:
            found.append(Address(clean, display.strip().strip("'\"")))
    return found


def parse_date(value: str) -> datetime | None:
    """UTC, without tzinfo; None when missing, unparseable, or before 1980 or in the future."""
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    if parsed < EARLIEST or parsed > datetime.now(UTC).replace(tzinfo=None).replace(year=datetime.now(UTC).year + 1):
        return None
    return parsed


class _TextOfHTML(HTMLParser):
    BLOCK = {"p", "br", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote"}
    SKIP = {"script", "style", "head", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Visible text of an HTML body; scripts and styles are dropped, never run."""
    parser = _TextOfHTML()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    return re.sub(r"[ \t]+", " ", re.sub(r"\n\s*\n+", "\n\n", text)).strip()


def part_text(part: RawMessage) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, errors="replace")
    except LookupError:  # an unknown charset name
        return payload.decode("latin-1", errors="replace")


def safe_filename(name: str) -> str:
    """The last path component only: an attachment named ``../../etc/passwd`` becomes ``passwd``."""
    base = PureWindowsPath(PurePosixPath(name).name).name
    return base.strip().lstrip(".") or "attachment"


def parse_message(raw: bytes, origin: Origin, folder: str = "") -> Message:
    if not raw.strip():
        raise RecordError("empty message", origin.path, origin.record)
    if len(raw) > MAX_MESSAGE:
        raise RecordError(f"message of {len(raw):,} bytes is over the {MAX_MESSAGE:,}-byte limit", origin.path, origin.record)
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    if not any(msg.get(h) for h in KEY_HEADERS):
        raise RecordError("no message headers (From, To, Date, Subject or Message-ID) found", origin.path, origin.record)
    message_id = decode_words(msg.get("message-id", "")).strip()
    record = message_id or origin.record
    origin = Origin(origin.source_sha, origin.file_sha, origin.path, record)
    senders = addresses(msg, "from")
    plain: list[str] = []
    html: list[str] = []
    attachments: list[Attachment] = []
    for i, part in enumerate(msg.walk()):
        if i >= MAX_PARTS:
            break
        if part.is_multipart():
            continue
        filename = part.get_filename()
        disposition = (part.get("content-disposition") or "").lower()
        ctype = part.get_content_type()
        if filename or disposition.startswith("attachment") or ctype not in ("text/plain", "text/html"):
            data = part.get_payload(decode=True)
            if isinstance(data, bytes) and data:
                attachments.append(Attachment(
                    name=safe_filename(decode_words(filename or f"part-{i}")),
                    sha256=hashlib.sha256(data).hexdigest(), size=len(data), content_type=ctype, data=data,
                ))
        elif ctype == "text/plain":
            plain.append(part_text(part))
        else:
            html.append(part_text(part))
    body = "\n".join(plain) if plain else html_to_text("\n".join(html))
    date_raw = decode_words(msg.get("date", ""))
    return Message(
        origin=origin,
        message_id=message_id,
        in_reply_to=decode_words(msg.get("in-reply-to", "")),
        references=decode_words(msg.get("references", "")),
        sent_at=parse_date(date_raw),
        date_raw=date_raw,
        sender=senders[0] if senders else None,
        to=addresses(msg, "to"),
        cc=addresses(msg, "cc"),
        bcc=addresses(msg, "bcc"),
        subject=decode_words(msg.get("subject", "")),
        body=body.replace("\x00", ""),
        folder=folder,
        attachments=attachments,
    )
