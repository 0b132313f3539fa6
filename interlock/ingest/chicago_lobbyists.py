"""``chicago-lobbyists``: a folder of Chicago Board of Ethics lobbyist exports (City of Chicago Data Portal CSVs).

Files are told apart by their header, not their name, which changes between exports
(``Lobbyist_Data_-_Lobbyists_20250121.csv``, ``Lobbyists.csv``). Read in this order, one record a row:

==============  =======================================================================
lobbyists       a ``Person`` per LOBBYIST_ID, the employer, an ``Employment`` per year
employers       the firm: name, address, phone
clients         the client: name, address
industries      (2019 "clients by industry") the client's sector
combinations    a ``Representation`` per lobbyist and client, one ``date`` per year
compensation    a ``Payment`` per row: client to lobbyist, for a reporting period
contributions   a ``Payment`` per row: lobbyist to the recipient of a political contribution
==============  =======================================================================

An export may hold only some of these (the 2021 snapshot has Contributions alone): what is there is
read, and what is missing is said.

Identity inside the source, as docs/model.md sets it out:

- Organisations are keyed by :func:`~interlock.names.org_key` of their name, because the export's
  ID columns disagree between files (Monterrey is CLIENT_ID 3744399402 in Clients and 24021 in
  Combinations of the 2025 export).
- Lobbyists are keyed by LOBBYIST_ID *within the source*: the portal re-keyed its data, and 1,226
  LOBBYIST_IDs of the 2025 export belong to other people in the 2019 export. ``resolve`` merges
  the same person across exports (and across the 2019 export's per-filing IDs).
- COMPENSATION_ID is not unique (it repeats across lobbyists and clients reporting the same
  period and amount); a payment is keyed by it with the lobbyist, client and filing date.
  A contribution is keyed the same way (CONTRIBUTION_ID, lobbyist, filing date); its recipient is
  kept as the row names it: a ``Person`` ("RODERICK SAWYER", "Ald. Pat Dowell, 3rd Ward") or an
  ``Organization`` ("Friends of Anna Valencia", keyed like any organisation here). A filing that
  reports no contribution (AMOUNT 0.00, RECIPIENT "N/A") is rejected, as is a date such as 10/24/0020.

An organisation is classified "lobbyist employer" and/or "lobbying client", which is what the
summary counts. The export repeats a lobbyist's details on every year's row: each value is stated
once, by the first row that gives it (:class:`FirstSeen`), which keeps the store (and the ingest)
small; values that differ by row, such as a representation's years, keep a row each.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

from interlock.entities import Entity, Origin, make_id
from interlock.errors import RecordError
from interlock.ingest.base import Context, files_by_layout, ingester
from interlock.ingest.committees import CANDIDATE, candidate_links, committee_candidate
from interlock.names import norm_text, org_key
from interlock.records import Output, Record, Reject
from interlock.store import Store

LAYOUTS: tuple[tuple[str, frozenset[str]], ...] = (
    ("lobbyists", frozenset({"LOBBYIST_ID", "FIRST_NAME", "LAST_NAME", "EMPLOYER_NAME"})),
    ("employers", frozenset({"EMPLOYER_ID", "NAME"})),
    ("clients", frozenset({"CLIENT_ID", "NAME"})),
    ("industries", frozenset({"CLIENT INDUSTRY", "CLIENT NAME"})),
    ("combinations", frozenset({"LOBBYIST_ID", "EMPLOYER_NAME", "CLIENT_NAME", "YEAR"})),
    ("compensation", frozenset({"COMPENSATION_ID", "COMPENSATION_AMOUNT", "LOBBYIST_ID", "CLIENT_NAME"})),
    ("contributions", frozenset({"CONTRIBUTION_ID", "RECIPIENT", "AMOUNT", "LOBBYIST_ID"})),
)
ORDER = [name for name, _ in LAYOUTS]
EMPLOYER, CLIENT, RECIPIENT = "lobbyist employer", "lobbying client", "political contribution recipient"
COMPENSATION, CONTRIBUTION = "lobbying compensation", "political contribution"
NOWHERE = Origin("", "", "", "")
US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:\s.*)?$")
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T\s].*)?$")
YEAR = re.compile(r"^\d{4}$")
NO_ONE = frozenset({"", "n a", "na", "n", "none", "no one", "dna", "0"})

Row = dict[str, str]


# -- pure helpers (the contracts ingester uses them too) --------------------------------------------

def us_date(text: str | None) -> str | None:
    """MM/DD/YYYY (a time may follow) or ISO → ISO date; None when empty; ValueError when not a date."""
    text = (text or "").strip()
    if not text:
        return None
    m = US_DATE.match(text)
    if m:
        month, day, year = (int(x) for x in m.groups())
    elif m := ISO_DATE.match(text):
        year, month, day = (int(x) for x in m.groups())
    else:
        raise ValueError(f"{text!r} is not a date (MM/DD/YYYY)")
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        raise ValueError(f"{text!r} is not a date (MM/DD/YYYY)") from None


def plausible_date(text: str | None) -> str | None:
    """:func:`us_date`, refusing years a filing cannot mean (10/24/0020 is a typo, not year 20)."""
    value = us_date(text)
    if value and not "1900" <= value[:4] <= "2100":
        raise ValueError(f"{(text or '').strip()!r} is not a plausible date")
    return value


def money(text: str | None) -> str | None:
    """"$1,234.50", "(500.00)", "-$5" → a plain decimal string; None when empty; ValueError otherwise."""
    raw = (text or "").strip()
    if not raw:
        return None
    clean = raw.replace("$", "").replace(",", "").replace(" ", "")
    negative = clean.startswith("(") and clean.endswith(")")
    clean = clean.strip("()")
    try:
        value = Decimal(clean)
    except InvalidOperation:
        raise ValueError(f"{raw!r} is not an amount") from None
    if not value.is_finite():
        raise ValueError(f"{raw!r} is not an amount")
    return str(-value if negative else value)


def us_phone(text: str | None) -> str | None:
    """A North American number in E.164 (FtM drops numbers without a country code); None otherwise."""
    raw = re.split(r"(?i)\s*(?:x|ext\.?)\s*\d+$", (text or "").strip())[0]
    digits = re.sub(r"\D", "", raw)
    if len(digits) == 10:
        return "+1" + digits
    if len(digits) == 11 and digits.startswith("1"):
        return "+" + digits
    return raw if raw.startswith("+") else None


def join_address(*parts: str | None, state: str = "", zip_code: str = "") -> str:
    """"1510 W. GRAND AVE., UNIT 3E, CHICAGO, IL 60642, United States" from the export's columns."""
    region = " ".join(p for p in (state.strip(), zip_code.strip()) if p)
    items = [p.strip() for p in parts[:-1] if p and p.strip()]
    if region:
        items.append(region)
    if parts and parts[-1] and parts[-1].strip():
        items.append(parts[-1].strip())
    return ", ".join(items)


