"""A fictional contracts file in the City of Chicago Data Portal "Contracts" layout, for the City of Lakeport.

One row per purchase order and revision (revision 0 is the award; later revisions add money or time).
Vendor names are spelled as vendor files spell them, without commas or periods.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from interlock.demo import cast, ties
from interlock.demo.cast import CLIENT_VENDOR, LOOKALIKE

HEADER = ("Purchase Order Description,Purchase Order (Contract) Number,Revision Number,Specification Number,Contract Type,"
          "Start Date,End Date,Approval Date,Department,Vendor Name,Vendor ID,Address 1,Address 2,City,State,Zip,Award Amount,"
          "Procurement Type,Contract PDF")
DEPARTMENTS = ["OFFICE OF CITY CLERK", "DEPT OF FLEET AND FACILITY MANAGEMENT", "DEPARTMENT OF TRANSPORTATION",
               "DEPT OF STREETS AND SANITATION", "DEPARTMENT OF WATER MANAGEMENT", "LAKEPORT POLICE DEPARTMENT",
               "LAKEPORT FIRE DEPARTMENT", "DEPARTMENT OF PUBLIC HEALTH", "DEPT OF TECHNOLOGY AND INNOVATION",
               "DEPARTMENT OF CULTURAL AFFAIRS AND SPECIAL EVENTS", "LAKEPORT PUBLIC LIBRARY", "DEPARTMENT OF FINANCE",
               "DEPARTMENT OF PROCUREMENT SERVICES", "DEPT OF PLANNING AND DEVELOPMENT"]
WORK = [("COMMODITIES", "{thing} - CITYWIDE REQUIREMENTS"), ("WORK SERVICES", "{service} SERVICES"),
        ("PRO SERV CONSULTING, $250K OR MORE", "PROFESSIONAL SERVICES FOR {service}"),
        ("PRO SERV CONSULTING, UNDER $250K", "CONSULTING SERVICES - {service}"), ("CONSTRUCTION-LARGE", "{project}"),
        ("CONSTRUCTION", "{project} - PHASE {n}"), ("SOFTWARE/HARDWARE", "{software}"), ("DELEGATE AGENCY", "{program}")]
THINGS = ["OFFICE SUPPLIES", "ROCK SALT", "POLICE UNIFORMS", "TIRES AND TUBES", "JANITORIAL SUPPLIES", "TRAFFIC SIGNS",
          "FIRE HOSE", "LAPTOPS AND DESKTOPS", "PAPER PRODUCTS", "WATER METERS", "LIBRARY BOOKS", "VOTING BOOTH SUPPLIES"]
SERVICES = ["TREE TRIMMING", "ELEVATOR MAINTENANCE", "SNOW REMOVAL", "RECORDS SCANNING", "HVAC MAINTENANCE", "TOWING",
            "PEST CONTROL", "PRINTING AND MAILING", "COURT REPORTING", "TRANSLATION", "LEAD SERVICE LINE INSPECTION",
            "PARKING METER COLLECTION", "AUDIT", "BOND COUNSEL", "ACTUARIAL"]
PROJECTS = ["HARBOR STREET BRIDGE REHABILITATION", "MILLBROOK BRANCH LIBRARY RENOVATION", "EAST LANDING WATER MAIN REPLACEMENT",
            "CITY HALL ROOF REPLACEMENT", "LAKEFRONT PATH RESURFACING", "FIRE STATION 6 EXPANSION", "PIER DISTRICT STREETSCAPE"]
SOFTWARE = ["ENTERPRISE PERMITTING SYSTEM LICENSES", "DOCUMENT MANAGEMENT SOFTWARE SUPPORT", "311 CALL CENTER PLATFORM",
            "PAYROLL SYSTEM HOSTING", "LEGISLATIVE MANAGEMENT SYSTEM"]
PROGRAMS = ["YOUTH SUMMER EMPLOYMENT PROGRAM", "SENIOR MEAL DELIVERY", "WORKFORCE TRAINING", "HOMELESS OUTREACH SERVICES"]
PROCUREMENT = ["BID", "BID", "RFP", "RFQ", "SMALL ORDER", "SOLE SOURCE", "", ""]
VENDOR_WORDS = """ACME LAKESIDE ALLIED METRO CENTRAL BAYSIDE MIDWEST CONSOLIDATED PREMIER UNITED APEX CARDINAL FRONTIER
HORIZON KEYSTONE MAJESTIC NORTHERN PARAGON REGAL SUMMIT TRISTATE VANGUARD WOLVERINE""".split()
VENDOR_KINDS = ["SUPPLY CO", "SERVICES INC", "CONTRACTORS LLC", "SOLUTIONS INC", "INDUSTRIES INC", "GROUP LLC", "ENTERPRISES LLC",
                "ASSOCIATES INC", "TECHNOLOGIES INC", "MAINTENANCE CORP", "PRINTING CO", "CONSTRUCTION CO"]

# (description, department, contract type, procurement, [(approval, start, end, amount)]) — the planted contracts
HARBORLINE_CONTRACTS = [
    ("SECURITY GUARD SERVICES AT CITY FACILITIES", "DEPT OF FLEET AND FACILITY MANAGEMENT", "WORK SERVICES", "BID",
     [(date(2019, 9, 24), date(2019, 10, 1), date(2022, 9, 30), 1850000), (date(2020, 7, 14), date(2019, 10, 1), date(2022, 9, 30), 420000),
      (date(2021, 5, 11), date(2019, 10, 1), date(2023, 3, 31), 275000)]),
    ("LAKEPORTID MUNICIPAL ID CARD PRODUCTION SUPPORT", "OFFICE OF CITY CLERK", "PRO SERV CONSULTING, $250K OR MORE", "RFP",
     [(date(2020, 2, 18), date(2020, 3, 1), date(2022, 2, 28), 640000), (date(2020, 11, 9), date(2020, 3, 1), date(2022, 8, 31), 160000)]),
    ("EVENT SECURITY SERVICES - LAKEPORT WATERFRONT EVENTS", "DEPARTMENT OF CULTURAL AFFAIRS AND SPECIAL EVENTS", "WORK SERVICES",
     "RFQ", [(date(2021, 6, 8), date(2021, 6, 15), date(2023, 6, 14), 980000)]),
]
LOOKALIKE_CONTRACTS = [
    ("SECURE RECORDS TRANSPORT AND OFFSITE STORAGE", "OFFICE OF CITY CLERK", "WORK SERVICES", "BID",
     [(date(2018, 3, 20), date(2018, 4, 1), date(2021, 3, 31), 210000), (date(2021, 2, 23), date(2018, 4, 1), date(2022, 3, 31), 65000)]),
    ("SECURE DOCUMENT DESTRUCTION SERVICES", "DEPARTMENT OF FINANCE", "WORK SERVICES", "SMALL ORDER",
     [(date(2020, 1, 14), date(2020, 2, 1), date(2022, 1, 31), 48500)]),
]


@dataclass(frozen=True)
class Vendor:
    name: str
    vendor_id: str
    address: str
    zip: str
    domain: str


def vendor_spelling(name: str) -> str:
    """"HARBORLINE SECURITY CONSULTANTS, INC." as a vendor file writes it: "HARBORLINE SECURITY CONSULTANTS INC"."""
    return " ".join(name.replace(",", " ").replace(".", " ").split())


def _mdy(d: date) -> str:
    return f"{d.month:02d}/{d.day:02d}/{d.year}"


def _vendor(rng: random.Random, name: str, domain: str = "") -> Vendor:
    words = [w for w in (cast.ascii_local(w) for w in name.split() if w not in {"INC", "LLC", "CO", "CORP"}) if w]
    return Vendor(name, f"{rng.randint(10_000_000, 99_999_999)}{rng.choice('AB')}", cast.street_address(rng).upper(),
                  f"609{rng.randint(10, 99)}", domain or (words[0] + "".join(w[0] for w in words[1:3]) + ".com"))


def build_vendors(rng: random.Random, client_names: list[str], count: int = 160) -> list[Vendor]:
    """The city's vendors: invented names, some of them registry clients too (as vendor files spell them)."""
    names: list[str] = []
    bases: set[str] = set()
    for name in rng.sample(sorted(client_names), 30):
        if "ASSOCIATION" not in name and "COUNCIL" not in name:
            names.append(vendor_spelling(name))
            bases.add(" ".join(names[-1].split()[:2]))
    while len(names) < count:
        first, second = rng.sample(VENDOR_WORDS, 2)
        if f"{first} {second}" not in bases:
            bases.add(f"{first} {second}")
            names.append(f"{first} {second} {rng.choice(VENDOR_KINDS)}")
    return [_vendor(rng, n) for n in names]


