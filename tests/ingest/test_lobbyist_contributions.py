"""chicago-lobbyists Contributions: a lobbyist's political contributions as payments, synthetic then the 2019 and 2021 exports."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from entity_view import Ingested, entities, ingest, ingest_once, of_schema, read_rows, rejects

from interlock.case import Case
from interlock.entities import Entity, make_id
from interlock.ingest.base import Context, detect_kind
from interlock.ingest.chicago_lobbyists import RECIPIENT, ChicagoLobbyists, org_id
from interlock.ingest.driver import hash_source
from interlock.records import Reject
from interlock.settings import Settings

LOBBYISTS = ("YEAR,LOBBYIST_ID,SALUTATION,FIRST_NAME,MIDDLE_INITIAL,LAST_NAME,SUFFIX,ADDRESS_1,ADDRESS_2,CITY,STATE,ZIP,COUNTRY,"
             "EMAIL,PHONE,FAX,EMPLOYER_ID,EMPLOYER_NAME,CREATED_DATE")
CONTRIBUTIONS = ("CONTRIBUTION_ID,PERIOD_START,PERIOD_END,CONTRIBUTION_DATE,RECIPIENT,AMOUNT,LOBBYIST_ID,LOBBYIST_FIRST_NAME,"
                 "LOBBYIST_LAST_NAME,CREATED_DATE")
HOSTING = ("EXPENDITUREOTHER_ID,PERIOD_START,PERIOD_END,PURPOSE,RECIPIENT_FIRST_NAME,RECIPIENT_LAST_NAME,RECIPIENT_TITLE,AMOUNT,"
           "DEPARTMENT,LOBBYIST_ID,LOBBYIST_FIRSTNAME,LOBBYIST_MIDDLE_INITIAL,LOBBYIST_LASTNAME,CLIENT_ID,CLIENT_NAME,CREATED_DATE")
BY_CLIENT = "CLIENT NAME,LOBBYIST LAST NAME,LOBBYIST FIRST NAME,LOBBYIST ADDRESS,LOBBYIST CITY,LOBBYIST STATE,LOBBYIST ZIP"
KAZMI_2019_IDS = {"40961", "43281", "47521", "49709", "49864", "50626", "57111"}


def write_csv(path: Path, header: str, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(header.split(","))
        out.writerows(rows)
    return path


def gift(cid: str, day: str, recipient: str, amount: str, lid: str = "40961", first: str = "Reyahd", last: str = "Kazmi") -> list[str]:
    return [cid, "01/01/2019", "03/31/2019", day, recipient, amount, lid, first, last, "04/15/2019"]


@pytest.fixture
def export(tmp_path: Path) -> Path:
    d = tmp_path / "export"
    d.mkdir()
    write_csv(d / "Lobbyists.csv", LOBBYISTS, [
        ["2019", "40961", "Mr.", "Reyahd", "", "Kazmi", "", "1510 W. Grand Ave.", "Unit 3E", "Chicago", "IL", "60642", "United States",
         "reyahd@kazmiadvisors.com", "7733775358", "", "17141", "Reyahd Kazmi - Kazmi Advisors, LLC", "02/01/2019"]])
    write_csv(d / "Contributions.csv", CONTRIBUTIONS, [
        gift("1", "02/28/2019", "Friends of Anna Valencia", "1500.00"),
        gift("2", "03/19/2019", "RODERICK SAWYER", "250.00"),
        gift("3", "03/30/2019", "FRIENDS OF ANNA VALENCIA", "500.00", "48402", "John", "Kelly"),
        gift("4", "03/01/2019", "N/A", "0.00"),
        gift("5", "03/01/2019", "Glen Lyman", "0.00"),
        gift("6", "10/24/0020", "ALD. HOWARD BROOKINS", "50.00"),
        gift("7", "03/01/2019", "Citizens for Reilly", "a lot"),
        gift("8", "03/01/2019", "", "100.00"),
    ])
    return d


def lobbyist_id(sha: str, lid: str) -> str:
    return make_id("chicago-lobbyist", sha, lid)


def test_contributions_are_payments_from_the_registered_lobbyist(tmp_path: Path, export: Path) -> None:
    case, report = ingest(tmp_path, export)
    assert (report.records, report.rejected) == (1 + 3, 5)
    views = entities(case.store)
    kazmi = lobbyist_id(report.sha256, "40961")  # the id the Lobbyists file gives
    assert views[kazmi].one("email") == "reyahd@kazmiadvisors.com"
    payments = {p.one("beneficiary") + "/" + p.one("payer"): p for p in of_schema(views, "Payment").values()}
    valencia = org_id("Friends of Anna Valencia")
    to_valencia = payments[f"{valencia}/{kazmi}"]
    assert (to_valencia.one("amount"), to_valencia.one("currency"), to_valencia.one("date"), to_valencia.one("purpose")) == (
        "1500.00", "USD", "2019-02-28", "political contribution")
    assert to_valencia.one("description") == "reported for 01/01/2019–03/31/2019, filed 04/15/2019"
    committee = views[valencia]
    assert (committee.schema, committee.all("name"), committee.one("classification")) == (
        "Organization", ["FRIENDS OF ANNA VALENCIA", "Friends of Anna Valencia"], RECIPIENT)
    sawyer = next(p for p in payments.values() if views[p.one("beneficiary")].all("name") == ["RODERICK SAWYER"])
    assert (views[sawyer.one("beneficiary")].schema, sawyer.one("payer"), sawyer.one("amount"), sawyer.one("date")) == (
        "Person", kazmi, "250.00", "2019-03-19")
    kelly = payments[f"{valencia}/{lobbyist_id(report.sha256, '48402')}"]  # a lobbyist the export has no row for: named by the gift
    assert views[kelly.one("payer")].one("name") == "John Kelly"
    assert dict(report.counts) == {"lobbyists": 2, "employers": 1, "clients": 0, "representations": 0, "payments": 0,
                                   "contributions": 3}


def test_filings_of_no_contribution_and_bad_rows_are_rejected_naming_the_row(tmp_path: Path, export: Path) -> None:
    case, _ = ingest(tmp_path, export)
    assert [(rec, reason) for _, rec, reason in rejects(case.store)] == [
        ("Contributions.csv row 4", "no contribution: RECIPIENT 'N/A', AMOUNT '0.00'"),
        ("Contributions.csv row 5", "no contribution: RECIPIENT 'Glen Lyman', AMOUNT '0.00'"),
        ("Contributions.csv row 6", "CONTRIBUTION_DATE: '10/24/0020' is not a plausible date"),
        ("Contributions.csv row 7", "AMOUNT: 'a lot' is not an amount"),
        ("Contributions.csv row 8", "RECIPIENT is empty"),
    ]


def test_an_export_of_contributions_alone_is_read_and_says_what_it_lacks(tmp_path: Path, export: Path) -> None:
    d = tmp_path / "2021"
    d.mkdir()
    (d / "Contributions.csv").write_bytes((export / "Contributions.csv").read_bytes())
    write_csv(d / "Expenditures_Hosting.csv", HOSTING, [["1", "01/01/2020", "03/31/2020", "EVENT", "GILBERT", "VILLEGAS", "ALDERMAN",
                                                         "15.00", "CITY COUNCIL", "8081", "OLGA", "", "GUTIERREZ", "42", "APPLE INC.",
                                                         "04/17/2020"]])
    write_csv(d / "Lobbyists_By_Client.csv", BY_CLIENT, [["Monterrey Security Consultants, Inc.", "Houlihan", "Michael", "", "", "", ""]])
    assert detect_kind(d) == "chicago-lobbyists"
    assert [p.name for p in ChicagoLobbyists().files(d)] == ["Contributions.csv"]
    said: list[str] = []
    case, report = ingest(tmp_path, d, settings=Settings(say=said.append))
    assert (report.records, report.rejected) == (3, 5)
    assert dict(report.counts) == {"lobbyists": 2, "employers": 0, "clients": 0, "representations": 0, "payments": 0, "contributions": 3}
    notes = [s for s in said if s.startswith(str(d)) and " no " in s]
    assert [n.split(": ", 1)[1].split(",")[0] for n in notes] == [
        "no lobbyists file in this export", "no combinations file in this export", "no compensation file in this export"]
    kazmi = entities(case.store)[lobbyist_id(report.sha256, "40961")]
    assert kazmi.one("name") == "Reyahd Kazmi" and kazmi.props.get("email") is None


def test_the_same_export_twice_is_skipped_not_doubled(tmp_path: Path, export: Path) -> None:
    case = Case.open(tmp_path / "case", create=True)
    first = case.ingest([export])[0]
    before = case.store.query("SELECT count(*), count(DISTINCT entity_id) FROM statements")
    again = case.ingest([export])[0]
    assert again.skipped and (again.records, again.rejected) == (first.records, first.rejected)
    assert case.store.query("SELECT count(*), count(DISTINCT entity_id) FROM statements") == before


def records_from(folder: Path, start: int) -> list[object]:
    ing = ChicagoLobbyists()
    sha, refs = hash_source(folder, ing.files(folder))
    ctx = Context(folder, sha, tuple(refs), Settings())
    return [rec.reason if isinstance(rec, Reject) else [(e.schema, e.id, e.values) for e in rec if isinstance(e, Entity)]
            for rec in ing.records(ctx, start)]


def test_records_from_a_resume_point_are_the_tail_of_a_full_run(export: Path) -> None:
    full = records_from(export, 0)
    assert len(full) == 9
    for start in (0, 2, 3, 5, 9):
        assert records_from(export, start) == full[start:]


# -- the real exports, each ingested once per session -----------------------------------------------

@pytest.fixture(scope="session")
def export_2021(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ingested]:
    got = ingest_once(shared_data / "chicago-lobbyists-2021", tmp_path_factory.mktemp("contributions-2021") / "c", "chicago-lobbyists")
    yield got
    got.case.close()


@pytest.fixture(scope="session")
def export_2019(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ingested]:
    got = ingest_once(shared_data / "chicago-lobbyists-2019", tmp_path_factory.mktemp("contributions-2019") / "c", "chicago-lobbyists")
    yield got
    got.case.close()


def no_contribution(row: dict[str, str]) -> bool:
    """Independently of the ingester: no money, or a date whose year is a typo (0020)."""
    return Decimal(row["AMOUNT"]) == 0 or not re.match(r"^\d\d/\d\d/(19|20)\d\d$", row["CONTRIBUTION_DATE"])


def check_rows_against_store(r: Ingested) -> tuple[list[dict[str, str]], set[int]]:
    """Each contribution row read is one payment with its amount, date and recipient; the others are rejects."""
    rows = read_rows(r.folder / "Contributions.csv")
    skipped = {n for n, row in enumerate(rows, 1) if no_contribution(row)}
    got = {rec for _, rec, _ in rejects(r.case.store) if rec.startswith("Contributions.csv ")}
    assert got == {f"Contributions.csv row {n}" for n in skipped}
    views = entities(r.case.store, r.report.sha256)
    by_row = {}
    for pay in of_schema(views, "Payment").values():
        if pay.one("purpose") == "political contribution":
            [record] = [rec for rec in pay.records if rec.startswith("Contributions.csv ")]
            by_row[int(record.rsplit(" ", 1)[1])] = pay
    assert set(by_row) == set(range(1, len(rows) + 1)) - skipped
    per_lobbyist: dict[str, Decimal] = defaultdict(Decimal)
    for n, pay in by_row.items():
        row = rows[n - 1]
        assert Decimal(pay.one("amount")) == Decimal(row["AMOUNT"]) and pay.one("currency") == "USD"
        month, day, year = row["CONTRIBUTION_DATE"].split("/")
        assert pay.one("date") == f"{year}-{month}-{day}"
        assert " ".join(row["RECIPIENT"].split()) in views[pay.one("beneficiary")].all("name")
        assert pay.one("payer") == lobbyist_id(r.report.sha256, row["LOBBYIST_ID"])
        per_lobbyist[row["LOBBYIST_ID"]] += Decimal(pay.one("amount"))
    expected: dict[str, Decimal] = defaultdict(Decimal)
    for n, row in enumerate(rows, 1):
        if n not in skipped:
            expected[row["LOBBYIST_ID"]] += Decimal(row["AMOUNT"])
    assert per_lobbyist == expected
    assert r.report.counts["contributions"] == len(rows) - len(skipped)
    return rows, skipped


@pytest.mark.slow
def test_2021_contributions_match_the_csv_row_by_row(export_2021: Ingested) -> None:
    r = export_2021
    rows, skipped = check_rows_against_store(r)
    assert (len(rows), len(skipped)) == (5_104, 200)
    assert (r.report.records, r.report.rejected) == (len(rows) - len(skipped), len(skipped))
    print(f"2021 contributions ingested in {r.seconds:.1f} s: {dict(r.report.counts)}; rejected {r.report.rejected}")


@pytest.mark.slow
def test_2021_kazmi_reports_250_to_roderick_sawyer_on_2019_03_19(export_2021: Ingested) -> None:
    r = export_2021
    views = entities(r.case.store, r.report.sha256)
    kazmi = lobbyist_id(r.report.sha256, "16501")
    assert views[kazmi].one("name") == "REYAHD KAZMI"
    mine = [p for p in of_schema(views, "Payment").values() if p.one("payer") == kazmi]
    assert len(mine) == 15
    [sawyer] = [p for p in mine if views[p.one("beneficiary")].all("name") == ["RODERICK SAWYER"]]
    recipient = views[sawyer.one("beneficiary")]
    assert (recipient.schema, recipient.one("classification")) == ("Person", RECIPIENT)
    assert (sawyer.one("amount"), sawyer.one("date"), sawyer.one("currency")) == ("250.00", "2019-03-19", "USD")
    assert sawyer.one("description") == "reported for 01/01/2019–03/31/2019, filed 10/16/2019"
    friends = [p for p in mine if "FRIENDS OF RODERICK T SAWYER" in views[p.one("beneficiary")].all("name")]
    assert [(views[p.one("beneficiary")].schema, p.one("amount"), p.one("date")) for p in friends] == [
        ("Organization", "150.00", "2021-05-26")]


@pytest.mark.slow
def test_2019_contributions_are_paid_by_the_lobbyists_of_the_same_export(export_2019: Ingested) -> None:
    r = export_2019
    rows, skipped = check_rows_against_store(r)
    assert (len(rows), len(skipped)) == (8_062, 162)
    counts = r.report.counts
    assert counts["payments"] == 0 and 10_000 < counts["lobbyists"] < 13_000  # recipients are not lobbyists
    views = entities(r.case.store, r.report.sha256)
    kazmi_gifts = [p for p in of_schema(views, "Payment").values()
                   if any(p.one("payer") == lobbyist_id(r.report.sha256, lid) for lid in KAZMI_2019_IDS)]
    assert len(kazmi_gifts) == 10
    assert {views[p.one("payer")].one("email") for p in kazmi_gifts} == {"reyahd@kazmiadvisors.com"}  # from Lobbyists.csv
    valencia = [p for p in of_schema(views, "Payment").values()
                if any("valencia" in n.lower() for n in views[p.one("beneficiary")].all("name"))]
    assert len(valencia) == sum(1 for n, row in enumerate(rows, 1) if "valencia" in row["RECIPIENT"].lower() and n not in skipped) == 134
    print(f"2019 export ingested in {r.seconds:.1f} s: {dict(counts)}; rejected {r.report.rejected}")
