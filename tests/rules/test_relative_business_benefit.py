"""relative-business-benefit: a company a relative (or the official) owns, directs or works for, with
contracts from the official's government while the tie held."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import Builder, contract_award, official_with_relative, run_rule

from interlock.case import Case
from interlock.findings import Finding

LAKEPORT = "City of Lakeport"


@pytest.fixture
def b(tmp_path: Path) -> Builder:
    return Builder(Case.open(tmp_path / "c", create=True))


def clerk_and_brother(b: Builder) -> dict[str, str]:
    return official_with_relative(b, "Luis Ortiz", "brother")


def company(b: Builder, ids: dict[str, str], schema: str = "Ownership", start: str = "2019-01-15", end: str | None = None,
            who: str = "relative", role: str = "owner") -> str:
    co = b.add("Company", "co", kind="ftm", name="Ortiz Paving LLC")
    sides = {"Ownership": ("owner", "asset"), "Directorship": ("director", "organization"), "Employment": ("employee", "employer")}
    mine, theirs = sides[schema]
    props = {mine: ids[who], theirs: co, "role": role, "startDate": start}
    if end:
        props["endDate"] = end
    b.add(schema, f"tie-{schema}", kind="ftm", **props)
    return co


def award(b: Builder, key: str, vendor: str, day: str, amount: str, jurisdiction: str = LAKEPORT) -> None:
    supplier = b.add("Company", f"v-{vendor}", kind="chicago-contracts", jurisdiction=jurisdiction, name=vendor)
    contract_award(b, key, supplier, day, amount, jurisdiction, "Department of Transportation", "street resurfacing")


def run(b: Builder) -> list[Finding]:
    return run_rule(b, "relative-business-benefit")


def test_a_brothers_company_with_city_contracts_after_he_took_it_over(b: Builder) -> None:
    ids = clerk_and_brother(b)
    company(b, ids)
    award(b, "a1", "ORTIZ PAVING LLC", "2020-06-01", "450000")
    award(b, "a0", "ORTIZ PAVING LLC", "2018-04-01", "90000")      # before he owned it: context
    [f] = run(b)
    assert {s.name: s.role for s in f.subjects} == {"Dana M. Ortiz": "official", "Luis Ortiz": "relative",
                                                     "Ortiz Paving LLC": "contractor"}
    assert [link.relation for link in f.chain] == ["family", "associate", "awarded"]
    assert f.counts == {"awards": 1, "award_amount": 450000, "context_awards": 1}
    assert f.title == "Ortiz Paving LLC, business of Dana M. Ortiz's brother Luis Ortiz, received $450,000 in contracts " \
                      "from Dana M. Ortiz's government"
    assert "do not show" in f.summary and f.severity == "high"


def test_no_tie_or_another_governments_contracts_is_not_flagged(b: Builder) -> None:
    ids = clerk_and_brother(b)
    b.add("Company", "co", kind="ftm", name="Ortiz Paving LLC")            # a company, but no record ties him to it
    award(b, "a1", "ORTIZ PAVING LLC", "2020-06-01", "450000")
    assert run(b) == []
    company(b, ids)
    award(b, "a2", "ORTIZ PAVING LLC", "2020-07-01", "75000", jurisdiction="City of Springfield")
    [f] = run(b)
    assert f.counts["awards"] == 1 and f.counts["award_amount"] == 450000   # Springfield's award is not counted


def test_the_tie_is_counted_only_while_it_held(b: Builder) -> None:
    ids = clerk_and_brother(b)
    company(b, ids, start="2019-01-15", end="2020-12-31")
    award(b, "a1", "ORTIZ PAVING LLC", "2021-01-01", "300000")     # the day after he left it
    assert run(b) == []
    award(b, "a2", "ORTIZ PAVING LLC", "2020-12-31", "1000")       # its last day
    [f] = run(b)
    assert f.counts == {"awards": 1, "award_amount": 1000, "context_awards": 1}


def test_an_employer_is_a_weaker_tie(b: Builder) -> None:
    ids = clerk_and_brother(b)
    company(b, ids, schema="Employment", role="estimator")
    award(b, "a1", "ORTIZ PAVING LLC", "2020-06-01", "450000")
    [f] = run(b)
    assert f.severity == "medium" and "employer of" in f.title and "indirect" in f.summary


def test_the_officials_own_company(b: Builder) -> None:
    ids = clerk_and_brother(b)
    company(b, ids, schema="Directorship", who="official", role="manager")
    award(b, "a1", "ORTIZ PAVING LLC", "2020-06-01", "450000")
    [f] = run(b)
    assert {s.role for s in f.subjects} == {"official", "contractor"}
    assert f.title.startswith("Ortiz Paving LLC, business of Dana M. Ortiz, received $450,000")
