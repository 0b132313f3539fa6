"""A mailbox of good mail mixed with one of each kind of hostile or broken message, ingested through
the case: the good ones all go in, each hostile one is stored within bounds or rejected with a reason
that names the file and the record, nothing is written outside the case folder, and the run goes on."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from conftest import make_message
from hostile_mail import (
    GOOD_DOCX,
    GOOD_PDF,
    TEXT,
    attached_messages,
    attachment,
    billion_laughs_docx,
    deep_multipart,
    deep_rfc822,
    header,
    mbox_bytes,
    multipart,
    zip_bomb_docx,
)

from interlock.case import Case
from interlock.entities import Origin
from interlock.ingest import email_parse, mbox
from interlock.ingest.attachment_text import MAX_TEXT
from interlock.ingest.email_parse import MAX_BODY, MAX_FIELD, parse_message
from interlock.ingest.mail import parse_one
from interlock.records import Message, Reject

ORIGIN = Origin("src", "file", "box.mbox", "offset 0")
EVIL_NAMES = ["../../outside.txt", "/etc/passwd", "C:\\Windows\\System32\\evil.exe", "a\x00b.txt", "y" * 5000 + ".pdf",
              "\u202egpj.exe", "..", "~/.bashrc", "\\\\server\\share\\x.doc"]

PARAM_BOMB = "Content-Type: multipart/alternative; boundary=q" + ";" * 200_000 + "\n\n--q\n\nin\n--q--"
BAD_CHARSETS = "".join(f"--c\nContent-Type: text/plain; charset={cs}\n\n{text}\n" for cs, text in [
    ("unicode-escape", "\\ud800 lone"), ("x-nothing", "caf\xe9"), ("utf-7", "+2AA-"), ("idna", "x"), ("punycode", "\x80")]) + "--c--\n"
BAD_BASE64 = "Content-Type: application/pdf\nContent-Transfer-Encoding: base64\n\n!!*&^%$\nQUJD=\n="
BAD_ADDRESSES = "Cc: " + "(" * 5000 + "a@b.com\nBcc: a@" + "." * 50_000 + "@\n"

# name -> (raw message, "stored" or the words its reject reason must hold)
HOSTILE: dict[str, tuple[bytes, str]] = {
    "deep multipart": (deep_multipart(101, 1200), "nested more than 40 deep"),
    "deep rfc822": (deep_rfc822(102, 50_000), "nested more than 40 deep"),
    "many lines": (header(103).encode() + b"\n" + b"x\n" * 2_000_100, "lines is over the 2,000,000-line limit"),
    "huge header": (header(104, extra="X-Big: " + "a" * (1 << 20) + "\n").encode() + b"\nbody\n", "-byte limit; not parsed"),
    "many headers": (header(105, extra="X-A: b\n" * 10_001).encode() + b"\nbody\n", "fields is over the limit of 10,000"),
    "oversize": (header(106).encode() + b"\n" + (b"z" * 1023 + b"\n") * (5 << 10), "over the 4,194,304-byte limit; not read"),
    "no headers": (b"\x00\xff\xfe garbage that is no mail\n" * 5, "no message headers"),
    "empty": (b"\n", "empty message"),
    "param bomb": (multipart(107, [TEXT, PARAM_BOMB]), "stored"),
    "zip bomb": (multipart(108, [TEXT, attachment("bomb.docx", zip_bomb_docx())]), "stored"),
    "billion laughs": (multipart(109, [TEXT, attachment("lol.docx", billion_laughs_docx())]), "stored"),
    "big attachment": (multipart(110, [TEXT, attachment("big.bin", b"\x01" * (2 << 20))]), "stored"),
    "evil names": (multipart(111, [TEXT] + [attachment(n, n.encode("utf-8", "replace") or b"x") for n in EVIL_NAMES]
                             + [attachment("", b"encoded", name_param="filename*=utf-8''..%2F..%2Fencoded.txt")]), "stored"),
    "html scripts": ((header(112, extra="Content-Type: text/html\n") + "\n<script>steal(document.cookie)</script>"
                      "<p onclick='x()'>hello <b>world</b></p><style>p{}</style><!-- unclosed").encode(), "stored"),
    "broken boundary": ((header(113, extra="Content-Type: multipart/mixed; boundary=no\n") + "\n--other\n\nhello\n").encode(), "stored"),
    "no body separator": (b"From: a@b.org\nSubject: x\nMessage-ID: <h114@example>\nthe body runs on, no blank line\n", "stored"),
    "bad charsets": ((header(115, extra="Content-Type: multipart/mixed; boundary=c\n") + "\n" + BAD_CHARSETS).encode("latin-1"), "stored"),
    "encoded words": ((header(116, "=?utf-8?q?abc?= " * 40_000)).encode() + b"\nbody\n", "stored"),
    "hostile addresses": (header(117, extra=BAD_ADDRESSES).encode() + b"\nbody\n", "stored"),
    "attached messages": (attached_messages(118, 8), "stored"),
    "broken base64": (multipart(119, [TEXT, BAD_BASE64]), "stored"),
    "nul and 8-bit": ((header(120, "Caf\u00e9 \u00fcber") + "\n\x00body\x00 with nul\n").encode("utf-8"), "stored"),
    "huge line": (header(121).encode() + b"\n" + b"w" * (3 << 20) + b"\n", "stored"),
    "unclosed html comment": ((header(122, extra="Content-Type: text/html\n") + "\n" + "<!--" * 200_000).encode(), "stored"),
}


def files_outside(root: Path, case: Path) -> set[Path]:
    return {p for p in root.rglob("*") if case not in p.parents and p != case}


def test_a_hostile_mailbox_goes_in_safely(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the splitter's limit, lowered so the test needs 5 MiB and not 65 MiB to cross it
    monkeypatch.setattr(mbox, "MAX_MESSAGE", 4 << 20)
    good = [make_message(i).encode() for i in range(6)]
    names = list(HOSTILE)
    messages: list[bytes] = []
    for i, name in enumerate(names):
        messages.append(good[i % len(good)] if i < len(good) else make_message(200 + i).encode())
        messages.append(HOSTILE[name][0])
    data, offsets = mbox_bytes(messages)
    box = tmp_path / "in" / "hostile.mbox"
    box.parent.mkdir()
    box.write_bytes(data)
    case = tmp_path / "case"
    before = files_outside(tmp_path, case)
    with Case.open(case, create=True) as c:
        [report] = c.ingest([box])
        stored = {r[0]: r for r in c.store.query("SELECT message_id, id, length(body), subject, body FROM messages WHERE parent IS NULL")}
        rejects = {r[1]: r for r in c.store.query("SELECT path, record, reason FROM rejects")}
        atts = c.store.query("SELECT a.name, a.sha256, a.size, length(a.text), a.error, m.message_id FROM attachments a "
                             "JOIN messages m ON a.message = m.id")
        children = c.store.query("SELECT count(*) FROM messages WHERE relation = 'attached'")[0][0]
    assert report.records + report.rejected == len(messages)
    # every good message went in, including those after each hostile one
    goods = [m for i, m in enumerate(messages) if i % 2 == 0]
    for raw in goods:
        mid = re.search(rb"Message-ID: (<[^>]+>)", raw)
        assert mid is not None and mid.group(1).decode() in stored
    # each hostile one: stored, or rejected naming the file and its record
    for k, name in enumerate(names):
        raw, expected = HOSTILE[name]
        record = f"offset {offsets[2 * k + 1]}"
        if expected == "stored":
            mid = re.search(rb"Message-ID: (<[^>]+>)", raw)
            assert mid is not None and mid.group(1).decode() in stored, name
            assert record not in rejects, (name, rejects.get(record))
        else:
            assert record in rejects, name
            path, _, reason = rejects[record]
            assert path == str(box) and expected in reason, (name, reason)
    # bounded: bodies, subjects, attachment text; names are labels without separators
    assert all(r[2] <= MAX_BODY + 100 and len(r[3]) <= MAX_FIELD for r in stored.values())
    assert all((length or 0) <= MAX_TEXT for _, _, _, length, _, _ in atts)
    for name, *_ in atts:
        assert name and "/" not in name and "\\" not in name and "\x00" not in name and len(name.encode()) <= 255
        assert not name.startswith(".") and "\u202e" not in name
    # the script is inert text at most, and here not even that
    html_body = stored["<h112@example>"][4]
    assert "hello world" in html_body and "steal" not in html_body and "p{}" not in html_body
    assert "hello" in stored["<h113@example>"][4]
    errors = {e for *_, e, mid in atts if mid == "<h108@example>" or mid == "<h109@example>"}
    assert any("zip bomb refused" in (e or "") for e in errors) and any("DTD" in (e or "") for e in errors)
    # attached messages are children, followed five deep
    assert children == 5
    # nothing outside the case folder was written; the blobs are named by their hash only
    assert files_outside(tmp_path, case) == before
    for p in (case / "blobs").rglob("*"):
        assert p.is_dir() and re.fullmatch(r"[0-9a-f]{2}", p.name) or re.fullmatch(r"[0-9a-f]{64}", p.name), p


def test_deep_nesting_is_a_reject_even_where_the_prescan_would_let_it_through(monkeypatch: pytest.MonkeyPatch) -> None:
    # the standard library's parser recurses once a level and fails near the recursion limit (~1,000)
    monkeypatch.setattr(email_parse, "MAX_MIME_DEPTH", 100_000)
    result = parse_one(ORIGIN, deep_multipart(1, 1_100), "")
    assert isinstance(result, Reject) and "nested" in result.reason


@pytest.mark.parametrize("depth, rejected", [(39, False), (40, False), (41, True)])
def test_mime_depth_limit_boundary(depth: int, rejected: bool) -> None:
    # deep_multipart(n, d) holds d multiparts around one text part: d levels of containers
    result = parse_one(ORIGIN, deep_multipart(1, depth), "")
    assert isinstance(result, Reject) == rejected
    if not rejected:
        assert isinstance(result, list) and isinstance(result[0], Message) and result[0].body.strip() == "deep"


def test_attached_messages_are_children_five_deep_and_kept_as_attachments() -> None:
    msg = parse_message(attached_messages(1, 8), ORIGIN)
    chain = []
    node = msg
    while node.children:
        [child] = node.children
        assert child.relation == "attached"
        [att] = [a for a in node.attachments if a.content_type == "message/rfc822" or a.name.endswith(".eml")]
        assert att.data and len(att.sha256) == 64 and "child message" in att.error
        chain.append(child)
        node = child
    assert len(chain) == 5 and chain[0].subject == "level 0" and chain[1].subject == "level 1"
    [last] = [a for a in node.attachments if a.name.endswith(".eml")]
    assert "followed 5 deep" in last.error


@pytest.mark.parametrize("over", [0, 1])
def test_an_attachment_over_the_part_limit_is_kept_by_hash_not_stored(monkeypatch: pytest.MonkeyPatch, over: int) -> None:
    monkeypatch.setattr(email_parse, "MAX_PART_BYTES", 1 << 20)   # 32 MiB in use; the test needs less
    data = b"\x02" * ((1 << 20) + over)
    msg = parse_message(multipart(1, [TEXT, attachment("huge.bin", data)]), ORIGIN)
    [att] = msg.attachments
    assert att.size == len(data) and att.sha256 == hashlib.sha256(data).hexdigest()
    if over:
        assert att.data == b"" and "not stored" in att.error and "1,048,576-byte limit for one attachment" in att.error
    else:
        assert att.data == data and "not stored" not in att.error


def test_stored_attachments_per_message_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(email_parse, "MAX_STORED_BYTES", 3000)
    msg = parse_message(multipart(1, [TEXT] + [attachment(f"f{i}.txt", bytes([65 + i]) * 1000, "text/plain") for i in range(5)]), ORIGIN)
    kept = [a for a in msg.attachments if a.data]
    assert len(kept) == 3 and all("not stored" in a.error for a in msg.attachments[3:])
    assert msg.attachments[0].text == "A" * 1000


def test_attachment_text_budget_per_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(email_parse, "MAX_TEXT_ATTACHMENTS", 2)
    msg = parse_message(multipart(1, [TEXT] + [attachment(f"f{i}.txt", f"text {i}".encode(), "text/plain") for i in range(4)]), ORIGIN)
    assert [a.text for a in msg.attachments] == ["text 0", "text 1", "", ""]
    assert "budget" in msg.attachments[2].error


def test_good_attachments_get_their_text() -> None:
    parts = [TEXT, attachment("terms.docx", GOOD_DOCX), attachment("invoice.pdf", GOOD_PDF, "application/pdf")]
    msg = parse_message(multipart(1, parts), ORIGIN)
    docx, pdf = msg.attachments
    assert "Term sheet for the parking contract" in docx.text and docx.error == ""
    assert "Amount due: $4,325,000" in pdf.text or pdf.error == "PDF text extraction unavailable"


def test_a_msg_attachment_that_is_not_outlook_stays_an_attachment() -> None:
    msg = parse_message(multipart(1, [TEXT, attachment("mail.msg", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)]), ORIGIN)
    [att] = msg.attachments
    assert msg.children == [] and att.data and ("could not be read" in att.error or "msg support unavailable" in att.error)


def test_an_attached_outlook_msg_becomes_a_child_with_its_attachments_read(shared_data: Path) -> None:
    pytest.importorskip("interlock.ingest.msg")
    data = (shared_data / "email-format-fixtures" / "unicode.msg").read_bytes()
    msg = parse_message(multipart(1, [TEXT, attachment("forwarded.msg", data)]), ORIGIN)
    [att] = msg.attachments
    [child] = msg.children
    assert att.size == len(data) and att.data == data and "child message" in att.error
    assert child.relation == "attached" and child.subject == "Test for TIF files" and child.sender is not None
    assert child.origin.record == "<h1@example>, attachment 1"
    assert [a.name for a in child.attachments] == ["import OleFileIO.tif", "raised value error.tif"]
    assert all("an image" in a.error for a in child.attachments)
