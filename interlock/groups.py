"""Related findings: those about the same official and the same relative (or, when a finding names no
relative, the same associate), whatever rule found them. A group's id comes from the sorted ids of
those people, so it is as stable as the findings' own ids::

    group_of(finding)      # → "G3f2a…", and the people it is named after
    build_groups(findings) # → [{"id", "people", "findings"}], in the order of the findings given
"""

from __future__ import annotations

from typing import Any

from interlock.entities import make_id

NEAR = ("relative", "associate")   # whom a group is about, beside the official, in this order of preference


def key_people(finding: dict[str, Any]) -> list[dict[str, Any]]:
    """The official(s) and the relatives (else the associates) of a finding; with neither, all its subjects."""
    subjects = finding.get("subjects", [])
    officials = [s for s in subjects if s.get("role") == "official"]
    for role in NEAR:
        near = [s for s in subjects if s.get("role") == role]
        if officials and near:
            return officials + near
    return list(subjects)


def group_of(finding: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    people = key_people(finding)
    ids = sorted({str(s.get("id", "")) for s in people})
    return "G" + make_id("group", *ids)[:15], [{"id": s.get("id"), "name": s.get("name"), "role": s.get("role")} for s in people]


def build_groups(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Set ``group`` on each finding and return the groups, each first where its first finding is."""
    groups: dict[str, dict[str, Any]] = {}
    for f in findings:
        gid, people = group_of(f)
        f["group"] = gid
        groups.setdefault(gid, {"id": gid, "people": people, "findings": []})["findings"].append(f["id"])
    return list(groups.values())
