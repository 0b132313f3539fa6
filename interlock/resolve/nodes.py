"""The things resolution decides about: people and organisations from records, and mail correspondents.

A node is an entity id, ``addr:<address>`` for an e-mail correspondent (each address once, with
the display names it was seen with), or ``name:<first middle last>`` for a correspondent printed with a
name and no address ("To: Mills, Cheryl D" in a released print-out), one node per parsed name. Nodes
carry only what comparisons read: names (parsed), organisation keys, e-mail addresses, postal
addresses and the sources they came from.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from interlock.names import (
    SUFFIXES,
    PersonName,
    is_role_mailbox,
    local_part_names,
    norm_text,
    ocr_key,
    org_key,
    parse_address,
    person_name,
    swap_key,
)
from interlock.store import Store

PERSON_SCHEMAS = ("Person",)
ORG_SCHEMAS = ("Organization", "Company", "PublicBody", "LegalEntity")
NAME_PROPS = ("name", "alias", "weakAlias", "previousName")
ADDR = "addr:"
NAME = "name:"
CORRESPONDENT = (ADDR, NAME)    # nodes that are no record's entity
PERSON_LIKE = re.compile(r"^\s*[A-Za-z'’-]+\s*,\s*[A-Za-z'’.-]+(?:\s+[A-Za-z]\.?)?\s*$")
MAX_NAME_WORDS = 5   # more is a run of names or a line of text that OCR put in the name field
DBA = re.compile(r"\b(?:d/?b/?a|doing business as|a/?k/?a|f/?k/?a)\b", re.I)


@dataclass
class Node:
    id: str
    kind: str                                   # person, org, address (a correspondent) or name (one without an address)
    schema: str = ""
    shown: list[str] = field(default_factory=list)          # names as written, for people reading a decision
    people: set[PersonName] = field(default_factory=set)
    orgs: set[str] = field(default_factory=set)             # organisation keys, one per name and DBA name
    emails: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)           # postal address keys
    employers: set[str] = field(default_factory=set)        # organisation keys of the employers a record names
    clients: set[str] = field(default_factory=set)          # organisation keys of the clients a lobbyist represents
    displays: set[str] = field(default_factory=set)         # a correspondent's display names, normalised ("h", "hrc")
    sources: set[str] = field(default_factory=set)
    role: bool = False                          # a role or shared mailbox: never a person

    @cached_property
    def ocr(self) -> frozenset[str]:
        """The addresses with the letters OCR confuses folded together (read after loading, then cached)."""
        return frozenset(ocr_key(e) for e in self.emails)

    @cached_property
    def swaps(self) -> frozenset[str]:
        """The addresses' letters in order (``swap_key``): two addresses a swapped pair apart share one."""
        return frozenset(k for e in self.emails if (k := swap_key(e)))

    @property
    def label(self) -> str:
        return self.shown[0] if self.shown else self.id.removeprefix(ADDR)

    def fingerprint(self) -> str:
        """What identifies the node when its id changes (a source re-ingested under a new hash)."""
        if self.id.startswith(CORRESPONDENT):
            return self.id
        names = sorted({p.key for p in self.people} | self.orgs)
        return "|".join([self.schema, ";".join(names), ";".join(sorted(self.emails))])


def place_key(address: str | None) -> str:
    """House number and street, normalised: "2232 S. Blue Island Ave., Chicago" → "2232 s blue island"."""
    first_line = re.split(r"[,\n]", address or "")[0]
    tokens = norm_text(first_line).split()
    if not tokens or not tokens[0][0].isdigit():
        return ""
    return " ".join(tokens[:4])


def usable(name: PersonName) -> bool:
    return bool(name.first and name.last)


def load_nodes(store: Store) -> dict[str, Node]:
    schemas = PERSON_SCHEMAS + ORG_SCHEMAS
    nodes: dict[str, Node] = {}
    rows = store.iter_query(
        f"""SELECT DISTINCT entity_id, schema, prop, value, source_sha FROM statements
            WHERE prop IN ('id', 'email', 'address', {', '.join('?' for _ in NAME_PROPS)})
              AND schema IN ({', '.join('?' for _ in schemas)})
            ORDER BY entity_id, prop, value""",
        [*NAME_PROPS, *schemas],
    )
    for entity_id, schema, prop, value, source in rows:
        node = nodes.get(entity_id)
        if node is None:
            node = nodes[entity_id] = Node(entity_id, "person" if schema in PERSON_SCHEMAS else "org", schema)
        node.sources.add(source)
        if prop in NAME_PROPS:
            add_name(node, value)
        elif prop == "email":
            addr = parse_address(value)
            if addr and not is_role_mailbox(addr):
                node.emails.add(addr)
        elif prop == "address":
            if key := place_key(value):
                node.places.add(key)
    add_employers(store, nodes)
    shown: dict[str, Counter[str]] = defaultdict(Counter)
    for address, name, n in store.iter_query("SELECT address, coalesce(name, ''), count(*) FROM participants "
                                             "WHERE coalesce(address, '') <> '' GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2"):
        shown[address][name] += n
    for address, names in shown.items():
        # an address as written ("MillsCD@state.gov"); compared lower-cased, so case variants meet
        node = nodes[ADDR + address] = Node(ADDR + address, "address", emails={address.lower()}, role=is_role_mailbox(address))
        if node.role:
            continue
        # the three names it is shown with most; a blank or an address where the name should be is no name
        shown_as = [d for d, _ in names.most_common() if norm_text(d) and "@" not in d]
        for display in shown_as[:3]:
            parsed = person_name(display)
            if key := norm_text(display):
                node.displays.add(key)
            if usable(parsed):
                node.people.add(parsed)
                node.shown.append(display)
    drop_names_the_address_contradicts(nodes)
    add_names_without_address(store, nodes)
    return nodes


