"""``mbox``: a Unix mailbox file, messages separated by ``From `` lines.

The splitter reads the file once, line by line, and never parses a message it is told to skip, so a
resumed run starts quickly. ``>From`` escapes are undone (mboxrd).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from interlock.entities import Origin
from interlock.ingest.base import Context, ingester
from interlock.ingest.mail import parse_raw
from interlock.records import Record

ESCAPED_FROM = re.compile(rb"^>(>*From )", re.MULTILINE)


def iter_mbox(path: Path) -> Iterator[tuple[int, bytes]]:
    """(byte offset, raw message) for each message in the file."""
    lines: list[bytes] = []
    offset = start = 0
    previous_blank = True
    with path.open("rb") as fh:
        for line in fh:
            if line.startswith(b"From ") and previous_blank:
                if lines:
                    yield start, b"".join(lines)
                lines = []
                start = offset
            else:
                lines.append(line)
            previous_blank = line in (b"\n", b"\r\n")
            offset += len(line)
    if lines:
        yield start, b"".join(lines)


class Mbox:
    kind = "mbox"
    description = "a Unix mbox file"

    def sniff(self, path: Path) -> bool:
        if not path.is_file():
            return False
        with path.open("rb") as fh:
            return fh.read(5) == b"From "

    def files(self, path: Path) -> list[Path]:
        return [path]

    def records(self, ctx: Context, start: int) -> Iterator[Record]:
        src = ctx.files[0]

        def raws() -> Iterator[tuple[Origin, bytes, str]]:
            for n, (offset, raw) in enumerate(iter_mbox(src.path)):
                if n < start:
                    continue
                raw = ESCAPED_FROM.sub(rb"\1", raw) if b">From " in raw else raw
                yield Origin(ctx.source_sha, src.sha256, str(src.path), f"offset {offset}"), raw, ""

        yield from parse_raw(raws())


ingester(Mbox())
