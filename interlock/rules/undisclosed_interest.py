"""A tie of an official's that other records show (a company the official directs, owns or works for,
a relative, a business partner) and that the official's own disclosures do not mention.

The official's disclosures are the self-declared records about the official: a candidate profile, a
questionnaire, a statement of interests. A tie counts as mentioned when a self-declared record states
it, or names the other party anywhere in its text. Only officials with at least one such record are
checked. The finding shows a gap between two sets of records; it does not show that a disclosure was
required, or false: a profile is not a legal filing, and a statement may cover another period.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from interlock.findings import Evidence, Finding, Link, Subject
from interlock.graph import Graph, Node, Value
from interlock.names import norm_text
from interlock.relations import Official, officials, source_of
from interlock.rules import RuleContext, rule

SELF = "self-declared"
#: schema -> (the official's side, the other side, relation in the contract's words, word property)
TIES = {
    "Directorship": ("director", "organization", "associate", "role"),
    "Ownership": ("owner", "asset", "associate", "role"),
    "Employment": ("employee", "employer", "employs", "role"),
    "Family": ("person", "relative", "family", "relationship"),
    "Associate": ("person", "associate", "associate", "relationship"),
}


@dataclass(frozen=True)
class Tie:
    link: Node
    other: Node
    relation: str
    word: str
    value: Value        # the statement that makes the tie, with its source


def ties(g: Graph, off: Official) -> list[Tie]:
    """The official's ties as records other than the official's own state them."""
    out = []
    for schema, (mine, theirs, relation, word_prop) in TIES.items():
        for side in (mine, theirs) if schema in ("Family", "Associate") else (mine,):
            other_side = theirs if side == mine else mine
            for link in g.referring(side, off.person.id):
                if link.schema != schema:
                    continue
                other = g.get(link.first(other_side) or "")
                if other is None or other.id == off.person.id or other.schema == "PublicBody":
                    continue
                stated = [v for v in link.props.get(other_side, []) if g.standing(v) != SELF]
                if stated:
                    word = link.first(word_prop) or relation
                    out.append(Tie(link, other, "spouse" if schema == "Family" and is_spouse(word) else relation, word, stated[0]))
    return out


def is_spouse(word: str) -> bool:
    return word.lower() in {"husband", "wife", "spouse", "partner", "domestic partner"}


@dataclass
class Disclosed:
    values: list[Value]      # the official's own statements about themselves
    parties: set[str]        # identities the official's own statements tie the official to
    text: str                # all of it, normalised, to find a party named in passing


def disclosures(g: Graph, off: Official) -> Disclosed:
    values = [v for prop_values in off.person.props.values() for v in prop_values if g.standing(v) == SELF]
    texts = [v.value for v in values]
    parties: set[str] = set()
    for schema, (mine, theirs, _, _) in TIES.items():
        for side in (mine, theirs):
            other_side = theirs if side == mine else mine
            for link in g.referring(side, off.person.id):
                own = [v for vs in link.props.values() for v in vs if g.standing(v) == SELF]
                if link.schema == schema and own:
                    texts += [v.value for v in own]
                    parties.update(g.canonical(x) for x in link.values(other_side))
    for party in parties:
        if (node := g.get(party)) is not None:
            texts += node.values("name")
    return Disclosed(values, parties, norm_text(" ".join(texts)))


def declared(tie: Tie, disclosed: Disclosed) -> bool:
    """The official's own statements tie the official to the other party, or name it."""
    if tie.other.id in disclosed.parties:
        return True
    names = {norm_text(n) for n in tie.other.values("name")} | {norm_text(n) for n in tie.other.values("alias")}
    return any(n and len(n) > 3 and f" {n} " in f" {disclosed.text} " for n in names)


@rule(id="undisclosed-interest", severity="medium")
def undisclosed_interest(ctx: RuleContext) -> Iterator[Finding]:
    g = ctx.graph
    for off in officials(g):
        disclosed = disclosures(g, off)
        if not disclosed.values:
            continue
        missing = [t for t in ties(g, off) if not declared(t, disclosed)]
        seen: set[str] = set()
        for tie in missing:
            if tie.other.id in seen:
                continue
            seen.add(tie.other.id)
            yield make_finding(g, off, tie, disclosed.values)


def make_finding(g: Graph, off: Official, tie: Tie, values: list[Value]) -> Finding:
    person, other = off.person, tie.other
    paths = sorted({v.path for v in values})
    standing = g.standing(tie.value)
    summary = (f"{standing.capitalize()} records show {person.name} and {other.name} tied as {tie.word} "
               f"({tie.value.path}, {tie.value.record}). {person.name}'s own {'statements' if len(paths) > 1 else 'statement'} "
               f"({', '.join(paths)}) {'do' if len(paths) > 1 else 'does'} not mention {other.name}. The records show the gap; "
               f"they do not show that a disclosure was required for this tie, or when it began and ended.")
    chain = [Link(person.id, tie.relation, other.id, tie.link.first("startDate"), tie.link.first("endDate"),
                  source_of(tie.value), standing, note=tie.word, excerpt=first_summary(tie.link))]
    evidence = [Evidence(tie.value.path, tie.value.record, tie.link.first("startDate") or tie.link.first("date"),
                         first_summary(tie.link) or f"{person.name}: {tie.word}, {other.name}", tie.value.file_sha, "document",
                         highlight=[person.name, other.name])]
    said = [v for v in values if v.value and v.value not in person.values("name") and "@" not in v.value]
    for v in said[:3]:
        evidence.append(Evidence(v.path, v.record, None, f"{person.name}'s own statement: {v.value}", v.file_sha, "profile",
                                 highlight=[person.name]))
    role = "relative" if tie.relation in ("spouse", "family") else "associate"
    return Finding(
        rule="undisclosed-interest",
        title=f"{person.name}'s {tie.word} tie to {other.name} is not in {person.name}'s own statements",
        summary=summary, severity="medium" if standing == "registered" else "low", score=0.7 if standing == "registered" else 0.55,
        subjects=[Subject(person.id, person.schema, person.name, "official"), Subject(other.id, other.schema, other.name, role)],
        chain=chain, period_start=tie.link.first("startDate"), period_end=tie.link.first("endDate"),
        counts={"disclosures": len(paths)}, evidence=evidence,
    )


def first_summary(node: Node) -> str:
    return node.first("summary") or ""
