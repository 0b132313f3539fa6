"""fivethirtyeight-endorsements: a tiny synthetic file for the boundaries, then FiveThirtyEight's four real files."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from entity_view import Ingested, View, entities, ingest, ingest_once, of_schema, rejects

from interlock.case import Case
from interlock.ingest.base import detect_kind
from interlock.ingest.fivethirtyeight import ENDORSERS, candidate_name, decode, endorser_of, layout_of, short_date

DEM_2022 = ("Candidate,Gender,Race 1,Race 2,Race 3,Incumbent,Incumbent Challenger,State,Primary Date,Office,District,"
            "Primary Votes,Primary %,Primary Outcome,Runoff Votes,Runoff %,Runoff Outcome,EMILY's List,Justice Dems,Indivisible,"
            "PCCC,Our Revolution,Sunrise,Sanders,AOC,Party Committee")
REP_2018 = ("Candidate,State,District,Office Type,Race Type,Race Primary Election Date,Primary Status,Primary Runoff Status,"
            "General Status,Primary %,Won Primary,Rep Party Support?,Trump Endorsed?,Bannon Endorsed?,Great America Endorsed?,"
            "NRA Endorsed?,Right to Life Endorsed?,Susan B. Anthony Endorsed?,Club for Growth Endorsed?,Koch Support?,"
            "House Freedom Support?,Tea Party Endorsed?,Main Street Endorsed?,Chamber Endorsed?,No Labels Support?")
NOT_YET = dict.fromkeys(["EMILY's List", "Justice Dems", "Indivisible", "PCCC", "Our Revolution", "Sunrise", "Sanders", "AOC",
                         "Party Committee"], "N/A")


def write_csv(path: Path, header: str, rows: list[dict[str, str]]) -> Path:
    names = header.split(",")
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.DictWriter(fh, names)
        out.writeheader()
        for row in rows:
            assert set(row) <= set(names), set(row) - set(names)
            out.writerow(row)
    return path


def dem(name: str, **values: str) -> dict[str, str]:
    return {"Candidate": name, "State": "Illinois", "Primary Date": "6/28/22", "Office": "Representative", "District": "1",
            "Primary Votes": "14,594", "Primary %": "19%", "Primary Outcome": "Lost", "Incumbent": "No", **NOT_YET} | values


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "candidates.csv", DEM_2022, [
        dem("Pat Dowell", Sanders="No", **{"Our Revolution": "No"}),
        dem("Jonathan L. Jackson", Sanders="Yes ", AOC="N/A", **{"Our Revolution": "Yes", "Primary Outcome": "Won"}),
        dem("", Sanders="Yes"),
        dem("Jane Roe", Office="Senator (unexpired term)", District="N/A", PCCC="", **{"EMILY's List": "Yes (runoff only)"}),
        dem("Jim Doe", Office="Governor", District="N/A", **{"Party Committee": "Yes", "Primary Date": "13/40/22"}),
        dem("Jim Doe", Office="Governor", District="N/A", **{"Party Committee": "Yes"}),
    ])


def named(views: dict[str, View], schema: str) -> dict[str, View]:
    return {v.one("name"): v for v in of_schema(views, schema).values()}


def links_to(views: dict[str, View], person: View) -> dict[str, View]:
    pid = next(k for k, v in views.items() if v is person)
    return {views[v.one("subject")].one("name"): v for v in of_schema(views, "UnknownLink").values() if v.one("object") == pid}


def test_a_row_gives_candidate_office_candidacy_and_the_yes_endorsements(tmp_path: Path, tiny: Path) -> None:
    case, report = ingest(tmp_path, tiny)
    assert report.kind == "fivethirtyeight-endorsements" and (report.records, report.rejected) == (4, 2)
    views = entities(case.store)
    people, posts = named(views, "Person"), named(views, "Position")
    assert set(posts) == {"U.S. Representative, Illinois District 1", "U.S. Senator, Illinois (unexpired term)", "Governor of Illinois"}
    il1 = posts["U.S. Representative, Illinois District 1"]
    assert (il1.one("subnationalArea"), il1.one("country"), il1.all("organization")) == ("Illinois", "us", [])
    dowell = people["Pat Dowell"]
    [run] = [v for v in of_schema(views, "Occupancy").values() if views[v.one("holder")] is dowell]
    assert (run.one("status"), run.one("electionDate"), run.one("politicalGroup"), views[run.one("post")] is il1) == (
        "candidate", "2022-06-28", "Democratic Party", True)
    assert run.one("description") == "2022 Democratic primary on 2022-06-28: lost, 19% (14,594 votes)"
    assert links_to(views, dowell) == {}                                    # "No" is neither an endorsement nor a refusal
    jackson = links_to(views, people["Jonathan L. Jackson"])
    assert set(jackson) == {"Bernie Sanders", "Our Revolution"}            # "Yes " counts, "N/A" does not
    sanders = jackson["Bernie Sanders"]
    assert (sanders.one("role"), sanders.one("date"), people["Bernie Sanders"].schema) == ("endorsed", "2022-06-28", "Person")
    assert "column “Sanders”: “Yes”" in sanders.one("description")
    assert named(views, "Organization")["Our Revolution"].schema == "Organization"
    emily = links_to(views, people["Jane Roe"])["EMILY's List"]           # after the primary: no date, a start
    assert (emily.all("date"), emily.one("startDate")) == ([], "2022-06-28") and "before the runoff" in emily.one("description")
    assert set(links_to(views, people["Jim Doe"])) == {"Democratic Governors Association"}   # the party column, by office
    assert [(Path(p).name, rec, reason) for p, rec, reason in rejects(case.store)] == [
        ("candidates.csv", "candidates.csv row 3", "no candidate name (Candidate is empty)"),
        ("candidates.csv", "candidates.csv row 5", "Primary Date: '13/40/22' is not a date (M/D/YY)")]
    assert dict(report.counts) == {"candidates": 4, "offices": 3, "candidacies": 4, "endorsers": 4, "endorsements": 4}


def test_reingesting_adds_nothing_and_a_copy_elsewhere_makes_no_new_entity(tmp_path: Path, tiny: Path) -> None:
    case, _ = ingest(tmp_path, tiny)
    before = case.store.query("SELECT count(*), count(DISTINCT entity_id) FROM statements")[0]
    assert case.ingest([tiny])[0].skipped and case.store.query("SELECT count(*), count(DISTINCT entity_id) FROM statements")[0] == before
    (tmp_path / "copy").mkdir()
    copy = tmp_path / "copy" / "dem.csv"
    copy.write_text(tiny.read_text(encoding="utf-8") + "\n", encoding="utf-8")    # another file, the same rows
    assert not case.ingest([copy])[0].skipped
    assert case.store.query("SELECT count(DISTINCT entity_id) FROM statements")[0][0] == before[1]


def test_sniffed_by_header(tmp_path: Path, tiny: Path) -> None:
    assert detect_kind(tiny) == "fivethirtyeight-endorsements" and layout_of(tiny) == "2022-dem"
    rep = write_csv(tmp_path / "r.csv", REP_2018, [])
    assert layout_of(rep) == "2018-rep"
    plain = write_csv(tmp_path / "p.csv", "Candidate,State,Primary Date,Office,District", [])
    assert layout_of(plain) == "2022"                                    # a year, no party: read, party columns skipped
    other = write_csv(tmp_path / "o.csv", "Candidate,State,District", [])
    assert layout_of(other) is None


def test_the_party_columns_name_the_committee_of_the_office() -> None:
    assert endorser_of("PARTY COMMITTEE", "rep", "Senator").name == "National Republican Senatorial Committee"  # type: ignore[union-attr]
    assert endorser_of("PARTY COMMITTEE", "", "Senator") is None
    assert endorser_of("OBAMA ALUM?", "dem", "Senator") is None and "OBAMA ALUM?" not in ENDORSERS
    assert ENDORSERS["AOC"].name == "Alexandria Ocasio-Cortez" and ENDORSERS["NRA ENDORSED?"].schema == "Organization"


@pytest.mark.parametrize(("text", "name"), [("Anthony White (Alabama)", "Anthony White"), ("Raul (Roy) Barrera", "Raul (Roy) Barrera"),
                                            ("  Pat   Dowell ", "Pat Dowell")])
def test_candidate_name(text: str, name: str) -> None:
    assert candidate_name(text) == name


def test_short_date_and_decode() -> None:
    assert (short_date("6/28/22"), short_date("3/20/2018")) == ("2022-06-28", "2018-03-20")
    with pytest.raises(ValueError):
        short_date("N/A")
    assert decode(b"Rocky Ch\xcc\xc1vez,CA\n") == "Rocky Chávez,CA\n"   # UTF-8 seen as cp1252, saved as Mac Roman
    assert decode("Raúl\n".encode()) == "Raúl\n"


# -- the real files ---------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def real(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ingested]:
    got = ingest_once(shared_data / "fivethirtyeight-primary-endorsements", tmp_path_factory.mktemp("538") / "c")
    yield got
    got.case.close()


def yes_count(path: Path, layout: str) -> int:
    party = layout.partition("-")[2]
    text = decode(path.read_bytes())
    rows = list(csv.DictReader(text.splitlines()))
    n = 0
    for row in rows:
        kind = (row.get("Office Type") or row.get("Office") or "").split(" (")[0]
        n += sum(1 for col, value in row.items() if value.strip().lower() in ("yes", "yes (runoff only)")
                 and endorser_of(col.strip().upper(), party, kind) is not None)
    return n


@pytest.mark.slow
def test_real_files_every_row_a_candidacy(real: Ingested) -> None:
    files = {f"{year}/{party}_candidates.csv": real.folder / year / f"{party}_candidates.csv"
             for year in ("2018", "2022") for party in ("dem", "rep")}
    rows = {name: sum(1 for _ in csv.reader(decode(p.read_bytes()).splitlines())) - 1 for name, p in files.items()}
    assert rows == {"2018/dem_candidates.csv": 811, "2018/rep_candidates.csv": 774,
                    "2022/dem_candidates.csv": 1077, "2022/rep_candidates.csv": 1599}
    assert (real.report.records, real.report.rejected) == (sum(rows.values()), 0)
    views = entities(real.case.store)
    per_file: dict[str, int] = {}
    for run in of_schema(views, "Occupancy").values():
        for record in run.records:
            per_file[record.split(" row ")[0]] = per_file.get(record.split(" row ")[0], 0) + 1
    assert per_file == rows
    expected = sum(yes_count(p, layout_of(p) or "") for p in files.values())
    assert real.report.counts["endorsements"] == len(of_schema(views, "UnknownLink")) == expected == 1524
    assert real.report.counts["candidacies"] == 4261 and real.report.counts["offices"] == 523
    assert "Rocky Chávez" in {v.one("name") for v in of_schema(views, "Person").values()}
    print(f"538 ingested in {real.seconds:.1f} s: {dict(real.report.counts)}")


@pytest.mark.slow
def test_real_pat_dowell_ran_in_il1_in_2022_endorsed_by_no_one(real: Ingested) -> None:
    views = entities(real.case.store)
    [dowell] = [k for k, v in of_schema(views, "Person").items() if v.all("name") == ["Pat Dowell"]]
    [run] = [v for v in of_schema(views, "Occupancy").values() if v.one("holder") == dowell]
    assert views[run.one("post")].one("name") == "U.S. Representative, Illinois District 1"
    assert run.one("electionDate") == "2022-06-28" and run.one("description").startswith("2022 Democratic primary on 2022-06-28: lost, 19%")
    assert not [v for v in of_schema(views, "UnknownLink").values() if v.one("object") == dowell]   # "No" twice, N/A else
    [jackson] = [k for k, v in of_schema(views, "Person").items() if v.all("name") == ["Jonathan L. Jackson"]]
    assert {views[v.one("subject")].one("name") for v in of_schema(views, "UnknownLink").values() if v.one("object") == jackson} == {
        "Our Revolution", "Bernie Sanders"}


@pytest.mark.slow
def test_real_casten_ran_for_one_office_in_2018_and_2022(real: Ingested) -> None:
    views = entities(real.case.store)
    [casten] = [k for k, v in of_schema(views, "Person").items() if v.all("name") == ["Sean Casten"]]
    runs = [v for v in of_schema(views, "Occupancy").values() if v.one("holder") == casten]
    assert sorted(r.one("electionDate") for r in runs) == ["2018-03-20", "2022-06-28"]
    assert {r.one("post") for r in runs} == {next(k for k, v in of_schema(views, "Position").items()
                                                  if v.one("name") == "U.S. Representative, Illinois District 6")}
    trump = [v for v in of_schema(views, "Person").values() if v.all("name") == ["Donald Trump"]]
    assert len(trump) == 1                                                   # one endorser across 2018 and 2022


def test_real_single_file_meets_the_folder(shared_data: Path, tmp_path: Path) -> None:
    folder = shared_data / "fivethirtyeight-primary-endorsements"
    case = Case.open(tmp_path / "c", create=True)
    one = case.ingest([folder / "2022" / "dem_candidates.csv"])[0]
    assert one.kind == "fivethirtyeight-endorsements" and (one.records, one.rejected) == (1077, 0)
    ids = {r[0] for r in case.store.query("SELECT DISTINCT entity_id FROM statements")}
    case.ingest([folder])
    ids_after = {r[0] for r in case.store.query("SELECT DISTINCT entity_id FROM statements")}
    assert ids < ids_after
    assert case.store.query("SELECT count(DISTINCT entity_id) FROM statements WHERE schema = 'Occupancy'")[0][0] == 4261
    case.close()
