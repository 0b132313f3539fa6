"""Fixtures: an empty case store, and the tiny case of :mod:`reportcase` in it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from interlock.store.duckdb import DuckDBStore

from .reportcase import add_entities, add_finding, add_identities, add_mail, add_sources, make_finding


@pytest.fixture
def store(tmp_path: Path) -> Iterator[DuckDBStore]:
    s = DuckDBStore(tmp_path / "case.duckdb")
    yield s
    s.close()


@pytest.fixture
def case_store(store: DuckDBStore) -> DuckDBStore:
    """The whole tiny case: sources, mailbox, entities, identities, mail and one finding."""
    add_sources(store)
    add_entities(store)
    add_identities(store)
    add_mail(store)
    add_finding(store, make_finding())
    return store
