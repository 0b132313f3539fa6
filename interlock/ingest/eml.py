"""``eml``: one ``.eml`` file, or a folder of them (searched recursively)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from interlock.entities import Origin
from interlock.ingest.base import Context, ingester, walk_files
from interlock.ingest.mail import parse_raw
from interlock.records import Record


class Eml:
    kind = "eml"
    description = "an .eml file or a folder of .eml files"

    def sniff(self, path: Path) -> bool:
        if path.is_file():
            return path.suffix.lower() == ".eml"
        return any(p.suffix.lower() == ".eml" for p in walk_files(path)[:200])

    def files(self, path: Path) -> list[Path]:
        return [p for p in walk_files(path) if path.is_file() or p.suffix.lower() == ".eml"]

    def records(self, ctx: Context, start: int) -> Iterator[Record]:
        root = ctx.root if ctx.root.is_dir() else ctx.root.parent

        def raws() -> Iterator[tuple[Origin, bytes, str]]:
            for f in ctx.files[start:]:
                folder = f.path.parent.relative_to(root).as_posix().strip(".")
                yield Origin(ctx.source_sha, f.sha256, str(f.path), f.path.name), f.path.read_bytes(), folder

        yield from parse_raw(raws())


ingester(Eml())
