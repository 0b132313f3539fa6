"""``msg``: Outlook ``.msg`` files, one file or a folder of them (searched recursively). A file is a record.

A .msg is an OLE compound file of MAPI properties, read here with extract-msg. Mail that came in over
SMTP keeps its transport headers (``PR_TRANSPORT_MESSAGE_HEADERS``); they are parsed like any RFC 822
header and win where they have a value. Where they are missing (drafts, sent items, mail that stayed
inside one Exchange organisation) the properties stand in: sent-representing and sender, recipients by
type, submit or delivery time, ``PR_INTERNET_MESSAGE_ID``. The ``pst`` kind reads the same properties
and builds its messages with the same rules (:class:`MapiFields`, :func:`build_message`).

- An embedded message (Outlook's "attach as item") becomes a child message with relation
  ``attached``; so does an attached file whose bytes are a .msg. Nesting is followed to depth 5.
- An unsent draft has no sent date: its creation time goes to ``meta["created"]``, never to ``sent_at``.
- A recipient known only by an Exchange directory name (no SMTP address) is left out: there is no
  e-mail address to tie to anyone.
- Any item class that is not a plain note (``IPM.Note``) is kept in ``meta["item_class"]``, so a
  meeting request or a contact card saved as .msg can be told from mail.
"""

from __future__ import annotations

import email.policy
import hashlib
import logging
import mimetypes
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import Message as RawMessage
from email.parser import HeaderParser
from pathlib import Path
from typing import Any

from interlock.entities import Origin
from interlock.errors import RecordError
from interlock.ingest.base import Context, ingester, walk_files
from interlock.ingest.email_parse import EARLIEST, addresses, decode_words, html_to_text, parse_date, safe_filename
from interlock.names import parse_address
from interlock.records import Address, Attachment, Message, Record, Reject

MAX_DEPTH = 5                      # messages inside messages, followed this deep
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TO, CC, BCC = 1, 2, 3              # PR_RECIPIENT_TYPE
HEADER_PREFIX = "Microsoft Mail Internet Headers Version 2.0"

# extract-msg logs what it tolerates (broken attachments, unknown item classes) at error level; the
# reasons that matter reach the case as rejects, so its log stays out of the command's output.
logging.getLogger("extract_msg").addHandler(logging.NullHandler())
logging.getLogger("extract_msg").propagate = False


@dataclass
class MapiFields:
    """What a .msg or a PST item says about itself, before the header-or-property choices are made."""

    headers: str = ""                        # transport headers as received, "" when none
    item_class: str = ""                     # PR_MESSAGE_CLASS: IPM.Note, IPM.Appointment, …
    subject: str = ""
    sender_name: str = ""                    # sent-representing first (the From of the mail), else sender
    sender_email: str = ""
    recipients: list[tuple[int, str, str]] = field(default_factory=list)   # (TO/CC/BCC, name, address)
    submitted: datetime | None = None        # PR_CLIENT_SUBMIT_TIME
    delivered: datetime | None = None        # PR_MESSAGE_DELIVERY_TIME
    created: datetime | None = None          # PR_CREATION_TIME
    message_id: str = ""
    in_reply_to: str = ""
    references: str = ""
    plain: str = ""
    html: str = ""
    attachments: list[Attachment] = field(default_factory=list)
    children: list[Message] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)      # parts that could not be read, kept in meta["unread"]


def parse_headers(text: str) -> RawMessage | None:
    text = text.strip()
    if text.startswith(HEADER_PREFIX):
        text = text[len(HEADER_PREFIX):].lstrip()
    if not text:
        return None
    return HeaderParser(policy=email.policy.compat32).parsestr(text)


def utc_naive(value: datetime | None) -> datetime | None:
    """A MAPI time as naive UTC; None for the null dates (1601, 4500) and anything before 1980 or in the future."""
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    latest = datetime.now(UTC).replace(tzinfo=None)
    if value < EARLIEST or value > latest.replace(year=latest.year + 1):
        return None
    return value


def mapi_address(name: str, address: str) -> Address | None:
    clean = parse_address(address)
    if not clean:
        return None
    display = " ".join((name or "").split()).strip("'\"")
    return Address(clean, "" if display.lower() == clean else display)


