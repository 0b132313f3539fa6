"""What an ingester is, and the registry of source kinds.

An ingester turns one source (a file or a folder) into records. It names the files that make up the
source, says whether a path looks like its kind, and yields records from a given start, so a killed
run resumes where it stopped. Register one with :func:`ingester`; names must be unique.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from interlock.errors import UsageError
from interlock.records import Record
from interlock.settings import Settings
from interlock.store import Store


@dataclass(frozen=True)
class SourceFile:
    path: Path
    sha256: str
    size: int


@dataclass(frozen=True)
class Context:
    root: Path
    source_sha: str
    files: tuple[SourceFile, ...]
    settings: Settings

    def sha_of(self, path: Path) -> str:
        for f in self.files:
            if f.path == path:
                return f.sha256
        raise KeyError(path)


class Ingester(Protocol):
    kind: str
    description: str

    def sniff(self, path: Path) -> bool:
        """True when the path looks like this kind (used when --kind is not given)."""

    def files(self, path: Path) -> list[Path]:
        """The files that make up the source, in a stable order."""

    def records(self, ctx: Context, start: int) -> Iterator[Record]:
        """Yield records from number ``start`` on (0-based), in a stable order."""


@runtime_checkable
class HasCompanions(Protocol):
    """An ingester whose source needs another file to be read (the csv kind's mapping)."""

    def companions(self, settings: Settings) -> list[Path]:
        """Files that are part of the source beside its own: hashed with it and copied into the case."""


KINDS: dict[str, Ingester] = {}


def ingester(obj: Ingester) -> Ingester:
    """Register an ingester under its kind; a second one with the same name is a bug."""
    if obj.kind in KINDS:
        raise ValueError(f"ingester kind {obj.kind!r} registered twice")
    KINDS[obj.kind] = obj
    return obj


def get_ingester(kind: str) -> Ingester:
    from interlock import ingest  # noqa: F401  (registers the built-in kinds)

    try:
        return KINDS[kind]
    except KeyError:
        raise UsageError(f"unknown source kind {kind!r}; known kinds: {', '.join(sorted(KINDS))}") from None


def detect_kind(path: Path) -> str:
    from interlock import ingest  # noqa: F401

    for kind, obj in KINDS.items():
        if obj.sniff(path):
            return kind
    hint = "; a table in another layout goes in with --mapping FILE (kind csv)" if path.suffix.lower() in (".csv", ".tsv") else ""
    raise UsageError(f"{path}: cannot tell what kind of source this is; name it with --kind ({', '.join(sorted(KINDS))}){hint}")


def files_by_layout(path: Path, layout_of: Callable[[Path], str | None], order: Sequence[str]) -> list[tuple[Path, str]]:
    """The CSV files of a file or folder whose layout is known, with it, in ``order`` of layouts then path."""
    candidates = [path] if path.is_file() else [p for p in walk_files(path) if p.suffix.lower() == ".csv"]
    found = [(p, layout) for p in candidates if (layout := layout_of(p))]
    return sorted(found, key=lambda x: (list(order).index(x[1]), str(x[0])))


def count_entities(store: Store, source_sha: str, schema: str) -> int:
    """How many entities of a schema a source stated (for an ingester's summary)."""
    sql = "SELECT count(DISTINCT entity_id) FROM statements WHERE source_sha = ? AND schema = ?"
    return int(store.query(sql, [source_sha, schema])[0][0])


def walk_files(path: Path) -> list[Path]:
    """All regular files under a folder (or the file itself), hidden ones left out, sorted."""
    if path.is_file():
        return [path]
    return sorted(
        p for p in path.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
    )
