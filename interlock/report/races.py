"""The races of a case: each office someone ran for, its candidates, who endorsed them, what they raised.

::

    races = build_races(Graph.load(store), report["findings"])

A race is an office (a ``Position``) with candidacies (``Occupancy`` with status "candidate"); it
spans every election the case has for that office, and each candidate (an identity, after
``resolve``) is listed once with their candidacies. Per candidate:

- endorsements: ``UnknownLink`` with the candidate as object and role "endorsed" (or "declined to
  endorse", shown as such). An endorsement made for another candidacy of the same person (another
  office, a later election) is shown with that one: it goes to the first candidacy whose election
  is on or after its date, or the last candidacy when it is later than all; an undated one to all;
- money raised: the gifts (:mod:`interlock.donations`: each gift once, however many filings report
  it) received by the candidate or a committee linked by an ``UnknownLink`` (subject = committee,
  object = candidate, role "committee of"), summed over all years the case holds, with where the
  filings were read and how many gifts two filings report;
- the findings that name the candidate among their subjects;
- ``also_in``: the other kinds of source that name the candidate (not the one that says they ran).

A race is ``linked`` when some candidate raised money, is in a finding or is named by another kind
of source: the HTML and Markdown reports show only those, the JSON all of them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal
from typing import Any

from interlock.donations import Gift, gifts
from interlock.graph import Graph, Node, Value

ENDORSEMENT_ROLES = ("endorsed", "declined to endorse")
COMMITTEE_OF = "committee of"
CANDIDATE = "candidate"
POINTING = ("holder", "subject", "object", "beneficiary", "payer", "person", "relative", "employee", "agent", "member")


def cite(value: Value) -> dict[str, str]:
    return {"path": value.path, "record": value.record}


def first_value(node: Node, *props: str) -> Value | None:
    return next((v for prop in props for v in node.props.get(prop, [])), None)


def candidacies(graph: Graph) -> dict[str, list[tuple[Node, Node]]]:
    """Position id → [(candidacy, candidate)], for every Occupancy with status "candidate"."""
    found: dict[str, list[tuple[Node, Node]]] = defaultdict(list)
    for occ in graph.of_schema("Occupancy"):
        if CANDIDATE not in {s.strip().lower() for s in occ.values("status")}:
            continue
        holder, post = graph.get(occ.first("holder") or ""), graph.get(occ.first("post") or "")
        if holder is not None and post is not None:
            found[post.id].append((occ, holder))
    return found


def when_of(link: Node) -> str:
    return link.first("date") or link.first("endDate") or link.first("startDate") or ""


def home_of(link: Node, runs: list[tuple[str, str]]) -> set[str]:
    """The candidacies (ids) an endorsement belongs with; ``runs`` is (election date, candidacy id) of the person."""
    day = when_of(link)
    if not day or not runs:
        return {occ for _, occ in runs}
    later = sorted(r for r in runs if r[0] and r[0] >= day[:10])
    return {later[0][1] if later else max(runs)[1]}


def endorsements(graph: Graph, person: Node, runs: list[tuple[str, str]], here: set[str]) -> list[dict[str, Any]]:
    out = []
    for link in graph.referring("object", person.id):
        role = (link.first("role") or "").strip().lower()
        if link.schema != "UnknownLink" or role not in ENDORSEMENT_ROLES or not home_of(link, runs) & here:
            continue
        who = graph.get(link.first("subject") or "")
        source = first_value(link, "role", "subject")
        out.append({
            "id": link.id,
            "endorser": {"id": who.id if who else link.first("subject"), "name": who.name if who else "",
                         "schema": who.schema if who else ""},
            "relation": role, "date": link.first("date"), "start": link.first("startDate"),
            "description": link.first("description") or "",
            "standing": graph.standing(source) if source else "inferred",
            "source": cite(source) if source else None,
        })
    return sorted(out, key=lambda e: (e["date"] or e["start"] or "", e["endorser"]["name"], e["id"]))


def committees(graph: Graph, person: Node) -> list[tuple[Node, Node]]:
    """(committee, link) for each committee tied to the person by an UnknownLink "committee of"."""
    out = []
    for link in graph.referring("object", person.id):
        if link.schema == "UnknownLink" and (link.first("role") or "").strip().lower() == COMMITTEE_OF:
            committee = graph.get(link.first("subject") or "")
            if committee is not None and committee.id != person.id:
                out.append((committee, link))
    return out


def money(person: Node, linked: list[tuple[Node, Node]], by_receiver: dict[str, list[Gift]]) -> dict[str, Any]:
    """Gifts received by the person or their committees (each gift once, however many filings report it)."""
    found = {g.id: g for target in [person.id] + [c.id for c, _ in linked] for g in by_receiver.get(target, [])}
    total = sum((g.amount for g in found.values()), Decimal(0))
    sources: Counter[str] = Counter()
    first_record: dict[str, str] = {}
    for g in found.values():
        for f in g.filings:
            sources[f.path] += 1
            first_record.setdefault(f.path, f.record)
    days = [d for g in found.values() for d in (g.first_day, g.last_day)]
    return {
        "total": f"{total:.2f}", "count": len(found), "currency": "USD" if found else None,
        "reported_twice": sum(1 for g in found.values() if len(g.filings) > 1),
        "first_date": min(days).isoformat() if days else None, "last_date": max(days).isoformat() if days else None,
        "committees": [{"id": c.id, "name": c.name, "source": cite(v) if (v := first_value(link, "role", "subject")) else None}
                       for c, link in linked],
        "sources": [{"path": path, "record": first_record[path], "payments": n} for path, n in sorted(sources.items())],
    }


def kinds_naming(graph: Graph, nodes: list[Node]) -> set[str]:
    """The kinds of source that state something about the nodes or point at them (a payment, a relative, a post)."""
    near = list(nodes) + [ref for node in nodes for prop in POINTING for ref in graph.referring(prop, node.id)]
    return {src.kind for node in near for values in node.props.values() for v in values
            if (src := graph.sources.get(v.source_sha)) is not None}


def is_linked(candidate: dict[str, Any]) -> bool:
    """Whether a candidate is more than a row of the list that says they ran: money, a finding, another kind of source."""
    return bool(candidate["money"]["count"] or candidate["findings"] or candidate["also_in"])


def build_races(graph: Graph, findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every office with candidacies in the graph, as plain JSON (see the module docstring)."""
    by_post = candidacies(graph)
    runs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for pairs in by_post.values():
        for occ, holder in pairs:
            runs[holder.id].append((occ.first("electionDate") or "", occ.id))
    named: dict[str, list[dict[str, str]]] = defaultdict(list)
    for f in findings:
        for sid in {graph.canonical(s["id"]) for s in f.get("subjects", [])}:
            named[sid].append({"id": f["id"], "title": f.get("title", "")})
    by_receiver: dict[str, list[Gift]] = defaultdict(list)
    for gift in gifts(graph):
        for receiver in gift.receivers:
            by_receiver[receiver].append(gift)
    races = []
    for post_id, pairs in by_post.items():
        post = graph.nodes[post_id]
        people: dict[str, list[Node]] = defaultdict(list)
        for occ, holder in pairs:
            people[holder.id].append(occ)
        candidates = [candidate(graph, graph.nodes[pid], occs, runs[pid], named[pid], by_receiver) for pid, occs in people.items()]
        candidates.sort(key=lambda c: c["name"])
        candidates.sort(key=lambda c: (c["candidacies"][0]["date"], is_linked(c)), reverse=True)
        dates = sorted({r["date"] for c in candidates for r in c["candidacies"] if r["date"]}, reverse=True)
        races.append({
            "id": post.id, "office": post.name, "area": post.first("subnationalArea"), "country": post.first("country"),
            "elections": dates, "candidates": candidates, "linked": any(is_linked(c) for c in candidates),
        })
    return sorted(races, key=lambda r: (r["office"], r["id"]))


def candidate(graph: Graph, person: Node, occs: list[Node], runs: list[tuple[str, str]],
              findings: list[dict[str, str]], by_receiver: dict[str, list[Gift]]) -> dict[str, Any]:
    here = {occ.id for occ in occs}
    runs_here = []
    for occ in occs:
        source = first_value(occ, "status", "post", "holder")
        runs_here.append({"id": occ.id, "date": occ.first("electionDate") or "", "party": occ.first("politicalGroup"),
                          "description": occ.first("description") or "", "source": cite(source) if source else None})
    runs_here.sort(key=lambda r: (r["date"], r["id"]), reverse=True)
    linked = committees(graph, person)
    ran_in = {src.kind for occ in occs for vs in occ.props.values() for v in vs if (src := graph.sources.get(v.source_sha))}
    others = [person] + [c for c, _ in linked]
    return {
        "id": person.id, "name": person.name, "schema": person.schema, "candidacies": runs_here,
        "endorsements": endorsements(graph, person, runs, here),
        "money": money(person, linked, by_receiver),
        "findings": sorted(findings, key=lambda f: f["id"]),
        "also_in": sorted(kinds_naming(graph, others) - ran_in),
    }
