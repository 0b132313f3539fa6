"""ftm: FollowTheMoney JSON lines go in with their ids; bad lines are rejected by line number."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from entity_view import entities, ingest

from interlock.ingest.base import detect_kind
from interlock.ingest.ftm import Ftm

COMPANY = {"id": "co-harborline", "schema": "Company",
           "properties": {"name": ["Harborline Security Consultants, Inc."], "jurisdiction": ["us"], "registrationNumber": ["102843195A"]}}
PERSON = {"id": "p-gaytan", "schema": "Person", "properties": {"name": ["Juan Gaytan"], "birthDate": ["1961-04-02"]}}
DIRECTORSHIP = {"id": "d-1", "schema": "Directorship",
                "properties": {"director": ["p-gaytan"], "organization": ["co-harborline"], "role": ["President"], "startDate": ["1988"]}}


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n")
    return path


def test_round_trip_and_bad_lines(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "entities.ftm.json", [
        json.dumps(COMPANY),
        json.dumps(PERSON),
        "{not json",
        json.dumps({"id": "x1", "schema": "Spaceship", "properties": {}}),
        json.dumps({"id": "x2", "schema": "Person", "properties": {"favouriteColour": ["blue"]}}),
        "",
        json.dumps(DIRECTORSHIP),
        json.dumps({"schema": "Person", "properties": {"name": ["No Id"]}}),
    ])
    case, report = ingest(tmp_path, path)
    assert (report.kind, report.records, report.rejected) == ("ftm", 3, 4)
    views = entities(case.store)
    assert set(views) == {"co-harborline", "p-gaytan", "d-1"}
    for original in (COMPANY, PERSON, DIRECTORSHIP):
        view = views[str(original["id"])]
        assert view.schema == original["schema"]
        assert {k: sorted(v) for k, v in view.props.items()} == original["properties"]
    assert views["d-1"].records == {"line 7"}
    reasons = dict(case.store.query("SELECT record, reason FROM rejects"))
    assert reasons["line 3"].startswith("not JSON")
    assert reasons["line 4"] == "unknown FollowTheMoney schema 'Spaceship'"
    assert reasons["line 5"] == "Person has no property 'favouriteColour'"
    assert reasons["line 8"] == "no id"


def test_sniff(tmp_path: Path) -> None:
    good = write_lines(tmp_path / "export.jsonl", [json.dumps(PERSON)])
    assert detect_kind(good) == "ftm"
    assert not Ftm().sniff(write_lines(tmp_path / "other.json", [json.dumps({"name": "not an entity"})]))
    assert not Ftm().sniff(write_lines(tmp_path / "entities.txt", [json.dumps(PERSON)]))
    assert not Ftm().sniff(tmp_path)


@pytest.mark.parametrize("line", ["[1, 2]", json.dumps({"id": "t", "schema": "Thing", "properties": {}})])
def test_not_an_entity(tmp_path: Path, line: str) -> None:
    case, report = ingest(tmp_path, write_lines(tmp_path / "x.ftm", [line]), "ftm")
    assert report.rejected == 1 and not entities(case.store)
