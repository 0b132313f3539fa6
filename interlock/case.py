"""A case: one folder holding the store (``case.duckdb``) and content-addressed copies of its sources.

This module is the public API; the command line calls it and nothing else::

    case = Case.open("lakeport", create=True)
    case.ingest([Path("mailbox.mbox")])
    case.resolve(); case.detect(); case.report("html")
"""

from __future__ import annotations

from pathlib import Path

from interlock.blobs import Blobs
from interlock.errors import UsageError
from interlock.ingest.base import detect_kind
from interlock.ingest.driver import SourceReport, ingest_source
from interlock.mailbox import infer_mailbox, record_mailbox
from interlock.settings import Settings
from interlock.store.duckdb import DuckDBStore

STORE_FILE = "case.duckdb"


class Case:
    def __init__(self, root: Path, settings: Settings) -> None:
        self.root = root
        self.settings = settings
        self.store = DuckDBStore(root / STORE_FILE)
        self.blobs = Blobs(root / "blobs")

    @property
    def name(self) -> str:
        return self.root.resolve().name

    @classmethod
    def open(cls, root: Path | str, settings: Settings | None = None, create: bool = False) -> Case:
        root = Path(root)
        if not (root / STORE_FILE).exists():
            if not create:
                raise UsageError(f"{root}: not an interlock case (no {STORE_FILE}); create it with `interlock init {root}`")
            root.mkdir(parents=True, exist_ok=True)
        return cls(root, settings or Settings())

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Case:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- ingest ---------------------------------------------------------------

    def ingest(self, paths: list[Path], kind: str | None = None) -> list[SourceReport]:
        reports = []
        for path in paths:
            source_kind = kind or detect_kind(path)
            report = ingest_source(self.store, self.blobs, path, source_kind, self.settings)
            if not report.skipped and report.counts.get("messages"):
                box = infer_mailbox(self.store, report.sha256, self.settings.owner, self.settings.gov_domains)
                record_mailbox(self.store, report.sha256, box)
                if box.note:
                    report.notes.append(box.note)
            reports.append(report)
        return reports
