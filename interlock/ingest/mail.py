"""What the mail kinds share: raw messages in, records out. Parsing is pure and per message."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from interlock.entities import Origin
from interlock.errors import RecordError
from interlock.ingest.email_parse import parse_message
from interlock.records import Record, Reject


def parse_raw(raws: Iterable[tuple[Origin, bytes, str]]) -> Iterator[Record]:
    for origin, raw, folder in raws:
        try:
            yield [parse_message(raw, origin, folder)]
        except RecordError as exc:
            yield Reject(origin, exc.reason)
        except Exception as exc:  # noqa: BLE001  (a parser crash rejects this message alone)
            yield Reject(origin, f"unreadable message ({type(exc).__name__}: {exc})")


def looks_like_message(path: Path) -> bool:
    """True when a file starts with RFC 822 header lines."""
    try:
        with path.open("rb") as fh:
            head = fh.read(2048)
    except OSError:
        return False
    first = head.split(b"\n", 1)[0]
    return b":" in first and not first.startswith(b"From ") and first.split(b":", 1)[0].replace(b"-", b"").isalnum()
