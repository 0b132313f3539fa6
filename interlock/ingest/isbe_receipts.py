"""``isbe-receipts``: Illinois State Board of Elections (ISBE) itemized receipts of political committees, as CSV.

Files are told apart by their header, never by their name or folder. Read in this order, one record a row:

========  ========================================================================================
wards     the ward → alderman map beside the aldermen receipts: names each ward's committee
raw       the ISBE / Illinois Sunshine columns: committee_id, committee_name, id (the receipt),
          last_name, first_name, received_date (``6/15/02 0:00``), amount, d2_part, description …
aldermen  Reclaim Chicago's flattening of the 50 aldermen's committees, 2015 – April 2019:
          committee_ward, last_name, first_name, received_date_iso, amount, donor_type …
========  ========================================================================================

Each receipt becomes the donor, the committee and a ``Payment`` (payer = donor, beneficiary =
committee, amount, currency USD, date, purpose = the kind of receipt). A person donor carries the
occupation as ``profession`` and, when an employer is named, an ``Employment``. A row with no donor
name, no amount or no readable date is rejected; the rest goes in.

Identity, as docs/model.md sets it out:

- A committee of the raw layout is keyed by its ISBE committee id (``registrationNumber``). The
  aldermen layout names only the ward, so its committee is "the Ward N alderman's committee", keyed
  by the ward; the map adds who the alderman was. The map's ISBE ids belong to the aldermen from May
  2019 on and are not taken as the ids of the committees in the receipts (the project's own earlier
  list gives other ids for wards 23 and 46, whose aldermen did not change).
- A person donor is keyed by name (first, last, suffix) and ZIP code; an organisation by its
  normalised name. ``resolve`` decides who is who across sources.
- A payment is keyed by the committee and the receipt's own ISBE id or, where the layout has none,
  the row's content (ward, donor, ZIP, date, amount), never by the file: the same receipt read from
  two files is one ``Payment``.

The aldermen rows are not single receipts: the publisher summed each donor's receipts since
2015-02-24 by name and ZIP code, kept the latest date and cut the cents (``group_and_aggregate`` in
its code; no two rows of a ward share name and ZIP). Each such payment's description says so.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from interlock.entities import Entity, Origin, make_id
from interlock.errors import RecordError
from interlock.ingest.base import Context, count_entities, files_by_layout, ingester
from interlock.ingest.chicago_lobbyists import (
    FastEntity,
    FirstSeen,
    Row,
    column,
    iter_rows,
    join_address,
    money,
    need,
    plausible_date,
    read_header,
)
from interlock.ingest.committees import candidate_links, committee_candidate
from interlock.names import SUFFIXES, TITLES, norm_text, org_key, person_name
from interlock.records import Record, Reject
from interlock.store import Store

LAYOUTS: tuple[tuple[str, frozenset[str]], ...] = (
    ("wards", frozenset({"WARD", "ALDERMAN_UNTIL_MAY2019"})),
    ("raw", frozenset({"COMMITTEE_ID", "COMMITTEE_NAME", "ID", "LAST_NAME", "FIRST_NAME", "RECEIVED_DATE", "AMOUNT"})),
    ("aldermen", frozenset({"COMMITTEE_WARD", "LAST_NAME", "FIRST_NAME", "RECEIVED_DATE_ISO", "AMOUNT", "DONOR_TYPE"})),
)
ORDER = [name for name, _ in LAYOUTS]
RECEIPTS = ("raw", "aldermen")
CHICAGO = "City of Chicago"
COMMITTEE = "political committee"
D2_PARTS = {"1A": "individual contribution", "2A": "transfer in", "3A": "loan received", "4A": "other receipt",
            "5A": "in-kind contribution"}
AGGREGATED = ("sum of the donor's itemized receipts since 2015-02-24 (the publisher grouped them by name and ZIP code, "
              "kept the latest date and whole dollars)")
SHORT_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2})(?:\s.*)?$")
ZIP5 = re.compile(r"^\d{5}")
POLITICAL_WORDS = frozenset("""friends friend freinds friedns citizens citizen committee cmte comm organization org orgn party
    democratic democrats democrat republican republicans pac fund elect reelect campaign club union local council caucus
    coalition alliance volunteers majority neighbors people for actblue""".split())
ORG_WORDS = POLITICAL_WORDS | frozenset("""inc incorporated corp corporation co company llc ltd lp llp pllc pc plc group partners
    associates bank services association assn foundation society institute trust network federation league event events
    fundraiser reception contribution act chicago illinois progressive reform""".split())
OFFICE_WORDS = TITLES | frozenset("""ald aldermann city treasurer state representative senator director deputy chief president
    board county cook ward congressman congresswoman us u s""".split())
POSTNOMINALS = frozenset("md esq dds phd cpa jd rn mba".split())
NOT_AN_EMPLOYER = re.compile(r"^(self|self ?employ(ed|ment)|retired|none|n ?a|not employed|unemployed|homemaker|unknown|student"
                             r"|(information )?requested|attempted unknown|(good|best)( faith)? effort( made)?)$")
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
ORDINAL_WARD = re.compile(r"\b\d+(?:st|nd|rd|th) ward\b")


# -- pure helpers (the lobbyist contributions use the name tests too) --------------------------------

@lru_cache(maxsize=1 << 17)
def norm(text: str | None) -> str:
    """:func:`~interlock.names.norm_text`, remembered: donor names, words and employers repeat."""
    return norm_text(text)


def is_org_name(name: str) -> bool:
    """Words only an organisation's name has: "Friends of …", "… PAC", "25th Ward …", "… LLC"."""
    text = norm(name)
    return bool(set(text.split()) & ORG_WORDS) or bool(ORDINAL_WARD.search(text))


