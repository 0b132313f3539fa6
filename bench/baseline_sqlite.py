"""The plain standard-library alternative: mailbox + email parser into SQLite.

What someone would write in an afternoon: parse each message with ``policy.default``, keep the
headers and the plain-text body, insert into SQLite, commit once.
"""

from __future__ import annotations

import email
import email.policy
import mailbox
import sqlite3
import sys
from email.message import EmailMessage


def open_db(db_path: str) -> sqlite3.Connection:
    db = sqlite3.connect(db_path)
    db.execute("CREATE TABLE IF NOT EXISTS messages (message_id TEXT, sent TEXT, sender TEXT, recipients TEXT, subject TEXT, body TEXT)")
    return db


def insert(db: sqlite3.Connection, raw: bytes) -> None:
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    part = msg.get_body(preferencelist=("plain", "html"))
    try:
        body = part.get_content() if part is not None else ""
    except (LookupError, ValueError):
        body = ""
    db.execute("INSERT INTO messages VALUES (?, ?, ?, ?, ?, ?)", (
        str(msg.get("message-id", "")), str(msg.get("date", "")), str(msg.get("from", "")),
        ", ".join(str(msg.get(h, "")) for h in ("to", "cc")), str(msg.get("subject", "")), body,
    ))


def load(mbox_path: str, db_path: str) -> int:
    db = open_db(db_path)
    box = mailbox.mbox(mbox_path, create=False)
    n = 0
    for key in box.keys():
        insert(db, box.get_bytes(key))
        n += 1
    db.commit()
    return n


if __name__ == "__main__":
    print(load(sys.argv[1], sys.argv[2]))
