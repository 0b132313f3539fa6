"""Mail ingest: interlock against the plain standard-library loader, on the demo mailbox.

Each loader runs in its own process on the same generated mbox, so wall time and peak memory
(ru_maxrss) are its own. Run: ``python -m bench ingest-mail [EMAILS]``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from bench.measure import measure
from interlock.demo.generate import generate


def main(emails: int = 20_000) -> None:
    if len(sys.argv) > 2:
        emails = int(sys.argv[2])
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        generate(root / "demo", emails=emails)
        mbox = next((root / "demo" / "input" / "mailbox").glob("*.mbox"))
        size = mbox.stat().st_size / 2**20
        print(f"mail ingest: demo mailbox, {emails:,} messages, {size:.1f} MiB")
        runs = {
            "interlock ingest (DuckDB)": measure([sys.executable, "-m", "interlock.cli", "ingest", str(root / "case"), str(mbox)]),
            "stdlib mailbox+email → SQLite": measure([sys.executable, str(Path(__file__).with_name("baseline_sqlite.py")),
                                                      str(mbox), str(root / "baseline.db")]),
        }
        print(f"  {'loader':34} {'seconds':>8} {'msgs/s':>9} {'peak MiB':>9}")
        for name, run in runs.items():
            status = "" if run.returncode in (0, 1) else f"  (exit {run.returncode})"
            print(f"  {name:34} {run.seconds:8.2f} {emails / run.seconds:9,.0f} {run.peak_mib:9.0f}{status}")


if __name__ == "__main__":
    main()
