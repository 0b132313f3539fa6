"""The Chicago case on the real registry: a profile naming a spouse + the Board of Ethics export."""

from __future__ import annotations

from pathlib import Path

import pytest

from interlock.case import Case
from interlock.findings import Finding

PROFILE = """Name: Anna M. Valencia
Occupation: Chicago City Clerk
Family: Husband, Reyahd Kazmi

Anna Valencia was appointed City Clerk in 2017 and elected in 2019.
"""


@pytest.fixture(scope="module")
def chicago(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Finding]:
    root = tmp_path_factory.mktemp("chicago")
    (root / "valencia.txt").write_text(PROFILE)
    (root / "namesake.txt").write_text("Name: Tanya Valencia\nOccupation: Teacher\nFamily: Brother, Reyahd Kazmi\n")
    with Case.open(root / "case", create=True) as case:
        case.ingest([shared_data / "chicago-lobbyists-2025", root / "valencia.txt", root / "namesake.txt"])
        case.resolve()
        return case.detect().findings


def test_profile_and_registry_link_the_clerk_her_husband_and_his_clients(chicago: list[Finding]) -> None:
    [f] = [f for f in chicago if f.rule == "relative-registered-lobbyist"]
    roles = {s.name.upper(): s.role for s in f.subjects}
    assert roles["ANNA M. VALENCIA"] == "official"
    assert roles["REYAHD KAZMI"] == "relative"
    assert roles["MONTERREY SECURITY CONSULTANTS, INC."] == "client"
    monterrey = next(link for link in f.chain if link.relation == "represents" and "MONTERREY" in f.summary)
    assert monterrey.standing == "registered"
    rep = [link for link in f.chain if link.relation == "represents"]
    assert len(rep) == sum(1 for s in f.subjects if s.role == "client")
    assert f.chain[0].relation == "spouse" and f.chain[0].standing == "self-declared"
    assert f.period_start is not None and f.period_start.startswith("2017")


def test_a_person_who_holds_no_office_is_not_flagged(chicago: list[Finding]) -> None:
    assert not any(s.name.upper() == "TANYA VALENCIA" for f in chicago for s in f.subjects)
