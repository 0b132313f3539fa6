"""The labelled sets of ``bench/resolve_quality.py``: the files are well formed, and the scoring counts right."""

from __future__ import annotations

import csv
import importlib
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "bench" / "labels"
COLUMNS = ["kind", "name_2019", "id_2019", "name_2025", "id_2025", "same", "evidence"]
EXPORTS = {
    ("2019", "lobbyist"): "chicago-lobbyists-2019/Lobbyists.csv",
    ("2019", "employer"): "chicago-lobbyists-2019/Employers.csv",
    ("2019", "client"): "chicago-lobbyists-2019/Clients.csv",
    ("2025", "lobbyist"): "chicago-lobbyists-2025/Lobbyist_Data_-_Lobbyists_20250121.csv",
    ("2025", "employer"): "chicago-lobbyists-2025/Lobbyist_Data_-_Employers_20250121.csv",
    ("2025", "client"): "chicago-lobbyists-2025/Lobbyist_Data_-_Clients_20250121.csv",
}
ID_COLUMN = {"lobbyist": "LOBBYIST_ID", "employer": "EMPLOYER_ID", "client": "CLIENT_ID"}


@pytest.fixture
def bench(monkeypatch: pytest.MonkeyPatch) -> tuple[ModuleType, ModuleType]:
    """bench.resolve_quality and bench.resolve_sets (bench/ is not on the test path, so put the repository there)."""
    monkeypatch.syspath_prepend(str(ROOT))
    return importlib.import_module("bench.resolve_quality"), importlib.import_module("bench.resolve_sets")


def read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8-sig", errors="replace") as fh:
        reader = csv.reader(fh)
        header = [h.strip().lstrip("\ufeff").upper() for h in next(reader)]
        return [dict(zip(header, [v.strip() for v in row], strict=False)) for row in reader if any(v.strip() for v in row)]


def names_by_id(path: Path, kind: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for r in read(path):
        if kind == "lobbyist":
            name = " ".join(x for x in (r["FIRST_NAME"], r["MIDDLE_INITIAL"], r["LAST_NAME"], r["SUFFIX"]) if x)
        else:
            name = r["NAME"]
        out.setdefault(r[ID_COLUMN[kind]], set()).add(name)
    return out


def test_chicago_labels_are_well_formed_and_point_at_real_rows(shared_data: Path) -> None:
    with (LABELS / "chicago_2019_2025.csv").open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames and reader.fieldnames[: len(COLUMNS)] == COLUMNS
        labels = list(reader)
    assert len(labels) >= 300
    assert {r["same"] for r in labels} == {"yes", "no"}
    assert {r["kind"] for r in labels} == {"lobbyist", "employer", "client"}
    assert all(r["evidence"].strip() for r in labels)
    keys = [(r["kind"], r["id_2019"], r["id_2025"]) for r in labels]
    assert len(keys) == len(set(keys)), "a pair is labelled twice"
    ids = {(year, kind): names_by_id(shared_data / rel, kind) for (year, kind), rel in EXPORTS.items()}
    for r in labels:
        for year in ("2019", "2025"):
            known = ids[(year, r["kind"])]
            assert r[f"id_{year}"] in known, f"{r['kind']} {r[f'id_{year}']} is not in the {year} export"
            assert r[f"name_{year}"] in known[r[f"id_{year}"]], f"{r[f'name_{year}']!r} is not a name of {year} ID {r[f'id_{year}']}"


def test_clinton_corrections_name_real_kaggle_rows(shared_data: Path) -> None:
    data = shared_data / "clinton-state-dept-emails"
    people = {r["ID"]: r["NAME"] for r in read(data / "kaggle_Persons.csv")}
    aliases = {r["ALIAS"]: r["PERSON_ID"] for r in read(data / "kaggle_Aliases.csv")}
    for r in read(LABELS / "clinton_alias_errors.csv"):
        assert people[aliases[r["ALIAS"]]] == r["KAGGLE_PERSON"]
    for r in read(LABELS / "clinton_person_merges.csv"):
        assert r["PERSON_ID"] in people and r["SAME_AS"] in people and r["PERSON_ID"] != r["SAME_AS"]


def test_score_counts_pairs_on_a_hand_example(bench: tuple[ModuleType, ModuleType]) -> None:
    quality, sets = bench
    side = lambda label, *nodes: sets.Side(label, frozenset(nodes))  # noqa: E731
    predicted = {"a": "1", "b": "1", "c": "2", "d": "2", "e": "3"}
    pairs = [
        sets.Pair(side("A", "a"), side("B", "b"), same=True),            # TP: one cluster
        sets.Pair(side("A", "a"), side("C", "c"), same=True),            # FN
        sets.Pair(side("C", "c"), side("D", "d"), same=False),           # FP
        sets.Pair(side("A", "a"), side("E", "e"), same=False),           # TN
        sets.Pair(side("BE", "b", "e"), side("D", "d"), same=False),     # TN: no cluster in common
        sets.Pair(side("CE", "c", "e"), side("E2", "e"), same=True),     # TP: one of several nodes is enough
        sets.Pair(side("X", "x"), side("Y", "y"), same=True),            # FN: nodes the prediction leaves out are alone
        sets.Pair(side("X", "x"), side("X2", "x"), same=False),          # FP: the same node is the same cluster
    ]
    s = quality.score(predicted, pairs)
    assert (s.tp, s.fp, s.fn, s.tn) == (2, 2, 2, 2)
    assert s.precision == pytest.approx(0.5) and s.recall == pytest.approx(0.5) and s.f1 == pytest.approx(0.5)
    assert [p.left.label for p in s.false_positives] == ["C", "X"]
    assert [p.left.label for p in s.false_negatives] == ["A", "X"]
    perfect = quality.score({"a": "1", "b": "1"}, pairs[:1])
    assert (perfect.precision, perfect.recall, perfect.f1) == (1.0, 1.0, 1.0)
    empty = quality.score({}, [])
    assert (empty.pairs, empty.precision, empty.recall, empty.f1) == (0, 0.0, 0.0, 0.0)


def test_kaggle_names_and_the_curated_head(bench: tuple[ModuleType, ModuleType]) -> None:
    _, sets = bench
    assert sets.kaggle_norm("Ki-moon, Ban") == "kimoon ban"
    assert sets.kaggle_norm("  Mills,  Cheryl D ") == "mills cheryl d"
    assert sets.kaggle_norm("") == ""
    rows = [{"id": "1", "name": "Alec"}, {"id": "2", "name": "Zed"}, {"id": "3", "name": "aclb"}, {"id": "4", "name": "b6"},
            {"id": "5", "name": "abedinh@state.goy"}, {"id": "6", "name": "zz"}]
    assert sets.curated_people(rows) == {"1", "2", "3", "4"}
    assert sets.curated_people([]) == set()
