"""A fictional lobbyist registry in the Chicago Board of Ethics export layout (the 2025 snapshot's headers).

Five files: Lobbyists, Employers, Clients, Lobbyist/Employer/Client Combinations and Compensation,
one row per registration year (quarter for compensation), names in upper case, dates MM/DD/YYYY.
The export's ID quirk is reproduced: Lobbyists, Employers, Clients and Compensation carry large
hashed EMPLOYER_ID/CLIENT_ID values, Combinations small different ones for the same employer or
client (one firm even changes its large id part-way, as a real one does); LOBBYIST_ID agrees everywhere.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from interlock.demo import cast, ties
from interlock.demo.cast import CLIENT, LOOKALIKE, REGISTRY_YEARS, SPOUSE_FIRM, Names

HEADERS = {
    "Lobbyists": "YEAR,LOBBYIST_ID,SALUTATION,FIRST_NAME,MIDDLE_INITIAL,LAST_NAME,SUFFIX,ADDRESS_1,ADDRESS_2,CITY,STATE,ZIP,"
                 "COUNTRY,EMAIL,PHONE,FAX,EMPLOYER_ID,EMPLOYER_NAME,CREATED_DATE",
    "Employers": "Year,EMPLOYER_ID,NAME,ADDRESS_1,ADDRESS_2,CITY,STATE,ZIP,COUNTRY,PHONE,FAX,CREATED_DATE,ACTIVE",
    "Clients": "Year,CLIENT_ID,NAME,ADDRESS_1,ADDRESS_2,CITY,STATE,ZIP,COUNTRY,CREATED_DATE,ACTIVE",
    "Lobbyist__Employer__Client_Combinations": "Year,LOBBYIST_ID,EMPLOYER_ID,CLIENT_ID,LOBBYIST_SALUTATION,LOBBYIST_FIRST_NAME,"
                                               "LOBBYIST_MIDDLE_INITIAL,LOBBYIST_LAST_NAME,LOBBYIST_SUFFIX,EMPLOYER_NAME,CLIENT_NAME",
    "Contributions": ties.CONTRIBUTIONS_HEADER,
    "Compensation": "COMPENSATION_ID,PERIOD_START,PERIOD_END,LOBBYIST_ID,LOBBYIST_FIRST_NAME,LOBBYIST_MIDDLE_INITIAL,"
                    "LOBBYIST_LAST_NAME,COMPENSATION_AMOUNT,CLIENT_ID,CLIENT_NAME,CREATED_DATE",
}
EXPORT_DATE = date(2022, 1, 14)

PREFIX = """LAKESHORE NORTHPOINT MERIDIAN BLUEWATER GRANITE PRAIRIE CEDAR BEACON SUMMIT RIVERBEND KEYSTONE PINNACLE
HERITAGE IRONWOOD SILVERLINE CRESTVIEW EVERGREEN MIDLAND LANTERN COBALT ORION TALLGRASS WESTGATE EASTBRIDGE FOUNDRY
SIGNAL ANCHOR COMPASS DRIFTWOOD MARLOWE JUNIPER KESTREL TIDEWATER STERLING NORTHGATE MILLBROOK OLD TOWN CORNERSTONE
REDLINE BRIGHTON FAIRWIND GOLDCOAST HIGHMARK LIBERTY MAPLEWOOD OAKHURST PIONEER QUARRY SHORELINE TRILLIUM WILLOWBEND""".split()
SECTOR = """DEVELOPMENT|PARKING PARTNERS|TOWING & RECOVERY|HEALTH SYSTEMS|ENERGY|WASTE SERVICES|CONSTRUCTION|TECHNOLOGIES|
REALTY|HOSPITALITY GROUP|TRANSIT SOLUTIONS|PAVING|ENVIRONMENTAL|MEDIA|FOODS|BREWING COMPANY|DATA SYSTEMS|ENGINEERING|
MANAGEMENT|HOLDINGS|PROPERTIES|TELECOM|PHARMACY|SOLAR|CAPITAL|BUILDERS|CANNABIS DISPENSARY|FREIGHT|SIGN COMPANY|
AMUSEMENTS|FITNESS|DISTRIBUTORS|MARINA MANAGEMENT|ASPHALT|CARE CENTERS|MOBILITY|ADVERTISING|STEEL|RESIDENTIAL""".replace(
    "\n", "").split("|")
FORMS = [", LLC", ", INC.", " LLC", " INC", " CORPORATION", " CO.", ", L.P.", ""]
FIRM_KINDS = ["PUBLIC AFFAIRS, INC.", "STRATEGIES, LLC", "GOVERNMENT RELATIONS, LLC", "CONSULTING GROUP", "PARTNERS, LTD.",
              "ADVISORS, LLC", "& ASSOCIATES"]
ASSOCIATIONS = ["LAKEPORT RESTAURANT ASSOCIATION", "LAKEPORT BUILDING OWNERS ASSOCIATION", "LAKEPORT TAXI MEDALLION OWNERS",
                "HARBOR POINT NEIGHBORHOOD COUNCIL", "LAKEPORT HOTEL & LODGING ASSOCIATION", "LOCAL 412 SERVICE EMPLOYEES",
                "LAKEPORT RETAIL MERCHANTS COUNCIL", "FOUNDRY ROW BUSINESS ALLIANCE", "LAKEPORT YOUTH SPORTS LEAGUE",
                "PIER DISTRICT MERCHANTS ASSOCIATION"]


@dataclass
class Org:
    name: str
    big_id: int
    small_id: int
    address: str
    zip: str
    phone: str
    created: date
    domain: str
    alt_big_id: int = 0      # a second large id from alt_year on (the real export has such employers)
    alt_year: int = 9999
    alt_created: date = date(2000, 1, 1)

    def big(self, year: int) -> int:
        return self.alt_big_id if year >= self.alt_year else self.big_id


@dataclass
class Lobbyist:
    id: int
    salutation: str
    first: str
    middle: str
    last: str
    email: str
    phone: str
    address: str
    zip: str
    firm: Org
    years: list[int]
    created: dict[int, date] = field(default_factory=dict)

    @property
    def display(self) -> str:
        return f"{self.first.title()} {self.last.title()}"


@dataclass
class Registry:
    lobbyists: list[Lobbyist]
    firms: list[Org]
    clients: dict[str, Org]
    combos: list[tuple[int, Lobbyist, Org]]                  # (year, lobbyist, client)
    pay: list[tuple[date, Lobbyist, Org, int]]               # (quarter start, lobbyist, client, dollars)
    spouse: Lobbyist

    def clients_of(self, lob: Lobbyist, year: int) -> list[Org]:
        return [c for y, lb, c in self.combos if lb is lob and y == year]


class _Ids:
    def __init__(self, rng: random.Random) -> None:
        self.rng, self.seen = rng, set[int]()

    def big(self) -> int:
        return self._draw(10_000_000, 4_294_967_295)

    def small(self) -> int:
        return self._draw(10_000, 60_000)

    def _draw(self, lo: int, hi: int) -> int:
        while True:
            n = self.rng.randint(lo, hi)
            if n not in self.seen:
                self.seen.add(n)
                return n


def _day(rng: random.Random, year: int, lo_month: int = 1, hi_month: int = 12) -> date:
    start = date(year, lo_month, 1)
    end = date(year + (hi_month == 12), hi_month % 12 + 1, 1) - timedelta(days=1)
    return start + timedelta(days=rng.randint(0, (end - start).days))


def _domain(name: str) -> str:
    words = [cast.ascii_local(w) for w in name.replace(".", "").replace(",", " ").replace("&", " ").replace("-", " ").split()]
    words = [w for w in words if w and w not in {"llc", "inc", "ltd", "lp", "co", "pc", "corporation", "the"}]
    return (words[0] + "".join(w[0] for w in words[1:3]) + ".com") if words else "example.com"


def _span(rng: random.Random, lo: int = REGISTRY_YEARS.start, hi: int = REGISTRY_YEARS.stop - 1) -> list[int]:
    start = rng.randint(lo, hi)
    return list(range(start, min(hi, start + rng.randint(0, 6)) + 1))


class _Builder:
    def __init__(self, rng: random.Random) -> None:
        self.rng, self.ids, self.names = rng, _Ids(rng), Names(rng)
        self.clients: dict[str, Org] = {}
        self.firms: list[Org] = []
        self.lobbyists: list[Lobbyist] = []
        self.combos: list[tuple[int, Lobbyist, Org]] = []
        self.lob_ids: set[int] = set()
        self.bases: set[str] = {"LAKESHORE PARKING PARTNERS", "NORTHGATE TOWING & RECOVERY"}

    def org(self, name: str, created_year: int, domain: str = "") -> Org:
        rng = self.rng
        return Org(name, self.ids.big(), self.ids.small(), cast.street_address(rng).upper(), f"609{rng.randint(10, 99)}",
                   cast.phone(rng).replace("(", "").replace(") ", "-"), _day(rng, created_year), domain or _domain(name))

    def client(self, name: str, created_year: int) -> Org:
        if name not in self.clients:
            self.clients[name] = self.org(name, created_year)
        return self.clients[name]

    def client_name(self) -> str:
        """A new client's name; no two clients differ only in their legal form ("X, LLC" and "X INC")."""
        rng = self.rng
        while True:
            base = rng.choice(ASSOCIATIONS) if rng.random() < 0.04 else f"{rng.choice(PREFIX)} {rng.choice(SECTOR)}"
            if base not in self.bases and "HARBOR" not in base:
                self.bases.add(base)
                return base if base in ASSOCIATIONS else base + rng.choice(FORMS)

    def lobbyist(self, firm: Org, years: list[int], email: str = "", first: str = "", last: str = "",
                 salutation: str = "") -> Lobbyist:
        rng = self.rng
        if not first:
            nm = self.names.draw()
            first, last, middle = nm.first.upper(), nm.last.upper(), nm.middle
        else:
            middle = ""
        while True:
            lid = rng.randint(4000, 30000)
            if lid not in self.lob_ids:
                self.lob_ids.add(lid)
                break
        if not email:
            a, z = cast.ascii_local(first), cast.ascii_local(last)
            local = f"{a[0]}{z}" if rng.random() < 0.6 else f"{a}.{z}"
            email = f"{local}@{'gmail.com' if rng.random() < 0.08 else firm.domain}"
        salutation = salutation or rng.choice(["MR.", "MS.", "", "", "MRS.", "DR."])
        lob = Lobbyist(lid, salutation, first, middle, last, email.lower(), firm.phone, firm.address, firm.zip, firm, years)
        for i, y in enumerate(years):
            lob.created[y] = _day(rng, y) if i == 0 else _day(rng, y, 1, 2)
        self.lobbyists.append(lob)
        return lob

    def represent(self, client: Org, lobbyists: list[Lobbyist], years: list[int]) -> None:
        for y in years:
            active = [lb for lb in lobbyists if y in lb.years]
            if active:
                for lob in self.rng.sample(active, min(len(active), self.rng.choice([1, 1, 2]))):
                    self.combos.append((y, lob, client))


