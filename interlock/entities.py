"""FollowTheMoney entities as interlock builds them: every value carries where it came from.

An ingester makes an :class:`Entity` with a deterministic id, adds values, and yields it. The store
turns each value into one statement row (entity, property, value, source file by SHA-256, record,
time seen). The same entity made from two records is one entity with the statements of both, so a
registry's yearly rows add up to one representation with all the years it was in force.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from followthemoney import model
from followthemoney.exc import InvalidData

from interlock.errors import RecordError


@dataclass(frozen=True)
class Origin:
    """Where a value was read: the source as given, the file inside it, and the record in that file."""

    source_sha: str
    file_sha: str
    path: str
    record: str


def make_id(*parts: Any) -> str:
    """A stable id from key parts: the same inputs give the same id on every run and machine."""
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass
class Entity:
    """An entity under construction: schema, id, origin and (property, value) pairs."""

    schema: str
    id: str
    origin: Origin
    values: list[tuple[str, str]] = field(default_factory=list)

    def add(self, prop: str, value: Any) -> Entity:
        """Add a value after FtM's own cleaning (dates, e-mail addresses, amounts). Empty values are skipped.

        An unknown property is a bug in the ingester and raises at once; a value FtM cannot clean
        is dropped, since the raw record stays in the case's copy of the source.
        """
        if value is None or value == "":
            return self
        schema = model.get(self.schema)
        if schema is None:
            raise ValueError(f"unknown schema {self.schema}")
        prop_obj = schema.get(prop)
        if prop_obj is None:
            raise ValueError(f"{self.schema} has no property {prop}")
        if prop_obj.type.name == "entity":
            self.values.append((prop, str(value)))
            return self
        try:
            cleaned = prop_obj.type.clean(str(value))
        except InvalidData:
            cleaned = None
        if cleaned:
            self.values.append((prop, cleaned))
        return self

    def add_all(self, prop: str, values: Iterable[Any]) -> Entity:
        for value in values:
            self.add(prop, value)
        return self


def entity(schema: str, origin: Origin, *key: Any) -> Entity:
    """Start an entity whose id is derived from the schema's family and the key parts."""
    if model.get(schema) is None:
        raise RecordError(f"unknown FollowTheMoney schema {schema!r}", origin.path, origin.record)
    return Entity(schema=schema, id=make_id(*key), origin=origin)
