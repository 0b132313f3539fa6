from __future__ import annotations

import base64

import pytest

from interlock.entities import Origin
from interlock.errors import RecordError
from interlock.ingest.email_parse import html_to_text, parse_date, parse_message, safe_filename

ORIGIN = Origin("src", "file", "box.mbox", "offset 0")


def test_plain_message_headers_and_body() -> None:
    raw = (b"From: \"Ortiz, Dana\" <DOrtiz@Lakeport.gov>\nTo: Sam Reyes <sam.reyes@gmail.com>, x@y.org\n"
           b"Cc: c@d.org\nSubject: =?utf-8?q?Caf=C3=A9_plans?=\nDate: Tue, 02 Apr 2019 10:00:00 -0500\n"
           b"Message-ID: <abc@lakeport.gov>\nIn-Reply-To: <prev@x>\n\nHello there.\n")
    msg = parse_message(raw, ORIGIN)
    assert msg.sender is not None and msg.sender.address == "dortiz@lakeport.gov" and msg.sender.name == "Ortiz, Dana"
    assert [a.address for a in msg.to] == ["sam.reyes@gmail.com", "x@y.org"]
    assert msg.subject == "Café plans"
    assert msg.sent_at is not None and msg.sent_at.isoformat() == "2019-04-02T15:00:00"
    assert msg.origin.record == "<abc@lakeport.gov>"
    assert msg.in_reply_to == "<prev@x>"
    assert "Hello there." in msg.body


def test_html_only_body_is_text_without_scripts() -> None:
    raw = (b"From: a@b.gov\nSubject: s\nContent-Type: text/html; charset=utf-8\n\n"
           b"<html><head><script>alert(1)</script></head><body><p>Visible &amp; kept</p></body></html>")
    msg = parse_message(raw, ORIGIN)
    assert msg.body == "Visible & kept"
    assert "alert" not in html_to_text("<script>alert(1)</script>ok")


def test_attachment_is_hashed_and_its_name_cannot_escape() -> None:
    payload = base64.b64encode(b"%PDF-1.4 term sheet").decode()
    raw = ("From: a@b.gov\nTo: c@d.com\nSubject: Fwd: term sheet\nMIME-Version: 1.0\n"
           "Content-Type: multipart/mixed; boundary=XX\n\n--XX\nContent-Type: text/plain\n\nsee attached\n"
           "--XX\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=\"../../etc/Term Sheet.pdf\"\n"
           f"Content-Transfer-Encoding: base64\n\n{payload}\n--XX--\n").encode()
    msg = parse_message(raw, ORIGIN)
    assert msg.body.strip() == "see attached"
    [att] = msg.attachments
    assert att.name == "Term Sheet.pdf" and att.size == len(b"%PDF-1.4 term sheet") and len(att.sha256) == 64
    assert safe_filename("..\\..\\windows\\x.exe") == "x.exe" and safe_filename("...") == "attachment"


def test_unknown_charset_does_not_reject() -> None:
    raw = b"From: a@b.gov\nSubject: s\nContent-Type: text/plain; charset=x-no-such\n\ncaf\xe9\n"
    assert "caf" in parse_message(raw, ORIGIN).body


@pytest.mark.parametrize("raw, reason", [
    (b"", "empty"), (b"   \n\n", "empty"), (b"just some text\nwithout headers\n", "no message headers"),
])
def test_unreadable_messages_are_rejected_with_a_reason(raw: bytes, reason: str) -> None:
    with pytest.raises(RecordError, match=reason) as err:
        parse_message(raw, ORIGIN)
    assert "box.mbox:offset 0" in str(err.value)


def test_dates_outside_sense_are_dropped_but_kept_raw() -> None:
    assert parse_date("Mon, 1 Jan 1979 00:00:00 +0000") is None
    assert parse_date("not a date") is None
    assert parse_date("Mon, 1 Jan 1980 00:00:00 +0000") is not None
    msg = parse_message(b"From: a@b.gov\nDate: garbage\n\nx", ORIGIN)
    assert msg.sent_at is None and msg.date_raw == "garbage"


