"""An official's personal account (an address the records tie to the official that is not the
government's, such as a webmail account in the official's name) carried mail on public business:
with government addresses, registered lobbyists, the official's relative while registered to lobby,
or the people of that relative's clients, about contracts, RFPs, bids, permits, ordinances or
programmes.

A message counts when it names such a matter, goes between the personal account and one of those
correspondents, and the link that makes the correspondent one was in force on its day: the official
in office for government addresses, the registration for lobbyists, the relative and the relative's
clients. Such messages sent when no link was in force are shown as context. Mail between the
official's own accounts and mail that names no public matter (family plans, school) are left out.
The records show that public business went through the personal account; they do not show whether
the mail was kept in the government's records or what was decided.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from interlock import mailquery
from interlock.findings import Finding, Link, Subject
from interlock.graph import Graph, Node
from interlock.mailbox import is_gov_domain
from interlock.mailquery import Mail, n_of
from interlock.names import mail_domain
from interlock.relations import (
    Lobbying,
    Official,
    account_note,
    gov_domains,
    in_office,
    lobbying,
    office_links,
    officials,
    personal_accounts,
    registered_on,
    relatives,
    same_government,
    source_of,
)
from interlock.rules import RuleContext, rule
from interlock.rules.relative_client_contact import officers, org_domains

MATTERS = re.compile(r"\b(?:contracts?|procurement|rfps?|requests? for proposals?|bids?|bidding|proposals?|tenders?|vendors?|"
                     r"permits?|licen[cs](?:e|es|ing)|ordinances?|programmes?|programs?|grants?|evaluation committee|"
                     r"council (?:vote|agenda|committee|calendar)|municipal id)\b", re.IGNORECASE)


@dataclass
class Party:
    """A correspondent whose mail with the personal account is public business, and when that holds."""

    label: str                                  # "government address", "registered lobbyist", …
    regs: list[Lobbying] = field(default_factory=list)   # empty: in force while the official holds office
    nodes: list[tuple[Node, str]] = field(default_factory=list)   # (entity, role) the finding names
    links: list[Link] = field(default_factory=list)

    def in_force(self, off: Official, day: str | None) -> bool:
        return in_office(off, day) and (not self.regs or bool(registered_on(self.regs, day)))


def parties(g: Graph, off: Official) -> tuple[dict[str, Party], dict[str, Party]]:
    """Correspondents by address and by mail domain: the relative, the relative's clients, registered lobbyists."""
    by_addr: dict[str, Party] = {}
    by_domain: dict[str, Party] = {}
    for kin in relatives(g, off):
        regs = [lob for lob in lobbying(g, kin.relative) if same_government(off, lob.jurisdiction) is not False]
        if not regs:
            continue
        rel = kin.relative
        base = [kin.link(g)]
        for a in g.addresses.get(rel.id, set()) - off.addresses:
            by_addr[a] = Party(f"{kin.word} {rel.name}, a registered lobbyist", regs, [(rel, "relative")],
                               base + [lob.link(g) for lob in regs])
        for lob in regs:
            client = lob.client
            staff = [(o, link) for o, link in officers(g, client) if o.id not in (rel.id, off.person.id)]
            for o, link in staff:
                v = (link.props.get("director") or link.props["employee"])[0]
                employs = Link(client.id, "employs", o.id, link.first("startDate"), link.first("endDate"), source_of(v),
                               g.standing(v), note=link.first("role") or "")
                for a in g.addresses.get(o.id, set()) - off.addresses:
                    by_addr[a] = Party(f"{o.name} of {client.name}, a client of {rel.name}", [lob],
                                       [(rel, "relative"), (client, "client"), (o, "associate")], [*base, lob.link(g), employs])
            for d in org_domains(g, client):
                by_domain.setdefault(d, Party(f"{client.name}, a client of {rel.name}", [lob], [(rel, "relative"), (client, "client")],
                                              [*base, lob.link(g)]))
    for rep in g.of_schema("Representation"):
        agent = g.get(rep.first("agent") or "")
        if agent is None or agent.id == off.person.id:
            continue
        regs = [lob for lob in lobbying(g, agent) if same_government(off, lob.jurisdiction) is not False]
        for a in g.addresses.get(agent.id, set()) - off.addresses:
            if regs and a not in by_addr:
                by_addr[a] = Party(f"{agent.name}, a registered lobbyist", regs, [(agent, "lobbyist")], [lob.link(g) for lob in regs])
    return by_addr, by_domain


def party_of(address: str, by_addr: dict[str, Party], by_domain: dict[str, Party], gov: set[str]) -> Party | None:
    domain = mail_domain(address)
    if address in by_addr:
        return by_addr[address]
    if domain in by_domain:
        return by_domain[domain]
    if domain in gov or is_gov_domain(domain):
        return Party("a government address")
    return None


