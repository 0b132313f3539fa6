"""``fivethirtyeight-endorsements``: FiveThirtyEight's primary candidates with their endorsements, 2018 and 2022.

A folder with ``2018/`` and ``2022/`` ``dem_candidates.csv`` and ``rep_candidates.csv``, or one of
those files. Files are told apart by their header, never by their name: the year by its date column
(``Race Primary Election Date`` in 2018, ``Primary Date`` in 2022), the party by a column only that
party's file has (``Emily Endorsed?`` / ``EMILY's List``, ``Trump Endorsed?`` / ``Trump``). One record a row:

- the candidate, a ``Person`` keyed by name and state (FiveThirtyEight's "(Alabama)" after a name
  tells namesakes apart and is dropped from the name);
- the office, a ``Position`` ("U.S. Representative, Illinois District 1", "U.S. Senator, Illinois",
  "Governor of Illinois"; a Senate special election is the other seat, "… (unexpired term)") keyed
  by office, state and district, so the 2018 and 2022 files meet. It names no ``organization``: a
  candidacy is not an office, and the rules' officials are holders of a post in a public body;
- the candidacy, an ``Occupancy`` (holder, post, status "candidate", electionDate = the primary,
  politicalGroup = the party, description = the outcome and vote share);
- per endorser column whose value is "Yes", an ``UnknownLink`` (subject = endorser, object =
  candidate, role "endorsed", date = the primary, the latest the endorsement can have been made, or
  Trump's own date in 2022; a "Yes (runoff only)" endorsement came after the primary, so it has
  startDate = the primary and no date). "No" means the endorser backed an opponent or opposed the
  candidate, "N/A" or an empty cell that the endorser did not weigh in: neither is an endorsement
  nor a refusal, so neither makes a link.

The columns that are endorsements are the table :data:`ENDORSERS` (column → who). Demographics,
"Obama Alum?", "Self-Funder?", "2020 Election Stance" are not. The party columns name a committee
by office: 2018 "Party Support?" and 2022 "Party Committee" (the DCCC's Red to Blue list or DSCC
backing; NRCC Young Guns, NRSC or RGA backing of an incumbent); 2018 "Rep Party Support?" also
counts spending by the leadership super PACs, so its endorser is that group as FiveThirtyEight
defines it, not one committee. The 2018 Republican file is not all UTF-8 ("Rocky Ch\\xcc\\xc1vez":
UTF-8 read as Windows-1252 and saved as Mac Roman); such a line is repaired.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from interlock.entities import Entity, Origin, make_id
from interlock.errors import RecordError
from interlock.ingest.base import Context, count_entities, files_by_layout, ingester
from interlock.ingest.chicago_lobbyists import FastEntity, FirstSeen, Row
from interlock.names import norm_text
from interlock.records import Record, Reject
from interlock.store import Store

ORDER = ["2018-dem", "2018-rep", "2018", "2022-dem", "2022-rep", "2022"]
DATE_COLUMN = {"2018": "RACE PRIMARY ELECTION DATE", "2022": "PRIMARY DATE"}
PARTY_MARKS = {"dem": {"EMILY ENDORSED?", "EMILY'S LIST"}, "rep": {"TRUMP ENDORSED?", "TRUMP"}}
PARTY = {"dem": "Democratic", "rep": "Republican", "": ""}
SHORT_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
DISAMBIGUATOR = re.compile(r"\s*\(([A-Za-z .]+)\)$")
STATES = dict(line.split(" ", 1) for line in """AL Alabama|AK Alaska|AZ Arizona|AR Arkansas|CA California|CO Colorado
    |CT Connecticut|DE Delaware|DC District of Columbia|FL Florida|GA Georgia|HI Hawaii|ID Idaho|IL Illinois|IN Indiana
    |IA Iowa|KS Kansas|KY Kentucky|LA Louisiana|ME Maine|MD Maryland|MA Massachusetts|MI Michigan|MN Minnesota
    |MS Mississippi|MO Missouri|MT Montana|NE Nebraska|NV Nevada|NH New Hampshire|NJ New Jersey|NM New Mexico
    |NY New York|NC North Carolina|ND North Dakota|OH Ohio|OK Oklahoma|OR Oregon|PA Pennsylvania|RI Rhode Island
    |SC South Carolina|SD South Dakota|TN Tennessee|TX Texas|UT Utah|VT Vermont|VA Virginia|WA Washington
    |WV West Virginia|WI Wisconsin|WY Wyoming""".replace("\n", "").replace("    ", "").split("|"))


@dataclass(frozen=True)
class Endorser:
    name: str
    schema: str  # Person or Organization
    meaning: str = ""  # what "Yes" means, where the README says more than "endorsed"


def _org(name: str, meaning: str = "") -> Endorser:
    return Endorser(name, "Organization", meaning)


def _person(name: str) -> Endorser:
    return Endorser(name, "Person")


ENDORSERS: dict[str, Endorser] = {
    # 2018 Democratic
    "EMILY ENDORSED?": _org("EMILY's List"),
    "GUNS SENSE CANDIDATE?": _org("Moms Demand Action", "the Gun Sense Candidate distinction of Moms Demand Action / Everytown"),
    "BIDEN ENDORSED?": _person("Joe Biden"),
    "WARREN ENDORSED?": _person("Elizabeth Warren"),
    "SANDERS ENDORSED?": _person("Bernie Sanders"),
    "OUR REVOLUTION ENDORSED?": _org("Our Revolution"),
    "JUSTICE DEMS ENDORSED?": _org("Justice Democrats"),
    "PCCC ENDORSED?": _org("Progressive Change Campaign Committee"),
    "INDIVISIBLE ENDORSED?": _org("Indivisible"),
    "WFP ENDORSED?": _org("Working Families Party"),
    "VOTEVETS ENDORSED?": _org("VoteVets"),
    "NO LABELS SUPPORT?": _org("No Labels", "a No Labels-affiliated group spent money in support"),
    # 2018 Republican
    "REP PARTY SUPPORT?": _org("Republican party committees and leadership super PACs",
                               "on the NRCC's Young Guns list, endorsed by the NRSC or RGA, or supported by Senate or "
                               "Congressional Leadership Fund spending"),
    "TRUMP ENDORSED?": _person("Donald Trump"),
    "BANNON ENDORSED?": _person("Steve Bannon"),
    "GREAT AMERICA ENDORSED?": _org("Great America Alliance", "endorsed by the Great America Alliance or supported by Great America PAC"),
    "NRA ENDORSED?": _org("National Rifle Association"),
    "RIGHT TO LIFE ENDORSED?": _org("National Right to Life Committee",
                                    "endorsed by the National Right to Life Committee or a local affiliate"),
    "SUSAN B. ANTHONY ENDORSED?": _org("Susan B. Anthony List"),
    "CLUB FOR GROWTH ENDORSED?": _org("Club for Growth"),
    "KOCH SUPPORT?": _org("Koch political network",
                          "support from the Koch network: Americans for Prosperity, Freedom Partners, KochPAC …"),
    "HOUSE FREEDOM SUPPORT?": _org("House Freedom Fund", "an endorsement, donation or independent expenditure"),
    "TEA PARTY ENDORSED?": _org("Tea Party Express"),
    "MAIN STREET ENDORSED?": _org("Republican Main Street Partnership"),
    "CHAMBER ENDORSED?": _org("Chamber of Commerce (U.S. or state)", "endorsed or supported by the U.S. or a state chamber of commerce"),
    # 2022 Democratic
    "EMILY'S LIST": _org("EMILY's List"),
    "JUSTICE DEMS": _org("Justice Democrats"),
    "INDIVISIBLE": _org("Indivisible"),
    "PCCC": _org("Progressive Change Campaign Committee"),
    "OUR REVOLUTION": _org("Our Revolution"),
    "SUNRISE": _org("Sunrise Movement"),
    "SANDERS": _person("Bernie Sanders"),
    "AOC": _person("Alexandria Ocasio-Cortez"),
    # 2022 Republican
    "TRUMP": _person("Donald Trump"),
    "CLUB FOR GROWTH": _org("Club for Growth"),
    "RENEW AMERICA": _org("Renew America Movement", "listed as a “Renewer”"),
    "E-PAC": _org("E-PAC"),
    "VIEW PAC": _org("VIEW PAC"),
    "MAGGIE'S LIST": _org("Maggie's List"),
    "WINNING FOR WOMEN": _org("Winning for Women"),
}
COMMITTEES = {  # "Party Support?" (2018 Democratic) and "Party Committee" (2022): the party's committee for the office
    ("dem", "Representative"): _org("Democratic Congressional Campaign Committee", "on the DCCC's Red to Blue list or backed by its ads"),
    ("dem", "Senator"): _org("Democratic Senatorial Campaign Committee", "endorsed by the DSCC or backed by its ads"),
    ("dem", "Governor"): _org("Democratic Governors Association", "an incumbent the DGA supports"),
    ("rep", "Representative"): _org("National Republican Congressional Committee", "in the top tier of the NRCC's Young Guns"),
    ("rep", "Senator"): _org("National Republican Senatorial Committee", "an incumbent the NRSC supports"),
    ("rep", "Governor"): _org("Republican Governors Association", "an incumbent the RGA supports"),
}
PARTY_COLUMNS = ("PARTY SUPPORT?", "PARTY COMMITTEE")


# -- pure helpers ----------------------------------------------------------------------------------

def short_date(text: str | None) -> str:
    """ "6/28/22" or "6/28/2022" → "2022-06-28"; ValueError otherwise."""
    m = SHORT_DATE.match((text or "").strip())
    if not m:
        raise ValueError(f"{(text or '').strip()!r} is not a date (M/D/YY)")
    month, day, year = (int(x) for x in m.groups())
    try:
        return date(year + 2000 if year < 100 else year, month, day).isoformat()
    except ValueError:
        raise ValueError(f"{text!r} is not a date (M/D/YY)") from None


def state_name(text: str) -> str:
    return STATES.get(text.strip().upper(), text.strip())


def candidate_name(text: str) -> str:
    """ "Anthony White (Alabama)" → "Anthony White" (a state after the name only tells namesakes apart)."""
    m = DISAMBIGUATOR.search(text)
    return text[:m.start()].strip() if m and m.group(1).strip() in STATES.values() else " ".join(text.split())


def office_of(era: str, r: Row) -> tuple[str, str, str]:
    """(kind, state, seat) of the office a row's candidate ran for: ("Representative", "Illinois", "1")."""
    state = state_name(r.get("STATE", ""))
    if not state:
        raise RecordError("STATE is empty")
    kind = r.get("OFFICE TYPE" if era == "2018" else "OFFICE", "")
    seat = ""
    if kind.startswith("Senator") and ("unexpired" in kind or r.get("RACE TYPE", "").strip().lower() == "special"):
        seat = "unexpired term"
    kind = kind.split(" (")[0]
    if kind == "Representative":
        district = r.get("DISTRICT", "")
        m = re.search(r"(?:District\s+)?(\d+)$", district)
        seat = str(int(m.group(1))) if m else "at-large" if "at-large" in district.lower() else ""
        if not seat:
            raise RecordError(f"DISTRICT {district!r} names no congressional district")
    elif kind not in ("Senator", "Governor"):
        raise RecordError(f"{'OFFICE TYPE' if era == '2018' else 'OFFICE'} {kind!r} is not Representative, Senator or Governor")
    return kind, state, seat


