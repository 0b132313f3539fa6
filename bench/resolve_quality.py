"""Entity resolution quality: pairwise precision, recall and F1 of ``Case.resolve()`` on labelled sets.

The sets, and how each labelled thing is mapped to the case's nodes, are in :mod:`bench.resolve_sets`.
A pair is predicted "same" when the two sides share a cluster (``identities.canonical_id``).
Precision = TP / (TP + FP), recall = TP / (TP + FN), F1 their harmonic mean; a ratio with nothing
to divide is reported as 0.

Another engine is scored on the same footing: take ``resolve_sets.nodes(case)``, cluster them, and
pass ``{node id: cluster id}`` to :func:`score` with the labelled set.

Each case is resolved three times (``--repeat N``) because a resolver need not be deterministic: the
one this bench was first run against was not, on the Clinton case (the order DuckDB and Python sets
handed it rows changed which merges won; precision 0.53-0.81 over three runs). The bench prints the
spread over runs and details the last run. The labelled sets are mapped once, before
resolving: the mapping reads ``statements`` and ``participants``, never ``identities``.

Run: ``python -m bench resolve-quality`` or
``python -m bench.resolve_quality [--rebuild] [--repeat N] [--no-resolve] [--only clinton|chicago]``.
The cases are built once into ``bench/.cache`` (the Clinton release takes about a minute on two cores).
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from bench.resolve_sets import LabelledSet, Pair, chicago_case, chicago_set, clinton_case, clinton_set, identities
from interlock.case import Case

SHOW = int(os.environ.get("SHOW", "8"))  # false positives and negatives listed per set (SHOW=N to see more)
REPEATS = 3  # resolves per case: the spread shows when the resolver is not deterministic


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    false_positives: list[Pair] = field(default_factory=list)
    false_negatives: list[Pair] = field(default_factory=list)

    @property
    def pairs(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def clusters_of(predicted: dict[str, str], nodes: frozenset[str]) -> set[object]:
    """The clusters of a side's nodes; a node the prediction leaves out is a cluster of its own."""
    return {predicted[n] if n in predicted else ("alone", n) for n in nodes}


def score(predicted: dict[str, str], labelled: LabelledSet | list[Pair]) -> Scores:
    """Pairwise confusion counts: a pair is predicted "same" when its sides share a cluster."""
    pairs = labelled.pairs if isinstance(labelled, LabelledSet) else labelled
    out = Scores()
    for pair in pairs:
        said = bool(clusters_of(predicted, pair.left.nodes) & clusters_of(predicted, pair.right.nodes))
        if said and pair.same:
            out.tp += 1
        elif said:
            out.fp += 1
            out.false_positives.append(pair)
        elif pair.same:
            out.fn += 1
            out.false_negatives.append(pair)
        else:
            out.tn += 1
    return out


def explain(case: Case, pair: Pair, predicted: dict[str, str], sizes: Mapping[object, int]) -> str:
    """The clusters the two sides are in (a shared one for a false positive), and the reasons the
    resolver gave for bringing each side's nodes into them."""
    left, right = clusters_of(predicted, pair.left.nodes), clusters_of(predicted, pair.right.nodes)
    common = left & right
    if common:
        head = "shared cluster " + ", ".join(f"{c!s:.40} ({sizes.get(c, 1):,} nodes)" for c in sorted(common, key=str)[:2])
    else:
        head = f"{len(left)} cluster(s) vs {len(right)} cluster(s)"
    parts = []
    for side in (pair.left, pair.right):
        found = case.store.query(
            f"SELECT DISTINCT reason FROM identities WHERE entity_id IN ({', '.join('?' for _ in side.nodes)})", sorted(side.nodes))
        text = "; ".join(sorted({r or "(first of its cluster)" for (r,) in found})) or "(not in identities)"
        parts.append(text[:90] + "…" if len(text) > 90 else text)
    return f"{head}; joined by: {parts[0]} | {parts[1]}"


