"""Who is who: e-mail correspondents, registry people and organisations, donors, profile names → identities.

``resolve`` rebuilds two tables on every run. ``candidates``: every pair that shared a blocking key,
with its probability, the decision (merged, kept apart and why, for review, below) and the evidence
that made it. ``identities``: entity, ``addr:`` or ``name:`` node → canonical id, with the score and the
explanation of the match that brought it in. Pairs merge strongest first, clusters checked as wholes
(see :mod:`interlock.resolve.clusters`). Stored judgements are replayed first ("not same" vetoes)
and last ("same" forces a merge), so they survive re-ingesting and re-resolving.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field

from interlock.resolve import judgements
from interlock.resolve.blocking import block
from interlock.resolve.clusters import Clusters, Match
from interlock.resolve.features import MERGE_AT, REVIEW_FROM, Comparison, compare, rare_surnames, shared_emails
from interlock.resolve.nodes import ADDR, CORRESPONDENT, NAME, Node, load_nodes
from interlock.store import Store
from interlock.threads import ThreadReport


@dataclass
class ResolveReport:
    entities: int = 0
    addresses: int = 0
    names: int = 0              # correspondents known by a name without an address
    identities: int = 0
    pairs: int = 0
    merges: Counter[str] = field(default_factory=Counter)
    decisions: Counter[str] = field(default_factory=Counter)
    too_common: int = 0
    judgements: int = 0
    seconds: float = 0.0
    threads: ThreadReport | None = None
    accounts: Counter[str] = field(default_factory=Counter)


def run_resolve(store: Store) -> ResolveReport:
    started = time.perf_counter()
    report = ResolveReport()
    nodes = load_nodes(store)
    clusters = Clusters()
    for node in nodes.values():
        declared = node.emails if node.kind == "person" else set()
        clusters.add(node.id, set(node.people), declared, CLUSTER_KIND.get(node.kind))

    by_key: dict[str, list[str]] = {}
    for node in nodes.values():
        by_key.setdefault(node.fingerprint(), []).append(node.id)
    said = judgements.latest(judgements.load(store))
    report.judgements = len(said)
    for j in said:
        if j.judgement == "no":
            lefts, rights = judgements.sides(j, nodes, by_key)
            for a in lefts:
                for b in rights:
                    clusters.veto(a, b)

    blocks = block(nodes)
    shared = shared_emails(nodes)
    rare = rare_surnames(nodes)
    candidates = CandidateWriter(store)
    comparisons = []   # only pairs at or above the review bar are kept: the rest are written as they come
    for a, b in blocks.pairs():
        c = compare(nodes[a], nodes[b], shared, rare)
        report.pairs += 1
        if c.probability >= REVIEW_FROM:
            comparisons.append(c)
        else:
            candidates.add(c, "below")
            report.decisions["below"] += 1
    report.too_common = blocks.too_common
    comparisons.sort(key=lambda c: (-c.weight, c.left, c.right))
    for c in comparisons:
        p = c.probability
        if p >= MERGE_AT:
            why = clusters.union(c.left, c.right, Match(round(p, 4), c.explanation))
            if why is None:
                decision = "merged"
                report.merges[main_reason(c)] += 1
            else:
                decision = f"kept apart: {why}"
        else:
            decision = "review"
        candidates.add(c, decision)
        report.decisions[decision.partition(":")[0]] += 1

    for j in said:
        if j.judgement == "yes":
            lefts, rights = judgements.sides(j, nodes, by_key)
            for a in lefts:
                for b in rights:
                    clusters.union(a, b, Match(1.0, f"{j.author} judged them the same on {j.created_at[:10]}"), force=True)
                    report.merges["judgement"] += 1

    candidates.flush()
    write_identities(store, clusters)
    report.entities = sum(1 for n in nodes if not n.startswith(CORRESPONDENT))
    report.addresses = sum(1 for n in nodes if n.startswith(ADDR))
    report.names = sum(1 for n in nodes if n.startswith(NAME))
    report.identities = len(clusters.members())
    report.seconds = time.perf_counter() - started
    return report


# what a node brings to its cluster's kinds: an address may be a person's or a firm's; a name is a person's
CLUSTER_KIND = {"person": "person", "org": "org", "name": "person"}


def main_reason(c: Comparison) -> str:
    best = max(c.evidence, key=lambda e: e.weight)
    return {"email": "same e-mail address", "name": "person name", "address": "address spells the name",
            "org": "organisation name", "place": "postal address"}.get(best.feature, best.feature)


class CandidateWriter:
    """The ``candidates`` table, rewritten in chunks as comparisons come: every pair compared, with its
    decision and evidence. A pair below the bar keeps its evidence (JSON) but not the sentence, which
    costs more than the comparison. Memory stays at one chunk however many pairs there are."""

    CHUNK = 50_000

    def __init__(self, store: Store) -> None:
        self.store = store
        self.rows: list[tuple[str, str, float, float, str, str, str]] = []
        store.execute("DELETE FROM candidates")

    def add(self, c: Comparison, decision: str) -> None:
        self.rows.append((c.left, c.right, round(c.weight, 3), round(c.probability, 4), decision,
                          "" if decision == "below" else c.explanation,
                          json.dumps([[e.feature, e.weight, e.text] for e in c.evidence])))
        if len(self.rows) >= self.CHUNK:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.store.insert("candidates", self.rows)
            self.rows.clear()


def write_identities(store: Store, clusters: Clusters) -> None:
    reasons = clusters.reasons()
    rows = []
    for members in clusters.members().values():
        # a record's entity if the identity has one, else an address, else a name: never a name when there is an address
        canonical = min(members, key=lambda m: (m.startswith(NAME), m.startswith(ADDR), m))
        for node in members:
            match = reasons.get(node)
            rows.append((node, canonical, match.score if match else 1.0, match.reason if match else ""))
    with store.transaction():
        store.execute("DELETE FROM identities")
        store.insert("identities", rows)


def add_judgement(store: Store, left: str, right: str, verdict: str, author: str, note: str = "") -> judgements.Judgement:
    """Record a person's word on a pair, with the fingerprints of both sides as they are now."""
    nodes: dict[str, Node] = {}
    if not left.startswith(CORRESPONDENT) or not right.startswith(CORRESPONDENT):
        nodes = load_nodes(store)
    return judgements.add(store, left, right, verdict, author, note, nodes)
