"""``chicago-contracts``: the City of Chicago Data Portal "Contracts" export (one CSV, a row per revision).

Each row is one revision of a purchase order: revision 0 is the award, later revisions modify it
(negative amounts take money out). Entities, as docs/model.md sets them out:

- a ``Contract`` per purchase-order number: title, description, contractDate (approval of
  revision 0), amount (the sum of all revisions), authority = the department;
- a ``ContractAward`` per revision: supplier = the vendor, amount, date = approval,
  startDate/endDate, role "revision N";
- the vendor ``Company`` keyed like a registry's organisations (:func:`org_id_key`), so a lobbying
  client and a vendor with the same normalised name are one entity;
- the department ``PublicBody``, whose parent is the government (the source's jurisdiction).

Contract-level values (the total, the approval of revision 0) are worked out in a first pass over
the file. Each value is stated once, by the first row that gives it (:class:`FirstSeen`); a resumed
run rebuilds the rows before its start point so it states them the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from interlock.entities import Entity, Origin
from interlock.errors import RecordError
from interlock.ingest.base import Context, count_entities, ingester
from interlock.ingest.chicago_lobbyists import (
    FirstSeen,
    Row,
    column,
    fast_entity,
    iter_rows,
    join_address,
    money,
    need,
    org_id_key,
    read_header,
    us_date,
)
from interlock.names import org_key
from interlock.records import Record, Reject
from interlock.store import Store

PO, REVISION = "PURCHASE ORDER (CONTRACT) NUMBER", "REVISION NUMBER"
HEADER = frozenset({PO, REVISION, "VENDOR NAME", "AWARD AMOUNT", "DEPARTMENT", "APPROVAL DATE"})
DEFAULT_JURISDICTION = "City of Chicago"


@dataclass(frozen=True)
class Revision:
    """One row, checked: a bad amount or date, or no number or vendor, rejects it."""

    number: str
    revision: str
    vendor: str
    amount: str | None
    approved: str | None
    start: str | None
    end: str | None


def parse_row(r: Row) -> Revision:
    text = r.get(REVISION, "") or "0"
    return Revision(need(r, PO), str(int(text)) if text.isdigit() else text, need(r, "VENDOR NAME"),
                    column(money, r, "AWARD AMOUNT"), column(us_date, r, "APPROVAL DATE"),
                    column(us_date, r, "START DATE"), column(us_date, r, "END DATE"))


@dataclass
class PurchaseOrder:
    total: Decimal = Decimal(0)
    approved: str | None = None  # approval date of revision 0


def scan(path: Path) -> dict[str, PurchaseOrder]:
    """First pass: each purchase order's total over the revisions that go in, and its award date."""
    orders: dict[str, PurchaseOrder] = {}
    for _, r in iter_rows(path):
        try:
            rev = parse_row(r)
        except RecordError:
            continue
        po = orders.setdefault(rev.number, PurchaseOrder())
        po.total += Decimal(rev.amount or 0)
        if rev.revision == "0" and rev.approved:
            po.approved = rev.approved
    return orders


class Contracts:
    """Rows of one contracts file to entities. A value already given by an earlier row is left to
    :class:`FirstSeen` to drop, so the contract's own values come with its first row."""

    def __init__(self, ctx: Context, path: Path) -> None:
        self.jurisdiction = ctx.settings.jurisdiction or DEFAULT_JURISDICTION
        self.jurisdiction_key = org_key(self.jurisdiction)
        self.orders = scan(path)
        self.department_key = lru_cache(maxsize=4096)(org_key)

    def row(self, o: Origin, r: Row) -> list[Entity]:
        rev = parse_row(r)
        gov = fast_entity("PublicBody", o, "jurisdiction", self.jurisdiction_key).add("name", self.jurisdiction)
        out = [gov]
        authority = gov
        if department := r.get("DEPARTMENT", ""):
            authority = fast_entity("PublicBody", o, "chicago-body", self.jurisdiction_key, self.department_key(department))
            out.append(authority.add("name", department).add("parent", gov.id))
        po = self.orders[rev.number]
        title = r.get("PURCHASE ORDER DESCRIPTION") or f"Purchase order {rev.number}"
        contract = fast_entity("Contract", o, "chicago-contract", rev.number).add("authority", authority.id)
        contract.add("name", title).add("title", title).add("description", describe(rev.number, r))
        contract.add("contractDate", po.approved).add("amount", str(po.total)).add("currency", "USD")
        contract.add("type", r.get("CONTRACT TYPE")).add("procedure", r.get("PROCUREMENT TYPE"))
        contract.add("procedureNumber", r.get("SPECIFICATION NUMBER"))
        vendor = fast_entity("Company", o, *org_id_key(rev.vendor)).add("name", rev.vendor)
        vendor.add("address", join_address(r.get("ADDRESS 1"), r.get("ADDRESS 2"), r.get("CITY"), "",
                                           state=r.get("STATE", ""), zip_code=r.get("ZIP", "")))
        vendor.add("registrationNumber", r.get("VENDOR ID"))
        award = fast_entity("ContractAward", o, "chicago-award", rev.number, rev.revision)
        award.add("contract", contract.id).add("supplier", vendor.id).add("amount", rev.amount).add("currency", "USD")
        award.add("date", rev.approved).add("startDate", rev.start).add("endDate", rev.end).add("role", f"revision {rev.revision}")
        award.add("documentNumber", rev.number).add("sourceUrl", r.get("CONTRACT PDF"))
        return [*out, contract, vendor, award]


def describe(number: str, r: Row) -> str:
    parts = [f"Purchase order {number}"]
    parts += [f"{label} {r[col]}" for label, col in (("contract type", "CONTRACT TYPE"), ("procurement", "PROCUREMENT TYPE"),
                                                    ("specification", "SPECIFICATION NUMBER")) if r.get(col)]
    return "; ".join(parts)


def is_contracts_file(path: Path) -> bool:
    if not path.is_file() or path.suffix.lower() != ".csv":
        return False
    try:
        return HEADER <= set(read_header(path))
    except OSError:
        return False


class ChicagoContracts:
    kind = "chicago-contracts"
    description = 'the City of Chicago Data Portal "Contracts" CSV export (one row per purchase-order revision)'

    def sniff(self, path: Path) -> bool:
        return is_contracts_file(path)

    def files(self, path: Path) -> list[Path]:
        return [path]

    def records(self, ctx: Context, start: int) -> Iterator[Record]:
        src = ctx.files[0]
        rows, first = Contracts(ctx, src.path), FirstSeen()
        for n, r in iter_rows(src.path):
            origin = Origin(ctx.source_sha, src.sha256, str(src.path), f"{src.path.name} row {n}")
            try:
                record: Record = first.filter(rows.row(origin, r))
            except RecordError as exc:
                record = Reject(origin, exc.reason)
            if n > start:  # rows before a resume point are rebuilt, not yielded, so FirstSeen knows them
                yield record

    def summary(self, store: Store, source_sha: str) -> dict[str, int]:
        def distinct(schema: str) -> int:
            return count_entities(store, source_sha, schema)

        total = store.query(
            """SELECT coalesce(sum(CAST(value AS DECIMAL(38, 2))), 0) FROM (
                   SELECT DISTINCT entity_id, value FROM statements
                   WHERE source_sha = ? AND schema = 'ContractAward' AND prop = 'amount')""", [source_sha])[0][0]
        return {"contracts": distinct("Contract"), "awards": distinct("ContractAward"), "vendors": distinct("Company"),
                "dollars awarded": int(total)}


ingester(ChicagoContracts())
