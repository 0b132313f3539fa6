"""Printed e-mail: field accuracy on a hand-labelled sample, and the time to ingest a whole release.

The sample is ``tests/ingest_printed/labels.json``: files of the State Department's Clinton release
(FOIA case F-2014-20439) drawn at random with a fixed seed, each labelled by reading its text. The
parser's top message is compared with the labels field by field; then all 27,159 files are unpacked
to a temporary folder and ingested through the real driver as kind ``foia-text``.
Run: ``python -m bench.printed_accuracy [--no-ingest]``.
"""

from __future__ import annotations

import json
import random
import sys
import tarfile
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from interlock.entities import Origin
from interlock.ingest.foia_text import text_pages
from interlock.ingest.printed import split_printed
from interlock.records import Address, Message

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "ingest_printed" / "labels.json"
DATA = ROOT.parent / "shared" / "data" / "clinton-state-dept-emails"
ARCHIVE = DATA / "clinton_email_text_pdftotext.tar.xz"
MEMBER_PREFIX = "text/"
FIELDS = ("from", "to", "cc", "date", "subject", "case_number", "doc_number", "release_stamp", "exemptions", "quoted")


def norm(text: str) -> str:
    """Compare as a reader would: case, spaces, quotes, brackets and trailing punctuation set aside; OCR's © is @."""
    text = text.lower().replace("©", "@").replace("mailto:", "")
    return "".join(ch for ch in text if not ch.isspace() and ch not in "'\"‘’`<>[]").strip(".;,:")


def printed(addr: Address) -> str:
    return f"{addr.name} <{addr.address}>" if addr.name and addr.address else addr.name or addr.address


def found_fields(msg: Message | None) -> dict[str, Any]:
    """The fields of a parsed top message in the labels' terms (None for a rejected file)."""
    if msg is None:
        return {}
    exemptions = msg.meta.get("exemptions", [])
    return {
        "from": {"name": msg.sender.name, "address": msg.sender.address} if msg.sender else None,
        "to": [printed(a) for a in msg.to],
        "cc": [printed(a) for a in msg.cc],
        "date": msg.sent_at.isoformat() if msg.sent_at else None,
        "subject": msg.subject,
        "case_number": msg.meta.get("case_number"),
        "doc_number": msg.meta.get("doc_number"),
        "release_stamp": msg.meta.get("release_stamp"),
        "exemptions": sorted(exemptions if isinstance(exemptions, list) else [exemptions]),
        "quoted": sum(1 for c in msg.children if c.relation == "quoted"),
    }


def same(name: str, expected: Any, found: Any) -> bool:
    if name == "from":
        if not expected or not found:
            return expected == found
        return norm(expected["name"]) == norm(found["name"]) and norm(expected["address"]) == norm(found["address"])
    if name in ("to", "cc"):
        return [norm(x) for x in expected] == [norm(x) for x in found]
    if name == "subject":
        return " ".join(expected.split()) == " ".join((found or "").split())
    return bool(expected == found)


def parse(name: str, text: str) -> Message | None:
    out = split_printed(text_pages(text), Origin("bench", "bench", name, name))
    return out[0] if out and isinstance(out[0], Message) else None


def score(labels: list[dict[str, Any]], texts: dict[str, str]) -> tuple[dict[str, tuple[int, int]], list[str]]:
    """Per field: (right, total) over the labelled files; and a line for each miss."""
    right = dict.fromkeys(FIELDS, 0)
    misses = []
    for label in labels:
        got = found_fields(parse(label["file"], texts[label["file"]]))
        for name in FIELDS:
            if same(name, label[name], got.get(name)):
                right[name] += 1
            else:
                misses.append(f"{label['file']}: {name}: expected {label[name]!r}, found {got.get(name)!r}")
    return {name: (right[name], len(labels)) for name in FIELDS}, misses


def load_labels(path: Path = LABELS) -> list[dict[str, Any]]:
    files: list[dict[str, Any]] = json.loads(path.read_text())["files"]
    return files


def read_archive(archive: Path, names: Iterable[str]) -> tuple[list[str], dict[str, str]]:
    """All the release's file names (``release/DocNo.txt``) and the texts of the named ones, in one pass over the archive."""
    wanted = {MEMBER_PREFIX + n for n in names}
    members, texts = [], {}
    with tarfile.open(archive, "r:xz") as tar:
        for member in tar:
            if not member.isfile() or not member.name.startswith(MEMBER_PREFIX):
                continue
            members.append(member.name[len(MEMBER_PREFIX):])
            if member.name in wanted:
                fh = tar.extractfile(member)
                assert fh is not None
                texts[member.name[len(MEMBER_PREFIX):]] = fh.read().decode("utf-8", errors="replace")
    return sorted(members), texts


def draw_sample(members: list[str], seed: int, size: int) -> list[str]:
    """The labelled files: ``size`` of the release's files drawn with ``seed``, sorted."""
    return sorted(random.Random(seed).sample(sorted(members), size))


def unpack(archive: Path, dest: Path) -> Path:
    """The whole release unpacked under ``dest``; returns the folder of .txt files."""
    with tarfile.open(archive, "r:xz") as tar:
        tar.extractall(dest, filter="data")
    return dest / MEMBER_PREFIX.rstrip("/")


def ingest_all(folder: Path, case_dir: Path) -> tuple[float, int, int, list[tuple[str, str]]]:
    """Seconds to ingest the folder as ``foia-text``, records, rejected, and the rejects (path, reason)."""
    import interlock.ingest.foia_text  # noqa: F401  (registers the kind)
    from interlock.case import Case

    with Case.open(case_dir, create=True) as case:
        started = time.perf_counter()
        report = case.ingest([folder], "foia-text")[0]
        seconds = time.perf_counter() - started
        rejects = [(str(p), str(r)) for p, r in case.store.query("SELECT path, reason FROM rejects ORDER BY path")]
    return seconds, report.records, report.rejected, rejects


def main() -> None:
    labels = load_labels()
    started = time.perf_counter()
    _, texts = read_archive(ARCHIVE, [label["file"] for label in labels])
    results, misses = score(labels, texts)
    print(f"printed e-mail accuracy: {len(labels)} hand-labelled files of {ARCHIVE.name} "
          f"(read in {time.perf_counter() - started:.1f}s)")
    for name, (ok, total) in results.items():
        print(f"  {name:14} {ok:3}/{total}  {ok / total:6.1%}")
    ok_all = sum(ok for ok, _ in results.values())
    total_all = sum(total for _, total in results.values())
    print(f"  {'overall':14} {ok_all:3}/{total_all}  {ok_all / total_all:6.1%}")
    for miss in misses:
        print("  miss:", miss)
    if "--no-ingest" in sys.argv:
        return
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        folder = unpack(ARCHIVE, Path(tmp))
        files = sum(1 for _ in folder.rglob("*.txt"))
        print(f"unpacked {files:,} files in {time.perf_counter() - started:.1f}s")
        seconds, records, rejected, rejects = ingest_all(folder, Path(tmp) / "case")
        print(f"ingest foia-text: {files:,} files in {seconds:.1f}s ({files / seconds:,.0f} files/s): "
              f"{records:,} records, {rejected:,} rejected")
        reasons: dict[str, int] = {}
        for _, reason in rejects:
            reasons[reason] = reasons.get(reason, 0) + 1
        for reason, count in sorted(reasons.items(), key=lambda kv: -kv[1]):
            print(f"  rejected {count:,}: {reason}")


if __name__ == "__main__":
    main()
