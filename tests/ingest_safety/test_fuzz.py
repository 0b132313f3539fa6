"""Property tests with a fixed budget: arbitrary bytes and mangled MIME into the mail parser, arbitrary
files into the mbox splitter and the attachment readers. Runs are repeatable (``derandomize``), so a
failure here fails the same way on every machine.

What must hold: ``parse_message`` returns a Message or raises RecordError, nothing else; ``parse_one``
never raises; every Message has text fields the store accepts, within the limits, and attachment names
that are labels (no separator, no NUL); the splitter loses no byte but separator lines.
"""

from __future__ import annotations

import base64
import email.message
import quopri
import tempfile
from email.header import decode_header, make_header
from pathlib import Path
from typing import Any

from hostile_mail import GOOD_DOCX, GOOD_PDF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interlock.entities import Origin
from interlock.errors import RecordError
from interlock.ingest.attachment_text import MAX_TEXT, extract_text, html_to_text
from interlock.ingest.email_parse import (
    MAX_BODY,
    MAX_CHILD_DEPTH,
    MAX_CHILDREN,
    MAX_FIELD,
    MAX_PART_BYTES,
    decode_encoded_words,
    parse_message,
    split_params,
)
from interlock.ingest.mail import parse_one
from interlock.ingest.mbox import split_mbox
from interlock.records import Message, Reject

ORIGIN = Origin("src", "file", "fuzz.mbox", "offset 0")


def budget(n: int) -> Any:
    return settings(max_examples=n, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])


def storable(text: object) -> bool:
    """What the store accepts: a str with no NUL that encodes as UTF-8 (no lone surrogate)."""
    if not isinstance(text, str) or "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_message(msg: Message, depth: int = 0) -> None:
    assert depth <= MAX_CHILD_DEPTH
    for name in ("message_id", "in_reply_to", "references", "date_raw", "subject", "body", "folder", "relation"):
        assert storable(getattr(msg, name)), name
    assert len(msg.body) <= MAX_BODY + 100 and len(msg.subject) <= MAX_FIELD and len(msg.references) <= MAX_FIELD
    for a in msg.to + msg.cc + msg.bcc + ([msg.sender] if msg.sender else []):
        assert storable(a.address) and storable(a.name) and "@" in a.address
    for att in msg.attachments:
        assert storable(att.name) and att.name and "/" not in att.name and "\\" not in att.name
        assert len(att.name.encode("utf-8")) <= 255 and not att.name.startswith(".")
        assert storable(att.text) and storable(att.error) and storable(att.content_type)
        assert len(att.text) <= MAX_TEXT and (att.text or att.error)
        assert len(att.data) <= MAX_PART_BYTES and (not att.data or att.size == len(att.data)) and len(att.sha256) == 64
    assert len(msg.children) <= MAX_CHILDREN
    for child in msg.children:
        assert child.relation == "attached"
        check_message(child, depth + 1)


def check_raw(raw: bytes) -> None:
    try:
        msg = parse_message(raw, ORIGIN)
    except RecordError as exc:
        assert exc.reason
    else:
        check_message(msg)
    result = parse_one(ORIGIN, raw, "")
    if isinstance(result, Reject):
        assert storable(result.reason) and result.reason.strip()
    else:
        [msg] = result
        assert isinstance(msg, Message)


# -- arbitrary bytes ---------------------------------------------------------------------------------


@budget(1000)
@given(st.binary(max_size=3000))
def test_arbitrary_bytes(raw: bytes) -> None:
    check_raw(raw)


@budget(500)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_after_a_header(raw: bytes) -> None:
    check_raw(b"From: a@b.org\nSubject: x\n" + raw)


# -- structured, then mangled, MIME -----------------------------------------------------------------

CHARSETS = ["utf-8", "us-ascii", "iso-8859-1", "windows-1252", "utf-16", "utf-7", "shift_jis", "koi8-r", "x-unknown",
            "unicode-escape", "raw-unicode-escape", "idna", "punycode", "zlib", "rot13", "hex", "", '"utf-8"', "utf-8'en'"]
ENCODINGS = ["7bit", "8bit", "binary", "base64", "quoted-printable", "x-uuencode", "garbage", ""]
TYPES = ["text/plain", "text/html", "text/csv", "text/rtf", "application/pdf", "application/octet-stream", "image/png",
         "message/rfc822", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "multipart/mixed",
         "application/vnd.ms-outlook", "bogus", "text/"]
NAMES = ["a.txt", "../../x.pdf", "C:\\x\\y.docx", "/abs.eml", "m.msg", "r.rtf", "w.html", "\x00.csv", "..", "", "=?utf-8?q?caf=C3=A9?=.pdf"]
header_text = st.lists(st.sampled_from(list("aZ09 <>@,;:\"()\\=?_.-\t\x00\u00e9\u202e\ud800") + ["=?utf-8?q?", "?=", "=?x?b?", "a@b.org"]),
                       max_size=30).map("".join)
