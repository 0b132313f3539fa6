"""A client of an official's relative held contracts with the official's government while the
relative was registered to lobby for it (and, where the registry shows it, was paid by it).

Only awards dated inside the years of the registration count; earlier or later awards are listed
as context. The finding shows money flows as the records give them; it does not show who decided
the award or whether the official had any part in it.
"""

from __future__ import annotations

from collections.abc import Iterator

from interlock.findings import Evidence, Finding, Link, Subject, plural
from interlock.graph import Graph, Node
from interlock.relations import Lobbying, Official, lobbying_relatives, same_government, source_of
from interlock.rules import RuleContext, rule


def amount(node: Node) -> float:
    total = 0.0
    for v in node.values("amount"):
        try:
            total = max(total, float(v.replace(",", "").replace("$", "")))
        except ValueError:
            continue
    return total


def award_day(node: Node) -> str | None:
    return node.first("date") or node.first("startDate")


def awards_to(g: Graph, off: Official, org: Node) -> list[tuple[Node, Node | None]]:
    """(award, agency) for each award to the organisation by the official's government."""
    out = []
    for award in g.referring("supplier", org.id):
        if award.schema != "ContractAward" or same_government(off, g.jurisdiction(award.props["supplier"][0])) is False:
            continue
        contract = g.get(award.first("contract") or "")
        agency = g.get(contract.first("authority") or "") if contract else None
        out.append((award, agency))
    return sorted(out, key=lambda x: (award_day(x[0]) or "", x[0].id))


def payments(g: Graph, payer: Node, payee: Node) -> list[Node]:
    return sorted((p for p in g.referring("payer", payer.id)
                   if p.schema == "Payment" and g.canonical(p.first("beneficiary") or "") == payee.id),
                  key=lambda p: (p.first("startDate") or "", p.id))


def money(x: float) -> str:
    return f"${x:,.0f}"


def award_evidence(award: Node, agency: Node | None, context: bool) -> Evidence:
    v = award.props["supplier"][0]
    where = f" from {agency.name}" if agency else ""
    return Evidence(v.path, v.record, award_day(award), f"Contract award{where}: {money(amount(award))} "
                    f"({award.first('role') or 'award'}; {award.first('startDate') or '?'} to {award.first('endDate') or '?'})",
                    v.file_sha, "contract", context)


@rule(id="relative-client-benefit", severity="high")
def relative_client_benefit(ctx: RuleContext) -> Iterator[Finding]:
    g = ctx.graph
    for off, kin, regs in lobbying_relatives(g):
        for lob in regs:
            yield from benefit(ctx, off, kin.link(g), kin.word, kin.relative, off.person, lob)


def benefit(ctx: RuleContext, off: Official, family: Link, word: str, rel: Node, person: Node, lob: Lobbying) -> Iterator[Finding]:
    g = ctx.graph
    client = lob.client
    awards = awards_to(g, off, client)
    during = [(a, ag) for a, ag in awards if (award_day(a) or "") and lob.start <= (award_day(a) or "") <= lob.end]
    if not during:
        return
    paid = [p for p in payments(g, client, rel)
            if (p.first("startDate") or "") <= lob.end and (p.first("endDate") or p.first("startDate") or "") >= lob.start]
    total_award = sum(amount(a) for a, _ in during)
    total_paid = sum(amount(p) for p in paid)
    agencies = {ag.id: ag for _, ag in during if ag is not None}
    chain = [family, lob.link(g)]
    if paid:
        v = paid[0].props["payer"][0]
        chain.append(Link(client.id, "paid", rel.id, paid[0].first("startDate"), paid[-1].first("endDate"), source_of(v),
                          g.standing(v), note=f"{len(paid)} compensation reports, {money(total_paid)} in all"))
    for ag in agencies.values() or [None]:
        mine = [a for a, x in during if (x.id if x else None) == (ag.id if ag else None)]
        v = mine[0].props["supplier"][0]
        chain.append(Link(ag.id if ag else "", "awarded", client.id, award_day(mine[0]), award_day(mine[-1]), source_of(v),
                          g.standing(v), note=f"{len(mine)} awards, {money(sum(amount(a) for a in mine))}"))
    paid_text = (f"The registry shows {client.name} paid {rel.name} {money(total_paid)} in {len(paid)} reports over the same period. "
                 if paid else "The records hold no compensation reports for this client and lobbyist. ")
    summary = (
        f"While {rel.name} ({word} of {person.name}) was registered to lobby for {client.name} ({lob.start} to {lob.end}), "
        f"{client.name} received {plural(len(during), 'contract award')} or revisions worth {money(total_award)} from the government "
        f"{person.name} serves. {paid_text}Check who decided the awards and whether {person.name} had a part in them; "
        f"the records here do not show that."
    )
    evidence = [award_evidence(a, ag, False) for a, ag in during[: ctx.params.max_evidence]]
    for p in paid[: ctx.params.max_evidence // 2]:
        v = p.props["payer"][0]
        evidence.append(Evidence(v.path, v.record, p.first("startDate"), f"Lobbyist compensation: {client.name} to {rel.name}, "
                                 f"{money(amount(p))} for {p.first('startDate')} to {p.first('endDate')}", v.file_sha, "payment"))
    evidence += [award_evidence(a, ag, True) for a, ag in awards if (a, ag) not in during][: ctx.params.max_context]
    days = [award_day(a) or "" for a, _ in during]
    yield Finding(
        rule="relative-client-benefit",
        title=f"{client.name}, lobbying client of {person.name}'s {word}, received {money(total_award)} in contracts",
        summary=summary, severity="high", score=0.9 if paid else 0.75,
        subjects=[Subject(person.id, person.schema, person.name, "official"),
                  Subject(rel.id, rel.schema, rel.name, "relative"),
                  Subject(client.id, client.schema, client.name, "client"),
                  *[Subject(a.id, a.schema, a.name, "agency") for a in agencies.values()]],
        chain=chain, period_start=min(days), period_end=max(days),
        counts={"awards": len(during), "award_amount": round(total_award), "payments": len(paid), "paid_amount": round(total_paid)},
        evidence=evidence,
    )
