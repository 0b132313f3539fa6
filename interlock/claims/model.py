"""The claim data model: what :func:`interlock.claims.extract` returns.

A :class:`Claim` says that ``subject`` stands in ``relation`` to ``object``, as one sentence of one
document words it. Each end is a :class:`Mention`: the words in the sentence (``text``, with character
offsets into the document) and the entity they stand for after pronouns and descriptions are resolved
(``name``, as fully named in the document). Nothing here is checked against other records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

#: relation -> (subject kind, object kind); spouse, family and associate are symmetric in meaning.
RELATIONS: dict[str, tuple[str, str]] = {
    "spouse": ("person", "person"),
    "family": ("person", "person"),          # detail: the object's role relative to the subject ("daughter")
    "associate": ("person", "person"),       # business partner, co-founder, law partner
    "represents": ("person|org", "person|org|place"),  # lobbyist or lawyer -> client (a city can be a client)
    "employs": ("org|person|place", "person"),  # a government ("City of X") employs too; detail: the title ("chief executive", "owner")
    "holds-office": ("person", "office"),
    "candidate-for": ("person", "office"),
    "awarded": ("org|place", "org|person"),  # government or agency -> contractor or grantee
    "paid": ("org|person|place", "org|person"),
    "donated": ("person|org", "org|person"),  # donor -> committee or candidate
    "endorsed": ("org|person", "person"),
    "declined-to-endorse": ("org|person", "person"),
}
SYMMETRIC = frozenset({"spouse", "family", "associate"})
KINDS = ("person", "org", "office", "place")


@dataclass(frozen=True)
class Mention:
    text: str   # the words in the sentence that stand for it ("her husband", "Kazmi")
    name: str   # the entity it stands for, as fully named in the document ("Reyahd Kazmi")
    kind: str   # "person" | "org" | "office" | "place"
    start: int  # character offsets of ``text`` in the document
    end: int


@dataclass(frozen=True)
class DateSpan:
    start: date
    end: date
    text: str


@dataclass(frozen=True)
class Amount:
    low: float
    high: float   # math.inf for an open upper bound ("more than $50,000")
    currency: str
    text: str


@dataclass(frozen=True)
class Claim:
    relation: str
    subject: Mention
    object: Mention
    detail: str          # the relation word as written: "husband", "chief executive", "declined to endorse"
    date: DateSpan | None
    amount: Amount | None
    sentence: int        # index of the sentence in the document, from 0
    start: int           # character span of that sentence in the document
    end: int
    text: str            # the sentence
