"""Shared fixtures: the real data folder, and factories for tiny synthetic mail."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data; its absence fails the test under CI and skips it elsewhere."""
    if not SHARED.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{SHARED} is missing; CI always has ../shared")
        pytest.skip(f"{SHARED} is not here")
    return SHARED


def make_message(n: int, sender: str = "a@example.gov", to: str = "b@example.com", subject: str | None = None,
                 body: str | None = None, when: datetime | None = None, extra: str = "") -> str:
    date = format_datetime(when or datetime(2020, 1, 1, tzinfo=UTC) + timedelta(hours=n))
    return (f"From: Person {n} <{sender}>\nTo: {to}\nSubject: {subject or f'message {n}'}\nDate: {date}\n"
            f"Message-ID: <m{n}@example>\n{extra}\n{body or f'Body of message {n}.'}\n")


def write_mbox(path: Path, messages: list[str]) -> Path:
    with path.open("w") as fh:
        for m in messages:
            fh.write("From MAILER-DAEMON Thu Jan  1 00:00:00 2020\n")
            fh.write(m.replace("\nFrom ", "\n>From "))
            fh.write("\n")
    return path


@pytest.fixture(scope="session")
def chicago_money_case(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 2025 registry, the 2021 export's contributions and the aldermen's ISBE receipts, resolved (about a minute)."""
    from interlock.case import Case

    root = tmp_path_factory.mktemp("chicago-money") / "case"
    with Case.open(root, create=True) as case:
        case.ingest([shared_data / "chicago-lobbyists-2025", shared_data / "chicago-lobbyists-2021",
                     shared_data / "chicago-aldermen-isbe-receipts-2019"])
        case.resolve()
    return root


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The spaCy model of interlock.claims, loaded once per test session."""
    from interlock.claims import load_model

    return load_model()
