"""Claims read from a document (an article, a profile's prose) as FollowTheMoney entities.

Each claim (:mod:`interlock.claims`) becomes the entities of its two ends and one relationship
entity, all stated with the claim's sentence as their record ("sentence 4, characters 310–402"), so
every value leads back to the words that said it. The relationship entity also carries the sentence
itself (``summary``), the words that named each end (``description``) and the document (``proof``).

| relation | entities |
|---|---|
| spouse, family | ``Family`` (person = subject, relative = object, relationship = the word used) |
| associate | ``Associate`` (person, associate, relationship) |
| represents | ``Representation`` (agent = lobbyist, client, role) |
| employs | ``Employment`` (employer = organisation, employee = person, role = the title) |
| holds-office, candidate-for | ``Position`` (with its ``PublicBody`` when named) and ``Occupancy`` (status "current" or "candidate") |
| awarded | ``Contract`` (authority = the agency) and ``ContractAward`` (supplier = the contractor) |
| paid, donated | ``Payment`` (payer, beneficiary; purpose "payment (as reported)" or "political contribution (as reported)") |
| endorsed, declined-to-endorse | ``UnknownLink`` (subject = endorser, object = candidate, role "endorsed" / "declined to endorse") |

Ends are keyed by their name within the document: two documents' "Sam Reyes" are two records that
``resolve`` may join, never one by construction. An amount is stated only when the text gives one
figure; a range ("millions of dollars") goes into the description as written. An act (an award,
a payment, a gift, an endorsement) takes the sentence's date as its ``date``, or for a period ("in
the fall of 2017") as ``startDate`` and ``endDate``. A state (a marriage, a client, a job, an office)
takes none: "in 2019" in such a sentence rarely says when it began or ended, and rules read a
relationship's dates as the time it was in force. The date as written goes into its description.
"""

from __future__ import annotations

from collections.abc import Iterator

from interlock.claims import Claim, Mention
from interlock.entities import Entity, Origin, entity
from interlock.ingest.offices import parse_office
from interlock.names import LEGAL_FORMS, norm_text, org_key

SCHEMA_OF_KIND = {"person": "Person", "org": "Organization", "office": "Position", "place": "PublicBody"}
CONTRIBUTION = "political contribution (as reported)"
PAYMENT = "payment (as reported)"
PERSON_KEY = "profile-person"  # how profiles have always keyed people: one name in one document is one entity
EVENTS = frozenset({"awarded", "paid", "donated", "endorsed", "declined-to-endorse"})  # dated acts; the rest are states


def sentence_record(claim: Claim, offset: int = 0) -> str:
    """Where the sentence is: its number in the text read, and its characters (from ``offset``, where that text begins)."""
    return f"sentence {claim.sentence + 1}, characters {claim.start + offset}–{claim.end + offset}"


def office_entities(o: Origin, m: Mention) -> list[Entity]:
    """The post (and the government it belongs to, when the words name one: "Lakeport City Clerk"),
    keyed as a profile keys them, so one post of one body is one entity across documents."""
    office, government = parse_office(m.name)
    post = entity("Position", o, "position", norm_text(office), org_key(government)).add("name", office)
    if not government:
        return [post]
    body = entity("PublicBody", o, "jurisdiction", org_key(government)).add("name", government)
    return [post.add("organization", body.id), body]


def end_entity(o: Origin, doc_key: str, m: Mention) -> Entity:
    schema = SCHEMA_OF_KIND.get(m.kind, "LegalEntity")
    if schema == "Organization" and set(norm_text(m.name).split()) & LEGAL_FORMS:
        schema = "Company"
    if schema == "Person":
        return entity("Person", o, *person_key(doc_key, m.name)).add("name", m.name)
    key_schema = "Organization" if schema in ("Organization", "Company") else schema
    return entity(schema, o, "claimed", doc_key, key_schema, norm_text(m.name)).add("name", m.name)


def person_key(doc_key: str, name: str) -> tuple[str, str, str]:
    return (PERSON_KEY, doc_key, norm_text(name))


