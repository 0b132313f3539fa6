"""PST: interlock's reader (libpff) beside ``readpst`` (Debian's pst-utils, PST → mbox) on the fixtures.

The only PST files here are the two small fixtures of ../shared/data/email-format-fixtures (a
distribution list, a password-flagged file; a handful of items each, one of them a message), so
each reader goes over them many rounds and the rate is items per second on small files: it says
what a PST item costs, not how a multi-gigabyte production behaves. Each reader runs in its own
process (wall time, peak memory from GNU time). Run: ``python -m bench pst``.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from bench.measure import Run, measure

FIXTURES = Path(__file__).resolve().parents[2] / "shared" / "data" / "email-format-fixtures"
ROUNDS = 200


def child(rounds: int, files: list[str]) -> None:
    """Read every item of every file ``rounds`` times with the pst ingester; print the item count of one round."""
    from interlock.blobs import sha256_file
    from interlock.ingest.base import Context, SourceFile, get_ingester
    from interlock.settings import Settings

    ing = get_ingester("pst")
    quiet = Settings(say=lambda _: None)
    items = 0
    for r in range(rounds):
        for name in files:
            path = Path(name)
            ref = SourceFile(path, sha256_file(path), path.stat().st_size)
            n = sum(1 for _ in ing.records(Context(path, ref.sha256, (ref,), quiet), 0))
            items += n if r == 0 else 0
    print(items)


def row(name: str, run: Run, items: int) -> str:
    status = "" if run.returncode == 0 else f"  (exit {run.returncode})"
    return f"  {name:44} {items:7,} {run.seconds:8.2f} {items / run.seconds:9,.0f} {run.peak_mib:9.0f}{status}"


def main() -> None:
    files = sorted(str(p) for p in FIXTURES.glob("*.pst"))
    if not files:
        print(f"pst: skipped, no .pst files in {FIXTURES}")
        return
    import subprocess

    per_round = int(subprocess.run([sys.executable, "-m", "bench.pst_ingest", "--child", "1", *files],
                                   capture_output=True, text=True, check=True).stdout.split()[-1])
    print(f"PST: {len(files)} fixture files, {per_round} items a round, {ROUNDS} rounds")
    print(f"  {'reader':44} {'items':>7} {'seconds':>8} {'items/s':>9} {'peak MiB':>9}")
    print(row("interlock start-up alone (imports, 1 round)", measure([sys.executable, "-m", "bench.pst_ingest", "--child", "1", *files]),
              per_round))
    print(row("interlock pst reader (libpff)", measure([sys.executable, "-m", "bench.pst_ingest", "--child", str(ROUNDS), *files]),
              per_round * ROUNDS))
    if shutil.which("readpst"):
        with tempfile.TemporaryDirectory() as out:
            loop = 'o=$1; n=$2; shift 2; for r in $(seq "$n"); do for f in "$@"; do readpst -q -o "$o" "$f"; done; done'
            print(row("readpst (pst-utils) → mbox, a process a file", measure(["sh", "-c", loop, "sh", out, str(ROUNDS), *files]),
                      per_round * ROUNDS))
    else:
        print("  readpst: not installed (apt-get install pst-utils)")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(int(sys.argv[2]), sys.argv[3:])
    else:
        main()
