"""Candidate pairs: only nodes that share a blocking key are compared.

Keys: an e-mail address; a person's last name with the initial of the first name (and of its
recorded nicknames and full forms, so "Bill" meets "William"); the (initial, last name) an address's
local part spells; an organisation's name key, its first two words, its words as compared (numbers
and abbreviations written one way) and its initials. A key shared by
more than ``MAX_BLOCK`` nodes (a common surname with one initial, say) is too common to be evidence
of anything and is not expanded into pairs; the report counts them. A name block of more than
``CROWDED`` nodes is compared in parts (see :data:`CROWDED`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from interlock.names import acronym, first_name_forms, local_part_names, mail_domain
from interlock.resolve.features import compare_words
from interlock.resolve.nodes import Node

MAX_BLOCK = 200
# A name block (last name and first initial) more crowded than this is compared in parts: two full
# first names only when they share a form or their first three letters ("personf:"/"personp:" keys);
# a record known only by an initial (J. Smith, jsmith@) still meets everyone in it.
CROWDED = 50


@dataclass
class Blocks:
    keys: dict[str, list[str]]
    too_common: int = 0
    loose: dict[str, set[str]] = field(default_factory=dict)   # name key → the members known by an initial only

    def eligible(self, key: str, a: str, b: str) -> bool:
        """Whether the pair is compared under this key: a crowded name block pairs only with loose members."""
        if not key.startswith("person:") or len(self.keys[key]) <= CROWDED:
            return True
        loose = self.loose.get(key, set())
        return a in loose or b in loose

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
            crowded = key.startswith("person:") and len(ordered) > CROWDED
            loose = self.loose.get(key, set())
            for i, a in enumerate(ordered):
                mine = keys_of[a]
                for b in ordered[i + 1:]:
                    if crowded and a not in loose and b not in loose:
                        continue   # what eligible() would say, without merging the two key lists
                    if self.first_shared(mine, keys_of[b], a, b) == key:
                        yield a, b

    def first_shared(self, left: list[str], right: list[str], a: str, b: str) -> str | None:
        """The smallest key (of two sorted lists: a node's keys) the two share and are compared under."""
        i = j = 0
        while i < len(left) and j < len(right):
            if left[i] == right[j]:
                if self.eligible(left[i], a, b):
                    return left[i]
                i += 1
                j += 1
            elif left[i] < right[j]:
                i += 1
            else:
                j += 1
        return None


def node_keys(node: Node) -> set[str]:
    keys = {f"email:{e}" for e in node.emails} | {f"ocr:{k}" for k in node.ocr}
    keys |= {f"swap:{k}" for k in node.swaps}
    if node.role:
        return keys
    for name in node.people:
        for form in first_name_forms(name.first):
            keys.add(f"person:{name.last}:{form[0]}")
            if len(form) > 1:   # the parts a crowded name block is compared in
                keys.add(f"personf:{name.last}:{form}")
                keys.add(f"personp:{name.last}:{form[:3]}")
        if len(name.first) >= 3 and len(name.last) >= 6:
            keys.add(f"typo:{name.first}:{name.last[:3]}")   # "Lisa Ouzounion" meets "Lisa Ouzounian"
        if node.kind == "name" and len(name.first) > 1:
            keys.add(f"personf:{name.first}:{name.last}")    # printed without its comma: "Clinton Hillary" meets Hillary Clinton
    if node.kind == "address" and not node.people:
        keys |= {f"display:{d}@{mail_domain(e)}" for d in node.displays for e in node.emails}
        for address in node.emails:
            for first, last in local_part_names(address):
                keys.add(f"person:{last}:{first[0]}")
                if len(first) > 1:
                    keys.add(f"personf:{last}:{first}")
                    keys.add(f"personp:{last}:{first[:3]}")
    for key in node.orgs:
        words = key.split()
        keys.add(f"org:{key.replace(' and ', ' ').replace(' ', '')}")
        keys.add(f"org2:{' '.join(words[:2])}")
        squeezed = "".join(compare_words(key))
        keys.add(f"orgw:{squeezed}")   # "Three Corners Development" meets "3 Corners Development"
        if len(squeezed) >= 8:
            keys.add(f"orgp:{squeezed[:7]}")   # a typo late in the name: "Podmajerskey" meets "Podmajersky"
        if short := acronym(key):
            keys.add(f"orgacr:{short}")
        if len(words) == 1 and len(key) <= 6:
            keys.add(f"orgacr:{key}")
    return keys


def loose_keys(node: Node) -> set[str]:
    """The name keys a node has from an initial alone ("J. Smith", "jsmith@"), not from a full first name."""
    full = {f"person:{n.last}:{f[0]}" for n in node.people if len(n.first) > 1 for f in first_name_forms(n.first)}
    if node.kind == "address" and not node.people:
        full |= {f"person:{last}:{first[0]}" for e in node.emails for first, last in local_part_names(e) if len(first) > 1}
    return {k for k in node_keys(node) if k.startswith("person:")} - full


def block(nodes: dict[str, Node]) -> Blocks:
    keys: dict[str, list[str]] = defaultdict(list)
    loose: dict[str, set[str]] = defaultdict(set)
    for node in nodes.values():
        for key in node_keys(node):
            keys[key].append(node.id)
        for key in loose_keys(node):
            loose[key].add(node.id)
    return Blocks(dict(keys), loose=dict(loose))