def build_registry(rng: random.Random, lobbyists: int = 300, clients: int = 500) -> Registry:
    b = _Builder(rng)
    # the planted story: the spouse's one-person firm and its clients
    reyes = b.org(SPOUSE_FIRM, 2019, "reyesstrategies.com")
    reyes.created = cast.REGISTRATION
    reyes.address, reyes.zip = "400 LAKEFRONT AVE.", "60917"
    spouse = b.lobbyist(reyes, [2019, 2020, 2021], cast.SPOUSE_WORK.email, "SAM", "REYES", "MR.")
    spouse.created = {2019: cast.REGISTRATION, 2020: date(2020, 1, 14), 2021: date(2021, 1, 12)}
    harborline = b.client(CLIENT, 2015)
    harborline.created, harborline.address, harborline.zip = date(2015, 3, 2), "2250 S. FOUNDRY ROW", "60921"
    b.combos += [(y, spouse, harborline) for y in (2019, 2020, 2021)]
    parking = b.client("LAKESHORE PARKING PARTNERS, LLC", 2017)
    towing = b.client("NORTHGATE TOWING & RECOVERY, INC.", 2016)
    b.combos += [(y, spouse, parking) for y in (2020, 2021)] + [(y, spouse, towing) for y in (2019, 2020)]
    # the client's earlier lobbyists (another firm), and the look-alike company's unrelated lobbyist
    bright = b.org("BRIGHTWATER PUBLIC AFFAIRS, INC.", 2012)
    earlier = [b.lobbyist(bright, list(range(2015, 2022))), b.lobbyist(bright, list(range(2015, 2020)))]
    b.combos += [(y, lob, harborline) for y in range(2015, 2019) for lob in earlier]
    granite = b.org("GRANITE STRATEGY GROUP, LLC", 2014)
    other = b.lobbyist(granite, list(range(2016, 2022)))
    b.combos += [(y, other, b.client(LOOKALIKE, 2018)) for y in range(2018, 2022)]
    # the lobbyist who gives to the clerk's committee (see ties.py)
    doyle_firm = b.org(ties.DONOR_FIRM, 2017, "branniganpa.com")
    donor = b.lobbyist(doyle_firm, ties.DONOR_YEARS, "kbrannigan@branniganpa.com", ties.DONOR_FIRST, ties.DONOR_LAST, "MR.")
    donor.middle = ties.DONOR_MIDDLE
    b.combos += [(y, donor, b.client(ties.DONOR_CLIENT, 2014)) for y in ties.DONOR_YEARS]
    b.firms += [reyes, bright, granite, doyle_firm]
    # everyone else
    while len(b.lobbyists) < lobbyists:
        kind = rng.choices(["firm", "solo", "inhouse"], [5, 3, 2])[0]
        if kind == "firm":
            nm = b.names.draw()
            partner = b.names.draw().last.upper()
            name = rng.choice([f"{rng.choice(PREFIX)} {rng.choice(FIRM_KINDS)}", f"{nm.last.upper()} & {partner}, P.C."])
            firm = b.org(name, rng.randint(2005, 2018))
            staff = [b.lobbyist(firm, _span(rng)) for _ in range(rng.randint(2, 7))]
            for _ in range(int(len(staff) * 1.9)):
                b.represent(b.client(b.client_name(), rng.randint(2008, 2019)), staff, _span(rng))
        elif kind == "solo":
            nm = b.names.draw()
            firm = b.org(f"{nm.first.upper()} {nm.last.upper()} - {nm.last.upper()} {rng.choice(FIRM_KINDS)}", rng.randint(2008, 2019),
                         f"{cast.ascii_local(nm.last)}{rng.choice(['advisors', 'strategies', 'group', 'pa'])}.com")
            lob = b.lobbyist(firm, _span(rng), first=nm.first.upper(), last=nm.last.upper())
            for _ in range(rng.randint(1, 3)):
                b.represent(b.client(b.client_name(), rng.randint(2008, 2019)), [lob], lob.years)
        else:
            firm = b.client(b.client_name(), rng.randint(2005, 2018))
            staff = [b.lobbyist(firm, _span(rng)) for _ in range(rng.randint(1, 2))]
            b.represent(firm, staff, sorted({y for lob in staff for y in lob.years}))
        b.firms.append(firm)
        if rng.random() < 0.03:
            firm.alt_big_id, firm.alt_year = b.ids.big(), rng.randint(2017, 2021)
            firm.alt_created = _day(rng, firm.alt_year)
    for lob in earlier + [other]:
        for _ in range(2):
            b.represent(b.client(b.client_name(), rng.randint(2010, 2018)), [lob], lob.years)
    firms = [f for f in b.firms[3:] if f.name not in b.clients]
    while len(b.clients) < clients and firms:   # more clients for the established firms
        firm = rng.choice(firms)
        b.represent(b.client(b.client_name(), rng.randint(2008, 2019)), [lb for lb in b.lobbyists if lb.firm is firm], _span(rng))
    _settle_created(rng, b)
    pay = _compensation(rng, b.combos, spouse, harborline)
    return Registry(b.lobbyists, b.firms, b.clients, b.combos, pay, spouse)


