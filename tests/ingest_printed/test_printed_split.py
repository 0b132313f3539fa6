"""printed: messages rebuilt from the text of printed e-mail (Outlook prints, State Department FOIA releases)."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interlock.entities import Origin
from interlock.ingest.printed import (
    NO_HEADER,
    Page,
    document_text,
    exemption_codes,
    parse_address,
    parse_printed_date,
    split_printed,
)
from interlock.records import Address, Message, Reject

ORIGIN = Origin("source-sha", "file-sha", "release/C05739545.txt", "C05739545.txt")
BANNER = "     UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739545 Date: 05/13/2015"

OUTLOOK = """\
From:               Grimaldi, John J. (BEGA) <john.grimaldi@dc.gov>
Sent:               Monday, October 30, 2017 8:28:32 AM
To:                 Intrieri, Alana (EOM); Collier, Tameka (BEGA); Flowers, Brian (BEGA);
                    Cavendish, Betsy (EOM)
Subject:            Re: possible to delay mtg a day or so? A subject long enough that it
                    wraps onto a second line
Attachments:        Bill 22-136.pdf; Section-by-section.docx

Thanks, Alana. I'm glad we finally connected.

Jack

-----Original Message-----
From: Intrieri, Alana (EOM)
Sent: Friday, October 27, 2017 4:14 PM
To: Grimaldi, John J. (BEGA)
Cc: Collier, Tameka (BEGA) <tameka.collier@dc.gov>; Flowers, Brian (BEGA) <Brian.Flowers@dc.gov>; Cavendish,
Betsy (EOM) <betsy.cavendish@dc.gov>
Subject: RE: possible to delay mtg a day or so?

Mr. Grimaldi:

I am sorry that we have not been able to connect.
"""

OUTLOOK_PAGE_2 = """\
From: Grimaldi, John J. (BEGA)
Sent: Monday, October 02, 2017 1:51 PM
To: Intrieri, Alana (EOM)
Subject: possible to delay mtg a day or so?

Alana, sorry we missed you at the meeting this morning.
"""

STATE_PAGE_1 = f"""\
{BANNER}



                                                                            RELEASE IN
                                                                            PART B5,B6
From:                             H <hrod17@clintonemail.com>
Sent:                             Monday, December 20, 2010 12:36 PM
To:                               'abedinh@state.gov'; Mills, Cheryl D
Cc:                               Sullivan, Jacob J
Subject:                          Re: Call with the Minister

Pls set up for tomorrow.

    Original Message
From: Abedin, Huma [mailto:AbedinH©state.gov]
Sent: Mon Dec 20 11:02:13 2010
To: H
Subject: Call with the Minister

His number is                                                                        B6
He is free after 3.


{BANNER}
"""

STATE_PAGE_2 = f"""{BANNER}


We should discuss the draft first.                                                   B5
Classified by DAS, A/GIS, DoS on 05/13/2015 — Class: CONFIDENTIAL — Reason: 1.4(D) — Declassify on: 12/20/2035
His aide's cell is (b)(6) and the embassy's is [REDACTED].

