"""The ingest driver: hash and copy a source, read its records, commit them batch by batch.

Each batch is one transaction that also moves the source's checkpoint (``next_record``), so a run
killed at any moment leaves the store at a batch boundary, and the next run resumes from there:
nothing lost, nothing doubled. A source already ingested in full is recognised by its hash and
skipped.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from interlock.blobs import Blobs, sha256_file
from interlock.entities import Entity, make_id
from interlock.errors import InputError
from interlock.ingest.base import Context, HasCompanions, Ingester, SourceFile, get_ingester
from interlock.records import Message, Reject
from interlock.settings import Settings
from interlock.store import Store
from interlock.threads import content_key


@dataclass
class SourceReport:
    path: str
    kind: str
    sha256: str
    records: int = 0
    rejected: int = 0
    skipped: bool = False
    resumed_from: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def hash_source(path: Path, files: list[Path]) -> tuple[str, list[SourceFile]]:
    refs = [SourceFile(p, sha256_file(p), p.stat().st_size) for p in files]
    if path.is_file():
        return refs[0].sha256, refs
    manifest = "".join(f"{f.path.relative_to(path).as_posix()}\t{f.sha256}\n" for f in refs)
    return hashlib.sha256(manifest.encode()).hexdigest(), refs


class Batch:
    """Rows waiting for the next commit."""

    def __init__(self) -> None:
        self.rows: dict[str, list[tuple[Any, ...]]] = {}
        self.records = 0
        self.rejected = 0

    def add(self, table: str, row: tuple[Any, ...]) -> None:
        self.rows.setdefault(table, []).append(row)


def add_entity(batch: Batch, ent: Entity, seen: datetime) -> None:
    o = ent.origin
    values = [("id", ent.id), *ent.values]
    for prop, value in values:
        sid = make_id(ent.id, prop, value, o.file_sha, o.record)
        batch.add("statements", (sid, ent.id, ent.schema, prop, value, o.source_sha, o.file_sha, o.path, o.record, seen))


def add_message(batch: Batch, msg: Message, number: int | str, blobs: Blobs, seen: datetime, parent: str | None = None) -> str:
    o = msg.origin
    mid = make_id(o.source_sha, number) if parent is None else make_id(parent, number)
    sender = msg.sender
    batch.add("messages", (
        mid, o.source_sha, o.file_sha, o.path, o.record, msg.message_id, msg.in_reply_to, msg.references,
        msg.sent_at, msg.date_raw, sender.address if sender else None, sender.name if sender else None,
        msg.subject, msg.body, msg.folder, seen, parent, msg.relation or None,
        content_key(sender.address or sender.name if sender else None, msg.sent_at.date().isoformat() if msg.sent_at else None,
                    msg.subject, msg.body),
    ))
    for role, addrs in (("from", [sender] if sender else []), ("to", msg.to), ("cc", msg.cc), ("bcc", msg.bcc)):
        for a in addrs:
            batch.add("participants", (mid, role, a.address, a.name))
    for att in msg.attachments:
        if att.data:
            blobs.put_bytes(att.data, att.sha256)
        batch.add("attachments", (mid, att.name, att.sha256, att.size, att.content_type, att.text or None, att.error or None))
    for key, value in msg.meta.items():
        for v in value if isinstance(value, list) else [value]:
            batch.add("message_meta", (mid, key, v))
    for i, child in enumerate(msg.children):
        add_message(batch, child, f"child {i}", blobs, seen, parent=mid)
    return mid


def commit(store: Store, sha: str, batch: Batch, next_record: int) -> None:
    with store.transaction():
        for table, rows in batch.rows.items():
            store.insert(table, rows)
        store.execute(
            "UPDATE sources SET next_record = ?, records = records + ?, rejected = rejected + ? WHERE sha256 = ?",
            [next_record, batch.records, batch.rejected, sha],
        )


def ingest_source(store: Store, blobs: Blobs, path: Path, kind: str, settings: Settings) -> SourceReport:
    ing = get_ingester(kind)
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    files = ing.files(path)
    if not files:
        raise InputError(f"{path}: no files of kind {kind} found here")
    sha, refs = hash_source(path, files)
    companions = ing.companions(settings) if isinstance(ing, HasCompanions) else []
    if companions:   # files that say how to read the source (a csv mapping) are part of it
        extra = [SourceFile(p, sha256_file(p), p.stat().st_size) for p in companions]
        sha = hashlib.sha256("".join(f"{x}\n" for x in [sha, *(e.sha256 for e in extra)]).encode()).hexdigest()
        refs = [*refs, *extra]
    report = SourceReport(str(path), kind, sha)
    found = store.query("SELECT status, next_record, records, rejected FROM sources WHERE sha256 = ?", [sha])
    if found and found[0][0] == "done":
        report.skipped, report.records, report.rejected = True, found[0][2], found[0][3]
        return report
    for ref in refs:
        blobs.put_file(ref.path, ref.sha256)
    start = 0
    if found:
        start = report.resumed_from = found[0][1]
        settings.say(f"{path}: resuming at record {start} (a previous run stopped there)")
    else:
        options = {"owner": settings.owner, "gov_domains": list(settings.gov_domains), "jurisdiction": settings.jurisdiction,
                   **({"mapping": str(settings.mapping)} if companions else {})}
        with store.transaction():
            store.insert("sources", [(sha, str(path), kind, json.dumps(options), "running", 0, 0, 0, now(), None)])
            store.insert("files", [(sha, r.sha256, str(r.path), r.size) for r in refs])
    ctx = Context(root=path, source_sha=sha, files=tuple(refs), settings=settings)
    batch = Batch()
    number = start
    seen = now()
    started = last_note = time.monotonic()
    for record in ing.records(ctx, start):
        if isinstance(record, Reject):
            batch.rejected += 1
            o = record.origin
            batch.add("rejects", (sha, o.file_sha, o.path, o.record, record.reason, seen))
            settings.say(f"rejected {o.path}:{o.record}: {record.reason}")
        else:
            batch.records += 1
            for i, out in enumerate(record):
                if isinstance(out, Message):
                    # a record may hold several messages (a printed production): each gets its own id
                    add_message(batch, out, number if i == 0 else f"{number}.{i}", blobs, seen)
                else:
                    add_entity(batch, out, seen)
        number += 1
        if batch.records + batch.rejected >= settings.batch_size:
            commit(store, sha, batch, number)
            report.records += batch.records
            report.rejected += batch.rejected
            batch, seen = Batch(), now()
            if time.monotonic() - last_note >= settings.progress_every or number - start == settings.batch_size:
                last_note = time.monotonic()
                rate = (number - start) / max(last_note - started, 1e-9)
                settings.say(f"{path}: {number:,} records committed ({rate:,.0f}/s), {report.rejected:,} rejected")
    commit(store, sha, batch, number)
    report.records += batch.records
    report.rejected += batch.rejected
    store.execute("UPDATE sources SET status = 'done', finished_at = ? WHERE sha256 = ?", [now(), sha])
    totals = store.query("SELECT records, rejected FROM sources WHERE sha256 = ?", [sha])[0]
    report.records, report.rejected = totals
    report.counts = Counter(summarize(store, ing, sha))
    return report


def summarize(store: Store, ing: Ingester, sha: str) -> dict[str, int]:
    """What the source added, in the words of its kind (``lobbyists``, ``payments``) when it has them."""
    custom = getattr(ing, "summary", None)
    if custom is not None:
        return dict(custom(store, sha))
    counts = dict(store.query(
        "SELECT schema, count(DISTINCT entity_id) FROM statements WHERE source_sha = ? GROUP BY schema ORDER BY schema", [sha]
    ))
    messages = store.query("SELECT count(*) FROM messages WHERE source_sha = ?", [sha])[0][0]
    if messages:
        counts["messages"] = messages
    return counts
