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