def is_political(name: str) -> bool:
    text = norm(name)
    return bool(set(text.split()) & POLITICAL_WORDS) or bool(ORDINAL_WARD.search(text))


def names_a_person(text: str) -> bool:
    """Whether a recipient or donor written in one field is a person, as the row writes it.

    >>> [names_a_person(t) for t in ("RODERICK SAWYER", "Ald. Pat Dowell, 3rd Ward", "City Clerk - Anna Valencia")]
    [True, True, True]
    >>> [names_a_person(t) for t in ("Friends of Anna Valencia", "24TH WARD ORGANIZATION - ALD. MICHAEL SCOTT", "KB47")]
    [False, False, False]
    """
    name = ""
    for part in re.split(r"\s[-–]\s", text.split("(")[0]):  # the first part that is more than an office
        kept = [p for p in part.split(",") if not all(t in OFFICE_WORDS or ORDINAL.match(t) for t in norm(p).split())]
        if kept:
            name = " ".join(kept)
            break
    tokens = norm(name).split()
    if set(tokens) & ORG_WORDS:
        return False
    titled = bool(tokens) and tokens[0] in OFFICE_WORDS
    while tokens and tokens[0] in OFFICE_WORDS:
        tokens.pop(0)
    while tokens and tokens[-1] in SUFFIXES:
        tokens.pop()
    return (1 if titled else 2) <= len(tokens) <= 4 and all(t.isalpha() for t in tokens)


def is_person(last: str, first: str, donor_type: str, employed: bool) -> bool:
    """Whether a donor is a person: the aldermen layout's "Individual", a first name beside a last name that is
    no organisation's, or (in the raw layout, which has no donor type) "Last, First" or a person's name with an
    occupation or employer in one field ("Reyes Kurson" alone is the law firm)."""
    if donor_type == "individual":
        return True
    if first or donor_type:
        return bool(first) and not is_org_name(last)
    return not is_org_name(last) and ("," in last or (employed and names_a_person(last)))


def display_name(text: str) -> str:
    """ "Sawyer, Roderick T." → "Roderick T. Sawyer"; "Brookins, Jr., Howard" → "Howard Brookins Jr."; "JUAN GAYTAN" stays.

    A degree after the last name ("Edelberg, MD") goes to the end.
    """
    head, comma, tail = text.partition(",")
    if not comma or not tail.strip():
        return " ".join(head.split())
    tokens = tail.replace(",", " ").split()
    after = [t for t in tokens if norm(t) in SUFFIXES | POSTNOMINALS]
    return " ".join([t for t in tokens if t not in after] + head.split() + after)


