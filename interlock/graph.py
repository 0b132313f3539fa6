"""The resolved graph the rules read: entities merged by identity, every value with its provenance.

Loaded once per ``detect`` from the store: statements grouped by canonical id (``identities``),
entity references remapped, plus the addresses each identity writes from and the mailboxes of the
case. Mail itself stays in the store and is queried with SQL (see :mod:`interlock.mailquery`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

from followthemoney import model

from interlock.names import norm_text
from interlock.resolve.nodes import ADDR, NAME, name_node_id
from interlock.store import Store

STANDING = {
    "profile": "self-declared",
    "article": "reported",
    "chicago-lobbyists": "registered",
    "chicago-contracts": "registered",
    "isbe-receipts": "registered",
    "fivethirtyeight-endorsements": "reported",
    "ftm": "registered",
}
DEFAULT_JURISDICTION = {"chicago-lobbyists": "City of Chicago", "chicago-contracts": "City of Chicago"}


@dataclass(frozen=True)
class Value:
    value: str
    source_sha: str
    file_sha: str
    path: str
    record: str


@dataclass
class Node:
    id: str
    schema: str
    props: dict[str, list[Value]] = field(default_factory=lambda: defaultdict(list))
    members: set[str] = field(default_factory=set)

    def values(self, prop: str) -> list[str]:
        seen: dict[str, None] = {}
        for v in self.props.get(prop, []):
            seen.setdefault(v.value, None)
        return list(seen)

    def first(self, prop: str) -> str | None:
        vals = self.props.get(prop)
        return vals[0].value if vals else None

    @property
    def name(self) -> str:
        names = self.values("name")
        if not names:
            return self.id
        # prefer the mixed-case spelling a person would write, then the longest
        return sorted(names, key=lambda n: (n.isupper(), -len(n)))[0]


@dataclass(frozen=True)
class Source:
    sha256: str
    path: str
    kind: str
    jurisdiction: str | None


@dataclass(frozen=True)
class Mailbox:
    source_sha: str
    owner: str | None
    gov_domains: tuple[str, ...]


def jurisdiction_key(name: str | None) -> str:
    """"City of Chicago", "Chicago" and "CITY OF CHICAGO" compare equal; so do "Marsh County" and
    "County of Marsh" (the words are compared in order of the alphabet)."""
    words = [w for w in norm_text(name).split() if w not in {"city", "of", "the", "village", "town", "government"}]
    return " ".join(sorted(words))


class Graph:
    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}
        self.canon: dict[str, str] = {}
        self.match: dict[str, tuple[float, str]] = {}
        self.addresses: dict[str, set[str]] = defaultdict(set)
        # names printed without an address ("To: Reyes, Sam" in a released print-out), as written, that
        # resolution joined to an identity; and each such name's node (``name:…``), whose match says why
        self.names: dict[str, set[str]] = defaultdict(set)
        self.name_node: dict[str, str] = {}
        self.sources: dict[str, Source] = {}
        self.mailboxes: list[Mailbox] = []
        self._refs: dict[tuple[str, str], list[Node]] = defaultdict(list)
        # which records state an entity, and which entities a record points at (before resolution): what a
        # finding cites tells which of an identity's records it rests on (relations.name_alone_caveat)
        self.records_of: dict[str, set[tuple[str, str]]] = defaultdict(set)     # entity id → (file SHA-256, record)s
        self.pointed_at: dict[tuple[str, str], set[str]] = defaultdict(set)     # (file SHA-256, record) → entity ids
        self.sources_of_file: dict[str, set[str]] = defaultdict(set)           # file SHA-256 → its sources' (files table)

    def canonical(self, entity_id: str) -> str:
        return self.canon.get(entity_id, entity_id)

    def get(self, entity_id: str) -> Node | None:
        return self.nodes.get(self.canonical(entity_id))

    def of_schema(self, *schemas: str) -> list[Node]:
        return [n for n in self.nodes.values() if n.schema in schemas]

    def referring(self, prop: str, target: str) -> list[Node]:
        """Entities whose ``prop`` points at the identity ``target`` (e.g. Family.person → official)."""
        return self._refs.get((prop, self.canonical(target)), [])

    def standing(self, value: Value) -> str:
        src = self.sources.get(value.source_sha)
        return STANDING.get(src.kind, "inferred") if src else "inferred"

    def jurisdiction(self, value: Value) -> str | None:
        src = self.sources.get(value.source_sha)
        return src.jurisdiction if src else None

    @classmethod
    def load(cls, store: Store) -> Graph:
        g = cls()
        for sha, path, kind, options in store.query("SELECT sha256, path, kind, options FROM sources"):
            opts = json.loads(options or "{}")
            g.sources[sha] = Source(sha, path, kind, opts.get("jurisdiction") or DEFAULT_JURISDICTION.get(kind))
        for source_sha, file_sha in store.query("SELECT source_sha, file_sha FROM files"):
            g.sources_of_file[file_sha].add(source_sha)
        for sha, owner, domains in store.query("SELECT source_sha, owner, gov_domains FROM mailboxes"):
            g.mailboxes.append(Mailbox(sha, owner, tuple(d for d in (domains or "").split(",") if d)))
        name_nodes: dict[str, str] = {}
        for entity_id, canonical, score, reason in store.query("SELECT entity_id, canonical_id, score, reason FROM identities"):
            if entity_id.startswith(ADDR):
                g.addresses[canonical].add(entity_id[len(ADDR):])
            elif entity_id.startswith(NAME):
                name_nodes[entity_id] = canonical
            else:
                g.canon[entity_id] = canonical
            g.match[entity_id] = (score, reason)
        if name_nodes:
            for (display,) in store.query("SELECT DISTINCT name FROM participants WHERE coalesce(address, '') = '' "
                                          "AND coalesce(name, '') <> ''"):
                if (node_id := name_node_id(display)) in name_nodes:
                    g.name_node[display] = node_id
                    g.names[name_nodes[node_id]].add(display)
        schema_of: dict[str, str] = {}
        for entity_id, schema, prop, value, source_sha, file_sha, path, record in store.iter_query(
            "SELECT entity_id, schema, prop, value, source_sha, file_sha, path, record FROM statements ORDER BY entity_id, seen_at, record"
        ):
            cid = g.canonical(entity_id)
            node = g.nodes.get(cid)
            if node is None:
                node = g.nodes[cid] = Node(cid, schema)
            elif node.schema != schema and schema_of.get(cid) != schema:
                try:
                    node.schema = model.common_schema(node.schema, schema).name
                except Exception:  # noqa: BLE001  (unrelated schemata: keep the first)
                    pass
                schema_of[cid] = schema
            node.members.add(entity_id)
            g.records_of[entity_id].add((file_sha, record))
            if prop == "id":
                continue
            schema_obj = model.get(schema)
            prop_obj = schema_obj.get(prop) if schema_obj is not None else None
            if prop_obj is not None and prop_obj.type.name == "entity":
                g.pointed_at[(file_sha, record)].add(value)
                value = g.canonical(value)
            node.props[prop].append(Value(value, source_sha, file_sha, path, record))
        for node in g.nodes.values():
            schema_obj = model.get(node.schema)
            for prop, values in node.props.items():
                prop_obj = schema_obj.get(prop) if schema_obj else None
                if prop_obj is not None and prop_obj.type.name == "entity":
                    for target in {v.value for v in values}:
                        g._refs[(prop, target)].append(node)
            if node.schema == "Person":
                g.addresses[node.id].update(v.value for v in node.props.get("email", []))
        return g
