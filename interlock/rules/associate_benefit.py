"""A business partner or associate of an official's relative (or of the official) held contracts or
received payments from the official's government while the association held.

An associate is someone the records tie to the relative as a business partner or associate
(``Associate``), or a fellow director, owner or officer of a company the relative directs or owns;
the associate's own companies count with them (but not a company the relative is tied to as well:
that is relative-business-benefit). Awards dated before the association began are shown
as context. The finding shows the tie and the money; it does not show who decided the award or
whether the official had any part in it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from interlock.findings import Finding, Link, Subject, plural
from interlock.graph import Graph, Node
from interlock.relations import Kin, Official, officials, relatives, source_of
from interlock.rules import RuleContext, rule
from interlock.rules.relative_client_benefit import amount, award_day, award_evidence, awards_to, money

PARTNER_WORDS = ("partner", "associate", "co-founder", "cofounder", "business")
COMPANY_TIES = (("Directorship", "director", "organization"), ("Ownership", "owner", "asset"))


@dataclass(frozen=True)
class Association:
    kin: Kin | None          # the relative the associate is tied to (None: tied to the official)
    associate: Node
    via: Node                # the Associate link, or the company both are tied to
    link: Link
    start: str | None


def companies_of(g: Graph, person: Node) -> list[tuple[Node, Node]]:
    """(company, tie) for each company the person directs or owns."""
    out = []
    for schema, person_prop, org_prop in COMPANY_TIES:
        for tie in g.referring(person_prop, person.id):
            if tie.schema == schema and (org := g.get(tie.first(org_prop) or "")) is not None and org.schema != "PublicBody":
                out.append((org, tie))
    return out


def partners(g: Graph, person: Node) -> list[tuple[Node, Node, str, str | None]]:
    """(associate, the node that ties them, the word, since when) for a person's business partners and associates.

    Fellow directors or owners of one company are tied from the later of their two start dates."""
    out = []
    for prop, other_prop in (("person", "associate"), ("associate", "person")):
        for link in g.referring(prop, person.id):
            if link.schema == "Associate":
                word = (link.first("relationship") or "associate").lower()
                other = g.get(link.first(other_prop) or "")
                if other is not None and other.id != person.id and any(w in word for w in PARTNER_WORDS):
                    out.append((other, link, word, link.first("startDate")))
    for company, mine in companies_of(g, person):
        for schema, person_prop, org_prop in COMPANY_TIES:
            for tie in g.referring(org_prop, company.id):
                other = g.get(tie.first(person_prop) or "")
                if tie.schema == schema and other is not None and other.id != person.id and other.schema == "Person":
                    starts = [d for d in (mine.first("startDate"), tie.first("startDate")) if d]
                    word = f"a fellow {'director' if schema == 'Directorship' else 'owner'} at {company.name}"
                    out.append((other, company, word, max(starts) if starts else None))
    return out


def associations(g: Graph, off: Official) -> list[Association]:
    out = []
    for kin in [*relatives(g, off), None]:
        person = kin.relative if kin else off.person
        for other, via, word, start in partners(g, person):
            if other.id == off.person.id or (kin and other.id == kin.relative.id):
                continue
            v = next(iter(via.props.get("associate") or via.props.get("person") or via.props.get("name") or []), None)
            link = Link(person.id, "associate", other.id, start, via.first("endDate") if via.schema == "Associate" else None,
                        source_of(v) if v else None, g.standing(v) if v else "inferred", note=word,
                        excerpt=via.first("summary") or "")
            out.append(Association(kin, other, via, link, start))
    return out


@rule(id="associate-benefit", severity="high")
def associate_benefit(ctx: RuleContext) -> Iterator[Finding]:
    g = ctx.graph
    for off in officials(g):
        for assoc in associations(g, off):
            # the relative's own companies (a firm both direct) are relative-business-benefit's, not the associate's
            own = {c.id for c, _ in companies_of(g, assoc.kin.relative if assoc.kin else off.person)}
            receivers = [assoc.associate] + [c for c, _ in companies_of(g, assoc.associate) if c.id not in own]
            awards = [(a, ag, r) for r in receivers for a, ag in awards_to(g, off, r)]
            during = [x for x in awards if not assoc.start or (award_day(x[0]) or "") >= assoc.start]
            if during:
                yield make_finding(ctx, off, assoc, during, [x for x in awards if x not in during])


def make_finding(ctx: RuleContext, off: Official, assoc: Association, during: list[tuple[Node, Node | None, Node]],
                 before: list[tuple[Node, Node | None, Node]]) -> Finding:
    g, person, other = ctx.graph, off.person, assoc.associate
    total = sum(amount(a) for a, _, _ in during)
    chain = [assoc.kin.link(g)] if assoc.kin else []
    chain.append(assoc.link)
    receivers = {r.id: r for _, _, r in during}
    for r in receivers.values():
        if r.id != other.id:
            chain.append(Link(other.id, "associate", r.id, note=f"director or owner of {r.name}"))
    for r in receivers.values():
        mine = [(a, ag) for a, ag, x in during if x.id == r.id]
        v = mine[0][0].props["supplier"][0]
        ag = mine[0][1]
        chain.append(Link(ag.id if ag else "", "awarded", r.id, award_day(mine[0][0]), award_day(mine[-1][0]), source_of(v),
                          g.standing(v), note=f"{len(mine)} awards, {money(sum(amount(a) for a, _ in mine))}"))
    tied = (f"{assoc.kin.relative.name} ({assoc.kin.word} of {person.name})" if assoc.kin else person.name)
    days = sorted(award_day(a) or "" for a, _, _ in during)
    summary = (f"{other.name} is tied to {tied} as {assoc.link.note} ({assoc.link.standing}). "
               f"{', '.join(r.name for r in receivers.values())} received {len(during)} contract awards or revisions worth "
               f"{money(total)} from the government {person.name} serves, {days[0]} to {days[-1]}"
               f"{', after the tie began' if assoc.start else ''}. {plural(len(before), 'earlier award')} "
               f"{'is' if len(before) == 1 else 'are'} shown as context. Check who "
               f"decided the awards and whether {person.name} had a part in them; the records here do not show that.")
    subjects = [Subject(person.id, person.schema, person.name, "official")]
    if assoc.kin:
        subjects.append(Subject(assoc.kin.relative.id, assoc.kin.relative.schema, assoc.kin.relative.name, "relative"))
    subjects.append(Subject(other.id, other.schema, other.name, "associate"))
    subjects += [Subject(r.id, r.schema, r.name, "contractor") for r in receivers.values() if r.id != other.id]
    evidence = [award_evidence(a, ag, False) for a, ag, _ in during[: ctx.params.max_evidence]]
    evidence += [award_evidence(a, ag, True) for a, ag, _ in before[-ctx.params.max_context:]]
    return Finding(
        rule="associate-benefit",
        title=f"{other.name}, tied to {tied.split(' (')[0]} as {assoc.link.note}, received {money(total)} in contracts from "
              f"{person.name}'s government",
        summary=summary, severity="high" if assoc.link.standing == "registered" else "medium",
        score=0.8 if assoc.link.standing == "registered" else 0.65,
        subjects=subjects, chain=chain, period_start=days[0], period_end=days[-1],
        counts={"awards": len(during), "award_amount": round(total), "context_awards": len(before)}, evidence=evidence,
    )
