"""Turn the bytes of one RFC 822 message into a :class:`~interlock.records.Message`.

Pure: no files, no store. Decoding is forgiving where mail is commonly broken (unknown charsets,
RFC 2047 words, raw 8-bit headers, HTML-only bodies, broken boundaries) and strict where nothing
useful is left: an empty message or one with no header at all is rejected with the reason.

Mail is also hostile input, and the standard library's parser has costs that grow faster than the
message. It recurses once per nested multipart or message part, and every line pays for each level:
800 levels take 0.4 s with almost no text, and near 1,000 it raises RecursionError (so nesting is
measured in one linear pass before it parses). Its parameter splitting (a 1 MiB Content-Type: 50 s)
and RFC 2047 decoding (60,000 encoded words: 7 s) are quadratic, so both are done here in linear
time; ``getaddresses`` recurses on nested comments, and is caught. Every message is bounded:

================================  ==============  =======================================================
limit                             value           over it
================================  ==============  =======================================================
``MAX_MESSAGE``                   64 MiB          rejected (the case keeps the source file's bytes)
``MAX_LINES``                     2,000,000       rejected: the parser spends ~1.5 µs a line
``MAX_MIME_DEPTH``                40 levels       rejected: multipart/message parts nested deeper
``MAX_HEADER_BYTES``              1 MiB           rejected: no mail server passes a header this large
``MAX_HEADER_FIELDS``             10,000          rejected, for the same reason. Not truncated: a cut
                                                  header would silently lose recipients or MIME types
``MAX_PARTS``                     500 parts       later parts ignored; ``meta["truncated"]`` says so
``MAX_PARAMS_CHARS``              16 KiB          of a Content-Type/-Disposition read for parameters
``MAX_FIELD``                     65,536 chars    of a subject, id, references or date; cut
``MAX_ADDRESSES``                 10,000          per address field; the rest cut, noted in meta
``MAX_BODY``                      2,000,000 chars body cut, noted in meta and at the end of the body
``MAX_PART_BYTES``                32 MiB          decoded attachment kept as name, size and SHA-256 of
                                                  all its bytes, its bytes not stored; ``error`` says so
``MAX_STORED_BYTES``              64 MiB          of attachment bytes stored per message, children in
``MAX_CHILD_DEPTH``               5               attached messages (message/rfc822, .eml, .msg) are
``MAX_CHILDREN``                  50              parsed into ``children`` this deep and this many
``MAX_TEXT_ATTACHMENTS`` etc.     100, 64 MiB,    attachments read for text per message, bytes read,
                                  1,000,000 chars characters kept; later ones say the budget is spent
================================  ==============  =======================================================

Attachment names are labels, never paths: blobs are stored by hash. :func:`safe_filename` still
keeps only the last component and drops control characters, so a name shown or exported later
cannot climb out of a folder.
"""

from __future__ import annotations

import base64
import binascii
import email
import email.policy
import hashlib
import quopri
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import utils as email_utils
from email.message import Message as RawMessage
from email.utils import getaddresses, parsedate_to_datetime
from typing import Any

from interlock.entities import Origin
from interlock.errors import RecordError
from interlock.ingest.attachment_text import OLE_MAGIC, clean_text, decode_bytes, extract_text, html_to_text
from interlock.names import parse_address
from interlock.records import Address, Attachment, Message

__all__ = ["EARLIEST", "addresses", "decode_words", "html_to_text", "parse_date", "parse_message", "safe_filename"]

MAX_MESSAGE = 64 << 20
MAX_LINES = 2_000_000
MAX_MIME_DEPTH = 40
MAX_HEADER_BYTES = 1 << 20
MAX_HEADER_FIELDS = 10_000
MAX_PARTS = 500
MAX_PARAMS_CHARS = 16 << 10
MAX_PARAMS = 100
MAX_FIELD = 65_536
MAX_ADDRESSES = 10_000
MAX_ADDRESS_LEN = 320          # RFC 5321: 64 + 1 + 255; longer is not an address (and costly to test)
MAX_BODY = 2_000_000
MAX_HTML = 16 << 20            # characters of HTML body read for its text
MAX_PART_BYTES = 32 << 20
MAX_STORED_BYTES = 64 << 20
MAX_CHILD_DEPTH = 5
MAX_CHILDREN = 50
MAX_TEXT_ATTACHMENTS = 100
MAX_TEXT_BYTES = 64 << 20
MAX_TEXT_CHARS = 1_000_000
MAX_NAME_BYTES = 255
EARLIEST = datetime(1980, 1, 1)
KEY_HEADERS = ("from", "to", "date", "subject", "message-id")
MESSAGE_TYPES = ("message/rfc822", "message/global")
MSG_TYPES = ("application/vnd.ms-outlook", "application/x-msg")
TOKEN_JUNK = re.compile(r"[^\x21-\x7e]")


