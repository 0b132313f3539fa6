"""``maildir``: a folder tree with one message per file (Maildir ``cur/new``, or a plain tree as in the
Enron release). The folder a message sits in is kept (``inbox``, ``sent``, …)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from interlock.entities import Origin
from interlock.ingest.base import Context, ingester, walk_files
from interlock.ingest.mail import looks_like_message, parse_raw
from interlock.records import Record

MAILDIR_PARTS = {"cur", "new", "tmp"}


def message_files(path: Path) -> list[Path]:
    return [p for p in walk_files(path) if not p.name.endswith((".eml", ".msg", ".pst")) or path.is_file()]


class Maildir:
    kind = "maildir"
    description = "a folder tree of RFC 822 message files (Maildir or one file a message)"

    def sniff(self, path: Path) -> bool:
        if not path.is_dir():
            return False
        if (path / "cur").is_dir() or (path / "new").is_dir():
            return True
        files = walk_files(path)[:20]
        return bool(files) and all(looks_like_message(p) for p in files)

    def files(self, path: Path) -> list[Path]:
        return message_files(path)

    def records(self, ctx: Context, start: int) -> Iterator[Record]:
        root = ctx.root if ctx.root.is_dir() else ctx.root.parent

        def raws() -> Iterator[tuple[Origin, bytes, str]]:
            for f in ctx.files[start:]:
                rel = f.path.parent.relative_to(root)
                folder = "/".join(p for p in rel.parts if p not in MAILDIR_PARTS)
                origin = Origin(ctx.source_sha, f.sha256, str(f.path), f.path.name)
                yield origin, f.path.read_bytes(), folder

        yield from parse_raw(raws())


ingester(Maildir())