@pytest.mark.parametrize("value", [
    "a@b.com", "A B <a@b.com>", "a@b.com, C D <c@d.org>", '"Ortiz, Dana" <d@x.gov>', "x@y.com (Comment)",
    "Group: a@b.com, c@d.com;", "<a@b.com>", " , a@b.com,, ", "Dana Ortiz <DOrtiz@Lakeport.GOV>",
])
def test_fast_address_split_agrees_with_the_standard_library(value: str) -> None:
    from email.utils import getaddresses

    from interlock.ingest.email_parse import split_addresses

    def clean(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
        return [(n.strip(), a.lower()) for n, a in pairs if a]

    assert clean(split_addresses([value])) == clean(getaddresses([value]))


# -- hostile and broken mail (more in tests/ingest_safety) ------------------------------------------------


def test_raw_8bit_headers_are_read_as_utf8_else_windows_1252() -> None:
    from interlock.ingest.email_parse import decode_words

    raw = "From: Zoë <z@x.org>\nSubject: Café =?utf-8?q?=C3=BCber?=\n\nx".encode()
    msg = parse_message(raw, ORIGIN)
    assert msg.subject == "Café über" and msg.sender is not None and msg.sender.name == "Zoë"
    assert parse_message(b"From: a@b.org\nSubject: Caf\xe9\n\nx", ORIGIN).subject == "Café"
    assert decode_words("=?utf-8?b?not base64!?= kept") == "=?utf-8?b?not base64!?= kept"
    assert decode_words("a\x00b") == "ab"


@pytest.mark.parametrize("name, safe", [
    ("../../etc/passwd", "passwd"), ("/abs/path.txt", "path.txt"), ("C:\\Windows\\evil.exe", "evil.exe"),
    ("\\\\server\\share\\x.doc", "x.doc"), ("a\x00b.txt", "ab.txt"), ("\u202egpj.exe", "gpj.exe"), ("..", "attachment"),
    ("Re: minutes?.pdf", "Re_ minutes_.pdf"), ("report. ", "report"), ("", "attachment"),
])
def test_safe_filename_is_a_label_never_a_path(name: str, safe: str) -> None:
    assert safe_filename(name) == safe


def test_safe_filename_cuts_long_names_keeping_the_extension() -> None:
    assert safe_filename("y" * 5000 + ".pdf") == "y" * 251 + ".pdf"
    cut = safe_filename("é" * 300)
    assert len(cut.encode()) <= 255 and cut == "é" * 127


def test_base64_padded_line_by_line_comes_out_whole() -> None:
    data = bytes(range(256)) * 3
    lines = "\n".join(base64.b64encode(data[i:i + 56]).decode() for i in range(0, len(data), 56))  # each line padded
    raw = ("From: a@b.gov\nSubject: s\nContent-Type: multipart/mixed; boundary=XX\n\n--XX\nContent-Type: text/plain\n\nhi\n"
           f"--XX\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n"
           f"Content-Disposition: attachment; filename=x.bin\n\n{lines}\n--XX--\n").encode()
    [att] = parse_message(raw, ORIGIN).attachments
    assert att.size == len(data) and att.data == data


def test_attached_eml_file_and_encoded_rfc822_part_become_children() -> None:
    inner = b"From: in@x.org\nSubject: the inner one\nMessage-ID: <inner@x>\n\ninner body\n"
    raw = ("From: a@b.gov\nSubject: outer\nMessage-ID: <outer@x>\nContent-Type: multipart/mixed; boundary=XX\n\n"
           "--XX\nContent-Type: text/plain\n\nouter body\n"
           "--XX\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n"
           f"Content-Disposition: attachment; filename=\"fwd.eml\"\n\n{base64.b64encode(inner).decode()}\n"
           "--XX\nContent-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n"
           f"{base64.b64encode(inner.replace(b'inner@x', b'inner2@x')).decode()}\n--XX--\n").encode()
    msg = parse_message(raw, ORIGIN)
    assert msg.body.strip() == "outer body"
    assert [c.message_id for c in msg.children] == ["<inner@x>", "<inner2@x>"]
    assert all(c.relation == "attached" and c.body.strip() == "inner body" for c in msg.children)
    assert [a.name for a in msg.attachments] == ["fwd.eml", "part-3.eml"] and all(a.data for a in msg.attachments)
    assert msg.children[0].origin.record == "<inner@x>"


def test_broken_multipart_is_read_as_text() -> None:
    raw = b"From: a@b.gov\nSubject: s\nContent-Type: multipart/mixed; boundary=never\n\n--other\n\nthe text\n"
    msg = parse_message(raw, ORIGIN)
    assert "the text" in msg.body and msg.attachments == []
    no_boundary = b"From: a@b.gov\nSubject: s\nContent-Type: multipart/mixed\n\nplain after all\n"
    assert parse_message(no_boundary, ORIGIN).body.strip() == "plain after all"


def test_addresses_that_break_the_standard_library_are_still_read() -> None:
    raw = ("From: a@b.gov\nTo: " + "(" * 3000 + "c@d.org\nCc: x@" + "." * 20_000 + "@\n\nx").encode()
    msg = parse_message(raw, ORIGIN)   # getaddresses recursed too deep; names.parse_address was quadratic
    assert [a.address for a in msg.to] == ["c@d.org"] and msg.cc == []


def test_what_is_cut_is_said(monkeypatch: pytest.MonkeyPatch) -> None:
    from interlock.ingest import email_parse

    monkeypatch.setattr(email_parse, "MAX_ADDRESSES", 2)
    monkeypatch.setattr(email_parse, "MAX_BODY", 10)
    monkeypatch.setattr(email_parse, "MAX_PARTS", 3)
    raw = ("From: a@b.gov\nTo: c@d.org, e@f.org, g@h.org\nSubject: s\nContent-Type: multipart/mixed; boundary=XX\n\n"
           + "".join(f"--XX\nContent-Type: text/plain\n\nline {i} of the body\n" for i in range(5)) + "--XX--\n").encode()
    msg = parse_message(raw, ORIGIN)
    assert [a.address for a in msg.to] == ["c@d.org", "e@f.org"]
    assert msg.body.startswith("line 0 of ") and "[interlock: body cut at 10 of" in msg.body
    assert msg.meta["truncated"] == ["to: 3 addresses, the first 2 kept", "MIME parts: only the first 3 read",
                                     "body: 37 characters, the first 10 kept"]
