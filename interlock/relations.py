"""Who the officials are, who their relatives are, and what private interests the relatives hold.

Pure functions over a :class:`~interlock.graph.Graph`; every rule starts from these.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from interlock.findings import Evidence, Finding, Link, Source
from interlock.graph import Graph, Node, Value, jurisdiction_key
from interlock.mailbox import is_gov_domain
from interlock.names import mail_domain
from interlock.store import Store

SPOUSE_WORDS = {"husband", "wife", "spouse", "partner", "domestic partner", "fiance", "fiancee"}


@dataclass
class Office:
    position: Node
    body: Node | None
    occupancy: Node

    @property
    def title(self) -> str:
        where = f", {self.body.name}" if self.body else ""
        return f"{self.position.name}{where}"


@dataclass
class Official:
    person: Node
    offices: list[Office] = field(default_factory=list)
    addresses: set[str] = field(default_factory=set)
    gov_accounts: set[str] = field(default_factory=set)

    @property
    def jurisdictions(self) -> set[str]:
        return {jurisdiction_key(o.body.name) for o in self.offices if o.body}

    def office_on(self, day: str) -> Office | None:
        """The office held on ``day`` (an ISO date): one whose dates include it, or an undated one."""
        for o in self.offices:
            start = o.occupancy.first("startDate") or ""
            end = o.occupancy.first("endDate") or ""
            if (not start or start[:len(day)] <= day) and (not end or day[:len(end)] <= end):
                return o
        return None


@dataclass
class Kin:
    official: Official
    relative: Node
    family: Node
    word: str          # as the source says it: husband, sister …
    relation: str      # spouse | family

    def link(self, graph: Graph) -> Link:
        v = self.family.props["relative"][0]
        return Link(self.official.person.id, self.relation, self.relative.id, source=source_of(v),
                    standing=graph.standing(v), note=f"{self.word} (as the source puts it)", excerpt=sentence_of(self.family, v))


@dataclass
class Lobbying:
    lobbyist: Node
    client: Node
    representation: Node
    years: list[int]
    start: str
    end: str
    jurisdiction: str | None

    def link(self, graph: Graph) -> Link:
        v = self.representation.props["client"][0]
        years = f"{self.years[0]}–{self.years[-1]}" if len(self.years) > 1 else str(self.years[0])
        return Link(self.lobbyist.id, "represents", self.client.id, self.start, self.end, source_of(v), graph.standing(v),
                    note=f"registered lobbyist for this client in {years} ({len(self.years)} registration years)")


def source_of(v: Value) -> Source:
    return Source(v.path, v.record, v.file_sha)


def sentence_of(node: Node, v: Value) -> str:
    """The sentence a document states the link in (its ``summary`` from the same record), or ""."""
    return next((s.value for s in node.props.get("summary", []) if s.record == v.record and s.file_sha == v.file_sha), "")


def gov_domains(graph: Graph) -> set[str]:
    return {d for box in graph.mailboxes for d in box.gov_domains}


def officials(graph: Graph) -> list[Official]:
    """Everyone who holds a public office in the records (an Occupancy of a post in a public body),
    with their mail accounts. A post with no government named ("Occupation: Teacher") is no office,
    and running for one ("status" candidate) is not holding it."""
    found: dict[str, Official] = {}
    domains = gov_domains(graph)
    for occ in graph.of_schema("Occupancy"):
        if "candidate" in {s.lower() for s in occ.values("status")} and len(occ.values("status")) == 1:
            continue
        holder = graph.get(occ.first("holder") or "")
        post = graph.get(occ.first("post") or "")
        if holder is None or post is None:
            continue
        body = graph.get(post.first("organization") or "")
        if body is None:
            continue
        off = found.setdefault(holder.id, Official(holder))
        off.offices.append(Office(post, body, occ))
    for off in found.values():
        off.addresses = set(graph.addresses.get(off.person.id, set()))
        off.gov_accounts = {a for a in off.addresses if mail_domain(a) in domains or is_gov_domain(mail_domain(a))}
    return sorted(found.values(), key=lambda o: o.person.id)


def relatives(graph: Graph, official: Official) -> list[Kin]:
    kin = []
    for fam in graph.referring("person", official.person.id):
        if fam.schema != "Family":
            continue
        rel = graph.get(fam.first("relative") or "")
        if rel is None or rel.id == official.person.id:
            continue
        word = (fam.first("relationship") or "relative").lower()
        kin.append(Kin(official, rel, fam, word, "spouse" if word in SPOUSE_WORDS else "family"))
    return sorted(kin, key=lambda k: k.relative.id)


def lobbying(graph: Graph, person: Node) -> list[Lobbying]:
    """The clients a person was registered to lobby for, with the years each registration was in force."""
    out = []
    for rep in graph.referring("agent", person.id):
        if rep.schema != "Representation":
            continue
        client = graph.get(rep.first("client") or "")
        years = registration_years(rep)
        if client is None or not years:
            continue
        starts = sorted(d for d in rep.values("startDate") if d[:4] == str(years[0]))
        start = starts[0] if starts else f"{years[0]}-01-01"
        ends = sorted(d for d in rep.values("endDate") if d[:4] == str(years[-1]) and len(d) == 10)
        end = ends[-1] if ends else f"{years[-1]}-12-31"
        jur = graph.jurisdiction(rep.props["client"][0])
        out.append(Lobbying(person, client, rep, years, start, end, jur))
    return sorted(out, key=lambda lob: (lob.start, lob.client.id))


def registration_years(rep: Node) -> list[int]:
    """The years a registration was in force: its filing years (``date``, as registries file one a year),
    and every year from its ``startDate`` to its ``endDate`` (a registry that gives periods); a start
    with no end counts its own year only, since the records do not say it went on."""
    years = {int(d[:4]) for d in rep.values("date") if d[:4].isdigit()}
    starts = [int(d[:4]) for d in rep.values("startDate") if d[:4].isdigit()]
    ends = [int(d[:4]) for d in rep.values("endDate") if d[:4].isdigit()]
    if starts and not years:
        years.update(range(min(starts), max([*ends, min(starts)]) + 1))
    return sorted(years)


def lobbying_relatives(graph: Graph) -> Iterator[tuple[Official, Kin, list[Lobbying]]]:
    """Each official's relative who was registered to lobby, with the registrations that are not
    plainly before another government (unknown governments are kept; rules say so)."""
    for off in officials(graph):
        for kin in relatives(graph, off):
            regs = [lob for lob in lobbying(graph, kin.relative) if same_government(off, lob.jurisdiction) is not False]
            if regs:
                yield off, kin, regs


def same_government(official: Official, jurisdiction: str | None) -> bool | None:
    """True when the official serves the government a registry or contract belongs to; None when unknown."""
    if not jurisdiction or not official.jurisdictions:
        return None
    return jurisdiction_key(jurisdiction) in official.jurisdictions


def identity_note(graph: Graph, node: Node, names: set[str] | None = None) -> str:
    """How the records were tied to one identity, for the reader to check; with ``names``, also how
    those names printed without an address were."""
    members = set(node.members) | {graph.name_node[n] for n in names or () if n in graph.name_node}
    reasons = sorted({graph.match[m][1] for m in members if m in graph.match and graph.match[m][1]})
    return "; ".join(reasons)


def name_alone_caveat(graph: Graph, finding: Finding, store: Store) -> None:
    """Say in a finding which of its people and organisations were tied across records by their name
    alone (a profile's "husband, Sam Reyes" and the registry's SAM REYES), unless the rule said it
    already: the chain holds only if they are one, and a namesake is possible. Only the records the
    finding rests on count (those it cites, the entities they point at, and the addresses of cited
    mail), and only when there are two or more of them: an official's name-only match in a company
    register does not weaken a finding about her husband's registration. Lowers the score."""
    if "name alone" in finding.summary:
        return
    cited = {(link.source.sha256, link.source.record) for link in finding.chain if link.source}
    cited |= {(e.sha256, e.record) for e in finding.evidence}
    pointed = {m for c in cited for m in graph.pointed_at.get(c, ())}
    mailboxes = {box.source_sha for box in graph.mailboxes}
    mail = mail_addresses(store, cited) if any(graph.sources_of_file.get(f, set()) & mailboxes for f, _ in cited) else set()

    def name_alone(node: Node) -> bool:
        used = [m for m in node.members if m in pointed or graph.records_of.get(m, set()) & cited]
        # the mail the finding cites reached the identity through the addresses it was sent from and to,
        # and the names it printed without an address
        used += [f"addr:{a}" for a in sorted(graph.addresses.get(node.id, set()) & mail)]
        used += [graph.name_node[n] for n in sorted(graph.names.get(node.id, set()) & mail)]
        # one record alone needs no tie; two or more rest on the ties that joined them
        return len(used) > 1 and any("name alone" in graph.match.get(m, (1.0, ""))[1] for m in used)

    shaky = [s.name for s in finding.subjects if (n := graph.get(s.id)) is not None and name_alone(n)]
    if not shaky:
        return
    names = " and for ".join([", ".join(shaky[:-1]), shaky[-1]] if len(shaky) > 1 else shaky)
    finding.summary += (f" Records were joined by name alone for {names}; a namesake is possible, so check that the "
                        "records describe one and the same before relying on the chain.")
    finding.score = round(max(0.0, finding.score - 0.1), 2)


