"""A case unlike the demo: a county, a brother-in-law, a registry and a contract list in their own
layouts (read through mappings), mail as a folder of .eml files. Detection must find the pattern from
what the records say, not from anything the demo or Chicago shaped."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import pytest

from interlock.case import Case
from interlock.findings import Finding
from interlock.settings import Settings

PROFILE = """Name: Maria L. Chen
Office: County Supervisor, District 2
Jurisdiction: Marsh County
Email: mchen@marshcounty.gov
Family: Brother-in-law, Daniel Okafor-Chen
"""

REGISTRY = """Registrant,Represented Entity,Registered On,Terminated On
Daniel Okafor-Chen,Riverbend Paving Co.,2020-03-01,2022-12-31
Ruth Abernathy,Tri-County Waste Services,2020-01-15,2023-06-30
"""

REGISTRY_MAPPING = """entities:
  registrant:
    schema: Person
    keys: [Registrant]
    properties:
      name: {column: Registrant}
  client:
    schema: Company
    keys: [Represented Entity]
    properties:
      name: {column: Represented Entity}
  registration:
    schema: Representation
    keys: [Registrant, Represented Entity, Registered On]
    properties:
      agent: {entity: registrant}
      client: {entity: client}
      startDate: {column: Registered On}
      endDate: {column: Terminated On}
"""

CONTRACTS = """Vendor,Department,Award Amount,Award Date,Contract No
Riverbend Paving Co.,Department of Public Works,1200000,2021-05-10,PW-2021-14
Riverbend Paving Co.,Department of Public Works,300000,2019-02-01,PW-2019-03
Tri-County Waste Services,Department of Sanitation,850000,2021-07-01,SA-2021-02
"""

CONTRACTS_MAPPING = """entities:
  department:
    schema: PublicBody
    keys: [Department]
    properties:
      name: {column: Department}
  vendor:
    schema: Company
    keys: [Vendor]
    properties:
      name: {column: Vendor}
  contract:
    schema: Contract
    keys: [Contract No]
    properties:
      title: {column: Contract No}
      authority: {entity: department}
      amount: {column: Award Amount}
  award:
    schema: ContractAward
    keys: [Contract No, Vendor]
    properties:
      contract: {entity: contract}
      supplier: {entity: vendor}
      amount: {column: Award Amount}
      date: {column: Award Date}
"""


def eml(folder: Path, n: int, sender: str, to: str, when: datetime, subject: str, body: str) -> None:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, to, subject
    msg["Date"], msg["Message-ID"] = format_datetime(when), f"<m{n}@marshcounty.gov>"
    msg.set_content(body)
    (folder / f"{n:04d}.eml").write_bytes(bytes(msg))


@pytest.fixture(scope="module")
def findings(tmp_path_factory: pytest.TempPathFactory) -> list[Finding]:
    root = tmp_path_factory.mktemp("marsh")
    (root / "chen.txt").write_text(PROFILE)
    for name, text in [("registry.csv", REGISTRY), ("registry.yml", REGISTRY_MAPPING),
                       ("contracts.csv", CONTRACTS), ("contracts.yml", CONTRACTS_MAPPING)]:
        (root / name).write_text(text)
    mail = root / "mail"
    mail.mkdir()
    chen, daniel = "Maria L. Chen <mchen@marshcounty.gov>", "Daniel Okafor-Chen <dan@okaforchen-consulting.com>"
    for i in range(6):   # before the registration: context
        eml(mail, i, chen, daniel, datetime(2019, 6 + i, 3, 15, tzinfo=UTC), "Family dinner", "See you Sunday.")
    for i in range(6, 14):   # during it
        eml(mail, i, daniel if i % 2 else chen, chen if i % 2 else daniel, datetime(2020, i - 2, 12, 9, tzinfo=UTC),
            "Paving schedule", "About the resurfacing bid on Route 9.")
    for i in range(14, 40):   # the office's other mail
        eml(mail, i, chen, f"resident{i}@example.com", datetime(2020, 1, 1, tzinfo=UTC).replace(day=1 + i % 27, month=1 + i % 12),
            "Constituent question", "Thank you for writing.")
    # the profile says "Marsh County", the tables are filed under "County of Marsh": one government
    settings = Settings(jurisdiction="County of Marsh", owner="mchen@marshcounty.gov")
    with Case.open(root / "case", settings, create=True) as case:
        case.ingest([root / "chen.txt", mail])
        case.settings.mapping = root / "registry.yml"
        case.ingest([root / "registry.csv"], "csv")
        case.settings.mapping = root / "contracts.yml"
        case.ingest([root / "contracts.csv"], "csv")
        case.resolve()
        return case.detect().findings


def by_rule(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def test_the_brother_in_laws_registration_is_found(findings: list[Finding]) -> None:
    [f] = by_rule(findings, "relative-registered-lobbyist")
    roles = {s.name: s.role for s in f.subjects}
    assert roles["Maria L. Chen"] == "official" and roles["Daniel Okafor-Chen"] == "relative"
    assert roles["Riverbend Paving Co."] == "client"
    assert f.chain[0].relation == "family" and "brother-in-law" in (f.chain[0].note or "")
    assert (f.period_start, f.period_end) == ("2020-03-01", "2022-12-31")


def test_only_the_award_made_while_he_was_registered_counts(findings: list[Finding]) -> None:
    [f] = by_rule(findings, "relative-client-benefit")
    assert "$1,200,000" in f.title and "$1,500,000" not in f.title
    counted = [e for e in f.evidence if not e.context]
    assert [e.date for e in counted] == ["2021-05-10"]
    assert [e.date for e in f.evidence if e.context] == ["2019-02-01"]


def test_mail_with_him_is_counted_from_his_registration_on(findings: list[Finding]) -> None:
    [f] = by_rule(findings, "relative-correspondence")
    assert f.counts["emails"] == 8
    assert f.period_start == "2020-04-12"


def test_a_lobbyist_who_is_nobodys_relative_is_not_flagged(findings: list[Finding]) -> None:
    assert not any(s.name in {"Ruth Abernathy", "Tri-County Waste Services"} for f in findings for s in f.subjects)
