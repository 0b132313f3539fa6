"""Who is who: e-mail correspondents, registry people and organisations, profile names → identities.

``resolve`` rebuilds the ``identities`` table from scratch on every run (entity or ``addr:`` node →
canonical id, with the score and reason of the match that brought it in). Stored judgements are
replayed first ("not same" vetoes a merge) and last ("same" forces one), so they survive
re-ingesting and re-resolving.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

from interlock.names import PersonName, is_role_mailbox, org_key, parse_address, person_name
from interlock.resolve.clusters import Clusters
from interlock.resolve.features import Match, same_email, same_org_name, same_person_name
from interlock.store import Store
from interlock.threads import ThreadReport

PERSON_SCHEMAS = ("Person",)
ORG_SCHEMAS = ("Organization", "Company", "PublicBody", "LegalEntity")
ADDR = "addr:"


@dataclass
class ResolveReport:
    entities: int = 0
    addresses: int = 0
    identities: int = 0
    merges: Counter[str] = field(default_factory=Counter)
    judgements: int = 0
    threads: ThreadReport | None = None
    accounts: Counter[str] = field(default_factory=Counter)


def usable_name(name: PersonName) -> bool:
    return bool(name.first and name.last)


def load_nodes(store: Store, clusters: Clusters) -> tuple[dict[str, set[PersonName]], dict[str, set[str]], dict[str, set[str]]]:
    """Add every person, organisation and correspondent address as a node; return the blocking keys."""
    person_names: dict[str, set[PersonName]] = defaultdict(set)
    emails: dict[str, set[str]] = defaultdict(set)
    org_keys: dict[str, set[str]] = defaultdict(set)
    schemas: dict[str, str] = {}
    rows = store.query(
        f"""SELECT DISTINCT entity_id, schema, prop, value FROM statements
            WHERE prop IN ('name', 'email', 'id')
              AND schema IN ({', '.join('?' for _ in PERSON_SCHEMAS + ORG_SCHEMAS)})""",
        list(PERSON_SCHEMAS + ORG_SCHEMAS),
    )
    for entity_id, schema, prop, value in rows:
        schemas.setdefault(entity_id, schema)
        if prop == "name":
            if schema in PERSON_SCHEMAS:
                parsed = person_name(value)
                if usable_name(parsed):
                    person_names[entity_id].add(parsed)
            else:
                key = org_key(value)
                if key:
                    org_keys[key].add(entity_id)
        elif prop == "email":
            addr = parse_address(value)
            if addr and not is_role_mailbox(addr):
                emails[addr].add(entity_id)
    for entity_id, schema in schemas.items():
        declared = {a for a, ids in emails.items() if entity_id in ids} if schema in PERSON_SCHEMAS else set()
        clusters.add(entity_id, person_names.get(entity_id, set()), declared, is_person=schema in PERSON_SCHEMAS)
    # correspondents: each address once, with the display names it was seen with
    shown: dict[str, Counter[str]] = defaultdict(Counter)
    for address, name, n in store.query("SELECT address, coalesce(name, ''), count(*) FROM participants GROUP BY 1, 2"):
        shown[address][name] += n
    for address, names in shown.items():
        node = ADDR + address
        shown_names: set[PersonName] = set()
        if not is_role_mailbox(address):
            for display, _ in names.most_common(3):
                parsed = person_name(display)
                if usable_name(parsed) and "@" not in display:
                    shown_names.add(parsed)
                    person_names[node].add(parsed)
            emails[address].add(node)
        clusters.add(node, shown_names)
    return person_names, emails, org_keys


def run_resolve(store: Store) -> ResolveReport:
    report = ResolveReport()
    clusters = Clusters()
    person_names, emails, org_keys = load_nodes(store, clusters)
    judgements = store.query("SELECT left_id, right_id, judgement FROM judgements ORDER BY created_at")
    latest: dict[frozenset[str], str] = {}
    for left, right, verdict in judgements:
        latest[frozenset((left, right))] = verdict
    for pair, verdict in latest.items():
        if verdict == "no" and len(pair) == 2:
            a, b = sorted(pair)
            if a in clusters.parent and b in clusters.parent:
                clusters.veto(a, b)
    report.judgements = len(latest)

    for address, nodes in sorted(emails.items()):
        ordered = sorted(nodes)
        for other in ordered[1:]:
            if clusters.union(ordered[0], other, same_email(address)):
                report.merges["same e-mail address"] += 1

    by_key: dict[str, list[tuple[str, PersonName]]] = defaultdict(list)
    for node, names in person_names.items():
        for name in names:
            by_key[name.key].append((node, name))
    for key, members in sorted(by_key.items()):
        members.sort(key=lambda m: m[0])
        for i, (node, name) in enumerate(members):
            for other, other_name in members[:i]:
                match = same_person_name(name, other_name, key.title())
                if match and clusters.union(other, node, match):
                    report.merges["same person name"] += 1
                    break

    for key, ids in sorted(org_keys.items()):
        ordered = sorted(ids)
        match = same_org_name(key, key.upper())
        if match is None:
            continue
        for other in ordered[1:]:
            if clusters.union(ordered[0], other, match):
                report.merges["same organisation name"] += 1

    for pair, verdict in latest.items():
        if verdict == "yes" and len(pair) == 2:
            a, b = sorted(pair)
            if a in clusters.parent and b in clusters.parent:
                clusters.union(a, b, Match(1.0, "a person judged them the same"), force=True)
                report.merges["judgement"] += 1

    write_identities(store, clusters)
    report.entities = sum(1 for n in clusters.parent if not n.startswith(ADDR))
    report.addresses = sum(1 for n in clusters.parent if n.startswith(ADDR))
    report.identities = len(clusters.members())
    return report


def write_identities(store: Store, clusters: Clusters) -> None:
    reasons = clusters.reasons()
    rows = []
    for members in clusters.members().values():
        entities = sorted(m for m in members if not m.startswith(ADDR))
        canonical = entities[0] if entities else sorted(members)[0]
        for node in members:
            match = reasons.get(node)
            rows.append((node, canonical, match.score if match else 1.0, match.reason if match else ""))
    with store.transaction():
        store.execute("DELETE FROM identities")
        store.insert("identities", rows)


def add_judgement(store: Store, left: str, right: str, verdict: str, author: str, note: str = "") -> None:
    if verdict not in ("yes", "no", "unsure"):
        raise ValueError("a judgement is yes, no or unsure")
    store.insert("judgements", [(left, right, verdict, author, datetime.now(UTC).replace(tzinfo=None), note)])
