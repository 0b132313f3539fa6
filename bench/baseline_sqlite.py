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


def load(mbox_path: str, db_path: str) -> int:
    db = sqlite3.connect(db_path)
    db.execute("CREATE TABLE IF NOT EXISTS messages (message_id TEXT, sent TEXT, sender TEXT, recipients TEXT, subject TEXT, body TEXT)")
    n = 0
    box = mailbox.mbox(mbox_path, create=False)
    for key in box.keys():
        msg = email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
        part = msg.get_body(preferencelist=("plain", "html"))
        body = part.get_content() if part is not None else ""
        db.execute("INSERT INTO messages VALUES (?, ?, ?, ?, ?, ?)", (
            str(msg.get("message-id", "")), str(msg.get("date", "")), str(msg.get("from", "")),
            ", ".join(str(msg.get(h, "")) for h in ("to", "cc")), str(msg.get("subject", "")), body,
        ))
        n += 1
    db.commit()
    return n


if __name__ == "__main__":
    print(load(sys.argv[1], sys.argv[2]))
