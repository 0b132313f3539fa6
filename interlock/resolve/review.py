"""``resolve --review``: one uncertain pair at a time, a person says same, not same or unsure.

The queue is the pairs resolution left for review (probability between ``REVIEW_FROM`` and
``MERGE_AT``), one per pair of identities, and the merges that rest on a name alone, most uncertain
first, leaving out pairs already judged. Each pair is shown with what the case holds on both sides (names, e-mail addresses,
postal addresses, sources and how many messages an address took part in) and the evidence with its
weights. Reading and writing go through the two functions given, so a test can answer the prompts.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from interlock.resolve import judgements
from interlock.resolve.nodes import ADDR, NAME, Node, load_nodes
from interlock.store import Store
from interlock.unionfind import UnionFind

ANSWERS = {"y": "yes", "n": "no", "u": "unsure"}
PROMPT = "Same? [y]es / [n]o / [u]nsure / [s]kip / [q]uit: "


@dataclass(frozen=True)
class Pair:
    left: str
    right: str
    score: float
    decision: str
    explanation: str
    evidence: list[list[object]]


def queue(store: Store) -> list[Pair]:
    """The pairs to ask about, most uncertain first, each question once:

    - a pair left for review once per pair of identities: the answer holds for the whole identities (a
      "no" keeps them apart, a "yes" joins them), so a printed name is not asked about again against
      each OCR'd spelling of one address;
    - a merge made on a name alone only where it is what joins two parts of an identity that nothing
      stronger (an address, an earlier question) joins already.
    """
    judged = {frozenset((j.left_id, j.right_id)) for j in judgements.load(store)}
    canonical = dict(store.query("SELECT entity_id, canonical_id FROM identities"))
    joined = UnionFind()
    for left, right in store.query("SELECT left_id, right_id FROM candidates WHERE decision = 'merged' "
                                   "AND explanation NOT LIKE '%name alone%'"):
        joined.union(left, right)
    rows = store.query(
        """SELECT left_id, right_id, score, decision, explanation, evidence FROM candidates
           WHERE decision = 'review' OR (decision = 'merged' AND explanation LIKE '%name alone%')
           ORDER BY abs(score - 0.5), left_id, right_id""")
    asked: set[frozenset[str]] = set()
    out = []
    for r in rows:
        if frozenset((r[0], r[1])) in judged:
            continue
        if r[3] == "review":
            both = frozenset((canonical.get(r[0], r[0]), canonical.get(r[1], r[1])))
            if both in asked:
                continue
            asked.add(both)
        elif joined.union(r[0], r[1]) is None:
            continue
        out.append(Pair(r[0], r[1], r[2], r[3], r[4], json.loads(r[5])))
    return out


def describe(node: Node, sources: dict[str, str], messages: int) -> list[str]:
    kind = node.schema or ("printed name, no address" if node.id.startswith(NAME) else "e-mail correspondent")
    lines = [f"  {node.label}  [{kind}]  {node.id}"]
    others = [n for n in node.shown if n != node.label]
    if others:
        lines.append(f"    also written: {'; '.join(others[:4])}")
    if node.emails:
        lines.append(f"    e-mail: {', '.join(sorted(node.emails))}" + (f"  ({messages:,} messages)" if node.id.startswith(ADDR) else ""))
    if node.places:
        lines.append(f"    address: {'; '.join(sorted(node.places))}")
    if node.sources:
        lines.append(f"    from: {'; '.join(sorted(sources.get(s, s[:12]) for s in node.sources))}")
    return lines


def review(store: Store, author: str, ask: Callable[[str], str], show: Callable[[str], None], limit: int | None = None) -> int:
    """Ask about each pair of the queue; return how many judgements were recorded."""
    pairs = queue(store)
    if not pairs:
        show("nothing to review: no uncertain pairs left (run `interlock resolve` after new sources)")
        return 0
    nodes = load_nodes(store)
    sources = {sha: f"{kind} {path}" for sha, kind, path in store.query("SELECT sha256, kind, path FROM sources")}
    counts = dict(store.query("SELECT address, count(DISTINCT message) FROM participants GROUP BY address"))
    recorded = 0
    for number, pair in enumerate(pairs[:limit] if limit else pairs, 1):
        left, right = nodes.get(pair.left), nodes.get(pair.right)
        if left is None or right is None:
            continue
        show(f"\n[{number}/{len(pairs)}] probability {pair.score:.2f} ({pair.decision})")
        for node in (left, right):
            show("\n".join(describe(node, sources, counts.get(node.id.removeprefix(ADDR), 0))))
        show("  evidence:")
        for feature, weight, text in sorted(pair.evidence, key=lambda e: -abs(float(e[1]))):  # type: ignore[arg-type]
            show(f"    {float(weight):+5.1f}  {text}  [{feature}]")  # type: ignore[arg-type]
        try:
            answer = ""
            while answer not in ANSWERS and answer not in ("s", "q"):
                answer = ask(PROMPT).strip().lower()[:1] or "s"
                if answer not in ANSWERS and answer not in ("s", "q"):
                    show("  please answer y, n, u, s or q")
                    answer = ""
            if answer == "q":
                break
            if answer == "s":
                continue
        except EOFError:                 # the end of input: stop, keeping what was judged
            break
        try:
            note, more = ask("  note (optional, Enter for none): ").strip(), True
        except EOFError:
            note, more = "", False
        judgements.add(store, pair.left, pair.right, ANSWERS[answer], author, note, nodes)
        recorded += 1
        if not more:
            break
    return recorded
