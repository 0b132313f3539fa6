"""Export a case for other tools: FtM JSON lines (Aleph, ``ftm``), CSV for spreadsheets, GEXF for Gephi.

Entities are rebuilt from the ``statements`` table and merged by identity (the ``identities`` table
that ``interlock resolve`` writes): every entity id mapped to one canonical id becomes one entity with
that id, and references to any of the merged ids point at the canonical one. Everything streams
from the store in chunks; only small id → name maps are held in memory.

Findings go into the FtM export as ``Note`` entities (:func:`finding_note`), FtM's schema for a remark
about other entities, which Aleph shows on the page of each entity it names: the id is the finding's
id (as in ``report.json``), ``name`` its title, ``summary`` its summary, ``entity`` its subjects,
``proof`` the e-mails (``Email`` entities of the same file) its evidence cites, and ``description``
the rule, severity, score and period. Every reference in the file points at an entity in the file
(the tests check it)::

    export_case(store, "ftm", Path("case.ftm.json"))   # → number of items written
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from followthemoney import model
from followthemoney.exc import InvalidData
from followthemoney.proxy import EntityProxy
from followthemoney.schema import Schema
from followthemoney.types import registry

from interlock import __version__
from interlock.errors import UsageError
from interlock.store import Store

FORMATS = ("ftm", "csv", "gexf")
ADDR = "addr:"
ENTITY_SQL = """
SELECT coalesce(i.canonical_id, s.entity_id) AS cid, s.entity_id, s.schema, s.prop, s.value
FROM statements s LEFT JOIN identities i ON i.entity_id = s.entity_id
ORDER BY cid, s.entity_id"""
MESSAGE_SQL = """
SELECT m.id, m.path, m.message_id, m.in_reply_to, m.sent_at, m.subject, m.body, s.kind
FROM messages m LEFT JOIN sources s ON s.sha256 = m.source_sha
ORDER BY m.id"""
PARTICIPANT_SQL = "SELECT message, role, address, name FROM participants WHERE message IS NOT NULL ORDER BY message, role, address"
ONE_FILE_PER_MESSAGE = {"eml", "maildir", "msg"}
CSV_SEP = "; "


def export_case(store: Store, fmt: str, out: Path) -> int:
    """Write the case's entities to ``out`` in ``fmt`` and return how many items were written:

    - ``ftm``: one JSON object per line, ``{"id", "schema", "properties"}``; the entities, then each
      e-mail as an FtM ``Email`` (as Aleph maps mail), then each finding as a ``Note`` (see above).
      Items = entities + e-mails + findings.
    - ``csv``: when ``out`` ends in ``.zip``, one CSV per schema (``Person.csv``, ``Representation.csv``
      …) with one row per entity, one column per property in use, several values joined by "; ", and
      for each reference the names with a ``…_id`` column beside them: what a spreadsheet user wants.
      Otherwise one flat CSV (``id, schema, caption, properties`` as JSON), which any tool can read
      back. Items = entities.
    - ``gexf``: a GEXF 1.3 graph for Gephi (see :func:`write_gexf`). Items = nodes + edges.
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; formats: {', '.join(FORMATS)}")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "ftm":
            return write_ftm(store, out)
        if fmt == "csv":
            return write_csv_zip(store, out) if out.suffix.lower() == ".zip" else write_flat_csv(store, out)
        return write_gexf(store, out)
    except OSError as exc:
        raise UsageError(f"{out}: cannot write the export ({exc.strerror or exc})") from exc


# -- entities ------------------------------------------------------------------


@dataclass
class Part:
    """One stored entity's statements: the schemas it was recorded under and its values."""

    schemas: set[str] = field(default_factory=set)
    values: list[tuple[str, str]] = field(default_factory=list)


def load_canon(store: Store) -> dict[str, str]:
    """entity id → canonical id, for the entities that resolve merged into another."""
    rows = store.query("SELECT entity_id, canonical_id FROM identities WHERE entity_id <> canonical_id")
    return {e: c for e, c in rows if not e.startswith(ADDR) and c and not c.startswith(ADDR)}