# -- header values -----------------------------------------------------------------------------------

ENCODED_WORD = re.compile(r"=\?([^?]*)\?([qQbB])\?([^?]*)\?=")


def _word_bytes(encoding: str, text: str) -> bytes | None:
    if encoding in "bB":
        text += "=" * (-len(text) % 4)
        try:
            return base64.b64decode(text)
        except (binascii.Error, ValueError):
            return None
    return quopri.decodestring(text.encode("utf-8", "replace"), header=True)


def decode_encoded_words(text: str) -> str:
    """RFC 2047 words decoded in one pass, as ``str(make_header(decode_header(text)))`` reads them
    (that one is quadratic in the number of words): white space between two encoded words is dropped,
    a run of words in one charset is decoded as one (a character split across words survives), and
    a space separates encoded from plain text. A word that cannot be decoded stays as written."""
    chunks: list[tuple[str | None, list[bytes] | str]] = []    # (charset, its bytes) or (None, plain text)
    pos = 0
    for m in ENCODED_WORD.finditer(text):
        data = _word_bytes(m.group(2), m.group(3))
        if data is None:
            continue  # left in the plain text around it
        between = text[pos:m.start()]
        if between and not (between.isspace() and chunks and chunks[-1][0] is not None):
            chunks.append((None, between))
        charset = m.group(1).lower()
        last = chunks[-1] if chunks else None
        if last is not None and last[0] == charset and isinstance(last[1], list):
            last[1].append(data)
        else:
            chunks.append((charset, [data]))
        pos = m.end()
    if pos < len(text):
        chunks.append((None, text[pos:]))
    out: list[str] = []
    previous: str | None = None
    for charset, value in chunks:
        if isinstance(value, str):
            if previous == "encoded" and not value[:1].isspace():
                out.append(" ")
            out.append(value)
            previous = "plain"
        else:
            if previous == "plain" and not out[-1][-1:].isspace():
                out.append(" ")
            out.append(decode_bytes(b"".join(value), (charset or "").split("*", 1)[0]))
            previous = "encoded"
    return "".join(out)


def decode_words(value: object) -> str:
    """A header value as text: raw 8-bit bytes read as UTF-8 (else Windows-1252), RFC 2047 encoded
    words decoded, white space folded. Never raises; linear in the value."""
    text = str(value or "")
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # bytes the parser kept as surrogates
            raw = text.encode("utf-8", "surrogateescape")
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("cp1252", "replace")
    if "=?" in text:
        text = decode_encoded_words(text)
    return clean_text(" ".join(text.split()))


SIMPLE_ADDRESS = re.compile(r"^\s*(?:([^<>,;:\\]*?)\s*<([^<>\s]+)>|([^<>\s]+))\s*$")
ANY_ADDRESS = re.compile(r"[^\s<>()\[\]\",;:\\]{1,64}@[^\s<>()\[\]\",;:\\@]{1,255}")


def split_addresses(values: list[str]) -> list[tuple[str, str]]:
    """(display name, address) pairs. Plain lists take a fast path; quotes, comments and groups go
    to the standard library's full parser (and to a plain scan when that one recurses too deep)."""
    out: list[tuple[str, str]] = []
    for value in values:
        if '"' in value or "(" in value or ":" in value:
            try:
                out.extend(getaddresses([value]))
            except RecursionError:
                out.extend(("", a) for a in ANY_ADDRESS.findall(value))
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


def parse_addresses(values: list[str]) -> tuple[list[Address], int]:
    """(the first MAX_ADDRESSES addresses, how many were found in all)."""
    found: list[Address] = []
    total = 0
    for display, addr in split_addresses([decode_words(v) for v in values]):
        if len(addr) > MAX_ADDRESS_LEN:
            continue
        clean = parse_address(addr)
        if clean:
            total += 1
            if total <= MAX_ADDRESSES:
                found.append(Address(clean, display.strip().strip("'\"")[:MAX_FIELD]))
    return found, total


