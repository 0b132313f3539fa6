"""One-line builders of case contents for rule and resolution tests, written through the real store."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from interlock.case import Case
from interlock.entities import Origin, entity, make_id
from interlock.findings import Finding
from interlock.ingest.driver import Batch, add_entity, add_message, commit, now
from interlock.records import Address, Message


class Builder:
    """Adds sources, entities and messages to a case as ingesters would (one source per kind)."""

    def __init__(self, case: Case) -> None:
        self.case = case
        self.batches: dict[str, Batch] = {}
        self.n = 0

    def source(self, kind: str, jurisdiction: str | None = None) -> str:
        sha = make_id("source", kind, jurisdiction)
        if sha not in self.batches:
            self.case.store.insert("sources", [(sha, f"/in/{kind}", kind, json.dumps({"jurisdiction": jurisdiction}),
                                                "done", 0, 0, 0, now(), now())])
            self.case.store.insert("files", [(sha, sha, f"/in/{kind}", 0)])   # a one-file source, as ingest records it
            self.batches[sha] = Batch()
        return sha

    def add(self, schema: str, key: str, kind: str = "profile", jurisdiction: str | None = None, **props: Any) -> str:
        sha = self.source(kind, jurisdiction)
        self.n += 1
        ent = entity(schema, Origin(sha, sha, f"/in/{kind}", f"row {self.n}"), key)
        for prop, value in props.items():
            ent.add_all(prop, value if isinstance(value, list) else [value])
        add_entity(self.batches[sha], ent, now())
        return ent.id

    def mail(self, sender: str, to: str, when: str, subject: str = "hello", body: str = "", name: str = "",
             to_name: str = "") -> None:
        sha = self.source("mbox")
        self.n += 1
        msg = Message(Origin(sha, sha, "/in/box.mbox", f"<m{self.n}@x>"), message_id=f"<m{self.n}@x>",
                      sent_at=datetime.fromisoformat(when), sender=Address(sender, name), to=[Address(to, to_name)],
                      subject=subject, body=body)
        add_message(self.batches[sha], msg, self.n, self.case.blobs, now())

    def done(self, owner: str | None = None, gov: str = "") -> Case:
        for sha, batch in self.batches.items():
            commit(self.case.store, sha, batch, 0)
        if owner:
            self.case.store.insert("mailboxes", [(self.source("mbox"), owner, False, gov, False, "")])
        self.batches = {sha: Batch() for sha in self.batches}
        return self.case


def spouse_case(b: Builder, registry_jurisdiction: str = "City of Lakeport", years: tuple[int, ...] = (2019, 2020),
                relative: str = "Sam Reyes", registry_kind: str = "chicago-lobbyists") -> dict[str, str]:
    """An official with a profile, a husband registered as a lobbyist, his client."""
    ids: dict[str, str] = {}
    ids["official"] = b.add("Person", "official", name="Dana M. Ortiz", email="dortiz@lakeport.gov")
    ids["body"] = b.add("PublicBody", "body", name="City of Lakeport")
    ids["post"] = b.add("Position", "post", name="City Clerk", organization=ids["body"])
    b.add("Occupancy", "occ", holder=ids["official"], post=ids["post"])
    ids["relative"] = b.add("Person", "relative", name=relative)
    b.add("Family", "fam", person=ids["official"], relative=ids["relative"], relationship="husband")
    reg = dict(kind=registry_kind, jurisdiction=registry_jurisdiction)
    ids["lobbyist"] = b.add("Person", "lobbyist", name="SAM REYES", email="sam@reyesstrategies.com", **reg)
    ids["client"] = b.add("Organization", "client", name="HARBORLINE SECURITY CONSULTANTS, INC.", **reg)
    b.add("Representation", "rep", agent=ids["lobbyist"], client=ids["client"], date=[str(y) for y in years],
          startDate=f"{years[0]}-07-01", role="lobbyist", **reg)
    return ids


def official_with_relative(b: Builder, relative: str = "Sam Reyes", word: str = "husband", name: str = "Dana M. Ortiz",
                           government: str = "City of Lakeport", post: str = "City Clerk") -> dict[str, str]:
    """An official holding a post of a government, and one relative as a profile states them."""
    ids = {"official": b.add("Person", "official", name=name)}
    ids["body"] = b.add("PublicBody", "body", name=government)
    ids["post"] = b.add("Position", "post", name=post, organization=ids["body"])
    b.add("Occupancy", "occ", holder=ids["official"], post=ids["post"])
    ids["relative"] = b.add("Person", "relative", name=relative)
    b.add("Family", "fam", person=ids["official"], relative=ids["relative"], relationship=word)
    return ids


def contract_award(b: Builder, key: str, supplier: str, day: str, amount: str, jurisdiction: str = "City of Lakeport",
                   department: str = "Department of Special Events", title: str = "event staffing") -> None:
    """A department's contract and its award to ``supplier`` (an entity id), as a contracts file states them."""
    reg = dict(kind="chicago-contracts", jurisdiction=jurisdiction)
    dept = b.add("PublicBody", "dept", name=department, **reg)
    contract = b.add("Contract", f"c-{key}", title=title, authority=dept, amount=amount, **reg)
    b.add("ContractAward", key, supplier=supplier, contract=contract, amount=amount, date=day, **reg)


def run_rule(b: Builder, rule: str) -> list[Finding]:
    """Commit what was built, resolve, and run one rule."""
    case = b.done()
    case.resolve()
    return case.detect(rule).findings