def office_name(kind: str, state: str, seat: str) -> str:
    if kind == "Representative":
        return f"U.S. Representative, {state} " + ("at-large" if seat == "at-large" else f"District {seat}")
    if kind == "Senator":
        return f"U.S. Senator, {state}" + (f" ({seat})" if seat else "")
    return f"Governor of {state}"


def percent(text: str | None) -> str:
    """ "19%" → "19%"; "3.4200001" → "3.42%"; empty or N/A → ""."""
    raw = (text or "").strip().rstrip("%")
    try:
        return f"{round(float(raw), 2):g}%"
    except ValueError:
        return ""


def outcome(era: str, party: str, r: Row, when: str) -> str:
    """ "2022 Democratic primary on 2022-06-28: lost, 19% (14,594 votes)"."""
    special = " (special election)" if r.get("RACE TYPE", "").strip().lower() == "special" else ""
    head = f"{when[:4]} {PARTY[party] + ' ' if party else ''}primary{special} on {when}"
    if era == "2018":
        result, share, runoff = r.get("PRIMARY STATUS", ""), percent(r.get("PRIMARY %")), r.get("PRIMARY RUNOFF STATUS", "")
        votes, runoff_share = "", ""
    else:
        result, share, runoff = r.get("PRIMARY OUTCOME", ""), percent(r.get("PRIMARY %")), r.get("RUNOFF OUTCOME", "")
        votes, runoff_share = r.get("PRIMARY VOTES", ""), percent(r.get("RUNOFF %"))
    text = f"{head}: {result.lower() or 'outcome not given'}"
    text += f", {share}" if share else ""
    text += f" ({votes} votes)" if votes and votes not in ("N/A", "1") else ""
    if runoff and runoff not in ("None", "N/A"):
        text += f"; runoff: {runoff.lower()}" + (f", {runoff_share}" if runoff_share else "")
    if r.get("INCUMBENT", "").lower() == "yes":
        text += "; the incumbent"
    return text


