"""Gifts to an official (or the official's campaign committee) from a lobbyist registered with the
official's government, or from that lobbyist's client, made while the registration was in force.

Campaign gifts from lobbyists are lawful within limits; the pattern to check is money from people
paid to influence the official's government, given while they were so paid. Each gift is counted
once however many filings report it (the committee's receipt and the lobbyist's own report), and
both filings are cited. Gifts outside the registration years, or outside the official's
term where the records date it, are shown as context. A committee is
tied to the official only through a record that names its candidate (a ward map, a committee named
"Friends of ..."); where that tie or the donor's identity rests on a name alone, the finding says so.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from interlock.donations import Gift, gifts
from interlock.findings import Evidence, Finding, Link, Source, Subject
from interlock.graph import Graph, Node
from interlock.relations import Lobbying, Official, identity_note, lobbying, officials, same_government, source_of
from interlock.rules import RuleContext, rule


def clients_lobbying(g: Graph, org: Node) -> list[Lobbying]:
    """The registrations of lobbyists who represent ``org`` (the organisation as a client)."""
    out = []
    for rep in g.referring("client", org.id):
        if rep.schema != "Representation":
            continue
        agent = g.get(rep.first("agent") or "")
        if agent is not None:
            out += [lob for lob in lobbying(g, agent) if lob.client.id == org.id]
    return sorted(out, key=lambda lob: (lob.start, lob.lobbyist.id))


def donor_registrations(g: Graph, off: Official, donor: Node) -> tuple[str, list[Lobbying]]:
    """("lobbyist" or "client", the registrations before the official's government that make the donor one)."""
    own = [lob for lob in lobbying(g, donor) if same_government(off, lob.jurisdiction) is not False]
    if own:
        return "lobbyist", own
    theirs = [lob for lob in clients_lobbying(g, donor) if same_government(off, lob.jurisdiction) is not False]
    return ("client", theirs) if theirs else ("", [])


def in_force(off: Official, gift: Gift, regs: list[Lobbying]) -> bool:
    """A registration in force on the day of the gift, and the official in office then (or undated office)."""
    day = gift.first_day.isoformat()
    return any(lob.start <= day <= lob.end for lob in regs) and off.office_on(day) is not None


def gift_evidence(g: Graph, gift: Gift, context: bool) -> list[Evidence]:
    donor = g.get(gift.donor)
    out = []
    for f in gift.filings:
        receiver = g.get(f.receiver)
        text = (f"{donor.name if donor else 'donor'} gave ${gift.amount:,.2f} to {receiver.name if receiver else 'recipient'} "
                f"on {f.day} ({f.purpose}; {f.kind}, {f.standing})")
        if gift.note:
            text += f". {gift.note}"
        out.append(Evidence(f.path, f.record, f.day.isoformat(), text, "", "payment", context,
                            [n for n in (donor.name if donor else "", receiver.name if receiver else "") if n]))
    return out


@rule(id="lobbyist-donor", severity="medium")
def lobbyist_donor(ctx: RuleContext) -> Iterator[Finding]:
    g = ctx.graph
    by_receiver: dict[str, list[Gift]] = {}
    for gift in gifts(g):
        for r in gift.receivers:
            by_receiver.setdefault(r, []).append(gift)
    for off in officials(g):
        received = by_receiver.get(off.person.id, [])
        by_donor: dict[str, list[Gift]] = {}
        for gift in received:
            by_donor.setdefault(gift.donor, []).append(gift)
        for donor_id, theirs in sorted(by_donor.items()):
            donor = g.get(donor_id)
            if donor is None or donor.id == off.person.id:
                continue
            kind, regs = donor_registrations(g, off, donor)
            if not regs:
                continue
            during = [x for x in theirs if in_force(off, x, regs)]
            if not during:
                continue
            yield make_finding(ctx, off, donor, kind, regs, during, [x for x in theirs if x not in during])


def through_committee(g: Graph, gift: Gift, official: str) -> bool:
    """Whether the filings name a committee as the receiver (and the official only as its candidate)."""
    named = [g.get(r) for r in gift.receivers if r != official]
    return any(n is not None and n.schema != "Person" for n in named)


def make_finding(ctx: RuleContext, off: Official, donor: Node, kind: str, regs: list[Lobbying], during: list[Gift],
                 outside: list[Gift]) -> Finding:
    g, person = ctx.graph, off.person
    total = sum((x.amount for x in during), Decimal(0))
    twice = sum(1 for x in during if len(x.filings) > 1)
    first, last = min(x.first_day for x in during), max(x.last_day for x in during)
    days = [x.first_day.isoformat() for x in during]
    regs = [lob for lob in regs if any(lob.start <= d <= lob.end for d in days)]   # the registrations the gifts fall in
    clients = sorted({lob.client.name for lob in regs})
    lobbyists = sorted({lob.lobbyist.name for lob in regs})
    office = off.office_on(days[0])
    role = (f"registered to lobby {person.name}'s government for {listing(clients)}" if kind == "lobbyist"
            else f"a lobbying client of {listing(lobbyists)}, registered with {person.name}'s government")
    f = during[0].filings[0]
    chain = [Link(donor.id, "donated", person.id, first.isoformat(), last.isoformat(), Source(f.path, f.record, ""), f.standing,
                  note=f"{len(during)} gifts, ${total:,.2f}" + (f"; {twice} reported by two filings" if twice else ""))]
    chain += [lob.link(g) for lob in regs[:3]]
    if office is not None:
        v = office.occupancy.props["holder"][0]
        chain.append(Link(person.id, "holds-office", office.body.id if office.body else office.position.id,
                          office.occupancy.first("startDate"), office.occupancy.first("endDate"), source_of(v), g.standing(v),
                          note=office.title))
    tie = identity_note(g, person)
    summary = (f"{donor.name}, {role}, gave ${total:,.2f} in {len(during)} gift{'s' if len(during) != 1 else ''} to "
               f"{person.name} or {person.name}'s committee between {first} and {last}, while the registration was in force. "
               f"{len(outside)} gift{'s' if len(outside) != 1 else ''} outside the registration years "
               f"{'are' if len(outside) != 1 else 'is'} shown as context. The records show the gifts and the registration; "
               f"they do not show any act in return, or whether the amounts were within the legal limits.")
    donor_tie = identity_note(g, donor)
    namesake = "name alone" in donor_tie
    if namesake:
        summary += (f" That the donor {donor.name} in the filings is the {'lobbyist' if kind == 'lobbyist' else 'client'} "
                    f"{donor.name} in the registry rests on the name alone ({donor_tie}); a namesake is possible, so "
                    "compare the donor's address and employer in the filings with the registry's first.")
    if "name alone" in tie:
        summary += (f" That the committee's candidate, or the person named as receiver, is {person.name} the official "
                    "rests on the name alone; check it.")
    evidence = [e for x in during[: ctx.params.max_evidence] for e in gift_evidence(g, x, False)]
    evidence += [e for x in outside[-ctx.params.max_context:] for e in gift_evidence(g, x, True)]
    subjects = [Subject(person.id, person.schema, person.name, "official"),
                Subject(donor.id, donor.schema, donor.name, "donor" if kind == "client" else "lobbyist")]
    if kind == "lobbyist":
        subjects += [Subject(lob.client.id, lob.client.schema, lob.client.name, "client") for lob in unique_clients(regs)[:3]]
    else:
        subjects += [Subject(lob.lobbyist.id, lob.lobbyist.schema, lob.lobbyist.name, "lobbyist") for lob in regs[:3]]
    to = f"{person.name}'s committee" if all(through_committee(g, x, person.id) for x in during) else person.name
    return Finding(
        rule="lobbyist-donor",
        title=(f"A donor named {donor.name}, as is a registered {'lobbyist' if kind == 'lobbyist' else 'lobbying client'}, "
               if namesake else f"{donor.name}, {'a registered lobbyist' if kind == 'lobbyist' else 'a lobbying client'}, ")
              + f"gave ${total:,.0f} to {to}",
        summary=summary, severity="low" if namesake or (total < 1000 and len(during) < 3) else "medium",
        score=min(0.85, 0.55 + 0.05 * len(during)) - (0.25 if namesake else 0),
        subjects=dedupe(subjects), chain=chain, period_start=first.isoformat(), period_end=last.isoformat(),
        counts={"gifts": len(during), "amount": round(float(total)), "reported_twice": twice, "context_gifts": len(outside)},
        evidence=evidence,
    )


def listing(names: list[str], shown: int = 3) -> str:
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more


def unique_clients(regs: list[Lobbying]) -> list[Lobbying]:
    seen: dict[str, Lobbying] = {}
    for lob in regs:
        seen.setdefault(lob.client.id, lob)
    return list(seen.values())


def dedupe(subjects: list[Subject]) -> list[Subject]:
    seen: dict[str, Subject] = {}
    for s in subjects:
        seen.setdefault(s.id, s)
    return list(seen.values())
