"""Other entity-resolution engines on interlock's labelled sets: Splink and nomenklatura against interlock.

Every engine gets the same nodes (:func:`bench.resolve_sets.nodes`: people, organisations and mail
correspondents with their names, e-mails, addresses and phones) and is scored by
:func:`bench.resolve_quality.score` on the same labelled sets, so the numbers sit beside
``python -m bench resolve-quality``. The engines need libraries interlock cannot share a venv with
(nomenklatura 4.17 pins duckdb < 2; interlock runs duckdb 2), so they run in ``.venv-engines``
(``make engines-venv``, pinned in ``bench/engines/requirements.txt``) as subprocesses:
``bench/engines/run_<engine>.py NODES.jsonl CLUSTERS.json`` reads the nodes as JSON lines and
writes ``{node id: cluster id}``. Seconds are wall time: the engine's subprocess, imports
included, and for interlock ``Case.resolve()``.

Run: ``python -m bench resolve-engines`` or ``python -m bench.resolve_engines [--rebuild] [--no-interlock]
[--only splink,nomenklatura,...]``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.resolve_quality import Scores, score
from bench.resolve_sets import ROOT, LabelledSet, chicago_case, chicago_set, clinton_case, clinton_set, identities, nodes
from interlock.case import Case

ENGINES_DIR = ROOT / "bench" / "engines"
ENGINES_PYTHON = ROOT / ".venv-engines" / "bin" / "python"
TIMEOUT = 3600  # seconds per engine and set
# name, runner script, extra arguments
ENGINES: list[tuple[str, str, list[str]]] = [
    ("splink", "run_splink.py", []),
    ("nomenklatura er-unstable", "run_nomenklatura.py", ["er-unstable"]),
    ("nomenklatura logic-v2", "run_nomenklatura.py", ["logic-v2"]),
]
SETS: list[tuple[str, Callable[[bool], Path], Callable[[Case], LabelledSet]]] = [
    ("clinton", clinton_case, clinton_set),
    ("chicago", chicago_case, chicago_set),
]


def run_engine(script: str, extra: list[str], path: Path) -> tuple[dict[str, str] | None, float, str]:
    """Run one engine on the nodes in ``path``: its clusters (None if it failed), wall seconds, and its stderr tail."""
    out = path.with_suffix(f".{script}.{'-'.join(extra) or 'default'}.json")
    started = time.perf_counter()
    try:
        done = subprocess.run([str(ENGINES_PYTHON), str(ENGINES_DIR / script), str(path), str(out), *extra],
                              capture_output=True, text=True, timeout=TIMEOUT, cwd=ENGINES_DIR)
    except subprocess.TimeoutExpired:
        return None, time.perf_counter() - started, f"timed out after {TIMEOUT}s"
    seconds = time.perf_counter() - started
    lines = done.stderr.strip().splitlines()
    if done.returncode != 0 or not out.exists():
        return None, seconds, f"exit {done.returncode}: " + "\n".join(lines[-6:])
    said = [line for line in lines if line.startswith(("splink:", "nomenklatura"))]   # the runners' own summary
    return json.loads(out.read_text()), seconds, "\n    ".join(said)


def main() -> None:
    args = sys.argv[1:]
    rebuild = "--rebuild" in args
    only = args[args.index("--only") + 1].split(",") if "--only" in args else None
    engines = [e for e in ENGINES if only is None or any(e[0].startswith(o) for o in only)]
    have_venv = ENGINES_PYTHON.exists()
    print("entity-resolution engines on the labelled sets (pairwise; nodes from bench.resolve_sets.nodes)")
    if not have_venv:
        print(f"  {ENGINES_PYTHON.parent.parent.relative_to(ROOT)} is missing, so only interlock is scored: "
              "create it with `make engines-venv` (python3.11 -m venv .venv-engines && "
              ".venv-engines/bin/pip install -r bench/engines/requirements.txt)")
        engines = []
    rows: list[tuple[str, str, Scores | None, float, str]] = []
    with tempfile.TemporaryDirectory(prefix="interlock-engines-") as tmp:
        for name, make_case, make_set in SETS:
            with Case.open(make_case(rebuild)) as case:
                labelled = make_set(case)
                exported = nodes(case)
                if "--no-interlock" not in args:
                    started = time.perf_counter()
                    case.resolve()
                    seconds = time.perf_counter() - started
                    rows.append(("interlock", labelled.name, score(identities(case), labelled), seconds, ""))
            rows.append(("(no merge)", labelled.name, score({}, labelled), 0.0, ""))
            path = Path(tmp) / f"{name}.jsonl"
            with path.open("w", encoding="utf-8") as fh:
                for node in exported:
                    fh.write(json.dumps(node, ensure_ascii=False) + "\n")
            print(f"[{name}] {len(exported):,} nodes, {len(labelled.pairs):,} labelled pairs "
                  f"({sum(p.same for p in labelled.pairs):,} same)", flush=True)
            for engine, script, extra in engines:
                predicted, seconds, note = run_engine(script, extra, path)
                rows.append((engine, labelled.name, None if predicted is None else score(predicted, labelled), seconds, note))
                print(f"  {engine}: {seconds:.1f}s; {note}", flush=True)
    print()
    print(f"{'engine':26} {'set':20} {'precision':>9} {'recall':>7} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5} {'seconds':>8}")
    for engine, set_name, s, seconds, note in rows:
        if s is None:
            print(f"{engine:26} {set_name:20} {'failed':>9}  {note.splitlines()[-1] if note else ''}")
            continue
        print(f"{engine:26} {set_name:20} {s.precision:9.3f} {s.recall:7.3f} {s.f1:6.3f} {s.tp:5,} {s.fp:5,} {s.fn:5,} {seconds:8.1f}")


if __name__ == "__main__":
    main()