def trump_date(r: Row) -> str:
    """The day Trump endorsed (2022 Republican file) when given, else the primary's."""
    try:
        return short_date(r.get("TRUMP DATE"))
    except ValueError:
        return short_date(r.get("PRIMARY DATE"))


def endorser_of(column: str, party: str, kind: str) -> Endorser | None:
    if column in PARTY_COLUMNS:
        return COMMITTEES.get((party, kind))
    return ENDORSERS.get(column)


def endorser_id(who: Endorser) -> str:
    return make_id("538-endorser", who.schema, norm_text(who.name))


# -- rows to entities ------------------------------------------------------------------------------

def candidacy(layout: str, o: Origin, r: Row, headers: dict[str, str] | None = None) -> list[Entity]:
    """The candidate, the office, the candidacy and its endorsements, from one row (``headers``: the
    columns as the file spells them, by upper-case name)."""
    era, _, party = layout.partition("-")
    headers = headers or {}
    table = f"FiveThirtyEight's {era} {PARTY[party] + ' ' if party else ''}primary candidates"
    name = candidate_name(r.get("CANDIDATE", ""))
    if not name:
        raise RecordError("no candidate name (Candidate is empty)")
    try:
        when = short_date(r.get(DATE_COLUMN[era]))
    except ValueError as exc:
        raise RecordError(f"{DATE_COLUMN[era].title()}: {exc}") from None
    kind, state, seat = office_of(era, r)
    person = FastEntity("Person", make_id("538-candidate", norm_text(name), state), o).add("name", name)
    post = FastEntity("Position", make_id("us-office", kind, state, seat), o).add("name", office_name(kind, state, seat))
    post.add("subnationalArea", state).add("country", "us")
    special = r.get("RACE TYPE", "").strip().lower() == "special"
    occ = FastEntity("Occupancy", make_id("538-candidacy", person.id, post.id, when, party, special), o)
    occ.add("holder", person.id).add("post", post.id).add("status", "candidate").add("electionDate", when)
    occ.add("politicalGroup", PARTY[party] and f"{PARTY[party]} Party").add("description", outcome(era, party, r, when))
    out: list[Entity] = [person.add("country", "us"), post, occ]
    for column, value in r.items():
        answer = value.strip().lower()
        who = endorser_of(column, party, kind) if answer in ("yes", "yes (runoff only)") else None
        if who is None:
            continue
        endorser = FastEntity(who.schema, endorser_id(who), o).add("name", who.name)
        link = FastEntity("UnknownLink", make_id("538-endorsement", endorser.id, occ.id), o)
        link.add("subject", endorser.id).add("object", person.id).add("role", "endorsed")
        said = f"{table}, column “{headers.get(column, column)}”: “{value.strip()}”"
        meaning = f" — {who.meaning}" if who.meaning else ""
        if answer == "yes (runoff only)":
            link.add("startDate", when)
            link.add("description", f"{who.name} endorsed {name} after the {when} primary, before the runoff{meaning}; {said}")
        else:
            link.add("date", trump_date(r) if column == "TRUMP" else when)
            link.add("description", f"{who.name} endorsed {name} before the {when} primary{meaning}; {said}")
        out += [endorser, link]
    return out


