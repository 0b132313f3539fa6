"""The money and business ties the demo plants outside the mailbox, with a decoy for each.

- lobbyist-donor: Kevin M. Brannigan, registered 2018–2021 for Lakeside Waste Services, gives $1,000 to
  Friends of Dana Ortiz. His own registry filing dates the gift 2020-03-02, the committee's ISBE-style
  receipt 2020-03-11: one gift, two filings. A $250 gift of his from 2017, before he registered, is
  context. Decoy: Kevin R. Brannigan, a retired teacher with another middle initial, gives $100.
- associate-benefit: Nora Blake, a member of Reyes Strategies, LLC beside Sam Reyes since March 2019,
  owns Blake Event Services LLC, which wins two city contracts in 2020 and 2021 (one from 2018, before
  the partnership, is context). Decoy: Blake Signs Co., owned by Ethan Blake, no tie to anyone.
- relative-business-benefit: Reyes Strategies, LLC, the firm Sam Reyes has managed since February
  2019, wins a City Clerk's outreach contract in September 2020. Decoy: Reyes Strategic Partners LLC,
  owned by Marco Reyes, tied to no official or relative, wins a contract too.
- undisclosed-interest: the clerk manages Harbor Point Properties LLC (a state business record); her
  profile does not mention it. Decoy: the alderman chairs the Harbor Point Local School Council, which
  her profile names.
"""

from __future__ import annotations

import csv
import random
from datetime import date
from pathlib import Path
from typing import Any

from interlock.demo import cast

DONOR_FIRST, DONOR_MIDDLE, DONOR_LAST = "KEVIN", "M", "BRANNIGAN"
DONOR = "Kevin M. Brannigan"
DONOR_FIRM = "BRANNIGAN PUBLIC AFFAIRS, LLC"
DONOR_CLIENT = "LAKESIDE WASTE SERVICES, INC."
DONOR_YEARS = [2018, 2019, 2020, 2021]
DONOR_NAMESAKE = "Kevin R. Brannigan"
COMMITTEE = "Friends of Dana Ortiz"
COMMITTEE_ID = "41877"
OWN_FILING_DAY, RECEIPT_DAY, GIFT = date(2020, 3, 2), date(2020, 3, 11), 1000

PARTNER = "Nora Blake"
PARTNER_FIRM = "Reyes Strategies, LLC"
PARTNER_CO = "Blake Event Services LLC"
PARTNER_VENDOR = "BLAKE EVENT SERVICES LLC"
PARTNERSHIP = "2019-03-01"
DECOY_VENDOR = "BLAKE SIGNS CO"
DECOY_OWNER = "Ethan Blake"
FIRM_VENDOR = "REYES STRATEGIES LLC"
FIRM_DECOY_VENDOR = "REYES STRATEGIC PARTNERS LLC"
FIRM_DECOY_OWNER = "Marco Reyes"
HIDDEN_CO = "Harbor Point Properties LLC"
SCHOOL_COUNCIL = "Harbor Point Local School Council"

# (description, department, contract type, procurement, [(approval, start, end, amount)]), as contracts.py plants them
PARTNER_CONTRACTS = [
    ("EVENT STAFFING - LAKEPORTID SIGN-UP EVENTS", "OFFICE OF CITY CLERK", "WORK SERVICES", "SMALL ORDER",
     [(date(2020, 4, 21), date(2020, 5, 1), date(2021, 4, 30), 84000)]),
    ("EVENT PRODUCTION - WATERFRONT SUMMER SERIES", "DEPARTMENT OF CULTURAL AFFAIRS AND SPECIAL EVENTS", "WORK SERVICES", "RFQ",
     [(date(2021, 3, 16), date(2021, 5, 1), date(2021, 9, 30), 126500)]),
    ("EVENT TENTS AND STAGING", "DEPARTMENT OF CULTURAL AFFAIRS AND SPECIAL EVENTS", "COMMODITIES", "SMALL ORDER",
     [(date(2018, 6, 5), date(2018, 6, 15), date(2018, 9, 15), 18200)]),
]
FIRM_CONTRACTS = [
    ("COMMUNITY OUTREACH CONSULTING - LAKEPORTID", "OFFICE OF CITY CLERK", "PROFESSIONAL SERVICES", "SMALL ORDER",
     [(date(2020, 9, 14), date(2020, 10, 1), date(2021, 9, 30), 62000)]),
]
FIRM_DECOY_CONTRACTS = [
    ("STRATEGIC PLANNING FACILITATION", "DEPARTMENT OF PLANNING AND DEVELOPMENT", "PROFESSIONAL SERVICES", "SMALL ORDER",
     [(date(2020, 11, 2), date(2020, 11, 15), date(2021, 5, 15), 48500)]),
]
DECOY_CONTRACTS = [
    ("WAYFINDING SIGNS - CITY HALL", "DEPT OF FLEET AND FACILITY MANAGEMENT", "COMMODITIES", "BID",
     [(date(2020, 8, 11), date(2020, 9, 1), date(2021, 8, 31), 46000)]),
]

