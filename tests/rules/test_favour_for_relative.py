"""favour-for-relative: nominations, recommendations and introductions the official wrote for a relative or the relative's client."""

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
CEO = "mvega@harborlinesecurity.com"
CHAMBER = "awards.committee@lakeportchamber.org"
NOMINATION = "Dear Committee,\n\nI am pleased to nominate {who} for the Lakeport Civic Leadership Award.\n\nDana\n"


def send(b: Builder, sender: str, to: list[str], when: str, subject: str, body: str = "", cc: tuple[str, ...] = ()) -> None:
    sha = b.source("mbox")
    b.n += 1
    msg = Message(Origin(sha, sha, "/in/box.mbox", f"<m{b.n}@x>"), message_id=f"<m{b.n}@x>", sent_at=datetime.fromisoformat(when),
                  sender=Address(sender), to=[Address(a) for a in to], cc=[Address(a) for a in cc], subject=subject, body=body)
    add_message(b.batches[sha], msg, b.n, b.case.blobs, now())


@pytest.fixture
def b(tmp_path: Path) -> Builder:
    builder = Builder(Case.open(tmp_path / "c", create=True))
    spouse_case(builder)
    company = builder.add("Company", "co", kind="ftm", name="Harborline Security Consultants, Inc.", email="info@harborlinesecurity.com")
    ceo = builder.add("Person", "ceo", kind="ftm", name="Marisol Vega", email=CEO)
    builder.add("Directorship", "dir", kind="ftm", director=ceo, organization=company, role="Chief Executive Officer")
    builder.add("Company", "decoy", kind="ftm", name="Harborline Secure Logistics LLC", email="info@harborlinelogistics.com")
    return builder


def run(b: Builder) -> list[Finding]:
    case = b.done(owner=GOV, gov="lakeport.gov")
    case.resolve()
    return case.detect("favour-for-relative").findings


def roles(f: Finding) -> dict[str, str]:
    return {s.name: s.role for s in f.subjects}


def test_nomination_of_the_husband_and_introduction_of_his_client(b: Builder) -> None:
    send(b, GOV, [CHAMBER], "2020-02-17T14:03", "Nomination - Sam Reyes", NOMINATION.format(who="Sam Reyes"))
    send(b, GOV, ["hvillanueva@lakeportwaterfront.org"], "2020-05-12T11:20", "Introduction: Marisol Vega",
         "Dear Hector,\n\nI would like to introduce Marisol Vega of Harborline Security Consultants, copied here. Could you find "
         "time to meet with her?\n\nDana\n", cc=(CEO,))
    found = {f.title: f for f in run(b)}
    assert len(found) == 2
    [nom] = [f for f in found.values() if len(f.subjects) == 2]
    assert roles(nom) == {"Dana M. Ortiz": "official", "Sam Reyes": "relative"}
    assert "nominating" in nom.title and nom.period_start == "2020-02-17" and nom.counts == {"emails": 1, "context": 0}
    assert nom.chain[-1].relation == "endorsed" and CHAMBER in nom.chain[-1].note
    [intro] = [f for f in found.values() if len(f.subjects) > 2]
    assert roles(intro) == {"Dana M. Ortiz": "official", "Sam Reyes": "relative", "Harborline Security Consultants, Inc.": "client",
                            "Marisol Vega": "associate"}
    assert "introducing" in intro.title and "hvillanueva@lakeportwaterfront.org" in intro.summary
    assert {"Marisol Vega", "Sam Reyes"} <= set(intro.evidence[0].highlight)


def test_recipients_printed_by_name_alone_are_third_persons_unless_they_are_the_relative(b: Builder) -> None:
    """A print-out gives "To: Civic Awards Committee" with no address: still someone the favour was asked of.
    A message only to the husband, printed as "To: Reyes, Sam", asks no third person."""
    b.mail(GOV, "", "2020-02-17T14:03", "Nomination - Sam Reyes", NOMINATION.format(who="Sam Reyes"),
           to_name="Civic Awards Committee")
    b.mail(GOV, "", "2020-03-02T09:00", "my nomination", NOMINATION.format(who="Sam Reyes"), to_name="Reyes, Sam")
    [f] = run(b)
    assert f.counts == {"emails": 1, "context": 0} and "'Civic Awards Committee'" in f.summary


def test_unrelated_resident_namesake_lookalike_and_own_meetings_are_not_flagged(b: Builder) -> None:
    send(b, GOV, [CHAMBER], "2021-02-19T15:44", "Nomination - Ruth Castellano", NOMINATION.format(who="Ruth Castellano"))
    send(b, GOV, [CHAMBER], "2021-02-20T15:44", "Nomination - Sam Reyes Jr.", NOMINATION.format(who="Sam Reyes Jr."))
    send(b, GOV, ["hvillanueva@lakeportwaterfront.org"], "2020-05-13T11:20", "Introduction",
         "I would like to introduce Dev Malik of Harborline Secure Logistics.")
    send(b, GOV, [CEO], "2019-10-09T09:05", "Re: LakeportID partners", "Could we meet next week? Could you meet with them too?")
    send(b, GOV, ["sam@reyesstrategies.com"], "2020-03-01T10:00", "Re: Introduction: Marisol Vega",
         "OK.\n\n> Marisol Vega would like to meet you; I'd like to introduce her.")
    assert run(b) == []


def test_nomination_a_day_before_the_registration_is_context_only(b: Builder) -> None:
    send(b, GOV, [CHAMBER], "2019-06-30T14:03", "Nomination - Sam Reyes", NOMINATION.format(who="Sam Reyes"))
    assert run(b) == []


def test_nomination_on_the_day_the_registration_began_counts_and_the_earlier_one_is_context(b: Builder) -> None:
    send(b, GOV, [CHAMBER], "2019-06-30T14:03", "Nomination - Sam Reyes", NOMINATION.format(who="Sam Reyes"))
    send(b, GOV, ["board@lakeportrotary.org"], "2019-07-01T14:03", "Letter of reference", "I recommend Sam Reyes warmly.")
    [f] = run(b)
    assert (f.counts["emails"], f.counts["context"]) == (1, 1)
    assert [e.context for e in f.evidence] == [False, True]
