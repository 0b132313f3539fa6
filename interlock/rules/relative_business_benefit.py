"""A business of an official's relative (or of the official) held contracts with the official's
government while the tie held: a company the relative owns, directs or works for, or the relative
in person as a vendor.

Ties come from ownership and directorship records (``Ownership``, ``Directorship``) and from
employment (``Employment``); an employee's stake in an employer's contracts is less direct than an
owner's, and the finding says which it is. Awards are counted from the day the tie began (when the
records date it) to the day it ended; earlier and later awards are shown as context. The finding shows
the tie and the money; it does not show who decided the award, whether the official had a part in it,
or whether the tie was disclosed and the official stepped aside.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from interlock.findings import Finding, Link, Subject, plural
from interlock.graph import Graph, Node
from interlock.relations import Kin, Official, officials, relatives, source_of
from interlock.rules import RuleContext, rule
from interlock.rules.relative_client_benefit import amount, award_day, award_evidence, awards_to, money

#: schema -> (the person's side, the business's side, what the person is to it)
TIES = {
    "Ownership": ("owner", "asset", "owner"),
    "Directorship": ("director", "organization", "director"),
    "Employment": ("employee", "employer", "employee"),
}


@dataclass(frozen=True)
class Business:
    kin: Kin | None     # the relative whose business it is (None: the official's own)
    person: Node        # the relative or the official
    company: Node       # the business (the person, for a relative who is a vendor in person)
    tie: Node | None    # the ownership, directorship or employment record (None: the person is the vendor)
    role: str           # owner, director, employee (or the role the record gives), or "vendor in person"
    start: str | None
    end: str | None

    def link(self, g: Graph) -> Link | None:
        if self.tie is None:
            return None
        schema = self.tie.schema
        v = self.tie.props[TIES[schema][0]][0]
        return Link(self.person.id, "employs" if schema == "Employment" else "associate", self.company.id, self.start,
                    self.end, source_of(v), g.standing(v), note=f"{self.role} of {self.company.name}")


def businesses(g: Graph, off: Official) -> list[Business]:
    """The businesses of the official and of each relative, from the records that tie them; one per
    person and business (an owner who also directs it is its owner)."""
    out: dict[tuple[str, str], Business] = {}
    for kin in [*relatives(g, off), None]:
        person = kin.relative if kin else off.person
        if kin is not None:
            out[(person.id, person.id)] = Business(kin, person, person, None, "vendor in person", None, None)
        for schema, (mine, theirs, word) in TIES.items():
            for tie in g.referring(mine, person.id):
                company = g.get(tie.first(theirs) or "") if tie.schema == schema else None
                if company is None or company.schema == "PublicBody" or company.id == person.id:
                    continue
                role = (tie.first("role") or word).lower()
                out.setdefault((person.id, company.id),
                               Business(kin, person, company, tie, role, tie.first("startDate"), tie.first("endDate")))
    return list(out.values())


def in_force(b: Business, day: str) -> bool:
    return bool(day) and (not b.start or b.start <= day) and (not b.end or day <= b.end)


@rule(id="relative-business-benefit", severity="high")
def relative_business_benefit(ctx: RuleContext) -> Iterator[Finding]:
    g = ctx.graph
    for off in officials(g):
        for b in businesses(g, off):
            awards = awards_to(g, off, b.company)
            during = [(a, ag) for a, ag in awards if in_force(b, award_day(a) or "")]
            if during:
                yield make_finding(ctx, off, b, during, [x for x in awards if x not in during])


def make_finding(ctx: RuleContext, off: Official, b: Business, during: list[tuple[Node, Node | None]],
                 context: list[tuple[Node, Node | None]]) -> Finding:
    g, official = ctx.graph, off.person
    total = sum(amount(a) for a, _ in during)
    days = sorted(award_day(a) or "" for a, _ in during)
    employee = b.tie is not None and b.tie.schema == "Employment"
    whose = f"{b.person.name} ({b.kin.word} of {official.name})" if b.kin else official.name
    if b.tie is None:
        tie_text = "is the vendor"
    elif b.end:
        tie_text = f"was {b.role} of {b.company.name}" + (f" from {b.start}" if b.start else "") + f" to {b.end}"
    else:
        tie_text = f"is recorded as {b.role} of {b.company.name}" + (f" from {b.start}, with no end date" if b.start else "")
    chain = [b.kin.link(g)] if b.kin else []
    if (tie_link := b.link(g)) is not None:
        chain.append(tie_link)
    agencies: dict[str, list[Node]] = {}
    for a, ag in during:
        agencies.setdefault(ag.id if ag else "", []).append(a)
    for ag_id, mine in agencies.items():
        v = mine[0].props["supplier"][0]
        chain.append(Link(ag_id, "awarded", b.company.id, award_day(mine[0]), award_day(mine[-1]), source_of(v), g.standing(v),
                          note=f"{plural(len(mine), 'award')}, {money(sum(amount(a) for a in mine))}"))
    when = f"on {days[0]}" if days[0] == days[-1] else f"from {days[0]} to {days[-1]}"
    shown = (f"{plural(len(context), 'other award')} outside the dates of the tie {'is' if len(context) == 1 else 'are'} "
             "shown as context. " if context else "")
    summary = (f"The records show that {whose} {tie_text}, and that {b.company.name} received "
               f"{plural(len(during), 'contract award or revision' if len(during) == 1 else 'contract award')}"
               f"{' and revisions' if len(during) > 1 else ''} worth {money(total)} from the government {official.name} serves "
               f"{when}{', while the tie held' if b.start or b.end else ''}. {shown}"
               + ("An employee's interest in an employer's contracts is indirect. " if employee else "")
               + f"Check who decided the awards, whether {official.name} had a part in them, and whether the tie was "
               "disclosed; the records here do not show that.")
    subjects = [Subject(official.id, official.schema, official.name, "official")]
    if b.kin:
        subjects.append(Subject(b.person.id, b.person.schema, b.person.name, "relative"))
    if b.company.id != b.person.id:
        subjects.append(Subject(b.company.id, b.company.schema, b.company.name, "contractor"))
    evidence = [award_evidence(a, ag, False) for a, ag in during[: ctx.params.max_evidence]]
    evidence += [award_evidence(a, ag, True) for a, ag in context[-ctx.params.max_context:]]
    owner = f"{official.name}'s {b.kin.word} {b.person.name}" if b.kin else official.name
    title = (f"{owner} received {money(total)} in contracts from {official.name}'s government as a vendor" if b.tie is None else
             f"{b.company.name}, {'employer' if employee else 'business'} of {owner}, received {money(total)} in contracts "
             f"from {official.name}'s government")
    return Finding(
        rule="relative-business-benefit", title=title, summary=summary,
        severity="medium" if employee else "high", score=0.6 if employee else 0.8,
        subjects=subjects, chain=chain, period_start=days[0], period_end=days[-1],
        counts={"awards": len(during), "award_amount": round(total), "context_awards": len(context)}, evidence=evidence,
    )
