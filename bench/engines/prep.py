"""Shared reading and writing for the engine runners (run in ``.venv-engines``, not interlock's venv).

Input: JSON lines, one node a line (``bench.resolve_sets.nodes``: id, schema, names, emails,
addresses, phones). Output: one JSON object ``{node id: cluster id}``.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

ORGANISATIONS = {"Organization", "Company", "PublicBody"}
ORG_WORDS = {"inc", "llc", "ltd", "co", "corp", "corporation", "company", "lp", "llp", "pc", "the", "plc", "pllc"}


def read_nodes(path: str) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def write_clusters(path: str, clusters: dict[str, str]) -> None:
    Path(path).write_text(json.dumps(clusters), encoding="utf-8")


def ascii_lower(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def norm_name(name: str, organisation: bool) -> str:
    """Lower case, accents and punctuation dropped; "Last, First" turned round for people;
    legal-form words dropped for organisations."""
    name = name.strip().strip("'\"")
    if not organisation and name.count(",") == 1:
        last, first = name.split(",")
        name = f"{first} {last}"
    words = re.sub(r"[^0-9a-z]+", " ", ascii_lower(name)).split()
    if organisation:
        words = [w for w in words if w not in ORG_WORDS] or words
    return " ".join(words)


def args() -> tuple[str, str]:
    if len(sys.argv) != 3:
        sys.exit(f"usage: {sys.argv[0]} NODES.jsonl CLUSTERS.json")
    return sys.argv[1], sys.argv[2]
