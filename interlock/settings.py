"""One Settings object, built at the entry point and passed down. Nothing reads the environment at import."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


def _quiet(_: str) -> None:
    pass


@dataclass
class Settings:
    batch_size: int = 2_000          # records per committed transaction
    owner: str | None = None         # whose mailbox this is (an e-mail address)
    gov_domains: tuple[str, ...] = ()  # the government's mail domains
    jurisdiction: str | None = None  # the government a registry or contracts file belongs to
    mapping: Path | None = None      # the FtM mapping a csv source is read through
    progress_every: float = 2.0      # seconds between progress lines
    say: Callable[[str], None] = field(default=_quiet)  # where progress and notes go (stderr in the CLI)
