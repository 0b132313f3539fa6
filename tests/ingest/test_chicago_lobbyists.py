"""chicago-lobbyists: a tiny synthetic export in both layouts, then the real 2025 and 2019 exports."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from entity_view import Ingested, entities, ingest, ingest_once, of_schema, read_rows, rejects
from hypothesis import given
from hypothesis import strategies as st

from interlock.entities import Entity, make_id
from interlock.ingest.base import Context, detect_kind
from interlock.ingest.chicago_lobbyists import ChicagoLobbyists, money, org_id, us_date, us_phone
from interlock.ingest.driver import hash_source
from interlock.records import Reject
from interlock.settings import Settings
from interlock.store import Store

LOBBYISTS = ("YEAR,LOBBYIST_ID,SALUTATION,FIRST_NAME,MIDDLE_INITIAL,LAST_NAME,SUFFIX,ADDRESS_1,ADDRESS_2,CITY,STATE,ZIP,COUNTRY,"
             "EMAIL,PHONE,FAX,EMPLOYER_ID,EMPLOYER_NAME,CREATED_DATE")
EMPLOYERS = "Year,EMPLOYER_ID,NAME,ADDRESS_1,ADDRESS_2,CITY,STATE,ZIP,COUNTRY,PHONE,FAX,CREATED_DATE,ACTIVE"
CLIENTS = "Year,CLIENT_ID,NAME,ADDRESS_1,ADDRESS_2,CITY,STATE,ZIP,COUNTRY,CREATED_DATE,ACTIVE"
COMBINATIONS = ("Year,LOBBYIST_ID,EMPLOYER_ID,CLIENT_ID,LOBBYIST_SALUTATION,LOBBYIST_FIRST_NAME,LOBBYIST_MIDDLE_INITIAL,"
                "LOBBYIST_LAST_NAME,LOBBYIST_SUFFIX,EMPLOYER_NAME,CLIENT_NAME")
COMPENSATION = ("COMPENSATION_ID,PERIOD_START,PERIOD_END,LOBBYIST_ID,LOBBYIST_FIRST_NAME,LOBBYIST_MIDDLE_INITIAL,LOBBYIST_LAST_NAME,"
                "COMPENSATION_AMOUNT,CLIENT_ID,CLIENT_NAME,CREATED_DATE")
FIRM = "SAM REYES - REYES STRATEGIES, LLC"
CLIENT = "HARBORLINE SECURITY CONSULTANTS, INC."


def write_csv(path: Path, header: str, rows: list[list[str]], bom: bool = False) -> Path:
    with path.open("w", newline="", encoding="utf-8-sig" if bom else "utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(header.split(","))
        out.writerows(rows)
    return path


def sam(year: str, created: str, first: str = "SAM") -> list[str]:
    return [year, "501", "MR.", first, "", "REYES", "", "12 LAKE ST.", "SUITE 4", "LAKEPORT", "IL", "60000", "United States",
            "sam@reyesstrategies.com", "312-555-0101", "", "9001", FIRM, created]


@pytest.fixture
def export_2025(tmp_path: Path) -> Path:
    d = tmp_path / "registry"
    d.mkdir()
    write_csv(d / "Lobbyist_Data_-_Lobbyists_20250121.csv", LOBBYISTS, [
        sam("2019", "03/15/2019"), sam("2019", "01/10/2019"), sam("2020", "02/01/2020"),
        ["2020", "502", "MR.", "JOHN", "J", "KELLY", "JR.", "670 N. CLARK ST.", "", "CHICAGO", "IL", "60654", "United States",
         "jk@allcirco.com", "3125550102", "", "9002", "ALL-CIRCO, INC.", "06/01/2020"],
        ["2020", "503", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "9003", "NOBODY LLC", "06/01/2020"],
    ])
    write_csv(d / "Lobbyist_Data_-_Employers_20250121.csv", EMPLOYERS, [
        ["2019", "7777", FIRM, "12 LAKE ST.", "", "LAKEPORT", "IL", "60000", "UNITED STATES", "3125550101", "", "02/01/2017", "Y"],
    ])
    write_csv(d / "Lobbyist_Data_-_Clients_20250121.csv", CLIENTS, [
        ["2019", "3744399402", CLIENT, "2232 S. BLUE ISLAND AVE.", "", "LAKEPORT", "IL", "60608", "UNITED STATES", "10/31/2014", "Y"],
        ["2020", "3744399402", CLIENT, "2232 S. BLUE ISLAND AVE.", "", "LAKEPORT", "IL", "60608", "UNITED STATES", "10/31/2014", "Y"],
    ])
    write_csv(d / "Lobbyist_Data_-_Lobbyist__Employer__Client_Combinations_20250121.csv", COMBINATIONS, [
        ["2019", "501", "17141", "24021", "MR.", "SAM", "", "REYES", "", FIRM, "Harborline Security Consultants Inc"],
        ["2020", "501", "17141", "24021", "MR.", "SAM", "", "REYES", "", FIRM, CLIENT],
        ["2020", "501", "25286", "24021", "MR.", "SAM", "", "REYES", "", FIRM, CLIENT],
        ["2021", "501", "25286", "24021", "MR.", "SAM", "", "REYES", "", FIRM, CLIENT],
        ["2020", "502", "24958", "11602", "MR.", "JOHN", "J", "KELLY", "JR.", "ALL-CIRCO, INC.", "OTHER CLIENT LLC"],
    ])
    write_csv(d / "Lobbyist_Data_-_Compensation_20250121.csv", COMPENSATION, [
        ["111", "01/01/2019", "03/31/2019", "501", "SAM", "", "REYES", "3000.00", "3744399402", CLIENT, "04/15/2019"],
        ["111", "01/01/2019", "03/31/2019", "502", "JOHN", "J", "KELLY", "3000.00", "55", "OTHER CLIENT LLC", "04/20/2019"],
        ["222", "04/01/2019", "06/30/2019", "501", "SAM", "", "REYES", "three thousand", "3744399402", CLIENT, "07/15/2019"],
        ["333", "13/45/2019", "06/30/2019", "501", "SAM", "", "REYES", "100.00", "3744399402", CLIENT, "07/15/2019"],
    ])
    write_csv(d / "Lobbyist_Data_-_Gifts_20250121.csv", "GIFT_ID,PERIOD_START,VALUE", [["1", "01/01/2019", "5.00"]])
    (d / "SOURCE.md").write_text("# where it came from\n")
    return d


def lobbyist_id(report_sha: str, lid: str) -> str:
    return make_id("chicago-lobbyist", report_sha, lid)


def test_synthetic_export_gives_people_firms_clients_representations_and_payments(tmp_path: Path, export_2025: Path) -> None:
    case, report = ingest(tmp_path, export_2025)
    assert report.kind == "chicago-lobbyists"
    views = entities(case.store)
    sam_id, kelly_id = lobbyist_id(report.sha256, "501"), lobbyist_id(report.sha256, "502")
    person = views[sam_id]
    assert (person.one("name"), person.one("email"), person.one("phone"), person.one("title")) == (
        "SAM REYES", "sam@reyesstrategies.com", "+13125550101", "MR.")
    assert person.one("address") == "12 LAKE ST., SUITE 4, LAKEPORT, IL 60000, United States"
    kelly = views[kelly_id]
    assert (kelly.all("name"), kelly.one("middleName"), kelly.one("nameSuffix")) == (["JOHN J KELLY", "JOHN J KELLY JR."], "J", "JR.")

    client = views[org_id(CLIENT)]
    assert client.one("address").startswith("2232 S. BLUE ISLAND AVE.")  # from Clients.csv, though Combinations spell it otherwise
    rep = views[make_id("chicago-representation", report.sha256, "501", "harborline security consultants")]
    assert rep.schema == "Representation"
    assert (rep.one("agent"), rep.one("client"), rep.one("role"), rep.one("summary")) == (sam_id, org_id(CLIENT), "lobbyist", f"via {FIRM}")
    assert rep.all("date") == ["2019", "2020", "2021"]
    assert rep.all("startDate") == ["2019-01-10", "2020-02-01"]  # earliest filing of each year; none for 2021

    jobs = of_schema(views, "Employment")
    job = next(j for j in jobs.values() if j.one("employee") == sam_id)
    assert job.one("employer") == org_id(FIRM) and job.all("date") == ["2019", "2020"]
    assert views[org_id(FIRM)].one("phone") == "+13125550101"

    payments = of_schema(views, "Payment")
    assert len(payments) == 2  # COMPENSATION_ID 111 is reported by two lobbyists: two payments
    paid = next(p for p in payments.values() if p.one("beneficiary") == sam_id)
    assert (paid.one("payer"), paid.one("amount"), paid.one("currency"), paid.one("startDate"), paid.one("endDate")) == (
        org_id(CLIENT), "3000.00", "USD", "2019-01-01", "2019-03-31")
    assert paid.one("purpose") == "lobbying compensation"
    assert dict(report.counts) == {"lobbyists": 2, "employers": 2, "clients": 2, "representations": 2, "payments": 2}


def test_bad_rows_are_rejected_with_file_row_and_reason_and_the_rest_goes_in(tmp_path: Path, export_2025: Path) -> None:
    case, report = ingest(tmp_path, export_2025)
    assert report.rejected == 3
    got = {(Path(p).name, rec, reason) for p, rec, reason in rejects(case.store)}
    lob, comp = "Lobbyist_Data_-_Lobbyists_20250121.csv", "Lobbyist_Data_-_Compensation_20250121.csv"
    assert got == {  # the file and the row are the reject's path and record; the reason says why
        (lob, f"{lob} row 5", "no lobbyist name (FIRST_NAME and LAST_NAME are empty)"),
        (comp, f"{comp} row 3", "COMPENSATION_AMOUNT: 'three thousand' is not an amount"),
        (comp, f"{comp} row 4", "PERIOD_START: '13/45/2019' is not a date (MM/DD/YYYY)"),
    }
    assert report.records == 5 + 1 + 2 + 5 + 4 - 3


def records_from(folder: Path, start: int) -> list[object]:
    ing = ChicagoLobbyists()
    sha, refs = hash_source(folder, ing.files(folder))
    ctx = Context(folder, sha, tuple(refs), Settings())
    out: list[object] = []
    for rec in ing.records(ctx, start):
        out.append(rec.reason if isinstance(rec, Reject) else [(e.schema, e.id, e.values) for e in rec if isinstance(e, Entity)])
    return out


def test_records_from_a_resume_point_are_the_tail_of_a_full_run(export_2025: Path) -> None:
    full = records_from(export_2025, 0)
    assert len(full) == 17
    for start in (0, 1, 6, 12, 16, 17):
        assert records_from(export_2025, start) == full[start:]


def test_2019_layout_with_bom_and_no_combinations_or_compensation(tmp_path: Path) -> None:
    d = tmp_path / "old"
    d.mkdir()
    write_csv(d / "Lobbyists.csv", LOBBYISTS, [
        ["2017", "40961", "Mr.", "Reyahd", "", "Kazmi", "", "1510 W. Grand Ave.", "Unit 3E", "Chicago", "IL", "60642", "United States",
         "reyahd@kazmiadvisors.com", "7733775358", "", "17141", "Reyahd Kazmi - Kazmi Advisors, LLC", "02/01/2017"],
        ["", "40962", "Ms", "Marilyn", "", "Katz", "", "", "", "", "", "", "", "", "", "", "4089", "MK Communications", ""],
    ], bom=True)
    write_csv(d / "Employers.csv", EMPLOYERS, [["2017", "17141", "Reyahd Kazmi - Kazmi Advisors, LLC", *[""] * 9, "Y"]])
    write_csv(d / "Clients.csv", CLIENTS, [["2017", "24021", "Monterrey Security Consultants, Inc.", "", "", "", "", "", "", "", "Y"]])
    write_csv(d / "Clients_by_Industry.csv", "CLIENT INDUSTRY,CLIENT OTHER INDUSTRY,CLIENT NAME",
              [["OTHER", "Security", "Monterrey Security Consultants, Inc."]])
    write_csv(d / "Contributions.csv", "CONTRIBUTION_ID,PERIOD_START,AMOUNT,LOBBYIST_ID", [["125", "01/01/2012", "500.00", "8061"]])
    said: list[str] = []
    case, report = ingest(tmp_path, d, settings=Settings(say=said.append))
    assert dict(report.counts) == {"lobbyists": 2, "employers": 2, "clients": 1, "representations": 0, "payments": 0}
    assert report.rejected == 0
    views = entities(case.store)
    kazmi = views[lobbyist_id(report.sha256, "40961")]
    assert kazmi.one("email") == "reyahd@kazmiadvisors.com" and kazmi.one("name") == "Reyahd Kazmi"
    monterrey = views[org_id("MONTERREY SECURITY CONSULTANTS, INC.")]
    assert monterrey.one("sector") == "Security"
    assert any("no combinations file" in s for s in said) and any("no compensation file" in s for s in said)
    assert ChicagoLobbyists().notes(case.store, report.sha256) == [
        "no representations: this export has no Lobbyist/Employer/Client Combinations file",
        "no payments: this export has no Compensation file"]
    assert {Path(p).name for (p,) in case.store.query("SELECT path FROM files")} == {
        "Lobbyists.csv", "Employers.csv", "Clients.csv", "Clients_by_Industry.csv"}


def test_files_are_told_by_header_not_name(tmp_path: Path, export_2025: Path) -> None:
    assert detect_kind(export_2025) == "chicago-lobbyists"
    later = tmp_path / "2021"
    later.mkdir()
    write_csv(later / "Lobbyists_By_Client.csv", "CLIENT NAME,LOBBYIST LAST NAME,LOBBYIST FIRST NAME", [["A", "B", "C"]])
    write_csv(later / "Lobbyists.csv", "CONTRIBUTION_ID,AMOUNT", [["1", "2"]])
    assert not ChicagoLobbyists().sniff(later)
    write_csv(later / "LD_registrations.csv", LOBBYISTS, [sam("2019", "01/10/2019")])
    assert ChicagoLobbyists().sniff(later)
    assert [p.name for p in ChicagoLobbyists().files(later)] == ["LD_registrations.csv"]


# -- the parsers ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "iso"), [
    ("10/31/2017", "2017-10-31"), ("1/2/2020", "2020-01-02"), ("02/29/2020 12:00:00 AM", "2020-02-29"), ("2019-03-29", "2019-03-29"),
    ("", None), ("  ", None)])
def test_us_date(text: str, iso: str | None) -> None:
    assert us_date(text) == iso


@pytest.mark.parametrize("text", ["02/30/2019", "13/01/2019", "2019", "31.12.2019", "soon"])
def test_us_date_rejects_what_is_not_a_date(text: str) -> None:
    with pytest.raises(ValueError, match="not a date"):
        us_date(text)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_us_date_round_trips(day: date) -> None:
    assert us_date(day.strftime("%m/%d/%Y")) == day.isoformat()


@pytest.mark.parametrize(("text", "value"), [
    ("5000.00", "5000.00"), ("$1,234.50", "1234.50"), ("-$5,000.00", "-5000.00"), ("($500.00)", "-500.00"), ("0", "0"), ("", None)])
def test_money(text: str, value: str | None) -> None:
    assert money(text) == value


@pytest.mark.parametrize("text", ["three thousand", "$", "1.2.3", "NaN", "inf"])
def test_money_rejects_what_is_not_an_amount(text: str) -> None:
    with pytest.raises(ValueError, match="not an amount"):
        money(text)


@given(st.decimals(min_value=-10**9, max_value=10**9, places=2))
def test_money_reads_what_the_portal_writes(value: Decimal) -> None:
    assert Decimal(money(f"${value:,.2f}") or "") == value


@pytest.mark.parametrize(("text", "phone"), [
    ("7733775358", "+17733775358"), ("773-377-5358", "+17733775358"), ("1 (773) 377-5358 ext. 12", "+17733775358"),
    ("+44 20 7946 0958", "+44 20 7946 0958"), ("377-5358", None), ("", None)])
def test_us_phone(text: str, phone: str | None) -> None:
    assert us_phone(text) == phone


# -- the real exports, each ingested once per session -----------------------------------------------
# (here rather than in a tests/ingest/conftest.py: without packages, a second conftest module would
#  shadow the tests/conftest.py that other test modules import helpers from)

KAZMI, MONTERREY = "16501", "MONTERREY SECURITY CONSULTANTS, INC."


@pytest.fixture(scope="session")
def registry_2025(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ingested]:
    got = ingest_once(shared_data / "chicago-lobbyists-2025", tmp_path_factory.mktemp("registry-2025") / "c", "chicago-lobbyists")
    yield got
    got.case.close()


@pytest.fixture(scope="session")
def registry_2019(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ingested]:
    got = ingest_once(shared_data / "chicago-lobbyists-2019", tmp_path_factory.mktemp("registry-2019") / "c", "chicago-lobbyists")
    yield got
    got.case.close()


@pytest.mark.slow
def test_2025_kazmi_represents_monterrey_every_year_2017_to_2024(registry_2025: Ingested) -> None:
    r = registry_2025
    store, sha = r.case.store, r.report.sha256
    clients = read_rows(r.folder / "Lobbyist_Data_-_Clients_20250121.csv")
    combos = read_rows(r.folder / "Lobbyist_Data_-_Lobbyist__Employer__Client_Combinations_20250121.csv")
    # the export's two IDs for one client: the join is on the name
    assert {c["CLIENT_ID"] for c in clients if c["NAME"] == MONTERREY} == {"3744399402"}
    assert {c["CLIENT_ID"] for c in combos if c["CLIENT_NAME"] == MONTERREY} == {"24021"}
    rep_id = make_id("chicago-representation", sha, KAZMI, "monterrey security consultants")
    rows = store.query("SELECT prop, value FROM statements WHERE entity_id = ?", [rep_id])
    values: dict[str, set[str]] = defaultdict(set)
    for prop, value in rows:
        values[prop].add(value)
    assert values["date"] == {str(y) for y in range(2017, 2025)}
    assert values["agent"] == {lobbyist_id(sha, KAZMI)} and values["client"] == {org_id(MONTERREY)}
    assert min(values["startDate"]) == "2017-10-31"
    address = store.query("SELECT value FROM statements WHERE entity_id = ? AND prop = 'address'", [org_id(MONTERREY)])
    assert address == [("2232 S. BLUE ISLAND AVE., CHICAGO, IL 60608, UNITED STATES",)]
    email = store.query("SELECT DISTINCT value FROM statements WHERE entity_id = ? AND prop = 'email'", [lobbyist_id(sha, KAZMI)])
    assert email == [("reyahd@kazmiadvisors.com",)]


def payments_by_year(store: Store, sha: str, where: str = "", params: tuple[str, ...] = ()) -> dict[str, Decimal]:
    sql = f"""SELECT substr(s.value, 1, 4), sum(CAST(a.value AS DECIMAL(18, 2))) FROM
              (SELECT DISTINCT entity_id, value FROM statements WHERE source_sha = ? AND schema = 'Payment' AND prop = 'amount') a
              JOIN (SELECT DISTINCT entity_id, value FROM statements WHERE source_sha = ? AND prop = 'startDate') s USING (entity_id)
              {where} GROUP BY 1"""
    return {y: Decimal(v) for y, v in store.query(sql, [sha, sha, *params])}


@pytest.mark.slow
def test_2025_payments_add_up_to_the_compensation_file_year_by_year(registry_2025: Ingested) -> None:
    r = registry_2025
    rows = read_rows(r.folder / "Lobbyist_Data_-_Compensation_20250121.csv")
    expected: dict[str, Decimal] = defaultdict(Decimal)
    kazmi_monterrey: dict[str, Decimal] = defaultdict(Decimal)
    for row in rows:
        year = row["PERIOD_START"][-4:]
        expected[year] += Decimal(row["COMPENSATION_AMOUNT"])
        if row["LOBBYIST_ID"] == KAZMI and row["CLIENT_NAME"] == MONTERREY:
            kazmi_monterrey[year] += Decimal(row["COMPENSATION_AMOUNT"])
    assert payments_by_year(r.case.store, r.report.sha256) == expected
    assert r.report.counts["payments"] == len(rows)

    sha = r.report.sha256
    mine = """WHERE entity_id IN (SELECT entity_id FROM statements WHERE prop = 'beneficiary' AND value = ?)
                AND entity_id IN (SELECT entity_id FROM statements WHERE prop = 'payer' AND value = ?)"""
    got = payments_by_year(r.case.store, sha, mine, (lobbyist_id(sha, KAZMI), org_id(MONTERREY)))
    assert got == kazmi_monterrey and sorted(got) == [str(y) for y in range(2019, 2025)]
    count = r.case.store.query(f"SELECT count(DISTINCT entity_id) FROM statements {mine}", [lobbyist_id(sha, KAZMI), org_id(MONTERREY)])
    assert count == [(22,)]


@pytest.mark.slow
def test_2025_summary_counts_and_speed(registry_2025: Ingested) -> None:
    r = registry_2025
    assert r.report.rejected == 0
    # organisations are keyed by name with initials joined: "J.P. Morgan" and "JP Morgan", "X P.C." and "X PC"
    # are one (12 clients and 12 employers fewer than when "J P" stayed two words)
    assert dict(r.report.counts) == {"lobbyists": 2675, "employers": 1409, "clients": 6938, "representations": 12588, "payments": 36108}
    print(f"2025 registry ingested in {r.seconds:.1f} s: {dict(r.report.counts)}")


@pytest.mark.slow
def test_2019_export_has_kazmi_per_filing_and_no_representations(registry_2019: Ingested) -> None:
    r = registry_2019
    counts = r.report.counts
    assert 10_000 < counts["lobbyists"] < 13_000  # 12,274 rows, IDs change per filing
    assert 4_000 < counts["clients"] < 7_000      # 5,848 distinct spellings, fewer once normalised
    assert counts["representations"] == 0 and counts["payments"] == 0
    kazmi = r.case.store.query(
        """SELECT DISTINCT e.entity_id, e.value FROM statements e JOIN statements n USING (entity_id)
           WHERE e.prop = 'email' AND n.prop = 'lastName' AND n.value = 'Kazmi'""")
    assert len(kazmi) == 7 and {v for _, v in kazmi} == {"reyahd@kazmiadvisors.com"}
    print(f"2019 registry ingested in {r.seconds:.1f} s: {dict(counts)}; rejected {r.report.rejected}")
