"""What the mail kinds share: raw messages in, records out. Parsing is pure and per message."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from interlock.entities import Origin
from interlock.errors import RecordError
from interlock.ingest.attachment_text import clean_text
from interlock.ingest.email_parse import parse_message
from interlock.records import Record, Reject


def parse_one(origin: Origin, raw: bytes, folder: str) -> Record:
    """One message, or the reason it is rejected. Never raises (but for KeyboardInterrupt and SystemExit):
    whatever goes wrong with one message is that message's reject, and the batch goes on."""
    try:
        return [parse_message(raw, origin, folder)]
    except RecordError as exc:
        reason = exc.reason
    except RecursionError:
        reason = "unreadable message (nested too deeply for the parser)"
    except MemoryError:
        reason = "unreadable message (not enough memory to parse it)"
    except Exception as exc:  # noqa: BLE001  (a parser crash rejects this message alone)
        reason = f"unreadable message ({type(exc).__name__}: {exc})"
    return Reject(origin, clean_text(reason)[:2000] or "unreadable message")


def parse_raw(raws: Iterable[tuple[Origin, bytes, str]]) -> Iterator[Record]:
    for origin, raw, folder in raws:
        yield parse_one(origin, raw, folder)


def looks_like_message(path: Path) -> bool:
    """True when a file starts with RFC 822 header lines."""
    try:
        with path.open("rb") as fh:
            head = fh.read(2048)
    except OSError:
        return False
    first = head.split(b"\n", 1)[0]
    return b":" in first and not first.startswith(b"From ") and first.split(b":", 1)[0].replace(b"-", b"").isalnum()
