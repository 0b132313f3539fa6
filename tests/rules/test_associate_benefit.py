"""associate-benefit: a relative's business partner (or the partner's company) paid by the official's government."""

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


def clerk_family(b: Builder) -> dict[str, str]:
    return official_with_relative(b)


def firm_with_partner(b: Builder, ids: dict[str, str], partner: str = "Nora Blake") -> None:
    reg = dict(kind="ftm")
    ids["firm"] = b.add("Company", "firm", name="Reyes Strategies, LLC", **reg)
    b.add("Directorship", "d1", director=ids["relative"], organization=ids["firm"], role="managing member", **reg)
    ids["partner"] = b.add("Person", "partner", name=partner, **reg)
    b.add("Directorship", "d2", director=ids["partner"], organization=ids["firm"], role="member", **reg)
    ids["partner_co"] = b.add("Company", "pco", name="Blake Event Services LLC", **reg)
    b.add("Directorship", "d3", director=ids["partner"], organization=ids["partner_co"], role="owner", **reg)


def award(b: Builder, key: str, supplier: str, day: str, amount: str, jurisdiction: str = LAKEPORT) -> None:
    contract_award(b, key, supplier, day, amount, jurisdiction)


def run(b: Builder) -> list[Finding]:
    return run_rule(b, "associate-benefit")


def test_a_relatives_fellow_director_whose_company_holds_city_contracts(b: Builder) -> None:
    ids = clerk_family(b)
    firm_with_partner(b, ids)
    award(b, "a1", ids["partner_co"], "2020-05-01", "84000")
    [f] = run(b)
    roles = {s.name: s.role for s in f.subjects}
    assert roles == {"Dana M. Ortiz": "official", "Sam Reyes": "relative", "Nora Blake": "associate",
                     "Blake Event Services LLC": "contractor"}
    assert [link.relation for link in f.chain] == ["spouse", "associate", "associate", "awarded"]
    assert f.counts["award_amount"] == 84000 and "do not show that" in f.summary


def test_a_contractor_with_no_tie_and_a_contract_of_another_government_are_not_flagged(b: Builder) -> None:
    ids = clerk_family(b)
    firm_with_partner(b, ids)
    stranger = b.add("Company", "stranger", kind="ftm", name="Blake Signs Co.")
    award(b, "a1", stranger, "2020-05-01", "5000")
    award(b, "a2", ids["partner_co"], "2020-05-01", "84000", jurisdiction="City of Springfield")
    assert run(b) == []


def test_an_award_before_the_partnership_began_is_context(b: Builder) -> None:
    ids = clerk_family(b)
    ids["partner"] = b.add("Person", "partner", kind="article", name="Nora Blake")
    b.add("Associate", "assoc", kind="article", person=ids["relative"], associate=ids["partner"],
          relationship="business partner", startDate="2020-01-01")
    award(b, "a0", ids["partner"], "2019-12-31", "1000")
    assert run(b) == []
    award(b, "a1", ids["partner"], "2020-01-01", "2000")
    [f] = run(b)
    assert f.counts == {"awards": 1, "award_amount": 2000, "context_awards": 1}
    assert f.severity == "medium"                       # the tie is reported, not registered


def test_the_firm_the_relative_shares_with_the_partner_is_not_the_partners_benefit(b: Builder) -> None:
    # Reyes Strategies is Sam Reyes's own firm: its contracts are relative-business-benefit's, not Nora Blake's
    ids = clerk_family(b)
    firm_with_partner(b, ids)
    award(b, "a1", ids["firm"], "2020-05-01", "62000")
    assert run(b) == []
    case = b.case
    assert [f.rule for f in case.detect("relative-business-benefit").findings] == ["relative-business-benefit"]
