"""The report: a case's findings, on what each rests, and the sources read, as JSON, HTML or Markdown.

::

    report = build_report(store, "lakeport")        # the JSON shape of CONTRACT.md, plus extras
    write_report(report, "html", Path("lakeport/report.html"))

The JSON is the contract; the HTML (:mod:`.html`) and Markdown (:mod:`.markdown`) writers read only
that dict, so a report can be rendered again from a saved ``report.json``. Additions to the contract's
shape: ``summary`` (counts), ``rules`` (what each rule looks for), ``entities`` (name and schema of
every entity a chain mentions), ``races`` (each office someone ran for, see :mod:`.races`), ``documents`` (what articles and
profiles say, each relationship with its sentence, see :mod:`.claims`), ``changes`` (the last detect
run against the one before it: new, changed and what changed, gone; see :mod:`interlock.changes`),
``groups`` (findings about the same official and relative, see :mod:`interlock.groups`), per finding its
``triage`` (a person's decision replayed on today's evidence, or null; see :mod:`interlock.triage`) and
``group``, and per source its ``status``, ``standing``, ``mailbox`` and most common ``rejects``.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from interlock import __version__
from interlock.changes import load_changes
from interlock.errors import StoreError, UsageError
from interlock.graph import STANDING, Graph
from interlock.groups import build_groups
from interlock.report.claims import build_claims
from interlock.report.races import build_races
from interlock.rules import load_rules
from interlock.store import Store
from interlock.triage import replay

FORMATS = ("html", "json", "md", "pdf")
SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2, "info": 3}

# -- the data -------------------------------------------------------------------


def build_report(store: Store, case_name: str) -> dict[str, Any]:
    findings = load_findings(store)
    decided = replay(store, {f["id"]: f for f in findings})
    for f in findings:
        f["triage"] = decided.get(f["id"])
    groups = build_groups(findings)
    return {
        "case": case_name,
        "generated_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "software": {"name": "interlock", "version": __version__},
        "sources": load_sources(store),
        "findings": findings,
        "summary": summarize(store, findings),
        "rules": [{"id": r.id, "severity": r.severity, "description": r.doc} for r in sorted(load_rules().values(), key=lambda r: r.id)],
        "entities": entity_names(store, findings),
        "races": load_races(store, findings),
        "documents": load_documents(store),
        "changes": load_changes(store),
        "groups": groups,
    }


def load_documents(store: Store) -> list[dict[str, Any]]:
    """What articles and profiles say (:mod:`.claims`); the graph is loaded only when some document said something."""
    sql = ("SELECT 1 FROM statements s JOIN sources o ON o.sha256 = s.source_sha "
           "WHERE s.prop = 'summary' AND o.kind IN ('article', 'profile') LIMIT 1")
    if not store.query(sql):
        return []
    return build_claims(Graph.load(store))


def load_races(store: Store, findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The races of :mod:`.races`; the graph is loaded only when some candidacy is in the case."""
    if not store.query("SELECT 1 FROM statements WHERE schema = 'Occupancy' AND prop = 'status' AND lower(value) = 'candidate' LIMIT 1"):
        return []
    return build_races(Graph.load(store), findings)


def finding_order(finding: dict[str, Any]) -> tuple[int, float, str]:
    """Severity high → low, then score high → low, then id."""
    return SEVERITY_ORDER.get(finding.get("severity", ""), 9), -float(finding.get("score") or 0), str(finding.get("id", ""))