def pick_schema(names: set[str]) -> Schema:
    """The most specific schema all ``names`` share (LegalEntity + Person → Person). Where two cannot
    be reconciled (Person, Company) the first in name order wins and values that do not fit it are dropped."""
    schemas = [s for s in (model.get(n) for n in sorted(names)) if s is not None]
    result = schemas[0] if schemas else model.get("Thing")
    assert result is not None
    for other in schemas[1:]:
        try:
            result = model.common_schema(result, other)
        except InvalidData:
            continue
    return result


def build_entity(entity_id: str, part: Part, canon: dict[str, str]) -> EntityProxy:
    schema = pick_schema(part.schemas)
    proxy = model.make_entity(schema)
    proxy.id = entity_id
    for prop_name, value in part.values:
        prop = schema.get(prop_name)
        if prop_name == "id" or prop is None or value is None:
            continue
        if prop.type == registry.entity:
            value = canon.get(value, value)
        proxy.add(prop, value, cleaned=True, quiet=True)
    return proxy


def merge_group(canonical_id: str, parts: dict[str, Part], canon: dict[str, str]) -> EntityProxy:
    """The entities resolved to one identity, merged into one entity with the canonical id."""
    ordered = sorted(parts, key=lambda eid: (eid != canonical_id, eid))
    merged = build_entity(canonical_id, parts[ordered[0]], canon)
    for eid in ordered[1:]:
        other = build_entity(eid, parts[eid], canon)
        try:
            merged.merge(other)
        except InvalidData:
            for prop, value in other.itervalues():
                merged.add(prop.name, value, cleaned=True, quiet=True)
        merged.id = canonical_id
    return merged


def iter_entities(store: Store) -> Iterator[EntityProxy]:
    """Every entity of the case, merged by identity, in canonical-id order, streamed from the store."""
    canon = load_canon(store)
    current: str | None = None
    parts: dict[str, Part] = {}
    for cid, eid, schema, prop, value in store.iter_query(ENTITY_SQL):
        if cid != current:
            if current is not None and parts:
                yield merge_group(current, parts, canon)
            current, parts = cid, {}
        part = parts.setdefault(eid, Part())
        part.schemas.add(schema)
        part.values.append((prop, value))
    if current is not None and parts:
        yield merge_group(current, parts, canon)


def entity_json(proxy: EntityProxy) -> dict[str, Any]:
    data = proxy.to_dict()
    return {"id": data["id"], "schema": data["schema"], "properties": data["properties"]}


# -- e-mail ----------------------------------------------------------------------


def load_addresses(store: Store) -> dict[str, str]:
    """address → the id of the person or organisation ``resolve`` tied it to."""
    rows = store.query("SELECT entity_id, canonical_id FROM identities WHERE entity_id LIKE 'addr:%'")
    return {e[len(ADDR):]: c for e, c in rows if c and not c.startswith(ADDR)}


def address_label(address: str | None, name: str | None) -> str:
    if not address:
        return name or ""
    return f"{name} <{address}>" if name and name != address else address


def make_email(row: tuple[Any, ...], people: list[tuple[str, str, str]], owners: dict[str, str]) -> EntityProxy:
    """One message as an FtM ``Email``, the way Aleph maps mail: ``from``/``to``/``cc``/``bcc`` as
    "Name <address>" strings, ``emitters``/``recipients`` pointing at the resolved people."""
    mid, path, message_id, in_reply_to, sent_at, subject, body, kind = row
    proxy = model.make_entity("Email")
    proxy.id = mid
    proxy.add("subject", subject, quiet=True)
    proxy.add("bodyText", body, quiet=True)
    proxy.add("date", sent_at, quiet=True)
    proxy.add("messageId", message_id, quiet=True)
    proxy.add("inReplyTo", in_reply_to, quiet=True)
    if kind in ONE_FILE_PER_MESSAGE and path:
        proxy.add("fileName", Path(path).name, quiet=True)
    for role, address, name in people:
        if role not in ("from", "to", "cc", "bcc"):
            continue
        proxy.add(role, address_label(address, name), quiet=True)
        proxy.add("emailMentioned", address, quiet=True)
        proxy.add("namesMentioned", name, quiet=True)
        owner = owners.get(address or "")
        if owner:
            proxy.add("emitters" if role == "from" else "recipients", owner, cleaned=True, quiet=True)
    return proxy


