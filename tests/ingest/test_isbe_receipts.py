"""isbe-receipts: tiny synthetic files in both layouts, then the real aldermen receipts and the raw Reyes Kurson sample."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from entity_view import Ingested, View, entities, ingest, ingest_once, of_schema, read_rows, rejects
from hypothesis import given
from hypothesis import strategies as st

from interlock.case import Case
from interlock.entities import Entity, make_id
from interlock.ingest.base import Context, detect_kind
from interlock.ingest.driver import hash_source
from interlock.ingest.isbe_receipts import IsbeReceipts, display_name, names_a_person, receipt_date, ward_committee_id
from interlock.records import Reject
from interlock.settings import Settings
from interlock.store import Store

RAW = ("committee_name,id,committee_id,filed_doc_id,etrans_id,last_name,first_name,received_date,amount,aggregate_amount,"
       "loan_amount,occupation,employer,address1,address2,city,state,zipcode,d2_part,description,vendor_last_name,"
       "vendor_first_name,vendor_address1,vendor_address2,vendor_city,vendor_state,vendor_zipcode,archived,country,"
       "redaction_requested,search_name,search_date")
ALDERMEN = ("committee_ward,last_name,first_name,received_date,received_date_iso,amount,occupation,employer,address1,address2,"
            "city,state,zipcode,donor_type,donation_size,donor_type_size,ward_if_chicago,lat,lng,full_address,donation_location")
WARDS = "ward,alderman_until_may2019,alderman_from_may2019,isbe_committee_id_of_from_may2019_alderman"


def write_csv(path: Path, header: str, rows: list[dict[str, str]]) -> Path:
    names = header.split(",")
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.DictWriter(fh, names)
        out.writeheader()
        for row in rows:
            assert set(row) <= set(names), set(row) - set(names)
            out.writerow(row)
    return path


def raw(receipt: str, last: str, first: str = "", **values: str) -> dict[str, str]:
    return {"committee_name": "Friends of Dana Ortiz", "committee_id": "90001", "id": receipt, "last_name": last, "first_name": first,
            "amount": "250", "received_date": "3/29/19 0:00", "address1": "12 Lake St.", "city": "Lakeport", "state": "IL",
            "zipcode": "60000", "d2_part": "1A", "archived": "FALSE"} | values


def alder(last: str, first: str = "", **values: str) -> dict[str, str]:
    return {"committee_ward": "6", "last_name": last, "first_name": first, "received_date_iso": "2019-03-29", "amount": "250",
            "address1": "12 Lake St.", "city": "Chicago", "state": "IL", "zipcode": "60642",
            "donor_type": "Individual" if first else "Business"} | values


@pytest.fixture
def raw_file(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "export (3).csv", RAW, [
        raw("1001", "Reyes", "Sam", occupation="Lobbyist", employer="Reyes Strategies, LLC"),
        raw("1002", "Reyes, Jr., Sam", amount="1,500.50", received_date="12/31/03 0:00"),
        raw("1003", "Harborline Security Consultants, Inc.", amount="$4,555"),
        raw("1004", "", "", amount="100"),
        raw("1005", "Kelly", "John", amount=""),
        raw("1006", "Kelly", "John", received_date="13/45/19 0:00"),
        raw("1007", "Kelly", "John", amount="lots"),
        raw("1008", "Reyes Strategies", d2_part="5A", amount="496.61", description="Food", vendor_last_name="Keefer's",
            committee_id="90002", committee_name="Citizens for Pat Lee"),
        raw("1009", "25th Ward Regular Democratic Organization", d2_part="2A", archived="TRUE"),
    ])


def by_receipt(views: dict[str, View]) -> dict[str, View]:
    return {p.one("transactionNumber"): p for p in of_schema(views, "Payment").values()}


def test_raw_layout_gives_donors_committees_and_payments(tmp_path: Path, raw_file: Path) -> None:
    case, report = ingest(tmp_path, raw_file)
    assert report.kind == "isbe-receipts" and (report.records, report.rejected) == (5, 4)
    views = entities(case.store)
    paid = by_receipt(views)
    pay = paid["1001"]
    assert make_id("isbe-receipt", "isbe-committee", "90001", "1001") in views  # keyed by committee and receipt id
    sam_id = pay.one("payer")
    sam, committee = views[sam_id], views[pay.one("beneficiary")]
    assert (pay.one("amount"), pay.one("currency"), pay.one("date")) == ("250", "USD", "2019-03-29")
    assert pay.one("purpose") == "individual contribution (D-2 part 1A)"
    assert (sam.schema, sam.one("name"), sam.one("firstName"), sam.one("lastName"), sam.one("profession")) == (
        "Person", "Sam Reyes", "Sam", "Reyes", "Lobbyist")
    assert sam.one("address") == "12 Lake St., Lakeport, IL 60000"
    assert (committee.schema, committee.one("name"), committee.one("registrationNumber")) == (
        "Organization", "Friends of Dana Ortiz", "90001")
    [job] = of_schema(views, "Employment").values()
    assert (job.one("employee"), views[job.one("employer")].one("name"), job.one("role"), job.one("date")) == (
        sam_id, "Reyes Strategies, LLC", "Lobbyist", "2019-03-29")

    junior = views[paid["1002"].one("payer")]  # "Last, Jr., First" in one field: a person, the suffix kept apart
    assert (junior.schema, junior.one("name"), junior.one("nameSuffix")) == ("Person", "Sam Reyes Jr.", "Jr.")
    assert (paid["1002"].one("amount"), paid["1002"].one("date")) == ("1500.50", "2003-12-31")
    assert views[paid["1003"].one("payer")].schema == "Company" and paid["1003"].one("amount") == "4555"
    in_kind = paid["1008"]
    assert (in_kind.one("purpose"), in_kind.one("description")) == ("in-kind contribution (D-2 part 5A)", "Food (vendor: Keefer's)")
    assert views[in_kind.one("beneficiary")].one("name") == "Citizens for Pat Lee"
    party = paid["1009"]
    assert views[party.one("payer")].schema == "Organization" and party.one("summary").startswith("archived")
    assert dict(report.counts) == {"receipts": 5, "donors": 5, "committees": 2, "dollars": 7052}  # $7,052.11


def test_bad_rows_are_rejected_naming_the_row_and_the_rest_goes_in(tmp_path: Path, raw_file: Path) -> None:
    case, report = ingest(tmp_path, raw_file)
    name = raw_file.name
    assert rejects(case.store) == [
        (str(raw_file), f"{name} row 4", "no donor name (LAST_NAME and FIRST_NAME are empty)"),
        (str(raw_file), f"{name} row 5", "AMOUNT is empty"),
        (str(raw_file), f"{name} row 6", "RECEIVED_DATE: '13/45/19 0:00' is not a date (M/D/YY)"),
        (str(raw_file), f"{name} row 7", "AMOUNT: 'lots' is not an amount"),
    ]
    assert set(by_receipt(entities(case.store))) == {"1001", "1002", "1003", "1008", "1009"}


@pytest.fixture
def aldermen_folder(tmp_path: Path) -> Path:
    d = tmp_path / "receipts"
    d.mkdir()
    write_csv(d / "a.csv", ALDERMEN, [
        alder("Kazmi", "Reyahd", address1="1510 W Grand Ave., 3E"),
        alder("Gaytan", "Juan", amount="4555", occupation="President", employer="Monterrey Security", zipcode="60608"),
        alder("Ward", "John", donor_type="Political Group", occupation="professor", employer="Northwestern University"),
        alder("Friends of Dana Ortiz", donor_type="Political Group", amount="1000"),
        alder("C&amp;G CONSTRUCTION SUPPLY COMPANY", committee_ward="27"),
        alder("Non-itemized donations under $150", received_date_iso="", amount="6672", donor_type="Donations under $175"),
        alder("Gaytan", "Juan", amount="2401", committee_ward="36", received_date_iso="2018-11-27", zipcode="60608"),
        alder("Lee", "Pat", committee_ward="x"),
    ])
    write_csv(d / "ward_map.csv", WARDS, [
        {"ward": "6", "alderman_until_may2019": "Sawyer, Roderick T.", "alderman_from_may2019": "Roderick Sawyer",
         "isbe_committee_id_of_from_may2019_alderman": "22875"},
        {"ward": "24", "alderman_until_may2019": "Scott, Jr. Michael", "alderman_from_may2019": "Michael Scott"},
    ])
    write_csv(d / "contacts.csv", "Person Name,Ward/Office", [{"Person Name": "Sawyer, Roderick T.", "Ward/Office": "6"}])
    (d / "SOURCE.md").write_text("# where it came from\n")
    return d


def test_aldermen_layout_names_the_ward_committees_and_rejects_the_unitemized_total(tmp_path: Path, aldermen_folder: Path) -> None:
    case, report = ingest(tmp_path, aldermen_folder)
    assert report.kind == "isbe-receipts" and (report.records, report.rejected) == (2 + 6, 2)
    views = entities(case.store)
    ward6 = views[ward_committee_id("6")]
    assert (ward6.one("name"), ward6.one("alias"), ward6.one("classification")) == (
        "Ward 6 alderman's committee", "Committee of Alderman Roderick T. Sawyer", "political committee")
    assert views[ward_committee_id("24")].one("alias") == "Committee of Alderman Michael Scott Jr."
    payments = of_schema(views, "Payment")
    donors = {views[p.one("payer")].one("name"): (views[p.one("payer")].schema, p) for p in payments.values()}
    assert set(donors) == {"Reyahd Kazmi", "Juan Gaytan", "John Ward", "Friends of Dana Ortiz", "C&G CONSTRUCTION SUPPLY COMPANY"}
    schema, kazmi = donors["Reyahd Kazmi"]
    assert (schema, kazmi.one("beneficiary"), kazmi.one("amount"), kazmi.one("date")) == ("Person", ward6_id(), "250", "2019-03-29")
    assert kazmi.one("description").startswith("sum of the donor's itemized receipts since 2015-02-24")
    assert donors["John Ward"][0] == "Person"  # the publisher called him a "Political Group" for the word "Ward"
    assert donors["Friends of Dana Ortiz"][0] == "Organization" and donors["C&G CONSTRUCTION SUPPLY COMPANY"][0] == "Company"
    gaytan = [p for p in payments.values() if views[p.one("payer")].one("name") == "Juan Gaytan"]
    assert len({p.one("payer") for p in gaytan}) == 1 and sorted(p.one("amount") for p in gaytan) == ["2401", "4555"]
    assert {r[1].split(" row ")[1]: r[2] for r in rejects(case.store)} == {
        "6": "'Non-itemized donations under $150' (6672) is the committee's total of unitemized receipts, not a receipt from a donor",
        "8": "COMMITTEE_WARD 'x' is not a ward number"}
    assert {Path(p).name for (p,) in case.store.query("SELECT path FROM files")} == {"a.csv", "ward_map.csv"}


def ward6_id() -> str:
    return ward_committee_id("6")


def test_sniffed_by_header_not_by_name(tmp_path: Path, aldermen_folder: Path, raw_file: Path) -> None:
    assert detect_kind(aldermen_folder) == "isbe-receipts" and detect_kind(raw_file) == "isbe-receipts"
    assert [p.name for p in IsbeReceipts().files(aldermen_folder)] == ["ward_map.csv", "a.csv"]  # the map first
    other = tmp_path / "isbe-receipts"
    other.mkdir()
    write_csv(other / "receipts.csv", "last_name,first_name,amount", [{"last_name": "Kazmi", "amount": "250"}])
    assert not IsbeReceipts().sniff(other)
    write_csv(other / "wards.csv", WARDS, [{"ward": "6", "alderman_until_may2019": "Sawyer, Roderick T."}])
    assert not IsbeReceipts().sniff(other)  # a ward map alone holds no receipts


def test_the_same_receipts_in_two_files_are_one_payment_each(tmp_path: Path) -> None:
    a = write_csv(tmp_path / "a.csv", ALDERMEN, [alder("Kazmi", "Reyahd"), alder("Gaytan", "Juan", amount="4555")])
    b = write_csv(tmp_path / "b.csv", ALDERMEN, [alder("Gaytan", "Juan", amount="4555"), alder("Lee", "Pat"), alder("Kazmi", "Reyahd")])
    c = write_csv(tmp_path / "c.csv", RAW, [raw("1001", "Reyes", "Sam"), raw("1002", "Lee", "Pat")])
    d = write_csv(tmp_path / "d.csv", RAW, [raw("1002", "Lee", "Pat", city="LAKEPORT"), raw("1003", "Reyes", "Sam")])
    case = Case.open(tmp_path / "case", create=True)
    for path in (a, b, c, d):
        case.ingest([path])
    before = case.store.query("SELECT count(*) FROM statements")[0][0]
    again = case.ingest([a])[0]
    assert again.skipped and case.store.query("SELECT count(*) FROM statements")[0][0] == before
    payments = of_schema(entities(case.store), "Payment")
    assert len(payments) == 3 + 3
    sources = case.store.query("""SELECT entity_id, count(DISTINCT source_sha) FROM statements
                                  WHERE schema = 'Payment' GROUP BY 1 HAVING count(DISTINCT source_sha) > 1""")
    assert len(sources) == 3  # Kazmi and Gaytan in a and b, receipt 1002 in c and d


def records_from(path: Path, start: int) -> list[object]:
    ing = IsbeReceipts()
    sha, refs = hash_source(path, ing.files(path))
    ctx = Context(path, sha, tuple(refs), Settings())
    return [rec.reason if isinstance(rec, Reject) else [(e.schema, e.id, e.values) for e in rec if isinstance(e, Entity)]
            for rec in ing.records(ctx, start)]


def test_records_from_a_resume_point_are_the_tail_of_a_full_run(aldermen_folder: Path) -> None:
    full = records_from(aldermen_folder, 0)
    assert len(full) == 10
    for start in (0, 1, 3, 7, 10):
        assert records_from(aldermen_folder, start) == full[start:]


# -- the parsers ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("Sawyer, Roderick T.", "Roderick T. Sawyer"), ("Brookins, Jr., Howard", "Howard Brookins Jr."),
    ("Scott, Jr. Michael", "Michael Scott Jr."), ("Edelberg, MD, David", "David Edelberg MD"), ("JUAN  GAYTAN", "JUAN GAYTAN"),
    ("Kurson,", "Kurson")])
def test_display_name(text: str, name: str) -> None:
    assert display_name(text) == name


@pytest.mark.parametrize(("text", "iso"), [
    ("6/15/02 0:00", "2002-06-15"), ("12/31/99 0:00", "1999-12-31"), ("1/2/68", "2068-01-02"), ("2019-03-29", "2019-03-29"),
    ("2013-10-16 00:00:00", "2013-10-16"), ("03/19/2019", "2019-03-19"), ("", None)])
def test_receipt_date(text: str, iso: str | None) -> None:
    assert receipt_date(text) == iso


@pytest.mark.parametrize("text", ["13/45/19 0:00", "2/30/19", "10/24/0020", "1553817600000", "soon"])
def test_receipt_date_rejects_what_is_not_a_date(text: str) -> None:
    with pytest.raises(ValueError, match="not a"):
        receipt_date(text)


@given(st.dates(min_value=date(1969, 1, 1), max_value=date(2068, 12, 31)))
def test_receipt_date_reads_two_digit_years(day: date) -> None:
    assert receipt_date(f"{day.month}/{day.day}/{day:%y} 0:00") == day.isoformat()


@pytest.mark.parametrize(("text", "person"), [
    ("RODERICK SAWYER", True), ("Ald. Pat Dowell, 3rd Ward", True), ("Anna Valencia, City Clerk", True),
    ("City Clerk - Anna Valencia", True), ("ALDERMAN HOPKINS", True), ("ALDERMAN, LESLIE HARISTON", True),
    ("Friends of Anna Valencia", False), ("FREINDS FOR VALENCIA", False), ("24TH WARD ORGANIZATION - ALD. MICHAEL SCOTT", False),
    ("Hopkins for Chicago", False), ("HACIA PAC", False), ("ACTBLUE*LESLIE.HAIRSTON", False), ("KB47", False), ("STEWART", False)])
def test_names_a_person(text: str, person: bool) -> None:
    assert names_a_person(text) is person


# -- the real files, each ingested once per session -------------------------------------------------

@pytest.fixture(scope="session")
def aldermen_2019(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ingested]:
    got = ingest_once(shared_data / "chicago-aldermen-isbe-receipts-2019", tmp_path_factory.mktemp("aldermen") / "c")
    yield got
    got.case.close()


def amounts_by_beneficiary(store: Store, sha: str) -> dict[str, Decimal]:
    rows = store.query("""SELECT b.value, sum(CAST(a.value AS DECIMAL(18, 2))) FROM
             (SELECT DISTINCT entity_id, value FROM statements WHERE source_sha = ? AND schema = 'Payment' AND prop = 'amount') a
             JOIN (SELECT DISTINCT entity_id, value FROM statements WHERE source_sha = ? AND prop = 'beneficiary') b USING (entity_id)
             GROUP BY 1""", [sha, sha])
    return {k: Decimal(v) for k, v in rows}


@pytest.mark.slow
def test_aldermen_rows_read_and_rejected_match_the_csv(aldermen_2019: Ingested) -> None:
    r = aldermen_2019
    path = r.folder / "aldermen_committee_receipts_2015_2019.csv"
    rows = read_rows(path)
    wards = read_rows(r.folder / "ward_alderman_committee_map.csv")
    undated = {f"{path.name} row {n}" for n, row in enumerate(rows, 1) if not row["received_date_iso"]}
    assert (len(rows), len(undated), len(wards)) == (20_006, 50, 50)
    assert r.report.rejected == len(undated) and r.report.records == len(rows) - len(undated) + len(wards)
    got = rejects(r.case.store)
    assert {rec for _, rec, _ in got} == undated and all("total of unitemized receipts" in reason for _, _, reason in got)

    expected: dict[str, Decimal] = defaultdict(Decimal)
    for row in rows:
        if row["received_date_iso"]:
            expected[ward_committee_id(row["committee_ward"])] += Decimal(row["amount"])
    assert amounts_by_beneficiary(r.case.store, r.report.sha256) == expected
    counts = r.report.counts
    assert (counts["receipts"], counts["committees"], counts["dollars"]) == (len(rows) - len(undated), 50, sum(expected.values()))
    print(f"aldermen receipts ingested in {r.seconds:.1f} s: {dict(counts)}; rejected {r.report.rejected}")


def payments_to(store: Store, committee: str, day: str) -> dict[str, tuple[str, str, str]]:
    """Donor name → (schema, amount, date) of the payments to a committee on a day."""
    rows = store.query("""SELECT n.value, n.schema, a.value, d.value FROM statements b
             JOIN statements a ON a.entity_id = b.entity_id AND a.prop = 'amount'
             JOIN statements d ON d.entity_id = b.entity_id AND d.prop = 'date'
             JOIN statements p ON p.entity_id = b.entity_id AND p.prop = 'payer'
             JOIN statements n ON n.entity_id = p.value AND n.prop = 'name'
             WHERE b.prop = 'beneficiary' AND b.value = ? AND d.value = ?""", [committee, day])
    return {name: (schema, amount, when) for name, schema, amount, when in rows}


@pytest.mark.slow
def test_kazmi_and_gaytan_gave_to_the_ward_6_committee_the_same_day(aldermen_2019: Ingested) -> None:
    store = aldermen_2019.case.store
    same_day = payments_to(store, ward6_id(), "2019-03-29")
    assert same_day["Reyahd Kazmi"] == ("Person", "250", "2019-03-29")
    assert same_day["Juan Gaytan"] == ("Person", "4555", "2019-03-29")
    views = entities(store)
    assert views[ward6_id()].one("alias") == "Committee of Alderman Roderick T. Sawyer"
    gaytan = next(k for k, v in views.items() if v.schema == "Person" and "Juan Gaytan" in v.all("name")
                  and "President" in v.all("profession"))
    employers = {views[j.one("employer")].one("name") for j in of_schema(views, "Employment").values() if j.one("employee") == gaytan}
    assert "Monterrey Security" in employers


@pytest.mark.slow
def test_raw_sample_sums_per_committee_match_the_csv(shared_data: Path, tmp_path: Path) -> None:
    path = shared_data / "il-isbe-sample-reyes-kurson" / "kurson_reyes_receipts.csv"
    rows = read_rows(path)
    case, report = ingest(tmp_path, path)
    assert (report.kind, report.records, report.rejected) == ("isbe-receipts", len(rows), 0) and len(rows) == 253
    expected: dict[str, Decimal] = defaultdict(Decimal)
    for row in rows:
        expected[make_id("isbe-committee", row["committee_id"])] += Decimal(row["amount"])
    assert amounts_by_beneficiary(case.store, report.sha256) == expected
    views = entities(case.store)
    assert all(make_id("isbe-receipt", "isbe-committee", row["committee_id"], row["id"]) in views for row in rows)
    assert views[make_id("isbe-committee", "17290")].one("name") == "Friends of George A Cardenas"
    assert report.counts["committees"] == len({row["committee_id"] for row in rows}) == 124
    assert {v.schema for v in views.values()} >= {"Person", "Company", "Organization", "Payment"}