def mail_addresses(store: Store, cited: set[tuple[str, str]]) -> set[str]:
    """The addresses that sent or received the cited messages ((file SHA-256, Message-ID or record) pairs),
    and the names of those printed without an address, as written."""
    if not cited:
        return set()
    pairs = sorted(cited)
    where = " OR ".join("(m.file_sha = ? AND m.record = ?)" for _ in pairs)
    sql = (f"SELECT DISTINCT CASE WHEN coalesce(p.address, '') = '' THEN p.name ELSE p.address END "
           f"FROM participants p JOIN messages m ON p.message = m.id WHERE {where}")
    return {row[0] for row in store.query(sql, [x for pair in pairs for x in pair]) if row[0]}


def identity_score(graph: Graph, node: Node) -> float:
    scores = [graph.match[m][0] for m in node.members if m in graph.match]
    return min(scores) if scores else 1.0


def family_evidence(kin: Kin, link: Link) -> Evidence:
    src = link.source or Source("", "")
    return Evidence(src.path, src.record, None, f"{kin.official.person.name}: {kin.word}, {kin.relative.name}", src.sha256,
                    "profile", highlight=[kin.relative.name])


# Helpers the mail-based rules share (documents-to-relative, personal-account-business, favour-for-relative).


def personal_accounts(official: Official) -> set[str]:
    """The official's own addresses that are not the government's (a webmail account in the official's name)."""
    return official.addresses - official.gov_accounts