def addresses(raw: RawMessage, name: str) -> list[Address]:
    return parse_addresses([str(v) for v in raw.get_all(name, [])])[0]


def parse_date(value: str) -> datetime | None:
    """UTC, without tzinfo; None when missing, unparseable, or before 1980 or in the future."""
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value[:200])
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    if parsed < EARLIEST or parsed > datetime.now(UTC).replace(tzinfo=None).replace(year=datetime.now(UTC).year + 1):
        return None
    return parsed


CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
RESERVED = re.compile(r'[<>:"|?*]')


def safe_filename(name: str) -> str:
    """The last path component only, as a label: ``../../etc/passwd`` becomes ``passwd``, ``C:\\x\\y.exe``
    ``y.exe``; control and bidi-override characters go, Windows' reserved ones become ``_``, and the
    name is cut to 255 UTF-8 bytes keeping its extension."""
    base = CONTROL.sub("", clean_text(name)).replace("\\", "/").rsplit("/", 1)[-1]
    base = RESERVED.sub("_", base).strip().lstrip(".").rstrip(". ").strip()
    if len(base.encode("utf-8")) > MAX_NAME_BYTES:
        stem, dot, ext = base.rpartition(".")
        ext = dot + ext if dot and 0 < len(ext) <= 16 else ""
        stem = base[: len(base) - len(ext)] if ext else base
        room = MAX_NAME_BYTES - len(ext.encode("utf-8"))
        base = stem.encode("utf-8")[:room].decode("utf-8", "ignore").rstrip(". ") + ext
    return base or "attachment"


# -- a bounded standard-library parse ----------------------------------------------------------------

_PARAM_STOP = re.compile(r'[;"]')


def split_params(value: str) -> list[str]:
    """What ``email.message._parseparam`` returns, in linear time (it is quadratic in the value)."""
    out: list[str] = []
    if '"' not in value:  # no quoting: every ';' separates
        for f in value.split(";", MAX_PARAMS):
            if "=" in f:
                i = f.index("=")
                f = f[:i].strip().lower() + "=" + f[i + 1:].strip()
            out.append(f.strip())
        return out[:MAX_PARAMS]
    start, n = 0, len(value)
    while True:
        odd, end = False, -1
        for m in _PARAM_STOP.finditer(value, start):
            p = m.start()
            if value[p] == '"':
                if p == start or value[p - 1] != "\\":
                    odd = not odd
            elif not odd:
                end = p
                break
        if end < 0:
            end = n
        f = value[start:end]
        if "=" in f:
            i = f.index("=")
            f = f[:i].strip().lower() + "=" + f[i + 1:].strip()
        out.append(f.strip())
        if end >= n or len(out) >= MAX_PARAMS:
            return out
        start = end + 1


class BoundedMessage(RawMessage):
    """The standard library's message, with header parameters split in linear time and bounded."""

    def _get_params_preserve(self, failobj: Any, header: str) -> Any:
        # the value as written: raw 8-bit bytes stay surrogates, so decode_words can read them as UTF-8
        # (``get`` would turn each into U+FFFD)
        key = header.lower()
        value = next((v for k, v in self._headers if k.lower() == key), None)   # type: ignore[attr-defined]
        if value is None:
            return failobj
        params = []
        for p in split_params(str(value)[:MAX_PARAMS_CHARS]):
            name, eq, val = p.partition("=")
            params.append((name.strip(), val.strip()) if eq else (p.strip(), ""))
        return email_utils.decode_params(params)


_MIME_MARK = re.compile(
    rb"^(?:content-type[ \t]*:[ \t]*(?:\r?\n[ \t]+)?(multipart|message)/[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*|--([^\r\n]*))",
    re.IGNORECASE | re.MULTILINE,
)
_BOUNDARY = re.compile(rb'boundary[ \t]*=[ \t]*(?:"([^"\r\n]*)"|([^;\s]+))', re.IGNORECASE)


