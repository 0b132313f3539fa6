"""A case: one folder holding the store (``case.duckdb``) and content-addressed copies of its sources.

This module is the public API; the command line calls it and nothing else::

    case = Case.open("lakeport", create=True)
    case.ingest([Path("mailbox.mbox")])
    case.resolve(); case.detect(); case.report("html")
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from interlock.blobs import Blobs
from interlock.donations import Gift, gifts
from interlock.errors import UsageError
from interlock.findings import Finding
from interlock.graph import Graph
from interlock.ingest.base import detect_kind
from interlock.ingest.driver import SourceReport, ingest_source, now
from interlock.mailbox import build_accounts, infer_mailbox, record_mailbox
from interlock.resolve import ResolveReport, add_judgement, judgements, run_resolve
from interlock.resolve import review as reviewing
from interlock.rules import run_rules
from interlock.settings import Settings
from interlock.store.duckdb import DuckDBStore
from interlock.threads import build_threads

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
        with self.store.bounded_memory():
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

    # -- resolve, detect ------------------------------------------------------

    def resolve(self) -> ResolveReport:
        """Who is who (identities), which messages are one thread or one message twice, and which
        addresses are government, personal or role accounts."""
        report = run_resolve(self.store)
        report.threads = build_threads(self.store)
        report.accounts = build_accounts(self.store)
        return report

    def judge(self, left: str, right: str, verdict: str, author: str, note: str = "") -> None:
        add_judgement(self.store, left, right, verdict, author, note)

    def review(self, author: str, ask: Callable[[str], str], show: Callable[[str], None], limit: int | None = None) -> int:
        """Ask a person about the uncertain pairs of the last resolve; return how many they judged."""
        return reviewing.review(self.store, author, ask, show, limit)

    def export_judgements(self, path: Path) -> int:
        return judgements.export(self.store, path)

    def import_judgements(self, path: Path) -> int:
        return judgements.import_file(self.store, path)

    def detect(self, rule: str | None = None) -> DetectReport:
        if not self.store.query("SELECT 1 FROM identities LIMIT 1"):
            self.resolve()
        graph = Graph.load(self.store)
        findings = run_rules(graph, self.store, rule)
        where, params = (" WHERE rule = ?", [rule]) if rule else ("", [])
        before = dict(self.store.query("SELECT id, payload FROM findings" + where, params))
        rows = [(f.id, f.rule, json.dumps(f.to_dict(), sort_keys=True), now()) for f in findings]
        with self.store.transaction():
            if rule:
                self.store.execute("DELETE FROM findings WHERE rule = ?", [rule])
            else:
                self.store.execute("DELETE FROM findings")
            self.store.insert("findings", rows)
        after = {r[0]: r[2] for r in rows}
        same = [f for f in after if f in before and json.loads(before[f])["evidence"] == json.loads(after[f])["evidence"]]
        return DetectReport(
            findings=findings,
            new=sorted(set(after) - set(before)),
            gone=sorted(set(before) - set(after)),
            changed=sorted(f for f in set(after) & set(before) if f not in same),
        )

    def gifts(self, who: str | None = None) -> tuple[Graph, list[Gift]]:
        """Campaign gifts, each once with every filing that reports it; ``who`` keeps those whose giver
        or receiver has a name containing it (any case)."""
        if not self.store.query("SELECT 1 FROM identities LIMIT 1"):
            self.resolve()
        graph = Graph.load(self.store)
        found = gifts(graph)
        if who:
            needle = who.lower()
            found = [g for g in found if any(needle in name.lower() for i in (g.donor, *g.receivers)
                                             if (node := graph.get(i)) for name in node.values("name"))]
        return graph, found

    # -- report, export -------------------------------------------------------

    def report(self, fmt: str = "html", out: Path | None = None) -> Path:
        from interlock.report import build_report, write_report

        target = out or self.root / f"report.{'md' if fmt == 'md' else fmt}"
        return write_report(build_report(self.store, self.name), fmt, target)

    def export(self, fmt: str = "ftm", out: Path | None = None) -> tuple[Path, int]:
        from interlock.export import export_case

        suffix = {"ftm": "ftm.json", "csv": "csv", "gexf": "gexf"}.get(fmt, fmt)
        target = out or self.root / f"export.{suffix}"
        return target, export_case(self.store, fmt, target)

    def investigate(self, paths: list[Path], kind: str | None = None, out: Path | None = None) -> Investigation:
        sources = self.ingest(paths, kind)
        resolved = self.resolve()
        detected = self.detect()
        html = self.report("html", out)
        data = self.report("json", (out or self.root / "report.html").with_suffix(".json"))
        return Investigation(sources, resolved, detected, html, data)


@dataclass
class DetectReport:
    findings: list[Finding]
    new: list[str] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)


@dataclass
class Investigation:
    sources: list[SourceReport]
    resolved: ResolveReport
    detected: DetectReport
    html: Path
    json: Path