RECEIPTS_HEADER = ("committee_name,id,committee_id,filed_doc_id,etrans_id,last_name,first_name,received_date,amount,"
                   "aggregate_amount,loan_amount,occupation,employer,address1,address2,city,state,zipcode,d2_part,description,"
                   "vendor_last_name,vendor_first_name,vendor_address1,vendor_address2,vendor_city,vendor_state,vendor_zipcode,"
                   "archived,country,redaction_requested,search_name,search_date")
CONTRIBUTIONS_HEADER = ("CONTRIBUTION_ID,PERIOD_START,PERIOD_END,CONTRIBUTION_DATE,RECIPIENT,AMOUNT,LOBBYIST_ID,"
                        "LOBBYIST_FIRST_NAME,LOBBYIST_LAST_NAME,CREATED_DATE")


def _mdy(d: date) -> str:
    return f"{d.month}/{d.day}/{d.year % 100:02d} 0:00"


def receipt_rows(rng: random.Random, donors: int = 60) -> list[list[str]]:
    """The committee's itemised receipts: background residents, the lobbyist (and his earlier gift), the namesake."""
    names = cast.Names(rng)
    rows = []

    def row(last: str, first: str, day: date, amount: int, occupation: str, employer: str, address: str, zip5: str) -> list[str]:
        rid = str(rng.randint(900_000, 9_999_999))
        return [COMMITTEE, rid, COMMITTEE_ID, str(rng.randint(600_000, 999_999)), "", last, first, _mdy(day), str(amount),
                str(amount), "0", occupation, employer, address, "", "Lakeport", "IL", zip5, "1A", "", "", "", "", "", "", "",
                "", "FALSE", "", "FALSE", "", _mdy(day)]

    for _ in range(donors):
        nm = names.draw()
        day = date(2017, 1, 1) + (date(2021, 12, 1) - date(2017, 1, 1)) * rng.random()
        rows.append(row(nm.last, f"{nm.first} {nm.middle}." if nm.middle else nm.first, day,
                        rng.choice([50, 100, 150, 250, 500, 1000]), rng.choice(["Teacher", "Nurse", "Retired", "Attorney",
                                                                                "Engineer", "Owner", "Manager", ""]),
                        "", cast.street_address(rng), f"609{rng.randint(10, 99)}"))
    office = "1 N. Harbor St., Suite 900"
    rows.append(row("Brannigan", "Kevin M.", RECEIPT_DAY, GIFT, "Lobbyist", DONOR_FIRM.title(), office, "60911"))
    rows.append(row("Brannigan", "Kevin M.", date(2017, 9, 14), 250, "Consultant", "Self", office, "60911"))
    rows.append(row("Brannigan", "Kevin R.", date(2020, 5, 4), 100, "Retired teacher", "", "742 W. Orchard Ct.", "60915"))
    rng.shuffle(rows)
    return rows


