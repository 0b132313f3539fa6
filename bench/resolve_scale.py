"""How long resolution takes, and how it grows: the Chicago 2025 registry, then the ISBE receipts of all
50 aldermen's committees, then the 2019 and 2021 exports and the city's 30,872 employees.

Each step ingests one more source into the same case (not timed) and runs ``Case.resolve()`` in this
process; the row says how many nodes and compared pairs that meant and the wall time of resolve
alone, then of the whole ``resolve`` (threads and accounts included). Beside it, the obvious
alternative: comparing every pair of person records by name with no blocking, timed on a sample
and scaled to the full count (it is quadratic, so it is not run in full).
Run: ``python -m bench resolve-scale``.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from interlock.case import Case
from interlock.resolve import run_resolve
from interlock.resolve.features import compare
from interlock.resolve.nodes import load_nodes

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
STEPS = [
    ("chicago 2025 registry", SHARED / "chicago-lobbyists-2025"),
    ("+ ISBE receipts, 50 aldermen", SHARED / "chicago-aldermen-isbe-receipts-2019"),
    ("+ 2019 and 2021 registry exports", SHARED / "chicago-lobbyists-2019"),
    ("", SHARED / "chicago-lobbyists-2021"),
    ("+ city employees 2023", SHARED / "chicago-employees-2023" / "Current_Employee_Names__Salaries__and_Position_Titles_2023-04.csv"),
]
SAMPLE = 400


def all_pairs_estimate(case: Case) -> tuple[int, float]:
    """Seconds to compare every pair of person and organisation records, from a timed sample."""
    nodes = [n for n in load_nodes(case.store).values() if n.kind != "address"]
    sample = nodes[:SAMPLE]
    started = time.perf_counter()
    done = 0
    for i, a in enumerate(sample):
        for b in sample[i + 1:]:
            compare(a, b)
            done += 1
    per_pair = (time.perf_counter() - started) / max(done, 1)
    total = len(nodes) * (len(nodes) - 1) // 2
    return total, total * per_pair


def main() -> None:
    missing = [path for _, path in STEPS if not path.exists()]
    if missing:
        print(f"resolve-scale: skipped, missing {missing[0]}")
        return
    print("resolution time as the case grows (one case, a source added per step)")
    print(f"  {'step':34} {'nodes':>8} {'pairs':>9} {'identities':>10} {'resolve s':>9}   {'all pairs, no blocking (est.)':>30}")
    with tempfile.TemporaryDirectory() as tmp, Case.open(Path(tmp) / "case", create=True) as case:
        for name, path in STEPS:
            case.ingest([path])
            if not name:
                continue
            report = run_resolve(case.store)
            pairs, seconds = all_pairs_estimate(case)
            nodes = report.entities + report.addresses
            print(f"  {name:34} {nodes:8,} {report.pairs:9,} {report.identities:10,} {report.seconds:9.1f}   "
                  f"{pairs:16,} pairs ≈ {seconds / 60:7.0f} min")


if __name__ == "__main__":
    main()