@rule(id="personal-account-business", severity="medium")
def personal_account_business(ctx: RuleContext) -> Iterator[Finding]:
    g, p = ctx.graph, ctx.params
    gov = gov_domains(g)
    for off in officials(g):
        personal = personal_accounts(off)
        if not personal:
            continue
        by_addr, by_domain = parties(g, off)
        mails = mailquery.touching(ctx.store, personal)
        sent_to = mailquery.recipients(ctx.store, mails)
        counted: list[tuple[Mail, list[str], list[Party]]] = []
        context: list[tuple[Mail, list[str], list[Party]]] = []
        for m in mails:
            others = ({m.sender.lower()} | sent_to.get(m.id, set())) - off.addresses
            found = [x for x in (party_of(a, by_addr, by_domain, gov) for a in sorted(others)) if x is not None]
            words = mailquery.words_in(MATTERS, m.subject, mailquery.own_part(m.body))
            if not found or not words:
                continue
            live = [x for x in found if x.in_force(off, m.day)]
            (counted if live else context).append((m, words, live or found))
        if counted:
            yield finding(g, p.max_evidence, p.max_context, off, personal, counted, context)


def finding(g: Graph, max_evidence: int, max_context: int, off: Official, personal: set[str],
            counted: list[tuple[Mail, list[str], list[Party]]], context: list[tuple[Mail, list[str], list[Party]]]) -> Finding:
    person = off.person
    subjects = {person.id: Subject(person.id, person.schema, person.name, "official")}
    chain = office_links(g, off)
    seen_links = {(link.from_id, link.relation, link.to_id) for link in chain}
    labels: dict[str, int] = {}
    for _, _, live in counted:
        for x in {id(x): x for x in live}.values():
            labels[x.label] = labels.get(x.label, 0) + 1
            for node, role in x.nodes:
                subjects.setdefault(node.id, Subject(node.id, node.schema, node.name, role))
            for link in x.links:
                if (link.from_id, link.relation, link.to_id) not in seen_links:
                    seen_links.add((link.from_id, link.relation, link.to_id))
                    chain.append(link)
    first, last = counted[0][0].day, counted[-1][0].day
    how = "; ".join(f"{a}: {account_note(g, a)}" for a in sorted(personal) if account_note(g, a))
    chain.append(Link(person.id, "emailed", person.id, first, last, standing="inferred",
                      note=f"{n_of(len(counted), 'message')} on public matters through {', '.join(sorted(personal))}"
                           + (f" (tied to the official by: {how})" if how else "")))
    words = sorted({w for _, ws, _ in counted for w in ws})
    who = "; ".join(f"{n} with {label}" for label, n in sorted(labels.items(), key=lambda kv: (-kv[1], kv[0])))
    summary = (
        f"{mailquery.span(first, last)}, {n_of(len(counted), 'message')} through {person.name}'s personal account "
        f"({', '.join(sorted(personal))}) named public matters (the words include {', '.join(repr(w) for w in words[:6])}): "
        f"{who}. {n_of(len(context), 'such message')} sent when no link was in force "
        f"{'is' if len(context) == 1 else 'are'} shown as context. Check whether these messages were kept in the government's "
        f"records and what they concern; the records show the channel, not what was decided."
    )
    names = [s.name for s in subjects.values()][:5]
    evidence = [mailquery.evidence(m, False, names, ws[0]) for m, ws, _ in pick(counted, max_evidence)]
    evidence += [mailquery.evidence(m, True, names, ws[0]) for m, ws, _ in context[-max_context:]]
    return Finding(
        rule="personal-account-business",
        title=f"{n_of(len(counted), 'message')} on public business through {person.name}'s personal account",
        summary=summary, severity="high" if len(subjects) > 1 else "medium",
        score=min(0.9, 0.5 + 0.15 * (len(subjects) > 1) + 0.04 * len(counted)),
        subjects=list(subjects.values()), chain=chain, period_start=first, period_end=last,
        counts={"emails": len(counted), "context": len(context), "correspondents": len(labels)},
        evidence=evidence,
        timeline=mailquery.Timeline(mailquery.split_monthly([m for m, _, _ in counted], [m for m, _, _ in context]),
                                    list(dict.fromkeys((lob.start, f"registration: {lob.client.name}")
                                     for x in {id(x): x for _, _, live in counted for x in live}.values() for lob in x.regs))[:3]),
    )


def pick(items: list[tuple[Mail, list[str], list[Party]]], n: int) -> list[tuple[Mail, list[str], list[Party]]]:
    """Those with the relative or the relative's clients first, then the rest in date order."""
    ranked = sorted(items, key=lambda it: (not any(x.nodes for x in it[2]), it[0].day or "", it[0].id))[:n]
    return sorted(ranked, key=lambda it: (it[0].day or "", it[0].id))
