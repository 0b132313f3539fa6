"""chicago-contracts: a synthetic Data Portal export (no real one is in ../shared/data)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from entity_view import entities, ingest, of_schema, rejects

from interlock.entities import Entity, make_id
from interlock.ingest.base import Context, detect_kind
from interlock.ingest.chicago_contracts import ChicagoContracts
from interlock.ingest.chicago_lobbyists import org_id
from interlock.ingest.driver import hash_source
from interlock.names import org_key
from interlock.records import Reject
from interlock.settings import Settings

HEADER = ["Purchase Order Description", "Purchase Order (Contract) Number", "Revision Number", "Specification Number",
          "Contract Type", "Start Date", "End Date", "Approval Date", "Department", "Vendor Name", "Vendor ID", "Address 1",
          "Address 2", "City", "State", "Zip", "Award Amount", "Procurement Type", "Contract PDF"]
SECURITY = "HARBORLINE SECURITY CONSULTANTS, INC."
PDF = "http://ecm.cityofchicago.org/eSMARTContracts/service/dpsWebDocumentViewer?sid=EBS&id=1"
ROWS = [
    ["SECURITY SERVICES - SOLDIER FIELD", "24507", "0", "1084473", "DELEGATE AGENCY", "01/01/2019", "12/31/2021", "01/15/2019",
     "DEPT OF FLEET AND FACILITY MANAGEMENT", SECURITY, "102843195A", "2232 S. BLUE ISLAND AVE.", "", "CHICAGO", "IL", "60608",
     "$1,250,000.00", "BID", PDF],
    ["SECURITY SERVICES - SOLDIER FIELD", "24507", "1", "1084473", "DELEGATE AGENCY", "01/01/2019", "12/31/2022", "03/02/2020",
     "DEPT OF FLEET AND FACILITY MANAGEMENT", SECURITY, "102843195A", "2232 S. BLUE ISLAND AVE.", "", "CHICAGO", "IL", "60608",
     "$300,000.50", "BID", ""],
    ["SECURITY SERVICES - SOLDIER FIELD", "24507", "2", "1084473", "DELEGATE AGENCY", "01/01/2019", "12/31/2022", "06/30/2021",
     "DEPT OF FLEET AND FACILITY MANAGEMENT", "Harborline Security Consultants Inc", "102843195A", "2232 S. BLUE ISLAND AVE.", "",
     "CHICAGO", "IL", "60608", "-$50,000.00", "BID", ""],
    ["ROAD SALT", "T12345", "0", "", "", "", "", "11/02/1998", "DEPT OF STREETS AND SANITATION", "MORTON SALT CO", "8820",
     "444 W. LAKE ST.", "STE 3000", "CHICAGO", "IL", "60606", "$0.00", "", ""],
    ["LEGAL SERVICES", "88001", "0", "", "COMPTROLLER-OTHER", "02/01/2020", "01/31/2021", "02/01/2020", "",
     "SMITH & JONES LLP", "9911", "", "", "", "", "", "$75,000.00", "SOLE SOURCE", ""],
    ["BROKEN ROW", "88002", "0", "", "", "", "", "02/01/2020", "DEPT OF LAW", "ACME LLC", "1", "", "", "", "", "",
     "a lot", "", ""],
    ["NO VENDOR", "88003", "0", "", "", "", "", "02/01/2020", "DEPT OF LAW", "", "", "", "", "", "", "", "$10.00", "", ""],
]


def write_contracts(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(HEADER)
        out.writerows(rows)
    return path


@pytest.fixture
def contracts(tmp_path: Path) -> Path:
    return write_contracts(tmp_path / "Contracts.csv", ROWS)


def test_contracts_revisions_vendors_and_departments(tmp_path: Path, contracts: Path) -> None:
    case, report = ingest(tmp_path, contracts, settings=Settings(jurisdiction="City of Lakeport"))
    assert report.kind == "chicago-contracts"
    views = entities(case.store)
    contract = views[make_id("chicago-contract", "24507")]
    assert (contract.one("title"), contract.one("amount"), contract.one("contractDate")) == (
        "SECURITY SERVICES - SOLDIER FIELD", "1500000.50", "2019-01-15")
    assert contract.one("description") == "Purchase order 24507; contract type DELEGATE AGENCY; procurement BID; specification 1084473"
    gov_id = make_id("jurisdiction", org_key("City of Lakeport"))
    assert views[gov_id].one("name") == "City of Lakeport" and views[gov_id].schema == "PublicBody"
    dept = views[contract.one("authority")]
    assert (dept.schema, dept.one("name"), dept.one("parent")) == ("PublicBody", "DEPT OF FLEET AND FACILITY MANAGEMENT", gov_id)

    awards = {a.one("role"): a for a in of_schema(views, "ContractAward").values() if a.one("contract") == contract_id("24507")}
    assert sorted(awards) == ["revision 0", "revision 1", "revision 2"]
    assert [awards[f"revision {n}"].one("amount") for n in range(3)] == ["1250000.00", "300000.50", "-50000.00"]
    first = awards["revision 0"]
    assert (first.one("date"), first.one("startDate"), first.one("endDate"), first.one("supplier")) == (
        "2019-01-15", "2019-01-01", "2021-12-31", org_id(SECURITY))
    assert first.one("sourceUrl") == PDF
    assert awards["revision 2"].one("supplier") == org_id(SECURITY)  # another spelling, the same vendor

    vendor = views[org_id(SECURITY)]
    assert (vendor.schema, vendor.one("registrationNumber")) == ("Company", "102843195A")
    assert vendor.one("address") == "2232 S. BLUE ISLAND AVE., CHICAGO, IL 60608"
    legal = views[make_id("chicago-contract", "88001")]
    assert legal.one("authority") == gov_id  # no department: the government itself
    assert dict(report.counts) == {"contracts": 3, "awards": 5, "vendors": 3, "dollars awarded": 1_575_000}


def contract_id(number: str) -> str:
    return make_id("chicago-contract", number)


def test_bad_rows_are_rejected_and_the_rest_goes_in(tmp_path: Path, contracts: Path) -> None:
    case, report = ingest(tmp_path, contracts)
    assert (report.records, report.rejected) == (5, 2)
    assert [(rec, reason) for _, rec, reason in rejects(case.store)] == [
        ("Contracts.csv row 6", "AWARD AMOUNT: 'a lot' is not an amount"),
        ("Contracts.csv row 7", "VENDOR NAME is empty"),
    ]
    gov = entities(case.store)[make_id("jurisdiction", org_key("City of Chicago"))]
    assert gov.one("name") == "City of Chicago"  # the default jurisdiction


def test_a_vendor_and_a_registry_client_with_one_name_are_one_entity() -> None:
    assert org_id("Harborline Security Consultants Inc") == org_id(SECURITY) != org_id("HARBORLINE SECURE LOGISTICS LLC")


def test_resume_yields_the_tail(contracts: Path) -> None:
    ing = ChicagoContracts()
    sha, refs = hash_source(contracts, ing.files(contracts))
    ctx = Context(contracts, sha, tuple(refs), Settings())

    def run(start: int) -> list[object]:
        return [r.reason if isinstance(r, Reject) else [(e.id, e.values) for e in r if isinstance(e, Entity)]
                for r in ing.records(ctx, start)]

    full = run(0)
    assert len(full) == len(ROWS)
    for start in (1, 3, len(ROWS)):
        assert run(start) == full[start:]


def test_sniff_on_the_header(tmp_path: Path, contracts: Path) -> None:
    assert detect_kind(contracts) == "chicago-contracts"
    other = tmp_path / "other.csv"
    other.write_text("Vendor Name,Amount\nACME,1\n")
    assert not ChicagoContracts().sniff(other)
    assert not ChicagoContracts().sniff(tmp_path)
