"""Re-analysis: each detect compared with the run before it (new, changed and what, gone), kept as a
history, printed, and in the report; and findings about the same people grouped."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from factories import Builder, spouse_case

from interlock.case import Case
from interlock.changes import basis, compare, describe, fingerprint
from interlock.cli import change_summary, main
from interlock.groups import build_groups
from interlock.report import build_report
from interlock.report.html import render_html
from interlock.report.markdown import render_markdown

GOV = "dortiz@lakeport.gov"
SAM = "sam@reyesstrategies.com"


def finding(emails: int = 14, records: tuple[str, ...] = ("<m1@x>", "<m2@x>"), **extra: object) -> dict:
    return {"id": "F1", "rule": "relative-correspondence", "title": f"{emails} messages", "severity": "high", "score": 0.9,
            "period": {"start": "2019-07-03", "end": "2020-02-11"}, "counts": {"emails": emails, "context_before": 1},
            "chain": [{"from": "p-dana", "relation": "spouse", "to": "p-sam", "start": None, "end": None}],
            "evidence": [{"path": "/in/box.mbox", "record": r, "sha256": "a" * 64} for r in records], **extra}


# -- describing a change (pure) ----------------------------------------------------


def test_a_grown_finding_says_how_many_more_first() -> None:
    what = describe(basis(finding()), basis(finding(16, ("<m1@x>", "<m2@x>", "<m3@x>", "<m4@x>"))))
    assert what == ["2 more emails", "evidence records: 2 added"]


def test_wording_alone_is_no_change() -> None:
    old, new = finding(), finding(title="reworded", summary="another summary")
    assert describe(basis(old), basis(new)) == []
    assert fingerprint(basis(old)) == fingerprint(basis(new))


def test_one_fewer_is_singular_and_amounts_periods_scores_are_told() -> None:
    old = finding(2, counts={"emails": 2, "award_amount": 50000})
    new = finding(1, ("<m1@x>",), counts={"emails": 1, "award_amount": 70000}, period={"start": None, "end": None},
                  score=0.95, severity="medium")
    what = describe(basis(old), basis(new))
    assert what[0] == "1 fewer email"
    assert "award amount 50,000 → 70,000" in what and "evidence records: 1 removed" in what
    assert "period 2019-07-03 to 2020-02-11 → no dates" in what
    assert "score 0.9 → 0.95" in what and "severity high → medium" in what
    assert fingerprint(basis(old)) != fingerprint(basis(new))
    # the score and severity are not evidence: a decision made on the evidence still stands
    assert fingerprint(basis(finding(score=0.1, severity="low"))) == fingerprint(basis(finding()))


def test_compare_sorts_findings_into_new_changed_unchanged_gone() -> None:
    before = {"F1": json.dumps(finding()), "F2": finding(), "F3": finding()}
    after = {"F1": finding(), "F2": finding(15), "F4": finding()}
    run = compare(before, after)
    assert (run.new, run.changed, run.unchanged, run.gone) == (["F4"], ["F2"], ["F1"], ["F3"])
    assert run.what == {"F2": ["1 more email"]} and run.status("F3") == "gone"
    assert compare({}, {}).new == []


# -- re-analysis of a case -------------------------------------------------------------


@pytest.fixture
def b(tmp_path: Path) -> Builder:
    return Builder(Case.open(tmp_path / "c", create=True))


def first_run(b: Builder) -> tuple[Case, dict[str, str]]:
    ids = spouse_case(b)
    b.mail(SAM, GOV, "2019-08-01", "lunch", name="Sam Reyes")
    case = b.done(owner=GOV, gov="lakeport.gov")
    case.resolve()
    d = case.detect()
    assert len(d.new) == 2 and d.since is None and d.run == 1
    assert change_summary(d) == "2 new, 0 changed, 0 gone (the first run)"
    return case, ids


def more_mail(b: Builder, case: Case) -> None:
    b.mail(SAM, GOV, "2019-09-01", "lunch again", name="Sam Reyes")
    b.mail(GOV, SAM, "2019-09-02", "re: lunch again")
    b.done()
    case.resolve()


def test_evidence_that_grows_is_changed_and_the_rest_unchanged(b: Builder) -> None:
    case, _ = first_run(b)
    more_mail(b, case)
    d = case.detect()
    [corr] = [f for f in d.findings if f.rule == "relative-correspondence"]
    assert d.changed == [corr.id] and d.new == [] and d.gone == [] and len(d.unchanged) == 1
    assert d.what[corr.id][0] == "2 more emails"
    assert d.since is not None and d.run == 2
    assert change_summary(d) == f"0 new, 1 changed (2 more emails), 0 gone since the run of {d.since:%Y-%m-%d %H:%M} UTC"
    runs = case.store.query("SELECT run, rule, findings, new, changed, unchanged, gone FROM detect_runs ORDER BY run")
    assert runs == [(1, None, 2, 2, 0, 0, 0), (2, None, 2, 0, 1, 1, 0)]
    statuses = dict(case.store.query("SELECT finding_id, status FROM detect_changes WHERE run = 2"))
    assert statuses[corr.id] == "changed" and sorted(statuses.values()) == ["changed", "unchanged"]


def test_nothing_new_is_all_unchanged(b: Builder) -> None:
    case, _ = first_run(b)
    d = case.detect()
    assert (d.new, d.changed, d.gone, len(d.unchanged)) == ([], [], [], 2)
    report = build_report(case.store, "c")
    assert report["changes"]["new"] == [] and report["changes"]["unchanged"] == 2


def test_a_new_source_brings_a_new_finding(b: Builder) -> None:
    case, ids = first_run(b)
    ceo = b.add("Person", "ceo", kind="ftm", name="Marisol Vega", email="mvega@harborlinesecurity.com")
    b.add("Directorship", "dir", kind="ftm", director=ceo, organization=ids["client"], role="Chief Executive Officer")
    b.mail(GOV, "mvega@harborlinesecurity.com", "2019-08-01", "LakeportID partners")
    b.done()
    case.resolve()
    d = case.detect()
    [contact] = [f for f in d.findings if f.rule == "relative-client-contact"]
    assert d.new == [contact.id] and d.gone == []
    report = build_report(case.store, "c")
    assert report["changes"]["new"] == [contact.id]


def test_a_judgement_that_splits_the_relative_makes_findings_gone(b: Builder) -> None:
    case, ids = first_run(b)
    before = {f["id"]: f for f in build_report(case.store, "c")["findings"]}
    case.judge(ids["relative"], ids["lobbyist"], "no", "ann", "the registry's Sam Reyes is another man")
    case.resolve()
    d = case.detect()
    assert d.findings == [] and sorted(d.gone) == sorted(before)
    report = build_report(case.store, "c")
    gone = report["changes"]["gone"]
    assert {g["id"] for g in gone} == set(before)
    assert all(g["title"] == before[g["id"]]["title"] and g["rule"] == before[g["id"]]["rule"] for g in gone)
    html, text = render_html(report), render_markdown(report)
    for g in gone:
        assert f"gone: {g['title']}" in html.replace("&#39;", "'")
        assert g["id"] in text
    assert "## Since the run of" in text


def test_a_run_of_one_rule_leaves_the_other_rules_findings_alone(b: Builder) -> None:
    case, _ = first_run(b)
    more_mail(b, case)
    d = case.detect(rule="relative-correspondence")
    assert d.gone == [] and len(d.changed) == 1 and len(d.findings) == 1
    assert case.store.query("SELECT count(*) FROM findings")[0][0] == 2
    changes = build_report(case.store, "c")["changes"]
    assert changes["rule"] == "relative-correspondence" and changes["unchanged"] == 0
    assert {"run", "at", "rule", "since", "new", "changed", "unchanged", "gone"} == set(changes)
    assert set(changes["changed"][0]) == {"id", "title", "what"}


def test_a_report_without_any_recorded_run_has_no_changes(tmp_path: Path) -> None:
    with Case.open(tmp_path / "c", create=True) as case:
        report = build_report(case.store, "c")
    assert report["changes"] is None and report["groups"] == []
    assert "Since the run" not in render_html(report) and "Since the run" not in render_markdown(report)


def test_detect_prints_the_comparison_last(b: Builder, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    case, _ = first_run(b)
    more_mail(b, case)
    case.close()
    monkeypatch.setattr(sys, "argv", ["interlock", "detect", str(case.root)])
    main()
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[-1].startswith("0 new, 1 changed (2 more emails), 0 gone since the run of ")
    assert any("(changed: 2 more emails;" in line for line in lines)


# -- groups ---------------------------------------------------------------------------


def subj(i: str, role: str) -> dict:
    return {"id": i, "schema": "Person", "name": i.title(), "role": role}


def test_findings_about_the_same_official_and_relative_are_one_group() -> None:
    corr = {"id": "F1", "subjects": [subj("dana", "official"), subj("sam", "relative")]}
    contact = {"id": "F2", "subjects": [subj("sam", "relative"), subj("dana", "official"), subj("acme", "client"),
                                        subj("vega", "associate")]}
    other = {"id": "F3", "subjects": [subj("dana", "official"), subj("lee", "relative")]}
    groups = build_groups([corr, contact, other])
    assert corr["group"] == contact["group"] != other["group"]
    assert [g["findings"] for g in groups] == [["F1", "F2"], ["F3"]]
    assert [p["name"] for p in groups[0]["people"]] == ["Dana", "Sam"]
    assert build_groups([dict(corr)])[0]["id"] == corr["group"]        # stable


def test_a_finding_with_no_relative_groups_by_associate_or_all_its_subjects() -> None:
    assoc = {"id": "F1", "subjects": [subj("dana", "official"), subj("vega", "associate"), subj("acme", "client")]}
    donor = {"id": "F2", "subjects": [subj("dana", "official"), subj("ray", "donor")]}
    build_groups([assoc, donor])
    assert assoc["group"] != donor["group"]
    assert build_groups([{"id": "F3", "subjects": []}])[0]["people"] == []


def test_the_html_shows_a_group_under_a_heading_naming_its_people(b: Builder) -> None:
    case, _ = first_run(b)
    report = build_report(case.store, "c")
    [group] = report["groups"]
    assert sorted(group["findings"]) == sorted(f["id"] for f in report["findings"])
    assert all(f["group"] == group["id"] for f in report["findings"])
    html = render_html(report)
    assert html.count('<h2 class="group">') == 1
    assert '<h2 class="group">Dana M. Ortiz (official) and Sam Reyes (relative) · 2 findings</h2>' in html


def test_a_case_from_before_the_history_compares_with_its_stored_findings(b: Builder) -> None:
    case, _ = first_run(b)
    case.store.execute("DELETE FROM detect_runs")         # as a store of schema 2 has it: findings, no runs
    case.store.execute("DELETE FROM detect_changes")
    stored = case.store.query("SELECT max(detected_at) FROM findings")[0][0]
    d = case.detect()
    assert d.since == stored and d.run == 1 and len(d.unchanged) == 2