def iter_emails(store: Store) -> Iterator[EntityProxy]:
    """Each message as an ``Email``: messages and participants are read as two id-ordered streams and
    merged, so a million messages never sit in memory at once."""
    owners = load_addresses(store)
    people_rows = store.iter_query(PARTICIPANT_SQL)
    pending = next(people_rows, None)
    for row in store.iter_query(MESSAGE_SQL):
        people: list[tuple[str, str, str]] = []
        while pending is not None and pending[0] <= row[0]:
            if pending[0] == row[0]:
                people.append((pending[1], pending[2], pending[3]))
            pending = next(people_rows, None)
        yield make_email(row, people, owners)


# -- findings --------------------------------------------------------------------

EMAIL_SQL = "SELECT id FROM messages WHERE source_sha = ? AND (record = ? OR message_id = ?) ORDER BY id LIMIT 1"


def finding_note(finding: dict[str, Any], canon: dict[str, str], emails: dict[tuple[str, str], str]) -> EntityProxy:
    """One finding (its ``report.json`` shape) as an FtM ``Note`` about its subjects. ``canon`` maps merged
    entity ids to their identity's; ``emails`` maps (source sha256, record) to the id of an exported ``Email``."""
    proxy = model.make_entity("Note")
    proxy.id = finding["id"]
    proxy.add("name", finding.get("title"), quiet=True)
    proxy.add("summary", finding.get("summary"), quiet=True)
    period = finding.get("period") or {}
    dates = " to ".join(d for d in (period.get("start"), period.get("end")) if d) or "no dates"
    proxy.add("description", f"interlock finding of the rule {finding.get('rule')}: severity {finding.get('severity')}, "
                             f"score {finding.get('score')}, {dates}", quiet=True)
    proxy.add("keywords", [finding.get("rule"), finding.get("severity")], quiet=True)
    proxy.add("publisher", f"interlock {__version__}", quiet=True)
    for subject in finding.get("subjects", []):
        proxy.add("entity", canon.get(subject["id"], subject["id"]), cleaned=True, quiet=True)
    for ev in finding.get("evidence", []):
        email = emails.get((ev.get("sha256", ""), ev.get("record", "")))
        if email and not ev.get("context"):
            proxy.add("proof", email, cleaned=True, quiet=True)
    return proxy


def iter_finding_notes(store: Store) -> Iterator[EntityProxy]:
    """Each stored finding as a ``Note`` (:func:`finding_note`), in the report's order."""
    from interlock.report import load_findings

    findings = load_findings(store)
    if not findings:
        return
    canon = load_canon(store)
    emails: dict[tuple[str, str], str] = {}
    for finding in findings:
        for ev in finding.get("evidence", []):
            key = (ev.get("sha256", ""), ev.get("record", ""))
            if ev.get("kind") == "email" and key not in emails:
                found = store.query(EMAIL_SQL, [key[0], key[1], key[1]])
                if found:
                    emails[key] = found[0][0]
    for finding in findings:
        yield finding_note(finding, canon, emails)


# -- writers ---------------------------------------------------------------------


def write_ftm(store: Store, out: Path) -> int:
    count = 0
    with out.open("w", encoding="utf-8") as fh:
        for proxies in (iter_entities(store), iter_emails(store), iter_finding_notes(store)):
            for proxy in proxies:
                fh.write(json.dumps(entity_json(proxy), ensure_ascii=False, sort_keys=True) + "\n")
                count += 1
    return count


