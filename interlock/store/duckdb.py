"""The embedded backend: one DuckDB file per case. Rows go in as Arrow batches."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from interlock.errors import StoreError
from interlock.store.schema import TABLES, VERSION, create_statements, missing_columns

ARROW_TYPES = {
    "TEXT": pa.string(),
    "BIGINT": pa.int64(),
    "TIMESTAMP": pa.timestamp("us"),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
}


# DuckDB rewrites a table's last row group whole at each checkpoint: at the default 122,880 rows a
# row group of message bodies is over 100 MiB, so ingest memory grew with the mailbox until the first
# row group filled. Smaller row groups bound that rewrite (measured in bench/ingest_formats.py).
ROW_GROUP_SIZE = 16_384
# The cache for analysis (resolve, detect, report), and the smaller one while a source streams in:
# a cache as large as the first keeps every freshly written block resident, so peak memory would
# grow with the mailbox up to that limit.
MEMORY_LIMIT = "512MB"
INGEST_MEMORY_LIMIT = "64MB"


class DuckDBStore:
    def __init__(self, path: Path, memory_limit: str = MEMORY_LIMIT, row_group_size: int = ROW_GROUP_SIZE) -> None:
        self.con = duckdb.connect()
        # a bounded buffer pool keeps ingest memory flat as a case grows; DuckDB spills past it
        self.con.execute(f"SET memory_limit = '{memory_limit}'")
        try:
            self.con.execute(f"ATTACH '{str(path).replace(chr(39), chr(39) * 2)}' AS case_store (ROW_GROUP_SIZE {int(row_group_size)})")
        except duckdb.IOException as exc:
            raise StoreError(f"{path}: cannot open the case store ({exc}); is another interlock running on this case?") from exc
        self.con.execute("USE case_store")
        self.memory_limit = memory_limit
        self._in_tx = False
        self.migrate()

    def migrate(self) -> None:
        for stmt in create_statements():
            self.con.execute(stmt)
        existing = {(t, c) for t, c in self.query(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_catalog = 'case_store'")}
        for stmt in missing_columns(existing):
            self.con.execute(stmt)
        found = self.query("SELECT value FROM meta WHERE key = 'schema_version'")
        if not found:
            self.con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(VERSION)])
        elif int(found[0][0]) > VERSION:
            raise StoreError(f"the case store is from a newer interlock (schema {found[0][0]}); upgrade interlock")
        elif int(found[0][0]) < VERSION:
            self.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(VERSION)])

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.con.execute(sql, list(params)).fetchall()

    def iter_query(self, sql: str, params: Sequence[Any] = (), size: int = 10_000) -> Iterator[tuple[Any, ...]]:
        cur = self.con.cursor()
        cur.execute("USE case_store")  # a cursor is a new connection to the same database
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
    def bounded_memory(self) -> Iterator[None]:
        self.con.execute(f"SET memory_limit = '{INGEST_MEMORY_LIMIT}'")
        try:
            yield
        finally:
            if not self._in_tx:
                self.con.execute("CHECKPOINT")  # while the cache is still small, not at close
            self.con.execute(f"SET memory_limit = '{self.memory_limit}'")

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
