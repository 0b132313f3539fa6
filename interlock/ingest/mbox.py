"""``mbox``: a Unix mailbox file, messages separated by ``From `` lines.

The splitter reads the file once, line by line, and never parses a message it is told to skip, so a
resumed run starts quickly. ``>From`` escapes are undone (mboxrd). Memory stays bounded whatever the
file holds: a line is read in pieces of at most 1 MiB, and a message over the parser's 64 MiB limit is
counted and rejected without being kept. CRLF files split like LF ones; a last line without a newline
is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import NamedTuple

from interlock.entities import Origin
from interlock.ingest.base import Context, ingester
from interlock.ingest.email_parse import MAX_MESSAGE
from interlock.ingest.mail import parse_one
from interlock.records import Record, Reject

ESCAPED_FROM = re.compile(rb"^>(>*From )", re.MULTILINE)
CHUNK = 1 << 20   # a line longer than this is read in pieces, so no line is ever held whole


class MboxEntry(NamedTuple):
    offset: int           # where its ``From `` line starts (0 for text before the first one)
    size: int             # bytes of the message, without the ``From `` line
    raw: bytes | None     # None when the message is over the limit it was split with


def split_mbox(path: Path, limit: int | None = None, chunk: int = CHUNK) -> Iterator[MboxEntry]:
    """The messages of an mbox file, without their ``From `` separator lines.

    A separator is a line starting ``From `` at the start of the file or after a blank line (LF or
    CRLF). Memory is bounded: lines are read in pieces of at most ``chunk`` bytes, and a message over
    ``limit`` bytes is counted but not kept (its entry's ``raw`` is None).
    """
    parts: list[bytes] = []
    size = offset = start = 0
    over = False
    previous_blank = True      # the line before this one was blank (or there was none)
    line_start = True          # this piece starts a line (the piece before it ended one)
    in_separator = False       # this piece continues a separator line longer than a chunk
    with path.open("rb") as fh:
        readline = partial(fh.readline, chunk)
        for piece in iter(readline, b""):
            while line_start and len(piece) < 5 and not piece.endswith(b"\n"):  # enough of the line to tell "From "
                more = readline()
                if not more:
                    break
                piece += more
            if line_start and previous_blank and piece.startswith(b"From "):
                if size:
                    yield MboxEntry(start, size, None if over else b"".join(parts))
                parts, size, over, start = [], 0, False, offset
                in_separator = True
            elif not in_separator:
                size += len(piece)
                if limit is not None and size > limit:
                    parts, over = [], True
                elif not over:
                    parts.append(piece)
            ends_line = piece.endswith(b"\n")
            previous_blank = line_start and piece in (b"\n", b"\r\n")
            if ends_line:
                in_separator = False
            line_start = ends_line
            offset += len(piece)
    if size:
        yield MboxEntry(start, size, None if over else b"".join(parts))


def iter_mbox(path: Path) -> Iterator[tuple[int, bytes]]:
    """(byte offset, raw message) for each message in the file (kept whole, however large)."""
    for entry in split_mbox(path):
        yield entry.offset, entry.raw or b""


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
        for n, entry in enumerate(split_mbox(src.path, MAX_MESSAGE)):
            if n < start:
                continue
            origin = Origin(ctx.source_sha, src.sha256, str(src.path), f"offset {entry.offset}")
            if entry.raw is None:
                yield Reject(origin, f"message of {entry.size:,} bytes is over the {MAX_MESSAGE:,}-byte limit; not read")
                continue
            raw = ESCAPED_FROM.sub(rb"\1", entry.raw) if b">From " in entry.raw else entry.raw
            yield parse_one(origin, raw, "")


ingester(Mbox())