def build_message(fields: MapiFields, origin: Origin, folder: str = "") -> Message:
    """A :class:`Message` from MAPI fields: transport headers where they say something, properties otherwise."""
    raw = parse_headers(fields.headers)

    def header(name: str) -> str:
        return decode_words(raw.get(name, "")) if raw is not None else ""

    def header_addresses(name: str) -> list[Address]:
        return addresses(raw, name) if raw is not None and raw.get(name) else []

    senders = header_addresses("from")
    sender = senders[0] if senders else mapi_address(fields.sender_name, fields.sender_email)
    by_kind: dict[int, list[Address]] = {TO: [], CC: [], BCC: []}
    for kind, name, address in fields.recipients:
        found = mapi_address(name, address)
        if found is not None and kind in by_kind and found not in by_kind[kind]:
            by_kind[kind].append(found)
    date_raw = header("date")
    sent_at = parse_date(date_raw)
    if sent_at is None:
        for when in (fields.submitted, fields.delivered):
            sent_at = utc_naive(when)
            if sent_at is not None:
                date_raw = date_raw or sent_at.isoformat()
                break
    meta: dict[str, str | list[str]] = {}
    if fields.item_class and fields.item_class.lower() != "ipm.note":
        meta["item_class"] = fields.item_class
    created = utc_naive(fields.created)
    if sent_at is None and created is not None:
        meta["created"] = created.isoformat()
    if fields.unread:
        meta["unread"] = list(fields.unread)
    body = fields.plain if fields.plain.strip() else html_to_text(fields.html)
    return Message(
        origin=origin,
        message_id=header("message-id").strip() or fields.message_id.strip(),
        in_reply_to=header("in-reply-to") or fields.in_reply_to.strip(),
        references=header("references") or " ".join(fields.references.split()),
        sent_at=sent_at,
        date_raw=date_raw,
        sender=sender,
        to=header_addresses("to") or by_kind[TO],
        cc=header_addresses("cc") or by_kind[CC],
        bcc=header_addresses("bcc") or by_kind[BCC],
        subject=" ".join(fields.subject.split()) or header("subject"),
        body=body.replace("\r\n", "\n").replace("\x00", "").strip(),
        folder=folder,
        attachments=fields.attachments,
        meta=meta,
        children=fields.children,
    )


def make_attachment(name: str, data: bytes, content_type: str = "") -> Attachment:
    clean = safe_filename(name or "attachment")
    ctype = (content_type or "").strip().lower() or mimetypes.guess_type(clean)[0] or "application/octet-stream"
    return Attachment(name=clean, sha256=hashlib.sha256(data).hexdigest(), size=len(data), content_type=ctype, data=data)


def attached_msg(att: Attachment, origin: Origin, number: int, depth: int) -> Message | None:
    """The message inside an attached .msg file, or None when it is not one (or cannot be read)."""
    if depth > MAX_DEPTH or not att.data.startswith(OLE_MAGIC) or not att.name.lower().endswith(".msg"):
        return None
    try:
        return read_msg_bytes(att.data, child_origin(origin, number), depth)
    except RecordError:
        return None


def child_origin(origin: Origin, number: int) -> Origin:
    return Origin(origin.source_sha, origin.file_sha, origin.path, f"{origin.record}, attachment {number}")


def decode_html(data: bytes | str | None) -> str:
    """An HTML body as text: the charset its <meta> names, else UTF-8, else Windows-1252."""
    if not data:
        return ""
    if isinstance(data, str):
        return data
    m = re.search(rb"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", data[:4096])
    for charset in ([m.group(1).decode("ascii")] if m else []) + ["utf-8"]:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", errors="replace")


# -- reading a .msg with extract-msg ---------------------------------------------------------------


def _text(obj: Any, tag: int) -> str:
    """A string property of a .msg object ("" when absent)."""
    try:
        value = obj.getStringStream(f"__substg1.0_{tag:04X}")
    except Exception:  # noqa: BLE001  (a damaged stream is an absent value)
        return ""
    return (value or "").replace("\x00", "").strip()


def _time(obj: Any, tag: str) -> datetime | None:
    try:
        value = obj.getPropertyVal(tag)
    except Exception:  # noqa: BLE001
        return None
    return value if isinstance(value, datetime) else None


def _body(obj: Any) -> tuple[str, str]:
    """(plain, html) of a .msg object; the HTML only when there is no plain text."""
    plain = ""
    try:
        plain = obj.body or ""
    except Exception:  # noqa: BLE001  (RTF de-encapsulation can fail on odd RTF)
        plain = _text(obj, 0x1000)
    if plain.strip():
        return plain, ""
    try:
        return "", decode_html(obj.htmlBody)
    except Exception:  # noqa: BLE001
        return "", ""


def msg_fields(obj: Any, origin: Origin, depth: int) -> MapiFields:
    """Fields of an opened extract-msg object, with its attachments and (to MAX_DEPTH) its embedded messages."""
    plain, html = _body(obj)
    fields = MapiFields(
        headers=_text(obj, 0x007D),
        item_class=_text(obj, 0x001A),
        subject=_text(obj, 0x0037),
        sender_name=_text(obj, 0x0042) or _text(obj, 0x0C1A),
        sender_email=_text(obj, 0x5D02) or _text(obj, 0x0065) or _text(obj, 0x5D01) or _text(obj, 0x0C1F),
        submitted=_time(obj, "00390040"),
        delivered=_time(obj, "0E060040"),
        created=_time(obj, "30070040"),
        message_id=_text(obj, 0x1035),
        in_reply_to=_text(obj, 0x1042),
        references=_text(obj, 0x1039),
        plain=plain,
        html=html,
    )
    if not parse_address(fields.sender_email):  # an Exchange DN in sent-representing: try the sender's SMTP
        fields.sender_email = _text(obj, 0x5D01) or fields.sender_email
    for r in getattr(obj, "recipients", None) or []:
        try:
            fields.recipients.append((int(r.type), r.name or "", r.smtpAddress or r.email or ""))
        except Exception:  # noqa: BLE001  (one broken recipient entry is left out)
            continue
    try:
        attachments = list(obj.attachments)
    except Exception as exc:  # noqa: BLE001  (the message is still worth having without them)
        fields.unread.append(f"attachments ({type(exc).__name__}: {exc})")
        attachments = []
    for number, att in enumerate(attachments, start=1):
        try:
            add_msg_attachment(fields, att, origin, number, depth)
        except Exception as exc:  # noqa: BLE001  (one unreadable attachment is noted, the rest go in)
            fields.unread.append(f"attachment {number} ({type(exc).__name__}: {exc})")
    return fields


