"""Labelled sets for entity resolution, the cases they are scored on, and the nodes of a case.

Two sets (see ``bench/labels/README.md`` for how the Chicago labels were made and checked):

``clinton-aliases``
    Kaggle's alias table of the State Department's Clinton release (``kaggle_Aliases.csv``: alias →
    PersonId). The case is the whole release (27,159 printed e-mails) ingested as ``foia-text``.
    Each alias is mapped to the case's correspondent nodes (``addr:<address>``):

    - an alias with an ``@`` is an address: it maps to every ``addr:`` node whose address lower-cases
      to it (Kaggle's aliases are lower case; the participants table keeps the case as printed, so
      ``addr:MillsCD@state.gov`` and ``addr:millscd@state.gov`` are two nodes, and the alias maps to both);
    - any other alias is a display name: it maps to every ``addr:`` node whose participant rows show
      a name that normalises to the alias (:func:`kaggle_norm`, the normalisation Kaggle applied when
      it built the table: lower case, ``' , ° • ` " ‘ ’ -`` dropped, spaces squeezed). A participant
      with a name but no address (most of the release: "From: H") is not a node, so it is not used;
    - an alias that maps to no node is *not found*: it is counted and reported, and every pair it is in
      is left out. Kaggle's aliases come from its own parse of the PDFs, so some spellings never
      appear in ours;
    - one node may carry several aliases (``H`` and ``hrod17@clintonemail.com`` are both on
      ``addr:hrod17@clintonemail.com``); such pairs are predicted "same" by the ingest alone, and the
      bench says how many of the scored pairs are of that kind.

    Gold: two found aliases are the same person iff Kaggle gives them the same PersonId, corrected
    where Kaggle's tables are plainly wrong (:func:`clinton_set`, ``bench/labels/README.md``): the
    unresolved tail of ``kaggle_Persons.csv`` and 22 misfiled aliases are left out, 10 people listed
    twice are one. The uncorrected gold is scored too ("Kaggle as published"). Every pair of found
    aliases is scored (most are different people).

``chicago-2019-2025``
    Hand-checked pairs in ``bench/labels/chicago_2019_2025.csv``: a lobbyist, employer or client of
    the early-2019 export and one of the 2025 export (different ID schemes), ``same`` yes or no. The
    case is both exports ingested as ``chicago-lobbyists``. A side maps to the entity the ingester made
    from that export's rows with that ID (LOBBYIST_ID, EMPLOYER_ID or CLIENT_ID) and that name, found
    through the ``statements`` table by the file path and record (``<file> row <n>``) of those rows:
    the native IDs are not stored as statements. Lobbyists are ``Person`` entities, employers and
    clients ``Organization`` entities (keyed by name, so an employer and a client of the same name are
    one node).

Prediction (both sets): a labelled pair is predicted "same" iff some node of one side and some node
of the other have the same cluster id (for interlock, ``identities.canonical_id``); a node missing
from the prediction is a cluster of its own.

Cases are built once and kept under ``bench/.cache`` (gitignored); a case is rebuilt when its source
files or interlock's code outside ``interlock/resolve`` change (ingest may store something else), or
with ``--rebuild``. Resolve is run afresh on every bench run, so a resolver change needs no rebuild.
"""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import tarfile
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

import interlock
from interlock.case import Case
from interlock.resolve.nodes import name_node_id

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
CACHE = ROOT / "bench" / ".cache"
LABELS = ROOT / "bench" / "labels"
CLINTON = DATA / "clinton-state-dept-emails"
CLINTON_ARCHIVE = CLINTON / "clinton_email_text_pdftotext.tar.xz"
CHICAGO_2019 = DATA / "chicago-lobbyists-2019"
CHICAGO_2025 = DATA / "chicago-lobbyists-2025"
CHICAGO_LABELS = LABELS / "chicago_2019_2025.csv"
CLINTON_ERRORS = LABELS / "clinton_alias_errors.csv"
CLINTON_MERGES = LABELS / "clinton_person_merges.csv"
CLINTON_STRAYS = LABELS / "clinton_alias_strays.csv"
ADDR = "addr:"


# -- the cases ---------------------------------------------------------------------------------------