def person_full_name(*parts: str) -> str:
    return " ".join(p.strip() for p in parts if p and p.strip())


@lru_cache(maxsize=1 << 16)
def org_id_key(name: str) -> tuple[str, str]:
    """The key of an organisation named in a registry or contracts file (shared by both kinds)."""
    return ("chicago-org", org_key(name) or norm_text(name) or name.strip())


class FastEntity(Entity):
    """An :class:`Entity` whose values are cleaned once per distinct value (registry rows repeat them)."""

    def add(self, prop: str, value: Any) -> Entity:
        if value is None or value == "":
            return self
        cleaned = clean_value(self.schema, prop, value if isinstance(value, str) else str(value))
        if cleaned:
            self.values.append((prop, cleaned))
        return self


@lru_cache(maxsize=1 << 17)
def clean_value(schema: str, prop: str, value: str) -> str | None:
    """What :meth:`Entity.add` keeps of a value (same cleaning, same errors), remembered."""
    probe = Entity(schema, "", NOWHERE).add(prop, value)
    return probe.values[0][1] if probe.values else None


def fast_entity(schema: str, origin: Origin, *key: Any) -> Entity:
    """Like :func:`~interlock.entities.entity`, for a schema known to exist, with cached cleaning."""
    return FastEntity(schema, make_id(*key), origin)


