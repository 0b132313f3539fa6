"""lobbyist-donor: gifts from a lobbyist (or a lobbyist's client) registered with the official's government,
while registered; each gift once, both filings cited."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import Builder

from interlock.case import Case
from interlock.findings import Finding

LAKEPORT = "City of Lakeport"


@pytest.fixture
def b(tmp_path: Path) -> Builder:
    return Builder(Case.open(tmp_path / "c", create=True))


def clerk_and_lobbyist(b: Builder, jurisdiction: str = LAKEPORT, years: tuple[int, ...] = (2019, 2020)) -> dict[str, str]:
    ids = {"official": b.add("Person", "official", name="Dana M. Ortiz")}
    ids["body"] = b.add("PublicBody", "body", name=LAKEPORT)
    ids["post"] = b.add("Position", "post", name="City Clerk", organization=ids["body"])
    b.add("Occupancy", "occ", holder=ids["official"], post=ids["post"])
    reg = dict(kind="chicago-lobbyists", jurisdiction=jurisdiction)
    ids["lobbyist"] = b.add("Person", "lobbyist", name="KEVIN DOYLE", email="kdoyle@doylepa.com", **reg)
    ids["client"] = b.add("Organization", "client", name="NORTHGATE TOWING & RECOVERY, INC.", **reg)
    b.add("Representation", "rep", agent=ids["lobbyist"], client=ids["client"], date=[str(y) for y in years],
          startDate=f"{years[0]}-03-01", role="lobbyist", **reg)
    # the committee: a candidate link names the official, as a ward map or "Friends of" name does
    ids["committee"] = b.add("Organization", "committee", kind="isbe-receipts", name="Friends of Dana Ortiz")
    ids["candidate"] = b.add("Person", "candidate", kind="isbe-receipts", name="Dana Ortiz")
    b.add("UnknownLink", "committee-of", kind="isbe-receipts", subject=ids["committee"], object=ids["candidate"], role="committee of")
    return ids


def gift(b: Builder, key: str, payer: str, payee: str, day: str, amount: str, kind: str = "isbe-receipts") -> None:
    b.add("Payment", key, kind=kind, jurisdiction=LAKEPORT if kind == "chicago-lobbyists" else None,
          payer=payer, beneficiary=payee, date=day, amount=amount, currency="USD", purpose="contribution")


def run(b: Builder) -> list[Finding]:
    case = b.done()
    case.resolve()
    return case.detect("lobbyist-donor").findings


def test_a_lobbyists_gift_while_registered_is_found_once_with_both_filings(b: Builder) -> None:
    ids = clerk_and_lobbyist(b)
    donor_isbe = b.add("Person", "donor-isbe", kind="isbe-receipts", name="Kevin Doyle", email="kdoyle@doylepa.com")
    gift(b, "g1", donor_isbe, ids["committee"], "2019-06-12", "500")
    gift(b, "g1-own-filing", ids["lobbyist"], ids["committee"], "2019-06-03", "500", kind="chicago-lobbyists")
    gift(b, "g0", donor_isbe, ids["committee"], "2018-10-01", "250")      # before the registration: context
    [f] = run(b)
    assert {s.name: s.role for s in f.subjects} == {"Dana M. Ortiz": "official", "Kevin Doyle": "lobbyist",
                                                     "NORTHGATE TOWING & RECOVERY, INC.": "client"}
    assert f.counts["gifts"] == 1 and f.counts["amount"] == 500 and f.counts["reported_twice"] == 1 and f.counts["context_gifts"] == 1
    assert [link.relation for link in f.chain] == ["donated", "represents", "holds-office"]
    cited = {e.record for e in f.evidence if not e.context}
    assert len(cited) == 2 and all("9 days apart" in e.excerpt for e in f.evidence if not e.context)
    assert "do not show any act in return" in f.summary
    assert f.title.startswith("Kevin Doyle, a registered lobbyist, gave $500") and "namesake" not in f.summary


def test_a_donor_tied_to_the_lobbyist_by_name_alone_is_worded_as_a_namesake_question(b: Builder) -> None:
    ids = clerk_and_lobbyist(b)
    donor = b.add("Person", "donor-isbe", kind="isbe-receipts", name="Kevin Doyle")   # no address, no e-mail in common
    gift(b, "g1", donor, ids["committee"], "2019-06-12", "2500")
    [f] = run(b)
    assert f.title.startswith("A donor named Kevin Doyle, as is a registered lobbyist, gave $2,500")
    assert "rests on the name alone" in f.summary and "a namesake is possible" in f.summary
    assert f.severity == "low"      # however large the gift; with an address in common it reads as the first test's


def test_a_lobbyist_of_another_government_or_an_unregistered_namesake_is_not_flagged(b: Builder) -> None:
    ids = clerk_and_lobbyist(b, jurisdiction="City of Springfield")
    gift(b, "g1", ids["lobbyist"], ids["committee"], "2019-06-03", "500", kind="chicago-lobbyists")
    other = b.add("Person", "namesake", kind="isbe-receipts", name="Kevin Doyle Jr.")
    gift(b, "g2", other, ids["committee"], "2019-06-03", "900")
    assert run(b) == []


def test_a_gift_after_the_last_registration_year_is_context_only(b: Builder) -> None:
    ids = clerk_and_lobbyist(b, years=(2019,))
    gift(b, "g1", ids["lobbyist"], ids["committee"], "2020-01-01", "500", kind="chicago-lobbyists")   # a day after 2019
    assert run(b) == []
    gift(b, "g2", ids["lobbyist"], ids["committee"], "2019-12-31", "100", kind="chicago-lobbyists")   # the last day
    [f] = run(b)
    assert f.counts == {"gifts": 1, "amount": 100, "reported_twice": 0, "context_gifts": 1} and f.severity == "low"


def test_a_client_of_a_registered_lobbyist_giving_is_found(b: Builder) -> None:
    ids = clerk_and_lobbyist(b)
    gift(b, "g1", ids["client"], ids["committee"], "2020-02-02", "1500")
    [f] = run(b)
    roles = {s.name: s.role for s in f.subjects}
    assert roles["NORTHGATE TOWING & RECOVERY, INC."] == "donor" and roles["KEVIN DOYLE"] == "lobbyist"
    assert f.severity == "medium" and "a lobbying client" in f.title


@pytest.mark.slow
def test_kazmi_gifts_to_sawyer_on_the_real_records(chicago_money_case: Path) -> None:
    """Reyahd Kazmi, registered with the City of Chicago 2017–2024, gave to Ald. Roderick Sawyer's committee: the
    March 2019 gift is one gift citing his own filing and the committee's ISBE receipt."""
    with Case.open(chicago_money_case) as case:
        found = [f for f in case.detect("lobbyist-donor").findings
                 if "Kazmi" in f.title and any("Sawyer" in s.name for s in f.subjects)]
    [f] = found
    march = [e for e in f.evidence if e.date and e.date.startswith("2019-03")]
    assert {Path(e.path).name for e in march} == {"Contributions.csv", "aldermen_committee_receipts_2015_2019.csv"}
    assert all("10 days apart" in e.excerpt for e in march)
    assert any(link.relation == "holds-office" and "Ward 6" in link.note for link in f.chain)
    assert "Monterrey Security Consultants, Inc." in {s.name for s in f.subjects}