def code_digest() -> str:
    """A digest of interlock's code outside ``interlock/resolve``: a change there may change what ingest stores."""
    h = hashlib.sha256()
    package = Path(interlock.__file__).resolve().parent
    for f in sorted(package.rglob("*.py")):
        if "resolve" not in f.relative_to(package).parts[:1]:
            h.update(str(f.relative_to(package)).encode() + b"\0" + f.read_bytes())
    return h.hexdigest()


def signature(paths: Iterable[Path]) -> list[list[Any]]:
    """What a cached case was built from: each source file's name, size and modification time, and the code."""
    files = sorted(f for p in paths for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file())
    return [[str(f), f.stat().st_size, int(f.stat().st_mtime)] for f in files] + [["interlock", code_digest()]]


def cached_case(name: str, sources: list[Path], build: Any, rebuild: bool = False, cache: Path = CACHE) -> Path:
    """The folder of a case built by ``build(folder)`` from ``sources``; rebuilt when they changed."""
    folder = cache / name
    marker = folder / "built.json"
    wanted = signature(sources)
    if not rebuild and marker.exists() and json.loads(marker.read_text()) == wanted:
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    build(folder)
    marker.write_text(json.dumps(wanted))
    return folder


def build_clinton(folder: Path) -> None:
    """The whole release unpacked to a temporary folder and ingested as ``foia-text``."""
    with tempfile.TemporaryDirectory(dir=folder.parent) as tmp:
        with tarfile.open(CLINTON_ARCHIVE, "r:xz") as tar:
            tar.extractall(tmp, filter="data")
        with Case.open(folder, create=True) as case:
            case.ingest([Path(tmp) / "text"], "foia-text")


def build_chicago(folder: Path) -> None:
    with Case.open(folder, create=True) as case:
        case.ingest([CHICAGO_2019, CHICAGO_2025], "chicago-lobbyists")


def clinton_case(rebuild: bool = False) -> Path:
    return cached_case("clinton", [CLINTON_ARCHIVE], build_clinton, rebuild)


def chicago_case(rebuild: bool = False) -> Path:
    return cached_case("chicago", [CHICAGO_2019, CHICAGO_2025], build_chicago, rebuild)


# -- the labelled sets -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Side:
    """One labelled thing (an alias, a registry record) and the case's nodes it stands for."""

    label: str
    nodes: frozenset[str]


@dataclass(frozen=True)
class Pair:
    left: Side
    right: Side
    same: bool
    kind: str = ""       # lobbyist, employer, client (Chicago)
    group: str = ""      # the stratum the pair was drawn from (Chicago)


@dataclass
class LabelledSet:
    name: str
    pairs: list[Pair]
    found: int                                   # labelled things mapped to at least one node
    not_found: list[str]                         # and those that were not (their pairs are left out)
    notes: list[str] = field(default_factory=list)
    # labels scored, but also shown set aside on a line of their own, with why (the main line keeps them)
    set_aside: dict[str, str] = field(default_factory=dict)


KAGGLE_DROPPED = "',°•`\"‘’-"


def kaggle_norm(text: str) -> str:
    """A display name as Kaggle normalised its aliases: lower case, ``' , ° • ` " ‘ ’ -`` dropped, spaces squeezed."""
    for ch in KAGGLE_DROPPED:
        text = text.replace(ch, "")
    return " ".join(text.lower().split())


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def curated_people(people: list[dict[str, str]]) -> set[str]:
    """Kaggle's resolved people: the ``kaggle_Persons.csv`` rows in id order up to the first break in sort order.

    The file lists proper names sorted (ids 1-227, "111th Congress" … "rrh.interiors"), then appends
    the raw strings its alias step never resolved (from id 228 "b6": "millscd@state.goy",
    "jacob j sullivan", "cheryl.mills sullivanjj@state.gov" …), each a "person" with itself as the
    only alias, so they are OCR variants of the people above, several people at once, or noise.
    """
    rows = sorted(people, key=lambda r: int(r["id"]))
    out = set()
    for prev, row in zip([None, *rows], rows, strict=False):
        if prev is not None and row["name"] < prev["name"]:
            break
        out.add(row["id"])
    return out


