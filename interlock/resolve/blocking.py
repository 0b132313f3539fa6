"""Candidate pairs: only nodes that share a blocking key are compared.

Keys: an e-mail address; a person's last name with the initial of the first name (and of its
recorded nicknames and full forms, so "Bill" meets "William"); the (initial, last name) an address's
local part spells; an organisation's name key, its first two words, its words as compared (numbers
and abbreviations written one way) and its initials. A key shared by
more than ``MAX_BLOCK`` nodes (a common surname with one initial, say) is too common to be evidence
of anything and is not expanded into pairs; the report counts them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from interlock.names import acronym, first_name_forms, local_part_names, mail_domain
from interlock.resolve.features import compare_words
from interlock.resolve.nodes import Node

MAX_BLOCK = 200


@dataclass
class Blocks:
    keys: dict[str, list[str]]
    too_common: int = 0

    def usable(self, key: str) -> bool:
        members = self.keys[key]
        return len(members) >= 2 and (len(members) <= MAX_BLOCK or key.startswith("email:"))

    def pairs(self) -> Iterator[tuple[str, str]]:
        """Each pair once, under the first key (in sorted order) the two share: no set of pairs already
        seen, whose size grows with the pairs (ten million at a million e-mails)."""
        keys_of: dict[str, list[str]] = defaultdict(list)
        usable = sorted(k for k in self.keys if self.usable(k))
        for key in usable:
            for member in set(self.keys[key]):
                keys_of[member].append(key)   # in sorted order, as ``usable`` is
        self.too_common = sum(1 for k, m in self.keys.items() if len(m) > MAX_BLOCK and not k.startswith("email:"))
        for key in usable:
            ordered = sorted(set(self.keys[key]))
            for i, a in enumerate(ordered):
                mine = keys_of[a]
                for b in ordered[i + 1:]:
                    if first_shared(mine, keys_of[b]) == key:
                        yield a, b


def first_shared(left: list[str], right: list[str]) -> str | None:
    """The smallest element two sorted lists share (they are short: a node's keys)."""
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] == right[j]:
            return left[i]
        if left[i] < right[j]:
            i += 1
        else:
            j += 1
    return None


def node_keys(node: Node) -> set[str]:
    keys = {f"email:{e}" for e in node.emails} | {f"ocr:{k}" for k in node.ocr}
    if node.role:
        return keys
    for name in node.people:
        for form in first_name_forms(name.first):
            keys.add(f"person:{name.last}:{form[0]}")
        if len(name.first) >= 3 and len(name.last) >= 6:
            keys.add(f"typo:{name.first}:{name.last[:3]}")   # "Lisa Ouzounion" meets "Lisa Ouzounian"
    if node.kind == "address" and not node.people:
        keys |= {f"display:{d}@{mail_domain(e)}" for d in node.displays for e in node.emails}
        for address in node.emails:
            for first, last in local_part_names(address):
                keys.add(f"person:{last}:{first[0]}")
    for key in node.orgs:
        words = key.split()
        keys.add(f"org:{key.replace(' and ', ' ').replace(' ', '')}")
        keys.add(f"org2:{' '.join(words[:2])}")
        keys.add(f"orgw:{''.join(compare_words(key))}")   # "Three Corners Development" meets "3 Corners Development"
        if short := acronym(key):
            keys.add(f"orgacr:{short}")
        if len(words) == 1 and len(key) <= 6:
            keys.add(f"orgacr:{key}")
    return keys


def block(nodes: dict[str, Node]) -> Blocks:
    keys: dict[str, list[str]] = defaultdict(list)
    for node in nodes.values():
        for key in node_keys(node):
            keys[key].append(node.id)
    return Blocks(dict(keys))
