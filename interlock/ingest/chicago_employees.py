"""``chicago-employees``: the City of Chicago's "Current Employee Names, Salaries, and Position Titles".

One row per employee (the portal's export may be comma- or semicolon-separated). Each row gives a
``Person`` (the name as "LAST, FIRST M"), the department as a ``PublicBody`` whose parent is the
government (``--jurisdiction``, default City of Chicago), and an ``Employment`` with the job title
and pay. Employment is not an office: a city employee is not an official for the rules, and two
employees with one name are two records (the file has no employee number), so nothing here says who
is who — resolution does, and keeps namesakes apart unless more than the name agrees.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from interlock.entities import Origin, entity
from interlock.errors import RecordError
from interlock.ingest.base import Context, count_entities, ingester
from interlock.ingest.chicago_lobbyists import iter_rows
from interlock.names import org_key
from interlock.records import Record, Reject
from interlock.store import Store

HEADER = frozenset({"NAME", "JOB TITLES", "DEPARTMENT"})
DEFAULT_JURISDICTION = "City of Chicago"


def dialect_of(path: Path) -> str:
    with path.open(encoding="utf-8-sig", errors="replace") as fh:
        first = fh.readline()
    return ";" if first.count(";") > first.count(",") else ","


def header_of(path: Path) -> set[str]:
    with path.open(newline="", encoding="utf-8-sig", errors="replace") as fh:
        return {h.strip().upper() for h in next(csv.reader(fh, delimiter=dialect_of(path)), [])}


def employee(ctx: Context, origin: Origin, n: int, r: dict[str, str], government: str, stated: set[str]) -> Record:
    name, department = r.get("NAME", ""), r.get("DEPARTMENT", "")
    if not name:
        raise RecordError("NAME is empty")
    if not department:
        raise RecordError("DEPARTMENT is empty")
    # keyed as the contracts file keys its government and departments, so they meet
    gov = entity("PublicBody", origin, "jurisdiction", org_key(government)).add("name", government)
    body = entity("PublicBody", origin, "chicago-body", org_key(government), org_key(department))
    body.add("name", department.title() if department.isupper() else department).add("parent", gov.id)
    person = entity("Person", origin, "chicago-employee", ctx.source_sha, n).add("name", name)
    job = entity("Employment", origin, "chicago-employment", ctx.source_sha, n)
    job.add("employer", body.id).add("employee", person.id).add("role", r.get("JOB TITLES"))
    pay = r.get("ANNUAL SALARY") or r.get("HOURLY RATE")
    if pay:
        job.add("summary", f"{r.get('SALARY OR HOURLY', '').lower() or 'pay'} {pay}")
    new = [e for e in (gov, body) if e.id not in stated]  # each department once a run, not once a row
    stated.update(e.id for e in new)
    return [*new, person, job]


class ChicagoEmployees:
    kind = "chicago-employees"
    description = "City of Chicago employee names, titles and departments (Data Portal CSV)"

    def sniff(self, path: Path) -> bool:
        return path.is_file() and path.suffix.lower() == ".csv" and HEADER <= header_of(path)

    def files(self, path: Path) -> list[Path]:
        return [path]

    def records(self, ctx: Context, start: int) -> Iterator[Record]:
        src = ctx.files[0]
        government = ctx.settings.jurisdiction or DEFAULT_JURISDICTION
        stated: set[str] = set()
        for n, r in iter_rows(src.path, dialect_of(src.path)):
            if n <= start:
                continue
            origin = Origin(ctx.source_sha, src.sha256, str(src.path), f"{src.path.name} row {n}")
            try:
                yield employee(ctx, origin, n, r, government, stated)
            except RecordError as exc:
                yield Reject(origin, exc.reason)

    def summary(self, store: Store, source_sha: str) -> dict[str, int]:
        return {"employees": count_entities(store, source_sha, "Person"),
                "departments": count_entities(store, source_sha, "PublicBody") - 1}


ingester(ChicagoEmployees())
