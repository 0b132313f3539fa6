"""Errors interlock raises. Each knows the exit code the command line uses for it.

::

    InterlockError                 exit 2   base class; never raised itself
    ├── UsageError                 exit 2   bad arguments, unknown kind, missing case
    ├── InputError                 exit 2   a source file or folder cannot be read at all
    ├── RecordError                exit 1   one record of a source is rejected; the run goes on
    └── StoreError                 exit 2   the case store is missing, locked or from a newer version

Messages say what was wrong, where (file and record) and, where it helps, what to do.
"""

from __future__ import annotations


class InterlockError(Exception):
    exit_code = 2


class UsageError(InterlockError):
    exit_code = 2


class InputError(InterlockError):
    exit_code = 2


class RecordError(InterlockError):
    """One record cannot be ingested. Carries the file and the record so the message can name them."""

    exit_code = 1

    def __init__(self, reason: str, path: str = "", record: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.path = path
        self.record = record

    def __str__(self) -> str:
        where = ":".join(x for x in (self.path, self.record) if x)
        return f"{where}: {self.reason}" if where else self.reason


class StoreError(InterlockError):
    exit_code = 2
