"""The embedded store: small row groups and a small cache while a source streams in, the full cache after."""

from __future__ import annotations

from pathlib import Path

from conftest import make_message, write_mbox

from interlock.case import Case
from interlock.store.duckdb import INGEST_MEMORY_LIMIT, MEMORY_LIMIT, ROW_GROUP_SIZE, DuckDBStore


def setting(store: DuckDBStore, name: str) -> str:
    return str(store.query("SELECT value FROM duckdb_settings() WHERE name = ?", [name])[0][0])


def test_rows_land_in_small_row_groups(tmp_path: Path) -> None:
    store = DuckDBStore(tmp_path / "case.duckdb")
    n = ROW_GROUP_SIZE * 2 + 10
    store.insert("rejects", [("s", "f", "p", str(i), "reason", None) for i in range(n)])
    store.execute("CHECKPOINT")
    groups = store.query("SELECT row_group_id, max(count) FROM pragma_storage_info('rejects') GROUP BY 1")
    assert len(groups) == 3
    assert max(rows for _, rows in groups) <= ROW_GROUP_SIZE
    store.close()


def test_ingest_runs_with_the_small_cache_and_gives_the_full_one_back(tmp_path: Path) -> None:
    mbox = write_mbox(tmp_path / "box.mbox", [make_message(i) for i in range(30)])
    with Case.open(tmp_path / "case", create=True) as case:
        store = case.store
        assert isinstance(store, DuckDBStore)
        full = setting(store, "memory_limit")
        seen: list[str] = []
        original = store.insert

        def spy(table: str, rows: object) -> None:
            seen.append(setting(store, "memory_limit"))
            original(table, rows)  # type: ignore[arg-type]

        store.insert = spy  # type: ignore[method-assign]
        case.ingest([mbox], "mbox")
        assert seen and set(seen) == {setting_of(INGEST_MEMORY_LIMIT)}
        assert setting(store, "memory_limit") == full == setting_of(MEMORY_LIMIT)


def setting_of(limit: str) -> str:
    """DuckDB shows '64MB' back as '61.0 MiB': compare through a scratch connection."""
    import duckdb

    con = duckdb.connect()
    con.execute(f"SET memory_limit = '{limit}'")
    return str(con.execute("SELECT value FROM duckdb_settings() WHERE name = 'memory_limit'").fetchone()[0])  # type: ignore[index]