def mime_depth(raw: bytes, limit: int = MAX_MIME_DEPTH) -> int:
    """How deep multipart and message parts nest, as the parser will see it (an upper bound); stops
    counting past ``limit``. Linear: a delimiter line closes the parts opened inside its multipart."""
    low = raw.lower()
    declared = low.count(b"multipart/") + low.count(b"message/")
    if declared <= limit:
        return declared
    stack: list[bytes | None] = []   # the boundary of each open multipart, None for a message part
    open_boundaries: dict[bytes, int] = {}
    deepest = 0
    for m in _MIME_MARK.finditer(raw):
        kind, delimiter = m.group(1), m.group(2)
        if delimiter is not None:
            line = delimiter.rstrip(b" \t")
            closing = line.endswith(b"--") and open_boundaries.get(line[:-2], 0) > 0
            key = line[:-2] if closing else line
            if open_boundaries.get(key, 0) <= 0:
                continue
            while stack and stack[-1] != key:
                _pop(stack, open_boundaries)
            if closing:
                _pop(stack, open_boundaries)
            continue
        if kind.lower() == b"multipart":
            b = _BOUNDARY.search(m.group())
            if b is None:
                continue
            boundary = (b.group(1) if b.group(1) is not None else b.group(2)).rstrip()
            stack.append(boundary)
            open_boundaries[boundary] = open_boundaries.get(boundary, 0) + 1
        else:
            stack.append(None)
        deepest = max(deepest, len(stack))
        if deepest > limit:
            break
    return deepest


def _pop(stack: list[bytes | None], open_boundaries: dict[bytes, int]) -> None:
    top = stack.pop()
    if top is not None:
        open_boundaries[top] -= 1


def read_raw(raw: bytes, origin: Origin) -> RawMessage:
    """The standard library's parse of a message that is within every limit; RecordError when it is not."""
    where = (origin.path, origin.record)
    if not raw or raw.isspace():
        raise RecordError("empty message", *where)
    if len(raw) > MAX_MESSAGE:
        raise RecordError(f"message of {len(raw):,} bytes is over the {MAX_MESSAGE:,}-byte limit", *where)
    lines = raw.count(b"\n")
    if lines > MAX_LINES:
        raise RecordError(f"message of {lines:,} lines is over the {MAX_LINES:,}-line limit", *where)
    depth = mime_depth(raw)
    if depth > MAX_MIME_DEPTH:
        raise RecordError(f"MIME parts nested more than {MAX_MIME_DEPTH} deep (multipart or message parts inside each other); "
                          "not parsed", *where)
    try:
        return email.message_from_bytes(raw, _class=BoundedMessage, policy=email.policy.compat32)
    except RecursionError:
        raise RecordError("MIME structure too deeply nested for the parser", *where) from None


SIMPLE_CHARSET = re.compile(r'(?:^|;)\s*charset\s*=\s*(?:"([^"\\]*)"|([^\s;"\\]+))\s*(?:;|$)', re.IGNORECASE)


def part_charset(part: RawMessage, content_type: str) -> str:
    """What ``part.get_content_charset()`` says; a plain ``charset=x`` is read from the header at hand."""
    m = SIMPLE_CHARSET.search(content_type)
    if m is not None and "*" not in content_type and content_type.isascii():
        return (m.group(1) if m.group(1) is not None else m.group(2)).strip().lower()
    try:
        return str(part.get_content_charset() or "")
    except Exception:  # noqa: BLE001  (a broken charset parameter is no charset)
        return ""


_PADDED_RUN = re.compile(rb"[^=]+=*")


def decode_base64(data: bytes) -> bytes | None:
    """Base64 whose padding comes before its end, as some converters write it (each line encoded on its
    own): every padded run decoded and joined. None when the padding is only at the end (the usual case)."""
    data = b"".join(data.split())
    if b"=" not in data.rstrip(b"="):
        return None
    out = []
    for run in _PADDED_RUN.findall(data):
        run = run.rstrip(b"=")
        try:
            out.append(base64.b64decode(run + b"=" * (-len(run) % 4)))
        except (binascii.Error, ValueError):
            continue  # a run of impossible length: what the stdlib would also lose
    return b"".join(out)


def stored_payload(part: RawMessage) -> Any:
    """The payload as the parser stored it. (``get_payload()`` without ``decode`` decodes 8-bit text with
    the part's charset, and some codecs raise whatever the error handler.)"""
    return getattr(part, "_payload", None)


