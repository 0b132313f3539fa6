"""A person's word on a finding: ``confirmed``, ``dismissed`` or ``needs-review``, with a note, who and when.

Decisions are stored in the case (table ``triage``, the latest word on a finding winning) with the
fingerprint of the evidence they were made on (:func:`interlock.changes.fingerprint`: the evidence
records, counts and chain). They are replayed on every detect and report:

- a decision on the same evidence stands;
- a dismissal whose evidence has changed since comes back as ``needs-review``, its note saying what
  changed, so that new mail about a dismissed pattern is looked at again;
- a confirmation or a needs-review on changed evidence stands, marked ``stale``.

A finding keeps its id while its people do; should an identity's id move (a new source brought a
record that now heads it), the decision follows the finding with the same rule and the same people
by name and role (``subjects_key``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from interlock.changes import basis, describe, fingerprint
from interlock.entities import make_id
from interlock.errors import UsageError
from interlock.store import Store

STATUSES = ("confirmed", "dismissed", "needs-review")


@dataclass(frozen=True)
class Decision:
    finding_id: str
    status: str
    note: str
    author: str
    at: datetime
    fingerprint: str
    basis: dict[str, Any] = field(hash=False)
    rule: str = ""
    title: str = ""
    subjects_key: str = ""


def subjects_key(finding: Mapping[str, Any]) -> str:
    """The rule and the people by role and name: finds a finding again if its id moved."""
    people = sorted(f"{s.get('role', '')}:{str(s.get('name', '')).lower()}" for s in finding.get("subjects", []))
    return make_id("triage", finding.get("rule", ""), *people)[:20]


def find_id(ids: Iterable[str], wanted: str, case_name: str = "the case") -> str:
    """The one id that is ``wanted`` or starts with it (any case); a usage error names the others."""
    ids = sorted(set(ids))
    needle = wanted.strip().lower()
    if not needle:
        raise UsageError("give a finding id (or the start of one); `interlock triage CASE --list` lists them")
    exact = [i for i in ids if i.lower() == needle]
    if exact:
        return exact[0]
    found = [i for i in ids if i.lower().startswith(needle)]
    if not found:
        raise UsageError(f"no finding {wanted!r} in {case_name} ({len(ids):,} findings); "
                         "`interlock triage CASE --list` lists them" + ("" if ids else "; run `interlock detect CASE` first"))
    if len(found) > 1:
        shown = ", ".join(found[:5]) + (", ..." if len(found) > 5 else "")
        raise UsageError(f"{wanted!r} is the start of {len(found)} findings ({shown}); give more of the id")
    return found[0]


def decide(store: Store, finding: Mapping[str, Any], status: str, note: str = "", author: str = "",
           when: datetime | None = None) -> Decision:
    """Record a decision on ``finding`` (its JSON dict, as stored) with the evidence it rests on now."""
    if status not in STATUSES:
        raise UsageError(f"unknown triage status {status!r}; statuses: {', '.join(STATUSES)}")
    b = basis(dict(finding))
    at = (when or datetime.now(UTC)).replace(tzinfo=None)
    d = Decision(finding["id"], status, note, author, at, fingerprint(b), b, finding.get("rule", ""),
                 finding.get("title", ""), subjects_key(finding))
    store.insert("triage", [(d.finding_id, d.status, d.note, d.author, d.at, d.fingerprint, json.dumps(d.basis),
                             d.rule, d.title, d.subjects_key)])
    return d


def load(store: Store) -> list[Decision]:
    """Every decision, oldest first."""
    rows = store.query("SELECT finding_id, status, coalesce(note, ''), coalesce(author, ''), created_at, fingerprint, basis, "
                       "coalesce(rule, ''), coalesce(title, ''), coalesce(subjects_key, '') FROM triage ORDER BY created_at")
    return [Decision(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6] or "{}"), r[7], r[8], r[9]) for r in rows]


def latest(decisions: Iterable[Decision], findings: Mapping[str, Mapping[str, Any]]) -> dict[str, Decision]:
    """Current finding id → the last word on it; a decision on an id no longer found follows the one
    finding with its rule and people (the newer decision winning when both have one)."""
    last: dict[str, Decision] = {}
    for d in decisions:
        last[d.finding_id] = d
    by_key: dict[str, list[str]] = {}
    for fid, data in findings.items():
        by_key.setdefault(subjects_key(data), []).append(fid)
    out = {fid: d for fid, d in last.items() if fid in findings}
    for fid, d in last.items():
        if fid in findings or len(by_key.get(d.subjects_key, [])) != 1:
            continue
        [moved] = by_key[d.subjects_key]
        if moved not in out or out[moved].at < d.at:
            out[moved] = d
    return out


def effective(d: Decision, finding: Mapping[str, Any]) -> dict[str, Any]:
    """The ``triage`` of a finding in the report: the decision as it applies to today's evidence."""
    now = basis(dict(finding))
    stale = fingerprint(now) != d.fingerprint
    changes = (describe(d.basis, now) or ["evidence records changed"]) if stale else []
    status, note = d.status, d.note
    if stale and d.status == "dismissed":
        status = "needs-review"
        note = (f"The evidence changed since {d.author or 'someone'} dismissed this on {d.at:%Y-%m-%d} ({'; '.join(changes)}); "
                "look again." + (f" Dismissal note: {d.note}" if d.note else ""))
    return {"status": status, "note": note, "author": d.author, "at": d.at.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "stale": stale, "decided": d.status, "changes": changes}


def replay(store: Store, findings: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Finding id → its :func:`effective` triage, for the findings that have a decision."""
    return {fid: effective(d, findings[fid]) for fid, d in latest(load(store), findings).items()}