def amount_words(claim: Claim) -> tuple[str | None, str]:
    """(the amount to state, or None for a range, and a phrase for the description)."""
    a = claim.amount
    if a is None:
        return None, ""
    if a.low == a.high:
        return f"{a.low:.2f}", f"amount as written: {a.text!r}"
    high = "no upper bound" if a.high == float("inf") else f"{a.high:,.0f}"
    return None, f"an amount from {a.low:,.0f} to {high} {a.currency}, as written: {a.text!r}"


def claim_entities(claim: Claim, o: Origin, doc_key: str, document_id: str | None) -> list[Entity]:
    """The two ends and the relationship entity of one claim (see the module's docstring)."""
    subject = end_entity(o, doc_key, claim.subject)
    ends = office_entities(o, claim.object) if claim.object.kind == "office" else [end_entity(o, doc_key, claim.object)]
    obj, out = ends[0], [subject, *ends]
    rel, detail = claim.relation, claim.detail or claim.relation
    day = claim.date.start.isoformat() if claim.date and claim.date.start == claim.date.end else None
    span = (claim.date.start.isoformat(), claim.date.end.isoformat()) if claim.date and not day else (None, None)
    amount, amount_note = amount_words(claim)
    key = ("claimed-link", doc_key, rel, subject.id, obj.id)
    if rel in ("spouse", "family"):  # keyed as a profile's Family line is: one marriage per document
        link = entity("Family", o, "family", *person_key(doc_key, claim.subject.name), obj.id)
        link.add("person", subject.id).add("relative", obj.id).add("relationship", detail)
    elif rel == "associate" and subject.schema == obj.schema == "Person":
        link = entity("Associate", o, *key).add("person", subject.id).add("associate", obj.id).add("relationship", detail)
    elif rel == "represents":
        link = entity("Representation", o, *key).add("agent", subject.id).add("client", obj.id).add("role", detail)
    elif rel == "employs" and subject.schema != "Person" and obj.schema == "Person":
        link = entity("Employment", o, *key).add("employer", subject.id).add("employee", obj.id).add("role", detail)
    elif rel in ("holds-office", "candidate-for"):
        status = "candidate" if rel == "candidate-for" else "current"
        link = entity("Occupancy", o, *key).add("holder", subject.id).add("post", obj.id).add("status", status)
    elif rel == "awarded":
        contract = entity("Contract", o, "claimed-contract", *key).add("authority", subject.id)
        contract.add("title", f"contract(s) reported: {detail}").add("amount", amount)
        out.append(contract)
        link = entity("ContractAward", o, *key).add("supplier", obj.id).add("contract", contract.id).add("amount", amount)
    elif rel in ("paid", "donated"):
        link = entity("Payment", o, *key).add("payer", subject.id).add("beneficiary", obj.id).add("amount", amount)
        link.add("currency", claim.amount.currency if claim.amount and amount else None)
        link.add("purpose", CONTRIBUTION if rel == "donated" else PAYMENT)
    elif rel in ("endorsed", "declined-to-endorse"):
        link = entity("UnknownLink", o, *key).add("subject", subject.id).add("object", obj.id)
        link.add("role", "endorsed" if rel == "endorsed" else "declined to endorse")
    else:  # associate or employs between ends of other kinds: kept, with the words used
        link = entity("UnknownLink", o, *key).add("subject", subject.id).add("object", obj.id).add("role", detail)
    dated = ""
    if rel in EVENTS:
        link.add("date", day).add("startDate", span[0]).add("endDate", span[1])
    elif claim.date:
        dated = f"the sentence dates it {claim.date.text!r} ({claim.date.start} to {claim.date.end})"
    said = f'{detail}: "{claim.subject.text}" and "{claim.object.text}"'
    link.add("summary", claim.text).add("description", "; ".join(x for x in (said, amount_note, dated) if x))
    link.add("proof", document_id)
    return [*out, link]


def claims_records(claims: list[Claim], origin: Origin, doc_key: str, document_id: str | None,
                   offset: int = 0) -> Iterator[list[Entity]]:
    """One record (list of entities) per claim, each with the claim's sentence as its record."""
    for claim in claims:
        o = Origin(origin.source_sha, origin.file_sha, origin.path, sentence_record(claim, offset))
        yield claim_entities(claim, o, doc_key, document_id)