def write_receipts(rng: random.Random, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as fh:
        fh.write(RECEIPTS_HEADER + "\n")
        csv.writer(fh, lineterminator="\n").writerows(receipt_rows(rng))


def contribution_rows(lobbyist_id: int) -> list[list[str]]:
    """The lobbyist's own report of the gift, in the registry's Contributions layout (2019 export)."""
    return [["88231", "01/01/2020", "03/31/2020", "03/02/2020", COMMITTEE.upper(), f"{GIFT}.00", str(lobbyist_id), DONOR_FIRST,
             DONOR_LAST, "04/20/2020"]]


def company_entities() -> list[dict[str, Any]]:
    """The business records: the partner's firm and company, the clerk's company, the decoys' (FtM, state filings)."""
    def company(key: str, name: str, **props: list[str]) -> dict[str, Any]:
        return {"id": key, "schema": "Company", "properties": {"name": [name], "country": ["us"], **props}}

    def person(key: str, name: str) -> dict[str, Any]:
        first, last = name.split()[0], name.split()[-1]
        return {"id": key, "schema": "Person", "properties": {"name": [name], "firstName": [first], "lastName": [last]}}

    def director(key: str, who: str, org: str, role: str, start: str) -> dict[str, Any]:
        return {"id": key, "schema": "Directorship", "properties": {"director": [who], "organization": [org], "role": [role],
                                                                     "startDate": [start]}}

    return [
        company("demo-reyes-strategies", PARTNER_FIRM, incorporationDate=["2019-02-11"], address=["400 Lakefront Ave., Lakeport"]),
        person("demo-sam-reyes", cast.SPOUSE.name),
        director("demo-reyes-strategies-reyes", "demo-sam-reyes", "demo-reyes-strategies", "managing member", "2019-02-11"),
        person("demo-nora-blake", PARTNER),
        director("demo-reyes-strategies-blake", "demo-nora-blake", "demo-reyes-strategies", "member", PARTNERSHIP),
        company("demo-blake-events", PARTNER_CO, incorporationDate=["2016-05-02"], address=["77 Pier St., Lakeport"]),
        director("demo-blake-events-blake", "demo-nora-blake", "demo-blake-events", "owner", "2016-05-02"),
        company("demo-blake-signs", DECOY_VENDOR.title().replace("Co", "Co."), incorporationDate=["2011-08-19"]),
        person("demo-ethan-blake", DECOY_OWNER),
        director("demo-blake-signs-blake", "demo-ethan-blake", "demo-blake-signs", "owner", "2011-08-19"),
        company("demo-reyes-strategic-partners", FIRM_DECOY_VENDOR.title().replace("Llc", "LLC"), incorporationDate=["2014-03-03"]),
        person("demo-marco-reyes", FIRM_DECOY_OWNER),
        director("demo-reyes-strategic-partners-reyes", "demo-marco-reyes", "demo-reyes-strategic-partners", "owner", "2014-03-03"),
        company("demo-harbor-point-properties", HIDDEN_CO, incorporationDate=["2018-02-01"], address=["19 Cedar Flats Rd., Lakeport"]),
        person("demo-dana-ortiz", cast.CLERK.name),
        director("demo-harbor-point-properties-ortiz", "demo-dana-ortiz", "demo-harbor-point-properties", "manager", "2018-02-01"),
        {"id": "demo-school-council", "schema": "Organization", "properties": {"name": [SCHOOL_COUNCIL]}},
        person("demo-priya-natarajan", cast.ALDERMAN.name),
        director("demo-school-council-natarajan", "demo-priya-natarajan", "demo-school-council", "chair", "2015-09-01"),
    ]


def planted() -> list[dict[str, Any]]:
    official = cast.CLERK.name
    return [
        {"rule": "lobbyist-donor", "subjects": [official, DONOR],
         "note": f"{DONOR}, registered {DONOR_YEARS[0]}-{DONOR_YEARS[-1]} for {DONOR_CLIENT}, gave ${GIFT:,} to {COMMITTEE}: "
                 f"his own filing dates it {OWN_FILING_DAY}, the committee's receipt {RECEIPT_DAY} (one gift, both cited); "
                 "a $250 gift of 2017-09-14, before he registered, is context."},
        {"rule": "associate-benefit", "subjects": [official, cast.SPOUSE.name, PARTNER, PARTNER_CO],
         "note": f"{PARTNER}, a member of {PARTNER_FIRM} beside Sam Reyes since {PARTNERSHIP}, owns {PARTNER_CO}, which won "
                 "city contracts on 2020-04-21 ($84,000) and 2021-03-16 ($126,500); a 2018 award is context."},
        {"rule": "relative-business-benefit", "subjects": [official, cast.SPOUSE.name, PARTNER_FIRM],
         "note": f"{PARTNER_FIRM}, managed by Sam Reyes since 2019-02-11, won the City Clerk's outreach contract on "
                 "2020-09-14 ($62,000)."},
        {"rule": "undisclosed-interest", "subjects": [official, HIDDEN_CO],
         "note": f"A state business record names {official} manager of {HIDDEN_CO} since 2018-02-01; her profile does not "
                 "mention it."},
    ]


def decoys() -> list[dict[str, str]]:
    return [
        {"name": DONOR_NAMESAKE, "why": f"namesake of the lobbyist {DONOR} with another middle initial, a retired teacher who "
                                        f"gave $100 to {COMMITTEE}; not a lobbyist"},
        {"name": DECOY_OWNER, "why": f"owner of {DECOY_VENDOR.title()}, a city vendor whose name shares a word with the "
                                     "partner's company; tied to no official or relative"},
        {"name": FIRM_DECOY_OWNER, "why": f"owner of {FIRM_DECOY_VENDOR.title()}, a city vendor whose name is close to "
                                          f"{PARTNER_FIRM}'s and who shares the husband's surname; tied to no official"},
        {"name": SCHOOL_COUNCIL, "why": "the alderman chairs it and her profile says so: disclosed, not an undisclosed interest"},
    ]