def load_findings(store: Store) -> list[dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for fid, payload in store.query("SELECT id, payload FROM findings ORDER BY detected_at, id"):
        try:
            data = json.loads(payload)
        except (TypeError, json.JSONDecodeError) as exc:
            raise StoreError(f"finding {fid}: the stored finding is not valid JSON ({exc}); run `interlock detect` again") from exc
        data.setdefault("id", fid)
        found[data["id"]] = data            # a finding detected again replaces the earlier copy
    return sorted(found.values(), key=finding_order)


def load_sources(store: Store) -> list[dict[str, Any]]:
    boxes = {row[0]: row[1:] for row in store.query(
        "SELECT source_sha, owner, owner_inferred, gov_domains, gov_inferred, note FROM mailboxes")}
    rejects: dict[str, list[dict[str, Any]]] = {}
    for sha, reason, n in store.query(
            "SELECT source_sha, reason, count(*) AS n FROM rejects GROUP BY source_sha, reason ORDER BY n DESC, reason"):
        if len(rejects.setdefault(sha, [])) < 5:
            rejects[sha].append({"reason": reason, "count": n})
    messages = dict(store.query("SELECT source_sha, count(*) FROM messages GROUP BY source_sha"))
    entities = dict(store.query("SELECT source_sha, count(DISTINCT entity_id) FROM statements GROUP BY source_sha"))
    sources = []
    for sha, path, kind, options, status, records, rejected, finished in store.query(
            "SELECT sha256, path, kind, options, status, records, rejected, finished_at FROM sources ORDER BY started_at, path"):
        opts = json.loads(options or "{}")
        source: dict[str, Any] = {
            "path": path, "kind": kind, "sha256": sha, "records": records or 0, "rejected": rejected or 0,
            "status": status, "finished_at": finished.strftime("%Y-%m-%dT%H:%M:%SZ") if finished else None,
            "standing": STANDING.get(kind), "messages": messages.get(sha, 0), "entities": entities.get(sha, 0),
        }
        if opts.get("jurisdiction"):
            source["jurisdiction"] = opts["jurisdiction"]
        if sha in boxes:
            owner, owner_inferred, domains, gov_inferred, note = boxes[sha]
            source["mailbox"] = {"owner": owner, "owner_inferred": bool(owner_inferred),
                                 "gov_domains": [d for d in (domains or "").split(",") if d],
                                 "gov_inferred": bool(gov_inferred), "note": note or ""}
        if sha in rejects:
            source["rejects"] = rejects[sha]
        sources.append(source)
    return sources


def summarize(store: Store, findings: list[dict[str, Any]]) -> dict[str, Any]:
    by_severity = Counter(f.get("severity", "") for f in findings)
    return {
        "findings": len(findings),
        "by_severity": {s: by_severity[s] for s in sorted(by_severity, key=lambda s: SEVERITY_ORDER.get(s, 9))},
        "by_rule": dict(sorted(Counter(f.get("rule", "") for f in findings).items())),
        "by_triage": dict(sorted(Counter((f.get("triage") or {}).get("status", "untriaged") for f in findings).items())),
        "messages": store.query("SELECT count(*) FROM messages")[0][0],
        "entities": store.query("SELECT count(DISTINCT entity_id) FROM statements")[0][0],
    }


def preferred_name(names: list[str]) -> str:
    """The mixed-case spelling a person would write, then the longest (as the graph does)."""
    return sorted(set(names), key=lambda n: (n.isupper(), -len(n), n))[0]


def entity_names(store: Store, findings: list[dict[str, Any]]) -> dict[str, dict[str, str]]:
    """id → {name, schema} for every entity the chains mention, so that a link to an entity that is not
    a subject of its finding (a lobbyist's client) can still be named."""
    wanted = sorted({i for f in findings for link in f.get("chain", []) for i in (link["from"], link["to"])})
    found: dict[str, tuple[str, list[str]]] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        for cid, schema, prop, value in store.query(
                f"""SELECT coalesce(i.canonical_id, s.entity_id) AS cid, s.schema, s.prop, s.value
                    FROM statements s LEFT JOIN identities i ON i.entity_id = s.entity_id
                    WHERE s.prop IN ('name', 'id') AND coalesce(i.canonical_id, s.entity_id) IN ({marks})""", chunk):
            entry = found.setdefault(cid, (schema, []))
            if prop == "name" and value:
                entry[1].append(value)
    return {cid: {"schema": schema, "name": preferred_name(names) if names else ""} for cid, (schema, names) in sorted(found.items())}


# -- the writers ------------------------------------------------------------------


def write_report(report: dict[str, Any], fmt: str, out: Path) -> Path:
    """Write ``report`` (from :func:`build_report`) to ``out`` as json, html, md or pdf; returns ``out``."""
    if fmt == "pdf":
        from interlock.report.pdf import write_pdf

        return write_pdf(report, out)          # the HTML printed by Chromium headless; see :mod:`.pdf`
    if fmt == "json":
        text = json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    elif fmt == "html":
        from interlock.report.html import render_html

        text = render_html(report)
    elif fmt == "md":
        from interlock.report.markdown import render_markdown

        text = render_markdown(report)
    else:
        raise UsageError(f"unknown report format {fmt!r}; formats: {', '.join(FORMATS)}")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{out}: cannot write the report ({exc.strerror or exc})") from exc
    return out


# -- wording the HTML and Markdown writers share -------------------------------------

HOW_TO_READ = (
    "Each finding is a pattern for a person to check, not a verdict: it says which records line up and "
    "where to look, and nothing about intent. Every link in a chain says how much it can bear:"
)
STANDINGS = {
    "registered": "a public register or contract file records it",
    "self-declared": "the person said so (a profile or questionnaire)",
    "reported": "a news article says so",
    "inferred": "interlock worked it out (a shared e-mail address, a matching name, messages counted): check it first",
}
SENTENCES = {
    "spouse": "{b} is the spouse of {a}",
    "family": "{b} is a relative of {a}",
    "associate": "{a} is an associate of {b}",
    "represents": "{a} was registered to lobby for {b}",
    "paid": "{a} paid {b}",
    "awarded": "{a} awarded a contract to {b}",
    "employs": "{a} employs {b}",
    "holds-office": "{a} holds office at {b}",
    "donated": "{a} donated to {b}",
    "endorsed": "{a} endorsed {b}",
    "emailed": "{a} exchanged e-mail with {b}",
    "mentioned": "{a} mentioned {b}",
}


def sentence_template(relation: str) -> str:
    """The sentence for a link, with ``{a}`` (from) and ``{b}`` (to) to fill in."""
    return SENTENCES.get(relation, "{a} → " + relation.replace("{", "(").replace("}", ")") + " → {b}")


def when(start: str | None, end: str | None) -> str:
    if start and end:
        return f"from {start} to {end}" if start != end else f"on {start}"
    if start:
        return f"since {start}"
    return f"until {end}" if end else ""


def period_text(period: dict[str, Any] | None) -> str:
    period = period or {}
    return when(period.get("start"), period.get("end")) or "no dates"


def names_of(report: dict[str, Any], finding: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """id → (name, role or schema) for everything a finding's chain mentions."""
    names = {i: (e.get("name") or f"entity {i[:8]}", e.get("schema", "")) for i, e in report.get("entities", {}).items()}
    names.update({s["id"]: (s["name"], s["role"]) for s in finding.get("subjects", [])})
    return names


def rule_docs(report: dict[str, Any]) -> dict[str, str]:
    return {r["id"]: r.get("description", "") for r in report.get("rules", [])}
