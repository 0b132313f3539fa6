"""An official's government account sent documents on to a relative who then held a private interest
before that government (a lobbying registration), or to the official's own personal account.

A message counts when it carries a document (an attached file, or another person's message forwarded
in its body) and the document either came from someone outside the official's government (the
sender named in the forwarded header) or is marked by its words as not public or as procurement
material: "confidential", "not public", "term sheet", "bid", "proposal", "RFP", "evaluation". Each
message's signals are listed. Messages sent when the relative was not registered, or the official
not in office, are shown as context and not counted. The records show what was sent, when and to
whom; they do not show whether the document was already public, whether the official was allowed to
share it, or what the recipient did with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from interlock import mailquery
from interlock.findings import Evidence, Finding, Link, Subject
from interlock.graph import Graph
from interlock.mailbox import is_gov_domain
from interlock.mailquery import Attached, Mail, n_of
from interlock.names import mail_domain
from interlock.relations import (
    Kin,
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
)
from interlock.rules import RuleContext, rule
from interlock.rules.relative_client_contact import org_domains

SENSITIVE = re.compile(r"\b(?:confidential|not (?:yet )?public|not for (?:distribution|circulation)|privileged|embargoed|"
                       r"term sheets?|bids?|proposals?|rfps?|requests? for proposals?|evaluations?|scoring|score sheets?|"
                       r"drafts?)\b", re.IGNORECASE)
WEAK = {"draft", "drafts"}   # a draft of one's own is no one else's document: counts only with a stronger sign


@dataclass
class Document:
    """One message that carries a document, and what marks it."""

    mail: Mail
    files: list[str]
    outside: list[tuple[str, str]]     # (name, address) of senders outside the government whose message it forwards
    words: list[str]
    forwarded: bool

    def signals(self) -> str:
        out = []
        if self.forwarded:
            out.append("forwarded")
        if self.outside:
            out.append("carries a message from " + ", ".join(f"{n} <{a}>" if n else a for n, a in self.outside))
        if self.files:
            out.append("attached: " + ", ".join(self.files))
        if self.words:
            out.append("words: " + ", ".join(f"'{w}'" for w in self.words))
        return "; ".join(out)


def document(mail: Mail, files: list[Attached], own: set[str], to: set[str], gov: set[str]) -> Document | None:
    """The message as a :class:`Document`, or None when it carries none or nothing marks it."""
    fwd = mailquery.forwarded(mail)
    quoted = [(n, a) for n, a in fwd.senders if a and a not in own | to]
    outside = list(dict.fromkeys((n, a) for n, a in quoted if mail_domain(a) not in gov and not is_gov_domain(mail_domain(a))))
    words = mailquery.words_in(SENSITIVE, mail.subject, mail.body, *[f.name for f in files], *[f.text for f in files])
    strong = [w for w in words if w not in WEAK]
    if not (files or quoted) or not (outside or strong):
        return None
    return Document(mail, [f.name for f in files], outside, words, fwd.marked)


def documents(ctx: RuleContext, off: Official, to: set[str], to_names: Iterable[str] = ()) -> list[Document]:
    mails = mailquery.sent(ctx.store, off.gov_accounts, to, to_names=to_names)
    sent_to = mailquery.recipients(ctx.store, mails)
    files = mailquery.attachments(ctx.store, mails)
    gov = gov_domains(ctx.graph)
    found = (document(m, files.get(m.id, []), off.addresses, sent_to.get(m.id, set()), gov) for m in mails)
    return [d for d in found if d is not None]


def third_parties(g: Graph, docs: list[Document], clients: set[str]) -> list[Subject]:
    """The organisations (or people) in the records whose documents were sent on, by their mail address or domain."""
    by_address = {a: g.nodes[i] for i, addrs in g.addresses.items() for a in addrs if i in g.nodes}
    by_domain = {d: org for org in g.of_schema("Organization", "Company", "LegalEntity", "PublicBody") for d in org_domains(g, org)}
    found: dict[str, Subject] = {}
    for d in docs:
        for _, address in d.outside:
            node = by_address.get(address) or by_domain.get(mail_domain(address))
            if node is not None:
                found.setdefault(node.id, Subject(node.id, node.schema, node.name, "client" if node.id in clients else "associate"))
    return list(found.values())


def evidence(d: Document, context: bool, names: list[str]) -> Evidence:
    around = next((w for w in d.words if w not in WEAK), None) if not d.outside else "forwarded"
    ev = mailquery.evidence(d.mail, context, names, around)
    ev.excerpt += f" [{d.signals()}]"
    return ev


def score(docs: list[Document]) -> float:
    outside = any(d.outside for d in docs)
    marked = any(w not in WEAK for d in docs for w in d.words)
    return min(0.95, 0.55 + 0.15 * outside + 0.1 * marked + 0.05 * min(len(docs), 3))


def summary_of(docs: list[Document]) -> str:
    outside = sorted({n or a for d in docs for n, a in d.outside})
    files = sorted({f for d in docs for f in d.files})
    words = sorted({w for d in docs for w in d.words})
    parts = []
    if outside:
        n = sum(bool(d.outside) for d in docs)
        parts.append(f"{n} {'carries a message' if n == 1 else 'carry messages'} from outside the government ({', '.join(outside[:4])})")
    if files:
        n = sum(bool(d.files) for d in docs)
        parts.append(f"{n} {'carries' if n == 1 else 'carry'} files ({', '.join(files[:4])}{'…' if len(files) > 4 else ''})")
    if words:
        parts.append(f"the words include {', '.join(repr(w) for w in words[:6])}")
    return "; ".join(parts)


@rule(id="documents-to-relative", severity="high")
def documents_to_relative(ctx: RuleContext) -> Iterator[Finding]:
    g = ctx.graph
    for off in officials(g):
        if not off.gov_accounts:
            continue
        for kin in relatives(g, off):
            regs = [lob for lob in lobbying(g, kin.relative) if same_government(off, lob.jurisdiction) is not False]
            accounts = g.addresses.get(kin.relative.id, set()) - off.addresses
            names = g.names.get(kin.relative.id, set())   # printed with a name and no address
            if regs and (accounts or names):
                yield from to_relative(ctx, off, kin, regs, accounts, names)
        personal = personal_accounts(off)
        if personal:
            yield from to_personal(ctx, off, personal)


def to_relative(ctx: RuleContext, off: Official, kin: Kin, regs: list[Lobbying], accounts: set[str],
                printed: set[str]) -> Iterator[Finding]:
    g, p = ctx.graph, ctx.params
    docs = documents(ctx, off, accounts, printed)
    counted = [d for d in docs if registered_on(regs, d.mail.day) and in_office(off, d.mail.day)]
    context = [d for d in docs if d not in counted]
    if not counted:
        return
    rel, person = kin.relative, off.person
    start = min(lob.start for lob in regs)
    live = [lob for lob in regs if any(registered_on([lob], d.mail.day) for d in counted)]
    others = third_parties(g, counted, {lob.client.id for lob in regs})
    first, last = counted[0].mail.day, counted[-1].mail.day
    names = [person.name, rel.name, *[n for d in counted for n, _ in d.outside if n]][:5]
    chain = [kin.link(g), *[lob.link(g) for lob in live],
             Link(person.id, "emailed", rel.id, first, last, standing="inferred",
                  note=f"{n_of(len(counted), 'message')} carrying documents from {', '.join(sorted(off.gov_accounts))} to "
                       f"{', '.join([*sorted(accounts), *(repr(n) for n in sorted(printed))])}")]
    chain += [Link(s.id, "mentioned", person.id, standing="inferred", note="its message was forwarded on") for s in others]
    summary = (
        f"{mailquery.span(first, last)}, {person.name}'s government account sent {n_of(len(counted), 'message')} carrying documents to "
        f"{rel.name} ({kin.word}), while {rel.name} was registered to lobby for {', '.join(lob.client.name for lob in live)}. "
        f"Of these, {summary_of(counted)}. {n_of(len(context), 'such message')} sent outside the registration "
        f"{'is' if len(context) == 1 else 'are'} shown as context and not counted. Check whether each document was public "
        f"when it was sent and whether the official could share it; the records show what was sent and to whom, not what "
        f"the recipient did with it."
    )
    yield Finding(
        rule="documents-to-relative",
        title=f"{n_of(len(counted), 'document')} sent from {person.name}'s government account to {kin.word} {rel.name}, "
              f"a registered lobbyist",
        summary=summary, severity="high", score=score(counted),
        subjects=[Subject(person.id, person.schema, person.name, "official"),
                  Subject(rel.id, rel.schema, rel.name, "relative"), *others],
        chain=chain, period_start=first, period_end=last,
        counts={"emails": len(counted), "forwards": sum(d.forwarded for d in counted),
                "attachments": sum(bool(d.files) for d in counted), "outside_documents": sum(bool(d.outside) for d in counted),
                "context": len(context)},
        evidence=[evidence(d, False, names) for d in counted[: p.max_evidence]]
                 + [evidence(d, True, names) for d in context[-p.max_context:]],
        timeline=mailquery.Timeline(mailquery.split_monthly([d.mail for d in counted], [d.mail for d in context]),
                                    [(start, f"{rel.name} registered for {regs[0].client.name}")]),
    )


def to_personal(ctx: RuleContext, off: Official, personal: set[str]) -> Iterator[Finding]:
    g, p = ctx.graph, ctx.params
    docs = documents(ctx, off, personal)
    counted = [d for d in docs if in_office(off, d.mail.day)]
    context = [d for d in docs if d not in counted]
    if not counted:
        return
    person = off.person
    others = third_parties(g, counted, set())
    first, last = counted[0].mail.day, counted[-1].mail.day
    how = "; ".join(f"{a}: {account_note(g, a)}" for a in sorted(personal) if account_note(g, a))
    names = [person.name, *[n for d in counted for n, _ in d.outside if n]][:5]
    chain = [*office_links(g, off),
             Link(person.id, "emailed", person.id, first, last, standing="inferred",
                  note=f"{n_of(len(counted), 'message')} carrying documents from {', '.join(sorted(off.gov_accounts))} to the "
                       f"personal account {', '.join(sorted(personal))}" + (f" (tied to the official by: {how})" if how else ""))]
    chain += [Link(s.id, "mentioned", person.id, standing="inferred", note="its message was forwarded on") for s in others]
    summary = (
        f"{mailquery.span(first, last)}, {person.name}'s government account sent {n_of(len(counted), 'message')} carrying documents to "
        f"{', '.join(sorted(personal))}, an account the records tie to {person.name} that is not the government's. "
        f"Of these, {summary_of(counted)}. {n_of(len(context), 'such message')} sent when the records do not place the "
        f"official in office {'is' if len(context) == 1 else 'are'} shown as context. Check whether the documents were kept "
        f"in the government's records and who else could read the personal account; the records show the sending, not what "
        f"followed."
    )
    yield Finding(
        rule="documents-to-relative",
        title=f"{n_of(len(counted), 'document')} sent from {person.name}'s government account to a personal account",
        summary=summary, severity="medium", score=score(counted) - 0.1,
        subjects=[Subject(person.id, person.schema, person.name, "official"), *others],
        chain=chain, period_start=first, period_end=last,
        counts={"emails": len(counted), "forwards": sum(d.forwarded for d in counted),
                "attachments": sum(bool(d.files) for d in counted), "outside_documents": sum(bool(d.outside) for d in counted),
                "context": len(context)},
        evidence=[evidence(d, False, names) for d in counted[: p.max_evidence]]
                 + [evidence(d, True, names) for d in context[-p.max_context:]],
        timeline=mailquery.Timeline(mailquery.split_monthly([d.mail for d in counted], [d.mail for d in context])),
        key=("personal",),
    )