def write_flat_csv(store: Store, out: Path) -> int:
    count = 0
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "schema", "caption", "properties"])
        for proxy in iter_entities(store):
            writer.writerow([proxy.id, proxy.schema.name, proxy.caption, json.dumps(proxy.properties, ensure_ascii=False)])
            count += 1
    return count


def write_csv_zip(store: Store, out: Path) -> int:
    """Two passes: entities go to a JSON-lines file per schema while captions and the properties in use
    are collected; then each schema's CSV is written with reference names filled in."""
    captions: dict[str, str] = {}
    used: dict[str, set[str]] = {}
    count = 0
    with tempfile.TemporaryDirectory() as tmp:
        spools: dict[str, io.TextIOWrapper] = {}
        try:
            for proxy in iter_entities(store):
                name = proxy.schema.name
                if name not in spools:
                    spools[name] = open(Path(tmp) / f"{name}.jsonl", "w", encoding="utf-8")
                spools[name].write(json.dumps(proxy.properties, ensure_ascii=False) + "\t" + str(proxy.id) + "\n")
                captions[str(proxy.id)] = proxy.caption
                used.setdefault(name, set()).update(proxy.properties)
                count += 1
        finally:
            for spool in spools.values():
                spool.close()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for name in sorted(spools):
                write_schema_csv(zf, Path(tmp) / f"{name}.jsonl", name, used[name], captions)
    return count


def write_schema_csv(zf: zipfile.ZipFile, spool: Path, schema_name: str, used: set[str], captions: dict[str, str]) -> None:
    schema = model.get(schema_name)
    assert schema is not None
    props = [p for p in schema.sorted_properties if p.name in used]
    header = ["id", "caption"]
    for p in props:
        header += [p.name, f"{p.name}_id"] if p.type == registry.entity else [p.name]
    with zf.open(f"{schema_name}.csv", "w") as raw, io.TextIOWrapper(raw, encoding="utf-8", newline="") as fh, \
            spool.open(encoding="utf-8") as lines:
        writer = csv.writer(fh)
        writer.writerow(header)
        for line in lines:
            data, entity_id = line.rstrip("\n").rsplit("\t", 1)
            values = json.loads(data)
            row = [entity_id, captions.get(entity_id, "")]
            for p in props:
                vals = values.get(p.name, [])
                if p.type == registry.entity:
                    row += [CSV_SEP.join(captions.get(v, v) for v in vals), CSV_SEP.join(vals)]
                else:
                    row.append(CSV_SEP.join(vals))
            writer.writerow(row)


# -- GEXF ------------------------------------------------------------------------

NODE_ATTRS = [("schema", "string")]
EDGE_ATTRS = [("schema", "string"), ("relation", "string"), ("start", "string"), ("end", "string"),
              ("amount", "double"), ("via", "string"), ("entities", "string")]


@dataclass
class Edge:
    source: str
    target: str
    relation: str
    schema: str
    dates: list[str] = field(default_factory=list)
    amount: float = 0.0
    via: str = ""
    ids: list[str] = field(default_factory=list)


def edge_parts(proxy: EntityProxy) -> Iterator[Edge]:
    """The source → target pairs of one FtM edge entity (Representation agent → client, Payment payer →
    beneficiary, Occupancy holder → post …), with its dates and amount."""
    schema = proxy.schema
    dates = [*proxy.get("startDate", quiet=True), *proxy.get("date", quiet=True), *proxy.get("endDate", quiet=True)]
    amount = sum(float(a) for a in proxy.get("amount", quiet=True) if a.replace(".", "", 1).isdigit())
    relation = schema.edge_label or schema.label
    if not schema.edge_source or not schema.edge_target:
        return
    for source in proxy.get(schema.edge_source, quiet=True):
        for target in proxy.get(schema.edge_target, quiet=True):
            yield Edge(source, target, relation, schema.name, dates, amount, ids=[str(proxy.id)])