{BANNER}
"""


def split(*texts: str, confidences: list[float] | None = None) -> list[Message | Reject]:
    pages = [Page(n, t, confidences[n - 1] if confidences else None) for n, t in enumerate(texts, start=1)]
    return split_printed(pages, ORIGIN)


def only_message(*texts: str, confidences: list[float] | None = None) -> Message:
    out = split(*texts, confidences=confidences)
    assert len(out) == 1 and isinstance(out[0], Message), out
    return out[0]


def span_text(msg: Message, *texts: str) -> str:
    start, end = (int(x) for x in str(msg.meta["span"]).split("-"))
    return document_text([Page(n, t) for n, t in enumerate(texts, start=1)])[start:end]


# -- Outlook prints --------------------------------------------------------------------------------------

def test_outlook_print_top_message_with_wrapped_headers() -> None:
    msg = only_message(OUTLOOK)
    assert msg.sender == Address("john.grimaldi@dc.gov", "Grimaldi, John J. (BEGA)")
    assert msg.sent_at == datetime(2017, 10, 30, 8, 28, 32)
    assert msg.date_raw == "Monday, October 30, 2017 8:28:32 AM"
    assert [a.name for a in msg.to] == ["Intrieri, Alana (EOM)", "Collier, Tameka (BEGA)", "Flowers, Brian (BEGA)",
                                        "Cavendish, Betsy (EOM)"]
    assert all(a.address == "" for a in msg.to)
    assert msg.subject == "Re: possible to delay mtg a day or so? A subject long enough that it wraps onto a second line"
    assert [a.name for a in msg.attachments] == ["Bill 22-136.pdf", "Section-by-section.docx"]
    assert msg.body == "Thanks, Alana. I'm glad we finally connected.\n\nJack"
    assert msg.message_id == "" and msg.relation == ""


def test_outlook_quoted_history_becomes_children_with_their_own_headers() -> None:
    msg = only_message(OUTLOOK, OUTLOOK_PAGE_2)
    assert [c.relation for c in msg.children] == ["quoted", "quoted"]
    first, second = msg.children
    assert first.sender == Address("", "Intrieri, Alana (EOM)")
    assert first.sent_at == datetime(2017, 10, 27, 16, 14)
    assert first.subject == "RE: possible to delay mtg a day or so?"
    assert [printed(a) for a in first.cc] == ["Collier, Tameka (BEGA) <tameka.collier@dc.gov>",
                                              "Flowers, Brian (BEGA) <Brian.Flowers@dc.gov>",
                                              "Cavendish, Betsy (EOM) <betsy.cavendish@dc.gov>"]
    assert first.body == "Mr. Grimaldi:\n\nI am sorry that we have not been able to connect."
    assert "Original Message" not in msg.body and "Original Message" not in first.body
    assert second.sent_at == datetime(2017, 10, 2, 13, 51)
    assert (second.meta["page"], second.meta["pages"]) == ("2", "2")
    assert [c.origin.record for c in (msg, first, second)] == [f"C05739545.txt message {i}" for i in (1, 2, 3)]


def test_outlook_headers_run_together_on_one_line() -> None:
    msg = only_message("From: Schwartz, Carol (BEGA) Sent: Monday, November 6, 2017 11:04 AM To: Bowser, Muriel "
                       "Subject: My Resignation\n\nMadam Mayor,\n")
    assert msg.sender == Address("", "Schwartz, Carol (BEGA)")
    assert msg.sent_at == datetime(2017, 11, 6, 11, 4)
    assert [a.name for a in msg.to] == ["Bowser, Muriel"]
    assert msg.subject == "My Resignation"
    assert msg.body == "Madam Mayor,"


def test_outlook_web_print_subject_sender_and_date_above_to() -> None:
    msg = only_message("Complaint regarding OOG\n\n  Natale, Vanessa (OAH)\n  Tue 11/7/2017 4:02 PM\n\n\n"
                       "  To:Collier, Tameka (BEGA) <tameka.collier@dc.gov>; Hutcheson, Norma\n"
                       "     (BEGA) <norma.hutcheson@dc.gov>;\n\n  Cc:Flowers, Brian (BEGA) <Brian.Flowers@dc.gov>;\n\n\n"
                       "Dear Chairperson Collier,\n")
    assert msg.subject == "Complaint regarding OOG"
    assert msg.sender == Address("", "Natale, Vanessa (OAH)")
    assert msg.sent_at == datetime(2017, 11, 7, 16, 2)
    assert [printed(a) for a in msg.to] == ["Collier, Tameka (BEGA) <tameka.collier@dc.gov>",
                                            "Hutcheson, Norma (BEGA) <norma.hutcheson@dc.gov>"]
    assert [a.address for a in msg.cc] == ["Brian.Flowers@dc.gov"]
    assert msg.body == "Dear Chairperson Collier,"


# -- State Department releases -----------------------------------------------------------------------------

def test_state_release_headers_and_production_metadata() -> None:
    msg = only_message(STATE_PAGE_1, STATE_PAGE_2)
    assert msg.sender == Address("hrod17@clintonemail.com", "H")
    assert msg.sent_at == datetime(2010, 12, 20, 12, 36)
    assert [printed(a) for a in msg.to] == ["abedinh@state.gov", "Mills, Cheryl D"]
    assert [a.name for a in msg.cc] == ["Sullivan, Jacob J"]
    assert msg.body == "Pls set up for tomorrow."
    meta = msg.meta
    assert (meta["case_number"], meta["doc_number"], meta["release_date"]) == ("F-2014-20439", "C05739545", "2015-05-13")
    assert meta["release_stamp"] == "RELEASE IN PART"
    assert meta["exemptions"] == ["B5", "B6"]
    assert (meta["page"], meta["pages"], meta["redactions"]) == ("1", "1", "0")
    assert msg.origin == Origin("source-sha", "file-sha", "release/C05739545.txt", "C05739545 message 1")


def test_state_release_quoted_message_across_pages_keeps_banners_and_codes_out_of_the_body() -> None:
    child = only_message(STATE_PAGE_1, STATE_PAGE_2).children[0]
    assert child.relation == "quoted"
    assert child.sender == Address("AbedinH@state.gov", "Abedin, Huma")
    assert child.sent_at == datetime(2010, 12, 20, 11, 2, 13)
    assert child.subject == "Call with the Minister"
    assert child.body == ("His number is\nHe is free after 3.\n\nWe should discuss the draft first.\n\n"
                          "His aide's cell is (b)(6) and the embassy's is [REDACTED].")
    for printed_mark in ("UNCLASSIFIED", "Case No", "RELEASE IN", "B5", "B6", "Classified by", "Reason:", "Declassify"):
        assert printed_mark not in child.body
    assert (child.meta["page"], child.meta["pages"]) == ("1", "1-2")
    assert child.meta["exemptions"] == ["B5", "B6"]
    assert child.meta["redactions"] == "4"          # two margin codes, (b)(6), [REDACTED]
    assert child.meta["doc_number"] == "C05739545"


def test_spans_point_at_the_printed_message() -> None:
    msg = only_message(STATE_PAGE_1, STATE_PAGE_2)
    top, child = span_text(msg, STATE_PAGE_1, STATE_PAGE_2), span_text(msg.children[0], STATE_PAGE_1, STATE_PAGE_2)
    assert top.startswith("From:") and "Subject:                          Re: Call with the Minister" in top
    assert "Original Message" not in top
    assert child.lstrip().startswith("Original Message") and "Subject: Call with the Minister" in child
    assert child.rstrip().endswith("[REDACTED].")
    outlook = only_message(OUTLOOK, OUTLOOK_PAGE_2)
    for m in (outlook, *outlook.children):
        assert m.subject.split("?")[0] in " ".join(span_text(m, OUTLOOK, OUTLOOK_PAGE_2).split())


def test_release_for_congress_banner_and_bates_numbers() -> None:
    banner = ("UNCLASSIFIED                            STATE DEPT. - PRODUCED TO HOUSE SELECT BENGHAZI COMM.\n"
              "U.S. Department of State     SUBJECT TO AGREEMENT ON SENSITIVE INFORMATION & REDACTIONS. NO FOIA WAIVER.\n"
              "Case No. F-2015-04841\nDoc No. C05739546\nDate: 05/13/2015{tail}\n")
    footer = ("UNCLASSIFIED\nU.S. Department of State\nCase No. F-2015-04841\n"
              "Doc No. C05739546              STATE DEPT. - PRODUCED TO HOUSE SELECT BENGHAZI COMM.\n"
              "Date: 05/13/2015     SUBJECT TO AGREEMENT ON SENSITIVE INFORMATION & REDACTIONS. NO FOIA WAIVER.     STATE-SCB0045{n}\n")
    page1 = (banner.format(tail="                                          RELEASE IN\n"
                                "                                                          PART B6") +
             "           From:                                                                           B6\n"
             "           Sent:                          Thursday, March 3, 2011 9:45 PM\n"
             "           To:\n"
             "           Subject:                       H: Latest How Syria is aiding Qaddafi and more... Sid\n\n"
             "           This memo has two parts.\n" + footer.format(n=511))
    page2 = banner.format(tail="") + "          Part one is the report.\n" + footer.format(n=512)
    msg = only_message(page1, page2)
    assert msg.sender is None                        # the sender was redacted
    assert msg.subject == "H: Latest How Syria is aiding Qaddafi and more... Sid"
    assert msg.body == "This memo has two parts.\n\nPart one is the report."
    meta = msg.meta
    assert (meta["case_number"], meta["doc_number"], meta["release_date"]) == ("F-2015-04841", "C05739546", "2015-05-13")
    assert meta["bates"] == ["STATE-SCB0045511", "STATE-SCB0045512"]
    assert (meta["release_stamp"], meta["exemptions"]) == ("RELEASE IN PART", ["B6"])


def test_ocr_confidence_is_the_mean_of_the_message_pages() -> None:
    msg = only_message(STATE_PAGE_1, STATE_PAGE_2, confidences=[90.0, 70.0])
    assert msg.meta["ocr_confidence"] == "90.0"
    assert msg.children[0].meta["ocr_confidence"] == "80.0"
    assert "ocr_confidence" not in only_message(STATE_PAGE_1).meta


def test_a_printed_header_opening_a_later_page_starts_another_message() -> None:
    second = ("From:                   Mills, Cheryl D <MillsCD@state.gov>\nSent:                   Sunday, January 3, 2010 9:18 PM\n"
              "To:                     H\nSubject:                FW: Iran reports\n\nFYI\n")
    out = split(STATE_PAGE_1, f"{BANNER}\n\n{second}")
    assert [m.subject for m in out if isinstance(m, Message)] == ["Re: Call with the Minister", "FW: Iran reports"]
    assert all(isinstance(m, Message) and not m.relation for m in out)


# -- what is not a message ------------------------------------------------------------------------------------

def test_document_without_a_header_block_is_rejected() -> None:
    memo = f"{BANNER}\n              RELEASE IN FULL\n\n For: Hillary\n From: Sid\n Re: Berlin speeches\n\nBelow are my notes.\n"
    assert split(memo) == [Reject(ORIGIN, NO_HEADER)]
    assert split("") == [Reject(ORIGIN, NO_HEADER)]


def test_capitalised_memo_headings_and_prose_are_not_headers() -> None:
    memo = "TO:        Secretary Clinton\nFROM:      S/P - Anne-Marie Slaughter\nSUBJECT:   Issues I Cover\n\nText.\n"
    assert split(memo) == [Reject(ORIGIN, NO_HEADER)]
    prose = "Sent from my iPhone\nTo be honest, from what I saw, the subject is closed.\n"
    assert split(prose) == [Reject(ORIGIN, NO_HEADER)]


def test_ocr_misread_from_key_above_sent() -> None:
    msg = only_message("Front°                       Mills, Cheryl D <MillsCD@state.gov>\n"
                       "Sent:                        Friday, October 23, 2009 8:10 AM\nTo:                          H\n"
                       "Subject                      Fw: Haiti\n\nMore\n")
    assert msg.sender == Address("MillsCD@state.gov", "Mills, Cheryl D")
    assert msg.subject == "Fw: Haiti"


# -- values ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "expected"), [
    ("Mills, Cheryl D <MillsCD@state.gov >", Address("MillsCD@state.gov", "Mills, Cheryl D")),
    ("H < hrod17@clintonemail.com >", Address("hrod17@clintonemail.com", "H")),
    ("H [mailto:HDR22@clintonemail.com]", Address("HDR22@clintonemail.com", "H")),
    ("Nides, Thomas R <NidesTR©state.gov>", Address("NidesTR@state.gov", "Nides, Thomas R")),
    ("'sullivanjj@state.gov'", Address("sullivanjj@state.gov", "")),
    ("OpsAlert@state.gov <OpsAlert@state.gov>", Address("OpsAlert@state.gov", "")),
    ("H", Address("", "H")),
    ("PIR <preines", Address("", "PIR")),                     # address cut by a redaction
    ("Jimmy [mailto:", Address("", "Jimmy")),
    ("'sbwhoeop", Address("", "sbwhoeop")),
    ("", None),
    (" ; ", None),
])
def test_parse_address(value: str, expected: Address | None) -> None:
    assert parse_address(value) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Monday, December 20, 2010 12:36 PM", datetime(2010, 12, 20, 12, 36)),
    ("Monday, December 20, 2010 12:15 AM", datetime(2010, 12, 20, 0, 15)),
    ("Sat Feb 13 03:03:22 2010", datetime(2010, 2, 13, 3, 3, 22)),
    ("Wed, Sep 8, 2010 9:33 pm", datetime(2010, 9, 8, 21, 33)),
    ("9/12/2012 6:21:45 PM", datetime(2012, 9, 12, 18, 21, 45)),
    ("7/14/10 8:27:32 A.M. Eastern Daylight Time", datetime(2010, 7, 14, 8, 27, 32)),
    ("Tue, 30 Nov 2010 09:36:07 -0800 (PST)", datetime(2010, 11, 30, 9, 36, 7)),      # zone ignored: as printed
    ("Thursday, December 7, 2017 at 8:31 AM", datetime(2017, 12, 7, 8, 31)),
    ("Saturday, April 2,2011 3:12 PM", datetime(2011, 4, 2, 15, 12)),
    ("Monday, September 26, 20111:15 PM", datetime(2011, 9, 26, 13, 15)),            # OCR ran year and time together
    ("Saturday, June 18, 2011 0952 PM", datetime(2011, 6, 18, 21, 52)),
    ("Friday, June 5, 2009 11    AM", datetime(2009, 6, 5, 11, 0)),
    ("March 9, 2012", datetime(2012, 3, 9)),
    ("February 30, 2011 9:00 AM", None),
    ("Thursday afternoon", None),
    ("", None),
])
def test_parse_printed_date(text: str, expected: datetime | None) -> None:
    assert parse_printed_date(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("RELEASE IN PART B5,B6", ["B5", "B6"]),
    ("B1,1.4(B),1.4(D), B5, B6", ["B1", "B5", "B6"]),
    ("B7(C) B7(E)", ["B7(C)", "B7(E)"]),
    ("B3 CIA PERS/ORG", ["B3"]),
    ("1.4(D)", []),
    ("B61", ["B6"]),                                  # a stray stroke after the code
    ("B0 B10 PUB5", []),
])
def test_exemption_codes(text: str, expected: list[str]) -> None:
    assert exemption_codes(text) == expected


def printed(addr: Address) -> str:
    return f"{addr.name} <{addr.address}>" if addr.name and addr.address else addr.name or addr.address


# -- property: any Outlook print reads back ---------------------------------------------------------------------

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=9)
NAME = st.builds(lambda last, first: f"{last.title()}, {first.title()}", WORD, WORD)
SUBJECT = st.lists(WORD, min_size=1, max_size=8).map(" ".join)
WHEN = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2030, 12, 31)).map(lambda d: d.replace(second=0, microsecond=0))


def outlook_block(sender: str, when: datetime, subject: str, padded: bool) -> str:
    pad = (lambda key: f"{key:<20}") if padded else (lambda key: f"{key} ")
    stamp = f"{when:%A, %B} {when.day}, {when:%Y} {when.hour % 12 or 12}:{when:%M} {when:%p}"
    return f"{pad('From:')}{sender}\n{pad('Sent:')}{stamp}\n{pad('To:')}Reader, Ann\n{pad('Subject:')}{subject}\n\n"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(NAME, WHEN, SUBJECT, st.lists(SUBJECT, max_size=3)), min_size=1, max_size=4), st.integers(0, 3))
def test_outlook_prints_read_back(messages: list[tuple[str, datetime, str, list[str]]], page_break: int) -> None:
    parts = []
    for i, (sender, when, subject, body) in enumerate(messages):
        separator = "" if i == 0 else "-----Original Message-----\n"
        parts.append(separator + outlook_block(sender, when, subject, padded=i == 0) + "\n".join(body) + "\n\n")
    cut = min(page_break, len(parts))
    texts = ["".join(parts[:cut]), "".join(parts[cut:])] if 0 < cut < len(parts) else ["".join(parts)]
    msg = only_message(*texts)
    found = [msg, *msg.children]
    assert len(found) == len(messages)
    full = document_text([Page(n, t) for n, t in enumerate(texts, start=1)])
    for got, (sender, when, subject, body) in zip(found, messages, strict=True):
        assert got.sender == Address("", sender)
        assert got.sent_at == when
        assert got.subject == subject
        assert got.body == "\n".join(body)
        start, end = (int(x) for x in str(got.meta["span"]).split("-"))
        assert 0 <= start < end <= len(full) and subject in full[start:end]


FRAGMENTS = ["From:            Mills, Cheryl D <MillsCD@state.gov>", "From: H", "Sent: Mon Dec 20 11:02:13 2010",
             "Date: 12/20/2010", "To: H; 'x@y.gov'", "Cc:", "Subject: Re: x", "Subject", "Attachments: a.pdf;", BANNER,
             "RELEASE IN", "PART B6", "RELEASE IN FULL", "                                       B6", "  Original Message",
             "Tue 11/7/2017 4:02 PM", "Classified by DAS — Reason: 1.4(D)", "STATE-SCB0045511", "(b)(6) [REDACTED]", "", "    "]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=30), max_size=40), st.lists(st.integers(0, 40), max_size=3))
def test_any_text_splits_within_bounds(lines: list[str], breaks: list[int]) -> None:
    text = "\n".join(lines)
    cuts = sorted({min(b, len(lines)) for b in breaks})
    texts = ["\n".join(lines[a:b]) for a, b in zip([0, *cuts], [*cuts, len(lines)], strict=True)] if cuts else [text]
    full = document_text([Page(n, t) for n, t in enumerate(texts, start=1)])
    for msg in split(*texts):
        if isinstance(msg, Reject):
            assert msg.reason == NO_HEADER
            continue
        for m in (msg, *msg.children):
            start, end = (int(x) for x in str(m.meta["span"]).split("-"))
            assert 0 <= start <= end <= len(full)
            assert 1 <= int(str(m.meta["page"])) <= len(texts)
            assert "Department of State Case No" not in m.body
