"""undisclosed-interest: a tie other records show that the official's own statements do not mention."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import Builder

from interlock.case import Case
from interlock.findings import Finding


@pytest.fixture
def b(tmp_path: Path) -> Builder:
    return Builder(Case.open(tmp_path / "c", create=True))


def clerk(b: Builder, family_line: bool = True) -> dict[str, str]:
    """The clerk's profile (self-declared): name, office and, optionally, "Family: Husband, Sam Reyes"."""
    notes = "Dana M. Ortiz chairs the Millbrook Neighborhood Association."
    ids = {"official": b.add("Person", "official", name="Dana M. Ortiz", notes=notes)}
    ids["body"] = b.add("PublicBody", "body", name="City of Lakeport")
    ids["post"] = b.add("Position", "post", name="City Clerk", organization=ids["body"])
    b.add("Occupancy", "occ", holder=ids["official"], post=ids["post"])
    if family_line:
        ids["relative"] = b.add("Person", "relative", name="Sam Reyes")
        b.add("Family", "fam", person=ids["official"], relative=ids["relative"], relationship="husband")
    return ids


def run(b: Builder) -> list[Finding]:
    case = b.done()
    case.resolve()
    return case.detect("undisclosed-interest").findings


def test_a_company_the_official_directs_that_the_profile_does_not_mention(b: Builder) -> None:
    ids = clerk(b)
    company = b.add("Company", "co", kind="ftm", name="Harbor Point Properties LLC")
    b.add("Directorship", "d", kind="ftm", director=ids["official"], organization=company, role="manager", startDate="2018-02-01")
    [f] = run(b)
    assert {s.name: s.role for s in f.subjects} == {"Dana M. Ortiz": "official", "Harbor Point Properties LLC": "associate"}
    assert f.chain[0].standing == "registered" and f.severity == "medium"
    assert "does not mention Harbor Point Properties LLC" in f.summary and "not show that a disclosure was required" in f.summary


def test_ties_the_profile_states_or_names_are_not_flagged(b: Builder) -> None:
    ids = clerk(b)
    reported = b.add("Person", "rel-news", kind="article", name="Sam Reyes")
    b.add("Family", "fam-news", kind="article", person=ids["official"], relative=reported, relationship="husband")   # named in the profile
    assoc = b.add("Organization", "assn", kind="ftm", name="Millbrook Neighborhood Association")
    b.add("Directorship", "d", kind="ftm", director=ids["official"], organization=assoc, role="chair")              # in the profile's text
    assert run(b) == []


def test_no_own_statement_means_nothing_to_compare_and_a_news_tie_is_low(b: Builder) -> None:
    official = b.add("Person", "official", kind="article", name="Dana M. Ortiz")
    body = b.add("PublicBody", "body", kind="article", name="City of Lakeport")
    post = b.add("Position", "post", kind="article", name="City Clerk", organization=body)
    b.add("Occupancy", "occ", kind="article", holder=official, post=post)
    partner = b.add("Person", "p", kind="article", name="Nora Blake")
    b.add("Associate", "a", kind="article", person=official, associate=partner, relationship="business partner")
    assert run(b) == []                                  # no self-declared record of the official: nothing to compare
    ids = clerk(b, family_line=False)
    b.add("Associate", "a2", kind="article", person=ids["official"], associate=partner, relationship="business partner")
    [f] = run(b)
    assert f.severity == "low" and f.chain[0].standing == "reported"