@lru_cache(maxsize=1 << 16)
def org_id(name: str) -> str:
    return make_id(*org_id_key(name))


@lru_cache(maxsize=1 << 16)
def person_id(source_sha: str, lobbyist_id: str) -> str:
    return make_id("chicago-lobbyist", source_sha, lobbyist_id)


class FirstSeen:
    """Keeps each (entity, property, value) once per source: the first row that states it.

    A lobbyist's e-mail is on each year's row; one statement (from the first row) says it. Values
    that differ per row (a representation's year) each keep their own row. A fragment left with no
    new value is dropped.
    """

    def __init__(self) -> None:
        self.seen: dict[str, set[tuple[str, str]]] = {}

    def known(self, entity_id: str) -> bool:
        return entity_id in self.seen

    def states(self, schema: str, entity_id: str, prop: str, value: str) -> bool:
        """True when an earlier row already gave this entity this value (after cleaning)."""
        return (prop, clean_value(schema, prop, value)) in self.seen.get(entity_id, ())

    def filter(self, entities: list[Entity]) -> list[Output]:
        out: list[Output] = []
        for ent in entities:
            known = self.seen.get(ent.id)
            if known is None:
                known = self.seen[ent.id] = set()
                fresh = ent.values
            else:
                fresh = [v for v in ent.values if v not in known]
                if not fresh:
                    continue
            known.update(fresh)
            ent.values = list(dict.fromkeys(fresh))
            out.append(ent)
        return out


# -- reading the files -------------------------------------------------------------------------------

def read_header(path: Path) -> list[str]:
    with path.open(newline="", encoding="utf-8-sig", errors="replace") as fh:
        first = next(csv.reader(fh), [])
    return [h.strip().lstrip("\ufeff").upper() for h in first]


def layout_of(path: Path) -> str | None:
    if path.suffix.lower() != ".csv":
        return None
    try:
        header = set(read_header(path))
    except OSError:
        return None
    for name, needed in LAYOUTS:
        if needed <= header:
            return name
    return None


def iter_rows(path: Path, delimiter: str = ",") -> Iterator[tuple[int, Row]]:
    """(1-based data row, row by upper-case column name); blank lines are not rows."""
    with path.open(newline="", encoding="utf-8-sig", errors="replace") as fh:
        reader = csv.reader(fh, delimiter=delimiter)
        header = [h.strip().lstrip("\ufeff").upper() for h in next(reader, [])]
        n = 0
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            n += 1
            yield n, dict(zip(header, [v.strip() for v in values], strict=False))


def registration_dates(paths: list[Path]) -> dict[tuple[str, str], str]:
    """(LOBBYIST_ID, YEAR) → the earliest CREATED_DATE of that year's filings, ISO."""
    out: dict[tuple[str, str], str] = {}
    for path in paths:
        for _, row in iter_rows(path):
            try:
                created = us_date(row.get("CREATED_DATE"))
            except ValueError:
                continue
            key = (row.get("LOBBYIST_ID", ""), row.get("YEAR", ""))
            if created and key[0] and (key not in out or created < out[key]):
                out[key] = created
    return out


# -- rows to entities --------------------------------------------------------------------------------

