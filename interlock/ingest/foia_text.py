"""``foia-text``: printed e-mail as text, as records offices release it (``pdftotext`` of the PDFs, or OCR).

A source is one ``.txt`` file or a folder of them (read recursively, in sorted order). Each file is one
record, named by the file: its message with the quoted history as children (see
:mod:`interlock.ingest.printed`), or a rejection when the file holds no printed header block at all
(a memo, a schedule, an attachment printed on its own). When a file holds further printed e-mails
(a new header block at the top of a later page), they are children of the first with
``relation="attached"``: the record stays one file and one top message. Pages are split at form feeds, as
``pdftotext`` writes them, so ``page``/``pages``/``span`` in the messages' metadata point into the file.

Layouts: the State Department's FOIA releases (``UNCLASSIFIED U.S. Department of State Case No. …``),
Outlook and Outlook-on-the-web prints.

A large folder is parsed by worker processes (one fewer than the machine's cores, the driver keeps
one to write the store), a few chunks ahead of the driver, and the records come back in file order.
Workers are forked (where the platform forks), so a script that calls ``Case.ingest`` needs no
``if __name__ == "__main__"`` guard; the workers run only the pure parser, never the store.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from pathlib import Path

from interlock.entities import Origin
from interlock.ingest.base import Context, SourceFile, ingester, walk_files
from interlock.ingest.printed import Page, split_printed
from interlock.records import Message, Output, Record, Reject

SNIFF_BYTES = 2048
SNIFF_FILES = 5
HEADERISH = re.compile(rb"^[ \t]*[^\w\s]{0,2}[ \t]*From:", re.MULTILINE)
WHEN_OR_SUBJECT = re.compile(rb"^[ \t]*[^\w\s]{0,2}[ \t]*(?:Sent|Subject|Date):", re.MULTILINE)
OWA_HEAD = re.compile(rb"^[ \t]*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*,?[ \t]+\d{1,2}/\d{1,2}/\d{2,4}[ \t]+\d{1,2}:\d\d"
                      rb"[^\n]*\n\s*To:", re.MULTILINE)       # Outlook on the web: "Tue 11/7/2017 4:02 PM", then "To:"
STATE_BANNER = re.compile(rb"Department\s+of\s+State\s+Case\s+No|PRODUCED\s+TO\s+HOUSE\s+SELECT")
PARALLEL_FILES = 400   # fewer files than this are parsed in the driver's process
CHUNK = 64             # files a worker parses at a time
AHEAD = 4              # chunks in flight per worker
MAX_WORKERS = 4


def read_text(path: Path) -> str:
    """The file's text: UTF-8, or Windows-1252 when it is not UTF-8 (as older exports are)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def text_pages(text: str) -> list[Page]:
    """Pages split at form feeds; the empty page after ``pdftotext``'s final form feed is left out."""
    parts = text.split("\f")
    if len(parts) > 1 and not parts[-1].strip():
        parts.pop()
    return [Page(number=n, text=part) for n, part in enumerate(parts, start=1)]


def looks_printed(head: bytes) -> bool:
    """A printed header (``From:`` with ``Sent:``, ``Date:`` or ``Subject:``; Outlook on the web's date above ``To:``)
    or the State Department banner."""
    return bool(STATE_BANNER.search(head) or (HEADERISH.search(head) and WHEN_OR_SUBJECT.search(head)) or OWA_HEAD.search(head))


def read_record(source_sha: str, src: SourceFile) -> Record:
    """One file as one record: its messages, or a Reject saying why there are none."""
    origin = Origin(source_sha, src.sha256, str(src.path), src.path.name)
    try:
        found = split_printed(text_pages(read_text(src.path)), origin)
    except OSError as exc:
        return Reject(origin, f"cannot read the file ({exc.strerror or exc})")
    except Exception as exc:  # noqa: BLE001  (a parser crash rejects this file alone)
        return Reject(origin, f"unreadable printed e-mail ({type(exc).__name__}: {exc})")
    messages = [m for m in found if isinstance(m, Message)]
    if not messages:
        return next((r for r in found if isinstance(r, Reject)), Reject(origin, "no messages"))
    top, *more = messages
    for extra in more:              # another e-mail printed in the same file: one record, one top message
        extra.relation = "attached"
    top.children += more
    out: list[Output] = [top]
    return out


def read_chunk(source_sha: str, files: Sequence[SourceFile]) -> list[Record]:
    return [read_record(source_sha, src) for src in files]


def parse_workers(files: int) -> int:
    """Worker processes for a source of ``files`` files: none for a small one, else all cores but one."""
    if files < PARALLEL_FILES or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(0, min(cores - 1, MAX_WORKERS))


def read_parallel(source_sha: str, files: Sequence[SourceFile], workers: int) -> Iterator[Record]:
    """Records of ``files`` in order, parsed by ``workers`` processes a bounded number of chunks ahead."""
    chunks = iter([files[i:i + CHUNK] for i in range(0, len(files), CHUNK)])
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    try:
        pending: deque[Future[list[Record]]] = deque(
            pool.submit(read_chunk, source_sha, chunk) for chunk in islice(chunks, workers * AHEAD))
        while pending:
            done = pending.popleft().result()
            pending.extend(pool.submit(read_chunk, source_sha, chunk) for chunk in islice(chunks, 1))
            yield from done
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


class FoiaText:
    kind = "foia-text"
    description = "printed e-mail as text (FOIA releases, pdftotext output): a .txt file or a folder of them"

    def sniff(self, path: Path) -> bool:
        candidates = [path] if path.is_file() else self.files(path)[:SNIFF_FILES] if path.is_dir() else []
        for file in candidates:
            if file.suffix.lower() != ".txt":
                return False
            with file.open("rb") as fh:
                if looks_printed(fh.read(SNIFF_BYTES)):
                    return True
        return False

    def files(self, path: Path) -> list[Path]:
        if path.is_file():
            return [path]
        return [p for p in walk_files(path) if p.suffix.lower() == ".txt"]

    def records(self, ctx: Context, start: int) -> Iterator[Record]:
        todo = ctx.files[start:]
        workers = parse_workers(len(todo))
        if workers:
            yield from read_parallel(ctx.source_sha, todo, workers)
        else:
            for src in todo:
                yield read_record(ctx.source_sha, src)


ingester(FoiaText())