def clinton_set(case: Case, data: Path = CLINTON, published: bool = False, with_names: bool = False) -> LabelledSet:
    """Kaggle's aliases mapped to the case's correspondent nodes; every pair of found aliases, gold by PersonId.

    With ``with_names``, an alias printed with a name and no address ("To: Mills, Cheryl D") also maps to
    that name's node (``name:…``); without, only addresses count, as the set was first scored.
    Unless ``published``, the gold is corrected: aliases of Kaggle's unresolved tail (:func:`curated_people`)
    and aliases Kaggle filed under the wrong person (``labels/clinton_alias_errors.csv``) are left out,
    and people Kaggle lists twice are one (``labels/clinton_person_merges.csv``).
    """
    people_rows = read_csv(data / "kaggle_Persons.csv")
    people = {r["id"]: r["name"] for r in people_rows}
    curated = curated_people(people_rows)
    wrong = {r["alias"] for r in read_csv(CLINTON_ERRORS)}
    same_as = {} if published else {r["person_id"]: r["same_as"] for r in read_csv(CLINTON_MERGES)}
    by_address: dict[str, set[str]] = defaultdict(set)
    by_name: dict[str, set[str]] = defaultdict(set)
    name_only: set[str] = set()
    for address, name in case.store.query("SELECT DISTINCT coalesce(address, ''), coalesce(name, '') FROM participants"):
        if address:
            by_address[address.lower()].add(ADDR + address)
            if name:
                by_name[kaggle_norm(name)].add(ADDR + address)
        elif name:
            name_only.add(kaggle_norm(name))
            if with_names and (node := name_node_id(name)):   # a correspondent printed with a name and no address
                by_name[kaggle_norm(name)].add(node)
    found: list[tuple[Side, str]] = []
    missing: list[str] = []
    only_named = tail = errors = 0
    for row in read_csv(data / "kaggle_Aliases.csv"):
        alias, person = row["alias"], row["person_id"]
        if not published and person not in curated:
            tail += 1
            continue
        if not published and alias in wrong:
            errors += 1
            continue
        nodes = by_address.get(alias.lower(), set()) if "@" in alias else by_name.get(kaggle_norm(alias), set())
        label = f"{alias} [{people.get(person, person)}]"
        if nodes:
            found.append((Side(label, frozenset(nodes)), same_as.get(person, person)))
        else:
            missing.append(label)
            only_named += "@" not in alias and kaggle_norm(alias) in name_only
    pairs = [Pair(a, b, pa == pb) for (a, pa), (b, pb) in combinations(found, 2)]
    notes = [f"{only_named} of the {len(missing)} aliases not found appear only as a display name without an address (not a node)"]
    if published:
        return LabelledSet("clinton-aliases (Kaggle as published)", pairs, len(found), missing, notes)
    notes.append(f"left out of the gold: {tail} aliases of Kaggle's unresolved tail (PersonId 228+), "
                 f"{errors} aliases Kaggle filed under the wrong person (labels/clinton_alias_errors.csv); "
                 f"{len(same_as)} people Kaggle lists twice counted as one (labels/clinton_person_merges.csv)")
    strays = {r["alias"]: r["why"] for r in read_csv(CLINTON_STRAYS)}
    set_aside = {side.label: strays[alias] for side, _ in found if (alias := side.label.rsplit(" [", 1)[0]) in strays}
    name = "clinton-aliases, names without an address too" if with_names else "clinton-aliases"
    return LabelledSet(name, pairs, len(found), missing, notes, set_aside)


def chicago_records(case: Case) -> tuple[dict[tuple[str, str, str], set[str]], dict[tuple[str, str], set[str]]]:
    """(source folder, record, schema) → entity ids stated by that row; (source folder, name) → organisation ids."""
    by_record: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    by_name: dict[tuple[str, str], set[str]] = defaultdict(set)
    rows = case.store.query(
        """SELECT src.path, s.record, s.schema, s.prop, s.value, s.entity_id FROM statements s
           JOIN sources src ON src.sha256 = s.source_sha
           WHERE s.schema IN ('Person', 'Organization') AND s.prop IN ('id', 'name')""")
    for folder, record, schema, prop, value, entity in rows:
        folder = str(Path(folder).resolve())
        if prop == "id":
            by_record[(folder, record, schema)].add(entity)
        elif schema == "Organization":
            by_name[(folder, " ".join(value.split()).lower())].add(entity)
    return by_record, by_name


