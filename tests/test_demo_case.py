"""The whole pipeline on a small generated city: every planted pattern found, no decoy flagged."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from interlock.demo.run import run_demo
from interlock.settings import Settings
from interlock.truth import check_truth


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, dict]:
    root = tmp_path_factory.mktemp("demo") / "case"
    inv, check = run_demo(root, emails=2000, seed=11, settings=Settings())
    assert inv.html.exists()
    return root, json.loads((root / "truth.json").read_text()), json.loads(inv.json.read_text())


def test_every_planted_pattern_is_found_and_no_decoy_flagged(demo: tuple[Path, dict, dict]) -> None:
    _, truth, report = demo
    result = check_truth(truth, report["findings"])
    assert result.missed == [] and result.flagged == []
    assert len(result.found) == len(truth["planted"]) >= 11


def test_mail_before_the_registration_is_context(demo: tuple[Path, dict, dict]) -> None:
    _, truth, report = demo
    [f] = [f for f in report["findings"] if f["rule"] == "relative-correspondence"]
    [context] = truth["context"]
    assert f["period"]["start"] >= context["before"]
    assert f["counts"]["context_before"] == context["count"]
    assert all(e["date"] < context["before"] for e in f["evidence"] if e["context"])
    assert all(e["date"] >= context["before"] for e in f["evidence"] if not e["context"])


def test_the_planted_acts_are_among_the_evidence_or_counted(demo: tuple[Path, dict, dict]) -> None:
    _, truth, report = demo
    by_rule = {f["rule"]: f for f in report["findings"]}
    contact = by_rule["relative-client-contact"]
    records = {e["record"] for e in contact["evidence"]}
    assert set(truth["planted_messages"]["ceo_request"]) & records
    assert any("Vega" in s["name"] for s in contact["subjects"])
    benefit = by_rule["relative-client-benefit"]
    assert benefit["counts"]["awards"] >= 1 and benefit["counts"]["payments"] >= 1


def test_mail_rules_count_the_planted_acts_and_not_the_decoy_acts(demo: tuple[Path, dict, dict]) -> None:
    _, truth, report = demo
    cited = {(f["rule"], e["record"]) for f in report["findings"] for e in f["evidence"] if not e["context"]}
    planted = truth["planted_messages"]
    assert ("documents-to-relative", planted["term_sheet_forward"]) in cited
    assert ("favour-for-relative", planted["award_nomination"]) in cited
    assert ("favour-for-relative", planted["introduction"]) in cited
    assert {("personal-account-business", i) for i in planted["personal_business"]} <= cited
    decoys = {i for ids in truth["decoy_messages"].values() for i in ids}
    mail_rules = {"documents-to-relative", "personal-account-business", "favour-for-relative"}
    assert not {(r, i) for r, i in cited if r in mail_rules and i in decoys}
    [docs] = [f for f in report["findings"] if f["rule"] == "documents-to-relative"]
    assert docs["counts"]["emails"] == 1


def test_finding_ids_are_stable_across_runs(demo: tuple[Path, dict, dict], tmp_path: Path) -> None:
    _, _, report = demo
    inv, _ = run_demo(tmp_path / "again", emails=2000, seed=11, settings=Settings())
    again = json.loads(inv.json.read_text())
    assert sorted(f["id"] for f in again["findings"]) == sorted(f["id"] for f in report["findings"])


def test_demo_command_prints_the_report_path_last(tmp_path: Path) -> None:
    root = tmp_path / "cli-demo"
    done = subprocess.run([sys.executable, "-m", "interlock.cli", "demo", str(root), "--emails", "500"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    last = done.stdout.strip().splitlines()[-1]
    assert last == f"report: {root / 'report.html'}" and (root / "report.html").exists()
    planted = len(json.loads((root / "truth.json").read_text())["planted"])
    assert planted >= 12 and f"planted patterns found: {planted}/{planted}; decoys flagged: 0" in done.stdout