def contract_rows(rng: random.Random, vendors: list[Vendor], count: int = 400) -> tuple[list[list[str]], Vendor, Vendor]:
    """Rows for ``count`` purchase orders, the planted ones included; and the two Harborline vendors."""
    client = _vendor(rng, CLIENT_VENDOR, cast.CLIENT_DOMAIN)
    lookalike = _vendor(rng, LOOKALIKE, cast.LOOKALIKE_DOMAIN)
    numbers = rng.sample(range(28000, 131000), count)
    rows: list[list[str]] = []

    def add(po: int, desc: str, dept: str, ctype: str, proc: str, vendor: Vendor, revisions: list[tuple[date, date, date, int]]) -> None:
        spec = str(rng.randint(100000, 999999)) if proc in ("BID", "RFP", "RFQ") else ""
        for rev, (approved, start, end, amount) in enumerate(revisions):
            pdf = f"https://procurement.lakeport.gov/contracts/{po}-{rev}.pdf" if rng.random() < 0.7 else ""
            rows.append([desc, str(po), str(rev), spec, ctype, _mdy(start), _mdy(end), _mdy(approved), dept, vendor.name,
                         vendor.vendor_id, vendor.address, "", "LAKEPORT", "IL", vendor.zip, f"{amount}.00", proc, pdf])

    partner, decoy = _vendor(rng, ties.PARTNER_VENDOR), _vendor(rng, ties.DECOY_VENDOR)
    firm, firm_decoy = _vendor(rng, ties.FIRM_VENDOR), _vendor(rng, ties.FIRM_DECOY_VENDOR)
    planted = ([(client, c) for c in HARBORLINE_CONTRACTS] + [(lookalike, c) for c in LOOKALIKE_CONTRACTS]
               + [(partner, c) for c in ties.PARTNER_CONTRACTS] + [(decoy, c) for c in ties.DECOY_CONTRACTS]
               + [(firm, c) for c in ties.FIRM_CONTRACTS] + [(firm_decoy, c) for c in ties.FIRM_DECOY_CONTRACTS])
    for po, (vendor, (desc, dept, ctype, proc, revs)) in zip(numbers, planted, strict=False):
        add(po, desc, dept, ctype, proc, vendor, revs)
    for po in numbers[len(planted):]:
        ctype, template = rng.choice(WORK)
        desc = template.format(thing=rng.choice(THINGS), service=rng.choice(SERVICES), project=rng.choice(PROJECTS),
                               software=rng.choice(SOFTWARE), program=rng.choice(PROGRAMS), n=rng.randint(1, 3))
        approved = date(2015, 1, 1) + timedelta(days=rng.randint(0, 7 * 365 - 30))
        start = approved + timedelta(days=rng.randint(1, 45))
        end = start + timedelta(days=rng.choice([364, 729, 1094, 1825]))
        amount = rng.choice([rng.randrange(5000, 250000, 50), rng.randrange(250000, 5000000, 1000)])
        revs = [(approved, start, end, amount)]
        for _ in range(rng.choices([0, 1, 2], [70, 20, 10])[0]):
            approved = min(revs[-1][0] + timedelta(days=rng.randint(60, 400)), date(2021, 12, 30))
            end = end + timedelta(days=rng.choice([0, 182, 365]))
            revs.append((approved, start, end, rng.choice([0, amount // 10, amount // 4])))
        add(po, desc, rng.choice(DEPARTMENTS), ctype, rng.choice(PROCUREMENT), rng.choice(vendors), revs)
    rng.shuffle(rows)
    return rows, client, lookalike


def write_contracts(rows: list[list[str]], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as fh:
        fh.write(HEADER + "\n")
        csv.writer(fh, lineterminator="\n").writerows(rows)