def part_bytes(part: RawMessage) -> bytes:
    payload = stored_payload(part)
    if isinstance(payload, str) and str(part.get("content-transfer-encoding", "")).strip().lower() == "base64":
        fixed = decode_base64(payload.encode("utf-8", "surrogateescape"))
        if fixed is not None:
            return fixed
    try:
        data = part.get_payload(decode=True)
    except Exception:  # noqa: BLE001  (a payload the decoder chokes on is kept as written)
        data = payload.encode("utf-8", "surrogateescape") if isinstance(payload, str) else None
    return data if isinstance(data, bytes) else b""


def part_filename(part: RawMessage) -> str:
    try:
        name = part.get_filename()
    except Exception:  # noqa: BLE001  (a broken RFC 2231 parameter is no name)
        name = None
    return decode_words(name) if name else ""


def message_bytes(part: RawMessage) -> bytes:
    """The bytes of the message inside a message/rfc822 part (decoded when the part was encoded, as some
    mailers do against the RFC)."""
    inner = stored_payload(part)
    data = b""
    if isinstance(inner, list) and inner and isinstance(inner[0], RawMessage):
        try:
            data = inner[0].as_bytes()
        except Exception:  # noqa: BLE001  (an inner message the generator cannot write back)
            data = b""
    cte = str(part.get("content-transfer-encoding", "")).strip().lower()
    try:
        if cte == "base64":
            compact = b"".join(data.split())
            data = decode_base64(compact) or base64.b64decode(compact + b"=" * (-len(compact) % 4))
        elif cte == "quoted-printable":
            data = quopri.decodestring(data)
    except (binascii.Error, ValueError):
        pass  # kept as written: the child parse will say what is wrong with it
    return data


# -- one message ---------------------------------------------------------------------------------------


@dataclass
class Budget:
    """What one top-level message (its attached messages included) may still spend."""

    stored: int
    children: int
    text_attachments: int
    text_bytes: int
    text_chars: int
    texts: dict[str, tuple[str, str]] = field(default_factory=dict)   # sha256 -> (text, error), read once
    charsets: dict[int, str] = field(default_factory=dict)            # id(attachment) -> its declared charset

    @classmethod
    def fresh(cls) -> Budget:
        return cls(MAX_STORED_BYTES, MAX_CHILDREN, MAX_TEXT_ATTACHMENTS, MAX_TEXT_BYTES, MAX_TEXT_CHARS)


def parse_message(raw: bytes, origin: Origin, folder: str = "") -> Message:
    """The message in ``raw``, with its attachments' text and its attached messages as children.
    Raises :class:`RecordError` naming the reason when the message is unreadable or over a limit."""
    budget = Budget.fresh()
    msg = build(raw, origin, folder, budget, 0)
    add_texts(msg, budget)
    return msg


def build(raw: bytes, origin: Origin, folder: str, budget: Budget, depth: int) -> Message:
    msg = read_raw(raw, origin)
    pairs = list(msg.raw_items())
    where = (origin.path, origin.record)
    if len(pairs) > MAX_HEADER_FIELDS:
        raise RecordError(f"header of {len(pairs):,} fields is over the limit of {MAX_HEADER_FIELDS:,}; not parsed", *where)
    if len(raw) > MAX_HEADER_BYTES:  # a smaller message cannot have a larger header
        size = sum(len(name) + len(str(value)) + 2 for name, value in pairs)
        if size > MAX_HEADER_BYTES:
            raise RecordError(f"header of {size:,} bytes is over the {MAX_HEADER_BYTES:,}-byte limit; not parsed", *where)
    heads: dict[str, list[str]] = {}
    for name, value in pairs:
        heads.setdefault(name.lower(), []).append(value)
    if not any(heads.get(h, [""])[0] for h in KEY_HEADERS):
        raise RecordError("no message headers (From, To, Date, Subject or Message-ID) found", *where)

    def header(name: str) -> str:
        values = heads.get(name)
        return decode_words(values[0][: MAX_FIELD * 4])[:MAX_FIELD] if values else ""

    truncated: list[str] = []

    def people(name: str) -> list[Address]:
        found, total = parse_addresses(heads.get(name, []))
        if total > len(found):
            truncated.append(f"{name}: {total:,} addresses, the first {len(found):,} kept")
        return found

    message_id = header("message-id").strip()
    origin = Origin(origin.source_sha, origin.file_sha, origin.path, message_id or origin.record)
    senders = people("from")
    out = Message(
        origin=origin, message_id=message_id, in_reply_to=header("in-reply-to"), references=header("references"),
        sender=senders[0] if senders else None, to=people("to"), cc=people("cc"), bcc=people("bcc"),
        subject=header("subject"), folder=folder,
    )
    out.date_raw = header("date")
    out.sent_at = parse_date(out.date_raw)
    top = {name: values[0] for name, values in heads.items()}
    plain, html = read_parts(msg, top, out, folder, budget, depth, truncated)
    body = "\n".join(plain) if plain else html_to_text("\n".join(html)[:MAX_HTML])
    if len(body) > MAX_BODY:
        truncated.append(f"body: {len(body):,} characters, the first {MAX_BODY:,} kept")
        body = body[:MAX_BODY] + f"\n[interlock: body cut at {MAX_BODY:,} of {len(body):,} characters]"
    out.body = clean_text(body)
    if truncated:
        out.meta["truncated"] = truncated
    return out