def receipt_date(text: str | None) -> str | None:
    """ISO, MM/DD/YYYY, or the ISBE export's M/D/YY (``6/15/02 0:00``; 69–99 → 19xx, 00–68 → 20xx) → ISO."""
    m = SHORT_US_DATE.match((text or "").strip())
    if not m:
        return plausible_date(text)
    month, day, yy = (int(x) for x in m.groups())
    try:
        return date(yy + (1900 if yy >= 69 else 2000), month, day).isoformat()
    except ValueError:
        raise ValueError(f"{(text or '').strip()!r} is not a date (M/D/YY)") from None


def clean_row(r: Row) -> Row:
    """HTML entities as the aldermen file keeps them ("C&amp;G") and a stray Windows-1252 quote, undone."""
    return {k: html.unescape(v).replace("\x92", "’") if "&" in v or "\x92" in v else v for k, v in r.items()}


def alderman_office(o: Origin, person_id: str, ward: str, until: str = "", since: str = "") -> list[Entity]:
    """The alderman's seat, a post of the City of Chicago (keyed as profiles key a government), held until or since May 2019."""
    city = Entity("PublicBody", make_id("jurisdiction", org_key(CHICAGO)), o).add("name", CHICAGO)
    post = Entity("Position", make_id("position", f"alderman ward {ward}", org_key(CHICAGO)), o)
    post.add("name", f"Alderman, Ward {ward}").add("organization", city.id)
    occ = Entity("Occupancy", make_id("isbe-alderman", ward, person_id, until, since), o).add("holder", person_id).add("post", post.id)
    occ.add("endDate", until).add("startDate", since)
    occ.add("description", f"alderman {'until' if until else 'from'} May 2019, per the ward map")
    return [city, post, occ]


def ward_committee_id(ward: str) -> str:
    return make_id("isbe-committee", "ward", ward)


def ward_of(r: Row, name: str) -> str:
    value = need(r, name)
    if not value.isdigit():
        raise RecordError(f"{name} {value!r} is not a ward number")
    return str(int(value))


# -- rows to entities --------------------------------------------------------------------------------

