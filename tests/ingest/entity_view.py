"""Reading back what an ingest put in the store: entities by id, their values, the rejects."""

from __future__ import annotations

import csv
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from interlock.case import Case
from interlock.ingest.driver import SourceReport
from interlock.settings import Settings
from interlock.store import Store


@dataclass
class Ingested:
    """A real export ingested once per session, and how long it took."""

    case: Case
    report: SourceReport
    folder: Path
    seconds: float


def ingest_once(folder: Path, root: Path, kind: str | None = None) -> Ingested:
    """Ingest a real source into a new case at ``root``, timed (for session-scoped fixtures)."""
    case = Case.open(root, create=True)
    started = time.perf_counter()
    report = case.ingest([folder], kind)[0]
    return Ingested(case, report, folder, time.perf_counter() - started)


def read_rows(path: Path) -> list[dict[str, str]]:
    """A CSV's rows by its own header, read independently of interlock's readers."""
    with path.open(newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


@dataclass
class View:
    schema: str
    props: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    records: set[str] = field(default_factory=set)

    def one(self, prop: str) -> str:
        values = sorted(set(self.props.get(prop, [])))
        assert len(values) == 1, f"{prop}: {values}"
        return values[0]

    def all(self, prop: str) -> list[str]:
        return sorted(set(self.props.get(prop, [])))


def entities(store: Store, source_sha: str | None = None) -> dict[str, View]:
    where, params = ("WHERE source_sha = ?", [source_sha]) if source_sha else ("", [])
    out: dict[str, View] = {}
    for entity_id, schema, prop, value, record in store.query(
            f"SELECT entity_id, schema, prop, value, record FROM statements {where}", params):
        view = out.setdefault(entity_id, View(schema))
        view.records.add(record)
        if prop != "id":
            view.props[prop].append(value)
    return out


def of_schema(views: dict[str, View], schema: str) -> dict[str, View]:
    return {k: v for k, v in views.items() if v.schema == schema}


def rejects(store: Store) -> list[tuple[str, str, str]]:
    return [tuple(r) for r in store.query("SELECT path, record, reason FROM rejects ORDER BY path, record")]


def ingest(tmp: Path, path: Path, kind: str | None = None, settings: Settings | None = None) -> tuple[Case, SourceReport]:
    case = Case.open(tmp / "case", settings, create=True)
    return case, case.ingest([path], kind)[0]
