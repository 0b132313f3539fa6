"""Campaign gifts, each once, with every filing that reports it.

A gift is often filed twice: the receiving committee reports it to the state board (ISBE) and a
lobbyist reports it to the city's Board of Ethics. The filings name the receiver differently ("Ward 6
alderman's committee", "RODERICK SAWYER") and their dates may disagree by days (a cheque written on the
19th and deposited on the 29th). Two payments are taken for one gift when all of these hold:

- the same giver (one identity after resolution) and the same amount, to the cent;
- receivers that meet: one identity, or a committee and the candidate it is the committee of
  (``UnknownLink`` role "committee of", see :mod:`interlock.ingest.committees`), or two committees of
  one candidate;
- dates at most ``SAME_GIFT_DAYS`` apart;
- filed in different sources, or re-filed in one: a lobbyist's registry re-files a quarter's report when
  it is amended, repeating its gifts, so two rows of one source with the same receiver, the same day and
  no receipt number of their own are one gift. Rows that carry receipt numbers (ISBE's) are two gifts.

A gift keeps every filing with its own date, record and standing; where the dates differ, the gift
says so instead of choosing one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from interlock.entities import make_id
from interlock.graph import Graph, Node, Value

SAME_GIFT_DAYS = 30
COMMITTEE_OF = "committee of"
DONATION_WORDS = ("contribution", "receipt", "donation")


@dataclass(frozen=True)
class Filing:
    payment_id: str
    donor: str           # the giver's identity
    receiver: str        # the identity the filing names as receiver
    day: date
    amount: Decimal
    source_sha: str
    path: str
    record: str
    kind: str            # the source kind: isbe-receipts, chicago-lobbyists ...
    standing: str
    purpose: str
    number: str          # the filing's own receipt or transaction number, if it has one


@dataclass
class Gift:
    donor: str
    amount: Decimal
    receivers: set[str] = field(default_factory=set)   # identities the filings name, and their candidates
    filings: list[Filing] = field(default_factory=list)

    @property
    def id(self) -> str:
        return make_id("gift", *sorted(f.payment_id for f in self.filings))

    @property
    def first_day(self) -> date:
        return min(f.day for f in self.filings)

    @property
    def last_day(self) -> date:
        return max(f.day for f in self.filings)

    @property
    def note(self) -> str:
        if len(self.filings) < 2:
            return ""
        spread = (self.last_day - self.first_day).days
        days = "the same date" if not spread else f"dates {spread} days apart ({self.first_day} and {self.last_day})"
        sources = len({f.source_sha for f in self.filings})
        where = f" in {sources} sources" if sources > 1 else " in one source (a report filed again)"
        return f"{len(self.filings)} filings{where} report this gift, with {days}"


def is_donation(node: Node) -> bool:
    purpose = " ".join(node.values("purpose")).lower()
    return any(word in purpose for word in DONATION_WORDS)


def candidates_of(graph: Graph) -> dict[str, set[str]]:
    """Committee identity → the identities of the candidates it is the committee of."""
    out: dict[str, set[str]] = defaultdict(set)
    for link in graph.of_schema("UnknownLink"):
        if COMMITTEE_OF in link.values("role"):
            for committee in link.values("subject"):
                out[committee].update(link.values("object"))
    return out


def receivers(receiver: str, committees: dict[str, set[str]]) -> set[str]:
    return {receiver} | committees.get(receiver, set())


def filings(graph: Graph) -> Iterable[Filing]:
    for node in graph.of_schema("Payment"):
        if not is_donation(node):
            continue
        payer, receiver, when, amount = (node.first(p) for p in ("payer", "beneficiary", "date", "amount"))
        if not (payer and receiver and when and amount):
            continue
        try:
            day, value = date.fromisoformat(when[:10]), Decimal(amount)
        except (ValueError, InvalidOperation):
            continue
        first: Value = node.props["amount"][0]
        src = graph.sources.get(first.source_sha)
        yield Filing(node.id, payer, receiver, day, value, first.source_sha, first.path, first.record,
                     src.kind if src else "", graph.standing(first), node.first("purpose") or "",
                     node.first("transactionNumber") or "")


def gifts(graph: Graph) -> list[Gift]:
    """Every donation in the case, the filings of one gift reconciled (see the module's docstring)."""
    committees = candidates_of(graph)
    by_donor: dict[tuple[str, Decimal], list[Filing]] = defaultdict(list)
    for f in filings(graph):
        by_donor[(f.donor, f.amount)].append(f)
    out: list[Gift] = []
    for (donor, amount), found in by_donor.items():
        open_gifts: list[Gift] = []
        for f in sorted(found, key=lambda f: (f.day, f.source_sha, f.payment_id)):
            names = receivers(f.receiver, committees)
            gift = next((g for g in open_gifts if meets(g, f, names)), None)
            if gift is None:
                gift = Gift(donor, amount)
                open_gifts.append(gift)
            gift.filings.append(f)
            gift.receivers |= names
        out.extend(open_gifts)
    return sorted(out, key=lambda g: (g.first_day, g.donor, g.id))


def meets(gift: Gift, f: Filing, names: set[str]) -> bool:
    return (all(other.source_sha != f.source_sha or refiled(other, f) for other in gift.filings)
            and bool(gift.receivers & names)
            and abs((f.day - gift.first_day).days) <= SAME_GIFT_DAYS)


def refiled(a: Filing, b: Filing) -> bool:
    """One source's two rows of one gift: a report filed again (same receiver and day, no receipt numbers)."""
    return a.receiver == b.receiver and a.day == b.day and not a.number and not b.number