class Receipts:
    """Turns the rows of one source into entities; counts repeated content keys (a receipt without an id)."""

    def __init__(self, first: FirstSeen) -> None:
        self.first = first
        self.occurrences: Counter[tuple[str, ...]] = Counter()

    def wards(self, o: Origin, r: Row) -> list[Entity]:
        ward, alderman = ward_of(r, "WARD"), display_name(need(r, "ALDERMAN_UNTIL_MAY2019"))
        org = FastEntity("Organization", ward_committee_id(ward), o).add("name", f"Ward {ward} alderman's committee")
        org.add("alias", f"Committee of Alderman {alderman}").add("classification", COMMITTEE)
        org.add("description", f"the committee of {alderman}, alderman of Ward {ward} until May 2019")
        links = candidate_links(o, org.id, alderman, f"the ward map names {alderman} alderman of Ward {ward} until May 2019")
        out = [org, *links, *alderman_office(o, links[0].id, ward, until="2019-05")]
        if successor := display_name(r.get("ALDERMAN_FROM_MAY2019", "")):
            before, after = person_name(alderman), person_name(successor)
            if (before.first, before.last) == (after.first, after.last):   # re-elected: one person
                out += alderman_office(o, links[0].id, ward, since="2019-05")
            else:
                person = Entity("Person", make_id("committee-candidate", norm(successor)), o).add("name", successor)
                out += [person, *alderman_office(o, person.id, ward, since="2019-05")]
        return out

    def raw(self, o: Origin, r: Row) -> list[Entity]:
        cid, cname = r.get("COMMITTEE_ID", ""), r.get("COMMITTEE_NAME", "")
        if not (cid or cname):
            raise RecordError("no committee (COMMITTEE_ID and COMMITTEE_NAME are empty)")
        key = ("isbe-committee", cid) if cid else ("isbe-committee-name", org_key(cname) or norm(cname))
        committee = FastEntity("Organization", make_id(*key), o).add("name", cname).add("registrationNumber", cid)
        committee.add("classification", COMMITTEE)
        links = candidate_links(o, committee.id, candidate, f"the committee's name, {cname!r}, names its candidate") \
            if (candidate := committee_candidate(cname)) else []
        part = r.get("D2_PART", "").upper()
        purpose = f"{D2_PARTS.get(part, 'receipt')} (D-2 part {part})" if part else "receipt"
        vendor = " ".join(x for x in (r.get("VENDOR_FIRST_NAME"), r.get("VENDOR_LAST_NAME")) if x)
        note = " ".join(x for x in (r.get("DESCRIPTION"), f"(vendor: {vendor})" if vendor else "") if x)
        out = self.receipt(o, r, committee, key, r.get("ID", ""), "RECEIVED_DATE", "")
        pay = out[-1].add("purpose", purpose).add("description", note).add("transactionNumber", r.get("ID"))
        if r.get("ARCHIVED", "").lower() == "true":
            pay.add("summary", "archived: ISBE replaced the report that gave this receipt with an amendment")
        return [*links, *out]

    def aldermen(self, o: Origin, r: Row) -> list[Entity]:
        ward = ward_of(r, "COMMITTEE_WARD")
        if norm(r.get("LAST_NAME")).startswith("non itemized"):
            raise RecordError(f"{r['LAST_NAME']!r} ({r.get('AMOUNT')}) is the committee's total of unitemized receipts, "
                              "not a receipt from a donor")
        committee = FastEntity("Organization", ward_committee_id(ward), o).add("name", f"Ward {ward} alderman's committee")
        committee.add("classification", COMMITTEE)
        out = self.receipt(o, r, committee, ("ward", ward), "", "RECEIVED_DATE_ISO", r.get("DONOR_TYPE", ""))
        out[-1].add("purpose", "contribution").add("description", AGGREGATED)
        return out

    def receipt(self, o: Origin, r: Row, committee: Entity, committee_key: tuple[str, ...], receipt_id: str,
                date_column: str, donor_type: str) -> list[Entity]:
        """The donor (and employer), the committee and the payment; the caller adds purpose and description."""
        last, first = r.get("LAST_NAME", "").strip(" ,"), r.get("FIRST_NAME", "").strip(" ,")
        if not (last or first):
            raise RecordError("no donor name (LAST_NAME and FIRST_NAME are empty)")
        amount = column(money, r, "AMOUNT", required=True)
        when = column(receipt_date, r, date_column, required=True)
        zip5 = m.group(0) if (m := ZIP5.match(r.get("ZIPCODE", ""))) else ""
        donor, out = self.donor(o, r, (last, first), donor_type, zip5, when)
        if receipt_id:
            pid = make_id("isbe-receipt", *committee_key, receipt_id)
        else:
            content = (*committee_key, norm(last), norm(first), zip5, when or "", amount or "")
            self.occurrences[content] += 1
            pid = make_id("isbe-receipt", *content, self.occurrences[content])
        pay = FastEntity("Payment", pid, o).add("payer", donor.id).add("beneficiary", committee.id)
        pay.add("amount", amount).add("currency", "USD").add("date", when)
        return [*out, committee, pay]

    def donor(self, o: Origin, r: Row, names: tuple[str, str], donor_type: str, zip5: str, when: str | None) -> tuple[Entity, list[Entity]]:
        """A person (by name and ZIP code, with occupation and employer) or an organisation (by name)."""
        (last, first), kind = names, norm(donor_type)
        address = join_address(r.get("ADDRESS1"), r.get("ADDRESS2"), r.get("CITY"), "", state=r.get("STATE", ""),
                               zip_code=r.get("ZIPCODE", ""))
        if not is_person(last, first, kind, bool(r.get("OCCUPATION") or r.get("EMPLOYER"))):
            name = " ".join(last.split()) or first
            schema = "Organization" if kind == "political group" or is_political(name) else "Company"
            org = FastEntity(schema, make_id("isbe-donor", schema, org_key(name) or norm(name)), o).add("name", name)
            return org, [org.add("address", address)]
        name = display_name(f"{last}, {first}" if first else last)
        key = person_name(" ".join(t for t in name.split() if norm(t) not in POSTNOMINALS)).key or norm(name)
        person = FastEntity("Person", make_id("isbe-donor", "Person", key, zip5), o).add("name", name).add("address", address)
        head, _, tail = last.partition(",")
        person.add("firstName", first).add("lastName", head if first else None)
        person.add("nameSuffix", next((t for t in tail.replace(",", " ").split() if norm(t) in SUFFIXES), None))
        occupation, employer = r.get("OCCUPATION", ""), r.get("EMPLOYER", "")
        occupation = "" if NOT_AN_EMPLOYER.match(norm(occupation)) else occupation
        out: list[Entity] = [person.add("profession", occupation)]
        if employer and not NOT_AN_EMPLOYER.match(norm(employer)):
            firm = FastEntity("Organization", make_id("isbe-employer", org_key(employer) or norm(employer)), o)
            job = FastEntity("Employment", make_id("isbe-employment", person.id, firm.id), o)
            if not self.first.known(job.id):
                job.add("employee", person.id).add("employer", firm.id)
            out += [firm.add("name", employer), job.add("role", occupation).add("date", when)]
        return person, out


