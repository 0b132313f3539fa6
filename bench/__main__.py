"""Run every benchmark, or the ones named: ``python -m bench [NAME ...]`` (``--help`` lists them)."""

from __future__ import annotations

import sys

from bench import (
    claims_quality,
    claims_speed,
    detect_scale,
    ingest_formats,
    ingest_mail,
    pdf_ingest,
    printed_accuracy,
    pst_ingest,
    resolve_engines,
    resolve_quality,
    resolve_scale,
)

BENCHES = {
    "ingest-mail": ingest_mail.main,
    "ingest-formats": ingest_formats.main,
    "pdf": pdf_ingest.main,
    "pst": pst_ingest.main,
    "printed-accuracy": printed_accuracy.main,
    "resolve-quality": resolve_quality.main,
    "resolve-scale": resolve_scale.main,
    "resolve-engines": resolve_engines.main,
    "claims-quality": claims_quality.main,
    "claims-speed": claims_speed.main,
    "detect-scale": detect_scale.main,
}



def usage() -> str:
    lines = ["python -m bench [NAME ...]: run the named benchmarks (all when none is named), each printing its numbers", ""]
    for name, func in BENCHES.items():
        doc = (sys.modules[func.__module__].__doc__ or "").strip().splitlines()
        lines.append(f"  {name:<17} {doc[0] if doc else ''}")
    return "\n".join(lines)


if __name__ == "__main__":
    names = [a for a in sys.argv[1:] if not a.startswith("-")] or list(BENCHES)
    if {"-h", "--help"} & set(sys.argv[1:]):
        print(usage())
        sys.exit(0)
    unknown = [n for n in names if n not in BENCHES]
    if unknown:
        print(f"unknown benchmark {', '.join(unknown)}\n\n{usage()}", file=sys.stderr)
        sys.exit(2)
    for name in names:
        BENCHES[name]()
