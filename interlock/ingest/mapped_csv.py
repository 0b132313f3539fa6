"""``csv``: any table, read through a FollowTheMoney mapping (``--mapping FILE``).

Another city's lobbyist registry, a county's contract list or a state's gift disclosures come in
their own columns. Rather than a module per layout, the user says which columns make which entities,
in the mapping language of FtM's ``ftm map`` (YAML or JSON)::

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
        keys: [Lobbyist, Client, Year]
        properties:
          agent: {entity: lobbyist}
          client: {entity: client}
          date: {column: Year}

The file may be a bare query like this one, a list of them under ``queries:``, or FtM's dataset form
(``name: {queries: [...]}``). A query's ``csv_url`` is ignored: the rows are those of the file
ingested. ``filters`` and ``filters_not`` are honoured. Entity ids come from FtM's hash of the keys,
so the same row gives the same entities on every run. Each row is one record ("FILE row N");
a row that maps to nothing is counted, and one FtM refuses is rejected with the reason.

The mapping file is part of the source: it is copied into the case beside the table, and the same
table under another mapping is another source. Values from a mapped table stand as *registered*
(an official record); ``--jurisdiction`` names the government it belongs to.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from followthemoney import model
from followthemoney.exc import FollowTheMoneyException
from followthemoney.mapping import QueryMapping

from interlock.entities import Entity, Origin
from interlock.errors import InputError, UsageError
from interlock.ingest.base import Context, ingester
from interlock.records import Message, Record, Reject
from interlock.settings import Settings

PLACEHOLDER_URL = "file:///dev/null"   # FtM wants a csv_url; the rows come from the ingested file


def load_queries(path: Path) -> list[QueryMapping]:
    """The queries of a mapping file, checked by FtM (unknown schema or property, missing keys)."""
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: cannot read the mapping ({exc})") from None
    queries = query_list(data)
    if not queries:
        raise InputError(f"{path}: no mapping found (expected 'entities:', 'queries:' or FtM's dataset form)")
    out = []
    for i, query in enumerate(queries, 1):
        query = {**query, "csv_url": PLACEHOLDER_URL}
        query.pop("csv_urls", None)
        try:
            out.append(model.make_mapping(query))
        except (FollowTheMoneyException, KeyError, TypeError, ValueError) as exc:
            raise InputError(f"{path}: query {i}: {exc}") from None
    return out


def query_list(data: Any) -> list[dict[str, Any]]:
    """Bare query, ``queries:`` list, or ``{dataset: {query|queries}}``."""
    if not isinstance(data, dict):
        return []
    if "entities" in data:
        return [data]
    if "query" in data or "queries" in data:
        found = data.get("queries") or [data.get("query")]
        return [q for q in found if isinstance(q, dict) and "entities" in q]
    if len(data) == 1:
        return query_list(next(iter(data.values())))
    return []


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(1-based data row, row by column as the header spells it); blank lines are not rows."""
    with path.open(newline="", encoding="utf-8-sig", errors="replace") as fh:
        reader = csv.reader(fh)
        header = [h.strip() for h in next(reader, [])]
        n = 0
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            n += 1
            yield n, {h: v.strip() for h, v in zip(header, values, strict=False) if h and v.strip()}


def row_entities(queries: list[QueryMapping], row: dict[str, str], origin: Origin) -> list[Entity | Message]:
    out: list[Entity | Message] = []
    for query in queries:
        if not query.source.check_filters(row):  # type: ignore[attr-defined]
            continue
        for proxy in query.map(row).values():
            if not proxy.id:
                continue
            ent = Entity(schema=proxy.schema.name, id=proxy.id, origin=origin)
            for prop, value in proxy.itervalues():
                ent.add(prop.name, value)
            out.append(ent)
    return out


class MappedCsv:
    kind = "csv"
    description = "any CSV table, read through a FollowTheMoney mapping given with --mapping FILE"

    def sniff(self, path: Path) -> bool:
        return False   # a table means nothing without its mapping: name the kind

    def files(self, path: Path) -> list[Path]:
        if not path.is_file():
            raise UsageError(f"{path}: the csv kind reads one table file; give each file with its mapping")
        return [path]

    def companions(self, settings: Settings) -> list[Path]:
        """The mapping: part of the source, so another mapping of the same table is another source."""
        if settings.mapping is None:
            raise UsageError("the csv kind needs --mapping FILE (an FtM mapping: which columns make which entities)")
        if not settings.mapping.is_file():
            raise UsageError(f"{settings.mapping}: no such mapping file")
        return [settings.mapping]

    def records(self, ctx: Context, start: int) -> Iterator[Record]:
        table, mapping = ctx.files[0], ctx.files[-1]
        queries = load_queries(mapping.path)
        for n, row in read_rows(table.path):
            if n <= start:
                continue
            origin = Origin(ctx.source_sha, table.sha256, str(table.path), f"{table.path.name} row {n}")
            try:
                yield row_entities(queries, row, origin)
            except (FollowTheMoneyException, ValueError, TypeError) as exc:
                yield Reject(origin, f"the mapping cannot make entities of this row: {exc}")


ingester(MappedCsv())