def read_parts(msg: RawMessage, top: dict[str, str], out: Message, folder: str, budget: Budget, depth: int,
               truncated: list[str]) -> tuple[list[str], list[str]]:
    """Walk the MIME tree (without recursion, MAX_PARTS at most): body text into the returned lists,
    attachments and attached messages into ``out``."""
    plain: list[str] = []
    html: list[str] = []
    body_chars = 0
    stack = [msg]
    index = -1
    while stack:
        part = stack.pop()
        index += 1
        if index >= MAX_PARTS:
            truncated.append(f"MIME parts: only the first {MAX_PARTS} read")
            break
        heads = top if part is msg else first_headers(part)
        ctype = content_type(heads.get("content-type"), part)
        disposition = heads.get("content-disposition", "")
        # the parameters are parsed only when they can hold what is asked for
        has_name = "name" in disposition.lower() or "name" in heads.get("content-type", "").lower()
        filename = part_filename(part) if has_name else ""
        if ctype in MESSAGE_TYPES:
            add_attachment(out, safe_filename(filename or f"part-{index}.eml"), ctype, message_bytes(part), folder, budget, depth)
            continue
        if part.is_multipart():
            payload = part.get_payload()
            if isinstance(payload, list):
                stack.extend(p for p in reversed(payload) if isinstance(p, RawMessage))
            continue
        if ctype.startswith("multipart/"):  # its boundary never came: the parser kept it as text, and so do we
            ctype = "text/plain"
        raw_type = heads.get("content-type", "")
        charset = part_charset(part, raw_type) if "charset" in raw_type.lower() else ""
        if filename or disposition.lower().lstrip().startswith("attachment") or ctype not in ("text/plain", "text/html"):
            data = part_bytes(part)
            if data:
                add_attachment(out, safe_filename(filename or f"part-{index}"), ctype, data, folder, budget, depth, charset)
        elif body_chars <= MAX_BODY + MAX_HTML:
            text = decode_bytes(part_bytes(part), charset)
            body_chars += len(text)
            (plain if ctype == "text/plain" else html).append(text)
    return plain, html


def first_headers(part: RawMessage) -> dict[str, str]:
    """Each header's first value by lower-case name, as written (one pass, not one per ``get``)."""
    found: dict[str, str] = {}
    for name, value in part.raw_items():
        found.setdefault(name.lower(), str(value))
    return found


def content_type(value: str | None, part: RawMessage) -> str:
    """What ``part.get_content_type()`` says, from the header value already at hand."""
    if value is None:
        return part.get_default_type()
    ctype = value.partition(";")[0].strip().lower()
    if not ctype.isascii() or not ctype.isprintable() or " " in ctype:
        ctype = TOKEN_JUNK.sub("", ctype)   # NUL, controls, 8-bit bytes: not part of any media type
    return ctype if ctype.count("/") == 1 else "text/plain"


def add_attachment(out: Message, name: str, ctype: str, data: bytes, folder: str, budget: Budget, depth: int,
                   charset: str = "") -> None:
    """An attachment kept by hash (its bytes when within the limits), and the message it is, when it is one."""
    att = Attachment(name=name, sha256=hashlib.sha256(data).hexdigest(), size=len(data), content_type=ctype)
    if charset:
        budget.charsets[id(att)] = charset
    if len(data) > MAX_PART_BYTES or len(data) > budget.stored:
        limit = (f"the {MAX_PART_BYTES:,}-byte limit for one attachment" if len(data) > MAX_PART_BYTES
                 else f"the {MAX_STORED_BYTES:,}-byte limit for the attachments of one message")
        att.error = f"not stored and not read: {len(data):,} bytes is over {limit}; the case's copy of the source holds it"
        out.attachments.append(att)
        return
    budget.stored -= len(data)
    att.data = data
    out.attachments.append(att)
    lower = name.lower()
    if ctype in MESSAGE_TYPES or lower.endswith(".eml"):
        attach_message(out, att, folder, budget, depth, "eml")
    elif ctype in MSG_TYPES or (lower.endswith(".msg") and data.startswith(OLE_MAGIC)):
        attach_message(out, att, folder, budget, depth, "msg")


