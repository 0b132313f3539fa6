"""The report as Markdown: the same content as the HTML without the figures; the timeline becomes a
table of counts per year and the busiest months. Text from the sources is escaped so that a name or
an excerpt cannot turn into markup (or HTML) when the file is rendered."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from interlock.findings import Evidence, Finding, Timeline
from interlock.report import HOW_TO_READ, STANDINGS, names_of, period_text, rule_docs, sentence_template, when

SPECIAL = re.compile(r"([\\`*_\[\]|~])")
LINE_START = re.compile(r"^(\s*|\s*\d+)([#>+-]|(?<=\d)[.)])")


def md(text: Any) -> str:
    """Escape Markdown punctuation and HTML; collapse line breaks (for one-line cells and headings)."""
    text = str(text).replace("&", "&amp;").replace("<", "&lt;")
    return SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", text))


def marked(text: str, names: list[str]) -> str:
    """An excerpt escaped, its lines kept, the ``names`` in bold."""
    names = sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.IGNORECASE) if names else None
    lines = []
    for line in text.splitlines() or [""]:
        if pattern is None:
            lines.append(md(line))
            continue
        out, pos = [], 0
        for m in pattern.finditer(line):
            out += [md(line[pos:m.start()]), f"**{md(m.group())}**"]
            pos = m.end()
        out.append(md(line[pos:]))
        lines.append("".join(out))
    return "  \n".join("> " + LINE_START.sub(r"\1\\\2", line) for line in lines)   # two spaces: a line break


def timeline_table(timeline: Timeline | None) -> list[str]:
    if timeline is None or not timeline.months:
        return []
    counted: Counter[str] = Counter()
    context: Counter[str] = Counter()
    for month, a, c in timeline.months:
        counted[month[:4]] += a
        context[month[:4]] += c
    out = ["| year | counted | context |", "|---|---:|---:|"]
    out += [f"| {y} | {counted[y]:,} | {context[y]:,} |" for y in sorted(set(counted) | set(context))]
    busiest = sorted((m for m in timeline.months if m[1]), key=lambda m: (-m[1], m[0]))[:3]
    if busiest:
        out += ["", "Busiest months: " + ", ".join(f"{m} ({a:,})" for m, a, _ in busiest) + "."]
    return out


def evidence_lines(items: list[Evidence]) -> list[str]:
    out = []
    for e in items:
        sha = f" · sha256 `{e.sha256[:12]}`" if e.sha256 else ""
        record = e.record.replace("`", "")
        out += [f"- {e.date or 'undated'} · {md(e.path)} · record `{record}`{sha}", "", marked(e.excerpt, e.highlight), ""]
    return out


def finding_lines(report: dict[str, Any], data: dict[str, Any], docs: dict[str, str]) -> list[str]:
    f = Finding.from_dict(data)
    names = names_of(report, data)
    out = [f"## {md(f.title)}", "",
           f"**{f.severity.upper()}** · score {f.score:.2f} · {period_text(data.get('period'))} · rule `{f.rule}` · id `{data['id']}`",
           "", *triage_lines(data.get("triage")), md(f.summary), "", "### Who", ""]
    out += [f"- **{md(s.name)}**, {s.role} ({s.schema})" for s in f.subjects]
    out += ["", "### How they are linked", ""]
    for i, link in enumerate(f.chain, 1):
        a = names.get(link.from_id, (f"entity {link.from_id[:8]}", ""))[0]
        b = names.get(link.to_id, (f"entity {link.to_id[:8]}", ""))[0]
        dates = when(link.start, link.end)
        line = sentence_template(link.relation).format(a=f"**{md(a)}**", b=f"**{md(b)}**") + (f" {dates}" if dates else "")
        out.append(f"{i}. {line}. *{link.standing}*")
        if link.note:
            out.append(f"   - {md(link.note)}")
        if link.excerpt:
            out.append(f"   - the sentence: “{md(link.excerpt)}”")
        if link.source:
            out.append(f"   - source: {md(link.source.path)}, record `{link.source.record.replace('`', '')}`")
    if f.counts:
        out += ["", "### Counts", "", " · ".join(f"{md(k.replace('_', ' '))}: {v:,}" for k, v in f.counts.items())]
    table = timeline_table(f.timeline)
    markers = f.timeline.markers if f.timeline else []
    if table or markers:
        out += ["", "### Timeline", "", *table]
        out += ["", *[f"- {date}: {md(label)}" for date, label in markers]] if markers else []
    current = [e for e in f.evidence if not e.context]
    context = [e for e in f.evidence if e.context]
    if current:
        out += ["", "### Evidence", "", *evidence_lines(current)]
    if context:
        out += ["", "### Context (before the relationship began)", "", *evidence_lines(context)]
    if docs.get(f.rule):
        out += ["", f"*What the rule looks for:* {md(docs[f.rule])}"]
    return out + [""]


def triage_lines(t: dict[str, Any] | None) -> list[str]:
    """A person's decision on a finding, as replayed on today's evidence (see interlock.triage)."""
    if not t:
        return []
    line = f"*Triage:* **{t['status']}** · {md(t.get('author') or 'someone')}, {str(t.get('at', ''))[:10]}"
    line += f": {md(t['note'])}" if t.get("note") else ""
    if t.get("stale") and t.get("decided") == t["status"]:
        line += f" (the evidence changed since this decision: {md('; '.join(t.get('changes', [])))})"
    return [line, ""]


def change_lines(report: dict[str, Any]) -> list[str]:
    """The last detect run against the one before it: what is new, changed and gone."""
    ch = report.get("changes")
    if not ch or not ch.get("since"):
        return []
    titles = {f["id"]: f["title"] for f in report["findings"]}
    only = f" (rule `{ch['rule']}` only)" if ch.get("rule") else ""
    out = [f"## Since the run of {ch['since'][:16].replace('T', ' ')} UTC", "",
           f"{len(ch['new'])} new, {len(ch['changed'])} changed, {len(ch['gone'])} gone, {ch['unchanged']} unchanged{only}.", ""]
    out += [f"- new: {md(titles.get(fid, fid))} (`{fid}`)" for fid in ch["new"]]
    out += [f"- changed: {md(titles.get(c['id'], c['title']))} (`{c['id']}`): {md('; '.join(c['what']))}" for c in ch["changed"]]
    out += [f"- gone: {md(g['title'])} (rule `{g['rule']}`, `{g['id']}`): no longer found in these sources" for g in ch["gone"]]
    return out + [""]


def is_dismissed(finding: dict[str, Any]) -> bool:
    return (finding.get("triage") or {}).get("status") == "dismissed"


def cited(source: dict[str, str] | None) -> str:
    return f"{md(source['path'])}, record `{source['record'].replace('`', '')}`" if source else ""


def candidate_lines(c: dict[str, Any]) -> list[str]:
    out = [f"- **{md(c['name'])}**"]
    out += [f"  - {md(run['description'] or run['date'])} ({cited(run['source'])})" for run in c["candidacies"]]
    for e in c["endorsements"]:
        verb = "endorsed by" if e["relation"] == "endorsed" else f"**{md(e['relation'])}:**"
        day = e["date"] or (f"after {e['start']}" if e["start"] else "undated")
        out.append(f"  - {verb} {md(e['endorser']['name'])} · {day} · *{e['standing']}* · {cited(e['source'])}")
    if not c["endorsements"]:
        out.append("  - no endorsements recorded")
    m = c["money"]
    if m["count"]:
        amount = f"${float(m['total']):,.2f}" if m["currency"] in (None, "USD") else f"{float(m['total']):,.2f} {m['currency']}"
        via = f", to {md(', '.join(x['name'] for x in m['committees']))}" if m["committees"] else ""
        dates = f" ({m['first_date']} to {m['last_date']})" if m["first_date"] else ""
        read = "; ".join(f"{md(s['path'])} ({s['payments']:,}, first record `{s['record'].replace('`', '')}`)" for s in m["sources"])
        out.append(f"  - raised **{amount}** in {m['count']:,} contribution{'' if m['count'] == 1 else 's'}{dates}{via}; read from {read}")
    if c["findings"]:
        out.append("  - findings: " + "; ".join(f"{md(f['title'])} (`{f['id']}`)" for f in c["findings"]))
    if c["also_in"]:
        out.append(f"  - also named in: {', '.join(c['also_in'])}")
    return out


def race_lines(races: list[dict[str, Any]]) -> list[str]:
    """The races where a candidate turns up elsewhere in the case (the JSON report has them all)."""
    shown = [r for r in races if r.get("linked")]
    if not shown:
        return []
    out = ["## Races", "", f"Offices someone in these sources ran for, where a candidate also turns up elsewhere in the case "
           f"(money raised, a finding, or another kind of source): {len(shown)} of {len(races)} races. The JSON report lists them all.", ""]
    for race in shown:
        out += [f"### {md(race['office'])}", "", f"Elections: {', '.join(race['elections']) or 'undated'}", ""]
        for c in race["candidates"]:
            out += candidate_lines(c)
        out.append("")
    return out


def document_lines(documents: list[dict[str, Any]]) -> list[str]:
    """Every relationship read from an article or a profile, with its sentence."""
    if not documents:
        return []
    out = ["## What the documents say", "", "Every relationship read from an article (*reported*) or a profile (*self-declared*), "
           "with the sentence it comes from. Neither is an official record.", ""]
    for d in documents:
        when = f" · {d['published']}" if d.get("published") else ""
        out += [f"### {md(d['title'])}", "", f"{d['kind']}{when} · {md(d['path'])} (`{d['sha256'][:12]}`)", ""]
        for c in d["claims"]:
            who = md(c["subject"]["name"]) if c["subject"] else "?"
            whom = md(c["object"]["name"]) if c["object"] else "?"
            word = f" ({md(c['word'])})" if c["word"] and c["word"] not in (c["relation"], "current") else ""
            amount = f" ${float(c['amount']):,.0f}" if c["amount"] else ""
            day = c["date"] or (f"{c['start']} to {c['end']}" if c["start"] else "")
            out.append(f"- **{who}** {c['relation']}{word} **{whom}**{amount}{' · ' + day if day else ''} · *{c['standing']}* "
                       f"· `{c['record']}`")
            out.append(f"  > {md(c['sentence'])}")
        out.append("")
    return out


def render_markdown(report: dict[str, Any]) -> str:
    summary = report.get("summary", {})
    out = [f"# {md(report['case'])}: interlock report", "",
           f"Generated {report['generated_at']} by {report['software']['name']} {report['software']['version']}"
           f" · {len(report['findings'])} findings", "",
           "## How to read this", "", HOW_TO_READ, ""]
    out += [f"- **{name}**: {text}" for name, text in STANDINGS.items()]
    out += ["", "Evidence under “Context” is from before the relationship began; it is shown, not counted.", "",
            "## Sources", ""]
    if report["sources"]:
        out += ["| source | kind | records | rejected | mailbox owner | government domains |", "|---|---|---:|---:|---|---|"]
        for s in report["sources"]:
            box = s.get("mailbox") or {}
            owner = f"{md(box['owner'])} ({'inferred' if box.get('owner_inferred') else 'given'})" if box.get("owner") else ""
            domains = md(", ".join(box.get("gov_domains") or []))
            domains += (" (inferred)" if box.get("gov_inferred") else " (given)") if domains else ""
            out.append(f"| {md(s['path'])} (`{s['sha256'][:12]}`) | {s['kind']} | {s['records']:,} | {s['rejected']:,} "
                       f"| {owner} | {domains} |")
    else:
        out.append("No sources have been ingested into this case yet.")
    out += ["", "## Findings", ""]
    if not report["findings"]:
        out += ["**No findings.** None of the patterns interlock looks for turned up in these sources. That is not proof "
                "that there is nothing to find: the sources may be incomplete, or a person may not have been recognised "
                "across them.", ""]
    else:
        active = [f for f in report["findings"] if not is_dismissed(f)]
        put_aside = [f for f in report["findings"] if is_dismissed(f)]
        out += [f"{i}. {md(f['title'])} ({f['severity']}, score {f['score']:.2f})" for i, f in enumerate(active, 1)]
        out += ["", f"{len(put_aside)} dismissed finding{'' if len(put_aside) == 1 else 's'} at the end."] if put_aside else []
        out.append("")
    out += change_lines(report)
    docs = rule_docs(report)
    for data in report["findings"]:
        if not is_dismissed(data):
            out += finding_lines(report, data, docs)
    out += race_lines(report.get("races", []))
    out += document_lines(report.get("documents", []))
    dismissed = [f for f in report["findings"] if is_dismissed(f)]
    if dismissed:
        out += ["## Dismissed findings", "", "Checked by a person and set aside; each says who and why.", ""]
        for data in dismissed:
            out += finding_lines(report, data, docs)
    if summary:
        out.append(f"*{summary.get('messages', 0):,} messages and {summary.get('entities', 0):,} entities read.*")
    return "\n".join(out).rstrip() + "\n"
