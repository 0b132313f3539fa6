"""Mail ingest across formats, beside the alternatives, and memory as the mailbox grows.

- mbox: the generated demo mailbox; interlock vs `mbox-to-sqlite` (PyPI) vs a stdlib loader.
- maildir: the real Enron maildirs (10,076 messages); interlock vs a stdlib loader
  (mbox-to-sqlite reads only mbox).
- memory: interlock's peak resident memory on generated mailboxes of 10,000, 50,000 and 100,000 messages.

Each loader runs in its own process (wall time, ru_maxrss). Run: ``python -m bench ingest-formats``.
"""

from __future__ import annotations

import shutil
import sys
import tarfile
import tempfile
from pathlib import Path

from bench.measure import Run, measure
from interlock.demo.generate import generate

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
HERE = Path(__file__).parent


def interlock_cmd(case: Path, source: Path, kind: str) -> list[str]:
    return [sys.executable, "-m", "interlock.cli", "ingest", str(case), str(source), "--kind", kind]


def table(title: str, n: int, runs: dict[str, Run]) -> None:
    print(title)
    print(f"  {'loader':34} {'seconds':>8} {'msgs/s':>9} {'peak MiB':>9}")
    for name, run in runs.items():
        status = "" if run.returncode in (0, 1) else f"  (exit {run.returncode})"
        print(f"  {name:34} {run.seconds:8.2f} {n / run.seconds:9,.0f} {run.peak_mib:9.0f}{status}")


def mbox_bench(tmp: Path, emails: int) -> None:
    generate(tmp / "gen", emails=emails)
    mbox = next((tmp / "gen" / "input" / "mailbox").glob("*.mbox"))
    m2s = shutil.which("mbox-to-sqlite") or str(Path(sys.executable).with_name("mbox-to-sqlite"))
    runs = {
        "interlock (DuckDB)": measure(interlock_cmd(tmp / "case-mbox", mbox, "mbox")),
        "mbox-to-sqlite": measure([m2s, "mbox", str(tmp / "m2s.db"), str(mbox)]),
        "stdlib mailbox+email → SQLite": measure([sys.executable, str(HERE / "baseline_sqlite.py"), str(mbox), str(tmp / "std.db")]),
    }
    table(f"mbox: generated mailbox, {emails:,} messages, {mbox.stat().st_size / 2**20:.1f} MiB", emails, runs)


def maildir_bench(tmp: Path) -> None:
    archive = SHARED / "enron-maildir-lay-skilling" / "enron_lay_skilling_maildir.tar.xz"
    if not archive.exists():
        print(f"maildir: skipped, {archive} not found")
        return
    with tarfile.open(archive) as tar:
        tar.extractall(tmp / "enron", filter="data")
    runs = {
        "interlock (DuckDB)": measure(interlock_cmd(tmp / "case-md", tmp / "enron", "maildir")),
        "stdlib walk+email → SQLite": measure([sys.executable, str(HERE / "baseline_maildir.py"), str(tmp / "enron"), str(tmp / "md.db")]),
    }
    table("maildir: Enron lay-k + skilling-j, 10,076 messages", 10_076, runs)


def memory_bench(tmp: Path, sizes: tuple[int, ...] = (10_000, 50_000, 100_000)) -> None:
    print("memory as the mailbox grows (interlock ingest, one process each)")
    print(f"  {'messages':>9} {'MiB file':>9} {'seconds':>8} {'msgs/s':>9} {'peak MiB':>9}")
    for n in sizes:
        root = tmp / f"mem{n}"
        generate(root, emails=n)
        mbox = next((root / "input" / "mailbox").glob("*.mbox"))
        run = measure(interlock_cmd(root / "case", mbox, "mbox"))
        print(f"  {n:9,} {mbox.stat().st_size / 2**20:9.1f} {run.seconds:8.2f} {n / run.seconds:9,.0f} {run.peak_mib:9.0f}")
        shutil.rmtree(root)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        mbox_bench(Path(tmp), 20_000)
        maildir_bench(Path(tmp))
        memory_bench(Path(tmp))


if __name__ == "__main__":
    main()
