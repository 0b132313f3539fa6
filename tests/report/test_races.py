"""The race view: candidates of an office, their endorsers, their money and findings; shown in HTML/Markdown when linked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from factories import Builder

from interlock.case import Case
from interlock.graph import Graph
from interlock.report import build_report
from interlock.report.html import render_html
from interlock.report.markdown import render_markdown
from interlock.report.races import build_races

K538, ISBE, LOBBY = "fivethirtyeight-endorsements", "isbe-receipts", "chicago-lobbyists"
IL1, GOV = "U.S. Representative, Illinois District 1", "Governor of Illinois"


def run(b: Builder, key: str, person: str, post: str, day: str, **props: Any) -> str:
    return b.add("Occupancy", key, kind=K538, holder=person, post=post, status="candidate", electionDate=day,
                 description=f"{day[:4]} Democratic primary on {day}", **props)


def endorse(b: Builder, key: str, who: str, whom: str, day: str | None, role: str = "endorsed") -> str:
    return b.add("UnknownLink", key, kind=K538, subject=who, object=whom, role=role, date=day, description=f"{role} ({key})")


def give(b: Builder, key: str, to: str, amount: str, day: str, purpose: str = "individual contribution (D-2 part 1A)",
         kind: str = ISBE) -> str:
    donor = b.add("Person", f"donor-{key}", kind=kind, name=f"Donor {key}")
    return b.add("Payment", key, kind=kind, payer=donor, beneficiary=to, amount=amount, currency="USD", date=day, purpose=purpose)


@pytest.fixture
def case(tmp_path: Path) -> tuple[Case, dict[str, str]]:
    b = Builder(Case.open(tmp_path / "case", create=True))
    ids = {
        "il1": b.add("Position", "il1", kind=K538, name=IL1, subnationalArea="Illinois", country="us"),
        "gov": b.add("Position", "gov", kind=K538, name=GOV, subnationalArea="Illinois", country="us"),
        "dowell": b.add("Person", "dowell", kind=K538, name="Pat Dowell"),
        "jackson": b.add("Person", "jackson", kind=K538, name="Jonathan L. Jackson"),
        "lone": b.add("Person", "lone", kind=K538, name="Only In The List"),
        "sanders": b.add("Person", "sanders", kind=K538, name="Bernie Sanders"),
        "aoc": b.add("Person", "aoc", kind=K538, name="Alexandria Ocasio-Cortez"),
        "our": b.add("Organization", "our", kind=K538, name="Our Revolution"),
    }
    run(b, "dowell-2022", ids["dowell"], ids["il1"], "2022-06-28")
    run(b, "jackson-2022", ids["jackson"], ids["il1"], "2022-06-28")
    run(b, "jackson-2018", ids["jackson"], ids["gov"], "2018-03-20")
    run(b, "lone-2018", ids["lone"], ids["gov"], "2018-03-20")
    b.add("Occupancy", "clerk", kind="profile", holder=ids["dowell"], post=ids["gov"], status="incumbent")  # not a candidacy
    endorse(b, "sanders-jackson", ids["sanders"], ids["jackson"], "2022-06-28")
    endorse(b, "our-jackson-2018", ids["our"], ids["jackson"], "2018-03-20")   # goes with the 2018 run for governor
    endorse(b, "aoc-dowell", ids["aoc"], ids["dowell"], "2022-06-28", role="declined to endorse")
    endorse(b, "undated", ids["our"], ids["dowell"], None)
    b.add("UnknownLink", "noise", kind=K538, subject=ids["sanders"], object=ids["dowell"], role="mentioned")
    ids["committee"] = b.add("Organization", "committee", kind=ISBE, name="Friends of Pat Dowell", classification="political committee")
    b.add("UnknownLink", "committee-of", kind=ISBE, subject=ids["committee"], object=ids["dowell"], role="committee of")
    give(b, "p1", ids["committee"], "250", "2021-05-01")
    give(b, "p2", ids["committee"], "1000.50", "2022-01-02")
    give(b, "p3", ids["committee"], "5000", "2022-02-02", purpose="transfer in (D-2 part 2A)")    # not a contribution
    give(b, "p4", ids["dowell"], "100", "2019-03-19", purpose="political contribution", kind=LOBBY)
    return b.done(), ids


def finding(subject: str, fid: str = "f-1") -> dict[str, Any]:
    return {"id": fid, "title": "Pat Dowell took money from a lobbyist", "subjects": [{"id": subject, "name": "Pat Dowell"}]}


def races_of(case: tuple[Case, dict[str, str]], findings: list[dict[str, Any]] | None = None) -> dict[str, dict[str, Any]]:
    return {r["office"]: r for r in build_races(Graph.load(case[0].store), findings or [])}


def by_name(race: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["name"]: c for c in race["candidates"]}


def test_a_race_per_office_with_its_candidates_endorsers_and_money(case: tuple[Case, dict[str, str]]) -> None:
    _, ids = case
    races = races_of(case, [finding(ids["dowell"])])
    assert set(races) == {IL1, GOV}
    il1 = races[IL1]
    assert (il1["id"], il1["area"], il1["elections"], il1["linked"]) == (ids["il1"], "Illinois", ["2022-06-28"], True)
    dowell, jackson = by_name(il1)["Pat Dowell"], by_name(il1)["Jonathan L. Jackson"]
    assert [r["date"] for r in dowell["candidacies"]] == ["2022-06-28"] and dowell["candidacies"][0]["source"]["path"] == f"/in/{K538}"
    assert [(e["endorser"]["name"], e["relation"]) for e in dowell["endorsements"]] == [
        ("Our Revolution", "endorsed"), ("Alexandria Ocasio-Cortez", "declined to endorse")]  # undated first
    assert [(e["endorser"]["name"], e["date"], e["standing"]) for e in jackson["endorsements"]] == [
        ("Bernie Sanders", "2022-06-28", "reported")]
    money = dowell["money"]
    assert (money["total"], money["count"], money["currency"], money["first_date"], money["last_date"]) == (
        "1350.50", 3, "USD", "2019-03-19", "2022-01-02")
    assert [c["name"] for c in money["committees"]] == ["Friends of Pat Dowell"]
    assert {s["path"]: s["payments"] for s in money["sources"]} == {f"/in/{ISBE}": 2, f"/in/{LOBBY}": 1}
    assert all(s["record"].startswith("row ") for s in money["sources"])
    assert dowell["findings"] == [{"id": "f-1", "title": "Pat Dowell took money from a lobbyist"}]
    assert dowell["also_in"] == [LOBBY, ISBE, "profile"]    # the payment, the committee, the profile's post
    assert (jackson["money"]["count"], jackson["money"]["total"], jackson["findings"], jackson["also_in"]) == (0, "0.00", [], [])


def test_an_endorsement_goes_with_the_candidacy_it_was_made_for(case: tuple[Case, dict[str, str]]) -> None:
    gov = races_of(case)[GOV]
    jackson = by_name(gov)["Jonathan L. Jackson"]
    assert [e["endorser"]["name"] for e in jackson["endorsements"]] == ["Our Revolution"]    # 2018, not Sanders' 2022
    assert set(by_name(gov)) == {"Jonathan L. Jackson", "Only In The List"}                  # Dowell's "incumbent" is no run
    lone = by_name(gov)["Only In The List"]
    assert (lone["money"]["count"], lone["also_in"], gov["linked"]) == (0, [], False)


def test_no_committee_links_means_only_direct_contributions(tmp_path: Path) -> None:
    b = Builder(Case.open(tmp_path / "case", create=True))
    post = b.add("Position", "post", kind=K538, name=IL1)
    person = b.add("Person", "p", kind=K538, name="Pat Dowell")
    run(b, "r", person, post, "2022-06-28")
    committee = b.add("Organization", "c", kind=ISBE, name="Friends of Pat Dowell")
    give(b, "p1", committee, "250", "2021-05-01")
    [race] = build_races(Graph.load(b.done().store), [])
    [dowell] = race["candidates"]
    assert (dowell["money"]["count"], dowell["money"]["committees"], dowell["also_in"], race["linked"]) == (0, [], [], False)
    give(b, "fee", person, "99", "2019-03-19", purpose="lobbying compensation", kind=LOBBY)   # no contribution, but names her
    [race] = build_races(Graph.load(b.done().store), [])
    assert (race["candidates"][0]["money"]["count"], race["candidates"][0]["also_in"], race["linked"]) == (0, [LOBBY], True)


def test_a_case_without_candidacies_has_no_races(case_store: Any) -> None:
    assert build_report(case_store, "c")["races"] == []


def test_reports_show_only_linked_races_and_the_json_has_them_all(case: tuple[Case, dict[str, str]]) -> None:
    report = build_report(case[0].store, "c")
    assert [r["office"] for r in report["races"]] == [GOV, IL1]
    html = render_html(report)
    assert '<h3 id="races">Races</h3>' in html and "1 of 2 races" in html
    assert IL1 in html and GOV not in html and "Only In The List" not in html
    assert "$1,350.50" in html and "declined to endorse" in html and "Friends of Pat Dowell" in html
    assert html.index('id="findings"') < html.index('id="races"')
    text = render_markdown(report)
    assert f"### {IL1}" in text and GOV not in text
    assert "raised **$1,350.50** in 3 contributions" in text
    assert "**declined to endorse:** Alexandria Ocasio-Cortez" in text


def test_no_linked_race_means_no_races_section(tmp_path: Path) -> None:
    b = Builder(Case.open(tmp_path / "case", create=True))
    run(b, "r", b.add("Person", "p", kind=K538, name="A Candidate"), b.add("Position", "post", kind=K538, name=GOV), "2018-03-20")
    report = build_report(b.done().store, "c")
    assert len(report["races"]) == 1
    assert 'id="races"' not in render_html(report) and "## Races" not in render_markdown(report)
    del report["races"]                      # a report.json from before races still renders
    assert 'id="races"' not in render_html(report) and "## Races" not in render_markdown(report)
