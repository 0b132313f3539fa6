"""An official's relative is registered to lobby the official's own government.

The finding names the clients and the years each registration was in force. It rests on two links:
the family tie (from a profile, an article or a registry) and the lobbying registration. Where the
relative and the registered lobbyist were tied by name only, it says so: a namesake is possible.
"""

from __future__ import annotations

from collections.abc import Iterator

from interlock.findings import Evidence, Finding, Subject, plural
from interlock.relations import family_evidence, identity_note, identity_score, lobbying_relatives, same_government
from interlock.rules import RuleContext, rule


@rule(id="relative-registered-lobbyist", severity="high")
def relative_registered_lobbyist(ctx: RuleContext) -> Iterator[Finding]:
    g = ctx.graph
    for off, kin, regs in lobbying_relatives(g):
        known = all(same_government(off, lob.jurisdiction) for lob in regs)
        rel, person = kin.relative, off.person
        clients = {lob.client.id: lob.client for lob in regs}
        subjects = [Subject(person.id, person.schema, person.name, "official"),
                    Subject(rel.id, rel.schema, rel.name, "relative"),
                    *[Subject(c.id, c.schema, c.name, "client") for c in clients.values()]]
        chain = [kin.link(g), *[lob.link(g) for lob in regs]]
        how = identity_note(g, rel)
        if how:
            chain[0].note += f"; identity: {how}"
        start = min(lob.start for lob in regs)
        end = max(lob.end for lob in regs)
        years = sorted({y for lob in regs for y in lob.years})
        client_text = "; ".join(f"{lob.client.name} ({lob.years[0]}–{lob.years[-1]})" for lob in regs)
        office = off.offices[0].title if off.offices else "an office"
        where = "the government the official serves" if known else "a government the records do not tie to the official's office"
        summary = (
            f"The records show {person.name} ({office}) and {rel.name} linked as {kin.word}, and {rel.name} registered "
            f"as a lobbyist with {where} for {plural(len(clients), 'client')}: {client_text}. "
            f"Check whether the official acted on matters of these clients while the registrations were in force. "
            f"The records do not show what, if anything, the official did for them."
        )
        if how:
            summary += f" The relative and the registered lobbyist were tied as one person because of: {how}."
        evidence = [family_evidence(kin, chain[0])]
        for lob in regs[: ctx.params.max_evidence]:
            v = lob.representation.props["client"][0]
            evidence.append(Evidence(v.path, v.record, lob.start, f"{lob.lobbyist.name} lobbyist for {lob.client.name}, "
                                     f"years {', '.join(map(str, lob.years))}", v.file_sha, "registry",
                                     highlight=[rel.name, lob.client.name]))
        score = 0.9 * identity_score(g, rel) * (1.0 if known else 0.7)
        yield Finding(
            rule="relative-registered-lobbyist",
            title=f"{person.name}'s {kin.word} {rel.name} is a registered lobbyist ({years[0]}–{years[-1]})",
            summary=summary, severity="high" if known else "medium", score=score, subjects=subjects, chain=chain,
            period_start=start, period_end=end,
            counts={"clients": len(clients), "registration_years": len(years)}, evidence=evidence,
        )
