"""``ftm``: FollowTheMoney entities as JSON lines (``{"id", "schema", "properties"}`` a line), as the
``ftm`` tools, Aleph and OpenSanctions write them.

Ids are kept as they are, so entities from another tool keep pointing at each other. Every value
goes through :meth:`~interlock.entities.Entity.add` (FtM's own cleaning). A line that is not JSON, or
names a schema or property FtM does not know, is rejected with its line number; the rest go in.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from followthemoney import model

from interlock.entities import Entity, Origin
from interlock.errors import RecordError
from interlock.ingest.base import Context, ingester
from interlock.records import Record, Reject

SUFFIXES = (".json", ".jsonl", ".ftm", ".ndjson")
SNIFF_BYTES = 1 << 20


def parse_entity(text: str, origin: Origin) -> Entity:
    """One line to an entity; :class:`RecordError` says what is wrong with it."""
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RecordError(f"not JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(data, dict):
        raise RecordError("not a JSON object")
    entity_id, schema_name, props = data.get("id"), data.get("schema"), data.get("properties", {})
    if not entity_id or not isinstance(entity_id, str):
        raise RecordError("no id")
    schema = model.get(schema_name) if isinstance(schema_name, str) else None
    if schema is None:
        raise RecordError(f"unknown FollowTheMoney schema {schema_name!r}")
    if schema.abstract:
        raise RecordError(f"schema {schema_name!r} is abstract; an entity needs a concrete one")
    if not isinstance(props, dict):
        raise RecordError("properties is not an object")
    ent = Entity(schema=schema.name, id=entity_id, origin=origin)
    for prop, values in props.items():
        if schema.get(prop) is None:
            raise RecordError(f"{schema.name} has no property {prop!r}")
        for value in values if isinstance(values, list) else [values]:
            if isinstance(value, dict):  # a nested entity, as some exports write references
                value = value.get("id")
            ent.add(prop, value)
    return ent


def looks_like_ftm(path: Path) -> bool:
    if not path.is_file() or not path.name.lower().endswith(SUFFIXES):
        return False
    try:
        with path.open(encoding="utf-8", errors="replace") as fh:
            first = fh.readline(SNIFF_BYTES)
        data = json.loads(first)
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and "schema" in data and "properties" in data


class Ftm:
    kind = "ftm"
    description = "FollowTheMoney entities, one JSON object a line (.json, .jsonl, .ftm)"

    def sniff(self, path: Path) -> bool:
        return looks_like_ftm(path)

    def files(self, path: Path) -> list[Path]:
        return [path]

    def records(self, ctx: Context, start: int) -> Iterator[Record]:
        src = ctx.files[0]
        number = 0
        with src.path.open(encoding="utf-8", errors="replace") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                number += 1
                if number <= start:
                    continue
                origin = Origin(ctx.source_sha, src.sha256, str(src.path), f"line {n}")
                try:
                    yield [parse_entity(line, origin)]
                except RecordError as exc:
                    yield Reject(origin, exc.reason)


ingester(Ftm())