# -- the ingester ------------------------------------------------------------------------------------

def layout_of(path: Path) -> str | None:
    if path.suffix.lower() != ".csv":
        return None
    try:
        header = set(read_header(path))
    except OSError:
        return None
    return next((name for name, needed in LAYOUTS if needed <= header), None)


def receipt_files(path: Path) -> list[tuple[Path, str]]:
    """The files we read, with their layout, in reading order (the ward map first)."""
    return files_by_layout(path, layout_of, ORDER)


class IsbeReceipts:
    kind = "isbe-receipts"
    description = "Illinois State Board of Elections itemized receipts (CSV: the raw ISBE layout or the Chicago aldermen flattening)"

    def sniff(self, path: Path) -> bool:
        return path.exists() and any(layout in RECEIPTS for _, layout in receipt_files(path))

    def files(self, path: Path) -> list[Path]:
        return [p for p, _ in receipt_files(path)]

    def records(self, ctx: Context, start: int) -> Iterator[Record]:
        plan = [(f, layout_of(f.path) or "") for f in ctx.files]
        present = {layout for _, layout in plan}
        if "aldermen" in present and "wards" not in present:
            ctx.settings.say(f"{ctx.root}: no ward map beside the aldermen receipts, so their committees are known by ward only")
        first = FirstSeen()
        rows = Receipts(first)
        number = 0
        for f, layout in plan:
            make = getattr(rows, layout)
            for n, row in iter_rows(f.path):
                number += 1
                origin = Origin(ctx.source_sha, f.sha256, str(f.path), f"{f.path.name} row {n}")
                try:
                    record: Record = first.filter(make(origin, clean_row(row)))
                except RecordError as exc:
                    record = Reject(origin, exc.reason)
                if number > start:  # rows before a resume point are rebuilt, not yielded, so FirstSeen knows them
                    yield record

    def summary(self, store: Store, source_sha: str) -> dict[str, int]:
        def distinct(prop: str) -> int:
            sql = "SELECT count(DISTINCT value) FROM statements WHERE source_sha = ? AND schema = 'Payment' AND prop = ?"
            return int(store.query(sql, [source_sha, prop])[0][0])

        amounts = store.query("""SELECT DISTINCT entity_id, value FROM statements
                                 WHERE source_sha = ? AND schema = 'Payment' AND prop = 'amount'""", [source_sha])
        receipts = count_entities(store, source_sha, "Payment")
        total = sum((Decimal(v) for _, v in amounts), Decimal(0))
        return {"receipts": int(receipts), "donors": distinct("payer"), "committees": distinct("beneficiary"),
                "dollars": int(total.to_integral_value())}


ingester(IsbeReceipts())
