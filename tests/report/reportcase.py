"""Builders of a tiny case written straight into the store: two sources, a mailbox, one finding, a few entities."""

from __future__ import annotations

import json
from datetime import datetime

from interlock.findings import Evidence, Finding, Link, Source, Subject, Timeline
from interlock.store.duckdb import DuckDBStore

SEEN = datetime(2026, 1, 1)
MBOX, REGISTRY, PROFILE = "a" * 64, "b" * 64, "c" * 64


def make_finding(relative: str = "Sam Reyes", severity: str = "high", score: float = 0.9, emailed: bool = False,
                 key: tuple[str, ...] = ()) -> Finding:
    """An official, her husband who lobbies, his client; a 2-link chain (3 with ``emailed``). ``key`` tells
    findings about the same people apart."""
    chain = [
        Link("p-dana", "spouse", "p-sam", source=Source("/in/profile.txt", "line 3", PROFILE), standing="self-declared",
             note="husband (as the source puts it)"),
        Link("p-sam", "represents", "o-acme", "2019-07-01", "2020-12-31", Source("/in/registry/lobbyists.csv", "row 12", REGISTRY),
             standing="registered", note="registered lobbyist for this client in 2019–2020 (2 registration years)"),
    ]
    if emailed:
        chain.append(Link("p-dana", "emailed", "p-sam", "2019-07-03", "2020-02-11", standing="inferred",
                          note="14 messages between the accounts dortiz@lakeport.gov and sam@reyes.com"))
    return Finding(
        rule="relative-correspondence",
        title=f"14 messages between Dana Ortiz's government account and husband {relative}",
        summary=f"Dana Ortiz's government account took part in 14 messages with or about {relative} (husband) "
                f"after {relative}'s lobbying registration for Acme Paving began (2019-07-01). Check what they concern.",
        severity=severity, score=score,
        subjects=[Subject("p-dana", "Person", "Dana Ortiz", "official"), Subject("p-sam", "Person", relative, "relative")],
        chain=chain, period_start="2019-07-03", period_end="2020-02-11",
        counts={"emails": 14, "context_before": 1},
        evidence=[
            Evidence("/in/box.mbox", "<m1@x>", "2019-07-03", f"Hi {relative}, about the paving bid on Elm St.", MBOX,
                     highlight=[relative]),
            Evidence("/in/box.mbox", "<m2@x>", "2020-02-11", f"Lunch Friday?\n— {relative}", MBOX, highlight=[relative]),
            Evidence("/in/box.mbox", "<m0@x>", "2019-03-02", f"Happy birthday {relative}!", MBOX, context=True, highlight=[relative]),
        ],
        timeline=Timeline([("2019-03", 0, 1), ("2019-04", 0, 0), ("2019-07", 3, 0), ("2019-09", 6, 0), ("2020-02", 5, 0)],
                          [("2019-07-01", f"{relative} registered for Acme Paving")]),
        key=key,
    )


def stmt(entity_id: str, schema: str, prop: str, value: str, source: str = REGISTRY) -> tuple[object, ...]:
    return (f"{entity_id}:{prop}:{value}", entity_id, schema, prop, value, source, source, "/in/registry/lobbyists.csv",
            "row 12", SEEN)


def add_finding(store: DuckDBStore, finding: Finding) -> None:
    store.insert("findings", [(finding.id, finding.rule, json.dumps(finding.to_dict(), sort_keys=True), SEEN)])


def add_entities(store: DuckDBStore) -> None:
    """Dana (official, Occupancy of a Position of the City), Sam twice (profile and registry, one
    identity), Acme, a Family and a Representation whose agent is the registry's copy of Sam."""
    store.insert("statements", [
        stmt("p-dana", "Person", "id", "p-dana", PROFILE), stmt("p-dana", "Person", "name", "Dana Ortiz", PROFILE),
        stmt("p-sam", "Person", "name", "Sam Reyes", PROFILE),
        stmt("p-sam-2", "LegalEntity", "email", "sam@reyes.com"), stmt("p-sam-2", "Person", "name", "SAM REYES"),
        stmt("o-acme", "Organization", "name", "Acme Paving"),
        stmt("b-city", "PublicBody", "name", "City of Lakeport", PROFILE),
        stmt("pos-1", "Position", "name", "City Clerk", PROFILE), stmt("pos-1", "Position", "organization", "b-city", PROFILE),
        stmt("occ-1", "Occupancy", "holder", "p-dana", PROFILE), stmt("occ-1", "Occupancy", "post", "pos-1", PROFILE),
        stmt("fam-1", "Family", "person", "p-dana", PROFILE), stmt("fam-1", "Family", "relative", "p-sam", PROFILE),
        stmt("fam-1", "Family", "relationship", "husband", PROFILE),
        stmt("r-1", "Representation", "agent", "p-sam-2"), stmt("r-1", "Representation", "client", "o-acme"),
        stmt("r-1", "Representation", "startDate", "2019-07-01"), stmt("r-1", "Representation", "date", "2019"),
    ])


def add_identities(store: DuckDBStore) -> None:
    store.insert("identities", [("p-sam", "p-sam", 1.0, ""), ("p-sam-2", "p-sam", 0.9, "same person name"),
                                ("addr:sam@reyes.com", "p-sam", 1.0, "same e-mail address"),
                                ("addr:dortiz@lakeport.gov", "p-dana", 1.0, "same e-mail address")])


def add_mail(store: DuckDBStore) -> None:
    store.insert("messages", [
        ("m-1", MBOX, MBOX, "/in/box.mbox", "<m1@x>", "<m1@x>", "", "", datetime(2019, 7, 3, 9, 30), "", "dortiz@lakeport.gov",
         "Dana Ortiz", "Paving bid", "Hi Sam, about the paving bid on Elm St.", "INBOX", SEEN, None, None, None),
        ("m-2", MBOX, MBOX, "/in/box.mbox", "<m2@x>", "<m2@x>", "<m1@x>", "<m1@x>", datetime(2019, 7, 4, 10, 0), "",
         "sam@reyes.com", "Sam Reyes", "Re: Paving bid", "Thanks.", "INBOX", SEEN, None, None, None),
    ])
    store.insert("participants", [
        ("m-1", "from", "dortiz@lakeport.gov", "Dana Ortiz"), ("m-1", "to", "sam@reyes.com", "Sam Reyes"),
        ("m-1", "cc", "clerk@lakeport.gov", ""),
        ("m-2", "from", "sam@reyes.com", "Sam Reyes"), ("m-2", "to", "dortiz@lakeport.gov", "Dana Ortiz"),
    ])


def add_sources(store: DuckDBStore) -> None:
    store.insert("sources", [
        (MBOX, "/in/box.mbox", "mbox", json.dumps({"owner": None}), "done", 20, 20, 1, SEEN, SEEN),
        (REGISTRY, "/in/registry", "chicago-lobbyists", json.dumps({"jurisdiction": "City of Lakeport"}), "done", 40, 40, 0,
         SEEN, SEEN),
    ])
    store.insert("mailboxes", [(MBOX, "dortiz@lakeport.gov", True, "lakeport.gov", True, "owner inferred")])
    store.insert("rejects", [(MBOX, MBOX, "/in/box.mbox", "17", "no headers", SEEN)])
