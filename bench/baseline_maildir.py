"""The plain standard-library alternative for a folder of message files: walk, parse, insert into SQLite."""

from __future__ import annotations

import os
import sys

from baseline_sqlite import insert, open_db  # run as a script beside it


def load(root: str, db_path: str) -> int:
    db = open_db(db_path)
    n = 0
    for folder, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            with open(os.path.join(folder, name), "rb") as fh:
                insert(db, fh.read())
            n += 1
    db.commit()
    return n


if __name__ == "__main__":
    print(load(sys.argv[1], sys.argv[2]))
