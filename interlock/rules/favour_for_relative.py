"""An official wrote, from any of the official's accounts, a nomination, recommendation, reference
or introduction, or arranged a meeting, for a relative who then held a private interest before the
official's government (a lobbying registration), or for a client of that relative.

A message counts when the official wrote it (quoted or forwarded text is set aside), it names the
relative, or the client or one of the client's officers, next to words such as "nominate",
"recommend", "reference", "introduce" or "meet with", and it went to someone besides the person it
names, the relative and the official (an awards committee, a third person introduced). The
official's own dealings with a client are the subject of relative-client-contact. Messages written
when the registration was not in force are shown as context and not counted. The records show what
the official wrote and to whom; they do not show what came of it or whether others wrote too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from interlock import mailquery
from interlock.findings import Finding, Link, Subject
from interlock.graph import Graph, Node
from interlock.mailquery import Mail, n_of
from interlock.names import mail_domain, org_key, person_name
from interlock.relations import Kin, Lobbying, Official, lobbying, officials, registered_on, relatives, same_government, source_of
from interlock.rules import RuleContext, rule
from interlock.rules.relative_client_contact import officers, org_domains

FAVOURS = re.compile(r"\b(?:nominat(?:e|es|ed|ing|ion|ions)|recommend(?:s|ed|ing|ation|ations)?|"
                     r"letters? of (?:reference|recommendation|support)|(?:a )?reference for|introduc(?:e|es|ed|ing|tion|tions)|"
                     r"put (?:you|them) in touch|(?:set|setting) up (?:a )?meeting|arrange (?:a )?meeting|"
                     r"(?:would|could|can) you (?:find time to )?meet|meet with (?:her|him|them))\b", re.IGNORECASE)
NOMINATION = ("nominat", "recommend", "reference", "letter")


@dataclass
class Beneficiary:
    """Someone a favour could be for: the relative, or a client with its officers."""

    node: Node
    role: str                              # relative | client
    patterns: list[re.Pattern[str]]        # how the text names them (a person's name, the client's name, its officers)
    accounts: set[str]                     # their own addresses (and the client's domains): not third persons
    domains: set[str]
    printed: set[str]                      # their names printed without an address: not third persons either
    people: list[tuple[Node, Node]]        # the client's officers (person, link entity)
    regs: list[Lobbying]


def name_patterns(names: list[str]) -> list[re.Pattern[str]]:
    pattern = mailquery.name_pattern(person_name(n) for n in names)
    return [pattern] if pattern else []


def org_pattern(org: Node) -> list[re.Pattern[str]]:
    keys = sorted({org_key(n) for n in org.values("name") if org_key(n)})
    alts = [r"\s+".join(re.escape(w) for w in k.split()) for k in keys]
    return [re.compile(rf"\b(?:{'|'.join(alts)})\b", re.IGNORECASE)] if alts else []


def beneficiaries(g: Graph, off: Official, kin: Kin, regs: list[Lobbying]) -> list[Beneficiary]:
    rel = kin.relative
    out = [Beneficiary(rel, "relative", name_patterns(rel.values("name")), g.addresses.get(rel.id, set()), set(),
                       g.names.get(rel.id, set()), [], regs)]
    for client_id in dict.fromkeys(lob.client.id for lob in regs):
        mine = [lob for lob in regs if lob.client.id == client_id]
        client = mine[0].client
        staff = [(o, link) for o, link in officers(g, client) if o.id not in (rel.id, off.person.id)]
        patterns = org_pattern(client) + [p for o, _ in staff for p in name_patterns(o.values("name"))]
        accounts = {a for o, _ in staff for a in g.addresses.get(o.id, set())}
        printed = {n for o in (client, *(o for o, _ in staff)) for n in g.names.get(o.id, set())}
        out.append(Beneficiary(client, "client", patterns, accounts, org_domains(g, client), printed, staff, mine))
    return out


def named(b: Beneficiary, text: str) -> list[str]:
    return list(dict.fromkeys(hit.group(0) for p in b.patterns for hit in p.finditer(text)))


def favour_words(text: str) -> list[str]:
    return mailquery.words_in(FAVOURS, text)


@dataclass
class Act:
    mail: Mail
    words: list[str]
    names: list[str]
    third: list[str]      # the recipients besides the beneficiary, the relative and the official


def acts_for(ctx: RuleContext, off: Official, kin: Kin, b: Beneficiary, mails: list[Mail],
             sent_to: dict[str, set[str]], printed_to: dict[str, set[str]]) -> list[Act]:
    """The messages that ask a favour for ``b``, name them, and went to a third person: an address, or a
    name printed without one (a print-out's "To: Awards Committee"), that is not the official's, the
    relative's or the beneficiary's own."""
    out = []
    g = ctx.graph
    rel_accounts = g.addresses.get(kin.relative.id, set())
    own_printed = g.names.get(off.person.id, set()) | g.names.get(kin.relative.id, set()) | b.printed
    for m in mails:
        text = m.subject + "\n" + mailquery.own_part(m.body)
        words = favour_words(text)
        names = named(b, text) if words else []
        third = sorted(a for a in sent_to.get(m.id, set())
                       if a not in off.addresses | rel_accounts | b.accounts and mail_domain(a) not in b.domains)
        third += sorted(repr(n) for n in printed_to.get(m.id, set()) - own_printed)
        if words and names and third:
            out.append(Act(m, words, names, third))
    return out


@rule(id="favour-for-relative", severity="high")
def favour_for_relative(ctx: RuleContext) -> Iterator[Finding]:
    g = ctx.graph
    for off in officials(g):
        if not off.addresses:
            continue
        mails: list[Mail] | None = None
        for kin in relatives(g, off):
            regs = [lob for lob in lobbying(g, kin.relative) if same_government(off, lob.jurisdiction) is not False]
            if not regs:
                continue
            if mails is None:
                mails = mailquery.sent(ctx.store, off.addresses, pattern=FAVOURS)
                sent_to = mailquery.recipients(ctx.store, mails)
                printed_to = mailquery.recipients(ctx.store, mails, printed=True)
            for b in beneficiaries(g, off, kin, regs):
                acts = acts_for(ctx, off, kin, b, mails, sent_to, printed_to)
                counted = [a for a in acts if registered_on(b.regs, a.mail.day)]
                context = [a for a in acts if a not in counted]
                if counted:
                    yield finding(ctx, off, kin, b, counted, context)


def kind_of(acts: list[Act]) -> str:
    nominations = any(w.startswith(NOMINATION) for a in acts for w in a.words)
    introductions = any(not w.startswith(NOMINATION) for a in acts for w in a.words)
    return " and ".join(x for x, on in (("nominating or recommending", nominations),
                                        ("introducing or arranging a meeting for", introductions)) if on)


def finding(ctx: RuleContext, off: Official, kin: Kin, b: Beneficiary, counted: list[Act], context: list[Act]) -> Finding:
    g, p = ctx.graph, ctx.params
    person, rel = off.person, kin.relative
    live = [lob for lob in b.regs if any(registered_on([lob], a.mail.day) for a in counted)]
    first, last = counted[0].mail.day, counted[-1].mail.day
    subjects = [Subject(person.id, person.schema, person.name, "official"), Subject(rel.id, rel.schema, rel.name, "relative")]
    chain = [kin.link(g), *[lob.link(g) for lob in live]]
    said = {n.lower() for a in counted for n in a.names}
    staff = [(o, link) for o, link in b.people if any(n.lower() in said for n in (o.name, *o.values("name")))]
    if b.role == "client":
        subjects.append(Subject(b.node.id, b.node.schema, b.node.name, "client"))
        subjects += [Subject(o.id, o.schema, o.name, "associate") for o, _ in staff]
        for o, link in staff:
            v = (link.props.get("director") or link.props["employee"])[0]
            chain.append(Link(b.node.id, "employs", o.id, link.first("startDate"), link.first("endDate"), source_of(v),
                              g.standing(v), note=link.first("role") or ""))
    what = kind_of(counted)
    third = sorted({t for a in counted for t in a.third})
    chain.append(Link(person.id, "endorsed", b.node.id, first, last, standing="inferred",
                      note=f"{n_of(len(counted), 'message')} {what} {b.node.name}, sent to {', '.join(third[:4])}"))
    whom = (f"{rel.name} ({kin.word})" if b.role == "relative"
            else f"{b.node.name}, a client {rel.name} ({kin.word}) was registered to lobby for")
    summary = (
        f"{mailquery.span(first, last)}, {person.name} wrote {n_of(len(counted), 'message')} {what} {whom}, "
        f"sent to {', '.join(third[:4])}{'…' if len(third) > 4 else ''}, while {rel.name}'s registration was in force. "
        f"{n_of(len(context), 'such message')} from outside the registration {'is' if len(context) == 1 else 'are'} shown as "
        f"context and not counted. Check what was asked for and what came of it; the records show what the official wrote, "
        f"not the outcome or whether others wrote too."
    )
    highlight = [person.name, rel.name, *sorted({n for a in counted for n in a.names})][:6]
    evidence = [mailquery.evidence(a.mail, False, highlight, a.words[0]) for a in counted[: p.max_evidence]]
    evidence += [mailquery.evidence(a.mail, True, highlight, a.words[0]) for a in context[-p.max_context:]]
    return Finding(
        rule="favour-for-relative",
        title=(f"{person.name} wrote mail {what} {kin.word} {rel.name}" if b.role == "relative" else
               f"{person.name} wrote mail {what} {b.node.name}, a lobbying client of {kin.word} {rel.name}"),
        summary=summary, severity="high", score=min(0.95, 0.75 + 0.05 * len(counted)),
        subjects=subjects, chain=chain, period_start=first, period_end=last,
        counts={"emails": len(counted), "context": len(context)},
        evidence=evidence,
        timeline=mailquery.Timeline(mailquery.split_monthly([a.mail for a in counted], [a.mail for a in context]),
                                    [(lob.start, f"{rel.name} registered for {lob.client.name}") for lob in live[:3]]),
    )

