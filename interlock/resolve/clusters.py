"""Union–find over identity nodes, with the reason each node joined its cluster, and vetoes.

Pairs are merged strongest first. A merge joins whole clusters, so before it happens the clusters are
checked as wholes: a person record never joins an organisation record, names that contradict (a "Jr." on one side, another middle
name, another first name with no name in common) stay apart, and so do nodes a person judged not the
same. Only a person's "same" judgement overrides these.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from interlock.names import PersonName
from interlock.resolve.features import MIDDLE_OR_SUFFIX_DIFFERS, name_pair
from interlock.unionfind import UnionFind


@dataclass(frozen=True)
class Match:
    score: float
    reason: str


@dataclass
class Cluster:
    names: set[PersonName] = field(default_factory=set)
    emails: set[str] = field(default_factory=set)     # declared by a person record (registry, profile)
    kinds: set[str] = field(default_factory=set)      # "person" and/or "org" records in the cluster


class Clusters:
    def __init__(self) -> None:
        self.sets = UnionFind()
        self.parent = self.sets.parent
        self.info: dict[str, Cluster] = {}
        self.edges: list[tuple[str, str, Match]] = []
        self.vetoes: dict[str, set[str]] = {}

    def add(self, node: str, names: set[PersonName] | None = None, emails: set[str] | None = None,
            kind: str | None = None) -> None:
        if node not in self.parent:
            self.parent[node] = node
            self.info[node] = Cluster()
        c = self.info[self.find(node)]
        c.names |= names or set()
        c.emails |= emails or set()
        if kind:
            c.kinds.add(kind)

    def find(self, node: str) -> str:
        return self.sets.find(node)

    def veto(self, a: str, b: str) -> None:
        self.vetoes.setdefault(a, set()).add(b)
        self.vetoes.setdefault(b, set()).add(a)

    def members(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for node in self.parent:
            out.setdefault(self.find(node), []).append(node)
        return out

    def blocked(self, ra: str, rb: str) -> str | None:
        """Why the clusters of two roots may not merge, or None."""
        a, b = self.info[ra], self.info[rb]
        if len(a.kinds | b.kinds) > 1:
            return "a person and an organisation"
        if conflict := conflicting_names(a.names, b.names):
            return conflict
        for node, others in self.vetoes.items():
            if self.find(node) == ra and any(self.find(o) == rb for o in others):
                return "a person judged them not the same"
        return None

    def union(self, a: str, b: str, match: Match, force: bool = False) -> str | None:
        """Merge; return None when merged (or already one), else the reason they stay apart."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return None
        if not force and (why := self.blocked(ra, rb)):
            return why
        keep, drop = self.sets.union(ra, rb) or (ra, rb)
        info = self.info[keep]
        other = self.info.pop(drop)
        info.names |= other.names
        info.emails |= other.emails
        info.kinds |= other.kinds
        self.edges.append((a, b, match))
        return None

    def reasons(self) -> dict[str, Match]:
        """For each node that joined a cluster, the match that first brought it in."""
        out: dict[str, Match] = {}
        for a, b, match in self.edges:
            out.setdefault(a, match)
            out.setdefault(b, match)
        return out


def conflicting_names(names_a: set[PersonName], names_b: set[PersonName]) -> str | None:
    """Names that cannot be one person's: a suffix or middle name that contradicts, or, among names
    with one last name, first names that differ with no pair that fits (nickname, initial, same)."""
    pairs = [(x, y, e) for x in names_a for y in names_b if (e := name_pair(x, y))]
    for _, _, e in pairs:
        if e.weight <= MIDDLE_OR_SUFFIX_DIFFERS:
            return e.text
    if pairs and all(e.weight < 0 for _, _, e in pairs):
        return pairs[0][2].text
    return None