payloads = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.sampled_from([GOOD_DOCX, GOOD_PDF, b"{\\rtf1\\ansi hello \\'e9 \\u8364? {\\*\\x hidden} world}", b"<script>x</script><p>hi"]),
)


def encode(data: bytes, cte: str) -> bytes:
    if cte == "base64":
        return base64.encodebytes(data)
    if cte == "quoted-printable":
        return quopri.encodestring(data)
    return data


@st.composite
def leaves(draw: st.DrawFn) -> bytes:
    ctype, charset, cte = draw(st.sampled_from(TYPES)), draw(st.sampled_from(CHARSETS)), draw(st.sampled_from(ENCODINGS))
    head = f"Content-Type: {ctype}" + (f"; charset={charset}" if charset else "") + "\n"
    if cte:
        head += f"Content-Transfer-Encoding: {cte}\n"
    if draw(st.booleans()):
        head += f'Content-Disposition: attachment; filename="{draw(st.sampled_from(NAMES))}"\n'
    if ctype == "message/rfc822" and draw(st.booleans()):
        inner = f"From: in@b.org\nSubject: {draw(header_text)}\n\n".encode("utf-8", "surrogatepass") + draw(payloads)
        return head.encode() + b"\n" + encode(inner, cte)
    return head.encode("utf-8", "surrogatepass") + b"\n" + encode(draw(payloads), cte)


@st.composite
def trees(draw: st.DrawFn, depth: int = 0) -> bytes:
    if depth >= 4 or draw(st.integers(0, 2)) == 0:
        return draw(leaves())
    boundary = draw(st.sampled_from(["b", "==x==", "b", " ", "a\"b", "", "--", "same"]))
    closing = draw(st.booleans())
    children = draw(st.lists(trees(depth + 1), min_size=0, max_size=3))
    body = b"preamble\n" if draw(st.booleans()) else b""
    for child in children:
        body += f"--{boundary}\n".encode() + child + b"\n"
    if closing:
        body += f"--{boundary}--\n".encode()
    sub = draw(st.sampled_from(["mixed", "alternative", "related", "digest"]))
    return f'Content-Type: multipart/{sub}; boundary="{boundary}"\n\n'.encode() + body


@st.composite
def messages(draw: st.DrawFn) -> bytes:
    heads = draw(st.lists(st.tuples(st.sampled_from(["From", "To", "Cc", "Subject", "Date", "Message-ID", "X-Junk", "Content-Disposition"]),
                                    header_text), max_size=6))
    raw = "".join(f"{k}: {v}\n" for k, v in heads).encode("utf-8", "surrogatepass") + b"MIME-Version: 1.0\n" + draw(trees())
    # mangle: cut it, splice bytes in, drop the header/body separator, switch to CRLF
    for _ in range(draw(st.integers(0, 3))):
        op = draw(st.sampled_from(["cut", "insert", "drop_blank", "crlf", "delete"]))
        at = draw(st.integers(0, len(raw)))
        if op == "cut":
            raw = raw[:at]
        elif op == "insert":
            raw = raw[:at] + draw(st.binary(min_size=1, max_size=20)) + raw[at:]
        elif op == "drop_blank":
            raw = raw.replace(b"\n\n", b"\n", 1)
        elif op == "crlf":
            raw = raw.replace(b"\n", b"\r\n")
        else:
            raw = raw[:at] + raw[at + draw(st.integers(1, 30)):]
    return raw


@budget(400)
@given(messages())
def test_mangled_mime(raw: bytes) -> None:
    check_raw(raw)


# -- the mbox splitter ---------------------------------------------------------------------------------


def old_split(data: bytes) -> list[tuple[int, bytes]]:
    """The line-based splitter as it was before pieces and limits: the reference."""
    out, lines, offset, start, previous_blank = [], [], 0, 0, True
    for line in data.splitlines(keepends=True) if b"\r" not in data else _lines(data):
        if line.startswith(b"From ") and previous_blank:
            if lines:
                out.append((start, b"".join(lines)))
            lines, start = [], offset
        else:
            lines.append(line)
        previous_blank = line in (b"\n", b"\r\n")
        offset += len(line)
    if lines:
        out.append((start, b"".join(lines)))
    return out


def _lines(data: bytes) -> list[bytes]:
    parts = data.split(b"\n")
    lines = [p + b"\n" for p in parts[:-1]]
    return lines + ([parts[-1]] if parts[-1] else [])


MBOX_PIECES = [b"From ", b"From x\n", b"\n", b"\r\n", b"x", b"yy\n", b">From ", b" ", b"\r", b"\x00"]
mbox_bytes = st.lists(st.sampled_from(MBOX_PIECES), max_size=60).map(b"".join)


