"""A finding: a pattern for a person to check, with the chain of relationships that makes it one.

The JSON shape is the contract in CONTRACT.md; :meth:`Finding.to_dict` writes it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from interlock.entities import make_id

ROLES = {"official", "relative", "associate", "lobbyist", "client", "contractor", "donor", "candidate", "endorser", "agency"}
RELATIONS = {"spouse", "family", "associate", "represents", "paid", "awarded", "employs", "holds-office",
             "donated", "endorsed", "emailed", "mentioned"}
STANDINGS = {"registered", "self-declared", "reported", "inferred"}


def plural(n: int, word: str) -> str:
    """"1 contract award", "2 contract awards": findings are read by people, not parsed."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


@dataclass
class Subject:
    id: str
    schema: str
    name: str
    role: str


@dataclass
class Source:
    path: str
    record: str
    sha256: str = ""


@dataclass
class Link:
    """One link of the chain: ``from`` --relation--> ``to``, when it was in force, and on what it rests."""

    from_id: str
    relation: str
    to_id: str
    start: str | None = None
    end: str | None = None
    source: Source | None = None
    standing: str = "inferred"
    note: str = ""
    excerpt: str = ""    # the sentence that states the link, when a document (an article, a profile) does

    def to_dict(self) -> dict[str, Any]:
        out = {
            "from": self.from_id, "relation": self.relation, "to": self.to_id,
            "start": self.start, "end": self.end,
            "source": asdict(self.source) if self.source else None,
            "standing": self.standing, "note": self.note,
        }
        return out | {"excerpt": self.excerpt} if self.excerpt else out


@dataclass
class Evidence:
    path: str
    record: str
    date: str | None
    excerpt: str
    sha256: str = ""
    kind: str = "email"          # email | registry | profile | contract | payment | document
    context: bool = False        # True: before the relationship began; shown, not counted
    highlight: list[str] = field(default_factory=list)  # names to mark in the excerpt


@dataclass
class Timeline:
    """Monthly counts of the acts a finding rests on, and the dates its links began."""

    months: list[tuple[str, int, int]] = field(default_factory=list)  # (YYYY-MM, in force, context)
    markers: list[tuple[str, str]] = field(default_factory=list)     # (YYYY-MM-DD, label)


@dataclass
class Finding:
    rule: str
    title: str
    summary: str
    severity: str
    score: float
    subjects: list[Subject]
    chain: list[Link]
    period_start: str | None = None
    period_end: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    timeline: Timeline | None = None
    key: tuple[str, ...] = ()     # extra identity for rules that yield several findings per subject set

    @property
    def id(self) -> str:
        ids = sorted(f"{s.role}:{s.id}" for s in self.subjects)
        return "F" + make_id(self.rule, *ids, *self.key)[:15]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "rule": self.rule,
            "title": self.title,
            "summary": self.summary,
            "severity": self.severity,
            "score": round(self.score, 3),
            "period": {"start": self.period_start, "end": self.period_end},
            "subjects": [asdict(s) for s in self.subjects],
            "chain": [link.to_dict() for link in self.chain],
            "counts": self.counts,
            "evidence": [asdict(e) for e in self.evidence],
            "timeline": asdict(self.timeline) if self.timeline else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        tl = data.get("timeline")
        return cls(
            rule=data["rule"], title=data["title"], summary=data["summary"], severity=data["severity"],
            score=data["score"],
            subjects=[Subject(**s) for s in data["subjects"]],
            chain=[Link(l["from"], l["relation"], l["to"], l.get("start"), l.get("end"),
                        Source(**l["source"]) if l.get("source") else None, l.get("standing", "inferred"), l.get("note", ""),
                        l.get("excerpt", ""))
                   for l in data["chain"]],
            period_start=data["period"]["start"], period_end=data["period"]["end"],
            counts=data.get("counts", {}),
            evidence=[Evidence(**e) for e in data.get("evidence", [])],
            timeline=Timeline([tuple(m) for m in tl["months"]], [tuple(m) for m in tl["markers"]]) if tl else None,  # type: ignore[misc]
        )