def office_span(official: Official) -> tuple[str | None, str | None]:
    """When the official held office, as far as the records date it (None where they do not)."""
    starts = [o.occupancy.first("startDate") for o in official.offices]
    ends = [o.occupancy.first("endDate") for o in official.offices]
    start = None if not starts or None in starts else min(s for s in starts if s)
    end = None if not ends or None in ends else max(e for e in ends if e)
    return start, end


def in_office(official: Official, day: str | None) -> bool:
    start, end = office_span(official)
    return bool(day) and (start is None or start <= (day or "")) and (end is None or (day or "") <= end)


def registered_on(regs: list[Lobbying], day: str | None) -> list[Lobbying]:
    """The registrations in force on ``day`` (from their start to the end of their last year)."""
    return [lob for lob in regs if day and lob.start <= day <= lob.end]


def office_links(graph: Graph, official: Official) -> list[Link]:
    """The official's offices as chain links (``holds-office``), with the dates the records give."""
    out = []
    for o in official.offices:
        v = o.occupancy.props["holder"][0]
        out.append(Link(official.person.id, "holds-office", o.body.id if o.body else o.position.id, o.occupancy.first("startDate"),
                        o.occupancy.first("endDate"), source_of(v), graph.standing(v), note=o.title))
    return out


def account_note(graph: Graph, address: str) -> str:
    """Why an address was tied to the identity that holds it, for the reader to check ("" when not recorded)."""
    return graph.match.get(f"addr:{address}", (1.0, ""))[1]