def chicago_set(case: Case, labels: Path = CHICAGO_LABELS) -> LabelledSet:
    """The hand-checked pairs, each side mapped to the entity the ingester made from that export's rows."""
    from bench.labels.chicago_candidates import FILES, ID_COLUMN, rows

    by_record, by_name = chicago_records(case)
    where: dict[tuple[str, str, str], list[int]] = defaultdict(list)   # (year, kind, native id) → data row numbers
    for (year, kind), path in FILES.items():
        for n, row in enumerate(rows(path), start=1):
            where[(year, kind, row[ID_COLUMN[kind]])].append(n)

    def side(year: str, kind: str, native: str, name: str) -> Side:
        path = FILES[(year, kind)]
        folder = str(path.parent.resolve())
        schema = "Person" if kind == "lobbyist" else "Organization"
        nodes = {e for n in where[(year, kind, native)] for e in by_record.get((folder, f"{path.name} row {n}", schema), ())}
        if not nodes and schema == "Organization":   # every row of a known organisation said nothing new
            nodes = by_name.get((folder, " ".join(name.split()).lower()), set())
        return Side(f"{year} {kind} {native} {name}", frozenset(nodes))

    pairs: list[Pair] = []
    missing: list[str] = []
    sides = 0
    for r in read_csv(labels):
        left = side("2019", r["kind"], r["id_2019"], r["name_2019"])
        right = side("2025", r["kind"], r["id_2025"], r["name_2025"])
        sides += 2
        lost = [s.label for s in (left, right) if not s.nodes]
        if lost:
            missing += lost
            continue
        pairs.append(Pair(left, right, r["same"] == "yes", r["kind"], r.get("stratum", "")))
    return LabelledSet("chicago-2019-2025", pairs, sides - len(missing), missing)


# -- the nodes of a case, for any engine -------------------------------------------------------------

ENTITY_SCHEMAS = ("Person", "Organization", "Company", "PublicBody", "LegalEntity")
FEATURES = {"name": "names", "email": "emails", "address": "addresses", "phone": "phones"}


def nodes(case: Case) -> list[dict[str, Any]]:
    """Every node an engine is scored on: people and organisations (by entity id) and mail correspondents
    (``addr:<address>``, schema ``Correspondent``, their display names most frequent first), each with
    names, emails, addresses and phones. An engine returns ``{node id: cluster id}`` for these."""
    out: dict[str, dict[str, Any]] = {}
    marks = ", ".join("?" for _ in ENTITY_SCHEMAS)
    rows = case.store.query(
        f"""SELECT entity_id, schema, prop, value FROM statements WHERE schema IN ({marks})
            AND prop IN ('id', 'name', 'email', 'address', 'phone') ORDER BY entity_id, seen_at""", list(ENTITY_SCHEMAS))
    for entity, schema, prop, value in rows:
        node = out.setdefault(entity, {"id": entity, "schema": schema, "names": [], "emails": [], "addresses": [], "phones": []})
        if prop in FEATURES and value not in node[FEATURES[prop]]:
            node[FEATURES[prop]].append(value)
    shown: dict[str, list[str]] = defaultdict(list)
    for address, name, _ in case.store.query(
            """SELECT address, coalesce(name, ''), count(*) AS n FROM participants WHERE coalesce(address, '') <> ''
               GROUP BY 1, 2 ORDER BY 1, n DESC, 2"""):
        if name:
            shown[address].append(name)
        else:
            shown.setdefault(address, [])
    for address, names in shown.items():
        out[ADDR + address] = {"id": ADDR + address, "schema": "Correspondent", "names": names, "emails": [address],
                               "addresses": [], "phones": []}
    return list(out.values())


def identities(case: Case) -> dict[str, str]:
    """Interlock's prediction: node → canonical id, from the ``identities`` table."""
    return dict(case.store.query("SELECT entity_id, canonical_id FROM identities"))
