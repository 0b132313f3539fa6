"""Candidate pairs for ``chicago_2019_2025.csv``: 2019-export and 2025-export lobbyists, employers and clients.

Independent of interlock (standard library only, never ``interlock.resolve``): it reads the two exports'
CSVs, draws pairs from fixed strata with a fixed seed, and writes each with the facts a checker needs
(shared e-mail, phone, street, employer, years, filing dates, staff, clients) and a *proposed* verdict
from the stratum's rule. The proposal is only where reading starts: every pair was then read by hand
and the verdict in the label file is the checker's (see README.md).

Run: ``python -m bench.labels.chicago_candidates [OUT.csv]`` (default ``bench/.cache/chicago_candidates.csv``).
"""

from __future__ import annotations

import csv
import random
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
FILES = {
    ("2019", "lobbyist"): DATA / "chicago-lobbyists-2019" / "Lobbyists.csv",
    ("2019", "employer"): DATA / "chicago-lobbyists-2019" / "Employers.csv",
    ("2019", "client"): DATA / "chicago-lobbyists-2019" / "Clients.csv",
    ("2025", "lobbyist"): DATA / "chicago-lobbyists-2025" / "Lobbyist_Data_-_Lobbyists_20250121.csv",
    ("2025", "employer"): DATA / "chicago-lobbyists-2025" / "Lobbyist_Data_-_Employers_20250121.csv",
    ("2025", "client"): DATA / "chicago-lobbyists-2025" / "Lobbyist_Data_-_Clients_20250121.csv",
}
COMBINATIONS = DATA / "chicago-lobbyists-2025" / "Lobbyist_Data_-_Lobbyist__Employer__Client_Combinations_20250121.csv"
ID_COLUMN = {"lobbyist": "LOBBYIST_ID", "employer": "EMPLOYER_ID", "client": "CLIENT_ID"}
SEED = 20250121
QUOTA = {  # stratum → pairs drawn (fewer when the stratum has fewer distinct names); each stratum has its own seeded shuffle
    "L-A same name, shared contact": 45,
    "L-B1 same name, linked only through other rows": 15,
    "L-B2 same name, 2025 namesake IDs share clients": 15,
    "L-B3 same name, middle initials differ": 15,
    "L-C same surname, other first name, shared contact": 45,
    "L-D same surname, other first name": 30,
    "L-E other surname, shared e-mail": 30,
    "O-A same name": 20,
    "O-B similar name": 35,
    "O-C shared word, partly similar name": 20,
    "O-D same street, other name": 25,
}
LEGAL = re.compile(r"\b(inc|llc|l l c|corp|corporation|co|company|ltd|lp|llp|pc|p c|the|incorporated|na|n a)\b")
STOP = set("of and the for in at a an to chicago illinois il group services service company association assn inc llc corp".split())

Profile = dict[str, set[str]]


def rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(newline="", encoding="utf-8-sig", errors="replace") as fh:
        reader = csv.reader(fh)
        header = [h.strip().lstrip("\ufeff").upper() for h in next(reader)]
        for values in reader:
            if any(v.strip() for v in values):
                yield dict(zip(header, [v.strip() for v in values], strict=False))


