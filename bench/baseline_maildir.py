"""The plain standard-library alternative for a folder of message files: walk, parse, insert into SQLite."""

from __future__ import annotations

import email
import email.policy
import os
import sqlite3
import sys


def load(root: str, db_path: str) -> int:
    db = sqlite3.connect(db_path)
    db.execute("CREATE TABLE IF NOT EXISTS messages (message_id TEXT, sent TEXT, sender TEXT, recipients TEXT, subject TEXT, body TEXT)")
    n = 0
    for folder, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            with open(os.path.join(folder, name), "rb") as fh:
                msg = email.message_from_bytes(fh.read(), policy=email.policy.default)
            part = msg.get_body(preferencelist=("plain", "html"))
            try:
                body = part.get_content() if part is not None else ""
            except (LookupError, ValueError):
                body = ""
            db.execute("INSERT INTO messages VALUES (?, ?, ?, ?, ?, ?)", (
                str(msg.get("message-id", "")), str(msg.get("date", "")), str(msg.get("from", "")),
                ", ".join(str(msg.get(h, "")) for h in ("to", "cc")), str(msg.get("subject", "")), body,
            ))
            n += 1
    db.commit()
    return n


if __name__ == "__main__":
    print(load(sys.argv[1], sys.argv[2]))
