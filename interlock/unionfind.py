"""Union–find with path compression; the smaller id becomes the root, so results do not depend on input order."""

from __future__ import annotations

from array import array


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> tuple[str, str] | None:
        """Join the sets of a and b; return (kept root, dropped root), or None when already one."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return None
        keep, drop = sorted((ra, rb))
        self.parent[drop] = keep
        return keep, drop


class NumberUnionFind:
    """The same over the numbers 0 … size-1, held in an array of 8-byte slots: a million nodes take
    8 MB, where a dict of string ids takes hundreds. Callers number their ids in sorted order, so
    the smallest number as root is the smallest id as root. A parent is never larger than its child."""

    def __init__(self, size: int) -> None:
        self.parent = array("q", range(size))

    def __len__(self) -> int:
        return len(self.parent)

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: int, b: int) -> bool:
        """Join the sets of a and b; False when they were one already."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if ra < rb:
            self.parent[rb] = ra
        else:
            self.parent[ra] = rb
        return True

    def copy(self) -> NumberUnionFind:
        other = NumberUnionFind(0)
        other.parent = array("q", self.parent)
        return other