def _settle_created(rng: random.Random, b: _Builder) -> None:
    """No employer or client created after the first year it appears in."""
    first: dict[int, int] = {}
    for lob in b.lobbyists:
        first[id(lob.firm)] = min(first.get(id(lob.firm), 9999), lob.years[0])
    for y, _, client in b.combos:
        first[id(client)] = min(first.get(id(client), 9999), y)
    for org in [*b.firms, *b.clients.values()]:
        year = first.get(id(org), 9999)
        if org.created.year > year:
            org.created = _day(rng, year, 1, 3)


def _compensation(rng: random.Random, combos: list[tuple[int, Lobbyist, Org]], spouse: Lobbyist,
                  harborline: Org) -> list[tuple[date, Lobbyist, Org, int]]:
    pay = []
    for year, lob, client in sorted(combos, key=lambda c: (c[0], c[1].id, c[2].name)):
        for q in range(4):
            start = date(year, 3 * q + 1, 1)
            if lob is spouse and client is harborline:
                if start >= date(2019, 7, 1):
                    pay.append((start, lob, client, rng.randrange(3000, 6001, 500)))
            elif lob is spouse:
                if start >= date(2019, 7, 1) and rng.random() < 0.8:
                    pay.append((start, lob, client, rng.randrange(1500, 4001, 500)))
            elif client is harborline:
                pay.append((start, lob, client, rng.randrange(7500, 15001, 2500)))
            elif rng.random() < 0.7:
                pay.append((start, lob, client, rng.choice([1000, 1500, 2000, 2500, 3000, 5000, 7500, 9000, 12000, 22500])))
    return pay


