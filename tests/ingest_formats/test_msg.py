"""msg: Outlook .msg files, synthetic ones built here and the real fixtures in ../shared/data."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import struct
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from extract_msg.ole_writer import OleWriter

import interlock.ingest.msg  # noqa: F401  (registers the kind)
from interlock.case import Case
from interlock.entities import Origin
from interlock.errors import RecordError
from interlock.ingest.msg import MAX_DEPTH, MapiFields, MsgIngester, build_message, parse_msg_bytes
from interlock.records import Address

FIXTURES = "email-format-fixtures"
ORIGIN = Origin("source", "file", "in/test.msg", "test.msg")


# -- a tiny .msg writer: just the streams extract-msg and Outlook need ---------------------------


def filetime(when: datetime) -> int:
    return int((when - datetime(1601, 1, 1)).total_seconds() * 10_000_000)


def properties(fixed: list[tuple[int, int]], header: bytes) -> bytes:
    return header + b"".join(struct.pack("<IIQ", tag, 6, value) for tag, value in fixed)


def add_message(w: OleWriter, prefix: list[str], subject: str = "Hello",
                sender: tuple[str, str] | None = ("Dana Ortiz", "DOrtiz@Lakeport.gov"),
                recipients: tuple[tuple[int, str, str], ...] = ((1, "Sam Reyes", "sam@reyes.com"),), body: str = "Body text",
                html: bytes = b"", submitted: datetime | None = datetime(2021, 3, 4, 5, 6, 7), headers: str = "",
                attachments: tuple[tuple[str, bytes], ...] = (), embedded: tuple[dict[str, Any], ...] = (),
                item_class: str = "IPM.Note") -> None:
    """Write one message's streams under ``prefix`` (the root, or an embedded message's storage)."""

    def string(tag: int, value: str, where: list[str] = prefix) -> None:
        w.addEntry([*where, f"__substg1.0_{tag:04X}001F"], data=value.encode("utf-16-le"))

    fixed = [(0x340D0003, 0x40000)] + ([(0x00390040, filetime(submitted))] if submitted else [])
    count = len(attachments) + len(embedded)
    header = struct.pack("<8xIIII", len(recipients), count, len(recipients), count) + (b"" if prefix else b"\0" * 8)
    w.addEntry([*prefix, "__properties_version1.0"], data=properties(fixed, header))
    string(0x001A, item_class)
    string(0x0037, subject)
    if body:
        string(0x1000, body)
    if html:
        w.addEntry([*prefix, "__substg1.0_10130102"], data=html)
    if sender:
        string(0x0C1A, sender[0])
        string(0x0C1F, sender[1])
    if headers:
        string(0x007D, headers)
    for i, (kind, name, address) in enumerate(recipients):
        where = [*prefix, f"__recip_version1.0_#{i:08X}"]
        w.addEntry(where, storage=True)
        w.addEntry([*where, "__properties_version1.0"], data=properties([(0x0C150003, kind)], b"\0" * 8))
        string(0x3001, name, where)
        string(0x3003, address, where)
    for i, (name, data) in enumerate(attachments):
        where = [*prefix, f"__attach_version1.0_#{i:08X}"]
        w.addEntry(where, storage=True)
        w.addEntry([*where, "__properties_version1.0"], data=properties([(0x37050003, 1)], b"\0" * 8))
        string(0x3707, name, where)
        w.addEntry([*where, "__substg1.0_37010102"], data=data)
    for i, inner in enumerate(embedded, start=len(attachments)):
        where = [*prefix, f"__attach_version1.0_#{i:08X}"]
        w.addEntry(where, storage=True)
        w.addEntry([*where, "__properties_version1.0"], data=properties([(0x37050003, 5)], b"\0" * 8))
        w.addEntry([*where, "__substg1.0_3701000D"], storage=True)
        add_message(w, [*where, "__substg1.0_3701000D"], **inner)


def msg_bytes(**fields: Any) -> bytes:
    w = OleWriter()
    for stream in ("00020102", "00030102", "00040102"):
        w.addEntry(["__nameid_version1.0", f"__substg1.0_{stream}"], data=b"")
    add_message(w, [], **fields)
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


# -- the header-or-property rules, without files ---------------------------------------------------


def test_headers_win_and_properties_fill_in() -> None:
    fields = MapiFields(
        headers="Microsoft Mail Internet Headers Version 2.0\r\nFrom: \"Ortiz, Dana\" <DOrtiz@lakeport.gov>\r\n"
                "To: Sam Reyes <sam@reyes.com>\r\nDate: Mon, 18 Nov 2013 10:26:24 +0200\r\nMessage-ID: <a@b>\r\n",
        sender_name="Someone Else", sender_email="else@example.com",
        recipients=[(1, "Ignored", "ignored@example.com"), (3, "Hidden", "Hidden@Example.com"),
                    (2, "EX only", "/O=ORG/OU=X/CN=RECIPIENTS/CN=JDOE")],
        submitted=datetime(2001, 1, 1), message_id="<property@id>", subject="  Re:   the  plan ",
    )
    msg = build_message(fields, ORIGIN, "Inbox")
    assert msg.sender == Address("dortiz@lakeport.gov", "Ortiz, Dana")
    assert msg.to == [Address("sam@reyes.com", "Sam Reyes")]         # the header's To, not the property's
    assert msg.bcc == [Address("hidden@example.com", "Hidden")]       # no Bcc header: the recipients table
    assert msg.cc == []                                               # an Exchange DN is no e-mail address
    assert (msg.sent_at, msg.date_raw) == (datetime(2013, 11, 18, 8, 26, 24), "Mon, 18 Nov 2013 10:26:24 +0200")
    assert (msg.message_id, msg.subject, msg.folder, msg.meta) == ("<a@b>", "Re: the plan", "Inbox", {})


def test_properties_alone() -> None:
    msg = build_message(MapiFields(sender_name="sam@reyes.com", sender_email="SAM@reyes.com", delivered=datetime(2020, 5, 6, 7, 8, 9),
                                   html="<p>Hi<br>there</p><script>x()</script>", item_class="IPM.Schedule.Meeting.Request"), ORIGIN)
    assert msg.sender == Address("sam@reyes.com", "")   # a display name that is only the address is no name
    assert (msg.sent_at, msg.date_raw) == (datetime(2020, 5, 6, 7, 8, 9), "2020-05-06T07:08:09")
    assert msg.body == "Hi\nthere"
    assert msg.meta == {"item_class": "IPM.Schedule.Meeting.Request"}


def test_a_draft_has_no_sent_date() -> None:
    msg = build_message(MapiFields(submitted=datetime(1601, 1, 1), created=datetime(2016, 2, 23, 14, 57, 50)), ORIGIN)
    assert msg.sent_at is None and msg.date_raw == ""
    assert msg.meta == {"created": "2016-02-23T14:57:50"}


# -- synthetic .msg files ---------------------------------------------------------------------------


def test_synthetic_msg() -> None:
    data = msg_bytes(recipients=((1, "Sam Reyes", "sam@reyes.com"), (2, "Ana", "ana@example.org"), (3, "Bo", "bo@example.org")),
                     attachments=(("../../etc/passwd", b"root:x"), ("term sheet.pdf", b"%PDF-1.4")))
    msg = parse_msg_bytes(data, ORIGIN)
    assert msg.sender == Address("dortiz@lakeport.gov", "Dana Ortiz")
    assert [a.address for a in msg.to + msg.cc + msg.bcc] == ["sam@reyes.com", "ana@example.org", "bo@example.org"]
    assert (msg.subject, msg.body, msg.sent_at) == ("Hello", "Body text", datetime(2021, 3, 4, 5, 6, 7))
    assert msg.origin.record == "test.msg"
    passwd, pdf = msg.attachments
    assert (passwd.name, passwd.size, passwd.data) == ("passwd", 6, b"root:x")
    assert (pdf.name, pdf.content_type) == ("term sheet.pdf", "application/pdf")
    assert (pdf.sha256, pdf.size) == (hashlib.sha256(b"%PDF-1.4").hexdigest(), 8)
    assert msg.children == []


def test_html_only_body() -> None:
    msg = parse_msg_bytes(msg_bytes(body="", html=b"<html><body><p>Meet <b>Thursday</b></p></body></html>"), ORIGIN)
    assert msg.body == "Meet Thursday"


def test_embedded_and_attached_messages_become_children() -> None:
    inner = {"subject": "Term sheet", "sender": ("Third Party", "tp@example.com"), "body": "see attached"}
    attached_file = msg_bytes(subject="Forwarded as a file", body="file body")
    msg = parse_msg_bytes(msg_bytes(embedded=(inner,), attachments=(("fwd.msg", attached_file),)), ORIGIN)
    assert [a.name for a in msg.attachments] == ["fwd.msg"]           # the file stays an attachment too
    assert sorted((c.subject, c.relation) for c in msg.children) == [("Forwarded as a file", "attached"), ("Term sheet", "attached")]
    embedded = next(c for c in msg.children if c.subject == "Term sheet")
    assert embedded.sender == Address("tp@example.com", "Third Party")
    assert embedded.origin.record == "test.msg, attachment 2"


def test_nesting_is_bounded() -> None:
    inner: dict[str, Any] = {"subject": "level 7"}
    for level in range(6, 0, -1):
        inner = {"subject": f"level {level}", "embedded": (inner,)}
    msg = parse_msg_bytes(msg_bytes(subject="level 0", embedded=(inner,)), ORIGIN)
    depth, node = 0, msg
    while node.children:
        (node,) = node.children
        depth += 1
    assert (depth, node.subject) == (MAX_DEPTH, f"level {MAX_DEPTH}")


def test_what_is_not_a_msg() -> None:
    with pytest.raises(RecordError, match="not an Outlook .msg file"):
        parse_msg_bytes(os.urandom(4096), ORIGIN)
    with pytest.raises(RecordError, match="damaged Outlook .msg"):
        parse_msg_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096), ORIGIN)
    w = OleWriter()
    w.addEntry(["WordDocument"], data=b"x" * 5000)
    out = io.BytesIO()
    w.write(out)
    with pytest.raises(RecordError, match="no message class"):
        parse_msg_bytes(out.getvalue(), ORIGIN)


def test_sniff_and_files(tmp_path: Path) -> None:
    ing = MsgIngester()
    (tmp_path / "a.msg").write_bytes(b"x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.MSG").write_bytes(b"x")
    (tmp_path / "index.txt").write_text("list")
    assert ing.sniff(tmp_path / "a.msg") and ing.sniff(tmp_path)
    assert [p.name for p in ing.files(tmp_path)] == ["a.msg", "b.MSG"]
    (tmp_path / "c.eml").write_text("x")
    (tmp_path / "d.eml").write_text("x")
    assert not ing.sniff(tmp_path)                                    # two .msg of five files is not "mostly"
    assert not ing.sniff(tmp_path / "c.eml") and not ing.sniff(tmp_path / "missing")


def test_a_folder_with_a_corrupt_file(tmp_path: Path) -> None:
    folder = tmp_path / "release"
    (folder / "2021").mkdir(parents=True)
    (folder / "2021" / "good.msg").write_bytes(msg_bytes())
    (folder / "broken.msg").write_bytes(os.urandom(2048))
    with Case.open(tmp_path / "case", create=True) as case:
        (report,) = case.ingest([folder], "msg")
        assert (report.records, report.rejected) == (1, 1)
        assert case.store.query("SELECT record, folder, from_addr FROM messages") == [("good.msg", "2021", "dortiz@lakeport.gov")]
        ((record, reason),) = case.store.query("SELECT record, reason FROM rejects")
        assert record == "broken.msg" and "not an Outlook .msg file" in reason


# -- the real fixtures ------------------------------------------------------------------------------


def real(shared_data: Path, name: str) -> tuple[bytes, Origin]:
    path = shared_data / FIXTURES / name
    return path.read_bytes(), Origin("source", "file", str(path), name)


@pytest.mark.slow
def test_unicode_msg(shared_data: Path) -> None:
    msg = parse_msg_bytes(*real(shared_data, "unicode.msg"))
    assert msg.sender == Address("brizhou@gmail.com", "Brian Zhou")
    assert (msg.to, msg.cc, msg.bcc) == ([Address("brianzhou@me.com")], [Address("brizhou@gmail.com", "Brian Zhou")], [])
    assert msg.subject == "Test for TIF files"
    assert (msg.sent_at, msg.date_raw) == (datetime(2013, 11, 18, 8, 26, 24), "Mon, 18 Nov 2013 10:26:24 +0200")
    assert msg.message_id == "<CADtJ4eNjQSkGcBtVteCiTF+YFG89+AcHxK3QZ=-Mt48xygkvdQ@mail.gmail.com>"
    assert msg.body.startswith("This is a test email to experiment with the MS Outlook MSG Extractor")
    assert [(a.name, a.size, a.content_type) for a in msg.attachments] == [
        ("import OleFileIO.tif", 969_674, "image/tiff"), ("raised value error.tif", 1_033_142, "image/tiff")]
    assert all(len(a.data) == a.size for a in msg.attachments)


@pytest.mark.slow
def test_strange_date_msg(shared_data: Path) -> None:
    """An unsent test message: no From, no sent or delivery time, only its creation time."""
    msg = parse_msg_bytes(*real(shared_data, "strangeDate.msg"))
    assert msg.sender is None
    assert msg.to == [Address("time2talk@online-convert.com")]
    assert msg.subject == "MSG Test File"
    assert (msg.sent_at, msg.date_raw, msg.message_id) == (None, "", "")
    assert msg.meta == {"created": "2016-02-23T14:57:50.904000"}
    assert msg.body.startswith("MSG test file\nPurpose: Provide example of this file type")


@pytest.mark.slow
def test_real_and_corrupt_in_one_folder(shared_data: Path, tmp_path: Path) -> None:
    folder = tmp_path / "release"
    folder.mkdir()
    shutil.copyfile(shared_data / FIXTURES / "strangeDate.msg", folder / "strangeDate.msg")
    (folder / "corrupt.msg").write_bytes(os.urandom(31_744))
    assert MsgIngester().sniff(folder)
    with Case.open(tmp_path / "case", create=True) as case:
        (report,) = case.ingest([folder], "msg")
        assert (report.records, report.rejected) == (1, 1)
        assert case.store.query("SELECT record, subject FROM messages") == [("strangeDate.msg", "MSG Test File")]
        assert case.store.query("SELECT record FROM rejects") == [("corrupt.msg",)]