def add_names_without_address(store: Store, nodes: dict[str, Node]) -> None:
    """Correspondents printed with a person's name and no address, one node per parsed name: "Mills,
    Cheryl D" and "Cheryl D. Mills" are one. A bare first name or initial ("H", "Cheryl") says too
    little to be compared and makes no node."""
    for display, in store.iter_query("SELECT DISTINCT name FROM participants WHERE coalesce(address, '') = '' "
                                     "AND coalesce(name, '') <> '' ORDER BY 1"):
        if (parsed := printed_name(display)) is None:
            continue
        node_id = name_id(parsed)
        node = nodes.get(node_id)
        if node is None:
            node = nodes[node_id] = Node(node_id, "name")
        node.people.add(parsed)
        if len(node.shown) < 3:
            node.shown.append(display)


def printed_name(display: str) -> PersonName | None:
    """A person's name printed without an address, or None when it says too little or is not one name."""
    parts = display.split(",")
    if ("@" in display or ";" in display or "_" in display or len(display.split()) > MAX_NAME_WORDS
            or (len(parts) > 2 and not any(norm_text(p) in SUFFIXES for p in parts))):
        return None   # an address, a list of people ("Zeya, Uzra; Lakhdhir, Kamala S"), or a line of text
    parsed = person_name(display)
    return parsed if usable(parsed) else None


def name_id(parsed: PersonName) -> str:
    return NAME + " ".join(x for x in (parsed.first, parsed.middle, parsed.last, parsed.suffix) if x)


def name_node_id(display: str) -> str | None:
    """The node of a correspondent printed with this name and no address, or None when the name says too little."""
    parsed = printed_name(display)
    return name_id(parsed) if parsed else None


def drop_names_the_address_contradicts(nodes: dict[str, Node]) -> None:
    """An address that spells the name of someone in the case ("colemancl@" and a Claire Coleman) is that
    person's: a display name with another last name ("Hon. Hillary Rodham Clinton", shown once, sent on
    her behalf or misread) is someone else's and is not the address's name. An address that spells
    nobody known ("evergreen@") keeps every display name."""
    known = {(p.first[0], p.last) for node in nodes.values() for p in node.people}
    for node in nodes.values():
        if node.kind != "address" or not node.people:
            continue
        address = min(node.emails)
        local = re.sub(r"[^a-z]", "", address.partition("@")[0])
        if not any((first[0], last) in known for first, last in local_part_names(address)):
            continue
        contradicted = {p for p in node.people if p.last.replace(" ", "") not in local}
        if contradicted:
            node.people -= contradicted
            node.shown = [s for s in node.shown if person_name(s) not in contradicted]


def add_employers(store: Store, nodes: dict[str, Node]) -> None:
    """Each person record's employers (Employment) and clients (Representation), as organisation keys."""
    for schema, person_prop, org_prop, attr in (("Employment", "employee", "employer", "employers"),
                                                ("Representation", "agent", "client", "clients")):
        rows = store.iter_query("""SELECT DISTINCT e.value, r.value FROM statements e JOIN statements r
                                   ON r.entity_id = e.entity_id AND r.prop = ?
                                   WHERE e.schema = ? AND e.prop = ?""", [org_prop, schema, person_prop])
        for person_id, org_id in rows:
            person, firm = nodes.get(person_id), nodes.get(org_id)
            if person is not None and firm is not None:
                getattr(person, attr).update(firm.orgs)


def add_name(node: Node, value: str) -> None:
    if value not in node.shown:
        node.shown.append(value)
    if node.kind == "person":
        parsed = person_name(value)
        if usable(parsed):
            node.people.add(parsed)
        return
    parts = DBA.split(value)
    if PERSON_LIKE.match(value):          # a client filed as "WINTER, SEAN" is also "Sean Winter"
        last, _, first = value.partition(",")
        parts.append(f"{first} {last}")
    for part in parts:
        if len(key := org_key(part)) >= 3:
            node.orgs.add(key)
