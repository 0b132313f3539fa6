"""An official's government account corresponded with a client of the official's relative (its
officers, or anyone at its mail domain) while the relative was registered to lobby for that client.

Mail from before the registration is shown as context. Officers come from company records
(directorships, employment); mail domains from the client's own e-mail and web addresses.
"""

from __future__ import annotations

from collections.abc import Iterator

from interlock import mailquery
from interlock.findings import Finding, Link, Subject
from interlock.graph import Graph, Node
from interlock.mailbox import WEBMAIL
from interlock.names import mail_domain, parse_address
from interlock.relations import Official, gov_domains, lobbying_relatives, source_of
from interlock.rules import RuleContext, rule


def officers(g: Graph, org: Node) -> list[tuple[Node, Node]]:
    """(person, link entity) for each director or employee of an organisation."""
    out = []
    for prop, schema, person_prop in (("organization", "Directorship", "director"), ("employer", "Employment", "employee")):
        for link in g.referring(prop, org.id):
            if link.schema == schema:
                person = g.get(link.first(person_prop) or "")
                if person is not None:
                    out.append((person, link))
    return out


def org_domains(g: Graph, org: Node) -> set[str]:
    found = set()
    for value in org.values("email"):
        addr = parse_address(value)
        if addr:
            found.add(mail_domain(addr))
    for site in org.values("website"):
        host = site.split("//")[-1].split("/")[0].lower().removeprefix("www.")
        if "." in host:
            found.add(host)
    return found - WEBMAIL - gov_domains(g)


def official_label(off: Official) -> str:
    return off.offices[0].title if off.offices else "official"


@rule(id="relative-client-contact", severity="high")
def relative_client_contact(ctx: RuleContext) -> Iterator[Finding]:
    g, p = ctx.graph, ctx.params
    for off, kin, regs in lobbying_relatives(g):
        if not off.gov_accounts:
            continue
        rel, person = kin.relative, off.person
        for lob in regs:
            client = lob.client
            staff = [(o, link) for o, link in officers(g, client) if o.id not in (rel.id, person.id)]
            staff_accounts = {a for o, _ in staff for a in g.addresses.get(o.id, set())}
            staff_printed = {n for o, _ in staff for n in g.names.get(o.id, set())}   # printed with a name and no address
            domains = org_domains(g, client)
            mails = mailquery.between(ctx.store, off.gov_accounts, staff_accounts - off.addresses, domains, staff_printed)
            during = [m for m in mails if m.day and lob.start <= m.day <= lob.end]
            before = [m for m in mails if m.day and m.day < lob.start]
            if not during:
                continue
            names = [client.name, *[o.name for o, _ in staff]][:4]
            chain = [kin.link(g), lob.link(g)]
            for o, link in staff:
                v = (link.props.get("director") or link.props["employee"])[0]
                chain.append(Link(client.id, "employs", o.id, link.first("startDate"), link.first("endDate"),
                                  source_of(v), g.standing(v), note=link.first("role") or ""))
            chain.append(Link(person.id, "emailed", client.id, during[0].day, during[-1].day, standing="inferred",
                              note=f"{len(during)} messages with "
                                   f"{', '.join([*sorted(staff_accounts), *(repr(n) for n in sorted(staff_printed))])}"
                                   f"{' and ' if (staff_accounts or staff_printed) and domains else ''}"
                                   f"{', '.join('@' + d for d in sorted(domains))}"))
            who = ", ".join(f"{o.name} ({link.first('role') or 'officer'})" for o, link in staff) or f"people at {client.name}"
            summary = (
                f"While {rel.name} ({kin.word} of {person.name}, {official_label(off)}) was registered to lobby for "
                f"{client.name} ({lob.start} to {lob.end}), {person.name}'s government account exchanged {len(during)} "
                f"messages with {who}. {len(before)} earlier messages are shown as context. Check what was asked and "
                f"offered; the records show the contact, not its purpose or outcome."
            )
            evidence = [mailquery.evidence(m, False, [person.name, *names]) for m in mailquery.pick(during, p.max_evidence)]
            evidence += [mailquery.evidence(m, True, names) for m in before[-p.max_context:]]
            yield Finding(
                rule="relative-client-contact",
                title=f"{person.name} corresponded with {client.name}, a lobbying client of {kin.word} {rel.name}",
                summary=summary, severity="high", score=min(0.95, 0.7 + 0.05 * len(during)),
                subjects=[Subject(person.id, person.schema, person.name, "official"),
                          Subject(rel.id, rel.schema, rel.name, "relative"),
                          Subject(client.id, client.schema, client.name, "client"),
                          *[Subject(o.id, o.schema, o.name, "associate") for o, _ in staff]],
                chain=chain, period_start=during[0].day, period_end=during[-1].day,
                counts={"emails": len(during), "context_before": len(before)}, evidence=evidence,
                timeline=mailquery.Timeline(mailquery.monthly(mails, lob.start),
                                            [(lob.start, f"{rel.name} registered for {client.name}")]),
            )