def low(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", (text or "").lower()).split())


def org_norm(name: str) -> str:
    return " ".join(LEGAL.sub(" ", low(name)).split())


def phone(text: str) -> str:
    digits = re.sub(r"\D", "", text or "")
    return digits[-10:] if len(digits) >= 10 else ""


def similar(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio()


def short(values: set[str], width: int = 70) -> str:
    return "; ".join(sorted(v for v in values if v))[:width]


def profiles(year: str, kind: str) -> dict[str, Profile]:
    """Native ID → what the export's rows with that ID say (names, years, contacts, employer, filing dates)."""
    out: dict[str, Profile] = defaultdict(lambda: defaultdict(set))
    for r in rows(FILES[(year, kind)]):
        p = out[r[ID_COLUMN[kind]]]
        p["year"].add(r.get("YEAR", ""))
        if kind == "lobbyist":
            p["name"].add(" ".join(x for x in (r["FIRST_NAME"], r["MIDDLE_INITIAL"], r["LAST_NAME"], r["SUFFIX"]) if x))
            p["first"].add(low(r["FIRST_NAME"]))
            p["last"].add(low(r["LAST_NAME"]))
            p["mi"].add(low(r["MIDDLE_INITIAL"]))
            p["email"].add(r["EMAIL"].lower())
            p["employer"].add(r["EMPLOYER_NAME"])
        else:
            p["name"].add(r["NAME"])
        p["phone"].add(phone(r.get("PHONE", "")))
        p["street"].add(low(r.get("ADDRESS_1", "")))
        p["zip"].add(r.get("ZIP", "")[:5])
        p["address"].add(", ".join(x for x in (r.get("ADDRESS_1"), r.get("ADDRESS_2"), r.get("CITY"), r.get("ZIP")) if x))
        p["created"].add(r.get("CREATED_DATE", ""))
        for values in p.values():
            values.discard("")
    return out


def first(values: set[str]) -> str:
    return min(values) if values else ""


def contacts(p: Profile) -> set[tuple[str, str]]:
    return {("email", e) for e in p["email"]} | {("phone", x) for x in p["phone"]} | {("street", s) for s in p["street"]}


class Groups:
    """Union-find over 2019 filings and 2025 IDs of one name, joined where they share an e-mail, phone or street."""

    def __init__(self) -> None:
        self.parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(self, x: tuple[str, str]) -> tuple[str, str]:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: tuple[str, str], b: tuple[str, str]) -> None:
        self.parent[self.find(a)] = self.find(b)


# -- lobbyists ------------------------------------------------------------------------------------------

class Lobbyists:
    def __init__(self) -> None:
        self.p19, self.p25 = profiles("2019", "lobbyist"), profiles("2025", "lobbyist")
        self.by19: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.by25: dict[tuple[str, str], list[str]] = defaultdict(list)
        for i, p in self.p19.items():
            self.by19[self.key(p)].append(i)
        for j, p in self.p25.items():
            self.by25[self.key(p)].append(j)
        self.groups = Groups()
        for name in set(self.by19) | set(self.by25):
            owner: dict[tuple[str, str], tuple[str, str]] = {}
            for node in [("2019", i) for i in self.by19.get(name, [])] + [("2025", j) for j in self.by25.get(name, [])]:
                self.groups.find(node)
                for c in contacts(self.profile(node)):
                    if c in owner:
                        self.groups.union(owner[c], node)
                    else:
                        owner[c] = node
        self.clients: dict[str, set[str]] = defaultdict(set)
        for r in rows(COMBINATIONS):
            self.clients[r["LOBBYIST_ID"]].add(org_norm(r["CLIENT_NAME"]))

    @staticmethod
    def key(p: Profile) -> tuple[str, str]:
        return first(p["first"]), first(p["last"])

    def profile(self, node: tuple[str, str]) -> Profile:
        return self.p19[node[1]] if node[0] == "2019" else self.p25[node[1]]

    def linked_2025(self, i: str) -> list[str]:
        """2025 IDs of the 2019 filing's name that a chain of shared contacts joins to it."""
        root = self.groups.find(("2019", i))
        return [j for j in self.by25.get(self.key(self.p19[i]), []) if self.groups.find(("2025", j)) == root]

    def shared_clients(self, i: str, j: str) -> tuple[str, set[str]]:
        best: tuple[str, set[str]] = ("", set())
        for k in self.linked_2025(i):
            if k != j and len(self.clients[k] & self.clients[j]) > len(best[1]):
                best = (k, self.clients[k] & self.clients[j])
        return best

    def stratum(self, i: str, j: str) -> str | None:
        a, b = self.p19[i], self.p25[j]
        direct = bool(contacts(a) & contacts(b))
        if not a["last"] & b["last"]:
            return "L-E other surname, shared e-mail" if a["email"] & b["email"] else None
        if not a["first"] & b["first"]:
            return "L-C same surname, other first name, shared contact" if direct else "L-D same surname, other first name"
        if direct:
            return "L-A same name, shared contact"
        if j in self.linked_2025(i):
            return "L-B1 same name, linked only through other rows"
        if len(self.shared_clients(i, j)[1]) >= 2:
            return "L-B2 same name, 2025 namesake IDs share clients"
        if a["mi"] and b["mi"] and not a["mi"] & b["mi"]:
            return "L-B3 same name, middle initials differ"
        return None  # same name, nothing in the rows decides: not drawn

    def candidates(self) -> dict[str, list[tuple[str, str]]]:
        by_last: dict[str, set[str]] = defaultdict(set)
        by_email: dict[str, set[str]] = defaultdict(set)
        for j, p in self.p25.items():
            for last in p["last"]:
                by_last[last].add(j)
            for e in p["email"]:
                by_email[e].add(j)
        out: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for i, a in self.p19.items():
            near = {j for last in a["last"] for j in by_last[last]} | {j for e in a["email"] for j in by_email[e]}
            for j in sorted(near):
                if s := self.stratum(i, j):
                    out[s].append((i, j))
        return out

    def evidence(self, i: str, j: str) -> str:
        a, b = self.p19[i], self.p25[j]
        years = sorted(b["year"])
        shared = [f"{kind} {value}" for kind, value in sorted(contacts(a) & contacts(b))]
        if a["year"] & b["year"] and a["created"] & b["created"]:
            shared.append(f"same filing ({short(a['year'])}, created {short(a['created'])})")
        text = (f"2019 row: {short(a['year'])}, {short(a['email'])}, {short(a['phone'])}, {short(a['address'], 50)}, "
                f"employer {short(a['employer'], 50) or '(blank)'}. 2025 ID: {years[0]}-{years[-1]}, {short(b['email'], 90)}, "
                f"{short(b['phone'], 40)}, {short(b['address'], 80)}, employer {short(b['employer'], 80)}. "
                f"Shared: {'; '.join(shared) or 'nothing'}.")
        if a["mi"] != b["mi"]:
            text += f" Middle initial {short(a['mi']) or '-'} vs {short(b['mi']) or '-'}."
        linked = [k for k in self.linked_2025(i) if k != j]
        if j in self.linked_2025(i) and not contacts(a) & contacts(b):
            text += " Chain: other filings of this name join them by e-mail/phone/street."
        elif linked:
            k, common = self.shared_clients(i, j)
            text += f" The 2019 row is 2025 ID {linked[0]} by contact"
            text += f"; 2025 IDs {k} and {j} share clients {short(common, 80)}." if common else "."
        return text

    def propose(self, stratum: str) -> str:
        return "yes" if stratum[:4] in ("L-A ", "L-B1", "L-B2") else "no"


# -- employers and clients ------------------------------------------------------------------------------

class Organisations:
    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.p19, self.p25 = profiles("2019", kind), profiles("2025", kind)
        self.names19: dict[str, list[str]] = defaultdict(list)
        self.names25: dict[str, list[str]] = defaultdict(list)
        for i, p in self.p19.items():
            self.names19[first(p["name"])].append(i)
        for j, p in self.p25.items():
            self.names25[first(p["name"])].append(j)
        self.staff: dict[str, dict[str, set[str]]] = {}
        for year in ("2019", "2025"):
            staff: dict[str, set[str]] = defaultdict(set)
            for r in rows(FILES[(year, "lobbyist")]):
                staff[r["EMPLOYER_ID"]].add(f"{r['FIRST_NAME']} {r['LAST_NAME']}".title())
            self.staff[year] = staff
        self.agents: dict[str, set[str]] = defaultdict(set)
        for r in rows(COMBINATIONS):
            self.agents[org_norm(r["CLIENT_NAME"])].add(r["EMPLOYER_NAME"].title())

    def merged(self, year: str, name: str) -> Profile:
        profiles_, names = (self.p19, self.names19) if year == "2019" else (self.p25, self.names25)
        out: Profile = defaultdict(set)
        for x in names[name]:
            for k, v in profiles_[x].items():
                out[k] |= v
        return out

    def candidates(self) -> dict[str, list[tuple[str, str]]]:
        words: dict[str, set[str]] = defaultdict(set)
        places: dict[tuple[str, str], set[str]] = defaultdict(set)
        for name in self.names25:
            for w in set(org_norm(name).split()) - STOP:
                words[w].add(name)
            p = self.merged("2025", name)
            for street in p["street"]:
                for z in p["zip"]:
                    places[(street, z)].add(name)
        out: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for name in sorted(self.names19):
            near = {m for w in set(org_norm(name).split()) - STOP if len(words[w]) <= 60 for m in words[w]}
            p = self.merged("2019", name)
            same_place = {m for s in p["street"] for z in p["zip"] for m in places.get((s, z), ())}
            for other in sorted(near | same_place):
                a, b = org_norm(name), org_norm(other)
                ratio = similar(a, b)
                if a == b:
                    s = "O-A same name"
                elif ratio >= 0.85:
                    s = "O-B similar name"
                elif other in same_place and ratio < 0.6:
                    s = "O-D same street, other name"
                elif ratio >= 0.6:
                    s = "O-C shared word, partly similar name"
                else:
                    continue
                out[s].append((name, other))
        return out

    def ids(self, name19: str, name25: str) -> tuple[str, str]:
        """The pair's IDs: the 2019 name's latest-year ID and the 2025 name's earliest-year ID."""
        i = max(self.names19[name19], key=lambda x: (max(self.p19[x]["year"] or {""}), x))
        j = min(self.names25[name25], key=lambda x: (min(self.p25[x]["year"] or {"9999"}), x))
        return i, j

    def evidence(self, name19: str, name25: str) -> str:
        a, b = self.merged("2019", name19), self.merged("2025", name25)
        ya, yb = sorted(a["year"]) or ["?"], sorted(b["year"]) or ["?"]
        shared = [f"{k} {v}" for k, v in sorted(contacts(a) & contacts(b))]
        if a["created"] & b["created"]:
            shared.append(f"created {short(a['created'] & b['created'], 40)}")
        text = (f"2019: {ya[0]}-{ya[-1]}, {short(a['address'], 90)}, {short(a['phone'], 30)}. "
                f"2025: {yb[0]}-{yb[-1]}, {short(b['address'], 90)}, {short(b['phone'], 30)}. Shared: {'; '.join(shared) or 'nothing'}.")
        if self.kind == "employer":
            s19 = set().union(*(self.staff["2019"][x] for x in self.names19[name19]))
            s25 = set().union(*(self.staff["2025"][x] for x in self.names25[name25]))
            both = short(s19 & s25, 60) or "none"
            text += f" Lobbyists 2019: {short(s19, 60) or 'none'}; 2025: {short(s25, 60) or 'none'}; both: {both}."
        else:
            text += f" 2025 lobbying employers: {short(self.agents[org_norm(name25)], 80) or 'none'}."
        return text

    def propose(self, stratum: str) -> str:
        return "yes" if stratum.startswith("O-A") else "no"


# -- drawing ----------------------------------------------------------------------------------------------

def draw() -> list[dict[str, str]]:
    """The candidate pairs, stratum by stratum; within a stratum at most one pair per 2019 name and per 2025 ID or name."""
    out: list[dict[str, str]] = []
    lob = Lobbyists()
    strata = lob.candidates()
    for s, quota in QUOTA.items():
        if not s.startswith("L-"):
            continue
        used19: set[tuple[str, str]] = set()
        used25: set[str] = set()
        pool = sorted(set(strata[s]))
        random.Random(f"{SEED} {s}").shuffle(pool)
        taken = 0
        for i, j in pool:
            if taken == quota:
                break
            if lob.key(lob.p19[i]) in used19 or j in used25:
                continue
            used19.add(lob.key(lob.p19[i]))
            used25.add(j)
            taken += 1
            out.append({"kind": "lobbyist", "stratum": s, "name_2019": first(lob.p19[i]["name"]), "id_2019": i,
                        "name_2025": first(lob.p25[j]["name"]), "id_2025": j, "proposed": lob.propose(s), "evidence": lob.evidence(i, j)})
    for kind in ("employer", "client"):
        orgs = Organisations(kind)
        strata = orgs.candidates()
        for s, quota in QUOTA.items():
            if not s.startswith("O-"):
                continue
            seen19: set[str] = set()
            seen25: set[str] = set()
            pool = sorted(set(strata[s]))
            random.Random(f"{SEED} {kind} {s}").shuffle(pool)
            taken = 0
            for n19, n25 in pool:
                if taken == quota:
                    break
                if org_norm(n19) in seen19 or org_norm(n25) in seen25:
                    continue
                seen19.add(org_norm(n19))
                seen25.add(org_norm(n25))
                taken += 1
                i, j = orgs.ids(n19, n25)
                out.append({"kind": kind, "stratum": s, "name_2019": n19, "id_2019": i, "name_2025": n25, "id_2025": j,
                            "proposed": orgs.propose(s), "evidence": orgs.evidence(n19, n25)})
    return out


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "bench" / ".cache" / "chicago_candidates.csv"
    target.parent.mkdir(parents=True, exist_ok=True)
    pairs = draw()
    with target.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(pairs[0]))
        writer.writeheader()
        writer.writerows(pairs)
    print(f"{len(pairs)} candidate pairs → {target}")


if __name__ == "__main__":
    main()