def _mdy(d: date) -> str:
    return f"{d.month:02d}/{d.day:02d}/{d.year}"


def _quarter_end(start: date) -> date:
    return date(start.year + (start.month == 10), (start.month + 3 - 1) % 12 + 1, 1) - timedelta(days=1)


def registry_rows(reg: Registry, rng: random.Random) -> dict[str, list[list[str]]]:
    """The rows of each file (without the header), in the export's jumbled order."""
    city, state = "LAKEPORT", "IL"
    lob_rows = [[str(y), str(lb.id), lb.salutation, lb.first, lb.middle, lb.last, "", lb.address, "", city, state, lb.zip,
                 "United States", lb.email, lb.phone, "", str(lb.firm.big(y)), lb.firm.name, _mdy(lb.created[y])]
                for lb in reg.lobbyists for y in lb.years]
    firm_years: dict[tuple[int, int], tuple[Org, date]] = {}
    for lb in reg.lobbyists:
        for y in lb.years:
            key = (id(lb.firm), y)
            firm_years.setdefault(key, (lb.firm, lb.firm.created if y < lb.firm.alt_year else lb.firm.alt_created))
    emp_rows = [[str(y), str(f.big(y)), f.name, f.address, "", city, state, f.zip, "UNITED STATES", f.phone, "", _mdy(created), "Y"]
                for (_, y), (f, created) in firm_years.items()]
    client_years = sorted({(c.name, y) for y, _, c in reg.combos})
    cli_rows = [[str(y), str(c.big_id), c.name, c.address, "", city, state, c.zip, "UNITED STATES" if c.big_id % 7 else "",
                 _mdy(c.created), "Y"] for name, y in client_years for c in [reg.clients[name]]]
    combo_small: dict[tuple[int, int], int] = {}
    combo_rows = []
    for y, lb, c in reg.combos:
        emp_small = combo_small.setdefault((id(lb.firm), y >= lb.firm.alt_year), lb.firm.small_id + (y >= lb.firm.alt_year) * 97)
        combo_rows.append([str(y), str(lb.id), str(emp_small), str(c.small_id), lb.salutation, lb.first, lb.middle, lb.last, "",
                           lb.firm.name, c.name])
    filings: dict[tuple[int, date], tuple[int, date]] = {}
    pay_rows = []
    for start, lb, c, amount in reg.pay:
        end = _quarter_end(start)
        comp_id, filed = filings.setdefault((lb.id, start), (rng.randint(10_000_000, 4_294_967_295),
                                                             min(end + timedelta(days=rng.randint(10, 60)), EXPORT_DATE)))
        pay_rows.append([str(comp_id), _mdy(start), _mdy(end), str(lb.id), lb.first, lb.middle, lb.last, f"{amount}.00",
                         str(c.big_id), c.name, _mdy(filed)])
    donor = next(lb for lb in reg.lobbyists if lb.last == ties.DONOR_LAST)
    rows = {"Lobbyists": lob_rows, "Employers": emp_rows, "Clients": cli_rows,
            "Lobbyist__Employer__Client_Combinations": combo_rows, "Compensation": pay_rows,
            "Contributions": ties.contribution_rows(donor.id)}
    for table in rows.values():
        rng.shuffle(table)
    return rows


def write_registry(reg: Registry, folder: Path, rng: random.Random) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, rows in registry_rows(reg, rng).items():
        path = folder / f"Lobbyist_Data_-_{name}_{cast.EXPORT_STAMP}.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            fh.write(HEADERS[name] + "\n")
            csv.writer(fh, lineterminator="\n").writerows(rows)
        paths.append(path)
    return paths