# -- reading the files -----------------------------------------------------------------------------

def decode(data: bytes) -> str:
    """UTF-8; a line that is not is repaired from Mac Roman over Windows-1252 mojibake, or read as Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    lines = []
    for line in data.splitlines(keepends=True):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            try:
                lines.append(line.decode("mac_roman").encode("cp1252").decode("utf-8"))
            except UnicodeError:
                lines.append(line.decode("cp1252", errors="replace"))
    return "".join(lines).lstrip("\ufeff")


def iter_rows(path: Path) -> Iterator[tuple[int, Row]]:
    """(1-based data row, row by upper-case column name); blank lines are not rows."""
    reader = csv.reader(io.StringIO(decode(path.read_bytes()), newline=""))
    header = [h.strip().upper() for h in next(reader, [])]
    n = 0
    for values in reader:
        if any(v.strip() for v in values):
            n += 1
            yield n, dict(zip(header, [v.strip() for v in values], strict=False))


def header_names(path: Path) -> dict[str, str]:
    """Upper-case column name → the column as the file spells it ("EMILY'S LIST" → "EMILY's List")."""
    with path.open("rb") as fh:
        first = fh.readline()
    return {h.strip().upper(): h.strip() for h in next(csv.reader([decode(first)]), [])}


def read_header(path: Path) -> set[str]:
    return set(header_names(path))


def layout_of(path: Path) -> str | None:
    """ "2022-dem", "2018-rep" …, or "2022" for a file of that year whose party its header does not tell."""
    if path.suffix.lower() != ".csv":
        return None
    try:
        header = read_header(path)
    except OSError:
        return None
    if not {"CANDIDATE", "STATE"} <= header:
        return None
    era = next((era for era, column in DATE_COLUMN.items() if column in header), None)
    if era is None or not ({"OFFICE TYPE", "DISTRICT"} if era == "2018" else {"OFFICE"}) <= header:
        return None
    party = next((p for p, marks in PARTY_MARKS.items() if marks & header), "")
    return f"{era}-{party}" if party else era


class FiveThirtyEightEndorsements:
    kind = "fivethirtyeight-endorsements"
    description = "FiveThirtyEight primary candidates with their endorsements, 2018 and 2022 (CSV)"

    def sniff(self, path: Path) -> bool:
        return path.exists() and bool(self.files(path))

    def files(self, path: Path) -> list[Path]:
        return [p for p, _ in files_by_layout(path, layout_of, ORDER)]

    def records(self, ctx: Context, start: int) -> Iterator[Record]:
        first = FirstSeen()
        number = 0
        for f in ctx.files:
            layout, headers = layout_of(f.path) or "", header_names(f.path)
            shown = f.path.relative_to(ctx.root).as_posix() if f.path != ctx.root and ctx.root.is_dir() else f.path.name
            for n, row in iter_rows(f.path):
                number += 1
                label = f"{shown} row {n}"
                origin = Origin(ctx.source_sha, f.sha256, str(f.path), label)
                try:
                    record: Record = first.filter(candidacy(layout, origin, row, headers))
                except RecordError as exc:
                    record = Reject(origin, exc.reason)
                if number > start:  # rows before a resume point are rebuilt, not yielded, so FirstSeen knows them
                    yield record

    def summary(self, store: Store, source_sha: str) -> dict[str, int]:
        def distinct(schema: str, prop: str) -> int:
            sql = "SELECT count(DISTINCT value) FROM statements WHERE source_sha = ? AND schema = ? AND prop = ?"
            return int(store.query(sql, [source_sha, schema, prop])[0][0])

        return {"candidates": distinct("Occupancy", "holder"), "offices": count_entities(store, source_sha, "Position"),
                "candidacies": count_entities(store, source_sha, "Occupancy"),
                "endorsers": distinct("UnknownLink", "subject"), "endorsements": count_entities(store, source_sha, "UnknownLink")}


ingester(FiveThirtyEightEndorsements())