class Rows:
    """Turns the rows of one source into entities; knows the source, the registration dates and what
    earlier rows already said (so a row that only names a known client builds nothing for it)."""

    def __init__(self, ctx: Context, created: dict[tuple[str, str], str], first: FirstSeen) -> None:
        self.sha = ctx.source_sha
        self.created = created
        self.first = first

    def named(self, o: Origin, schema: str, eid: str, name: str, role: str | None = None) -> list[Entity]:
        """A fragment naming an entity the row points at, when it says something not said before."""
        if self.first.states(schema, eid, "name", name) and (role is None or self.first.states(schema, eid, "classification", role)):
            return []
        return [FastEntity(schema, eid, o).add("name", name).add("classification", role)]

    def lobbyists(self, o: Origin, r: Row) -> list[Entity]:
        lid, year = need(r, "LOBBYIST_ID"), year_of(r, "YEAR")
        if not (r.get("FIRST_NAME") or r.get("LAST_NAME")):
            raise RecordError("no lobbyist name (FIRST_NAME and LAST_NAME are empty)")
        name = person_full_name(r.get("FIRST_NAME", ""), r.get("MIDDLE_INITIAL", ""), r.get("LAST_NAME", ""), r.get("SUFFIX", ""))
        person = FastEntity("Person", person_id(self.sha, lid), o).add("name", name).add("firstName", r.get("FIRST_NAME"))
        person.add("middleName", r.get("MIDDLE_INITIAL")).add("lastName", r.get("LAST_NAME")).add("nameSuffix", r.get("SUFFIX"))
        person.add("title", r.get("SALUTATION")).add("email", r.get("EMAIL")).add("phone", us_phone(r.get("PHONE")))
        person.add("address", join_address(r.get("ADDRESS_1"), r.get("ADDRESS_2"), r.get("CITY"), r.get("COUNTRY"),
                                           state=r.get("STATE", ""), zip_code=r.get("ZIP", "")))
        out = [person]
        if firm := r.get("EMPLOYER_NAME"):
            employer = org_id(firm)
            job = FastEntity("Employment", make_id("chicago-employment", self.sha, lid, employer), o)
            if not self.first.known(job.id):
                job.add("employee", person.id).add("employer", employer).add("role", "lobbyist")
            out += [*self.named(o, "Organization", employer, firm, EMPLOYER), job.add("date", year)]
        return out

    def organisations(self, o: Origin, r: Row, role: str) -> list[Entity]:
        name = need(r, "NAME")
        org = FastEntity("Organization", org_id(name), o).add("name", name).add("classification", role)
        org.add("address", join_address(r.get("ADDRESS_1"), r.get("ADDRESS_2"), r.get("CITY"), r.get("COUNTRY"),
                                        state=r.get("STATE", ""), zip_code=r.get("ZIP", "")))
        return [org.add("phone", us_phone(r.get("PHONE")))]

    def employers(self, o: Origin, r: Row) -> list[Entity]:
        return self.organisations(o, r, EMPLOYER)

    def clients(self, o: Origin, r: Row) -> list[Entity]:
        return self.organisations(o, r, CLIENT)

    def industries(self, o: Origin, r: Row) -> list[Entity]:
        name = need(r, "CLIENT NAME")
        org = FastEntity("Organization", org_id(name), o).add("name", name).add("classification", CLIENT)
        return [org.add("sector", r.get("CLIENT OTHER INDUSTRY") or r.get("CLIENT INDUSTRY"))]

    def combinations(self, o: Origin, r: Row) -> list[Entity]:
        lid, year, client_name = need(r, "LOBBYIST_ID"), year_of(r, "YEAR", required=True), need(r, "CLIENT_NAME")
        agent, client = person_id(self.sha, lid), org_id(client_name)
        name = person_full_name(r.get("LOBBYIST_FIRST_NAME", ""), r.get("LOBBYIST_MIDDLE_INITIAL", ""),
                                r.get("LOBBYIST_LAST_NAME", ""), r.get("LOBBYIST_SUFFIX", ""))
        rep = FastEntity("Representation", make_id("chicago-representation", self.sha, lid, org_id_key(client_name)[1]), o)
        if not self.first.known(rep.id):
            rep.add("agent", agent).add("client", client).add("role", "lobbyist")
        rep.add("date", year).add("startDate", self.created.get((lid, year or "")))
        rep.add("summary", f"via {r['EMPLOYER_NAME']}" if r.get("EMPLOYER_NAME") else None)
        return [*self.named(o, "Person", agent, name), *self.named(o, "Organization", client, client_name, CLIENT), rep]

    def compensation(self, o: Origin, r: Row) -> list[Entity]:
        lid, client_name = need(r, "LOBBYIST_ID"), need(r, "CLIENT_NAME")
        amount = column(money, r, "COMPENSATION_AMOUNT", required=True)
        start, end = column(us_date, r, "PERIOD_START", required=True), column(us_date, r, "PERIOD_END")
        agent, client = person_id(self.sha, lid), org_id(client_name)
        name = person_full_name(r.get("LOBBYIST_FIRST_NAME", ""), r.get("LOBBYIST_MIDDLE_INITIAL", ""), r.get("LOBBYIST_LAST_NAME", ""))
        pay = FastEntity("Payment", make_id("chicago-payment", r.get("COMPENSATION_ID"), lid, r.get("CLIENT_ID"), r.get("CREATED_DATE")), o)
        pay.add("payer", client).add("beneficiary", agent).add("amount", amount).add("currency", "USD")
        pay.add("startDate", start).add("endDate", end).add("purpose", COMPENSATION)
        return [*self.named(o, "Person", agent, name), *self.named(o, "Organization", client, client_name, CLIENT), pay]

    def contributions(self, o: Origin, r: Row) -> list[Entity]:
        from interlock.ingest.isbe_receipts import names_a_person  # here, not at the top: that module imports this one

        lid, recipient = need(r, "LOBBYIST_ID"), need(r, "RECIPIENT")
        amount = column(money, r, "AMOUNT", required=True) or "0"
        if not Decimal(amount) or norm_text(recipient) in NO_ONE:
            raise RecordError(f"no contribution: RECIPIENT {recipient!r}, AMOUNT {r['AMOUNT']!r}")
        when = column(plausible_date, r, "CONTRIBUTION_DATE", required=True)
        agent = person_id(self.sha, lid)
        name = person_full_name(r.get("LOBBYIST_FIRST_NAME", ""), r.get("LOBBYIST_LAST_NAME", ""))
        schema = "Person" if names_a_person(recipient) else "Organization"
        to = make_id("chicago-recipient", norm_text(recipient)) if schema == "Person" else org_id(recipient)
        pay = FastEntity("Payment", make_id("chicago-contribution", r.get("CONTRIBUTION_ID"), lid, r.get("CREATED_DATE")), o)
        pay.add("payer", agent).add("beneficiary", to).add("amount", amount).add("currency", "USD").add("date", when)
        period = "–".join(p for p in (r.get("PERIOD_START"), r.get("PERIOD_END")) if p)
        pay.add("purpose", CONTRIBUTION).add("description", f"reported for {period}, filed {r.get('CREATED_DATE') or '?'}")
        out = [*self.named(o, "Person", agent, name), *self.named(o, schema, to, recipient, RECIPIENT), pay]
        if schema == "Organization" and (candidate := committee_candidate(recipient)):
            out += candidate_links(o, to, candidate, f"the committee's name, {recipient!r}, names its candidate")
        return out


