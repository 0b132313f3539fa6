"""Triage: a person's word on a finding, kept across detect runs and re-ingest, a dismissal brought back
when its evidence changes, ids by unique prefix, and the report's triage keys and dismissed section."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import pytest
from conftest import make_message, write_mbox
from factories import Builder, spouse_case

from interlock.case import Case
from interlock.changes import basis, fingerprint
from interlock.cli import main
from interlock.errors import UsageError
from interlock.report import build_report
from interlock.report.html import render_html
from interlock.report.markdown import render_markdown
from interlock.triage import Decision, find_id, latest, subjects_key

GOV = "dortiz@lakeport.gov"
SAM = "sam@reyesstrategies.com"
TRIAGE_KEYS = {"status", "note", "author", "at", "stale"}


# -- ids by prefix (pure) -----------------------------------------------------------


def test_an_id_is_found_by_itself_or_a_unique_prefix_in_any_case() -> None:
    ids = ["F2ac487d1e712a5c", "F7aeac0d6d7d3bfb", "F7a00000000000000"[:16]]
    assert find_id(ids, "F2ac487d1e712a5c") == "F2ac487d1e712a5c"
    assert find_id(ids, "f2a") == "F2ac487d1e712a5c"
    assert find_id(ids, "F7ae") == "F7aeac0d6d7d3bfb"


def test_an_ambiguous_prefix_names_the_findings_it_could_be() -> None:
    with pytest.raises(UsageError, match=r"'F7a' is the start of 2 findings \(F7a0.*, F7aeac0d6d7d3bfb\)"):
        find_id(["F7aeac0d6d7d3bfb", "F7a0000000000000"], "F7a")


def test_an_unknown_or_empty_id_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="no finding 'Fzz' in case x .2 findings.; `interlock triage CASE --list`"):
        find_id(["F1", "F2"], "Fzz", "case x")
    with pytest.raises(UsageError, match="run `interlock detect CASE` first"):
        find_id([], "F1")
    with pytest.raises(UsageError, match="give a finding id"):
        find_id(["F1"], " ")


def test_a_decision_follows_its_finding_when_the_id_moves_but_not_when_two_could_be_it() -> None:
    data = {"id": "Fnew", "rule": "r", "subjects": [{"role": "official", "name": "Dana Ortiz"}], "evidence": []}
    d = Decision("Fold", "dismissed", "", "ann", datetime(2026, 1, 1), fingerprint(basis(data)), basis(data), "r", "", subjects_key(data))
    assert latest([d], {"Fnew": data}) == {"Fnew": d}
    assert latest([d], {"Fnew": data, "Fother": dict(data, id="Fother")}) == {}
    assert latest([d], {}) == {}


# -- a case -------------------------------------------------------------------------------


@pytest.fixture
def case(tmp_path: Path) -> Case:
    b = Builder(Case.open(tmp_path / "c", create=True))
    spouse_case(b)
    b.mail(SAM, GOV, "2019-08-01", "lunch", name="Sam Reyes")
    c = b.done(owner=GOV, gov="lakeport.gov")
    c.builder = b  # type: ignore[attr-defined]
    c.resolve()
    c.detect()
    return c


def corr_id(case: Case) -> str:
    [fid] = [fid for fid, f in case.stored_findings().items() if f["rule"] == "relative-correspondence"]
    return fid


def more_mail(case: Case) -> None:
    b: Builder = case.builder  # type: ignore[attr-defined]
    b.mail(SAM, GOV, "2019-09-01", "lunch again", name="Sam Reyes")
    b.mail(GOV, SAM, "2019-09-02", "re: lunch again")
    b.done()
    case.resolve()


def triage_of(case: Case, fid: str) -> dict | None:
    return {f["id"]: f for f in build_report(case.store, "c")["findings"]}[fid]["triage"]


def test_a_dismissal_holds_across_detect_runs_and_re_ingest(case: Case, tmp_path: Path) -> None:
    fid = corr_id(case)
    d = case.triage(fid[:5], "dismissed", "family lunches", "ann")
    assert (d.finding_id, d.status, d.author) == (fid, "dismissed", "ann")
    assert case.detect().triage[fid]["status"] == "dismissed"
    box = write_mbox(tmp_path / "other.mbox", [make_message(n, "x@elsewhere.org", "y@elsewhere.org") for n in range(3)])
    case.ingest([box])
    assert case.ingest([box])[0].skipped            # the same source again: skipped, nothing changes
    case.resolve()
    again = case.detect()
    assert again.revived() == [] and again.changed == []
    t = triage_of(case, fid)
    assert t is not None and TRIAGE_KEYS <= set(t)
    assert (t["status"], t["note"], t["author"], t["stale"]) == ("dismissed", "family lunches", "ann", False)


def test_a_dismissal_comes_back_for_review_when_the_evidence_changes(case: Case) -> None:
    fid = corr_id(case)
    case.triage(fid, "dismissed", "family lunches", "ann")
    more_mail(case)
    d = case.detect()
    assert d.revived() == [fid]
    t = d.triage[fid]
    assert (t["status"], t["decided"], t["stale"]) == ("needs-review", "dismissed", True)
    assert "evidence changed since ann dismissed this" in t["note"] and "2 more emails" in t["note"]
    assert t["note"].endswith("Dismissal note: family lunches")
    assert triage_of(case, fid)["status"] == "needs-review"  # type: ignore[index]
    # a new decision on today's evidence replaces it
    case.triage(fid, "dismissed", "still family", "bo")
    assert case.detect().revived() == []
    assert triage_of(case, fid)["stale"] is False  # type: ignore[index]


def test_a_confirmation_on_changed_evidence_stands_marked_stale(case: Case) -> None:
    fid = corr_id(case)
    case.triage(fid, "confirmed", "", "ann")
    more_mail(case)
    d = case.detect()
    assert d.revived() == []
    t = d.triage[fid]
    assert (t["status"], t["stale"], t["changes"][0]) == ("confirmed", True, "2 more emails")


def test_an_unknown_status_is_refused(case: Case) -> None:
    with pytest.raises(UsageError, match="unknown triage status 'maybe'"):
        case.triage(corr_id(case), "maybe")


def test_the_report_shows_triage_and_puts_dismissed_findings_apart(case: Case) -> None:
    fid = corr_id(case)
    case.triage(fid, "dismissed", "family lunches", "ann")
    report = build_report(case.store, "c")
    by_id = {f["id"]: f for f in report["findings"]}
    [other] = [i for i in by_id if i != fid]
    assert by_id[other]["triage"] is None and by_id[fid]["triage"]["status"] == "dismissed"
    assert report["summary"]["by_triage"] == {"dismissed": 1, "untriaged": 1}
    html = render_html(report)
    index = html.split('<ol class="index">')[1].split("</ol>")[0]
    assert f'href="#{other}"' in index and f'href="#{fid}"' not in index
    apart = html.split('<details class="dismissed" id="dismissed">')[1]
    assert f'id="{fid}"' in apart and f'id="{other}"' not in apart and "family lunches" in apart
    text = render_markdown(report)
    assert text.index("## Dismissed findings") > text.index(f"id `{other}`")
    assert text.index(f"id `{fid}`") > text.index("## Dismissed findings")
    assert "*Triage:* **dismissed** · ann" in text


# -- the command line ---------------------------------------------------------------------


def run_cli(args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["interlock", *args])
    code = 0
    try:
        main()
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_triage_command_records_and_lists(case: Case, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    fid, root = corr_id(case), str(case.root)
    case.close()
    code, out, _ = run_cli(["triage", root, fid[:6], "--status", "dismissed", "--note", "family", "--author", "ann"], monkeypatch, capsys)
    assert code == 0 and out.startswith(f"{fid} dismissed by ann")
    code, out, _ = run_cli(["triage", root, "--list"], monkeypatch, capsys)
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith(f"dismissed     {fid}  ") and " ann " in lines[0]
    assert lines[1] == "    note: family" and lines[2].startswith("untriaged")
    assert lines[-1] == "2 findings: 0 confirmed, 1 dismissed, 0 needs-review, 1 untriaged"


def test_triage_command_errors_exit_2_with_one_line(case: Case, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    root = str(case.root)
    case.close()
    code, _, err = run_cli(["triage", root, "Fnothere", "--status", "confirmed"], monkeypatch, capsys)
    assert code == 2 and err.startswith("interlock: no finding 'Fnothere' in case c (2 findings)") and err.count("\n") == 1
    code, _, err = run_cli(["triage", root, "F", "--status", "confirmed"], monkeypatch, capsys)
    assert code == 2 and "'F' is the start of 2 findings" in err
    code, _, err = run_cli(["triage", root, "F"], monkeypatch, capsys)
    assert code == 2 and "--status" in err


def test_triage_help_explains_the_statuses(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["triage", "--help"], monkeypatch, capsys)
    assert code == 0
    for status in ("confirmed", "dismissed", "needs-review"):
        assert f"\n    {status} " in out
    assert "evidence changes" in out


@pytest.mark.slow
def test_the_demo_keeps_a_dismissal_and_reports_it(tmp_path: Path) -> None:
    from interlock.demo.run import run_demo
    from interlock.settings import Settings

    inv, _ = run_demo(tmp_path / "demo", emails=2000, seed=11, settings=Settings())
    with Case.open(tmp_path / "demo") as c:
        [fid] = [f.id for f in inv.detected.findings if f.rule == "relative-registered-lobbyist"]
        c.triage(fid[:7], "dismissed", "checked: another Sam Reyes", "ann")
        d = c.detect()
        assert d.new == d.changed == d.gone == [] and d.triage[fid]["status"] == "dismissed"
        report = build_report(c.store, c.name)
    assert report["changes"]["unchanged"] == len(report["findings"]) and report["changes"]["since"]
    assert all(f["group"] in {g["id"] for g in report["groups"]} for f in report["findings"])
    assert {f["id"]: f["triage"] for f in report["findings"]}[fid]["note"] == "checked: another Sam Reyes"
    assert '<details class="dismissed" id="dismissed">' in render_html(report)