def add_msg_attachment(fields: MapiFields, att: Any, origin: Origin, number: int, depth: int) -> None:
    data = getattr(att, "data", None)
    child: Message | None = None
    if isinstance(data, bytes):
        name = getattr(att, "longFilename", None) or getattr(att, "shortFilename", None) or getattr(att, "name", None)
        found = make_attachment(name or f"attachment-{number}", data, getattr(att, "mimetype", None) or "")
        fields.attachments.append(found)
        child = attached_msg(found, origin, number, depth + 1)
    elif hasattr(data, "getStringStream"):  # an embedded message, opened by extract-msg
        if depth < MAX_DEPTH:
            inner = child_origin(origin, number)
            child = build_message(msg_fields(data, inner, depth + 1), inner)
    elif data is None and type(att).__name__ in ("BrokenAttachment", "UnsupportedAttachment"):
        fields.unread.append(f"attachment {number} ({type(att).__name__})")
    if child is not None:
        child.relation = "attached"
        fields.children.append(child)


def open_msg(data: bytes, origin: Origin) -> Any:
    import extract_msg  # imported here: it takes most of a second, and only .msg files need it
    from extract_msg.enums import ErrorBehavior

    if not data.startswith(OLE_MAGIC):
        raise RecordError("not an Outlook .msg file (no OLE compound-file header)", origin.path, origin.record)
    tolerate = ErrorBehavior.ATTACH_SUPPRESS_ALL | ErrorBehavior.RTFDE | ErrorBehavior.STANDARDS_VIOLATION | ErrorBehavior.NAMED_NAME_STREAM
    try:
        obj = extract_msg.openMsg(data, strict=False, delayAttachments=True, errorBehavior=tolerate)
    except Exception as exc:  # noqa: BLE001  (extract-msg and olefile raise many kinds)
        raise RecordError(f"damaged Outlook .msg file ({type(exc).__name__}: {exc})", origin.path, origin.record) from None
    if not obj.classType:
        obj.close()
        raise RecordError("an OLE compound file but not an Outlook message (it has no message class)", origin.path, origin.record)
    return obj


def read_msg_bytes(data: bytes, origin: Origin, depth: int = 0, folder: str = "") -> Message:
    obj = open_msg(data, origin)
    try:
        return build_message(msg_fields(obj, origin, depth), origin, folder)
    except RecordError:
        raise
    except Exception as exc:  # noqa: BLE001
        raise RecordError(f"unreadable Outlook .msg ({type(exc).__name__}: {exc})", origin.path, origin.record) from None
    finally:
        obj.close()


def parse_msg_bytes(data: bytes, origin: Origin, folder: str = "") -> Message:
    """The :class:`Message` in the bytes of one .msg file. Raises :class:`RecordError` when they are not one."""
    return read_msg_bytes(data, origin, 0, folder)


class MsgIngester:
    kind = "msg"
    description = "an Outlook .msg file or a folder of them"

    def sniff(self, path: Path) -> bool:
        if path.is_file():
            return path.suffix.lower() == ".msg"
        if not path.is_dir():
            return False
        files = walk_files(path)[:200]
        return bool(files) and 2 * sum(p.suffix.lower() == ".msg" for p in files) > len(files)

    def files(self, path: Path) -> list[Path]:
        return [p for p in walk_files(path) if path.is_file() or p.suffix.lower() == ".msg"]

    def records(self, ctx: Context, start: int) -> Iterator[Record]:
        root = ctx.root if ctx.root.is_dir() else ctx.root.parent
        for f in ctx.files[start:]:
            origin = Origin(ctx.source_sha, f.sha256, str(f.path), f.path.name)
            folder = f.path.parent.relative_to(root).as_posix().strip(".")
            try:
                yield [parse_msg_bytes(f.path.read_bytes(), origin, folder)]
            except RecordError as exc:
                yield Reject(origin, exc.reason)
            except OSError as exc:
                yield Reject(origin, f"cannot read the file ({exc.strerror or exc})")


ingester(MsgIngester())
