"""Run a command in a child process and report its wall time and peak resident memory."""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass


@dataclass
class Run:
    seconds: float
    peak_mib: float
    returncode: int


def measure(cmd: list[str], env: dict[str, str] | None = None) -> Run:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Run(seconds, usage.ru_maxrss / 1024, proc.returncode)
