"""personal-account-business: public business carried on the official's own webmail."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from factories import Builder, spouse_case

from interlock.case import Case
from interlock.entities import Origin
from interlock.findings import Finding
from interlock.ingest.driver import add_message, now
from interlock.records import Address, Message

GOV = "dortiz@lakeport.gov"
HOME = "dana.ortiz@gmail.com"
CEO = "mvega@harborlinesecurity.com"


def send(b: Builder, sender: str, to: list[str], when: str, subject: str, body: str = "") -> None:
    sha = b.source("mbox")
    b.n += 1
    msg = Message(Origin(sha, sha, "/in/box.mbox", f"<m{b.n}@x>"), message_id=f"<m{b.n}@x>", sent_at=datetime.fromisoformat(when),
                  sender=Address(sender), to=[Address(a) for a in to], subject=subject, body=body)
    add_message(b.batches[sha], msg, b.n, b.case.blobs, now())


@pytest.fixture
def b(tmp_path: Path) -> Builder:
    builder = Builder(Case.open(tmp_path / "c", create=True))
    ids = spouse_case(builder)
    builder.add("Person", "official", name="Dana M. Ortiz", email=HOME)
    company = builder.add("Company", "co", kind="ftm", name="Harborline Security Consultants, Inc.", email="info@harborlinesecurity.com")
    ceo = builder.add("Person", "ceo", kind="ftm", name="Marisol Vega", email=CEO)
    builder.add("Directorship", "dir", kind="ftm", director=ceo, organization=company, role="Chief Executive Officer")
    assert ids["client"]
    return builder


def run(b: Builder) -> list[Finding]:
    case = b.done(owner=GOV, gov="lakeport.gov")
    case.resolve()
    return case.detect("personal-account-business").findings


def test_webmail_with_the_clients_ceo_and_city_staff_about_the_programme(b: Builder) -> None:
    send(b, HOME, [CEO], "2020-06-03T20:14", "LakeportID partner programme", "Where do the partners stand before the contract goes out?")
    send(b, CEO, [HOME], "2020-06-04T07:52", "Re: LakeportID partner programme", "Is there anything in the RFP about security?")
    send(b, HOME, ["iokonkwo@lakeport.gov"], "2020-06-05T06:48", "LakeportID RFP scope", "Please add security to the RFP scope.")
    send(b, HOME, [GOV], "2020-06-05T07:00", "Notes", "Sending to my work account: contract notes.")
    [f] = run(b)
    roles = {s.name: s.role for s in f.subjects}
    assert roles == {"Dana M. Ortiz": "official", "Sam Reyes": "relative", "Harborline Security Consultants, Inc.": "client",
                     "Marisol Vega": "associate"}
    assert f.counts == {"emails": 3, "context": 0, "correspondents": 2}
    assert {"holds-office", "spouse", "represents", "employs", "emailed"} <= {link.relation for link in f.chain}
    assert "2 with Marisol Vega" in f.summary and "1 with a government address" in f.summary
    assert f.severity == "high"


def test_family_mail_and_a_staff_members_own_webmail_are_not_flagged(b: Builder) -> None:
    send(b, HOME, ["volunteers@millbrookpta.org"], "2020-10-06T20:11", "Spring fair volunteers", "Put me down for the bake sale.")
    send(b, HOME, ["iokonkwo@lakeport.gov"], "2020-10-07T20:11", "Dinner Friday?", "Are we still on for dinner at 7?")
    send(b, "kofi.mensah@gmail.com", [GOV], "2020-07-09T19:25", "LakeportID enrollment", "The programme report and contract notes.")
    assert run(b) == []


def test_business_with_the_client_a_day_before_the_registration_is_context_only(b: Builder) -> None:
    send(b, HOME, [CEO], "2019-06-30T12:00", "LakeportID contract", "About the contract.")
    assert run(b) == []


def test_context_before_the_registration_is_shown_not_counted(b: Builder) -> None:
    send(b, HOME, [CEO], "2019-06-30T12:00", "LakeportID contract", "About the contract.")
    send(b, HOME, [CEO], "2019-07-01T12:00", "LakeportID contract", "About the contract, again.")
    [f] = run(b)
    assert (f.counts["emails"], f.counts["context"]) == (1, 1)
    assert [e.context for e in f.evidence] == [False, True]
    assert f.timeline is not None and f.timeline.months == [("2019-06", 0, 1), ("2019-07", 1, 0)]


@pytest.mark.parametrize("folder", [False, True])
def test_a_webmail_tied_to_the_official_by_display_name_alone_is_said(folder: bool, tmp_path: Path) -> None:
    # dmo1977@gmail.com is hers only because the mail shows "Dana M. Ortiz" beside it; in a maildir the
    # message's file is not the source's own hash, and the caveat must still find the mail
    b = Builder(Case.open(tmp_path / "c", create=True))
    spouse_case(b)
    co = b.add("Company", "co", kind="ftm", name="Harborline Security Consultants, Inc.")
    ceo = b.add("Person", "ceo", kind="ftm", name="Marisol Vega", email=CEO)
    b.add("Directorship", "dir", kind="ftm", director=ceo, organization=co, role="Chief Executive Officer")
    sha = b.source("mbox")
    file_sha = "f" * 40 if folder else sha
    if folder:
        b.case.store.insert("files", [(sha, file_sha, "/in/maildir/cur/1", 1)])
    for when in ("2019-09-03T10:00:00", "2019-10-03T10:00:00"):
        b.n += 1
        msg = Message(Origin(sha, file_sha, "/in/maildir/cur/1", f"<m{b.n}@x>"), message_id=f"<m{b.n}@x>",
                      sent_at=datetime.fromisoformat(when), sender=Address("dmo1977@gmail.com", "Dana M. Ortiz"),
                      to=[Address(CEO, "Marisol Vega")], subject="LakeportID partners",
                      body="Could Harborline help us find partners for the LakeportID programme?")
        add_message(b.batches[sha], msg, b.n, b.case.blobs, now())
    [f] = run(b)
    assert "Records were joined by name alone for Dana M. Ortiz" in f.summary

