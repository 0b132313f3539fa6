"""Namesakes stay apart on the real Chicago data: the City Clerk Anna Valencia is never merged with the
lobbying client "VALENCIA, TANYA", an organisation or address on a street named Valencia, or any of
the city's employees named Valencia (among them two different men both called "VALENCIA, JESUS")."""

from __future__ import annotations

from pathlib import Path

import pytest

from interlock.case import Case

EMPLOYEES = "chicago-employees-2023/Current_Employee_Names__Salaries__and_Position_Titles_2023-04.csv"


@pytest.fixture(scope="module")
def case(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Case:
    root = tmp_path_factory.mktemp("namesakes")
    (root / "valencia.txt").write_text("Name: Anna M. Valencia\nOccupation: Chicago City Clerk\nFamily: Husband, Reyahd Kazmi\n")
    c = Case.open(root / "case", create=True)
    c.ingest([shared_data / "chicago-lobbyists-2025", shared_data / EMPLOYEES, root / "valencia.txt"])
    c.resolve()
    return c


def valencia_nodes(case: Case) -> dict[str, set[str]]:
    rows = case.store.query("""SELECT DISTINCT entity_id, value FROM statements
                               WHERE prop IN ('name', 'address') AND value ILIKE '%valencia%'""")
    out: dict[str, set[str]] = {}
    for entity_id, value in rows:
        out.setdefault(entity_id, set()).add(value)
    return out


def test_the_clerk_is_merged_with_no_namesake(case: Case) -> None:
    canonical = dict(case.store.query("SELECT entity_id, canonical_id FROM identities"))
    nodes = valencia_nodes(case)
    [clerk] = [i for i, names in nodes.items() if "Anna M. Valencia" in names]
    others = {i: names for i, names in nodes.items() if i != clerk}
    # the data really holds the namesakes this test is about
    flat = {n.upper() for names in others.values() for n in names}
    assert "VALENCIA, TANYA" in flat
    assert sum(1 for n in flat if n.startswith("VALENCIA, JESUS")) >= 1
    assert len([i for i, names in others.items() if "VALENCIA, JESUS" in names]) == 2
    assert any("VALENCIA" in n and any(ch.isdigit() for ch in n) for n in flat), "an address on a Valencia street"
    assert len(others) >= 10
    merged = {i: names for i, names in others.items() if canonical.get(i) == canonical[clerk]}
    assert merged == {}


def test_the_two_employees_named_jesus_valencia_stay_two(case: Case) -> None:
    canonical = dict(case.store.query("SELECT entity_id, canonical_id FROM identities"))
    jesus = [i for i, names in valencia_nodes(case).items() if "VALENCIA, JESUS" in names]
    assert len(jesus) == 2 and canonical[jesus[0]] != canonical[jesus[1]]
    pair = case.store.query("SELECT decision, evidence FROM candidates WHERE ? IN (left_id, right_id) AND ? IN (left_id, right_id)",
                            jesus)
    assert pair and pair[0][0] != "merged" and "two separate records of the same source" in pair[0][1]
