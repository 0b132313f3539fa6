"""build_report / write_report: the JSON contract, ordering, the extras, and the refusals."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from interlock import __version__
from interlock.errors import StoreError, UsageError
from interlock.findings import Finding
from interlock.report import build_report, write_report
from interlock.store.duckdb import DuckDBStore

from .reportcase import add_finding, add_sources, make_finding

CONTRACT_FINDING_KEYS = {"id", "rule", "title", "summary", "severity", "score", "period", "subjects", "chain", "counts", "evidence"}


def test_report_has_every_contract_key_and_findings_round_trip(case_store: DuckDBStore) -> None:
    report = build_report(case_store, "lakeport")
    assert {"case", "generated_at", "software", "sources", "findings"} <= set(report)
    assert report["case"] == "lakeport"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", report["generated_at"])
    assert report["software"] == {"name": "interlock", "version": __version__}
    for source in report["sources"]:
        assert {"path", "kind", "sha256", "records", "rejected"} <= set(source)
    [data] = report["findings"]
    assert CONTRACT_FINDING_KEYS <= set(data)
    assert set(data["period"]) == {"start", "end"}
    assert {"from", "relation", "to", "start", "end", "source"} <= set(data["chain"][0])
    assert {"path", "record", "date", "excerpt", "sha256"} <= set(data["evidence"][0])
    finding = Finding.from_dict(data)
    assert finding.id == data["id"] == make_finding().id
    assert finding.to_dict() == make_finding().to_dict()
    assert json.loads(json.dumps(report)) == report          # plain JSON all the way down


def test_sources_carry_status_mailbox_and_rejects(case_store: DuckDBStore) -> None:
    sources = {s["kind"]: s for s in build_report(case_store, "c")["sources"]}
    mbox = sources["mbox"]
    assert (mbox["records"], mbox["rejected"], mbox["status"], mbox["messages"]) == (20, 1, "done", 2)
    assert mbox["mailbox"] == {"owner": "dortiz@lakeport.gov", "owner_inferred": True, "gov_domains": ["lakeport.gov"],
                               "gov_inferred": True, "note": "owner inferred"}
    assert mbox["rejects"] == [{"reason": "no headers", "count": 1}]
    registry = sources["chicago-lobbyists"]
    assert registry["standing"] == "registered" and registry["jurisdiction"] == "City of Lakeport"
    assert "mailbox" not in registry and "rejects" not in registry


def test_chain_entities_are_named_through_their_identity(case_store: DuckDBStore) -> None:
    report = build_report(case_store, "c")
    assert set(report["entities"]) == {"p-dana", "p-sam", "o-acme"}
    assert report["entities"]["o-acme"] == {"schema": "Organization", "name": "Acme Paving"}
    assert report["entities"]["p-sam"]["name"] == "Sam Reyes"      # "SAM REYES" of the merged copy loses to mixed case
    assert report["summary"]["findings"] == 1
    assert report["summary"]["by_rule"] == {"relative-correspondence": 1}
    assert any(r["id"] == "relative-correspondence" and r["description"] for r in report["rules"])


def test_findings_are_ordered_by_severity_then_score_then_id(store: DuckDBStore) -> None:
    low = make_finding(relative="Ann Low", severity="low", score=0.99, key=("1",))
    high_weak = make_finding(relative="Bo Weak", severity="high", score=0.5, key=("2",))
    high_strong = make_finding(relative="Cy Strong", severity="high", score=0.8, key=("3",))
    medium = make_finding(relative="Di Mid", severity="medium", score=0.7, key=("4",))
    for f in (low, high_weak, medium, high_strong):
        add_finding(store, f)
    order = [f["id"] for f in build_report(store, "c")["findings"]]
    assert order == [high_strong.id, high_weak.id, medium.id, low.id]


def test_a_finding_detected_twice_is_reported_once(store: DuckDBStore) -> None:
    add_finding(store, make_finding())
    add_finding(store, make_finding())
    assert len(build_report(store, "c")["findings"]) == 1


def test_report_without_findings_is_still_complete(store: DuckDBStore) -> None:
    add_sources(store)
    report = build_report(store, "empty")
    assert report["findings"] == [] and report["entities"] == {}
    assert report["summary"]["findings"] == 0 and report["summary"]["by_severity"] == {}
    assert len(report["sources"]) == 2


def test_a_store_with_nothing_in_it_gives_an_empty_report(store: DuckDBStore) -> None:
    report = build_report(store, "new")
    assert report["sources"] == [] and report["findings"] == []


def test_a_corrupt_stored_finding_is_named(store: DuckDBStore) -> None:
    store.insert("findings", [("Fbad", "r", "{not json", None)])
    with pytest.raises(StoreError, match="Fbad"):
        build_report(store, "c")


def test_write_report_json_html_md(case_store: DuckDBStore, tmp_path: Path) -> None:
    report = build_report(case_store, "c")
    out = write_report(report, "json", tmp_path / "sub" / "report.json")
    assert json.loads(out.read_text(encoding="utf-8")) == report
    assert write_report(report, "html", tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!doctype html>")
    assert write_report(report, "md", tmp_path / "r.md").read_text(encoding="utf-8").startswith("# c")


def test_unknown_formats_are_refused(case_store: DuckDBStore, tmp_path: Path) -> None:
    report = build_report(case_store, "c")            # PDF: tests/report/test_browser.py
    with pytest.raises(UsageError, match="unknown report format"):
        write_report(report, "docx", tmp_path / "r.docx")
    assert not (tmp_path / "r.docx").exists()
