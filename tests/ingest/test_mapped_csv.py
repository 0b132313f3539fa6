"""The csv kind: a table in any layout, read through an FtM mapping given with --mapping."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import interlock.ingest.driver as driver
from interlock.case import Case
from interlock.errors import InputError, UsageError
from interlock.ingest.mapped_csv import load_queries
from interlock.settings import Settings

REGISTRY = """Lobbyist,Client,Start,End
Daniel Chen,Riverbend Paving Co.,2020-03-01,2022-12-31
Ruth Okafor,Tri-County Waste Services,2021-01-15,
,Nobody Inc.,2021-01-01,
"""

MAPPING = """# Riverton's registry: one row per lobbyist and client
entities:
  lobbyist:
    schema: Person
    keys: [Lobbyist]
    properties:
      name: {column: Lobbyist}
  client:
    schema: Company
    keys: [Client]
    properties:
      name: {column: Client}
  registration:
    schema: Representation
    keys: [Lobbyist, Client, Start]
    properties:
      agent: {entity: lobbyist}
      client: {entity: client}
      startDate: {column: Start}
      endDate: {column: End}
      role: {literal: lobbyist}
"""


def write(tmp: Path, table: str = REGISTRY, mapping: str = MAPPING) -> tuple[Path, Path]:
    (tmp / "registry.csv").write_text(table)
    (tmp / "registry.yml").write_text(mapping)
    return tmp / "registry.csv", tmp / "registry.yml"


def statements(case: Case, schema: str, prop: str) -> list[tuple[str, str]]:
    sql = "SELECT value, record FROM statements WHERE schema = ? AND prop = ? ORDER BY record, value"
    return [(v, r) for v, r in case.store.query(sql, [schema, prop])]


def test_rows_become_entities_with_file_and_row(tmp_path: Path) -> None:
    table, mapping = write(tmp_path)
    with Case.open(tmp_path / "c", Settings(mapping=mapping), create=True) as case:
        [r] = case.ingest([table], "csv")
        assert (r.records, r.rejected) == (3, 0)
        assert statements(case, "Person", "name") == [("Daniel Chen", "registry.csv row 1"), ("Ruth Okafor", "registry.csv row 2")]
        assert ("Nobody Inc.", "registry.csv row 3") in statements(case, "Company", "name")
        # no lobbyist on row 3: FtM's mapping makes no Person, and the registration has no agent
        assert [r for _, r in statements(case, "Representation", "agent")] == ["registry.csv row 1", "registry.csv row 2"]
        assert ("2022-12-31", "registry.csv row 1") in statements(case, "Representation", "endDate")


def test_same_table_again_is_skipped_but_another_mapping_is_another_source(tmp_path: Path) -> None:
    table, mapping = write(tmp_path)
    other = tmp_path / "other.yml"
    other.write_text(MAPPING.replace("{literal: lobbyist}", "{literal: registrant}")
                     .replace("keys: [Lobbyist, Client, Start]", "keys: [Lobbyist, Client]"))
    with Case.open(tmp_path / "c", Settings(mapping=mapping), create=True) as case:
        case.ingest([table], "csv")
        [again] = case.ingest([table], "csv")
        assert again.skipped
        people = case.store.query("SELECT count(*) FROM statements WHERE schema = 'Person'")[0][0]
    with Case.open(tmp_path / "c", Settings(mapping=other)) as case:
        [second] = case.ingest([table], "csv")
        assert not second.skipped and second.records == 3
        # the people have the same keys under both mappings: the same ids, stated twice (once per source)
        assert case.store.query("SELECT count(*) FROM statements WHERE schema = 'Person'")[0][0] == 2 * people
        assert case.store.query("SELECT count(DISTINCT entity_id) FROM statements WHERE schema = 'Person'")[0][0] == 2


def test_a_killed_run_resumes_without_loss_or_duplicates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = "".join(f"Person {i},Client {i % 7},2021-01-01,\n" for i in range(50))
    table, mapping = write(tmp_path, "Lobbyist,Client,Start,End\n" + rows)
    settings = Settings(mapping=mapping, batch_size=10)
    real_commit, calls = driver.commit, []

    def dying_commit(*args, **kwargs):  # type: ignore[no-untyped-def]
        real_commit(*args, **kwargs)
        calls.append(1)
        if len(calls) == 2:      # the run dies after its second committed batch
            raise KeyboardInterrupt

    with Case.open(tmp_path / "c", settings, create=True) as case:
        monkeypatch.setattr(driver, "commit", dying_commit)
        with pytest.raises(KeyboardInterrupt):
            case.ingest([table], "csv")
        monkeypatch.undo()
    with Case.open(tmp_path / "c", settings) as case:
        [r] = case.ingest([table], "csv")
        assert r.resumed_from == 20 and r.records == 50
        names = [v for v, _ in statements(case, "Person", "name")]
        assert sorted(names) == sorted(f"Person {i}" for i in range(50))


def test_a_row_the_mapping_cannot_make_is_rejected_with_its_row(tmp_path: Path) -> None:
    mapping = MAPPING.replace("startDate: {column: Start}", "startDate: {column: Start, format: '%m/%d/%Y'}")
    table, mapping_path = write(tmp_path, "Lobbyist,Client,Start,End\nA B,C Co,03/01/2020,\nD E,F Co,2020-13-45,\n", mapping)
    with Case.open(tmp_path / "c", Settings(mapping=mapping_path), create=True) as case:
        [r] = case.ingest([table], "csv")
        assert r.records == 2
        # a date FtM cannot read is dropped as FtM drops it, and the row is kept
        assert statements(case, "Representation", "startDate") == [("2020-03-01", "registry.csv row 1")]


def test_mapping_forms_and_errors(tmp_path: Path) -> None:
    bare = tmp_path / "bare.yml"
    bare.write_text(MAPPING)
    dataset = tmp_path / "dataset.yml"
    dataset.write_text(yaml.safe_dump({"riverton": {"queries": [yaml.safe_load(MAPPING)]}}))
    assert len(load_queries(bare)) == 1
    assert len(load_queries(dataset)) == 1
    wrong = tmp_path / "wrong.yml"
    wrong.write_text(MAPPING.replace("schema: Company", "schema: Kompany"))
    with pytest.raises(InputError, match="wrong.yml"):
        load_queries(wrong)
    empty = tmp_path / "empty.yml"
    empty.write_text("hello: world\n")
    with pytest.raises(InputError, match="no mapping found"):
        load_queries(empty)


def test_the_cli_says_what_is_missing(tmp_path: Path) -> None:
    table, mapping = write(tmp_path)
    command = [sys.executable, "-m", "interlock.cli", "ingest", str(tmp_path / "c"), str(table)]
    no_mapping = subprocess.run([*command, "--kind", "csv"], capture_output=True, text=True)
    assert no_mapping.returncode == 2 and "needs --mapping FILE" in no_mapping.stderr
    ok = subprocess.run([*command, "--mapping", str(mapping)], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert "csv, 3 records ingested, 0 rejected" in ok.stdout
    with pytest.raises(UsageError):
        from interlock.ingest.mapped_csv import MappedCsv

        MappedCsv().files(tmp_path)


def test_an_unknown_table_points_to_the_mapping(tmp_path: Path) -> None:
    (tmp_path / "gifts.csv").write_text("Official,Giver,Value\nA,B,10\n")
    done = subprocess.run([sys.executable, "-m", "interlock.cli", "ingest", str(tmp_path / "c"), str(tmp_path / "gifts.csv")],
                          capture_output=True, text=True)
    assert done.returncode == 2 and "--mapping FILE" in done.stderr and "gifts.csv" in done.stderr

