"""Score findings against a ground truth (``truth.json`` of a generated case, CONTRACT.md).

A planted item is found when a finding of its rule has subjects matching every name it lists; a
decoy is flagged when any finding has a subject matching its name. Names match when they are the
same person name (first, last, suffix) or the same organisation name once legal forms are set aside.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from interlock.names import org_key, person_name


def same_name(a: str, b: str) -> bool:
    if org_key(a) and org_key(a) == org_key(b):
        return True
    pa, pb = person_name(a), person_name(b)
    return bool(pa.first and pa.last) and pa.compatible(pb)


@dataclass
class TruthCheck:
    found: list[dict[str, Any]] = field(default_factory=list)
    missed: list[dict[str, Any]] = field(default_factory=list)
    flagged: list[tuple[dict[str, Any], str]] = field(default_factory=list)  # (decoy, finding id)

    @property
    def ok(self) -> bool:
        return not self.missed and not self.flagged

    def line(self) -> str:
        total = len(self.found) + len(self.missed)
        return f"planted patterns found: {len(self.found)}/{total}; decoys flagged: {len(self.flagged)}"


def check_truth(truth: dict[str, Any], findings: list[dict[str, Any]]) -> TruthCheck:
    result = TruthCheck()
    for item in truth.get("planted", []):
        hit = any(
            f["rule"] == item["rule"]
            and all(any(same_name(name, s["name"]) for s in f["subjects"]) for name in item["subjects"])
            for f in findings
        )
        (result.found if hit else result.missed).append(item)
    for decoy in truth.get("decoys", []):
        for f in findings:
            if any(same_name(decoy["name"], s["name"]) for s in f["subjects"]):
                result.flagged.append((decoy, f["id"]))
    return result
