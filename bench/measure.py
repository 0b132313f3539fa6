"""Run a command and report its wall time and peak resident memory.

Peak memory comes from GNU time (``/usr/bin/time -f %M``), not from this process's ``wait4``:
Linux carries the parent's high-water mark into a forked child across ``exec``, so a child measured
from a large parent would report at least the parent's size.
"""

from __future__ import annotations

import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

GNU_TIME = "/usr/bin/time"


@dataclass
class Run:
    seconds: float
    peak_mib: float
    returncode: int


def measure(cmd: list[str], env: dict[str, str] | None = None) -> Run:
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        start = time.perf_counter()
        proc = subprocess.run([GNU_TIME, "-f", "%M", "-o", out.name, *cmd],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        seconds = time.perf_counter() - start
        lines = [line for line in Path(out.name).read_text().splitlines() if line.strip().isdigit()]
    return Run(seconds, int(lines[-1]) / 1024 if lines else float("nan"), proc.returncode)
