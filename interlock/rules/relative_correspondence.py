"""An official's government account exchanged mail with, or about, a relative who then held a
private interest before that government (a lobbying registration).

Mail is counted per month and split at the date the relative's interest began: mail before it is
shown as context, not counted as part of the pattern. Mail "about" the relative is mail the
official's account took part in that names the relative ("Sam Reyes", not "Sam Reyes Jr.").
"""

from __future__ import annotations

from collections.abc import Iterator

from interlock import mailquery
from interlock.findings import Finding, Link, Subject
from interlock.relations import identity_note, lobbying_relatives
from interlock.rules import RuleContext, rule


@rule(id="relative-correspondence", severity="high")
def relative_correspondence(ctx: RuleContext) -> Iterator[Finding]:
    g, p = ctx.graph, ctx.params
    for off, kin, regs in lobbying_relatives(g):
        if off.gov_accounts:
            rel, person = kin.relative, off.person
            start = min(lob.start for lob in regs)
            rel_accounts = g.addresses.get(rel.id, set()) - off.addresses
            rel_names = g.names.get(rel.id, set())   # printed with a name and no address
            direct = mailquery.between(ctx.store, off.gov_accounts, rel_accounts, names_b=rel_names)
            direct_ids = {m.id for m in direct}
            about = [(m, hit) for m, hit in mailquery.mentioning(ctx.store, off.gov_accounts, rel.values("name"))
                     if m.id not in direct_ids]
            mails = sorted(direct + [m for m, _ in about], key=lambda m: (m.day or "", m.id))
            after = [m for m in mails if m.day and m.day >= start]
            before = [m for m in mails if not m.day or m.day < start]
            if not after:
                continue
            hits = {m.id: hit for m, hit in about}
            names = [rel.name, *sorted(hits.values())][:3]
            evidence = [mailquery.evidence(m, False, names, hits.get(m.id)) for m in mailquery.pick(after, p.max_evidence)]
            evidence += [mailquery.evidence(m, True, names, hits.get(m.id)) for m in before[-p.max_context:]]
            direct_after = sum(1 for m in after if m.id in direct_ids)
            chain = [kin.link(g),
                     *[lob.link(g) for lob in regs],
                     Link(person.id, "emailed", rel.id, after[0].day, after[-1].day, standing="inferred",
                          note=f"{direct_after} messages between the accounts {', '.join(sorted(off.gov_accounts))} and "
                               f"{', '.join([*sorted(rel_accounts), *(repr(n) for n in sorted(rel_names))]) or 'none'}; "
                               f"{len(after) - direct_after} more name {rel.name}")]
            how = identity_note(g, rel, names=rel_names)
            first_reg = regs[0]
            summary = (
                f"{person.name}'s government account took part in {len(after)} messages with or about {rel.name} "
                f"({kin.word}) from {after[0].day} to {after[-1].day}, after {rel.name}'s lobbying registration for "
                f"{first_reg.client.name} began ({start}). {len(before)} earlier messages are shown as context and not counted. "
                f"Check what the messages concern and whether any touch the clients' business with the government; "
                f"the count alone does not show that they do."
            )
            if how:
                summary += f" Accounts and names were tied to {rel.name} because of: {how}."
            months = mailquery.monthly(mails, start)
            yield Finding(
                rule="relative-correspondence",
                title=f"{len(after)} messages between {person.name}'s government account and {kin.word} {rel.name} "
                      f"during {rel.name}'s lobbying registration",
                summary=summary, severity="high", score=min(0.95, 0.6 + 0.05 * len(after) ** 0.5),
                subjects=[Subject(person.id, person.schema, person.name, "official"),
                          Subject(rel.id, rel.schema, rel.name, "relative")],
                chain=chain, period_start=after[0].day, period_end=after[-1].day,
                counts={"emails": len(after), "direct": direct_after, "about": len(after) - direct_after,
                        "context_before": len(before)},
                evidence=evidence,
                timeline=mailquery.Timeline(months, [(lob.start, f"{rel.name} registered for {lob.client.name}") for lob in regs[:3]]),
            )
