"""nomenklatura 4 on the bench's nodes: ``run_nomenklatura.py NODES.jsonl CLUSTERS.json [ALGORITHM]``.

Each node becomes a FollowTheMoney entity (Person; Organization for organisations; LegalEntity for
mail correspondents, which may be either) with its names, e-mails, addresses and phones. Candidate
pairs come from nomenklatura's blocking ``Index`` (the DuckDB token index ``xref`` uses), the best-ranked
50,000 (what ``xref`` considers by default) or 10 per node if more (about 1,000 pairs are scored a second); each pair whose schemata can
match is scored by ALGORITHM (``er-unstable``, nomenklatura's ``DedupeAlgorithm`` and xref's default,
which also compares e-mails and phones; or ``logic-v2``, the rule-based name matcher yente uses);
pairs scoring >= 0.7 (yente's default match threshold) are merged with union-find.
``xref`` itself is not called: it needs a resolver database and only suggests pairs for review.
"""

from __future__ import annotations

import logging
import sys
import tempfile
import time
from pathlib import Path

from followthemoney import Dataset, StatementEntity
from nomenklatura.blocker import Index
from nomenklatura.matching import get_algorithm
from prep import ORGANISATIONS, read_nodes, write_clusters

THRESHOLD = 0.7
XREF_PAIRS = 5000 * 10   # xref's default limit * limit_factor
PER_NODE = 10            # more pairs for a large set; the index ranks them, best first
SCHEMA = {"Person": "Person", "Correspondent": "LegalEntity", "LegalEntity": "LegalEntity"}


class View:
    """The little of a nomenklatura ``View`` that ``Index.build`` reads."""

    class scope:
        name = "interlock-bench"

    def __init__(self, entities: list[StatementEntity]):
        self._entities = entities

    def entities(self, include_schemata=None):
        return iter(self._entities)


def entity(dataset: Dataset, key: str, node: dict) -> StatementEntity:
    schema = "Organization" if node["schema"] in ORGANISATIONS else SCHEMA.get(node["schema"], "LegalEntity")
    props = {"name": node["names"], "email": node["emails"], "address": node["addresses"], "phone": node["phones"]}
    if not node["names"] and node["emails"]:     # an entity with no name is not matchable: FtM's caption rule
        props["name"] = [node["emails"][0]]
    return StatementEntity.from_data(dataset, {"id": key, "schema": schema,
                                               "properties": {k: v for k, v in props.items() if v}}, cleaned=False)


def main() -> None:
    if len(sys.argv) not in (3, 4):
        sys.exit(f"usage: {sys.argv[0]} NODES.jsonl CLUSTERS.json [er-unstable|logic-v2|name-based|...]")
    src, dst = sys.argv[1], sys.argv[2]
    algorithm = get_algorithm(sys.argv[3] if len(sys.argv) == 4 else "er-unstable")
    if algorithm is None:
        sys.exit(f"unknown algorithm {sys.argv[3]!r}")
    logging.basicConfig(level=logging.WARNING)
    started = time.perf_counter()
    nodes = read_nodes(src)
    dataset = Dataset.make({"name": "interlock_bench", "title": "interlock bench"})
    keys = [f"n{i}" for i in range(len(nodes))]   # FtM ids: node ids carry ':' and '@'
    entities = [entity(dataset, k, n) for k, n in zip(keys, nodes, strict=True)]
    by_key = {e.id: e for e in entities}
    parent = {k: k for k in keys}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    config = algorithm.default_config() if hasattr(algorithm, "default_config") else None
    from nomenklatura.matching import ScoringConfig
    config = config or ScoringConfig.defaults()
    candidates = scored = merged = 0
    with tempfile.TemporaryDirectory() as tmp:
        index = Index(View(entities), Path(tmp))
        index.build()
        for (left_id, right_id), _ in index.pairs(max_pairs=max(XREF_PAIRS, PER_NODE * len(nodes))):
            candidates += 1
            left, right = by_key[left_id.id], by_key[right_id.id]
            if not left.schema.can_match(right.schema):
                continue
            scored += 1
            if algorithm.compare(left, right, config).score >= THRESHOLD:
                a, b = find(left.id), find(right.id)
                if a != b:
                    parent[a] = b
                    merged += 1
        index.close()
    out = {n["id"]: nodes[int(find(k)[1:])]["id"] for k, n in zip(keys, nodes, strict=True)}
    write_clusters(dst, out)
    print(f"nomenklatura {algorithm.NAME}: {len(nodes):,} nodes, {candidates:,} candidate pairs, {scored:,} scored, "
          f"{merged:,} merges -> {len(set(out.values())):,} clusters in {time.perf_counter() - started:.1f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
