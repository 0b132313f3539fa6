"""The embedded backend: one DuckDB file per case. Rows go in as Arrow batches."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from interlock.errors import StoreError
from interlock.store.schema import TABLES, VERSION, create_statements

ARROW_TYPES = {
    "TEXT": pa.string(),
    "BIGINT": pa.int64(),
    "TIMESTAMP": pa.timestamp("us"),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
}


class DuckDBStore:
    def __init__(self, path: Path, memory_limit: str = "512MB") -> None:
        try:
            self.con = duckdb.connect(str(path))
        except duckdb.IOException as exc:
            raise StoreError(f"{path}: cannot open the case store ({exc}); is another interlock running on this case?") from exc
        # a bounded buffer pool keeps ingest memory flat as a case grows; DuckDB spills past it
        self.con.execute(f"SET memory_limit = '{memory_limit}'")
        self._in_tx = False
        self.migrate()

    def migrate(self) -> None:
        for stmt in create_statements():
            self.con.execute(stmt)
        found = self.query("SELECT value FROM meta WHERE key = 'schema_version'")
        if not found:
            self.con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(VERSION)])
        elif int(found[0][0]) > VERSION:
            raise StoreError(f"the case store is from a newer interlock (schema {found[0][0]}); upgrade interlock")

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.con.execute(sql, list(params)).fetchall()

    def iter_query(self, sql: str, params: Sequence[Any] = (), size: int = 10_000) -> Iterator[tuple[Any, ...]]:
        cur = self.con.cursor()
        cur.execute(sql, list(params))
        while rows := cur.fetchmany(size):
            yield from rows

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.con.execute(sql, list(params))

    def insert(self, table: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        cols = TABLES[table]
        arrays = {name: [row[i] for row in rows] for i, (name, _) in enumerate(cols)}
        schema = pa.schema([(name, ARROW_TYPES[kind]) for name, kind in cols])
        batch = pa.table(arrays, schema=schema)  # noqa: F841  (read by DuckDB by name)
        self.con.execute(f"INSERT INTO {table} SELECT * FROM batch")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._in_tx:
            yield
            return
        self.con.execute("BEGIN TRANSACTION")
        self._in_tx = True
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        else:
            self.con.execute("COMMIT")
        finally:
            self._in_tx = False

    def close(self) -> None:
        self.con.close()