def write_gexf(store: Store, out: Path) -> int:
    """A GEXF 1.3 graph: nodes are the people and organisations (and anything else an edge touches),
    labelled with their caption, with their schema as an attribute; edges are the FtM edge entities,
    directed as FtM defines them, parallel ones of one relation merged with a weight = how many.
    An Occupancy is drawn from the holder to the body the post belongs to ("holds: <post>"), a
    ContractAward from the contract's authority to the supplier ("awarded to", via the contract)."""
    nodes: dict[str, tuple[str, str]] = {}
    things: dict[str, tuple[str, str, list[str]]] = {}    # Position/Contract id → (caption, schema, body ids)
    edges: list[Edge] = []
    for proxy in iter_entities(store):
        schema, pid = proxy.schema, str(proxy.id)
        if schema.edge:
            edges.extend(edge_parts(proxy))
        elif schema.is_a("LegalEntity"):
            nodes[pid] = (proxy.caption, schema.name)
        else:
            owners = proxy.get("organization", quiet=True) + proxy.get("authority", quiet=True)
            things[pid] = (proxy.caption, schema.name, owners)
    merged: dict[tuple[str, str, str], Edge] = {}
    for edge in edges:
        for end in ("source", "target"):
            node_id = getattr(edge, end)
            if node_id in things and things[node_id][2]:
                edge.via = things[node_id][0]
                setattr(edge, end, things[node_id][2][0])
                edge.relation = f"holds: {edge.via}" if edge.schema == "Occupancy" else edge.relation
        key = (edge.source, edge.target, edge.relation)
        if key in merged:
            merged[key].ids += edge.ids
            merged[key].dates += edge.dates
            merged[key].amount += edge.amount
        else:
            merged[key] = edge
    for edge in merged.values():
        for node_id in (edge.source, edge.target):
            if node_id not in nodes:
                caption, schema_name, _ = things.get(node_id, (node_id, "Thing", []))
                nodes[node_id] = (caption, schema_name)
    root = ET.Element("gexf", {"xmlns": "http://gexf.net/1.3", "version": "1.3"})
    meta = ET.SubElement(root, "meta", {"lastmodifieddate": datetime.now(UTC).strftime("%Y-%m-%d")})
    ET.SubElement(meta, "creator").text = f"interlock {__version__}"
    ET.SubElement(meta, "description").text = "People and organisations of an interlock case and the links between them"
    graph = ET.SubElement(root, "graph", {"mode": "static", "defaultedgetype": "directed"})
    for cls, attrs in (("node", NODE_ATTRS), ("edge", EDGE_ATTRS)):
        block = ET.SubElement(graph, "attributes", {"class": cls})
        for name, kind in attrs:
            ET.SubElement(block, "attribute", {"id": name, "title": name, "type": kind})
    xml_nodes = ET.SubElement(graph, "nodes")
    for node_id, (caption, schema_name) in sorted(nodes.items()):
        node = ET.SubElement(xml_nodes, "node", {"id": node_id, "label": caption})
        ET.SubElement(ET.SubElement(node, "attvalues"), "attvalue", {"for": "schema", "value": schema_name})
    xml_edges = ET.SubElement(graph, "edges")
    for i, edge in enumerate(sorted(merged.values(), key=lambda e: (e.source, e.target, e.relation))):
        el = ET.SubElement(xml_edges, "edge", {"id": f"e{i}", "source": edge.source, "target": edge.target,
                                               "label": edge.relation, "weight": f"{len(edge.ids):.1f}"})
        dates = sorted(d for d in edge.dates if d)
        values = {"schema": edge.schema, "relation": edge.relation, "start": dates[0] if dates else "",
                  "end": dates[-1] if dates else "", "amount": f"{edge.amount:g}" if edge.amount else "",
                  "via": edge.via, "entities": " ".join(edge.ids)}
        attvalues = ET.SubElement(el, "attvalues")
        for name, value in values.items():
            if value:
                ET.SubElement(attvalues, "attvalue", {"for": name, "value": value})
    ET.indent(root)
    ET.ElementTree(root).write(out, encoding="UTF-8", xml_declaration=True)
    return len(nodes) + len(merged)