@budget(300)
@given(mbox_bytes, st.sampled_from([1, 2, 5, 64, 1 << 20]), st.one_of(st.none(), st.integers(0, 40)))
def test_mbox_splitting_loses_nothing_but_separators(data: bytes, chunk: int, limit: int | None) -> None:
    data = data.replace(b"\r", b"") if b"\r" in data and b"\r\n" not in data else data  # bare CR is not a line end for either
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "box.mbox"
        path.write_bytes(data)
        entries = list(split_mbox(path, limit, chunk))
    expected = old_split(data)
    assert [(e.offset, e.size) for e in entries] == [(o, len(r)) for o, r in expected]
    for entry, (_, raw) in zip(entries, expected, strict=True):
        assert entry.raw == (raw if limit is None or len(raw) <= limit else None)
    # the bytes not in any message are separator lines: "From " lines at the start or after a blank line
    covered = bytearray(len(data))
    for offset, raw in expected:
        start = offset if data[offset:offset + len(raw)] == raw else data.index(b"\n", offset) + 1
        assert data[start:start + len(raw)] == raw
        covered[start:start + len(raw)] = b"\x01" * len(raw)
    for line_start, line in _starts(data):
        if not covered[line_start]:
            assert line.startswith(b"From ")


def _starts(data: bytes) -> list[tuple[int, bytes]]:
    out, pos = [], 0
    for line in _lines(data):
        out.append((pos, line))
        pos += len(line)
    return out


# -- attachment text -----------------------------------------------------------------------------------

ATT_TYPES = ["application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "text/rtf",
             "text/html", "text/plain", "text/csv", "image/png", "application/octet-stream", ""]
ATT_NAMES = ["a.pdf", "a.docx", "a.rtf", "a.html", "a.txt", "a.csv", "a.png", "a", "a.pptx", "a.xlsx"]


@st.composite
def attachment_bytes(draw: st.DrawFn) -> bytes:
    base = draw(st.sampled_from([GOOD_DOCX, GOOD_PDF, b"{\\rtf1\\ansi\\ansicpg1251 \\'c0\\u1044?\\bin3 abc {\\*\\fldinst x}{\\fldrslt y}}",
                                 b"<html><script>s</script><p>x &amp; y", b"PK\x03\x04", b"%PDF-1.4\n", b"{\\rtf1", b""]))
    data = base + draw(st.binary(max_size=200)) if draw(st.booleans()) else draw(st.binary(max_size=400))
    if data and draw(st.booleans()):  # flip some bytes
        for _ in range(draw(st.integers(1, 5))):
            at = draw(st.integers(0, len(data) - 1))
            data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1:]
    if data and draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return data


@budget(300)
@given(st.sampled_from(ATT_NAMES), st.sampled_from(ATT_TYPES), attachment_bytes(), st.sampled_from(["", "utf-8", "unicode-escape", "x"]))
def test_extract_text_never_raises_and_is_bounded(name: str, ctype: str, data: bytes, charset: str) -> None:
    text, error = extract_text(name, ctype, data, charset)
    assert storable(text) and storable(error) and len(text) <= MAX_TEXT
    assert text or error


# every token that opens a tag closes it, as a mail client would read them: then no script or style text shows
html_tokens = st.sampled_from(["<p>", "</p>", "<b>", "text", "&amp;", "&#0;", "<!--", "-->", "<a href='>'>", "< ", ">", "'", '"',
                               "<script>SECRET</script>", "<style>SECRET</style>", "<SCRIPT type=x>SECRET</SCRIPT >", "<br/>",
                               "<!doctype html>", "<title>SECRET</title>", "</script>", "<?xml?>", "<![CDATA[x]]>", "\n", " "])


@budget(300)
@given(st.lists(html_tokens, max_size=40).map("".join))
def test_html_text_never_shows_script_or_style(html: str) -> None:
    text = html_to_text(html)
    assert "SECRET" not in text and storable(text)


# -- the linear rewrites agree with the standard library -------------------------------------------------


@budget(300)
@given(st.text(alphabet=';"\\= ab\t', max_size=40))
def test_split_params_matches_the_standard_library(value: str) -> None:
    assert split_params(value) == email.message._parseparam(value)  # type: ignore[attr-defined]


@st.composite
def encoded_headers(draw: st.DrawFn) -> str:
    out = []
    for _ in range(draw(st.integers(1, 5))):
        if draw(st.booleans()):
            out.append(draw(st.sampled_from(["plain", "a b", "x", ""])))
        else:
            charset = draw(st.sampled_from(["utf-8", "iso-8859-1"]))
            text = draw(st.text(alphabet="abc é€_?=", min_size=1, max_size=8))
            if charset == "iso-8859-1":
                text = text.replace("€", "e")
            data = text.encode(charset)
            if draw(st.booleans()):
                word = base64.b64encode(data).decode()
                out.append(f"=?{charset}?b?{word}?=")
            else:
                word = "".join(chr(b) if chr(b).isalnum() and b < 128 else f"={b:02X}" for b in data)
                out.append(f"=?{charset}?q?{word}?=")
        out.append(draw(st.sampled_from([" ", "", "  "])))
    return "".join(out)


@budget(200)
@given(encoded_headers())
def test_encoded_words_decode_as_the_standard_library_does(value: str) -> None:
    expected = " ".join(str(make_header(decode_header(value))).split())
    assert " ".join(decode_encoded_words(value).split()) == expected
