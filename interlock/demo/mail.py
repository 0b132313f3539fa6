"""Raw RFC 822 text for the demo mailbox, written as strings for speed (no ``email.message`` objects).

A :class:`Mail` is a plain record; :func:`render` turns it into headers and MIME parts (plain or
quoted-printable or base64 text, multipart/alternative HTML, base64 attachments, RFC 2047 words);
:func:`mbox_entry` adds the ``From `` separator line and ``>From`` escaping (mboxrd).

Times are in Lakeport's own offsets (US Central, -0600 or -0500 in summer), computed from the
calendar, never from the machine's clock or time zone.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import format_datetime
from functools import lru_cache

Addr = tuple[str, str]   # (display name, address)

CST = timezone(timedelta(hours=-6))
CDT = timezone(timedelta(hours=-5))
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SPECIALS = re.compile(r'[()<>@,;:\\".\[\]]')
_FROM_LINE = re.compile(r"^(>*From )", re.MULTILINE)


def _nth_sunday(year: int, month: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))


@lru_cache(maxsize=64)
def _summer(year: int) -> tuple[datetime, datetime]:
    """When daylight saving time starts and ends (US rules: 2 am on the 2nd Sunday of March, 1st Sunday of November)."""
    start, end = _nth_sunday(year, 3, 2), _nth_sunday(year, 11, 1)
    return datetime(start.year, start.month, start.day, 2), datetime(end.year, end.month, end.day, 2)


def central(local: datetime) -> datetime:
    """A naive Lakeport wall-clock time with its offset: -0500 in summer time, else -0600."""
    start, end = _summer(local.year)
    return local.replace(tzinfo=CDT if start <= local < end else CST)


@dataclass
class Attachment:
    name: str
    ctype: str
    data: bytes


@dataclass
class Mail:
    when: datetime                   # aware
    sender: Addr
    to: list[Addr]
    subject: str
    text: str
    cc: list[Addr] = field(default_factory=list)
    html: str = ""                   # when set, the body is multipart/alternative
    encoding: str = "7bit"           # of the text parts: 7bit, quoted-printable or base64
    charset: str = "utf-8"
    attachments: list[Attachment] = field(default_factory=list)
    message_id: str = ""
    in_reply_to: str = ""
    references: list[str] = field(default_factory=list)
    headers: list[tuple[str, str]] = field(default_factory=list)
    encode_subject: bool = False     # RFC 2047 even when the subject is ASCII

    def addresses(self) -> list[str]:
        return [a for _, a in (self.sender, *self.to, *self.cc)]


def _q_word(data: bytes) -> str:
    return "".join(chr(b) if chr(b).isalnum() and b < 128 else "_" if b == 32 else f"={b:02X}" for b in data)


def encode_words(text: str, force: bool = False) -> str:
    """The header value as RFC 2047 encoded words (UTF-8; "B" for mostly non-ASCII text, else "Q"), folded;
    unchanged when it is ASCII and not ``force``."""
    if text.isascii() and not force:
        return text
    b_encoding = sum(not c.isascii() for c in text) * 4 > len(text)
    words, chunk = [], b""
    for ch in text:
        enc = ch.encode("utf-8")
        if len(chunk) + len(enc) > (39 if b_encoding else 40):
            words.append(chunk)
            chunk = b""
        chunk += enc
    words.append(chunk)
    if b_encoding:
        return "\n ".join(f"=?utf-8?b?{base64.b64encode(w).decode('ascii')}?=" for w in words)
    return "\n ".join(f"=?utf-8?q?{_q_word(w)}?=" for w in words)


def format_addr(addr: Addr) -> str:
    name, email = addr
    if not name:
        return email
    if not name.isascii():
        return f"{encode_words(name)} <{email}>"
    if _SPECIALS.search(name):
        return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + f'" <{email}>'
    return f"{name} <{email}>"


def format_addrs(addrs: list[Addr]) -> str:
    return ",\n ".join(format_addr(a) for a in addrs)


def _encode_text(text: str, charset: str, encoding: str) -> tuple[str, str]:
    data = text.encode(charset, "replace")
    if encoding == "7bit" and (not data.isascii() or any(len(line) > 900 for line in data.split(b"\n"))):
        encoding = "quoted-printable"
    if encoding == "base64":
        return encoding, base64.encodebytes(data).decode("ascii")
    if encoding == "quoted-printable":
        return encoding, binascii.b2a_qp(data).decode("ascii")
    return encoding, data.decode("ascii")


def _text_part(text: str, subtype: str, charset: str, encoding: str) -> list[str]:
    cte, payload = _encode_text(text, charset, encoding)
    if not payload.endswith("\n"):
        payload += "\n"
    return [f"Content-Type: text/{subtype}; charset=\"{charset}\"", f"Content-Transfer-Encoding: {cte}", "", payload]


def _attachment_part(att: Attachment) -> list[str]:
    payload = base64.encodebytes(att.data).decode("ascii")
    return [f'Content-Type: {att.ctype}; name="{att.name}"', f'Content-Disposition: attachment; filename="{att.name}"',
            "Content-Transfer-Encoding: base64", "", payload]


def _multipart(subtype: str, boundary: str, parts: list[list[str]]) -> list[str]:
    out = [f'Content-Type: multipart/{subtype}; boundary="{boundary}"', "", "This is a multi-part message in MIME format.", ""]
    for part in parts:
        out.append(f"--{boundary}")
        out.extend(part)
    out.append(f"--{boundary}--")
    out.append("")
    return out


def render(mail: Mail) -> str:
    """The message as RFC 822 text with LF line ends."""
    head = [f"Date: {format_datetime(mail.when)}", f"From: {format_addr(mail.sender)}", f"To: {format_addrs(mail.to)}"]
    if mail.cc:
        head.append(f"Cc: {format_addrs(mail.cc)}")
    head.append(f"Subject: {encode_words(mail.subject, mail.encode_subject)}")
    head.append(f"Message-ID: {mail.message_id}")
    if mail.in_reply_to:
        head.append(f"In-Reply-To: {mail.in_reply_to}")
    if mail.references:
        head.append("References: " + "\n ".join(mail.references[-8:]))
    head.extend(f"{k}: {v}" for k, v in mail.headers)
    head.append("MIME-Version: 1.0")
    token = re.sub(r"[^A-Za-z0-9]", "", mail.message_id)[:24]
    body = _text_part(mail.text, "plain", mail.charset, mail.encoding)
    if mail.html:
        body = _multipart("alternative", f"=_alt_{token}", [body, _text_part(mail.html, "html", mail.charset, mail.encoding)])
    if mail.attachments:
        body = _multipart("mixed", f"=_mix_{token}", [body, *[_attachment_part(a) for a in mail.attachments]])
    return "\n".join(head + body).rstrip("\n") + "\n"


def mbox_entry(mail: Mail) -> str:
    """One mbox entry: the ``From `` line (UTC, asctime layout), the escaped message and a blank line."""
    t = mail.when.astimezone(UTC)
    stamp = f"{DAYS[t.weekday()]} {MONTHS[t.month - 1]} {t.day:2d} {t:%H:%M:%S} {t.year}"
    return f"From {mail.sender[1]} {stamp}\n" + _FROM_LINE.sub(r">\1", render(mail)) + "\n"
