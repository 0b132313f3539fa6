"""documents-to-relative: a third party's or a marked document sent on from the government account."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from factories import Builder, spouse_case

from interlock.case import Case
from interlock.entities import Origin
from interlock.findings import Finding
from interlock.ingest.driver import add_message, now
from interlock.records import Address, Attachment, Message

GOV = "dortiz@lakeport.gov"
SAM = "sam.reyes@gmail.com"
FORWARD = ("Sam - see attached. Not public yet.\n\nD\n\n---------- Forwarded message ---------\n"
           "From: Jordan Park <jpark@lighthousefc.com>\nDate: Tue, 14 Apr 2020 15:22:09 -0500\nSubject: Term sheet\n"
           "To: Dana Ortiz <dortiz@lakeport.gov>\n\nDear Clerk Ortiz, attached is the draft term sheet.\n")


def send(b: Builder, sender: str, to: list[str], when: str, subject: str, body: str = "", files: tuple[tuple[str, str], ...] = (),
         cc: tuple[str, ...] = ()) -> None:
    """A message with recipients, copies and attached files (name, text), as the mail ingesters store it."""
    sha = b.source("mbox")
    b.n += 1
    atts = [Attachment(name, f"sha{b.n}{i}", len(text), "application/pdf", text=text) for i, (name, text) in enumerate(files)]
    msg = Message(Origin(sha, sha, "/in/box.mbox", f"<m{b.n}@x>"), message_id=f"<m{b.n}@x>", sent_at=datetime.fromisoformat(when),
                  sender=Address(sender), to=[Address(a) for a in to], cc=[Address(a) for a in cc], subject=subject, body=body,
                  attachments=atts)
    add_message(b.batches[sha], msg, b.n, b.case.blobs, now())


@pytest.fixture
def b(tmp_path: Path) -> Builder:
    builder = Builder(Case.open(tmp_path / "c", create=True))
    spouse_case(builder)
    builder.add("Person", "relative", name="Sam Reyes", email=SAM)
    return builder


def run(b: Builder) -> list[Finding]:
    case = b.done(owner=GOV, gov="lakeport.gov")
    case.resolve()
    return case.detect("documents-to-relative").findings


def roles(f: Finding) -> dict[str, str]:
    return {s.name: s.role for s in f.subjects}


def test_third_party_term_sheet_forwarded_to_the_lobbyist_husband(b: Builder) -> None:
    b.add("Company", "lfc", kind="ftm", name="Lighthouse FC", email="info@lighthousefc.com")
    send(b, GOV, [SAM], "2020-04-14T21:47", "Fwd: Term sheet", FORWARD, files=(("Term Sheet.pdf", "Confidential draft"),))
    [f] = run(b)
    assert roles(f) == {"Dana M. Ortiz": "official", "Sam Reyes": "relative", "Lighthouse FC": "associate"}
    assert f.counts == {"emails": 1, "forwards": 1, "attachments": 1, "outside_documents": 1, "context": 0}
    assert [link.relation for link in f.chain][:2] == ["spouse", "represents"] and f.chain[1].start == "2019-07-01"
    [ev] = f.evidence
    assert "jpark@lighthousefc.com" in ev.excerpt and "Term Sheet.pdf" in ev.excerpt and "'confidential'" in ev.excerpt
    assert "Sam Reyes" in ev.highlight and f.period_start == "2020-04-14"
    assert f.timeline is not None and f.timeline.markers[0][0] == "2019-07-01"


@pytest.mark.parametrize("printed", [True, False])
def test_a_term_sheet_to_the_husband_printed_by_name_alone_is_found_and_says_so(b: Builder, printed: bool) -> None:
    b.add("Person", "lobbyist", kind="chicago-lobbyists", name="SAM REYES", email=SAM)   # the registry gives his address
    if printed:
        b.mail(GOV, "", "2020-04-14T21:47", "Fwd: Term sheet", FORWARD, to_name="Reyes, Sam")   # "To: Reyes, Sam", no address
    else:
        b.mail(GOV, SAM, "2020-04-14T21:47", "Fwd: Term sheet", FORWARD)
    [f] = run(b)
    assert f.counts["emails"] == 1 and ("'Reyes, Sam'" in f.chain[-1].note) is printed
    assert ("Records were joined by name alone for Sam Reyes" in f.summary) is printed


def test_public_press_release_to_the_husband_and_term_sheet_to_a_colleague_are_not_flagged(b: Builder) -> None:
    release = ("Went out this morning.\n\n---------- Forwarded message ---------\nFrom: Lena Marchetti <lmarchetti@lakeport.gov>\n"
               "Subject: Press release\n\nFOR IMMEDIATE RELEASE: LakeportID enrollment at every library branch.\n")
    send(b, GOV, [SAM], "2020-09-15T12:40", "Fwd: Press release", release)
    send(b, GOV, ["nhaddadin@lakeport.gov"], "2020-04-15T09:12", "Fwd: Term sheet", FORWARD,
         files=(("Term Sheet.pdf", "Confidential draft"),))
    send(b, GOV, [SAM], "2020-05-01T08:00", "Camp forms", "Signature needed by Friday.", files=(("Camp forms.pdf", "Camp"),))
    assert run(b) == []


def test_forward_a_day_before_the_registration_is_context_only(b: Builder) -> None:
    send(b, GOV, [SAM], "2019-06-30T12:00", "Fwd: Term sheet", FORWARD)
    assert run(b) == []


def test_forward_before_the_registration_is_shown_as_context_beside_one_after(b: Builder) -> None:
    send(b, GOV, [SAM], "2019-06-30T12:00", "Fwd: Term sheet", FORWARD)
    send(b, GOV, [SAM], "2019-07-01T12:00", "Fwd: Term sheet v2", FORWARD)
    [f] = run(b)
    assert (f.counts["emails"], f.counts["context"]) == (1, 1)
    assert [e.context for e in f.evidence] == [False, True] and f.period_start == "2019-07-01"


def test_forward_with_no_attachment_and_no_third_party_content_is_not_a_document(b: Builder) -> None:
    own = ("FYI.\n\n---------- Forwarded message ---------\nFrom: Dana Ortiz <dortiz@lakeport.gov>\nSubject: draft remarks\n\n"
           "Draft remarks for Monday.\n")
    send(b, GOV, [SAM], "2020-03-01T12:00", "Fwd: draft remarks", own)
    send(b, GOV, [SAM], "2020-03-02T12:00", "Fwd: Re: dinner", "See below.\n\n> On Monday, Sam wrote:\n> bid on the table?\n")
    assert run(b) == []


def test_rfp_evaluation_sent_to_the_officials_own_webmail(b: Builder) -> None:
    b.add("Person", "official", name="Dana M. Ortiz", email="dana.ortiz@gmail.com")
    send(b, GOV, ["dana.ortiz@gmail.com"], "2020-02-03T18:00", "Fwd: RFP evaluation scores", "To read at home.",
         files=(("Scores.pdf", "RFP 2020-11 evaluation - confidential"),))
    send(b, GOV, ["dana.ortiz@gmail.com"], "2020-02-04T18:00", "Remarks draft", "To finish at home.",
         files=(("Remarks.docx", "Remarks for Monday"),))
    [f] = run(b)
    assert roles(f) == {"Dana M. Ortiz": "official"} and f.severity == "medium"
    assert f.counts["emails"] == 1 and "personal account" in f.title
    assert [link.relation for link in f.chain] == ["holds-office", "emailed"]
