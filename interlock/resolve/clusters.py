"""Union–find over identity nodes, with the reason each node joined its cluster and vetoes.

A node is an entity id, or ``addr:<address>`` for an e-mail correspondent. Clusters carry the facts
that can veto a merge: the person names seen, the declared e-mail addresses, and "not same"
judgements.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from interlock.names import PersonName
from interlock.resolve.features import Match, conflicting_names
from interlock.unionfind import UnionFind


@dataclass
class Cluster:
    names: set[PersonName] = field(default_factory=set)
    emails: set[str] = field(default_factory=set)     # declared by an entity (registry, profile)
    is_person: bool = False


class Clusters:
    def __init__(self) -> None:
        self.sets = UnionFind()
        self.parent = self.sets.parent
        self.info: dict[str, Cluster] = {}
        self.edges: list[tuple[str, str, Match]] = []
        self.vetoes: list[tuple[str, str]] = []

    def add(self, node: str, names: set[PersonName] | None = None, emails: set[str] | None = None,
            is_person: bool = False) -> None:
        if node not in self.parent:
            self.parent[node] = node
            self.info[node] = Cluster()
        c = self.info[self.find(node)]
        c.names |= names or set()
        c.emails |= emails or set()
        c.is_person = c.is_person or is_person

    def find(self, node: str) -> str:
        return self.sets.find(node)

    def veto(self, a: str, b: str) -> None:
        self.vetoes.append((a, b))

    def members(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for node in self.parent:
            out.setdefault(self.find(node), []).append(node)
        return out

    def blocked(self, ra: str, rb: str) -> str | None:
        """Why the clusters of two roots may not merge, or None."""
        a, b = self.info[ra], self.info[rb]
        if a.emails and b.emails and not (a.emails & b.emails) and a.is_person and b.is_person:
            return "each side has its own declared e-mail address and they share none"
        conflict = conflicting_names(a.names, b.names)
        if conflict:
            return conflict
        for x, y in self.vetoes:
            if x in self.parent and y in self.parent and {self.find(x), self.find(y)} == {ra, rb}:
                return "a person judged them not the same"
        return None

    def union(self, a: str, b: str, match: Match, force: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not force and self.blocked(ra, rb):
            return False
        keep, drop = self.sets.union(ra, rb) or (ra, rb)
        info = self.info[keep]
        other = self.info.pop(drop)
        info.names |= other.names
        info.emails |= other.emails
        info.is_person = info.is_person or other.is_person
        self.edges.append((a, b, match))
        return True

    def reasons(self) -> dict[str, Match]:
        """For each node that joined a cluster, the match that first brought it in."""
        out: dict[str, Match] = {}
        for a, b, match in self.edges:
            out.setdefault(a, match)
            out.setdefault(b, match)
        return out
