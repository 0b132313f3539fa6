"""The case store: one small class per backend behind the same few methods.

SQL is written once (see :mod:`interlock.store.schema` and the callers); a backend only executes
it. The embedded default is DuckDB (:mod:`interlock.store.duckdb`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol


class Store(Protocol):
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None: ...

    def insert(self, table: str, rows: Sequence[Sequence[Any]]) -> None: ...

    def transaction(self) -> AbstractContextManager[None]: ...

    def iter_query(self, sql: str, params: Sequence[Any] = (), size: int = 10_000) -> Iterator[tuple[Any, ...]]: ...

    def close(self) -> None: ...

    def bounded_memory(self) -> AbstractContextManager[None]:
        """Hold the store to a small cache while rows stream in, so ingest memory stays flat."""
        ...
