"""Hostile and broken mail, built in code: each function returns the bytes of one message (or one
attachment) that once crashed, hung or misled a mail parser."""

from __future__ import annotations

import base64
import io
import zipfile

from interlock.demo.attachments import make_docx, make_pdf


def header(n: int, subject: str = "", extra: str = "") -> str:
    return (f"From: Sender {n} <s{n}@example.gov>\nTo: r{n}@example.com\nSubject: {subject or f'hostile {n}'}\n"
            f"Date: Mon, 06 Nov 2017 16:04:29 +0000\nMessage-ID: <h{n}@example>\n{extra}")


def multipart(n: int, parts: list[str], boundary: str = "BOUNDARY", subject: str = "") -> bytes:
    body = "".join(f"--{boundary}\n{p}\n" for p in parts) + f"--{boundary}--\n"
    return (header(n, subject) + f"MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"{boundary}\"\n\n{body}").encode()


def attachment(name: str, data: bytes, ctype: str = "application/octet-stream", name_param: str | None = None) -> str:
    encoded = base64.encodebytes(data).decode()
    filename = name_param if name_param is not None else f'filename="{name}"'
    return (f"Content-Type: {ctype}\nContent-Transfer-Encoding: base64\nContent-Disposition: attachment; {filename}\n\n{encoded}")


TEXT = "Content-Type: text/plain; charset=utf-8\n\nsee attached\n"


def deep_multipart(n: int, depth: int) -> bytes:
    """Multiparts nested ``depth`` deep: the standard library's parser recurses once a level."""
    opening = "".join(f"Content-Type: multipart/mixed; boundary=b{i}\n\n--b{i}\n" for i in range(depth))
    closing = "".join(f"--b{i}--\n" for i in reversed(range(depth)))
    return (header(n) + f"MIME-Version: 1.0\n{opening}Content-Type: text/plain\n\ndeep\n{closing}").encode()


def deep_rfc822(n: int, depth: int) -> bytes:
    """message/rfc822 parts inside each other, two lines a level."""
    return (header(n) + "Content-Type: message/rfc822\n\n" + "From: x@y.org\nContent-Type: message/rfc822\n\n" * depth + "end\n").encode()


def attached_messages(n: int, depth: int) -> bytes:
    """A message that carries a message that carries a message ... ``depth`` deep, each as message/rfc822."""
    inner = (header(1000 + depth, f"innermost {depth}") + "\nthe innermost text\n").encode()
    for level in reversed(range(depth)):
        inner = (header(1000 + level, f"level {level}") + f"MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=L{level}\n\n"
                 f"--L{level}\n{TEXT}\n--L{level}\nContent-Type: message/rfc822\n"
                 f"Content-Disposition: attachment; filename=\"level{level + 1}.eml\"\n\n").encode() + inner + f"\n--L{level}--\n".encode()
    return multipart(n, [TEXT, "Content-Type: message/rfc822\n\n" + inner.decode()])


def zip_bomb_docx() -> bytes:
    """A .docx whose document.xml inflates 1,000 to 1: 4 MiB of spaces in a few KiB."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"<w:document xmlns:w='x'>" + b" " * (4 << 20) + b"</w:document>")
    return buf.getvalue()


def big_docx(size: int) -> bytes:
    """A .docx whose document.xml is over the inflate limit, at an ordinary ratio."""
    buf = io.BytesIO()
    chunk = bytes(range(256)) * 4096
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf, zf.open("word/document.xml", "w", force_zip64=True) as fh:
        for _ in range(size // len(chunk) + 1):
            fh.write(chunk)
    return buf.getvalue()


def billion_laughs_docx() -> bytes:
    doc = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>'
           '<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", doc)
    return buf.getvalue()


GOOD_DOCX = make_docx(["Term sheet for the parking contract", "Fee: 4%"])
GOOD_PDF = make_pdf("Harborline invoice", ["Amount due: $4,325,000"])


def mbox_bytes(messages: list[bytes]) -> tuple[bytes, list[int]]:
    """An mboxrd file of the messages, and the byte offset of each one's ``From `` line."""
    out = bytearray()
    offsets = []
    for raw in messages:
        offsets.append(len(out))
        out += b"From MAILER-DAEMON Thu Jan  1 00:00:00 2020\n"
        out += raw.replace(b"\nFrom ", b"\n>From ")
        out += b"\n" if raw.endswith(b"\n") else b"\n\n"
    return bytes(out), offsets