def report(case: Case, labelled: LabelledSet, predicted: dict[str, str], detail: bool = True, runs: list[Scores] | None = None) -> Scores:
    s = score(predicted, labelled)
    shared = sum(1 for p in labelled.pairs if p.left.nodes & p.right.nodes)
    print(f"{labelled.name}: {len(labelled.pairs):,} pairs scored ({sum(p.same for p in labelled.pairs):,} same; "
          f"{shared:,} share a node, so the ingest alone joins them), {labelled.found:,} found, {len(labelled.not_found):,} not found")
    print(f"  {'all pairs':24} {line(s)}")
    if runs and len(runs) > 1:
        unstable = len({(r.tp, r.fp, r.fn) for r in runs}) > 1
        print(f"  {spread(f'over {len(runs)} resolves', runs)}" + ("   (not deterministic: the rest is the last run)" if unstable else ""))
    if labelled.set_aside:
        kept = [p for p in labelled.pairs if p.left.label not in labelled.set_aside and p.right.label not in labelled.set_aside]
        print(f"  {'set aside (below)':24} {line(score(predicted, kept))}")
        for label, why in labelled.set_aside.items():
            print(f"    set aside: {label}: {why}")
    if not detail:
        return s
    print(f"  {'with no merge at all':24} {line(score({}, labelled))}")
    print(f"  {'pairs on separate nodes':24} {line(score(predicted, [p for p in labelled.pairs if not p.left.nodes & p.right.nodes]))}")
    for attr, width in (("kind", 9), ("group", 52)):
        for value in sorted({getattr(p, attr) for p in labelled.pairs if getattr(p, attr)}):
            k = score(predicted, [p for p in labelled.pairs if getattr(p, attr) == value])
            print(f"    {value:{width}} {line(k)}")
    for note in labelled.notes:
        print(f"  note: {note}")
    if labelled.not_found:
        print(f"  not found (first {min(SHOW, len(labelled.not_found))}): {'; '.join(labelled.not_found[:SHOW])}")
    for title, items in (("false positive", s.false_positives), ("false negative", s.false_negatives)):
        shown = distinct(items, predicted)
        sizes: Counter[object] = Counter(predicted.values())
        if items:
            print(f"  {len(items):,} {title}s, {len(shown):,} distinct (by the clusters involved); the first {min(SHOW, len(shown))}:")
        for pair in shown[:SHOW]:
            print(f"    {pair.left.label}  ~  {pair.right.label}")
            print(f"        {explain(case, pair, predicted, sizes)}")
    return s


def line(s: Scores) -> str:
    return (f"TP {s.tp:5,}  FP {s.fp:5,}  FN {s.fn:5,}  TN {s.tn:6,}   "
            f"precision {s.precision:.3f}  recall {s.recall:.3f}  F1 {s.f1:.3f}")


def distinct(pairs: list[Pair], predicted: dict[str, str]) -> list[Pair]:
    """One pair per mistake: false positives by the cluster their sides share (55 alias pairs in one
    wrong merge are one mistake), false negatives by the clusters their sides are in."""
    seen: set[frozenset[object]] = set()
    out = []
    for pair in pairs:
        left, right = clusters_of(predicted, pair.left.nodes), clusters_of(predicted, pair.right.nodes)
        key = frozenset(left & right or left | right)
        if key not in seen:
            seen.add(key)
            out.append(pair)
    return interleave(out)


def interleave(pairs: list[Pair]) -> list[Pair]:
    """Round robin over the pairs' strata (or kinds), so the first few shown are not all of one kind."""
    by: dict[str, list[Pair]] = {}
    for pair in pairs:
        by.setdefault(pair.group or pair.kind, []).append(pair)
    out: list[Pair] = []
    queues = list(by.values())
    while queues:
        out += [q.pop(0) for q in queues]
        queues = [q for q in queues if q]
    return out


def spread(label: str, runs: list[Scores]) -> str:
    def span(values: list[float]) -> str:
        return f"{min(values):.3f}" if min(values) == max(values) else f"{min(values):.3f}-{max(values):.3f}"
    return (f"{label:24} precision {span([r.precision for r in runs])}  recall {span([r.recall for r in runs])}  "
            f"F1 {span([r.f1 for r in runs])}")


def run(name: str, folder: Path, makers: list[Callable[[Case], LabelledSet]], repeats: int) -> None:
    """Resolve the case ``repeats`` times (timed; 0: score the identities as stored), score each labelled
    set after each run, and report the last run in detail (the first set) with the spread over runs."""
    with Case.open(folder) as case:
        sets = [make(case) for make in makers]
        runs: list[list[Scores]] = [[] for _ in sets]
        seconds: list[float] = []
        for _ in range(max(repeats, 1)):
            if repeats:
                started = time.perf_counter()
                resolved = case.resolve()
                seconds.append(time.perf_counter() - started)
            predicted = identities(case)
            for i, labelled in enumerate(sets):
                runs[i].append(score(predicted, labelled))
        if repeats:
            print(f"[{name}] resolve {min(seconds):.1f}-{max(seconds):.1f}s over {repeats} run(s): {resolved.entities:,} entities, "
                  f"{resolved.addresses:,} addresses, {resolved.names:,} names without one -> "
                  f"{resolved.identities:,} identities (last run)")
        else:
            print(f"[{name}] identities as stored (--no-resolve)")
        for i, labelled in enumerate(sets):
            report(case, labelled, predicted, detail=i == 0, runs=runs[i])


def main() -> None:
    args = sys.argv[1:]
    rebuild = "--rebuild" in args
    repeats = 0 if "--no-resolve" in args else int(args[args.index("--repeat") + 1]) if "--repeat" in args else REPEATS
    only = args[args.index("--only") + 1] if "--only" in args else ""
    print("entity resolution quality (pairwise; labelled sets in bench/labels, cases cached in bench/.cache)")
    if only in ("", "clinton"):
        run("clinton", clinton_case(rebuild), [clinton_set, partial(clinton_set, with_names=True),
                                               partial(clinton_set, published=True)], repeats)
    if only in ("", "chicago"):
        run("chicago", chicago_case(rebuild), [chicago_set], repeats)


if __name__ == "__main__":
    main()
