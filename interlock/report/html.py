"""The report as one self-contained HTML file: inline CSS and SVG, no scripts, no outside resources.

The template (``templates/report.html.j2``) autoescapes everything; the only markup that reaches it
ready-made is built here with :class:`markupsafe.Markup` (which escapes what it formats) or comes
from :mod:`.svg` (which escapes its text).
"""

from __future__ import annotations

import re
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from interlock.findings import Evidence, Finding
from interlock.report import (
    HOW_TO_READ,
    STANDINGS,
    names_of,
    period_text,
    rule_docs,
    sentence_template,
    when,
)
from interlock.report.svg import chain_svg, timeline_svg


def render_html(report: dict[str, Any]) -> str:
    env = Environment(loader=PackageLoader("interlock.report", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    docs = rule_docs(report)
    changes = report.get("changes") or {}
    changed = {c["id"]: c["what"] for c in changes.get("changed", [])}
    cards = []
    for i, (f, head) in enumerate(arrange(report)):
        c = card(report, f, i, docs)
        c["group_head"] = head
        c["change"] = "new" if f["id"] in changes.get("new", []) else "changed" if f["id"] in changed else ""
        c["change_what"] = "; ".join(changed.get(f["id"], []))
        c["triage"] = f.get("triage")
        c["dismissed"] = dismissed(f)
        cards.append(c)
    for c in cards:
        if c["dismissed"]:
            c["first_dismissed"] = True     # opens the collapsed list of dismissed findings
            break
    return env.get_template("report.html.j2").render(
        r=report, cards=cards, how_to_read=HOW_TO_READ, standings=STANDINGS, date=report["generated_at"][:10],
        sources=[source_row(s) for s in report["sources"]], changes=changes or None,
        dismissed_count=sum(1 for c in cards if c["dismissed"]),
        titles={f["id"]: f["title"] for f in report["findings"]},
    )


def dismissed(finding: dict[str, Any]) -> bool:
    return (finding.get("triage") or {}).get("status") == "dismissed"


def arrange(report: dict[str, Any]) -> list[tuple[dict[str, Any], str]]:
    """The findings in the order the HTML shows them: those of one group together (a group where its
    strongest finding is), each group under a heading naming its people; the dismissed ones last."""
    groups = {g["id"]: g for g in report.get("groups", [])}
    active = [f for f in report["findings"] if not dismissed(f)]
    order: dict[str, list[dict[str, Any]]] = {}
    for f in active:
        order.setdefault(f.get("group") or f["id"], []).append(f)
    out: list[tuple[dict[str, Any], str]] = []
    for gid, members in order.items():
        people = groups[gid]["people"] if gid in groups else []
        head = " and ".join(f"{p['name']} ({p['role']})" for p in people) if people else ""
        count = f" · {len(members)} findings" if len(members) > 1 else ""
        out += [(f, head + count if i == 0 and head else "") for i, f in enumerate(members)]
    return out + [(f, "") for f in report["findings"] if dismissed(f)]


def source_row(source: dict[str, Any]) -> dict[str, Any]:
    box = source.get("mailbox") or {}
    owner = ""
    if box.get("owner"):
        owner = f"{box['owner']} ({'inferred' if box.get('owner_inferred') else 'given'})"
    domains = ", ".join(box.get("gov_domains") or [])
    if domains:
        domains += " (inferred)" if box.get("gov_inferred") else " (given)"
    return {**source, "owner": owner, "domains": domains, "sha": (source.get("sha256") or "")[:12]}


def mark(text: str, names: list[str]) -> Markup:
    """``text`` escaped, with every occurrence of the ``names`` (any case, whole words) in <mark>."""
    names = sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True)
    if not names:
        return escape(text)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.IGNORECASE)
    out, pos = Markup(""), 0
    for m in pattern.finditer(text):
        out += escape(text[pos:m.start()]) + Markup("<mark>{}</mark>").format(m.group())
        pos = m.end()
    return out + escape(text[pos:])


def strong(text: str) -> Markup:
    return Markup("<strong>{}</strong>").format(text)


def evidence_item(ev: Evidence) -> dict[str, Any]:
    return {"date": ev.date or "undated", "path": ev.path, "record": ev.record, "sha": ev.sha256[:12], "kind": ev.kind,
            "excerpt": mark(ev.excerpt, ev.highlight)}


def card(report: dict[str, Any], data: dict[str, Any], index: int, docs: dict[str, str]) -> dict[str, Any]:
    """What the template needs to draw one finding."""
    finding = Finding.from_dict(data)
    names = names_of(report, data)
    others = {i: v for i, v in names.items() if i not in {s.id for s in finding.subjects}}
    links = []
    for link in finding.chain:
        a = names.get(link.from_id, (f"entity {link.from_id[:8]}", ""))[0]
        b = names.get(link.to_id, (f"entity {link.to_id[:8]}", ""))[0]
        text = Markup(sentence_template(link.relation)).format(a=strong(a), b=strong(b))
        dates = when(link.start, link.end)
        links.append({
            "sentence": text + (f" {dates}" if dates else ""),
            "note": link.note, "standing": link.standing, "excerpt": link.excerpt,
            "source": f"{link.source.path}, record {link.source.record}" if link.source else "",
            "sha": link.source.sha256[:12] if link.source else "",
        })
    return {
        "id": data["id"], "title": finding.title, "summary": finding.summary, "severity": finding.severity,
        "score": f"{finding.score:.2f}", "rule": finding.rule, "rule_doc": docs.get(finding.rule, ""),
        "period": period_text(data.get("period")),
        "subjects": finding.subjects, "links": links,
        "chain_svg": Markup(chain_svg(finding.subjects, finding.chain, others, uid=f"c{index}")),
        "timeline_svg": Markup(timeline_svg(finding.timeline)),
        "timeline_svg_narrow": Markup(timeline_svg(finding.timeline, width=360)),   # for phones
        "markers": finding.timeline.markers if finding.timeline else [],
        "counts": [(k.replace("_", " "), v) for k, v in finding.counts.items()],
        "evidence": [evidence_item(e) for e in finding.evidence if not e.context],
        "context": [evidence_item(e) for e in finding.evidence if e.context],
    }