def need(r: Row, name: str) -> str:
    value = r.get(name, "")
    if not value:
        raise RecordError(f"{name} is empty")
    return value


def year_of(r: Row, name: str, required: bool = False) -> str | None:
    value = r.get(name, "")
    if not value and not required:
        return None
    if not YEAR.match(value):
        raise RecordError(f"{name} {value!r} is not a year")
    return value


def column(parse: Callable[[str | None], str | None], r: Row, name: str, required: bool = False) -> str | None:
    """A column through a parser (:func:`us_date`, :func:`money`); a bad or missing required value rejects the row."""
    try:
        value = parse(r.get(name))
    except ValueError as exc:
        raise RecordError(f"{name}: {exc}") from None
    if value is None and required:
        raise RecordError(f"{name} is empty")
    return value


# -- the ingester ------------------------------------------------------------------------------------

def registry_files(path: Path) -> list[tuple[Path, str]]:
    """The export's files we read, with their layout, in reading order."""
    return files_by_layout(path, layout_of, ORDER)


class ChicagoLobbyists:
    kind = "chicago-lobbyists"
    description = "a folder of Chicago Board of Ethics lobbyist CSV exports (Lobbyists, Employers, Clients, Combinations, Compensation)"

    def sniff(self, path: Path) -> bool:
        if not path.exists():
            return False
        return any(layout in ("lobbyists", "combinations", "compensation", "contributions") for _, layout in registry_files(path))

    def files(self, path: Path) -> list[Path]:
        return [p for p, _ in registry_files(path)]

    def records(self, ctx: Context, start: int) -> Iterator[Record]:
        plan = [(f, layout_of(f.path) or "") for f in ctx.files]
        present = {layout for _, layout in plan}
        for layout, what in (("lobbyists", "lobbyist details (e-mail, address, employer) beyond the names other files give"),
                             ("combinations", "representations"), ("compensation", "payments")):
            if layout not in present:
                ctx.settings.say(f"{ctx.root}: no {layout} file in this export, so no {what}")
        first = FirstSeen()
        rows = Rows(ctx, registration_dates([f.path for f, layout in plan if layout == "lobbyists"]), first)
        number = 0
        for f, layout in plan:
            make = getattr(rows, layout)
            for n, row in iter_rows(f.path):
                number += 1
                origin = Origin(ctx.source_sha, f.sha256, str(f.path), f"{f.path.name} row {n}")
                try:
                    record: Record = first.filter(make(origin, row))
                except RecordError as exc:
                    record = Reject(origin, exc.reason)
                if number > start:  # rows before a resume point are rebuilt, not yielded, so FirstSeen knows them
                    yield record

    def summary(self, store: Store, source_sha: str) -> dict[str, int]:
        def count(where: str, params: list[str]) -> int:
            sql = f"SELECT count(DISTINCT entity_id) FROM statements WHERE source_sha = ? AND {where}"
            return int(store.query(sql, [source_sha, *params])[0][0])

        org = "schema = 'Organization' AND prop = 'classification' AND value = ?"
        payments = "schema = 'Payment' AND prop = 'purpose' AND value = ?"
        recipient = ("entity_id IN (SELECT entity_id FROM statements WHERE source_sha = ? AND prop = 'classification' "
                     "AND value IN (?, ?))")
        counts = {
            "lobbyists": count(f"schema = 'Person' AND NOT {recipient}", [source_sha, RECIPIENT, CANDIDATE]),
            "employers": count(org, [EMPLOYER]),
            "clients": count(org, [CLIENT]),
            "representations": count("schema = 'Representation'", []),
            "payments": count(payments, [COMPENSATION]),
        }
        if contributions := count(payments, [CONTRIBUTION]):  # only exports with a Contributions file
            counts["contributions"] = contributions
        return counts

    def notes(self, store: Store, source_sha: str) -> list[str]:
        """What the counts alone do not say: an export without Combinations or Compensation files."""
        counts = self.summary(store, source_sha)
        out = []
        if not counts["representations"]:
            out.append("no representations: this export has no Lobbyist/Employer/Client Combinations file")
        if not counts["payments"]:
            out.append("no payments: this export has no Compensation file")
        return out


ingester(ChicagoLobbyists())
