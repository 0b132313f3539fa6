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
from datetime import datetime
from pathlib import Path
from typing import Any

from interlock import changes
from interlock import triage as triaging
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
                # a mapping says how to read a table: with one, the kind is csv
                source_kind = kind or ("csv" if self.settings.mapping else detect_kind(path))
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
        """Run the rules, store the findings, and compare them with what the last run stored (only that
        rule's, with ``rule``): new, changed (and what changed), unchanged, gone. The run is kept in the
        case's history and the stored triage decisions are replayed on the findings."""
        if not self.store.query("SELECT 1 FROM identities LIMIT 1"):
            self.resolve()
        graph = Graph.load(self.store)
        findings = run_rules(graph, self.store, rule)
        where, params = (" WHERE rule = ?", [rule]) if rule else ("", [])
        before = dict(self.store.query("SELECT id, payload FROM findings" + where, params))
        since = changes.last_run_time(self.store)
        at = now()
        after = {f.id: f.to_dict() for f in findings}
        rows = [(fid, data["rule"], json.dumps(data, sort_keys=True), at) for fid, data in after.items()]
        run = changes.compare(before, after)
        prints = {fid: changes.fingerprint(changes.basis(data)) for fid, data in after.items()}
        with self.store.transaction():
            self.store.execute("DELETE FROM findings" + where, params)
            self.store.insert("findings", rows)
            number = changes.record_run(self.store, run, at, rule, since, prints)
        return DetectReport(
            findings=findings, new=run.new, gone=run.gone, changed=run.changed, unchanged=run.unchanged,
            what=run.what, titles=run.titles, run=number, since=since,
            triage=triaging.replay(self.store, after),
        )

    def stored_findings(self) -> dict[str, dict[str, Any]]:
        """The findings of the last detect, id → JSON dict."""
        return {fid: json.loads(payload) for fid, payload in self.store.query("SELECT id, payload FROM findings ORDER BY id")}

    def triage(self, finding_id: str, status: str, note: str = "", author: str = "") -> triaging.Decision:
        """Record a decision on a finding, named by its id or the start of it."""
        found = self.stored_findings()
        fid = triaging.find_id(found, finding_id, f"case {self.name}")
        return triaging.decide(self.store, found[fid], status, note, author)

    def triage_list(self) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]], list[triaging.Decision]]:
        """The current findings, the triage of those that have one (as replayed on today's evidence),
        and the last decision on each finding that is no longer detected."""
        found = self.stored_findings()
        decisions = triaging.load(self.store)
        current = triaging.latest(decisions, found)
        placed = {d.finding_id for d in current.values()}
        last: dict[str, triaging.Decision] = {}
        for d in decisions:
            last[d.finding_id] = d
        orphans = [d for fid, d in sorted(last.items()) if fid not in found and fid not in placed]
        return found, {fid: triaging.effective(d, found[fid]) for fid, d in current.items()}, orphans

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
    unchanged: list[str] = field(default_factory=list)
    what: dict[str, list[str]] = field(default_factory=dict)            # changed id → what changed
    titles: dict[str, tuple[str, str]] = field(default_factory=dict)    # id (gone ones too) → (title, rule)
    run: int = 0                                                        # the number of this run in detect_runs
    since: datetime | None = None                                       # when the run compared with took place
    triage: dict[str, dict[str, Any]] = field(default_factory=dict)     # id → replayed triage (interlock.triage)

    def revived(self) -> list[str]:
        """Dismissed findings whose evidence changed since: back for review."""
        return sorted(fid for fid, t in self.triage.items() if t["decided"] == "dismissed" and t["status"] != "dismissed")


@dataclass
class Investigation:
    sources: list[SourceReport]
    resolved: ResolveReport
    detected: DetectReport
    html: Path
    json: Path