def attach_message(out: Message, att: Attachment, folder: str, budget: Budget, depth: int, kind: str) -> None:
    if depth + 1 > MAX_CHILD_DEPTH:
        att.error = f"an attached message, not opened: attached messages are followed {MAX_CHILD_DEPTH} deep"
        return
    if budget.children <= 0:
        att.error = f"an attached message, not opened: more than {MAX_CHILDREN} in one message"
        return
    budget.children -= 1
    o = out.origin
    origin = Origin(o.source_sha, o.file_sha, o.path, f"{o.record}, attachment {len(out.attachments)}")
    try:
        if kind == "eml":
            child = build(att.data, origin, folder, budget, depth + 1)
        else:
            try:
                from interlock.ingest.msg import parse_msg_bytes
            except ImportError:
                att.error = "an Outlook .msg message: .msg support unavailable"
                return
            child = parse_msg_bytes(att.data, origin, folder)
    except RecordError as exc:
        att.error = f"an attached message that could not be read: {exc.reason}"
        return
    except Exception as exc:  # noqa: BLE001  (one unreadable attached message never rejects its parent)
        att.error = f"an attached message that could not be read ({type(exc).__name__}: {exc})"
        return
    if kind == "msg":
        clean_strings(child)  # built by the .msg reader; this parser's own fields are clean already
    child.relation = "attached"
    out.children.append(child)
    att.error = "an e-mail message: stored as an attached child message (relation 'attached'), not as text"


def add_texts(msg: Message, budget: Budget) -> None:
    """Set ``text`` or ``error`` on every attachment of the message and of its children, within the budget."""
    for att in msg.attachments:
        if att.text or att.error:
            continue
        if att.sha256 in budget.texts:
            att.text, att.error = budget.texts[att.sha256]
            continue
        if budget.text_attachments <= 0 or budget.text_bytes < len(att.data) or budget.text_chars <= 0:
            att.error = (f"text not read: this message's budget for attachment text is spent ({MAX_TEXT_ATTACHMENTS} attachments, "
                         f"{MAX_TEXT_BYTES:,} bytes, {MAX_TEXT_CHARS:,} characters)")
            continue
        budget.text_attachments -= 1
        budget.text_bytes -= len(att.data)
        try:
            text, error = extract_text(att.name, att.content_type, att.data, budget.charsets.get(id(att), ""))
        except Exception as exc:  # noqa: BLE001  (extract_text does not raise; this is the last guard)
            text, error = "", f"text extraction failed ({type(exc).__name__})"
        text = text[: budget.text_chars]
        budget.text_chars -= len(text)
        att.text, att.error = text, error
        budget.texts[att.sha256] = (text, error)
    for child in msg.children:
        add_texts(child, budget)


def clean_strings(msg: Message) -> None:
    """Every text field, down the children, in a form the store accepts (no NUL, no lone surrogate)."""
    for name in ("message_id", "in_reply_to", "references", "date_raw", "subject", "body", "folder"):
        value = getattr(msg, name)
        if not value.isascii() or "\x00" in value:
            setattr(msg, name, clean_text(value))
    for role in (msg.to, msg.cc, msg.bcc):
        role[:] = [Address(clean_text(a.address), clean_text(a.name)) for a in role]
    if msg.sender is not None:
        msg.sender = Address(clean_text(msg.sender.address), clean_text(msg.sender.name))
    for att in msg.attachments:
        att.name, att.content_type = clean_text(att.name), clean_text(att.content_type)
        att.text, att.error = clean_text(att.text), clean_text(att.error)
    for key, value in list(msg.meta.items()):
        msg.meta[key] = [clean_text(v) for v in value] if isinstance(value, list) else clean_text(value)
    for child in msg.children:
        clean_strings(child)
