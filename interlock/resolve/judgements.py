"""A person's word on a pair: same (``yes``), not same (``no``) or ``unsure``, with who and when.

Judgements are stored in the case and replayed on every resolve, the latest word on a pair winning.
Each side is kept by its node id and by its fingerprint (schema, names, e-mail addresses): a source
re-ingested under a new hash gives its records new ids, and the fingerprint finds them again. They
can be written to and read from a JSON Lines file, to carry them to another copy of the case.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from interlock.errors import InputError
from interlock.resolve.nodes import Node
from interlock.store import Store

VERDICTS = ("yes", "no", "unsure")


@dataclass(frozen=True)
class Judgement:
    left_id: str
    right_id: str
    judgement: str
    author: str
    created_at: str
    note: str = ""
    left_key: str = ""
    right_key: str = ""


def add(store: Store, left: str, right: str, verdict: str, author: str, note: str = "",
        nodes: dict[str, Node] | None = None, when: datetime | None = None) -> Judgement:
    if verdict not in VERDICTS:
        raise ValueError("a judgement is yes, no or unsure")
    nodes = nodes or {}
    keys = [nodes[x].fingerprint() if x in nodes else "" for x in (left, right)]
    at = (when or datetime.now(UTC)).replace(tzinfo=None)
    store.insert("judgements", [(left, right, verdict, author, at, note, keys[0], keys[1])])
    return Judgement(left, right, verdict, author, at.isoformat(), note, keys[0], keys[1])


def load(store: Store) -> list[Judgement]:
    rows = store.query("SELECT left_id, right_id, judgement, author, created_at, coalesce(note, ''), "
                       "coalesce(left_key, ''), coalesce(right_key, '') FROM judgements ORDER BY created_at")
    return [Judgement(r[0], r[1], r[2], r[3], r[4].isoformat() if r[4] else "", r[5], r[6], r[7]) for r in rows]


def latest(judgements: Iterable[Judgement]) -> list[Judgement]:
    """The last word on each pair, in the order given (oldest first)."""
    last: dict[frozenset[str], Judgement] = {}
    for j in judgements:
        last[frozenset((j.left_id, j.right_id))] = j
    return list(last.values())


def sides(j: Judgement, nodes: dict[str, Node], by_key: dict[str, list[str]]) -> tuple[list[str], list[str]]:
    """The current nodes each side stands for: its id when still there, else the nodes with its fingerprint."""
    def find(node_id: str, key: str) -> list[str]:
        if node_id in nodes:
            return [node_id]
        return by_key.get(key, []) if key else []
    return find(j.left_id, j.left_key), find(j.right_id, j.right_key)


def export(store: Store, path: Path) -> int:
    items = load(store)
    with path.open("w", encoding="utf-8") as fh:
        for j in items:
            fh.write(json.dumps(asdict(j), sort_keys=True) + "\n")
    return len(items)


def import_file(store: Store, path: Path) -> int:
    """Add the judgements of a file written by :func:`export`; ones already in the case are not added twice."""
    have = set(load(store))
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            j = Judgement(**json.loads(line))
        except (ValueError, TypeError) as exc:
            raise InputError(f"{path}: line {number} is not a judgement ({exc})") from None
        if j.judgement not in VERDICTS:
            raise InputError(f"{path}: line {number}: judgement must be one of {', '.join(VERDICTS)}, not {j.judgement!r}")
        if j not in have:
            have.add(j)
            rows.append((j.left_id, j.right_id, j.judgement, j.author, datetime.fromisoformat(j.created_at) if j.created_at else None,
                         j.note, j.left_key, j.right_key))
    if rows:
        store.insert("judgements", rows)
    return len(rows)
