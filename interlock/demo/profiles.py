"""Voter-guide profiles of two Lakeport officials, and the companies file (FollowTheMoney JSON lines).

A profile is ``Key: value`` lines, a blank line, then free text. The companies file holds the
lobbyist's client and its chief executive, and the look-alike company and its head, each tied by a
``Directorship``.
"""

from __future__ import annotations

import json
from pathlib import Path

from interlock.demo import cast, ties

PROFILES = {
    "dana-ortiz.txt": (
        [("Name", "Dana M. Ortiz"), ("Office", "City Clerk"), ("Jurisdiction", cast.CITY), ("Email", cast.CLERK.email),
         ("Family", "Husband, Sam Reyes; two children"), ("Occupation", "City Clerk, City of Lakeport")],
        [
            "Dana M. Ortiz has served as Lakeport's City Clerk since 2015. Before her election she managed the records "
            "division of the Lakeport Public Library and chaired the Millbrook Neighborhood Association. As Clerk she "
            "launched LakeportID, the city's municipal identification card, and put council records online.",
            "Ortiz says her priorities for a second term are faster public-records responses, longer hours at the "
            "licensing counter and a larger LakeportID network of partner businesses. She lives in Millbrook with her "
            "family.",
        ],
    ),
    "priya-natarajan.txt": (
        [("Name", "Priya Natarajan"), ("Office", "Alderman, 4th Ward"), ("Jurisdiction", cast.CITY),
         ("Email", cast.ALDERMAN.email), ("Family", "Husband, Tom Whitfield"), ("Occupation", "Alderman, 4th Ward, City of Lakeport")],
        [
            "Priya Natarajan was elected alderman of the 4th Ward in 2019 after ten years as a public-school teacher and "
            "two terms on the Harbor Point local school council. She chairs the council's Committee on Education and "
            "Child Development.",
            "Natarajan's platform centres on safer crossings near schools, more summer jobs for teenagers and a "
            "participatory budget for ward infrastructure money. She holds office hours every Saturday at the ward office.",
        ],
    ),
}


def profile_text(fields: list[tuple[str, str]], paragraphs: list[str]) -> str:
    return "\n".join(f"{k}: {v}" for k, v in fields) + "\n\n" + "\n\n".join(paragraphs) + "\n"


def write_profiles(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, (fields, paragraphs) in PROFILES.items():
        path = folder / name
        path.write_text(profile_text(fields, paragraphs), encoding="utf-8")
        paths.append(path)
    return paths


def company_entities() -> list[dict[str, object]]:
    return [
        {"id": "demo-harborline", "schema": "Company", "properties": {
            "name": [cast.CLIENT_TITLE], "email": ["info@harborlinesecurity.com"], "website": ["https://www.harborlinesecurity.com"],
            "address": ["2250 S. Foundry Row, Lakeport"], "country": ["us"], "incorporationDate": ["2009-04-17"],
            "sector": ["Security services"]}},
        {"id": "demo-marisol-vega", "schema": "Person", "properties": {
            "name": [cast.CEO.name], "firstName": ["Marisol"], "lastName": ["Vega"], "email": [cast.CEO.email]}},
        {"id": "demo-harborline-vega", "schema": "Directorship", "properties": {
            "director": ["demo-marisol-vega"], "organization": ["demo-harborline"], "role": ["Chief Executive Officer"]}},
        {"id": "demo-harborline-logistics", "schema": "Company", "properties": {
            "name": [cast.LOOKALIKE_TITLE], "email": ["info@harborlinelogistics.com"], "website": ["https://www.harborlinelogistics.com"],
            "address": ["88 W. Wharf St., Lakeport"], "country": ["us"], "incorporationDate": ["2012-10-02"],
            "sector": ["Records storage and secure transport"]}},
        {"id": "demo-dev-malik", "schema": "Person", "properties": {
            "name": [cast.LOOKALIKE_CONTACT.name], "firstName": ["Dev"], "lastName": ["Malik"], "email": [cast.LOOKALIKE_CONTACT.email]}},
        {"id": "demo-harborline-logistics-malik", "schema": "Directorship", "properties": {
            "director": ["demo-dev-malik"], "organization": ["demo-harborline-logistics"], "role": ["Managing Member"]}},
    ]


def write_companies(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(e, ensure_ascii=False) for e in company_entities() + ties.company_entities()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
