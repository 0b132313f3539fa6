"""What changed between two detection runs, finding by finding, in words a reader can check.

A finding is compared by its *basis*: the evidence records it cites (by file hash and record), the
links of its chain, its counts (the evidence lists are capped, the counts are not), its period, score
and severity. Titles and summaries are worded from these, so they are not compared themselves::

    run = compare(before, after)        # id → stored payload (JSON text or dict), before and after
    run.new, run.changed, run.gone      # ids; run.what[id] says what changed: ["2 more emails", ...]

Each run is kept in ``detect_runs`` (when, which rule, the counts) and ``detect_changes`` (every
finding of the run with its status: new, changed, unchanged or gone, and what changed).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from interlock.entities import make_id
from interlock.store import Store

STATUSES = ("new", "changed", "unchanged", "gone")


def as_dict(payload: str | dict[str, Any]) -> dict[str, Any]:
    return json.loads(payload) if isinstance(payload, str) else payload


def basis(finding: dict[str, Any]) -> dict[str, Any]:
    """The parts of a finding (its JSON dict) that a change is told by."""
    period = finding.get("period") or {}
    return {
        "evidence": sorted({f"{e.get('sha256') or e.get('path', '')}|{e.get('record', '')}" for e in finding.get("evidence", [])}),
        "chain": sorted({"|".join(str(link.get(k) or "") for k in ("from", "relation", "to", "start", "end"))
                         for link in finding.get("chain", [])}),
        "counts": dict(sorted((finding.get("counts") or {}).items())),
        "period": [period.get("start"), period.get("end")],
        "score": round(float(finding.get("score") or 0), 3),
        "severity": finding.get("severity", ""),
    }


def fingerprint(b: dict[str, Any]) -> str:
    """A hash of the evidence records, chain and counts of a :func:`basis`: what a triage decision rests on."""
    return make_id("evidence", json.dumps([b.get("evidence", []), b.get("chain", []), b.get("counts", {})], sort_keys=True))[:20]


def is_things(key: str) -> bool:
    """A count of things (``emails``, ``awards``), not an amount or a qualifier (``award_amount``, ``direct``)."""
    return key.endswith("s") and "_" not in key


def count_change(key: str, old: Any, new: Any) -> str:
    """``2 more emails``, ``1 fewer award``; a count that is not a number of things: ``award amount 50,000 → 70,000``."""
    label = key.replace("_", " ")
    if isinstance(old, int) and isinstance(new, int) and is_things(key):
        n = abs(new - old)
        return f"{n:,} {'more' if new > old else 'fewer'} {key if n != 1 else key[:-1]}"
    return f"{label} {shown(old)} → {shown(new)}"


def shown(value: Any) -> str:
    return "none" if value is None else f"{value:,}" if isinstance(value, int | float) else str(value)


def span(period: list[str | None] | None) -> str:
    return " to ".join(x or "?" for x in period) if period and any(period) else "no dates"


def stamp(t: datetime | None) -> str | None:
    return t.strftime("%Y-%m-%dT%H:%M:%SZ") if t else None


def describe(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """What changed from one :func:`basis` to another, shortest first; empty when nothing did."""
    out = []
    old_counts, new_counts = old.get("counts", {}), new.get("counts", {})
    moved = [key for key in sorted(set(old_counts) | set(new_counts)) if old_counts.get(key) != new_counts.get(key)]
    for key in sorted(moved, key=lambda k: not is_things(k)):      # "2 more emails" first: the headline
        out.append(count_change(key, old_counts.get(key), new_counts.get(key)))
    added = set(new.get("evidence", [])) - set(old.get("evidence", []))
    removed = set(old.get("evidence", [])) - set(new.get("evidence", []))
    if added or removed:
        parts = [f"{len(added):,} added" if added else "", f"{len(removed):,} removed" if removed else ""]
        out.append(f"evidence records: {', '.join(p for p in parts if p)}")
    links_old = {tuple(c.split("|")[:3]): c for c in old.get("chain", [])}
    links_new = {tuple(c.split("|")[:3]): c for c in new.get("chain", [])}
    for key in sorted(set(links_new) - set(links_old)):
        out.append(f"link added: {key[1]}")
    for key in sorted(set(links_old) - set(links_new)):
        out.append(f"link removed: {key[1]}")
    for key in sorted(set(links_old) & set(links_new)):
        if links_old[key] != links_new[key]:
            out.append(f"dates of the {key[1]} link changed")
    if old.get("period") != new.get("period"):
        out.append(f"period {span(old.get('period'))} → {span(new.get('period'))}")
    if old.get("score") != new.get("score"):
        out.append(f"score {old.get('score', 0):.3g} → {new.get('score', 0):.3g}")
    if old.get("severity") != new.get("severity"):
        out.append(f"severity {old.get('severity')} → {new.get('severity')}")
    return out


@dataclass
class Comparison:
    """One run against what was stored before it."""

    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)
    what: dict[str, list[str]] = field(default_factory=dict)         # changed id → what changed
    titles: dict[str, tuple[str, str]] = field(default_factory=dict)  # every id → (title, rule)

    def status(self, fid: str) -> str:
        for name in STATUSES:
            if fid in getattr(self, name):
                return name
        raise KeyError(fid)


def compare(before: Mapping[str, str | dict[str, Any]], after: Mapping[str, str | dict[str, Any]]) -> Comparison:
    """Sort the findings of ``after`` into new, changed and unchanged, and those only in ``before`` into gone."""
    run = Comparison()
    old = {fid: as_dict(p) for fid, p in before.items()}
    new = {fid: as_dict(p) for fid, p in after.items()}
    for fid, data in (old | new).items():
        run.titles[fid] = (data.get("title", ""), data.get("rule", ""))
    for fid in sorted(new):
        if fid not in old:
            run.new.append(fid)
        elif what := describe(basis(old[fid]), basis(new[fid])):
            run.changed.append(fid)
            run.what[fid] = what
        else:
            run.unchanged.append(fid)
    run.gone = sorted(set(old) - set(new))
    return run


# -- the history of runs ------------------------------------------------------------


def last_run_time(store: Store, fallback_to_findings: bool = True) -> datetime | None:
    """When detection last ran: the newest ``detect_runs`` row, else (a case from before the history
    was kept) the newest stored finding."""
    found = store.query("SELECT max(started_at) FROM detect_runs")[0][0]
    if found is None and fallback_to_findings:
        found = store.query("SELECT max(detected_at) FROM findings")[0][0]
    return found  # type: ignore[no-any-return]


def record_run(store: Store, run: Comparison, at: datetime, rule: str | None, since: datetime | None,
               prints: Mapping[str, str]) -> int:
    """Add a run to the history; returns its number (1, 2, ...). ``since``: when the run it was compared
    with took place; ``prints``: id → fingerprint."""
    number = int(store.query("SELECT coalesce(max(run), 0) FROM detect_runs")[0][0]) + 1
    store.insert("detect_runs", [(number, at, rule, since, len(run.new) + len(run.changed) + len(run.unchanged),
                                  len(run.new), len(run.changed), len(run.unchanged), len(run.gone))])
    rows = [(number, fid, run.titles[fid][1], run.titles[fid][0], status, json.dumps(run.what.get(fid, [])), prints.get(fid, ""))
            for status in STATUSES for fid in getattr(run, status)]
    store.insert("detect_changes", rows)
    return number


def load_changes(store: Store) -> dict[str, Any] | None:
    """The latest run against the one before it, for the report; None when no run was recorded."""
    runs = store.query("SELECT run, started_at, rule, since FROM detect_runs ORDER BY run DESC LIMIT 1")
    if not runs:
        return None
    number, at, rule, since = runs[0]
    rows = store.query("SELECT finding_id, rule, title, status, what FROM detect_changes WHERE run = ? ORDER BY finding_id", [number])
    out: dict[str, Any] = {"run": number, "at": stamp(at), "rule": rule, "since": stamp(since),
                           "new": [], "changed": [], "unchanged": 0, "gone": []}
    for fid, frule, title, status, what in rows:
        if status == "new":
            out["new"].append(fid)
        elif status == "changed":
            out["changed"].append({"id": fid, "title": title, "what": json.loads(what or "[]")})
        elif status == "gone":
            out["gone"].append({"id": fid, "title": title, "rule": frule})
        else:
            out["unchanged"] += 1
    return out
