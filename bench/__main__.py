"""Run every benchmark: ``python -m bench [NAME ...]``."""

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

if __name__ == "__main__":
    names = sys.argv[1:] or list(BENCHES)
    for name in names:
        BENCHES[name]()
