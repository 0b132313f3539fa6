"""export_case: FtM lines that FtM (the library and the ``ftm`` command) reads back, identities merged,
findings as notes, CSV, GEXF (read by networkx when it is there), and the refusals."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from followthemoney import model
from followthemoney.proxy import EntityProxy
from followthemoney.types import registry

from interlock.errors import UsageError
from interlock.export import export_case, pick_schema
from interlock.store.duckdb import DuckDBStore

from .reportcase import add_finding, make_finding

GEXF = "{http://gexf.net/1.3}"
FTM = Path(sys.executable).parent / "ftm"          # the command line installed with followthemoney


def read_ftm(path: Path) -> dict[str, EntityProxy]:
    proxies = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        assert set(data) == {"id", "schema", "properties"}
        proxy = model.get_proxy(data)
        proxies[str(proxy.id)] = proxy
    return proxies


def test_ftm_lines_load_and_identities_merge(case_store: DuckDBStore, tmp_path: Path) -> None:
    out = tmp_path / "case.ftm.json"
    n = export_case(case_store, "ftm", out)
    proxies = read_ftm(out)
    assert n == len(proxies)
    assert "p-sam-2" not in proxies                                   # merged into its identity
    sam = proxies["p-sam"]
    assert sam.schema.name == "Person"                                # LegalEntity + Person → Person
    assert set(sam.get("name")) == {"Sam Reyes", "SAM REYES"} and sam.get("email") == ["sam@reyes.com"]
    assert proxies["r-1"].get("agent") == ["p-sam"]                   # references follow the merge
    assert proxies["r-1"].get("client") == ["o-acme"]
    assert all("id" not in p.properties for p in proxies.values())
    assert {p.schema.name for p in proxies.values()} >= {"Person", "Organization", "Representation", "Email"}


def test_every_ftm_line_is_a_valid_entity_whose_references_are_in_the_file(case_store: DuckDBStore, tmp_path: Path) -> None:
    add_finding(case_store, make_finding("Samuel Reyes", emailed=True, key=("2",)))
    out = tmp_path / "case.ftm.json"
    n = export_case(case_store, "ftm", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert n == len(lines) == len(read_ftm(out))                      # one entity per line, ids unique
    proxies = read_ftm(out)
    for proxy in proxies.values():
        assert model.get(proxy.schema.name) is proxy.schema and not proxy.schema.abstract
        assert proxy.id and proxy.properties
        for prop, value in proxy.itervalues():
            assert prop.schema is proxy.schema or proxy.schema.is_a(prop.schema)
            if prop.type == registry.entity:                           # no reference leaves the file
                assert value in proxies, f"{proxy.schema.name} {proxy.id}: {prop.name} → {value} is not in the export"
                assert proxies[value].schema.is_a(prop.range), f"{proxy.id}: {prop.name} → a {proxies[value].schema.name}"


def test_findings_are_notes_about_their_subjects_citing_their_emails(case_store: DuckDBStore, tmp_path: Path) -> None:
    out = tmp_path / "case.ftm.json"
    export_case(case_store, "ftm", out)
    finding = make_finding()
    notes = [p for p in read_ftm(out).values() if p.schema.name == "Note"]
    assert [n.id for n in notes] == [finding.id]                       # the id of report.json
    [note] = notes
    assert note.get("name") == [finding.title] and note.get("summary") == [finding.summary]
    assert sorted(note.get("entity")) == ["p-dana", "p-sam"]
    assert sorted(note.get("proof")) == ["m-1", "m-2"]                 # <m0@x> is context, and not in the mailbox
    assert note.get("keywords") == ["relative-correspondence", "high"]
    assert "2019-07-03 to 2020-02-11" in note.first("description")


def test_findings_of_merged_people_name_the_identity(case_store: DuckDBStore, tmp_path: Path) -> None:
    finding = make_finding()
    finding.subjects[1].id = "p-sam-2"                                 # the registry's copy, merged into p-sam
    case_store.execute("DELETE FROM findings")
    add_finding(case_store, finding)
    out = tmp_path / "case.ftm.json"
    export_case(case_store, "ftm", out)
    [note] = [p for p in read_ftm(out).values() if p.schema.name == "Note"]
    assert sorted(note.get("entity")) == ["p-dana", "p-sam"]


def test_the_ftm_command_validates_the_export_and_keeps_every_value(case_store: DuckDBStore, tmp_path: Path) -> None:
    assert FTM.exists(), f"{FTM}: followthemoney's command line is missing"
    out, checked = tmp_path / "case.ftm.json", tmp_path / "validated.ftm.json"
    export_case(case_store, "ftm", out)
    done = subprocess.run([str(FTM), "validate", "-i", str(out), "-o", str(checked)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    before = read_ftm(out)
    after = {str(e.id): e for e in (model.get_proxy(json.loads(line)) for line in checked.read_text(encoding="utf-8").splitlines())}
    assert set(after) == set(before)
    for entity_id, proxy in before.items():                           # nothing dropped or changed by cleaning
        assert after[entity_id].schema == proxy.schema
        assert {k: sorted(v) for k, v in after[entity_id].properties.items()} == {k: sorted(v) for k, v in proxy.properties.items()}


def test_ftm_emails_are_mapped_like_aleph(case_store: DuckDBStore, tmp_path: Path) -> None:
    out = tmp_path / "case.ftm.json"
    export_case(case_store, "ftm", out)
    mail = read_ftm(out)["m-1"]
    assert mail.schema.name == "Email"
    assert mail.get("subject") == ["Paving bid"] and mail.get("messageId") == ["<m1@x>"]
    assert mail.get("date") == ["2019-07-03T09:30:00"]
    assert mail.get("from") == ["Dana Ortiz <dortiz@lakeport.gov>"]
    assert mail.get("to") == ["Sam Reyes <sam@reyes.com>"] and mail.get("cc") == ["clerk@lakeport.gov"]
    assert mail.get("emitters") == ["p-dana"] and mail.get("recipients") == ["p-sam"]   # clerk@ is nobody known
    reply = read_ftm(out)["m-2"]
    assert reply.get("inReplyTo") == ["<m1@x>"] and reply.get("emitters") == ["p-sam"]


def test_without_identities_ids_stay_as_they_are(case_store: DuckDBStore, tmp_path: Path) -> None:
    case_store.execute("DELETE FROM identities")
    out = tmp_path / "case.ftm.json"
    export_case(case_store, "ftm", out)
    proxies = read_ftm(out)
    assert "p-sam-2" in proxies and proxies["r-1"].get("agent") == ["p-sam-2"]
    assert proxies["m-1"].get("emitters") == []


def test_an_empty_case_exports_nothing(store: DuckDBStore, tmp_path: Path) -> None:
    out = tmp_path / "empty.ftm.json"
    assert export_case(store, "ftm", out) == 0
    assert out.read_text() == ""


def test_pick_schema_takes_the_most_specific_and_survives_a_conflict() -> None:
    assert pick_schema({"LegalEntity", "Person"}).name == "Person"
    assert pick_schema({"Company", "Person"}).name == "Company"       # no common schema: the first by name


def test_flat_csv_has_one_row_per_entity(case_store: DuckDBStore, tmp_path: Path) -> None:
    out = tmp_path / "export.csv"
    n = export_case(case_store, "csv", out)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == n == 8
    sam = next(r for r in rows if r["id"] == "p-sam")
    assert sam["schema"] == "Person" and sam["caption"] in ("Sam Reyes", "SAM REYES")
    assert json.loads(sam["properties"])["email"] == ["sam@reyes.com"]


def test_csv_zip_has_one_file_per_schema_with_names_for_references(case_store: DuckDBStore, tmp_path: Path) -> None:
    out = tmp_path / "export.zip"
    assert export_case(case_store, "csv", out) == 8
    with zipfile.ZipFile(out) as zf:
        assert set(zf.namelist()) == {"Person.csv", "Organization.csv", "PublicBody.csv", "Position.csv", "Occupancy.csv",
                                      "Family.csv", "Representation.csv"}
        reps: list[dict[str, Any]] = list(csv.DictReader(io.TextIOWrapper(zf.open("Representation.csv"), encoding="utf-8")))
    [rep] = reps
    assert rep["agent_id"] == "p-sam" and rep["agent"] in ("Sam Reyes", "SAM REYES")
    assert rep["client"] == "Acme Paving" and rep["startDate"] == "2019-07-01"


def test_gexf_has_people_organisations_and_their_links(case_store: DuckDBStore, tmp_path: Path) -> None:
    out = tmp_path / "case.gexf"
    n = export_case(case_store, "gexf", out)
    root = ET.parse(out).getroot()
    assert root.tag == f"{GEXF}gexf" and root.get("version") == "1.3"
    nodes = {el.get("id"): el.get("label") for el in root.iter(f"{GEXF}node")}
    assert nodes == {"p-dana": "Dana Ortiz", "p-sam": nodes["p-sam"], "o-acme": "Acme Paving", "b-city": "City of Lakeport"}
    edges = {(el.get("source"), el.get("target"), el.get("label")) for el in root.iter(f"{GEXF}edge")}
    assert edges == {("p-sam", "o-acme", "represents"), ("p-dana", "p-sam", "related to"),
                     ("p-dana", "b-city", "holds: City Clerk")}
    assert n == len(nodes) + len(edges)
    rep = next(el for el in root.iter(f"{GEXF}edge") if el.get("label") == "represents")
    values = {a.get("for"): a.get("value") for a in rep.iter(f"{GEXF}attvalue")}
    assert values["schema"] == "Representation" and values["start"] == "2019" and values["entities"] == "r-1"


def test_gexf_nodes_and_edges_match_the_case(case_store: DuckDBStore, tmp_path: Path) -> None:
    out = tmp_path / "case.gexf"
    n = export_case(case_store, "gexf", out)
    root = ET.parse(out).getroot()
    assert root.tag == f"{GEXF}gexf"
    nodes = [el.get("id") for el in root.iter(f"{GEXF}node")]
    edges = [(el.get("source"), el.get("target")) for el in root.iter(f"{GEXF}edge")]
    assert n == len(nodes) + len(edges) and len(set(nodes)) == len(nodes)
    export_case(case_store, "ftm", tmp_path / "case.ftm.json")
    entities = read_ftm(tmp_path / "case.ftm.json")
    people = {i for i, p in entities.items() if p.schema.is_a("LegalEntity")}
    assert people <= set(nodes)                                        # every person and organisation is a node
    assert {i for e in edges for i in e} <= set(nodes)                 # and every edge joins two nodes
    links = [p for p in entities.values() if p.schema.edge and p.schema.edge_source and p.schema.edge_target]
    assert len(edges) == len(links) == 3                               # Family, Representation, Occupancy


def test_gexf_is_read_by_networkx(case_store: DuckDBStore, tmp_path: Path) -> None:
    nx = pytest.importorskip("networkx", reason="networkx is not installed (followthemoney brings it; interlock does not need it)")
    out = tmp_path / "case.gexf"
    export_case(case_store, "gexf", out)
    graph = nx.read_gexf(out, version="1.3")
    assert graph.is_directed() and graph.number_of_nodes() == 4 and graph.number_of_edges() == 3
    assert graph.nodes["o-acme"] == {"label": "Acme Paving", "schema": "Organization"}
    [(_, _, rep)] = graph.edges(["p-sam"], data=True)
    assert rep["label"] == "represents" and rep["schema"] == "Representation" and rep["weight"] == 1.0


def test_gexf_of_an_empty_case_is_an_empty_graph(store: DuckDBStore, tmp_path: Path) -> None:
    out = tmp_path / "case.gexf"
    assert export_case(store, "gexf", out) == 0
    assert ET.parse(out).getroot().find(f"{GEXF}graph") is not None


def test_unknown_format_is_refused(case_store: DuckDBStore, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="unknown export format"):
        export_case(case_store, "xlsx", tmp_path / "x.xlsx")
